//! Build-time share pages: links that chat apps, e-mail and content systems can preview.
//!
//! The app keeps its state in the URL hash, which link previewers never see, so the build
//! writes one static page per event (`share/<event id>.html`), one per chair term
//! (`share/<term id>.html`) and one for the whole dataset (`share/index.html`). Each carries
//! Open Graph and Twitter tags with a 1200×630 preview image (`share/<id>.png`, the
//! [`crate::figure`] of its view), a canonical link, an oEmbed discovery link to
//! `share/<id>.oembed.json` (a `rich` embed: an iframe of `embed.html`, which needs no script
//! on the host page), and readable content without any script: the title, the date, the
//! summary, the image and a plain link into the app. [`inject_head`] puts the same tags for
//! the whole dataset into the app's own `index.html`.
//!
//! Pure: it makes text from the validated dataset. Rasterising the figure ([`Raster`], with
//! `resvg`) exists on the host only; the `share` example writes the files.

use crate::date::DayNum;
use crate::export::{iso_day, place_line, push_html, state_name, txt};
use crate::figure::{self, Figure, FigureView};
use crate::i18n::{format_date, format_range, level_name, Lang};
use crate::model::{Confidence, Dataset, EventIx};

/// The preview image's size in pixels (the size link previewers ask for).
pub const IMAGE_WIDTH: u32 = 1200;
pub const IMAGE_HEIGHT: u32 = 630;
/// The size an oEmbed consumer should give the embedded frame.
pub const EMBED_WIDTH: u32 = 960;
pub const EMBED_HEIGHT: u32 = 720;
/// How long an oEmbed consumer may cache the answer, in seconds.
pub const CACHE_AGE: u32 = 86_400;
/// The folder under the site (and under `dist/`) that holds the share files.
pub const DIR: &str = "share";
/// Where `scripts/serve.sh` serves the app: the site URL when none is given.
pub const DEFAULT_SITE: &str = "http://127.0.0.1:8080/";
/// The environment variable the `share` example reads the site URL from.
pub const SITE_ENV: &str = "ALMATY_SITE_URL";
/// The stylesheet the pages link (`share/share.css`), so they need no `<style>` element or
/// `style` attribute under a strict CSP.
pub const CSS: &str = include_str!("../public/share.css");
/// The longest description in a tag, in chars (cut at a word).
const DESCRIPTION_MAX: usize = 300;
/// The pages' language (the iframe of the oEmbed answer opens in it too).
const LANG: Lang = Lang::En;

/// What a share page is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Event(EventIx),
    /// A chair term, by its position in [`Dataset::chair_terms`].
    Term(usize),
    /// The whole dataset.
    Index,
}

/// One share page with everything written for it.
pub struct Page {
    /// The file stem: an event's or a term's id, or `index`.
    pub id: String,
    pub subject: Subject,
    /// The view the preview image shows.
    pub view: FigureView,
    /// The preview image's figure (1200×630), whose `desc` is the image's alternative text.
    pub figure: Figure,
    /// `og:title`, plain text.
    pub title: String,
    /// `og:description` and `<meta name="description">`, plain text, at most about 300 chars.
    pub description: String,
    /// The page, `share/<id>.html`.
    pub html: String,
    /// The oEmbed answer, `share/<id>.oembed.json`.
    pub oembed: String,
}

impl Page {
    /// The page's path under the site: `share/<id>.html`.
    pub fn html_path(&self) -> String {
        format!("{DIR}/{}.html", self.id)
    }
    /// The preview image's path: `share/<id>.png`.
    pub fn png_path(&self) -> String {
        format!("{DIR}/{}.png", self.id)
    }
    /// The oEmbed answer's path: `share/<id>.oembed.json`.
    pub fn oembed_path(&self) -> String {
        format!("{DIR}/{}.oembed.json", self.id)
    }
}

/// Checks a site URL and gives it with its final `/`: absolute `http(s)://host/…`, without a
/// query, fragment, space, quote or angle bracket.
pub fn site_url(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| format!("site URL {s:?} must start with http:// or https://"))?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(format!("site URL {s:?} has no host"));
    }
    if let Some(c) = s.chars().find(|c| c.is_whitespace() || c.is_control() || "\"'<>`?#\\".contains(*c)) {
        return Err(format!("site URL {s:?} may not contain {c:?}"));
    }
    Ok(if s.ends_with('/') { s.to_string() } else { format!("{s}/") })
}

