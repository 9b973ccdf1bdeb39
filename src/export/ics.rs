//! The events as an iCalendar file (RFC 5545).
//!
//! Events dated to the day become all-day events (`DTSTART;VALUE=DATE`, with the exclusive
//! `DTEND` the day after the last one). Events known only to the month or year have no place in
//! a calendar: they are left out, and the calendar's description (`X-WR-CALDESC`; iCalendar
//! has no comments) says how many and which. Every event keeps one `UID` across exports (its
//! dataset id at the dataset's id), and `DTSTAMP` is the dataset's update date, so exporting the
//! same dataset twice gives the same file. Text values are escaped (`\\`, `\;`, `\,`, `\n`),
//! lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character.

use super::{event_sources, participants_line, place_line, push_num, txt};
use crate::date::{Date, DayNum, Precision};
use crate::i18n::{level_name, t, te, ExportKey as X, Key, Lang};
use crate::model::{Dataset, Event};

/// The longest line, in octets, without its CRLF.
const MAX_OCTETS: usize = 75;

/// A calendar and what went into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub text: String,
    /// Events written.
    pub written: usize,
    /// Events left out (dated only to the month or year).
    pub left_out: usize,
}

/// Whether an event can be an all-day calendar event: its dates are known to the day.
fn dated_to_the_day(e: &Event) -> bool {
    e.start.precision() == Precision::Day && e.end.is_none_or(|d| d.precision() == Precision::Day)
}

/// Appends a TEXT value, escaped (RFC 5545 §3.3.11).
fn push_text(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends one content line, folded (RFC 5545 §3.1): a line longer than 75 octets continues
/// on the next after CRLF and a space, split only between characters.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > MAX_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// `YYYYMMDD` of a day.
fn push_basic_date(out: &mut String, day: DayNum) {
    let d = Date::from_day(day);
    push_num(out, d.year.max(0) as u32, 4);
    push_num(out, d.month.unwrap_or(1) as u32, 2);
    push_num(out, d.day.unwrap_or(1) as u32, 2);
}

/// A property with a TEXT value.
fn text_prop(out: &mut String, name: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 8);
    line.push_str(name);
    line.push(':');
    push_text(&mut line, value);
    push_line(out, &line);
}

/// A property with a TEXT value and the language it is in.
fn text_prop_lang(out: &mut String, name: &str, lang: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 16);
    line.push_str(name);
    line.push_str(";LANGUAGE=");
    line.push_str(lang);
    line.push(':');
    push_text(&mut line, value);
    push_line(out, &line);
}

/// A property whose value is written as is (dates, URIs, fixed words).
fn raw_prop(out: &mut String, name: &str, value: &str) {
    let mut line = String::with_capacity(name.len() + value.len() + 1);
    line.push_str(name);
    line.push(':');
    line.push_str(value);
    push_line(out, &line);
}

fn date_prop(out: &mut String, name: &str, day: DayNum) {
    let mut line = String::from(name);
    line.push_str(";VALUE=DATE:");
    push_basic_date(&mut line, day);
    push_line(out, &line);
}

/// The events as a calendar. `link`, when given, is the start of a link that opens an event
/// in the explorer: the event's id is appended to it for each event's `URL`. `only`: just the
/// events at these positions (what a search or filter shows).
pub fn calendar(ds: &Dataset, lang: Lang, link: Option<&str>, only: Option<&[usize]>) -> Calendar {
    let mut out = String::new();
    let title = txt(ds, &ds.title, lang);
    raw_prop(&mut out, "BEGIN", "VCALENDAR");
    raw_prop(&mut out, "VERSION", "2.0");
    let mut prodid = String::from("-//");
    prodid.push_str(&ds.id);
    prodid.push_str("//explorer export//");
    prodid.push_str(&lang.code().to_ascii_uppercase());
    raw_prop(&mut out, "PRODID", &prodid);
    raw_prop(&mut out, "CALSCALE", "GREGORIAN");
    raw_prop(&mut out, "METHOD", "PUBLISH");
    text_prop(&mut out, "X-WR-CALNAME", title);
    let left_out: Vec<&Event> = super::chosen(ds, only).filter(|e| !dated_to_the_day(e)).collect();
    if !left_out.is_empty() {
        let mut desc = String::from(te(X::LeftOut, lang));
        desc.push_str(": ");
        push_num(&mut desc, left_out.len() as u32, 1);
        desc.push_str(" (");
        for (i, e) in left_out.iter().enumerate() {
            if i > 0 {
                desc.push_str("; ");
            }
            desc.push_str(&e.start.to_string());
            desc.push(' ');
            desc.push_str(txt(ds, &e.title, lang));
        }
        desc.push_str(").");
        text_prop(&mut out, "X-WR-CALDESC", &desc);
    }
    let mut stamp = String::new();
    push_basic_date(&mut stamp, ds.updated.first_day());
    stamp.push_str("T000000Z");
    let mut written = 0;
    for e in super::chosen(ds, only).filter(|e| dated_to_the_day(e)) {
        written += 1;
        raw_prop(&mut out, "BEGIN", "VEVENT");
        let mut uid = e.id.clone();
        uid.push('@');
        uid.push_str(&ds.id);
        raw_prop(&mut out, "UID", &uid);
        raw_prop(&mut out, "DTSTAMP", &stamp);
        date_prop(&mut out, "DTSTART", e.start.first_day());
        date_prop(&mut out, "DTEND", e.last().last_day() + 1);
        let title = e.title.get(lang.code(), &ds.languages);
        text_prop_lang(&mut out, "SUMMARY", title.lang, title.text);
        let place = place_line(ds, e, lang);
        if !place.is_empty() {
            text_prop(&mut out, "LOCATION", &place);
        }
        text_prop(&mut out, "CATEGORIES", level_name(e.level, lang));
        raw_prop(&mut out, "STATUS", if e.uncertain { "TENTATIVE" } else { "CONFIRMED" });
        raw_prop(&mut out, "TRANSP", "TRANSPARENT");
        text_prop(&mut out, "DESCRIPTION", &description(ds, e, lang));
        if let Some(link) = link {
            let mut url = String::from(link);
            url.push_str(&e.id);
            raw_prop(&mut out, "URL", &url);
        }
        raw_prop(&mut out, "END", "VEVENT");
    }
    raw_prop(&mut out, "END", "VCALENDAR");
    Calendar { text: out, written, left_out: left_out.len() }
}

