//! The figure of a view (`src/figure.rs`) on the bundled dataset: its SVG is well-formed with
//! its title and description first, it says what the view shows in both languages, every
//! dataset text is escaped, it is the same for the same view, and at the share and download
//! sizes everything is inside the figure and no two texts overlap.
#![cfg(not(target_arch = "wasm32"))]

use almaty_process::date::{Date, DayNum};
use almaty_process::figure::{bounds, build, describe, num, role_colour, to_svg, Figure, FigureView, Item};
use almaty_process::i18n::Lang;
use almaty_process::model::{Dataset, Role, Text};
use almaty_process::query;
use almaty_process::validate::parse_dataset;

fn bundled() -> Dataset {
    parse_dataset(include_str!("../public/data/dataset.json")).expect("the bundled dataset is valid")
}

fn day(s: &str) -> DayNum {
    Date::parse(s).expect("a test date").first_day()
}

/// A view of the whole extent on `on`, with an event and a state selected by id.
fn view(ds: &Dataset, lang: Lang, on: &str, event: Option<&str>, state: Option<&str>) -> FigureView {
    let made = day("2026-12-09");
    FigureView {
        lang,
        day: day(on),
        event: event.map(|id| ds.event_ix(id).expect("a bundled event")),
        state: state.map(|code| ds.state_ix(code).expect("a bundled state")),
        span: query::extent(ds, made),
        link: format!("https://example.org/almaty/#{}", lang.code()),
        made,
    }
}

/// The views every size is checked with.
fn views(ds: &Dataset) -> Vec<FigureView> {
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Ru] {
        out.push(view(ds, lang, "2013-06-05", Some("2013-06-05-ministerial"), None));
        out.push(view(ds, lang, "2024-06-01", None, None));
        out.push(view(ds, lang, "2016-01-01", None, Some("KZ")));
        out.push(view(ds, lang, "2016-09-19", Some("2016-09-19-som-3"), Some("KZ")));
        out.push(view(ds, lang, "2011-03-14", Some("2011-03-regional-conference"), None));
        out.push(view(ds, lang, "2025-04-24", Some("2025-04-24-ministerial-3"), Some("UZ")));
    }
    out
}

/// An item's box: left, top, right, bottom.
type Bounds = (f64, f64, f64, f64);

const SIZES: [(f64, f64); 2] = [(1200.0, 630.0), (1600.0, 1000.0)];

fn texts(f: &Figure) -> Vec<&str> {
    f.items
        .iter()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// A tiny XML well-formedness check: tags nest and close, attributes are quoted and unique,
// every `&` starts a known entity, one root element, no `<` in text or values.

fn check_entities(s: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        let tail = &rest[i + 1..];
        let end = tail.find(';').ok_or_else(|| format!("unterminated entity in {s:?}"))?;
        let name = &tail[..end];
        let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || name.strip_prefix("#x").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()));
        if !ok {
            return Err(format!("unknown entity &{name}; in {s:?}"));
        }
        rest = &tail[end + 1..];
    }
    Ok(())
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

/// Parses a start tag's inside (`name a="1" b="2"`, without `<`, `>` and a closing `/`).
fn check_start_tag(inside: &str) -> Result<String, String> {
    let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
    let name = &inside[..name_end];
    if !is_name(name) {
        return Err(format!("bad element name {name:?}"));
    }
    let mut rest = inside[name_end..].trim_start();
    let mut seen: Vec<&str> = Vec::new();
    while !rest.is_empty() {
        let eq = rest.find('=').ok_or_else(|| format!("attribute without value in <{inside}>"))?;
        let attr = rest[..eq].trim();
        if !is_name(attr) || seen.contains(&attr) {
            return Err(format!("bad or repeated attribute {attr:?} in <{name}>"));
        }
        seen.push(attr);
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted attribute value")?;
        let close = after[1..].find(quote).ok_or("unterminated attribute value")?;
        let value = &after[1..1 + close];
        if value.contains('<') {
            return Err(format!("'<' in the value of {attr}"));
        }
        check_entities(value)?;
        rest = after[close + 2..].trim_start();
        if !rest.is_empty() && !after[close + 2..].starts_with(char::is_whitespace) {
            return Err(format!("no space between attributes in <{name}>"));
        }
    }
    Ok(name.to_string())
}