/// The pages for a dataset at `site` (absolute, ending with `/`): the whole dataset first
/// (`index`), then each event, then each chair term. Fails when two would have the same file
/// name (an event and a term sharing an id, or one named `index`).
pub fn pages(ds: &Dataset, site: &str) -> Result<Vec<Page>, String> {
    let mut out = vec![index_page(ds, site)];
    out.extend((0..ds.events.len()).map(|i| event_page(ds, site, EventIx(i))));
    out.extend((0..ds.chair_terms.len()).map(|i| term_page(ds, site, i)));
    let mut names: Vec<&str> = out.iter().map(|p| p.id.as_str()).collect();
    names.sort_unstable();
    if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("two share pages would be {DIR}/{}.html: rename the event or chair term", w[0]));
    }
    Ok(out)
}

/// What differs between the kinds of page.
struct Parts {
    id: String,
    subject: Subject,
    view: FigureView,
    title: String,
    /// The full text shown on the page.
    summary: String,
    /// The date line: (`datetime` value, text).
    date: (String, String),
    /// Further facts after the date ("Ministerial conference", the place).
    facts: Vec<String>,
    /// Into the app, relative to the share page.
    app_link: String,
    link_text: &'static str,
    /// The `embed.html` query (without `lang`).
    embed_query: String,
}

fn event_page(ds: &Dataset, site: &str, ix: EventIx) -> Page {
    let e = &ds.events[ix.0];
    let mut facts = vec![level_name(e.level, LANG).to_string()];
    let place = place_line(ds, e, LANG);
    if !place.is_empty() {
        facts.push(place);
    }
    if e.uncertain {
        facts.push("date uncertain".to_string());
    }
    let day = e.start.first_day();
    build(
        ds,
        site,
        Parts {
            id: e.id.clone(),
            subject: Subject::Event(ix),
            view: view(ds, site, day, Some(ix), None, format!("index.html#e={}", e.id)),
            title: txt(ds, &e.title, LANG).to_string(),
            summary: txt(ds, &e.summary, LANG).to_string(),
            date: (e.start.to_string(), format_range(&e.start, e.end.as_ref(), LANG)),
            facts,
            app_link: format!("../index.html#e={}", e.id),
            link_text: "Open this event in the explorer",
            embed_query: format!("event={}", e.id),
        },
    )
}

fn term_page(ds: &Dataset, site: &str, i: usize) -> Page {
    let term = &ds.chair_terms[i];
    let from = &term.span.from;
    let day = from.first_day();
    let state = state_name(ds, &term.state, day, LANG).to_string();
    let (title, mut summary, when) = match &term.span.to {
        Some(to) => (
            format!("{state}'s chairmanship of the Almaty Process, {}", format_range(from, Some(to), LANG)),
            format!(
                "{state} held the chair of the Almaty Process from {} to {}.",
                format_date(from, LANG),
                format_date(to, LANG)
            ),
            format_range(from, Some(to), LANG),
        ),
        None => (
            format!("{state}'s chairmanship of the Almaty Process, from {}", format_date(from, LANG)),
            format!("{state} has held the chair of the Almaty Process since {}.", format_date(from, LANG)),
            format!("from {}", format_date(from, LANG)),
        ),
    };
    if let Some(person) = &term.chairperson {
        summary.push_str(" Chairperson: ");
        summary.push_str(txt(ds, person, LANG).trim_end_matches('.'));
        summary.push('.');
    }
    if term.span.confidence == Confidence::Inferred {
        summary.push_str(" The record of this term is partly inferred; the explorer gives its sources and notes.");
    }
    let d = iso_day(day);
    build(
        ds,
        site,
        Parts {
            id: term.id.clone(),
            subject: Subject::Term(i),
            view: view(ds, site, day, None, ds.state_ix(&term.state), format!("index.html#d={d}&s={}", term.state)),
            title,
            summary,
            date: (from.to_string(), when),
            facts: vec!["Chair term".to_string()],
            app_link: format!("../index.html#d={d}&s={}", term.state),
            link_text: "Open this term in the explorer",
            embed_query: format!("date={d}&state={}", term.state),
        },
    )
}

