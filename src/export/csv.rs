//! CSV files (RFC 4180): the events, one row per event, and the states with their role as of
//! a date. Fields are separated by commas and records end with CRLF; a field is quoted when it
//! holds a comma, a quote or a line break, and quotes inside are doubled. The file starts with
//! a UTF-8 byte-order mark, so spreadsheet programs read Cyrillic as UTF-8. A field that a
//! spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is prefixed with an apostrophe, which makes it text.

use super::{event_sources, join, organisations_line, participants_line, place, precision_name, states_by_role, txt};
use crate::date::DayNum;
use crate::i18n::{level_name, t, te, ExportKey as X, Key, Lang};
use crate::model::Dataset;

/// The byte-order mark every file starts with.
const BOM: &str = "\u{FEFF}";

/// Whether a spreadsheet would read the field as a formula.
fn looks_like_formula(v: &str) -> bool {
    v.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Appends one field: guarded against formulas, then quoted if it needs to be.
fn push_field(out: &mut String, v: &str) {
    let quote = v.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if looks_like_formula(v) {
        out.push('\'');
    }
    for c in v.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Appends one record.
fn push_row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
    out.push_str("\r\n");
}

/// Every event, in date order: id, start and end with their precision, whether the date is
/// uncertain, level, title, summary, place, country, states with their roles, organisations
/// with their parts, and the ids of the sources. `only`: just the events at these positions
/// (what a search or filter shows).
pub fn events(ds: &Dataset, lang: Lang, only: Option<&[usize]>) -> String {
    let mut out = String::from(BOM);
    let head = [
        X::ColId,
        X::ColStart,
        X::ColStartPrecision,
        X::ColEnd,
        X::ColEndPrecision,
        X::ColUncertain,
        X::ColLevel,
        X::ColTitle,
        X::ColSummary,
        X::ColPlace,
        X::ColCountry,
        X::ColParticipants,
        X::ColOrganisations,
        X::ColSources,
    ]
    .map(|k| te(k, lang));
    push_row(&mut out, &head);
    for e in super::chosen(ds, only) {
        let start = e.start.to_string();
        let end = e.end.map(|d| d.to_string()).unwrap_or_default();
        let (city, country) = place(ds, e, lang);
        let who = participants_line(ds, e, lang);
        let orgs = organisations_line(ds, e, lang);
        let sources = join(&event_sources(ds, e), "; ");
        push_row(
            &mut out,
            &[
                &e.id,
                &start,
                precision_name(&e.start, lang),
                &end,
                e.end.as_ref().map(|d| precision_name(d, lang)).unwrap_or(""),
                if e.uncertain { te(X::Yes, lang) } else { "" },
                level_name(e.level, lang),
                txt(ds, &e.title, lang),
                txt(ds, &e.summary, lang),
                city,
                country,
                &who,
                &orgs,
                &sources,
            ],
        );
    }
    out
}

/// Every state with its role on `day`, strongest role first: the date, code, name and official
/// name then, role, whether it chairs, the span of that role and its sources.
pub fn states(ds: &Dataset, lang: Lang, day: DayNum) -> String {
    let mut out = String::from(BOM);
    let head = [
        te(X::ColAsOf, lang),
        t(Key::Code, lang),
        t(Key::State, lang),
        te(X::ColOfficialName, lang),
        t(Key::Role, lang),
        t(Key::Chair, lang),
        te(X::ColRoleFrom, lang),
        te(X::ColRoleTo, lang),
        te(X::ColSources, lang),
    ];
    push_row(&mut out, &head);
    let as_of = super::iso_day(day);
    let chair = crate::query::chair_on(ds, day).map(|c| c.state.as_str());
    for (i, span) in states_by_role(ds, day, lang) {
        let s = &ds.states[i];
        let name = s.name_on(day);
        let from = span.map(|r| r.span.from.to_string()).unwrap_or_default();
        let to = span.and_then(|r| r.span.to).map(|d| d.to_string()).unwrap_or_default();
        let sources: Vec<&str> = span.map(|r| r.span.sources.iter().map(|s| s.as_str()).collect()).unwrap_or_default();
        let sources = join(&sources, "; ");
        push_row(
            &mut out,
            &[
                &as_of,
                &s.code,
                txt(ds, &name.short, lang),
                txt(ds, &name.official, lang),
                &super::role_label(span, day, lang),
                if chair == Some(s.code.as_str()) { te(X::Yes, lang) } else { "" },
                &from,
                &to,
                &sources,
            ],
        );
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::export::testdata::bundled;

    /// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF records), to read back
    /// what the writer wrote.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).expect("starts with a BOM");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' => {
                    assert!(field.is_empty(), "a quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "CR not followed by LF outside quotes");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                c => field.push(c),
            }
        }
        assert!(field.is_empty() && row.is_empty(), "the last record ends with CRLF");
        rows
    }

    #[test]
    fn fields_are_quoted_only_when_needed_and_quotes_doubled() {
        let mut s = String::new();
        push_row(&mut s, &["plain", "a,b", "say \"hi\"", "two\r\nlines", "", "Алматы"]);
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,Алматы\r\n");
    }

    #[test]
    fn formulas_are_defused() {
        for (v, want) in [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+1", "'+1"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("2013-06-05", "2013-06-05"),
        ] {
            let mut s = String::new();
            push_field(&mut s, v);
            assert_eq!(s, want, "{v}");
        }
    }

    #[test]
    fn events_round_trip_with_cyrillic_intact() {
        let ds = bundled();
        for lang in [Lang::En, Lang::Ru] {
            let text = events(&ds, lang, None);
            assert!(text.starts_with('\u{FEFF}'));
            assert!(text.ends_with("\r\n"));
            let rows = parse(&text);
            assert_eq!(rows.len(), ds.events.len() + 1);
            assert!(rows.iter().all(|r| r.len() == 14), "every record has every field");
            for (e, r) in ds.events.iter().zip(&rows[1..]) {
                assert_eq!(r[0], e.id);
                assert_eq!(r[1], e.start.to_string());
                assert_eq!(r[7], txt(&ds, &e.title, lang));
                assert_eq!(r[8], txt(&ds, &e.summary, lang));
            }
        }
        let rows = parse(&events(&ds, Lang::Ru, None));
        assert_eq!(rows[0][7], "Название");
        let m = rows.iter().find(|r| r[0] == "2013-06-05-ministerial").unwrap();
        assert_eq!(m[1], "2013-06-05");
        assert_eq!(m[2], "день");
        assert_eq!(m[7], "Министерская конференция по защите беженцев и международной миграции: Алматинский процесс");
        assert_eq!(m[9], "Алматы");
        assert_eq!(m[10], "Казахстан");
        assert!(m[11].contains("Иран (Наблюдатель)"), "{}", m[11]);
        assert!(m[13].split("; ").all(|id| ds.source(id).is_some()));
        let month = rows.iter().find(|r| r[0] == "2016-06-technical-experts-meetings").unwrap();
        assert_eq!(
            (month[1].as_str(), month[2].as_str(), month[3].as_str(), month[4].as_str()),
            ("2016-06", "месяц", "2016-11", "месяц")
        );
    }

    #[test]
    fn hostile_text_stays_one_field_and_is_no_formula() {
        let mut ds = bundled();
        let e = &mut ds.events[0];
        e.title.0.insert("en".into(), "=cmd|' /C calc'!A0".into());
        e.summary.0.insert("en".into(), "line one\nline \"two\", with comma\r\n-3".into());
        let rows = parse(&events(&ds, Lang::En, None));
        assert_eq!(rows[1][7], "'=cmd|' /C calc'!A0");
        assert_eq!(rows[1][8], "line one\nline \"two\", with comma\r\n-3");
        assert_eq!(rows.len(), ds.events.len() + 1);
    }

    #[test]
    fn a_search_or_filter_exports_only_what_it_shows() {
        let ds = bundled();
        let only = [2usize, 5, 9];
        let rows = parse(&events(&ds, Lang::En, Some(&only)));
        assert_eq!(rows.len(), 4, "header and three events");
        let ids: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(ids, [ds.events[2].id.as_str(), ds.events[5].id.as_str(), ds.events[9].id.as_str()]);
        assert_eq!(parse(&events(&ds, Lang::En, Some(&[]))).len(), 1, "nothing shown: the header only");
    }

    #[test]
    fn states_as_of_a_date_with_roles_and_chair() {
        let ds = bundled();
        let day = Date::ymd(2013, 6, 5).first_day();
        let rows = parse(&states(&ds, Lang::En, day));
        assert_eq!(rows[0][0], "As of");
        assert_eq!(rows.len(), ds.states.len() + 1);
        assert!(rows[1..].iter().all(|r| r[0] == "2013-06-05" && r.len() == 9));
        assert_eq!(rows[1..].iter().filter(|r| r[4] == "Member").count(), 7);
        let ir = rows.iter().find(|r| r[1] == "IR").unwrap();
        assert_eq!(ir[4], "Observer");
        let chairs: Vec<_> = rows.iter().filter(|r| r[5] == "yes").map(|r| r[1].as_str()).collect();
        assert_eq!(chairs, ["KZ"]);
        let ru = parse(&states(&ds, Lang::Ru, day));
        let kz = ru.iter().find(|r| r[1] == "KZ").unwrap();
        assert_eq!((kz[2].as_str(), kz[4].as_str(), kz[5].as_str()), ("Казахстан", "Член", "да"));
    }
}
