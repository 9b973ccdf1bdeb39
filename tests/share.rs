//! The build-time share pages (`share`): an event's page carries every preview tag with the
//! right absolute URLs, dataset text is escaped in tags and content, the oEmbed answer is a
//! complete `rich` answer whose iframe opens the embed page on the event, the preview image
//! is a 1200×630 PNG made the same way twice, and there is one page per event and chair term
//! plus one for the whole dataset.

#![cfg(not(target_arch = "wasm32"))]

use almaty_process::model::Dataset;
use almaty_process::share::{self, Page, Raster, Subject};
use almaty_process::validate::parse_dataset;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

const REAL: &str = include_str!("../public/data/dataset.json");
const SMALL: &str = include_str!("fixtures/small.json");
const SITE: &str = "https://example.org/tools/almaty/";
const EVENT: &str = "2013-06-05-ministerial";
const HOSTILE: &str = "<script>alert(\"x\")</script> O'Brien & <b>co</b>";

fn real() -> Dataset {
    parse_dataset(REAL).expect("the bundled dataset is valid")
}

fn page<'a>(pages: &'a [Page], id: &str) -> &'a Page {
    pages.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no page {id}"))
}

/// Undoes `push_html`.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Every `<name …>` start tag of the page as its attributes (values unescaped), in order.
/// The pages quote every value with `"`, and escaping leaves no `"` or `>` inside one.
fn tags(html: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let body = &rest[i + open.len()..];
        let end = body.find('>').expect("a closed tag");
        let mut attrs = BTreeMap::new();
        let mut a = &body[..end];
        while let Some(eq) = a.find("=\"") {
            // Attributes without a value (`data-almaty-process-frame`) come before the key.
            let mut names: Vec<&str> = a[..eq].split_whitespace().collect();
            let key = names.pop().expect("an attribute name").to_string();
            for flag in names {
                attrs.insert(flag.to_string(), String::new());
            }
            let close = a[eq + 2..].find('"').expect("a closing quote");
            attrs.insert(key, unescape(&a[eq + 2..eq + 2 + close]));
            a = &a[eq + 2 + close + 1..];
        }
        for flag in a.split_whitespace() {
            attrs.insert(flag.to_string(), String::new());
        }
        out.push(attrs);
        rest = &body[end..];
    }
    out
}

/// The `content` of the `<meta>` whose `key` attribute (`property` or `name`) is `value`.
fn meta(html: &str, key: &str, value: &str) -> String {
    let found: Vec<_> =
        tags(html, "meta").into_iter().filter(|t| t.get(key).map(String::as_str) == Some(value)).collect();
    assert_eq!(found.len(), 1, "one <meta {key}=\"{value}\"> in\n{html}");
    found[0]["content"].clone()
}

/// The `<link>` with this `rel` (and `type`, when given).
fn link(html: &str, rel: &str, ty: Option<&str>) -> BTreeMap<String, String> {
    let found: Vec<_> = tags(html, "link")
        .into_iter()
        .filter(|t| {
            t.get("rel").map(String::as_str) == Some(rel)
                && ty.is_none_or(|ty| t.get("type").map(String::as_str) == Some(ty))
        })
        .collect();
    assert_eq!(found.len(), 1, "one <link rel=\"{rel}\"> in\n{html}");
    found[0].clone()
}

/// The text between `<tag…>` and `</tag>` (the first such element).
fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html.find(&format!("<{tag}")).unwrap_or_else(|| panic!("no <{tag}>"));
    let body = &html[start + html[start..].find('>').unwrap() + 1..];
    &body[..body.find(&format!("</{tag}>")).unwrap()]
}