fn index_page(ds: &Dataset, site: &str) -> Page {
    let day = ds.updated.first_day();
    build(
        ds,
        site,
        Parts {
            id: "index".to_string(),
            subject: Subject::Index,
            view: view(ds, site, day, None, None, "index.html".to_string()),
            title: txt(ds, &ds.title, LANG).to_string(),
            summary: txt(ds, &ds.description, LANG).to_string(),
            date: (ds.updated.to_string(), format!("Updated {}", format_date(&ds.updated, LANG))),
            facts: Vec::new(),
            app_link: "../index.html".to_string(),
            link_text: "Open the explorer",
            embed_query: String::new(),
        },
    )
}

/// The figure's view: as of `day`, over the whole dataset, made on the dataset's `updated`
/// date (not today: the same input gives the same image), with `link` (relative to the site)
/// as the figure's link.
fn view(
    ds: &Dataset,
    site: &str,
    day: DayNum,
    event: Option<EventIx>,
    state: Option<crate::model::StateIx>,
    link: String,
) -> FigureView {
    let made = ds.updated.last_day();
    FigureView {
        lang: LANG,
        day,
        event,
        state,
        span: crate::query::extent(ds, made),
        link: format!("{site}{link}"),
        made,
    }
}

fn build(ds: &Dataset, site: &str, p: Parts) -> Page {
    let figure = figure::build(ds, &p.view, IMAGE_WIDTH as f64, IMAGE_HEIGHT as f64);
    let site_name = txt(ds, &ds.title, LANG);
    let description = trim_words(&p.summary, DESCRIPTION_MAX);
    let page_url = format!("{site}{DIR}/{}.html", p.id);
    let social = Social {
        url: &page_url,
        title: &p.title,
        description: &description,
        site,
        site_name,
        image_alt: &figure.desc,
        id: &p.id,
    };

    let mut h = String::with_capacity(4096);
    h.push_str("<!doctype html>\n<html lang=\"");
    h.push_str(LANG.code());
    h.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    push_html(&mut h, &p.title);
    if !p.title.to_lowercase().contains(&short_name(site_name).to_lowercase()) {
        h.push_str(" — ");
        push_html(&mut h, short_name(site_name));
    }
    h.push_str("</title>\n");
    tag(&mut h, "meta", &[("name", "description"), ("content", &description)]);
    tag(&mut h, "link", &[("rel", "canonical"), ("href", &page_url)]);
    social.push(&mut h);
    tag(&mut h, "link", &[("rel", "stylesheet"), ("href", "share.css")]);
    tag(&mut h, "link", &[("rel", "icon"), ("href", "../favicon.svg")]);
    h.push_str("</head>\n<body>\n<main class=\"share\">\n");
    if p.subject != Subject::Index {
        h.push_str("<p class=\"share__site\"><a href=\"../index.html\">");
        push_html(&mut h, site_name);
        h.push_str("</a></p>\n");
    }
    h.push_str("<h1>");
    push_html(&mut h, &p.title);
    h.push_str("</h1>\n<p class=\"share__date\"><time datetime=\"");
    push_html(&mut h, &p.date.0);
    h.push_str("\">");
    push_html(&mut h, &p.date.1);
    h.push_str("</time>");
    for f in &p.facts {
        h.push_str(" · ");
        push_html(&mut h, f);
    }
    h.push_str("</p>\n<p class=\"share__summary\">");
    push_html(&mut h, &p.summary);
    h.push_str("</p>\n");
    h.push_str("<p class=\"share__open\"><a href=\"");
    push_html(&mut h, &p.app_link);
    h.push_str("\">");
    push_html(&mut h, p.link_text);
    h.push_str("</a></p>\n");
    tag(
        &mut h,
        "img",
        &[
            ("src", &format!("{}.png", p.id)),
            ("width", &IMAGE_WIDTH.to_string()),
            ("height", &IMAGE_HEIGHT.to_string()),
            ("alt", &figure.desc),
        ],
    );
    h.push_str("</main>\n</body>\n</html>\n");

    let oembed = oembed(ds, site, &p);
    Page { id: p.id, subject: p.subject, view: p.view, figure, title: p.title, description, html: h, oembed }
}

/// The Open Graph and Twitter tags and the oEmbed discovery link of one page.
struct Social<'a> {
    /// The page's own URL (`og:url`).
    url: &'a str,
    title: &'a str,
    description: &'a str,
    site: &'a str,
    site_name: &'a str,
    image_alt: &'a str,
    /// The share files' stem.
    id: &'a str,
}

