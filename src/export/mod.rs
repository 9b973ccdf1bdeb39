//! What a reader takes away, made from the validated dataset in one language: the events and
//! the states as of a date as CSV ([`csv`]), the events as an iCalendar file ([`ics`]),
//! citations in a common style, BibTeX and CSL-JSON ([`cite`]), and the chronology a printout
//! shows ([`print`]). Plain Rust over the model, no web or UI crate: tested natively.
//!
//! The text is built by pushing onto one `String` (no `format!`, no float formatting, no
//! serde): it runs in the browser, where every byte of code is downloaded.

pub mod cite;
pub mod csv;
pub mod ics;
pub mod print;

use crate::date::{Date, DayNum, Precision};
use crate::i18n::{event_role_name, org_event_role_name, role_name, t, te, ExportKey, Key, Lang};
use crate::model::{Dataset, Event, Place, RoleSpan, SubjectKind, Text};
use crate::query;

/// The events to export: those at the positions in `only` (a search or filter's result, in
/// date order), else all.
pub fn chosen<'a>(ds: &'a Dataset, only: Option<&'a [usize]>) -> Box<dyn Iterator<Item = &'a Event> + 'a> {
    match only {
        Some(ix) => Box::new(ix.iter().filter_map(|&i| ds.events.get(i))),
        None => Box::new(ds.events.iter()),
    }
}

/// A dataset text in `lang` (else its fallback).
pub fn txt<'a>(ds: &'a Dataset, text: &'a Text, lang: Lang) -> &'a str {
    text.get(lang.code(), &ds.languages).text
}

/// Every source an event cites (its own, its participants', its outcomes', the readings of
/// disputes about it), each once, in order of first mention: what the detail panel lists.
pub fn event_sources<'a>(ds: &'a Dataset, e: &'a Event) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    let mut add = |ids: &'a [String]| {
        for id in ids {
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
    };
    add(&e.sources);
    for p in &e.participants {
        add(&p.sources);
    }
    for o in &e.outcomes {
        add(&o.sources);
    }
    for d in ds.disputes_about(SubjectKind::Event, &e.id) {
        for r in &d.readings {
            add(&r.sources);
        }
    }
    out
}

/// A state's short name on `day`; its code when the dataset has no such state.
pub fn state_name<'a>(ds: &'a Dataset, code: &'a str, day: DayNum, lang: Lang) -> &'a str {
    match ds.state(code) {
        Some(s) => txt(ds, &s.name_on(day).short, lang),
        None => code,
    }
}

/// Where an event took place, as (place, country): ("Almaty", "Kazakhstan"), ("Online", ""),
/// or empty strings when not known.
pub fn place<'a>(ds: &'a Dataset, e: &'a Event, lang: Lang) -> (&'a str, &'a str) {
    match &e.place {
        Place::City { city, country, .. } => (txt(ds, city, lang), state_name(ds, country, e.start.first_day(), lang)),
        Place::Online => (t(Key::Online, lang), ""),
        Place::Unknown => ("", ""),
    }
}

/// "Almaty, Kazakhstan", "Online" or "".
pub fn place_line(ds: &Dataset, e: &Event, lang: Lang) -> String {
    let (p, c) = place(ds, e, lang);
    join2(p, ", ", c)
}

fn join2(a: &str, sep: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + sep.len() + b.len());
    s.push_str(a);
    if !a.is_empty() && !b.is_empty() {
        s.push_str(sep);
    }
    s.push_str(b);
    s
}

/// The states at an event with their roles: "Kazakhstan (Chair); Türkiye (Member)".
pub fn participants_line(ds: &Dataset, e: &Event, lang: Lang) -> String {
    let mut s = String::new();
    for (i, p) in e.participants.iter().enumerate() {
        if i > 0 {
            s.push_str("; ");
        }
        s.push_str(state_name(ds, &p.state, e.start.first_day(), lang));
        s.push_str(" (");
        s.push_str(event_role_name(p.role, lang));
        s.push(')');
    }
    s
}

/// The organisations at an event with their parts: "UNHCR (organiser); IOM (organiser)".
pub fn organisations_line(ds: &Dataset, e: &Event, lang: Lang) -> String {
    let mut s = String::new();
    for (i, o) in e.organisations.iter().enumerate() {
        if i > 0 {
            s.push_str("; ");
        }
        match ds.organisation(&o.org) {
            Some(org) => s.push_str(txt(ds, &org.short, lang)),
            None => s.push_str(&o.org),
        }
        s.push_str(" (");
        s.push_str(org_event_role_name(o.role, lang));
        s.push(')');
    }
    s
}

/// Ids joined by `sep`.
pub fn join(ids: &[&str], sep: &str) -> String {
    let mut s = String::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(id);
    }
    s
}

/// Appends `s` with HTML's special characters escaped, for text and quoted attribute values.
pub fn push_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A date's precision in words.
pub fn precision_name(d: &Date, lang: Lang) -> &'static str {
    te(
        match d.precision() {
            Precision::Day => ExportKey::PrecisionDay,
            Precision::Month => ExportKey::PrecisionMonth,
            Precision::Year => ExportKey::PrecisionYear,
        },
        lang,
    )
}

/// Pushes `n` with at least `width` digits (zero-padded); `n` is not negative.
pub fn push_num(out: &mut String, n: u32, width: usize) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for _ in (buf.len() - i)..width {
        out.push('0');
    }
    for &b in &buf[i..] {
        out.push(b as char);
    }
}