#[test]
fn an_event_page_carries_every_tag_with_absolute_urls() {
    let ds = real();
    let pages = share::pages(&ds, SITE).unwrap();
    let p = page(&pages, EVENT);
    let e = ds.event(EVENT).unwrap();
    let h = &p.html;
    let title = &e.title.0["en"];

    assert!(h.starts_with("<!doctype html>\n<html lang=\"en\">"), "{}", &h[..60]);
    assert_eq!(tags(h, "meta")[0].get("charset").map(String::as_str), Some("utf-8"));
    assert!(meta(h, "name", "viewport").contains("width=device-width"));
    assert!(unescape(element(h, "title")).starts_with(title.as_str()));

    let page_url = format!("{SITE}share/{EVENT}.html");
    assert_eq!(link(h, "canonical", None)["href"], page_url);
    assert_eq!(meta(h, "property", "og:url"), page_url);
    assert_eq!(meta(h, "property", "og:type"), "website");
    assert_eq!(&meta(h, "property", "og:title"), title);
    assert_eq!(meta(h, "property", "og:site_name"), ds.title.0["en"]);
    assert_eq!(meta(h, "property", "og:locale"), "en_GB");
    assert_eq!(meta(h, "property", "og:image"), format!("{SITE}share/{EVENT}.png"));
    assert_eq!(meta(h, "property", "og:image:width"), "1200");
    assert_eq!(meta(h, "property", "og:image:height"), "630");
    assert_eq!(meta(h, "property", "og:image:alt"), p.figure.desc);
    assert!(!p.figure.desc.trim().is_empty(), "the image has an alternative text");
    assert_eq!(meta(h, "name", "twitter:card"), "summary_large_image");

    // The description: the summary, cut at a word to about 300 chars.
    let description = meta(h, "property", "og:description");
    assert_eq!(meta(h, "name", "description"), description);
    let summary = &e.summary.0["en"];
    assert!(summary.chars().count() > 300, "the test needs a long summary");
    assert!(description.chars().count() <= 300 && description.ends_with('…'), "{description}");
    let kept = description.trim_end_matches('…');
    assert!(summary.starts_with(kept), "{kept}");
    assert!(summary[kept.len()..].starts_with([' ', ',', '.', ';']), "cut inside a word: {description}");

    let oembed = link(h, "alternate", Some("application/json+oembed"));
    assert_eq!(oembed["href"], format!("{SITE}share/{EVENT}.oembed.json"));
    assert_eq!(&oembed["title"], title);
    assert_eq!(link(h, "stylesheet", None)["href"], "share.css");

    // Visible without any script: the title, the date, the whole summary, the image and a
    // plain link into the app.
    assert_eq!(&unescape(element(h, "h1")), title);
    let time = tags(h, "time");
    assert_eq!(time[0]["datetime"], "2013-06-05");
    assert!(unescape(element(h, "time")).contains("2013"), "{}", element(h, "time"));
    assert!(unescape(h).contains(summary.as_str()), "the whole summary is on the page");
    let img = &tags(h, "img")[0];
    assert_eq!(img["src"], format!("{EVENT}.png"));
    assert_eq!((img["width"].as_str(), img["height"].as_str()), ("1200", "630"));
    assert_eq!(img["alt"], p.figure.desc);
    let links: Vec<_> = tags(h, "a").into_iter().map(|a| a["href"].clone()).collect();
    assert!(links.contains(&format!("../index.html#e={EVENT}")), "{links:?}");
    assert!(!h.contains("<script") && !h.contains("<style") && !h.contains(" style="), "no script, no inline style");
}

#[test]
fn hostile_text_is_escaped_in_tags_and_content() {
    let mut ds = parse_dataset(SMALL).unwrap();
    let ix = ds.event_ix(EVENT).unwrap();
    ds.events[ix.0].title.0.insert("en".into(), HOSTILE.into());
    ds.events[ix.0].summary.0.insert("en".into(), format!("{HOSTILE} and more"));
    ds.title.0.insert("en".into(), format!("Site {HOSTILE}"));
    let pages = share::pages(&ds, SITE).unwrap();
    let p = page(&pages, EVENT);
    let h = &p.html;
    for raw in ["<script", "<b>", "O'Brien", "\"x\"", " & "] {
        assert!(!h.contains(raw), "{raw:?} reached the page unescaped");
    }
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &lt;b&gt;co&lt;/b&gt;";
    assert!(element(h, "h1") == escaped, "{}", element(h, "h1"));
    assert!(element(h, "title").starts_with(escaped));
    assert!(h.contains(&format!("<meta property=\"og:title\" content=\"{escaped}\">")), "{h}");
    assert!(h.contains(&format!("<meta property=\"og:description\" content=\"{escaped} and more\">")));
    assert!(h.contains(&format!("<meta property=\"og:site_name\" content=\"Site {escaped}\">")));
    // Read back, every value is the text itself.
    assert_eq!(meta(h, "property", "og:title"), HOSTILE);
    assert_eq!(meta(h, "property", "og:site_name"), format!("Site {HOSTILE}"));
    assert_eq!(link(h, "alternate", Some("application/json+oembed"))["title"], HOSTILE);

    // The oEmbed answer keeps the text as JSON text, and its iframe's title is escaped.
    let o: Value = serde_json::from_str(&p.oembed).unwrap();
    assert_eq!(o["title"], HOSTILE);
    assert_eq!(o["provider_name"], format!("Site {HOSTILE}"));
    let iframe = o["html"].as_str().unwrap();
    assert!(!iframe.contains("<script") && !iframe.contains("<b>"), "{iframe}");
    assert_eq!(tags(iframe, "iframe")[0]["title"], HOSTILE);

    // The index page and the app page's tags escape the dataset's title too.
    let index = page(&pages, "index");
    assert!(!index.html.contains("<script"));
    let head = share::index_head(&ds, SITE, index);
    assert!(!head.contains("<script") && head.contains(escaped));
}