impl Social<'_> {
    fn push(&self, h: &mut String) {
        let image = format!("{}{DIR}/{}.png", self.site, self.id);
        let (w, hh) = (IMAGE_WIDTH.to_string(), IMAGE_HEIGHT.to_string());
        let og = [
            ("og:type", "website"),
            ("og:site_name", self.site_name),
            ("og:locale", locale(LANG)),
            ("og:url", self.url),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:image", &image),
            ("og:image:width", &w),
            ("og:image:height", &hh),
            ("og:image:alt", self.image_alt),
        ];
        for (property, content) in og {
            tag(h, "meta", &[("property", property), ("content", content)]);
        }
        tag(h, "meta", &[("name", "twitter:card"), ("content", "summary_large_image")]);
        tag(
            h,
            "link",
            &[
                ("rel", "alternate"),
                ("type", "application/json+oembed"),
                ("href", &format!("{}{DIR}/{}.oembed.json", self.site, self.id)),
                ("title", self.title),
            ],
        );
    }
}

/// The dataset's title up to its first colon ("The Almaty Process"), for the page titles.
fn short_name(title: &str) -> &str {
    match title.split_once(": ") {
        Some((short, _)) if !short.trim().is_empty() => short.trim(),
        _ => title,
    }
}

/// `og:locale` of a language.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ru_RU",
        _ => "en_GB",
    }
}

/// Appends `<name a="v" …>` and a newline, every value escaped.
fn tag(h: &mut String, name: &str, attrs: &[(&str, &str)]) {
    h.push('<');
    h.push_str(name);
    for (k, v) in attrs {
        h.push(' ');
        h.push_str(k);
        h.push_str("=\"");
        push_html(h, v);
        h.push('"');
    }
    h.push_str(">\n");
}

/// The oEmbed answer (JSON, keys sorted): a `rich` embed whose HTML is an iframe of
/// `embed.html` in the page's view. The iframe's page runs its own scripts, so the snippet
/// works on hosts that strip every script.
fn oembed(ds: &Dataset, site: &str, p: &Parts) -> String {
    let mut src = format!("{site}embed.html?");
    if !p.embed_query.is_empty() {
        src.push_str(&p.embed_query);
        src.push('&');
    }
    src.push_str("lang=");
    src.push_str(LANG.code());
    let mut html = String::new();
    html.push_str("<iframe data-almaty-process-frame src=\"");
    push_html(&mut html, &src);
    html.push_str("\" title=\"");
    push_html(&mut html, &p.title);
    html.push_str("\" width=\"100%\" height=\"");
    html.push_str(&EMBED_HEIGHT.to_string());
    html.push_str("\" loading=\"lazy\" frameborder=\"0\" style=\"border:0;max-width:100%\"></iframe>");
    let value = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": p.title,
        "provider_name": txt(ds, &ds.title, LANG),
        "provider_url": site,
        "html": html,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
        "thumbnail_url": format!("{site}{DIR}/{}.png", p.id),
        "thumbnail_width": IMAGE_WIDTH,
        "thumbnail_height": IMAGE_HEIGHT,
        "cache_age": CACHE_AGE,
    });
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value serialises");
    s.push('\n');
    s
}

/// Text cut to at most `max` chars at a word boundary, with "…" when cut; runs of white
/// space become one space.
pub fn trim_words(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    // Room for the ellipsis.
    let end = flat.char_indices().nth(max.saturating_sub(1)).map_or(flat.len(), |(i, _)| i);
    let head = &flat[..end];
    let cut = match head.rfind(' ') {
        // A word boundary not too far back; else cut inside the (very long) word.
        Some(i) if i >= end / 2 => &head[..i],
        _ => head,
    };
    let mut out = cut.trim_end_matches([',', ';', ':', '-', '–', '—', ' ']).to_string();
    out.push('…');
    out
}

/// The tags for the app's own page (`index.html`): the whole dataset's Open Graph and Twitter
/// tags and oEmbed discovery link, pointing at `share/index.png` and
/// `share/index.oembed.json`, with the site itself as `og:url`. Between `<!--share-->` and
/// `<!--/share-->`, so that [`inject_head`] can replace them.
pub fn index_head(ds: &Dataset, site: &str, index: &Page) -> String {
    let mut h = String::from("<!--share-->\n");
    Social {
        url: site,
        title: &index.title,
        description: &index.description,
        site,
        site_name: txt(ds, &ds.title, LANG),
        image_alt: &index.figure.desc,
        id: &index.id,
    }
    .push(&mut h);
    h.push_str("<!--/share-->");
    h
}

