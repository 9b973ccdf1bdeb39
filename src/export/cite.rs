//! Citations of the whole dataset or of one event, each listing its sources, in three forms:
//! a reference in the common style of the language (APA 7 in English, GOST R 7.0.100–2018 in
//! Russian), BibTeX (biblatex fields), and CSL-JSON (what Zotero, Pandoc and citeproc read).

use super::{event_sources, iso_day, place_line, push_num, txt};
use crate::date::{Date, DayNum};
use crate::i18n::{format_range, month_en, t, te, ExportKey as X, Key, Lang, Ui};
use crate::model::{Dataset, Event, Source};

/// A citation's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// APA (English) or GOST (Russian) reference text.
    Style,
    BibTex,
    CslJson,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Style, Format::BibTex, Format::CslJson];

    /// The name on the format's button.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Format::Style => te(X::Style, lang),
            Format::BibTex => "BibTeX",
            Format::CslJson => "CSL-JSON",
        }
    }

    /// The spelling in test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Style => "style",
            Format::BibTex => "bibtex",
            Format::CslJson => "csl-json",
        }
    }
}

/// What is cited.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Dataset,
    Event(&'a Event),
}

/// A citation of `subject` in `format`: `url` is where the reader finds it (the explorer's
/// link to the view), `accessed` the day it was looked at.
pub fn cite(ds: &Dataset, subject: Subject, lang: Lang, format: Format, url: &str, accessed: DayNum) -> String {
    let sources: Vec<&Source> = match subject {
        Subject::Dataset => ds.sources.iter().collect(),
        Subject::Event(e) => event_sources(ds, e).into_iter().filter_map(|id| ds.source(id)).collect(),
    };
    let c = Cite { ds, subject, lang, url, accessed, sources };
    match format {
        Format::Style if lang.ui() == Ui::Ru => c.gost(),
        Format::Style => c.apa(),
        Format::BibTex => c.bibtex(),
        Format::CslJson => c.csl_json(),
    }
}

struct Cite<'a> {
    ds: &'a Dataset,
    subject: Subject<'a>,
    lang: Lang,
    url: &'a str,
    accessed: DayNum,
    sources: Vec<&'a Source>,
}

/// `DD.MM.YYYY`.
fn push_dotted(out: &mut String, day: DayNum) {
    let d = Date::from_day(day);
    push_num(out, d.day.unwrap_or(1) as u32, 2);
    out.push('.');
    push_num(out, d.month.unwrap_or(1) as u32, 2);
    out.push('.');
    push_num(out, d.year.max(0) as u32, 4);
}

/// "November 30, 2026".
fn push_month_day_year(out: &mut String, day: DayNum) {
    let d = Date::from_day(day);
    out.push_str(month_en(d.month.unwrap_or(1)));
    out.push(' ');
    push_num(out, d.day.unwrap_or(1) as u32, 1);
    out.push_str(", ");
    push_num(out, d.year.max(0) as u32, 1);
}

/// The BibTeX key of a record: the dataset's id, then the record's.
fn key(ds: &Dataset, id: Option<&str>) -> String {
    let mut k = ds.id.clone();
    if let Some(id) = id {
        k.push(':');
        k.push_str(id);
    }
    k
}

/// Text made safe inside a braced BibTeX field: TeX's special characters escaped, so braces
/// stay balanced and nothing is read as a command.
fn push_bib_text(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '%' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '\r' | '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// A URL inside a verbatim BibTeX field: characters that would end or unbalance it are
/// percent-encoded.
fn push_bib_url(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            c => out.push(c),
        }
    }
}