/// An event's description: its summary, level, states with roles, and its sources in full.
fn description(ds: &Dataset, e: &Event, lang: Lang) -> String {
    let mut d = String::new();
    d.push_str(txt(ds, &e.summary, lang));
    if e.uncertain {
        d.push_str(" (");
        d.push_str(t(Key::Uncertain, lang));
        d.push(')');
    }
    d.push_str("\n\n");
    d.push_str(level_name(e.level, lang));
    let who = participants_line(ds, e, lang);
    if !who.is_empty() {
        d.push('\n');
        d.push_str(t(Key::Participants, lang));
        d.push_str(": ");
        d.push_str(&who);
    }
    d.push_str("\n\n");
    d.push_str(t(Key::Sources, lang));
    d.push(':');
    for id in event_sources(ds, e) {
        let Some(s) = ds.source(id) else { continue };
        d.push_str("\n[");
        d.push_str(&s.id);
        d.push_str("] ");
        d.push_str(txt(ds, &s.title, lang));
        d.push_str(" — ");
        d.push_str(txt(ds, &s.publisher, lang));
        if let Some(u) = &s.url {
            d.push_str(". ");
            d.push_str(u);
        }
    }
    d
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::export::testdata::bundled;

    /// Unfolds content lines (RFC 5545 §3.1), checking every physical line on the way.
    fn unfold(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for phys in text[..text.len() - 2].split("\r\n") {
            assert!(!phys.contains('\n') && !phys.contains('\r'), "bare CR or LF in {phys:?}");
            assert!(phys.len() <= MAX_OCTETS, "{} octets: {phys:?}", phys.len());
            match phys.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a continuation follows a line").push_str(rest),
                None => lines.push(phys.to_string()),
            }
        }
        lines
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut it = v.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                match it.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(c) => out.push(c),
                    None => panic!("dangling backslash"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        push_text(&mut s, "a,b;c\\d\ne\r\nf");
        assert_eq!(s, "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn folding_keeps_utf8_characters_whole() {
        for prefix in ["", "x", "xx", "xxx"] {
            let value: String = std::iter::repeat_n("Ж€𝄞a", 40).collect();
            let line = format!("SUMMARY:{prefix}{value}");
            let mut out = String::new();
            push_line(&mut out, &line);
            // Every physical line is valid UTF-8 on its own (the String is), fits, and the
            // unfolded line is the original.
            for phys in out.trim_end_matches("\r\n").split("\r\n") {
                assert!(phys.len() <= MAX_OCTETS);
                assert!(
                    phys.len() >= MAX_OCTETS - 3 || out.ends_with(&format!("{phys}\r\n")),
                    "a line is cut short only at the end"
                );
            }
            assert_eq!(unfold(&out), vec![line]);
        }
        let mut short = String::new();
        push_line(&mut short, "VERSION:2.0");
        assert_eq!(short, "VERSION:2.0\r\n");
        let exact: String = "X".repeat(75);
        let mut out = String::new();
        push_line(&mut out, &exact);
        assert_eq!(out, format!("{exact}\r\n"));
        let mut out = String::new();
        push_line(&mut out, &"X".repeat(76));
        assert_eq!(out, format!("{}\r\n X\r\n", "X".repeat(75)));
    }

    #[test]
    fn calendar_basics_and_all_day_events() {
        let ds = bundled();
        let cal = calendar(&ds, Lang::Ru, Some("https://example.org/#l=ru&e="), None);
        let lines = unfold(&cal.text);
        assert_eq!(lines.first().map(|s| s.as_str()), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(|s| s.as_str()), Some("END:VCALENDAR"));
        assert!(lines.contains(&"VERSION:2.0".to_string()));
        assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
        let day_events = ds.events.iter().filter(|e| dated_to_the_day(e)).count();
        assert_eq!(cal.written, day_events);
        assert_eq!(cal.left_out, ds.events.len() - day_events);
        assert!(cal.left_out >= 2, "the dataset has month- and year-dated events");
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), day_events);
        for key in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:", "SUMMARY;LANGUAGE=ru:"] {
            assert_eq!(lines.iter().filter(|l| l.starts_with(key)).count(), day_events, "{key}");
        }
        // The 2011 conference ran 14–16 March: DTEND is the day after.
        let at = lines.iter().position(|l| l == "UID:2011-03-regional-conference@almaty-process").unwrap();
        assert!(lines[at..].iter().take(6).any(|l| l == "DTSTART;VALUE=DATE:20110314"));
        assert!(lines[at..].iter().take(6).any(|l| l == "DTEND;VALUE=DATE:20110317"));
        // The ministerial, in Russian, read back intact.
        let at = lines.iter().position(|l| l == "UID:2013-06-05-ministerial@almaty-process").unwrap();
        let summary = lines[at..].iter().find(|l| l.starts_with("SUMMARY")).unwrap();
        assert_eq!(
            unescape(summary.split_once(':').unwrap().1),
            "Министерская конференция по защите беженцев и международной миграции: Алматинский процесс"
        );
        assert!(lines[at..].iter().any(|l| l == "URL:https://example.org/#l=ru&e=2013-06-05-ministerial"));
        assert!(lines[at..].iter().any(|l| l == "LOCATION:Алматы\\, Казахстан"));
        // Left out, and said so.
        let desc = lines.iter().find(|l| l.starts_with("X-WR-CALDESC:")).unwrap();
        assert!(desc.contains(&format!(": {} (", cal.left_out)), "{desc}");
        assert!(desc.contains("2017 "), "{desc}");
        assert!(!cal.text.contains("UID:2017-som-4@"));
    }

    #[test]
    fn uids_and_the_whole_file_are_stable() {
        let ds = bundled();
        let a = calendar(&ds, Lang::En, None, None);
        assert_eq!(a, calendar(&ds, Lang::En, None, None), "the same dataset gives the same file");
        let uids =
            |c: &Calendar| -> Vec<String> { unfold(&c.text).into_iter().filter(|l| l.starts_with("UID:")).collect() };
        assert_eq!(uids(&a), uids(&calendar(&ds, Lang::Ru, None, None)), "UIDs do not depend on the language");
        let mut uniq = uids(&a);
        uniq.dedup();
        assert_eq!(uniq.len(), a.written);
        // Adding an event elsewhere does not renumber the others.
        let mut more = ds.clone();
        let mut extra = more.events[0].clone();
        extra.id = "1999-01-01-extra".into();
        more.events.insert(0, extra);
        let b = calendar(&more, Lang::En, None, None);
        assert!(uids(&a).iter().all(|u| uids(&b).contains(u)));
        let stamp = format!("DTSTAMP:{}T000000Z", crate::export::iso_day(ds.updated.first_day()).replace('-', ""));
        assert_eq!(a.text.matches(&stamp).count(), a.written, "DTSTAMP is the dataset's update, not the export time");
    }

    #[test]
    fn hostile_text_cannot_add_properties() {
        let mut ds = bundled();
        let at = ds.events.iter().position(dated_to_the_day).unwrap();
        ds.events[at].title.0.insert("en".into(), "x\r\nEND:VEVENT\r\nBEGIN:VEVENT;a,b\\".into());
        let cal = calendar(&ds, Lang::En, None, None);
        let lines = unfold(&cal.text);
        assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), cal.written);
        assert!(lines.iter().any(|l| l == "SUMMARY;LANGUAGE=en:x\\nEND:VEVENT\\nBEGIN:VEVENT\\;a\\,b\\\\"));
    }

    #[test]
    fn a_search_or_filter_exports_only_what_it_shows() {
        let ds = bundled();
        let only: Vec<usize> = (0..ds.events.len()).filter(|&i| dated_to_the_day(&ds.events[i])).take(2).collect();
        let two = calendar(&ds, Lang::En, None, Some(&only));
        assert_eq!((two.written, two.text.matches("BEGIN:VEVENT").count()), (2, 2));
        for &i in &only {
            assert!(two.text.contains(&format!("UID:{}@", ds.events[i].id)));
        }
    }
}