/// `YYYY-MM-DD` of a day.
pub fn iso_day(day: DayNum) -> String {
    let d = Date::from_day(day);
    let mut s = String::with_capacity(10);
    push_num(&mut s, d.year.max(0) as u32, 4);
    s.push('-');
    push_num(&mut s, d.month.unwrap_or(1) as u32, 2);
    s.push('-');
    push_num(&mut s, d.day.unwrap_or(1) as u32, 2);
    s
}

/// A download's file name: what it is, then when, then the language:
/// `almaty-process-events-en.csv`, `almaty-process-states-2013-06-05-ru.csv`.
pub fn file_name(ds: &Dataset, what: &str, when: Option<&str>, lang: Option<Lang>, ext: &str) -> String {
    let mut s = String::new();
    s.push_str(&ds.id);
    s.push('-');
    s.push_str(what);
    if let Some(w) = when {
        s.push('-');
        s.push_str(w);
    }
    if let Some(l) = lang {
        s.push('-');
        s.push_str(l.code());
    }
    s.push('.');
    s.push_str(ext);
    s
}

/// The states as the states table orders them on `day`: strongest role first, then by name;
/// each with the role span in force (if any).
pub fn states_by_role(ds: &Dataset, day: DayNum, lang: Lang) -> Vec<(usize, Option<&RoleSpan>)> {
    let mut rows: Vec<(usize, Option<&RoleSpan>)> =
        ds.states.iter().enumerate().map(|(i, s)| (i, query::role_on(s, day))).collect();
    let name = |i: usize| txt(ds, &ds.states[i].name_on(day).short, lang);
    crate::sort::sort_by(&mut rows, |a, b| {
        b.1.map(|r| r.role).cmp(&a.1.map(|r| r.role)).then_with(|| name(a.0).cmp(name(b.0)))
    });
    rows
}

/// A change log entry in words: its date, and "what. Why. (S7, S18)".
pub fn change_line(ds: &Dataset, c: &crate::model::Change, lang: Lang) -> (String, String) {
    let mut rest = format!("{} {}", txt(ds, &c.what, lang), txt(ds, &c.why, lang));
    if !c.sources.is_empty() {
        rest.push_str(" (");
        rest.push_str(&c.sources.join(", "));
        rest.push(')');
    }
    (crate::i18n::format_date(&c.date, lang), rest)
}

/// A role's name, or "No role"; a role shown after the sources stop says so: "Member (last on
/// record May 2019)".
pub fn role_label(r: Option<&RoleSpan>, day: DayNum, lang: Lang) -> String {
    match r {
        None => t(Key::NoRole, lang).to_string(),
        Some(r) => match r.span.to.filter(|_| r.span.after_record(day)) {
            Some(to) => format!(
                "{} ({} {})",
                role_name(r.role, lang),
                t(Key::LastOnRecord, lang),
                crate::i18n::format_date(&to, lang)
            ),
            None => role_name(r.role, lang).to_string(),
        },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testdata {
    use crate::model::Dataset;
    use crate::validate::parse_dataset;

    /// The bundled dataset.
    pub fn bundled() -> Dataset {
        parse_dataset(include_str!("../../public/data/dataset.json")).expect("the bundled dataset is valid")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_zero_padded() {
        let mut s = String::new();
        push_num(&mut s, 7, 2);
        s.push(' ');
        push_num(&mut s, 2013, 4);
        s.push(' ');
        push_num(&mut s, 0, 1);
        s.push(' ');
        push_num(&mut s, 123_456, 2);
        assert_eq!(s, "07 2013 0 123456");
        assert_eq!(iso_day(Date::ymd(2013, 6, 5).first_day()), "2013-06-05");
    }

    #[test]
    fn html_escaping() {
        let mut s = String::new();
        push_html(&mut s, "<img src=x onerror=\"a('b')\"> & Ж");
        assert_eq!(s, "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; Ж");
    }

    #[test]
    fn file_names_say_what_when_and_language() {
        let ds = testdata::bundled();
        assert_eq!(file_name(&ds, "events", None, Some(Lang::En), "csv"), "almaty-process-events-en.csv");
        assert_eq!(
            file_name(&ds, "states", Some("2013-06-05"), Some(Lang::Ru), "csv"),
            "almaty-process-states-2013-06-05-ru.csv"
        );
    }

    #[test]
    fn event_sources_are_listed_once_in_order() {
        let ds = testdata::bundled();
        for e in &ds.events {
            let s = event_sources(&ds, e);
            for (i, id) in s.iter().enumerate() {
                assert!(ds.source(id).is_some(), "{id} resolves");
                assert!(!s[..i].contains(id), "{id} listed twice for {}", e.id);
            }
            assert!(e.sources.iter().all(|id| s.contains(&id.as_str())));
            assert_eq!(s.first().copied(), e.sources.first().map(|s| s.as_str()));
        }
    }

    #[test]
    fn states_by_role_puts_members_first() {
        let ds = testdata::bundled();
        let day = Date::ymd(2013, 6, 5).first_day();
        let rows = states_by_role(&ds, day, Lang::En);
        assert_eq!(rows.len(), ds.states.len());
        let roles: Vec<_> = rows.iter().map(|r| r.1.map(|s| s.role)).collect();
        let mut sorted = roles.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(roles, sorted);
        assert_eq!(roles.iter().filter(|r| **r == Some(crate::model::Role::Member)).count(), 7);
    }
}