/// A JSON string literal.
fn push_json_str(out: &mut String, v: &str) {
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                let n = c as u32;
                for d in [n >> 4, n & 15] {
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// CSL date parts of a date (at its own precision): `[2013, 6, 5]`.
fn push_parts(out: &mut String, d: &Date) {
    out.push('[');
    push_num(out, d.year.max(0) as u32, 1);
    for p in [d.month, d.day].into_iter().flatten() {
        out.push_str(", ");
        push_num(out, p as u32, 1);
    }
    out.push(']');
}

/// One JSON object, written field by field with two-space indentation at depth one.
struct Obj<'a> {
    out: &'a mut String,
    n: usize,
}

impl<'a> Obj<'a> {
    fn open(out: &'a mut String) -> Obj<'a> {
        out.push_str("  {");
        Obj { out, n: 0 }
    }
    fn key(&mut self, k: &str) {
        self.out.push_str(if self.n == 0 { "\n    \"" } else { ",\n    \"" });
        self.out.push_str(k);
        self.out.push_str("\": ");
        self.n += 1;
    }
    fn str(&mut self, k: &str, v: &str) {
        self.key(k);
        push_json_str(self.out, v);
    }
    fn date(&mut self, k: &str, from: &Date, to: Option<&Date>) {
        self.key(k);
        self.out.push_str("{\"date-parts\": [");
        push_parts(self.out, from);
        if let Some(to) = to.filter(|to| *to != from) {
            self.out.push_str(", ");
            push_parts(self.out, to);
        }
        self.out.push_str("]}");
    }
    fn close(self) {
        self.out.push_str("\n  }");
    }
}

impl Cite<'_> {
    fn title(&self) -> &str {
        txt(self.ds, &self.ds.title, self.lang)
    }

    fn source_ids(&self) -> String {
        let mut s = String::from(t(Key::Sources, self.lang));
        s.push_str(": ");
        for (i, src) in self.sources.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&src.id);
        }
        s
    }

    /// "Title (Almaty, Kazakhstan, 5 June 2013)".
    fn event_heading(&self, e: &Event) -> String {
        let mut s = String::from(txt(self.ds, &e.title, self.lang));
        s.push_str(" (");
        let place = place_line(self.ds, e, self.lang);
        if !place.is_empty() {
            s.push_str(&place);
            s.push_str(", ");
        }
        s.push_str(&format_range(&e.start, e.end.as_ref(), self.lang));
        s.push(')');
        s
    }

    /// APA 7: an entry in a data set, or the data set, retrieved on a date; then the sources.
    fn apa(&self) -> String {
        let mut s = String::new();
        let updated = self.ds.updated.first_day();
        let push_updated = |s: &mut String| {
            let d = Date::from_day(updated);
            s.push_str(" (");
            push_num(s, d.year.max(0) as u32, 1);
            s.push_str(", ");
            s.push_str(month_en(d.month.unwrap_or(1)));
            s.push(' ');
            push_num(s, d.day.unwrap_or(1) as u32, 1);
            s.push_str(").");
        };
        match self.subject {
            Subject::Dataset => {
                s.push_str(self.title());
                s.push_str(" [Data set].");
                push_updated(&mut s);
            }
            Subject::Event(e) => {
                s.push_str(&self.event_heading(e));
                s.push_str(" [Event record].");
                push_updated(&mut s);
                s.push_str(" In ");
                s.push_str(self.title());
                s.push_str(" [Data set].");
            }
        }
        s.push_str(" Retrieved ");
        push_month_day_year(&mut s, self.accessed);
        s.push_str(", from ");
        s.push_str(self.url);
        s.push_str("\n\n");
        s.push_str(t(Key::Sources, self.lang));
        s.push(':');
        for src in &self.sources {
            s.push_str("\n[");
            s.push_str(&src.id);
            s.push_str("] ");
            s.push_str(txt(self.ds, &src.publisher, self.lang));
            s.push_str(". (n.d.). ");
            s.push_str(txt(self.ds, &src.title, self.lang));
            s.push('.');
            if let Some(u) = &src.url {
                s.push(' ');
                s.push_str(u);
            }
            push_archived(&mut s, src.archived_url.as_deref(), self.lang);
        }
        s
    }

    /// GOST R 7.0.100–2018, an electronic resource; then the sources.
    fn gost(&self) -> String {
        let mut s = String::new();
        if let Subject::Event(e) = self.subject {
            s.push_str(&self.event_heading(e));
            s.push_str(" : запись о событии // ");
        }
        s.push_str(self.title());
        s.push_str(" : набор данных. – Обновлено ");
        push_dotted(&mut s, self.ds.updated.first_day());
        s.push_str(". – URL: ");
        s.push_str(self.url);
        s.push_str(" (дата обращения: ");
        push_dotted(&mut s, self.accessed);
        s.push_str("). – Текст : электронный.\n\n");
        s.push_str(t(Key::Sources, self.lang));
        s.push(':');
        for src in &self.sources {
            s.push_str("\n[");
            s.push_str(&src.id);
            s.push_str("] ");
            s.push_str(txt(self.ds, &src.title, self.lang));
            s.push_str(" / ");
            s.push_str(txt(self.ds, &src.publisher, self.lang));
            s.push('.');
            if let Some(u) = &src.url {
                s.push_str(" – URL: ");
                s.push_str(u);
            }
            push_archived(&mut s, src.archived_url.as_deref(), self.lang);
            s.push_str(". – Текст : электронный.");
        }
        s
    }

    fn langid(&self) -> Option<&'static str> {
        match self.lang {
            Lang::En => Some("english"),
            Lang::Ru => Some("russian"),
            Lang::Other(_) => None,
        }
    }

    /// biblatex-flavoured BibTeX: one `@misc` for the subject, one per source.
    fn bibtex(&self) -> String {
        let mut s = String::new();
        let field = |s: &mut String, name: &str, value: &str, url: bool| {
            s.push_str(",\n  ");
            s.push_str(name);
            s.push_str(" = {");
            if url {
                push_bib_url(s, value);
            } else {
                push_bib_text(s, value);
            }
            s.push('}');
        };
        let ru = self.lang.ui() == Ui::Ru;
        let updated = iso_day(self.ds.updated.first_day());
        s.push_str("@misc{");
        match self.subject {
            Subject::Dataset => {
                s.push_str(&key(self.ds, None));
                s.push_str(",\n  title = {{");
                push_bib_text(&mut s, self.title());
                s.push_str("}}");
                field(&mut s, "howpublished", if ru { "Набор данных" } else { "Data set" }, false);
            }
            Subject::Event(e) => {
                s.push_str(&key(self.ds, Some(&e.id)));
                s.push_str(",\n  title = {{");
                push_bib_text(&mut s, txt(self.ds, &e.title, self.lang));
                s.push_str("}}");
                let mut how = String::from(if ru {
                    "Запись о событии в наборе данных: "
                } else {
                    "Event record in the data set: "
                });
                how.push_str(self.title());
                field(&mut s, "howpublished", &how, false);
                let mut when = e.start.to_string();
                if let Some(end) = e.end.filter(|d| *d != e.start) {
                    when.push('/');
                    when.push_str(&end.to_string());
                }
                field(&mut s, "eventdate", &when, false);
                let place = place_line(self.ds, e, self.lang);
                if !place.is_empty() {
                    field(&mut s, "venue", &place, false);
                }
            }
        }
        field(&mut s, "date", &updated, false);
        let mut year = String::new();
        push_num(&mut year, self.ds.updated.year.max(0) as u32, 4);
        field(&mut s, "year", &year, false);
        field(&mut s, "url", self.url, true);
        field(&mut s, "urldate", &iso_day(self.accessed), false);
        if let Some(l) = self.langid() {
            field(&mut s, "langid", l, false);
        }
        field(&mut s, "note", &self.source_ids(), false);
        let mut related = String::new();
        for (i, src) in self.sources.iter().enumerate() {
            if i > 0 {
                related.push(',');
            }
            related.push_str(&key(self.ds, Some(&src.id)));
        }
        if !related.is_empty() {
            field(&mut s, "related", &related, false);
        }
        s.push_str("\n}\n");
        for src in &self.sources {
            s.push_str("\n@misc{");
            s.push_str(&key(self.ds, Some(&src.id)));
            s.push_str(",\n  title = {{");
            push_bib_text(&mut s, txt(self.ds, &src.title, self.lang));
            s.push_str("}}");
            field(&mut s, "howpublished", txt(self.ds, &src.publisher, self.lang), false);
            if let Some(u) = &src.url {
                field(&mut s, "url", u, true);
            }
            if let Some(a) = &src.archived_url {
                s.push_str(",\n  note = {");
                push_bib_text(&mut s, t(Key::Archived, self.lang));
                s.push_str(": \\url{");
                push_bib_url(&mut s, a);
                s.push_str("}}");
            }
            s.push_str("\n}\n");
        }
        s
    }

    /// CSL-JSON: an array with the subject first, then its sources.
    fn csl_json(&self) -> String {
        let mut s = String::from("[\n");
        {
            let updated = self.ds.updated;
            let accessed = Date::from_day(self.accessed);
            let mut o = Obj::open(&mut s);
            match self.subject {
                Subject::Dataset => {
                    o.str("id", &key(self.ds, None));
                    o.str("type", "dataset");
                    o.str("title", self.title());
                }
                Subject::Event(e) => {
                    o.str("id", &key(self.ds, Some(&e.id)));
                    o.str("type", "entry");
                    o.str("title", txt(self.ds, &e.title, self.lang));
                    o.str("container-title", self.title());
                    o.str("event-title", txt(self.ds, &e.title, self.lang));
                    o.date("event-date", &e.start, e.end.as_ref());
                    let place = place_line(self.ds, e, self.lang);
                    if !place.is_empty() {
                        o.str("event-place", &place);
                    }
                }
            }
            o.date("issued", &updated, None);
            o.date("accessed", &accessed, None);
            o.str("URL", self.url);
            o.str("language", self.lang.code());
            o.str("note", &self.source_ids());
            o.close();
        }
        for src in &self.sources {
            s.push_str(",\n");
            let mut o = Obj::open(&mut s);
            o.str("id", &key(self.ds, Some(&src.id)));
            o.str("type", "webpage");
            o.str("title", txt(self.ds, &src.title, self.lang));
            o.str("publisher", txt(self.ds, &src.publisher, self.lang));
            if let Some(u) = &src.url {
                o.str("URL", u);
            }
            if let Some(a) = &src.archived_url {
                let mut note = String::from(t(Key::Archived, self.lang));
                note.push_str(": ");
                note.push_str(a);
                o.str("note", &note);
            }
            o.close();
        }
        s.push_str("\n]\n");
        s
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::testdata::bundled;

    const URL: &str = "https://example.org/almaty/#e=2013-06-05-ministerial&l=ru";

    fn accessed() -> DayNum {
        Date::ymd(2026, 12, 1).first_day()
    }

    fn ministerial(ds: &Dataset) -> &Event {
        ds.event("2013-06-05-ministerial").unwrap()
    }

    #[test]
    fn apa_for_an_event_lists_its_sources() {
        let ds = bundled();
        let e = ministerial(&ds);
        let c = cite(&ds, Subject::Event(e), Lang::En, Format::Style, URL, accessed());
        assert!(c.starts_with("Ministerial Conference on Refugee Protection and International Migration: The Almaty Process (Almaty, Kazakhstan, 5 June 2013) [Event record]. ("), "{c}");
        assert!(c.contains("In The Almaty Process: Regional Consultative Process"), "{c}");
        assert!(c.contains(" Retrieved December 1, 2026, from https://example.org/almaty/#e=2013-06-05-ministerial&l=ru\n\nSources:\n["), "{c}");
        for id in event_sources(&ds, e) {
            assert!(c.contains(&format!("\n[{id}] ")), "{id} listed: {c}");
        }
    }

    #[test]
    fn gost_in_russian() {
        let ds = bundled();
        let c = cite(&ds, Subject::Dataset, Lang::Ru, Format::Style, "https://example.org/", accessed());
        assert!(c.starts_with("Алматинский процесс: региональный консультативный процесс"), "{c}");
        assert!(c.contains(" : набор данных. – Обновлено "), "{c}");
        assert!(c.contains("(дата обращения: 01.12.2026). – Текст : электронный."), "{c}");
        assert_eq!(c.matches("\n[").count(), ds.sources.len(), "every source listed");
        let e = cite(&ds, Subject::Event(ministerial(&ds)), Lang::Ru, Format::Style, URL, accessed());
        assert!(e.starts_with("Министерская конференция по защите беженцев и международной миграции: Алматинский процесс (Алматы, Казахстан, 5 июня 2013 г.) : запись о событии // "), "{e}");
    }

    /// Checks that every brace in a BibTeX text is balanced outside escapes, and returns the
    /// entries' keys.
    fn bib_keys(text: &str) -> Vec<String> {
        let mut depth = 0i32;
        let mut keys = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '{' => {
                    if depth == 0 {
                        let head = &text[..i];
                        assert!(head.rsplit('\n').next().unwrap().starts_with('@'), "an entry opens a brace");
                        let end = text[i..].find(',').unwrap();
                        keys.push(text[i + 1..i + end].to_string());
                    }
                    depth += 1;
                }
                '}' => {
                    depth -= 1;
                    assert!(depth >= 0, "unbalanced braces at {i}");
                }
                _ => {}
            }
        }
        assert_eq!(depth, 0, "braces balance");
        keys
    }

    #[test]
    fn bibtex_entries_balance_and_escape() {
        let mut ds = bundled();
        let at = ds.events.iter().position(|e| e.id == "2013-06-05-ministerial").unwrap();
        ds.events[at].title.0.insert("en".into(), "50% & {more} #1 $x_y^z~ \\end".into());
        let e = &ds.events[at];
        let b = cite(&ds, Subject::Event(e), Lang::En, Format::BibTex, "https://x.org/a{b}#e=1", accessed());
        let keys = bib_keys(&b);
        assert_eq!(keys[0], "almaty-process:2013-06-05-ministerial");
        assert_eq!(keys.len(), 1 + event_sources(&ds, e).len());
        assert!(b.contains("title = {{50\\% \\& \\{more\\} \\#1 \\$x\\_y\\textasciicircum{}z\\textasciitilde{} \\textbackslash{}end}}"), "{b}");
        assert!(b.contains("url = {https://x.org/a%7Bb%7D#e=1}"), "{b}");
        assert!(b.contains("eventdate = {2013-06-05}"), "{b}");
        assert!(b.contains("urldate = {2026-12-01}"), "{b}");
        let all = cite(&ds, Subject::Dataset, Lang::Ru, Format::BibTex, "https://x.org/", accessed());
        let keys = bib_keys(&all);
        assert_eq!(keys.len(), 1 + ds.sources.len());
        assert!(all.contains("title = {{Алматинский процесс"), "{all}");
        assert!(all.contains("langid = {russian}"));
    }

    #[test]
    fn csl_json_parses_and_lists_sources() {
        let ds = bundled();
        let e = ministerial(&ds);
        let text = cite(&ds, Subject::Event(e), Lang::Ru, Format::CslJson, URL, accessed());
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let items = v.as_array().unwrap();
        assert_eq!(items.len(), 1 + event_sources(&ds, e).len());
        assert_eq!(items[0]["type"], "entry");
        assert_eq!(
            items[0]["title"],
            "Министерская конференция по защите беженцев и международной миграции: Алматинский процесс"
        );
        assert_eq!(items[0]["event-date"]["date-parts"], serde_json::json!([[2013, 6, 5]]));
        assert_eq!(items[0]["accessed"]["date-parts"], serde_json::json!([[2026, 12, 1]]));
        assert_eq!(items[0]["URL"], URL);
        assert!(items[1..]
            .iter()
            .all(|s| s["type"] == "webpage" && s["id"].as_str().unwrap().starts_with("almaty-process:")));
        // A range and hostile text.
        let mut ds = bundled();
        ds.events[0].title.0.insert("en".into(), "quote \" backslash \\ nl \n tab \t bell \u{7}".into());
        let text = cite(&ds, Subject::Event(&ds.events[0]), Lang::En, Format::CslJson, "u", accessed());
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v[0]["title"], "quote \" backslash \\ nl \n tab \t bell \u{7}");
        assert_eq!(v[0]["event-date"]["date-parts"], serde_json::json!([[2011, 3, 14], [2011, 3, 16]]));
        let all = cite(&ds, Subject::Dataset, Lang::En, Format::CslJson, "u", accessed());
        let v: serde_json::Value = serde_json::from_str(&all).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1 + ds.sources.len());
        assert_eq!(v[0]["type"], "dataset");
    }
}

/// " (archived copy: URL)" after a source that has one.
fn push_archived(s: &mut String, archived: Option<&str>, lang: Lang) {
    if let Some(a) = archived {
        s.push_str(" (");
        s.push_str(t(Key::Archived, lang));
        s.push_str(": ");
        s.push_str(a);
        s.push(')');
    }
}