/// The end of the tag that starts at `s[0]` (`<`), skipping quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn well_formed(doc: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = doc;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..lt];
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        check_entities(text)?;
        if lt == rest.len() {
            break;
        }
        rest = &rest[lt..];
        let end = tag_end(rest).ok_or("unterminated tag")?;
        let tag = &rest[1..end];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if tag.starts_with('?') || tag.starts_with('!') {
            return Err(format!("unexpected <{tag}>"));
        } else {
            if stack.is_empty() {
                roots += 1;
            }
            match tag.strip_suffix('/') {
                Some(inside) => {
                    check_start_tag(inside.trim_end())?;
                }
                None => stack.push(check_start_tag(tag)?),
            }
        }
        rest = &rest[end + 1..];
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements: {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

#[test]
fn the_well_formedness_check_finds_faults() {
    assert!(well_formed("<svg a=\"1\"><t>x &amp; y</t><r/></svg>").is_ok());
    for bad in [
        "<svg><t></svg>",
        "<svg>a & b</svg>",
        "<svg a=1></svg>",
        "<svg a=\"1\" a=\"2\"></svg>",
        "<svg></svg><svg></svg>",
        "<svg><script>x</script></svg><",
        "<svg a=\"<\"></svg>",
        "text<svg></svg>",
    ] {
        assert!(well_formed(bad).is_err(), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn the_svg_is_well_formed_with_its_title_and_description_first() {
    let ds = bundled();
    for v in views(&ds) {
        for (w, h) in SIZES {
            let f = build(&ds, &v, w, h);
            let svg = to_svg(&f);
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}", &svg[..80]);
            well_formed(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
            let open_end = svg.find('>').expect("the svg tag ends");
            let root = &svg[..open_end];
            for a in ["viewBox=\"0 0 ", "width=\"", "height=\"", "role=\"img\"", "aria-labelledby=\""] {
                assert!(root.contains(a), "{a} in {root}");
            }
            let body = svg[open_end + 1..].trim_start();
            assert!(body.starts_with("<title id=\"ap-figure-title\">"), "{}", &body[..60]);
            let after_title = &body[body.find("</title>").expect("title closes") + 8..];
            assert!(after_title.trim_start().starts_with("<desc id=\"ap-figure-desc\">"));
            assert!(!svg.contains("<path"), "text is drawn as text, never as paths");
            assert_eq!(svg.matches("<text").count(), texts(&f).len());
        }
    }
}

#[test]
fn the_figure_names_the_selected_event_and_the_as_of_date() {
    let ds = bundled();
    let v = view(&ds, Lang::En, "2013-06-05", Some("2013-06-05-ministerial"), None);
    let f = build(&ds, &v, 1600.0, 1000.0);
    let title = "Ministerial Conference on Refugee Protection and International Migration: The Almaty Process";
    assert_eq!(f.title, title);
    let all = texts(&f).join(" ");
    assert!(all.starts_with(title), "the title comes first, wrapped at spaces: {all}");
    assert!(all.contains("As of 5 June 2013: 7 members, 2 observers"), "{all}");
    assert!(all.contains("Chair: Kazakhstan."), "{all}");
    assert!(texts(&f).contains(&"5 June 2013"), "the as-of line is labelled with its date");
    assert!(all.contains("5 June 2013 · Ministerial conference"), "the selected event's label: {all}");
    assert!(all.contains("★ Chair"), "Kazakhstan chaired it: {all}");
    let svg = to_svg(&f);
    assert!(svg.contains("<title id=\"ap-figure-title\">Ministerial Conference on Refugee Protection"));
    assert!(f.desc.contains(&format!("Selected: {title} (5 June 2013")), "{}", f.desc);
    assert!(f.desc.contains("Kazakhstan (Chair)"), "{}", f.desc);
}

#[test]
fn the_alt_text_says_what_the_figure_shows() {
    let ds = bundled();
    let v = view(&ds, Lang::En, "2013-06-05", Some("2013-06-05-ministerial"), None);
    let n_events = ds.events.len();
    let d = describe(&ds, &v);
    let head = format!(
        "Timeline of {n_events} events from 2011 to 2025 and map of {} states as of 5 June 2013: 7 members, 2 observers",
        ds.states.len()
    );
    assert!(d.starts_with(&head), "{d}");
    assert!(d.contains(". Chair: Kazakhstan. Selected: "), "{d}");
    assert!(d.contains("attended by Afghanistan (Participant); Azerbaijan (Participant); Kazakhstan (Chair)"), "{d}");
    assert!(!d.contains('\n'), "one paragraph");
    let ru = describe(&ds, &in_russian(&v));
    assert!(ru.starts_with(&format!("Хронология из {n_events} событий с 2011 по 2025 г. и карта")), "{ru}");
    assert!(ru.contains("на 5 июня 2013 г.: 7 членов, 2 наблюдателя"), "{ru}");
    assert!(ru.contains("Председатель: Казахстан."), "{ru}");
    assert!(ru.contains("Выбрано: "), "{ru}");
    // A selected state: its name and role.
    let v = view(&ds, Lang::En, "2024-06-01", None, Some("AF"));
    let d = describe(&ds, &v);
    assert!(d.ends_with("Selected: Afghanistan — Member (last on record May 2019)."), "{d}");
    assert_eq!(build(&ds, &v, 1200.0, 630.0).title, "Afghanistan");
}

fn in_russian(v: &FigureView) -> FigureView {
    FigureView { lang: Lang::Ru, ..v.clone() }
}

#[test]
fn one_tile_per_state() {
    let ds = bundled();
    for v in views(&ds) {
        for (w, h) in SIZES {
            let f = build(&ds, &v, w, h);
            // A tile's code is its one bold text that is a state code.
            let codes: Vec<&str> = f
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, bold: true, .. } if ds.state(text).is_some() => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(codes.len(), ds.states.len(), "{w}×{h} {codes:?}");
            for s in &ds.states {
                assert_eq!(codes.iter().filter(|c| **c == s.code).count(), 1, "{}", s.code);
            }
        }
    }
}

#[test]
fn tiles_show_roles_the_selection_and_what_is_only_last_on_record() {
    let ds = bundled();
    // In 2024 Afghanistan's membership is only the last on record (the sources stop in 2019).
    let v = view(&ds, Lang::En, "2024-06-01", Some("2023-10-12-som-8"), Some("AF"));
    let f = build(&ds, &v, 1200.0, 630.0);
    let rects: Vec<&Item> = f.items.iter().filter(|i| matches!(i, Item::Rect { .. })).collect();
    assert!(rects.iter().any(|i| matches!(i, Item::Rect { dashed: true, .. })), "a dashed tile");
    let member = role_colour(Some(Role::Member));
    assert!(rects.iter().any(|i| matches!(i, Item::Rect { fill, .. } if fill == member)));
    assert!(
        rects.iter().any(|i| matches!(i, Item::Rect { stroke: Some(s), fill, .. } if s == "#d4350f" && fill == member)),
        "the selected state (a member) is outlined in the focus colour"
    );
    let all = texts(&f);
    assert!(all.contains(&"Member ?"), "{all:?}");
    assert!(all.contains(&"★ Chair"), "{all:?}");
    let joined = all.join(" ");
    for legend in ["Member", "Observer", "Applicant", "last role on record; no later source", "Selected state"] {
        assert!(joined.contains(legend), "legend {legend}: {all:?}");
    }
    assert!(joined.contains("Role at the selected event"), "{all:?}");
}

#[test]
fn hostile_dataset_text_is_escaped() {
    let mut ds = bundled();
    let hostile = "<script>alert(1)</script>&\"'";
    let e = ds.event_ix("2013-06-05-ministerial").expect("the event");
    ds.events[e.0].title =
        Text([("en".to_string(), hostile.to_string()), ("ru".to_string(), hostile.to_string())].into());
    let kz = ds.state_ix("KZ").expect("Kazakhstan");
    for n in &mut ds.states[kz.0].names {
        n.short = Text([("en".to_string(), format!("KZ {hostile}"))].into());
    }
    ds.title = Text([("en".to_string(), format!("Data {hostile}"))].into());
    for lang in [Lang::En, Lang::Ru] {
        let v = view(&ds, lang, "2013-06-05", Some("2013-06-05-ministerial"), Some("KZ"));
        let f = build(&ds, &v, 1600.0, 1000.0);
        let svg = to_svg(&f);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("</script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"), "{svg}");
        assert!(svg.contains("KZ &lt;script"), "the state's name, escaped");
        well_formed(&svg).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_same_view_gives_the_same_figure() {
    let ds = bundled();
    for v in views(&ds) {
        let a = build(&ds, &v, 1200.0, 630.0);
        let b = build(&ds, &v.clone(), 1200.0, 630.0);
        assert_eq!(a, b);
        assert_eq!(to_svg(&a), to_svg(&b));
    }
}

#[test]
fn english_and_russian() {
    let ds = bundled();
    let en = to_svg(&build(&ds, &view(&ds, Lang::En, "2013-06-05", None, None), 1200.0, 630.0));
    for s in [
        "As of 5 June 2013: 7 members, 2 observers",
        "Source: The Almaty Process",
        "updated 8 December 2026",
        "Figure made 9 December 2026",
        "https://example.org/almaty/#en",
        ">Timeline<",
        ">States as of 5 June 2013<",
        ">Kazakhstan<",
    ] {
        assert!(en.contains(s), "{s}\n{en}");
    }
    let ru = to_svg(&build(&ds, &view(&ds, Lang::Ru, "2013-06-05", None, None), 1200.0, 630.0));
    for s in [
        "На 5 июня 2013 г.: 7 членов, 2 наблюдателя",
        "Председатель: Казахстан.",
        "Источник: Алматинский процесс",
        "обновлено 8 декабря 2026 г.",
        "Рисунок создан 9 декабря 2026 г.",
        ">Хронология<",
        ">Государства на 5 июня 2013 г.<",
        ">Казахстан<",
        ">Член<",
    ] {
        assert!(ru.contains(s), "{s}\n{ru}");
    }
    assert!(!ru.contains(">Member<") && !ru.contains("Source:"), "no English left in the Russian figure");
}

/// Every item's box inside the figure.
fn assert_inside(f: &Figure, what: &str) {
    for item in &f.items {
        let (l, t, r, b) = bounds(item);
        assert!(
            l >= -0.01 && t >= -0.01 && r <= f.width + 0.01 && b <= f.height + 0.01,
            "{what}: {item:?} out of {}×{}: {:?}",
            f.width,
            f.height,
            (l, t, r, b)
        );
        let finite = [l, t, r, b].iter().all(|v| v.is_finite());
        assert!(finite, "{what}: {item:?}");
    }
}

#[test]
fn at_the_share_and_download_sizes_every_item_is_inside() {
    let ds = bundled();
    for v in views(&ds) {
        for (w, h) in SIZES {
            let f = build(&ds, &v, w, h);
            assert_eq!((f.width, f.height), (w, h));
            assert_inside(&f, &format!("{w}×{h} {:?} {:?}", v.lang, v.event));
        }
    }
}

#[test]
fn no_two_texts_overlap() {
    let ds = bundled();
    for v in views(&ds) {
        for (w, h) in SIZES {
            let f = build(&ds, &v, w, h);
            let boxes: Vec<(&str, Bounds)> = f
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, .. } => Some((text.as_str(), bounds(i))),
                    _ => None,
                })
                .collect();
            for (i, (ta, a)) in boxes.iter().enumerate() {
                for (tb, b) in &boxes[i + 1..] {
                    let apart = a.2 <= b.0 + 0.5 || b.2 <= a.0 + 0.5 || a.3 <= b.1 + 0.5 || b.3 <= a.1 + 0.5;
                    assert!(apart, "{w}×{h} {:?}: {ta:?} {a:?} overlaps {tb:?} {b:?}", v.lang);
                }
            }
        }
    }
}

#[test]
fn other_sizes_still_fit() {
    let ds = bundled();
    for v in views(&ds) {
        for (w, h) in [(800.0, 600.0), (1000.0, 1000.0), (2400.0, 1260.0), (1920.0, 640.0), (600.0, 315.0)] {
            let f = build(&ds, &v, w, h);
            assert_inside(&f, &format!("{w}×{h}"));
            well_formed(&to_svg(&f)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // Nonsense sizes fall back to the share size.
    let f = build(&ds, &views(&ds)[0], f64::NAN, -3.0);
    assert_eq!((f.width, f.height), (1200.0, 630.0));
}

#[test]
fn long_texts_wrap_shrink_or_end_in_an_ellipsis_inside_the_figure() {
    let mut ds = bundled();
    let long = "Very long title ".repeat(40);
    let e = ds.event_ix("2016-09-19-som-3").expect("the event");
    ds.events[e.0].title = Text([("en".to_string(), long.clone())].into());
    let us = ds.state_ix("US").expect("the US");
    ds.states[us.0].names[0].short =
        Text([("en".to_string(), "Extraordinarilylongnamewithoutanyspaceatall".to_string())].into());
    let mut v = view(&ds, Lang::En, "2016-09-19", Some("2016-09-19-som-3"), Some("US"));
    v.link = format!("https://example.org/{}", "x".repeat(400));
    for (w, h) in SIZES {
        let f = build(&ds, &v, w, h);
        assert_inside(&f, "long texts");
        let all = texts(&f);
        assert!(all[0].starts_with("Very long title"), "{all:?}");
        assert!(all[1].ends_with("long…"), "the second line of the title ends in an ellipsis: {all:?}");
        assert!(all.iter().any(|t| t.starts_with("https://example.org/xxx") && t.ends_with('…')), "{all:?}");
        assert!(all.iter().any(|t| t.starts_with("Extraordinar")), "the name is shown, shrunk or shortened");
        assert_eq!(f.title, long, "the SVG's title keeps the whole text");
    }
    // A title that fits in two lines is wrapped, not shortened; names break at syllables.
    let ds = bundled();
    let v = view(&ds, Lang::En, "2013-06-05", Some("2013-06-05-ministerial"), None);
    let f = build(&ds, &v, 1200.0, 630.0);
    assert!(!texts(&f).iter().any(|t| t.contains('…')), "{:?}", texts(&f));
}

#[test]
fn role_colours_are_the_stylesheets() {
    let css = include_str!("../public/styles.css");
    for &role in Role::ALL {
        let decl = format!("--ap-{}: {};", role.as_str(), role_colour(Some(role)));
        assert!(css.contains(&decl), "{decl}");
    }
    assert!(css.contains(&format!("--ap-none: {};", role_colour(None))));
}

#[test]
fn numbers_have_at_most_two_decimals() {
    assert_eq!(num(12.0), "12");
    assert_eq!(num(3.5), "3.5");
    assert_eq!(num(1.0 / 3.0), "0.33");
    assert_eq!(num(-0.001), "0");
    assert_eq!(num(2.999), "3");
    assert_eq!(num(f64::NAN), "0");
    let ds = bundled();
    let svg = to_svg(&build(&ds, &views(&ds)[0], 1600.0, 1000.0));
    for part in svg.split('"') {
        if let Some((_, frac)) = part.split_once('.') {
            if part.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
                assert!(frac.len() <= 2, "{part}");
            }
        }
    }
}

/// Writes the figures of the visual check to /tmp (`cargo test --test figure -- --ignored`).
#[test]
#[ignore]
fn write_sample_figures() {
    let ds = bundled();
    let samples = [
        ("a", view(&ds, Lang::En, "2013-06-05", Some("2013-06-05-ministerial"), None), 1600.0, 1000.0),
        ("b", view(&ds, Lang::Ru, "2024-06-01", None, None), 1200.0, 630.0),
        ("c", view(&ds, Lang::En, "2016-01-01", None, Some("KZ")), 1200.0, 630.0),
        ("d", view(&ds, Lang::En, "2016-09-19", Some("2016-09-19-som-3"), None), 1200.0, 630.0),
        ("e", view(&ds, Lang::Ru, "2025-04-24", Some("2025-04-24-ministerial-3"), Some("UZ")), 1600.0, 1000.0),
    ];
    for (name, v, w, h) in samples {
        std::fs::write(format!("/tmp/fig-{name}.svg"), to_svg(&build(&ds, &v, w, h))).expect("written");
    }
}