#[test]
fn the_oembed_answer_is_a_complete_rich_answer_framing_the_event() {
    let ds = real();
    let pages = share::pages(&ds, SITE).unwrap();
    let p = page(&pages, EVENT);
    let o: Value = serde_json::from_str(&p.oembed).expect("the oEmbed answer is JSON");
    assert_eq!(o["version"], "1.0");
    assert_eq!(o["type"], "rich");
    assert_eq!(o["title"], ds.event(EVENT).unwrap().title.0["en"].as_str());
    assert_eq!(o["provider_name"], ds.title.0["en"].as_str());
    assert_eq!(o["provider_url"], SITE);
    assert_eq!(o["width"], 960);
    assert_eq!(o["height"], 720);
    assert_eq!(o["thumbnail_url"], format!("{SITE}share/{EVENT}.png"));
    assert_eq!(o["thumbnail_width"], 1200);
    assert_eq!(o["thumbnail_height"], 630);
    assert_eq!(o["cache_age"], 86400);
    for key in [
        "version",
        "type",
        "title",
        "provider_name",
        "provider_url",
        "html",
        "width",
        "height",
        "thumbnail_url",
        "thumbnail_width",
        "thumbnail_height",
        "cache_age",
    ] {
        assert!(!o[key].is_null(), "{key} is missing");
    }

    // The snippet: one iframe of the embed page on the event, no host script needed.
    let html = o["html"].as_str().unwrap();
    assert!(html.starts_with("<iframe ") && html.ends_with("></iframe>"), "{html}");
    assert!(!html.contains("<script"), "the snippet needs no script on the host");
    let frame = &tags(html, "iframe")[0];
    assert_eq!(frame["src"], format!("{SITE}embed.html?event={EVENT}&lang=en"));
    assert!(html.contains("embed.html?event=2013-06-05-ministerial&amp;lang=en"), "& escaped in the attribute: {html}");
    assert_eq!(frame["title"], o["title"].as_str().unwrap());
    assert_eq!(frame["loading"], "lazy");
    assert_eq!(frame["width"], "100%");
    assert_eq!(frame["height"], "720");
    assert_eq!(frame["frameborder"], "0");
    assert!(frame["style"].contains("border:0"));

    // A chair term's and the whole dataset's answers frame their own views.
    let term = &ds.chair_terms[0];
    let t: Value = serde_json::from_str(&page(&pages, &term.id).oembed).unwrap();
    let src = tags(t["html"].as_str().unwrap(), "iframe")[0]["src"].clone();
    assert_eq!(src, format!("{SITE}embed.html?date={}&state={}&lang=en", term.span.from, term.state));
    let i: Value = serde_json::from_str(&page(&pages, "index").oembed).unwrap();
    assert_eq!(tags(i["html"].as_str().unwrap(), "iframe")[0]["src"], format!("{SITE}embed.html?lang=en"));
}

#[test]
fn the_preview_image_is_a_1200_by_630_png_made_the_same_twice() {
    let ds = parse_dataset(SMALL).unwrap();
    let pages = share::pages(&ds, SITE).unwrap();
    let p = page(&pages, EVENT);
    let raster = Raster::new();
    assert!(raster.font_faces() > 0, "no fonts: install fonts-dejavu-core (scripts/setup.sh)");
    let png = raster.page_png(p).expect("the figure rasterises");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "the first chunk is IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 630));
    assert!(png.len() > 5_000, "an image with content, not a blank: {} bytes", png.len());
    // Made again (with a new font database and from a new page list): the same bytes.
    let again = Raster::new().page_png(page(&share::pages(&ds, SITE).unwrap(), EVENT)).unwrap();
    assert!(png == again, "the same input gives the same PNG");
    // Another view gives another image.
    assert!(raster.page_png(page(&pages, "index")).unwrap() != png);
}