/// Puts `tags` (from [`index_head`]) at the end of the page's head, replacing those put there
/// before; `None` when the page has neither `</head>` nor `<body`.
pub fn inject_head(page: &str, tags: &str) -> Option<String> {
    const START: &str = "<!--share-->";
    const END: &str = "<!--/share-->";
    if let (Some(a), Some(b)) = (page.find(START), page.find(END)) {
        if a < b {
            return Some(format!("{}{tags}{}", &page[..a], &page[b + END.len()..]));
        }
    }
    let at = page.find("</head>").or_else(|| page.find("<body"))?;
    Some(format!("{}{tags}\n{}", &page[..at], &page[at..]))
}

/// Rasterises figures to PNG with `resvg` (host only; the browser build never compiles it).
#[cfg(not(target_arch = "wasm32"))]
pub struct Raster {
    options: resvg::usvg::Options<'static>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Raster {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Raster {
    /// The family used for generic `sans-serif` and for text without a font family, when
    /// the system has it (Debian: `fonts-dejavu-core`).
    pub const FALLBACK_FAMILY: &'static str = "DejaVu Sans";

    /// Loads the system's fonts once (slow: keep one `Raster` for every image).
    pub fn new() -> Raster {
        let mut options = resvg::usvg::Options::default();
        let db = options.fontdb_mut();
        db.load_system_fonts();
        if db.faces().any(|f| f.families.iter().any(|(name, _)| name == Self::FALLBACK_FAMILY)) {
            db.set_sans_serif_family(Self::FALLBACK_FAMILY);
            options.font_family = Self::FALLBACK_FAMILY.to_string();
        }
        Raster { options }
    }

    /// How many font faces were found (0: text would be missing from the images).
    pub fn font_faces(&self) -> usize {
        self.options.fontdb.len()
    }

    /// Whether the fallback family (DejaVu Sans) is installed.
    pub fn has_fallback(&self) -> bool {
        self.options.font_family == Self::FALLBACK_FAMILY
    }

    /// SVG text rendered onto a white `width`×`height` canvas (scaled to fill it), as PNG.
    pub fn png(&self, svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
        use resvg::tiny_skia::{Color, Pixmap, Transform};
        let tree = resvg::usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("the figure's SVG: {e}"))?;
        let mut pixmap = Pixmap::new(width, height).ok_or("an empty image size")?;
        pixmap.fill(Color::WHITE);
        let size = tree.size();
        let transform = Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("PNG: {e}"))
    }

    /// A page's preview image: its figure, 1200×630.
    pub fn page_png(&self, page: &Page) -> Result<Vec<u8>, String> {
        self.png(&figure::to_svg(&page.figure), IMAGE_WIDTH, IMAGE_HEIGHT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_urls() {
        assert_eq!(site_url("https://example.org/tools/almaty").unwrap(), "https://example.org/tools/almaty/");
        assert_eq!(site_url(" http://127.0.0.1:8080/ ").unwrap(), "http://127.0.0.1:8080/");
        for bad in [
            "",
            "example.org/",
            "ftp://x/",
            "https:///x",
            "https://x/?a=1",
            "https://x/\"><script>",
            "javascript:alert(1)",
        ] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn trims_at_a_word() {
        assert_eq!(trim_words("short  text\n", 300), "short text");
        let long = "word ".repeat(100);
        let t = trim_words(&long, 300);
        assert!(t.chars().count() <= 300, "{}", t.chars().count());
        assert!(t.ends_with("word…"), "{t}");
        let t = trim_words("Alpha, beta gamma", 13);
        assert_eq!(t, "Alpha, beta…");
        assert_eq!(trim_words(&"x".repeat(20), 10), format!("{}…", "x".repeat(9)));
    }

    #[test]
    fn head_tags_go_in_once_and_are_replaced() {
        let page = "<html><head><title>t</title></head><body></body></html>";
        let once = inject_head(page, "<!--share-->A<!--/share-->").unwrap();
        assert_eq!(once, "<html><head><title>t</title><!--share-->A<!--/share-->\n</head><body></body></html>");
        let twice = inject_head(&once, "<!--share-->B<!--/share-->").unwrap();
        assert_eq!(twice, "<html><head><title>t</title><!--share-->B<!--/share-->\n</head><body></body></html>");
        assert_eq!(inject_head("<p>no head</p>", "X"), None);
    }
}
