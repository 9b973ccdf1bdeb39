//! Build-time HTML for the page before (and without) JavaScript: the dataset's title and its
//! events as an ordered list. The app replaces it when it mounts. Every dataset text is
//! escaped, so nothing in the dataset becomes markup.

use crate::i18n::{format_range, level_name, Lang};
use crate::model::Dataset;

/// Where the fragment goes in `index.html`.
const MARKER: &str = "<!--prerender-->";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::export::push_html(&mut out, s);
    out
}

/// The fragment for one language.
pub fn render(ds: &Dataset, lang: Lang) -> String {
    let t = |text: &crate::model::Text| escape(text.get(lang.code(), &ds.languages).text);
    let mut h = String::new();
    h.push_str(&format!(
        "<div class=\"ap-prerender\" lang=\"{}\"><h1>{}</h1><p>{}</p><ol class=\"ap-prerender__events\">",
        lang.code(),
        t(&ds.title),
        t(&ds.description)
    ));
    for e in &ds.events {
        h.push_str(&format!(
            "<li data-event-id=\"{}\"><time datetime=\"{}\">{}</time> · {}<br><strong>{}</strong><p>{}</p></li>",
            escape(&e.id),
            e.start,
            escape(&format_range(&e.start, e.end.as_ref(), lang)),
            escape(level_name(e.level, lang)),
            t(&e.title),
            t(&e.summary)
        ));
    }
    h.push_str("</ol></div>");
    h
}

/// Puts the fragment at the marker, or (when a minifier has removed the marker comment) right
/// after the opening tag of the first `data-almaty-process` element; `None` if there is neither.
pub fn inject(page: &str, fragment: &str) -> Option<String> {
    if page.contains(MARKER) {
        return Some(page.replacen(MARKER, fragment, 1));
    }
    let attr = page.find("data-almaty-process")?;
    let open = page[..attr].rfind('<')?;
    let end = attr + page[attr..].find('>')? + 1;
    (!page[open..end].contains("/>")).then(|| format!("{}{fragment}{}", &page[..end], &page[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<img src=x onerror=\"a('b')\">&"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn renders_every_event_as_text_and_injects_once() {
        let mut ds = crate::validate::parse_dataset(include_str!("../tests/fixtures/small.json")).unwrap();
        ds.events[0].title.0.insert("en".into(), "<script>alert(1)</script>".into());
        let html = render(&ds, Lang::En);
        assert_eq!(html.matches("<li ").count(), ds.events.len());
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<time datetime=\"2013-06-05\">5 June 2013</time>"));
        let page = format!("<div id=app>{MARKER}</div>");
        assert_eq!(inject(&page, "X").as_deref(), Some("<div id=app>X</div>"));
        assert_eq!(inject("<div></div>", "X"), None);
        // A minified page keeps no comments: the fragment goes first into the host element.
        let min = "<main><div data-almaty-process data-src=a.json id=app><noscript>n</noscript></div></main>";
        assert_eq!(
            inject(min, "X").as_deref(),
            Some("<main><div data-almaty-process data-src=a.json id=app>X<noscript>n</noscript></div></main>")
        );
    }
}