#[test]
fn one_page_per_event_and_chair_term_plus_the_index() {
    let ds = real();
    let pages = share::pages(&ds, SITE).unwrap();
    assert_eq!(pages.len(), ds.events.len() + ds.chair_terms.len() + 1);
    let ids: HashSet<&str> = pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), pages.len(), "every page has its own files");
    for e in &ds.events {
        let p = page(&pages, &e.id);
        assert!(matches!(p.subject, Subject::Event(ix) if ds.events[ix.0].id == e.id));
        assert_eq!(p.view.event.map(|ix| ix.0), ds.event_ix(&e.id).map(|ix| ix.0));
        assert_eq!(p.view.day, e.start.first_day(), "as of the event's start");
        assert_eq!(p.html_path(), format!("share/{}.html", e.id));
        assert_eq!(p.png_path(), format!("share/{}.png", e.id));
        assert_eq!(p.oembed_path(), format!("share/{}.oembed.json", e.id));
    }
    for (i, t) in ds.chair_terms.iter().enumerate() {
        let p = page(&pages, &t.id);
        assert_eq!(p.subject, Subject::Term(i));
        assert_eq!(p.view.day, t.span.from.first_day(), "as of the term's start");
        assert_eq!(p.view.state.map(|s| s.0), ds.state_ix(&t.state).map(|s| s.0), "its state selected");
        assert!(p.view.event.is_none());
        let app =
            format!("../index.html#d={}&amp;s={}", almaty_process::export::iso_day(t.span.from.first_day()), t.state);
        assert!(p.html.contains(&format!("<a href=\"{app}\">")), "{}", p.html);
    }
    let index = page(&pages, "index");
    assert_eq!(index.subject, Subject::Index);
    assert_eq!(index.view.day, ds.updated.first_day(), "as of the dataset's updated date");
    assert!(index.view.event.is_none() && index.view.state.is_none());
    assert!(index.html.contains("<a href=\"../index.html\">"));
    assert_eq!(meta(&index.html, "property", "og:image"), format!("{SITE}share/index.png"));
    // Every view spans the whole dataset and is dated by the dataset, not by today.
    let span = pages[0].view.span;
    assert!(pages.iter().all(|p| p.view.span == span && p.view.made == ds.updated.last_day()));
    assert!(span.0 <= ds.events[0].start.first_day() && span.1 >= ds.events.last().unwrap().start.first_day());
}

#[test]
fn the_app_page_gets_the_whole_datasets_tags_once() {
    let ds = real();
    let pages = share::pages(&ds, SITE).unwrap();
    let source = include_str!("../index.html");
    let head = share::index_head(&ds, SITE, page(&pages, "index"));
    let built = share::inject_head(source, &head).expect("index.html has a head");
    let head_part = &built[..built.find("</head>").unwrap()];
    assert_eq!(meta(head_part, "property", "og:image"), format!("{SITE}share/index.png"));
    assert_eq!(meta(head_part, "property", "og:url"), SITE);
    assert_eq!(meta(head_part, "name", "twitter:card"), "summary_large_image");
    assert_eq!(
        link(head_part, "alternate", Some("application/json+oembed"))["href"],
        format!("{SITE}share/index.oembed.json")
    );
    // Run again (a rebuilt page, another site): still one set, the new one.
    let other = "https://other.example/";
    let again =
        share::inject_head(&built, &share::index_head(&ds, other, page(&share::pages(&ds, other).unwrap(), "index")))
            .unwrap();
    assert_eq!(meta(&again, "property", "og:image"), format!("{other}share/index.png"));
    assert_eq!(again.matches("application/json+oembed").count(), 1);
}

#[test]
fn clashing_file_names_are_refused() {
    let mut ds = parse_dataset(SMALL).unwrap();
    ds.chair_terms[0].id = EVENT.to_string();
    let err = share::pages(&ds, SITE).err().expect("an event and a term with one id");
    assert!(err.contains(EVENT), "{err}");
    let mut ds = parse_dataset(SMALL).unwrap();
    ds.events[0].id = "index".to_string();
    assert!(share::pages(&ds, SITE).is_err(), "an event named index would overwrite the dataset's page");
}
