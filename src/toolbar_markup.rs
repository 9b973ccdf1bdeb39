//! The take-away toolbar's markup, written as one string (every text escaped) in the
//! interface's language: the download, cite and link panels, each after its button. Pure: the
//! browser glue (`components/toolbar.rs`) sets it once per language and finds its parts by
//! `data-part`. Tested natively.

use crate::export::{cite, push_html, push_num};
use crate::i18n::{te, ExportKey as X, Lang};

/// Which panel is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Closed,
    Download,
    Cite,
    Link,
    Share,
}

/// What the toolbar shows besides the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    pub open: Panel,
    /// Cite the selected event (else the whole dataset).
    pub event_scope: bool,
    pub format: cite::Format,
}

/// The toolbar's markup in `lang`; `uid` makes its ids unique on the page.
pub fn markup(uid: &str, src: &str, json_name: &str, lang: Lang, ui: Ui) -> String {
    let mut h = String::with_capacity(4096);
    let tr = |h: &mut String, k: X| push_html(h, te(k, lang));
    // Each part the browser glue finds is named by `data-part`; `data-testid` (the same name)
    // is for the tests.
    let hook = |h: &mut String, name: &str| {
        h.push_str(" data-part=\"");
        h.push_str(name);
        h.push_str("\" data-testid=\"");
        h.push_str(name);
        h.push('"');
    };
    let id = |h: &mut String, what: &str| {
        h.push_str("ap-tools-");
        h.push_str(uid);
        h.push('-');
        h.push_str(what);
    };
    let button = |h: &mut String, class: &str, act: &str, testid: &str| {
        h.push_str("<button type=\"button\" class=\"ap-button");
        h.push_str(class);
        h.push_str("\" data-act=\"");
        h.push_str(act);
        h.push('"');
        hook(h, testid);
    };
    // Each panel follows its button (the order of focus and of reading); the stylesheet shows
    // the panels below the row of buttons.
    let panel = |h: &mut String, what: &str, testid: &str| {
        h.push_str("<div class=\"ap-tools__panel\" hidden id=\"");
        id(h, what);
        h.push('"');
        hook(h, testid);
        h.push('>');
    };
    let expander = |h: &mut String, act: &str, testid: &str, k: X| {
        button(h, " ap-tools__btn", act, testid);
        h.push_str(" aria-expanded=\"false\" aria-controls=\"");
        id(h, act);
        h.push_str("\">");
        tr(h, k);
        h.push_str("<span aria-hidden=\"true\"> ▾</span></button>");
    };
    let plain = |h: &mut String, act: &str, testid: &str, k: X| {
        button(h, " ap-tools__btn", act, testid);
        h.push('>');
        tr(h, k);
        h.push_str("</button>");
    };

    expander(&mut h, "download", "tools-download", X::Download);
    panel(&mut h, "download", "download-panel");
    h.push_str("<ul class=\"ap-tools__list\">");
    for (act, testid, k) in [
        ("events-csv", "download-events-csv", Some(X::EventsCsv)),
        ("states-csv", "download-states-csv", None),
        ("ics", "download-ics", Some(X::Calendar)),
    ] {
        h.push_str("<li>");
        button(&mut h, "", act, testid);
        h.push('>');
        if let Some(k) = k {
            tr(&mut h, k);
        }
        h.push_str("</button></li>");
    }
    h.push_str("<li><a class=\"ap-button\" data-act=\"json\" data-testid=\"download-json\" href=\"");
    push_html(&mut h, src);
    h.push_str("\" download=\"");
    push_html(&mut h, json_name);
    h.push_str("\">");
    tr(&mut h, X::DatasetJson);
    h.push_str("</a></li></ul></div>");

    expander(&mut h, "cite", "tools-cite", X::Cite);
    panel(&mut h, "cite", "cite-panel");
    let choice = |h: &mut String, name: &str, testid: &str, legend: X, options: &[(&str, &str, bool)]| {
        h.push_str("<fieldset class=\"ap-tools__choice\"");
        hook(h, testid);
        h.push_str("><legend>");
        tr(h, legend);
        h.push_str("</legend>");
        for (value, label, checked) in options {
            h.push_str("<label><input type=\"radio\" name=\"");
            id(h, name);
            h.push_str("\" value=\"");
            h.push_str(value);
            h.push_str("\" data-testid=\"cite-");
            h.push_str(value);
            h.push('"');
            if *checked {
                h.push_str(" checked");
            }
            h.push('>');
            push_html(h, label);
            h.push_str("</label>");
        }
        h.push_str("</fieldset>");
    };
    choice(
        &mut h,
        "scope",
        "cite-scope",
        X::Cite,
        &[("event", te(X::ThisEvent, lang), ui.event_scope), ("dataset", te(X::WholeDataset, lang), !ui.event_scope)],
    );
    let f = ui.format;
    choice(
        &mut h,
        "format",
        "cite-formats",
        X::Format,
        &[
            ("style", te(X::Style, lang), f == cite::Format::Style),
            ("bibtex", "BibTeX", f == cite::Format::BibTex),
            ("csl-json", "CSL-JSON", f == cite::Format::CslJson),
        ],
    );
    h.push_str("<label class=\"ap-tools__label\" for=\"");
    id(&mut h, "text");
    h.push_str("\">");
    tr(&mut h, X::CitationText);
    h.push_str("</label><textarea class=\"ap-tools__text\" readonly rows=\"10\"");
    hook(&mut h, "cite-text");
    h.push_str(" id=\"");
    id(&mut h, "text");
    h.push_str("\"></textarea>");
    button(&mut h, "", "copy", "cite-copy");
    h.push('>');
    tr(&mut h, X::Copy);
    h.push_str("</button></div>");

    plain(&mut h, "link", "tools-link", X::CopyLink);
    panel(&mut h, "link", "link-panel");
    h.push_str("<label class=\"ap-tools__label\">");
    tr(&mut h, X::LinkLabel);
    h.push_str("<input class=\"ap-tools__text\" type=\"text\" readonly");
    hook(&mut h, "link-text");
    h.push_str("></label></div>");
    expander(&mut h, "share", "tools-share", X::Share);
    panel(&mut h, "share", "share-panel");
    // The system share sheet, where the browser has one (the glue shows it).
    h.push_str("<p hidden");
    hook(&mut h, "share-native-row");
    h.push('>');
    button(&mut h, "", "share-native", "share-native");
    h.push('>');
    tr(&mut h, X::ShareVia);
    h.push_str("</button></p><h2 class=\"ap-tools__h\">");
    tr(&mut h, X::Figure);
    h.push_str("</h2><ul class=\"ap-tools__list\">");
    for (act, k) in [("figure-svg", X::FigureSvg), ("figure-png", X::FigurePng)] {
        h.push_str("<li>");
        button(&mut h, "", act, act);
        h.push('>');
        tr(&mut h, k);
        h.push_str("</button></li>");
    }
    h.push_str("</ul>");
    // A text to copy, labelled, with its copy button (`copy-<part>`).
    let copyable = |h: &mut String, part: &str, label: X, rows: u8| {
        h.push_str("<label class=\"ap-tools__label\" for=\"");
        id(h, part);
        h.push_str("\">");
        tr(h, label);
        h.push_str("</label><textarea class=\"ap-tools__text\" readonly rows=\"");
        push_num(h, rows as u32, 1);
        h.push('"');
        hook(h, part);
        h.push_str(" id=\"");
        id(h, part);
        h.push_str("\"></textarea>");
        let mut act = String::from("copy-");
        act.push_str(part);
        button(h, "", &act, &act);
        h.push('>');
        tr(h, X::Copy);
        h.push_str("</button>");
    };
    copyable(&mut h, "figure-alt", X::AltText, 4);
    h.push_str("<h2 class=\"ap-tools__h\">");
    tr(&mut h, X::Embed);
    h.push_str("</h2>");
    copyable(&mut h, "embed-element", X::EmbedElement, 4);
    copyable(&mut h, "embed-iframe", X::EmbedIframe, 3);
    h.push_str("<p class=\"ap-tools__note\">");
    tr(&mut h, X::EmbedPolicy);
    h.push_str("</p><pre class=\"ap-tools__code\"");
    hook(&mut h, "embed-csp");
    h.push_str("></pre></div>");
    plain(&mut h, "print", "tools-print", X::Print);
    h.push_str(
        "<p class=\"ap-visually-hidden\" role=\"status\" aria-live=\"polite\" data-part=\"tools-status\" data-testid=\"tools-status\"></p>",
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui() -> Ui {
        Ui { open: Panel::Closed, event_scope: true, format: cite::Format::Style }
    }

    #[test]
    fn every_part_the_glue_finds_is_named() {
        let h = markup("7", "data/dataset.json", "ds.json", Lang::En, ui());
        for part in [
            "tools-download",
            "download-panel",
            "download-events-csv",
            "download-states-csv",
            "download-ics",
            "tools-cite",
            "cite-panel",
            "cite-scope",
            "cite-text",
            "cite-copy",
            "tools-link",
            "link-panel",
            "link-text",
            "tools-share",
            "share-panel",
            "share-native",
            "figure-svg",
            "figure-png",
            "figure-alt",
            "copy-figure-alt",
            "embed-element",
            "embed-iframe",
            "embed-csp",
            "tools-print",
            "tools-status",
        ] {
            assert!(h.contains(&format!("data-part=\"{part}\"")), "no part {part}");
        }
        // Ids are unique to the instance; panels start hidden and follow their buttons.
        assert!(h.contains("id=\"ap-tools-7-download\""));
        assert_eq!(h.matches("class=\"ap-tools__panel\" hidden").count(), 4);
        assert!(h.find("data-part=\"tools-cite\"").unwrap() < h.find("data-part=\"cite-panel\"").unwrap());
    }

    #[test]
    fn the_dataset_address_is_escaped_and_the_language_followed() {
        let h = markup("1", "a\"b<c>&d.json", "x\".json", Lang::Ru, Ui { event_scope: false, ..ui() });
        assert!(h.contains("href=\"a&quot;b&lt;c&gt;&amp;d.json\""), "{h}");
        assert!(h.contains("download=\"x&quot;.json\""));
        assert!(!h.contains("<c>"));
        assert!(h.contains("Скачать"), "Russian labels");
        // The scope the state asks for is the one checked.
        let dataset = h.find("value=\"dataset\"").unwrap();
        assert!(
            h[dataset..].starts_with("value=\"dataset\" data-testid=\"cite-dataset\" checked"),
            "{}",
            &h[dataset..dataset + 60]
        );
    }
}
