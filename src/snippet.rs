//! The "Embed this view" snippets: an element (the app mounted into the host page) and an
//! iframe (for content systems that strip scripts), with the view's language, display, date
//! and selection filled in, and the Content-Security-Policy a host page needs for each. Every
//! value is escaped for an HTML attribute, and only id-like values (`[A-Za-z0-9_.-]`) go into
//! the iframe's query, as `embed.html`'s `frame.js` accepts them. Pure; tested natively.

use crate::export::push_html;

/// The view an embed opens on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedView {
    /// `en` or `ru`.
    pub lang: String,
    /// `visual` or `text`.
    pub view: String,
    /// The as-of date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub event: Option<String>,
    pub state: Option<String>,
    /// The iframe's accessible name (the dataset's title).
    pub title: String,
}

/// Whether `s` is a value `frame.js` copies from the query (and so safe in a URL as it is).
fn id_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

/// The `data-*` settings of a view, in the order of `docs/embedding.md`.
fn settings(v: &EmbedView) -> Vec<(&'static str, &str)> {
    let mut out = vec![("lang", v.lang.as_str())];
    if v.view != "visual" {
        out.push(("view", v.view.as_str()));
    }
    for (k, x) in [("date", &v.date), ("event", &v.event), ("state", &v.state)] {
        if let Some(x) = x {
            out.push((k, x.as_str()));
        }
    }
    out.retain(|(_, x)| id_like(x));
    out
}

/// The element snippet: `boot.js` from `assets` (the app's folder, an absolute URL ending in
/// `/`) and a host element for the dataset at `src` (absolute).
pub fn element(assets: &str, src: &str, v: &EmbedView) -> String {
    let mut h = String::from("<script type=\"module\" src=\"");
    push_html(&mut h, assets);
    h.push_str("boot.js\"></script>\n<div data-almaty-process data-src=\"");
    push_html(&mut h, src);
    h.push('"');
    for (k, x) in settings(v) {
        h.push_str(" data-");
        h.push_str(k);
        h.push_str("=\"");
        push_html(&mut h, x);
        h.push('"');
    }
    h.push_str("></div>");
    h
}

/// The iframe snippet: `embed.html` from `assets` with the view in its query; `src` is added
/// when the dataset is not the app's own (relative to `assets`, as `frame.js` requires).
/// `None` when the dataset is elsewhere: `embed.html` could not show it, and an iframe of the
/// app's own dataset with this view's ids would show the wrong history.
pub fn iframe(assets: &str, src: &str, v: &EmbedView) -> Option<String> {
    let mut url = String::from(assets);
    url.push_str("embed.html");
    let mut sep = '?';
    let own = format!("{assets}data/dataset.json");
    if src != own {
        let rel = src.strip_prefix(assets).filter(|r| r.split('/').all(id_like))?;
        url.push(sep);
        url.push_str("src=");
        url.push_str(rel);
        sep = '&';
    }
    for (k, x) in settings(v) {
        url.push(sep);
        url.push_str(k);
        url.push('=');
        url.push_str(x);
        sep = '&';
    }
    let mut h = String::from("<iframe src=\"");
    push_html(&mut h, &url);
    h.push_str("\" title=\"");
    push_html(&mut h, &v.title);
    // No `style` attribute: a host whose policy has `style-src 'self'` would block it.
    h.push_str("\" width=\"100%\" height=\"720\" loading=\"lazy\" frameborder=\"0\"></iframe>");
    Some(h)
}

/// The origin (`https://host:port`) of an absolute URL.
fn origin(url: &str) -> &str {
    let rest = url.find("://").map_or(0, |i| i + 3);
    match url[rest..].find('/') {
        Some(i) => &url[..rest + i],
        None => url,
    }
}

/// The Content-Security-Policy a host page on another origin needs for the element snippet,
/// and for the iframe snippet.
pub fn csp(assets: &str) -> (String, String) {
    let o = origin(assets);
    (
        format!("script-src 'self' {o} 'wasm-unsafe-eval'; style-src 'self' {o}; connect-src 'self' {o}"),
        format!("frame-src {o}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> EmbedView {
        EmbedView {
            lang: "ru".into(),
            view: "text".into(),
            date: Some("2013-06-05".into()),
            event: Some("2013-06-05-ministerial".into()),
            state: None,
            title: "The Almaty Process".into(),
        }
    }

    #[test]
    fn the_element_carries_the_view() {
        let h = element("https://x.org/tools/", "https://x.org/tools/data/dataset.json", &view());
        assert_eq!(
            h,
            "<script type=\"module\" src=\"https://x.org/tools/boot.js\"></script>\n<div data-almaty-process \
             data-src=\"https://x.org/tools/data/dataset.json\" data-lang=\"ru\" data-view=\"text\" \
             data-date=\"2013-06-05\" data-event=\"2013-06-05-ministerial\"></div>"
        );
        // The default display is not spelt out.
        let v = EmbedView { view: "visual".into(), date: None, event: None, ..view() };
        assert!(!element("a/", "a/d.json", &v).contains("data-view"));
    }

    #[test]
    fn the_iframe_carries_the_view_in_its_query() {
        let h = iframe("https://x.org/tools/", "https://x.org/tools/data/dataset.json", &view()).unwrap();
        assert!(
            h.starts_with(
                "<iframe src=\"https://x.org/tools/embed.html?lang=ru&amp;view=text&amp;date=2013-06-05&amp;event=2013-06-05-ministerial\" title=\"The Almaty Process\""
            ),
            "{h}"
        );
        // Another dataset beside the app goes in as a relative `src`; one elsewhere cannot.
        let other = iframe("https://x.org/t/", "https://x.org/t/data/rcm.json", &view()).unwrap();
        assert!(other.contains("embed.html?src=data/rcm.json&amp;lang=ru"), "{other}");
        assert!(!other.contains("style="), "no style attribute for hosts with a strict policy: {other}");
        assert_eq!(iframe("https://x.org/t/", "https://y.org/d.json", &view()), None);
    }

    #[test]
    fn hostile_values_stay_text() {
        let v = EmbedView {
            event: Some("x\" onload=\"alert(1)".into()),
            title: "<script>\"&".into(),
            state: Some("KZ".into()),
            ..view()
        };
        let e = element("https://x.org/\"/", "https://x.org/d.json?a=1&b=\"", &v);
        assert!(!e.contains("onload") && e.contains("data-state=\"KZ\""), "{e}");
        assert!(e.contains("https://x.org/&quot;/boot.js") && e.contains("a=1&amp;b=&quot;"), "{e}");
        let f = iframe("https://x.org/", "https://x.org/data/dataset.json", &v).unwrap();
        assert!(!f.contains("onload") && f.contains("title=\"&lt;script&gt;&quot;&amp;\""), "{f}");
    }

    #[test]
    fn the_policy_names_the_app_origin() {
        let (el, fr) = csp("https://x.org:8443/tools/almaty/");
        assert_eq!(
            el,
            "script-src 'self' https://x.org:8443 'wasm-unsafe-eval'; style-src 'self' https://x.org:8443; connect-src 'self' https://x.org:8443"
        );
        assert_eq!(fr, "frame-src https://x.org:8443");
    }
}
