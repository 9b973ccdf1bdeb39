//! What a printout shows: the chronology (every event in order with its date, level, place,
//! summary and states with their roles), its sources as numbered notes (numbered in order of
//! first citation, each source once), and the states with their role as of a date; and that
//! as HTML ([`html`]), every text escaped.

use super::{event_sources, participants_line, place_line, push_html, push_num, states_by_role, txt};
use crate::date::DayNum;
use crate::i18n::{as_of_sentence, format_range, level_name, t, te, ExportKey as X, Key, Lang};
use crate::model::Dataset;
use crate::query;

/// One event of the chronology.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    /// The date in words, e.g. "14–16 March 2011".
    pub date: String,
    /// The start in the dataset's form (for `<time datetime>`).
    pub datetime: String,
    pub uncertain: bool,
    pub title: String,
    pub level: &'static str,
    /// "Almaty, Kazakhstan", or empty.
    pub place: String,
    pub summary: String,
    /// "Kazakhstan (Chair); …", or empty.
    pub participants: String,
    /// Numbers of its source notes.
    pub notes: Vec<usize>,
}

/// A numbered source note.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub n: usize,
    pub id: String,
    /// "Title — Publisher", then the link.
    pub text: String,
    pub url: Option<String>,
}

/// A state's line in the table as of the date.
#[derive(Debug, Clone, PartialEq)]
pub struct StateRow {
    pub code: String,
    pub name: String,
    pub role: String,
    pub chair: bool,
}

/// Everything a printout shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Chronology {
    pub title: String,
    pub entries: Vec<Entry>,
    pub notes: Vec<Note>,
    /// "As of 5 June 2013: 7 members, 2 observers. Chair: Kazakhstan."
    pub as_of: String,
    pub states: Vec<StateRow>,
    /// The dataset's change log, one line a change: "8 December 2026: what. Why. (S7, S18)".
    pub changes: Vec<String>,
}

/// The chronology in `lang`, with the states as of `day`.
pub fn chronology(ds: &Dataset, lang: Lang, day: DayNum) -> Chronology {
    let mut notes: Vec<Note> = Vec::new();
    let entries = ds
        .events
        .iter()
        .map(|e| {
            let mut nums = Vec::new();
            for id in event_sources(ds, e) {
                let n = match notes.iter().position(|n| n.id == id) {
                    Some(i) => i + 1,
                    None => {
                        let Some(s) = ds.source(id) else { continue };
                        let mut text = String::from(txt(ds, &s.title, lang));
                        text.push_str(" — ");
                        text.push_str(txt(ds, &s.publisher, lang));
                        notes.push(Note { n: notes.len() + 1, id: id.to_string(), text, url: s.url.clone() });
                        notes.len()
                    }
                };
                nums.push(n);
            }
            Entry {
                id: e.id.clone(),
                date: format_range(&e.start, e.end.as_ref(), lang),
                datetime: e.start.to_string(),
                uncertain: e.uncertain,
                title: txt(ds, &e.title, lang).to_string(),
                level: level_name(e.level, lang),
                place: place_line(ds, e, lang),
                summary: txt(ds, &e.summary, lang).to_string(),
                participants: participants_line(ds, e, lang),
                notes: nums,
            }
        })
        .collect();
    let summary = query::summary_on(ds, day);
    let mut as_of = as_of_sentence(day, &summary, lang);
    as_of.push_str(". ");
    as_of.push_str(t(Key::Chair, lang));
    as_of.push_str(": ");
    match &summary.chair {
        Some(c) => as_of.push_str(super::state_name(ds, c, day, lang)),
        None => as_of.push_str(t(Key::NoChair, lang)),
    }
    as_of.push('.');
    let states = states_by_role(ds, day, lang)
        .into_iter()
        .map(|(i, span)| {
            let s = &ds.states[i];
            StateRow {
                code: s.code.clone(),
                name: txt(ds, &s.name_on(day).short, lang).to_string(),
                role: super::role_label(span, day, lang),
                chair: summary.chair.as_deref() == Some(s.code.as_str()),
            }
        })
        .collect();
    let changes = ds
        .changes
        .iter()
        .map(|c| {
            let (date, rest) = super::change_line(ds, c, lang);
            format!("{date}: {rest}")
        })
        .collect();
    Chronology { title: txt(ds, &ds.title, lang).to_string(), entries, notes, as_of, states, changes }
}

/// Appends `<tag class="class">text</tag>`.
fn element(h: &mut String, tag: &str, class: &str, text: &str) {
    h.push('<');
    h.push_str(tag);
    if !class.is_empty() {
        h.push_str(" class=\"");
        h.push_str(class);
        h.push('"');
    }
    h.push('>');
    push_html(h, text);
    h.push_str("</");
    h.push_str(tag);
    h.push('>');
}

/// The printout as HTML: the title, the link it was printed from, the chronology with
/// superscript note numbers, the numbered source notes, then the states as of the date.
pub fn html(c: &Chronology, url: &str, lang: Lang) -> String {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<article class=\"ap-print__doc\" lang=\"");
    h.push_str(lang.code());
    h.push_str("\">");
    element(&mut h, "h1", "ap-print__title", &c.title);
    h.push_str("<p class=\"ap-print__from\">");
    push_html(&mut h, te(X::PrintedFrom, lang));
    h.push_str(": ");
    element(&mut h, "span", "ap-print__url", url);
    h.push_str("</p>");
    element(&mut h, "h2", "ap-print__h2", te(X::Chronology, lang));
    h.push_str("<ol class=\"ap-print__events\">");
    for e in &c.entries {
        h.push_str("<li class=\"ap-print__event\" data-event-id=\"");
        push_html(&mut h, &e.id);
        h.push_str("\"><p class=\"ap-print__meta\"><time datetime=\"");
        push_html(&mut h, &e.datetime);
        h.push_str("\">");
        push_html(&mut h, &e.date);
        h.push_str("</time>");
        if e.uncertain {
            h.push_str(" (");
            push_html(&mut h, t(Key::Uncertain, lang));
            h.push(')');
        }
        h.push_str(" · ");
        push_html(&mut h, e.level);
        if !e.place.is_empty() {
            h.push_str(" · ");
            push_html(&mut h, &e.place);
        }
        h.push_str("</p><h3 class=\"ap-print__name\">");
        push_html(&mut h, &e.title);
        let mut refs = String::new();
        for (i, n) in e.notes.iter().enumerate() {
            if i > 0 {
                refs.push(',');
            }
            push_num(&mut refs, *n as u32, 1);
        }
        element(&mut h, "sup", "ap-print__refs", &refs);
        h.push_str("</h3>");
        element(&mut h, "p", "", &e.summary);
        if !e.participants.is_empty() {
            h.push_str("<p class=\"ap-print__who\">");
            push_html(&mut h, t(Key::Participants, lang));
            h.push_str(": ");
            push_html(&mut h, &e.participants);
            h.push_str("</p>");
        }
        h.push_str("</li>");
    }
    h.push_str("</ol>");
    element(&mut h, "h2", "ap-print__h2", te(X::Notes, lang));
    h.push_str("<ol class=\"ap-print__notes\">");
    for n in &c.notes {
        h.push_str("<li>[");
        push_html(&mut h, &n.id);
        h.push_str("] ");
        push_html(&mut h, &n.text);
        if let Some(u) = &n.url {
            h.push_str(". ");
            element(&mut h, "span", "ap-print__url", u);
        }
        h.push_str("</li>");
    }
    h.push_str("</ol>");
    element(&mut h, "h2", "ap-print__h2", t(Key::StatesTable, lang));
    element(&mut h, "p", "", &c.as_of);
    h.push_str("<table class=\"ap-print__states\"><thead><tr>");
    for k in [Key::State, Key::Code, Key::Role] {
        h.push_str("<th scope=\"col\">");
        push_html(&mut h, t(k, lang));
        h.push_str("</th>");
    }
    h.push_str("</tr></thead><tbody>");
    for s in &c.states {
        h.push_str("<tr>");
        element(&mut h, "td", "", &s.name);
        element(&mut h, "td", "", &s.code);
        h.push_str("<td>");
        push_html(&mut h, &s.role);
        if s.chair {
            h.push_str(" · ");
            element(&mut h, "strong", "", t(Key::Chair, lang));
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>");
    if !c.changes.is_empty() {
        element(&mut h, "h2", "ap-print__h2", t(Key::DatasetChanges, lang));
        h.push_str("<ul class=\"ap-print__changes\">");
        for line in &c.changes {
            element(&mut h, "li", "", line);
        }
        h.push_str("</ul>");
    }
    h.push_str("</article>");
    h
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::export::testdata::bundled;

    #[test]
    fn every_event_in_order_with_numbered_notes() {
        let ds = bundled();
        let day = Date::ymd(2013, 6, 5).first_day();
        let c = chronology(&ds, Lang::En, day);
        assert_eq!(c.entries.len(), ds.events.len());
        assert_eq!(
            c.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ds.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
        );
        // Notes are numbered 1.. in order of first citation, each source once.
        for (i, n) in c.notes.iter().enumerate() {
            assert_eq!(n.n, i + 1);
            assert!(!c.notes[..i].iter().any(|m| m.id == n.id), "{} twice", n.id);
        }
        let mut highest = 0;
        for e in &c.entries {
            for &n in &e.notes {
                assert!(n >= 1 && n <= c.notes.len());
                assert!(n <= highest + 1, "note {n} cited before note {}", highest + 1);
                highest = highest.max(n);
            }
            let ev = ds.event(&e.id).unwrap();
            let ids: Vec<&str> = e.notes.iter().map(|&n| c.notes[n - 1].id.as_str()).collect();
            assert_eq!(ids, event_sources(&ds, ev));
        }
        assert_eq!(c.entries[0].notes[0], 1);
        assert!(c.as_of.starts_with("As of 5 June 2013: 7 members, 2 observers"), "{}", c.as_of);
        assert!(c.as_of.ends_with(". Chair: Kazakhstan."), "{}", c.as_of);
        assert_eq!(c.states.len(), ds.states.len());
        assert_eq!(c.states.iter().filter(|s| s.role == "Member").count(), 7);
    }

    #[test]
    fn html_has_every_title_and_escapes_text() {
        let mut ds = bundled();
        let day = Date::ymd(2013, 6, 5).first_day();
        let c = chronology(&ds, Lang::En, day);
        let h = html(&c, "https://x.org/#e=a&l=en", Lang::En);
        assert!(h.starts_with("<article class=\"ap-print__doc\" lang=\"en\"><h1"));
        // The change log closes the printout, one item a change.
        assert!(h.ends_with("</ul></article>"));
        assert!(h.contains("<h2 class=\"ap-print__h2\">Changes to the dataset</h2><ul class=\"ap-print__changes\">"));
        assert_eq!(
            h.matches("<li>").count() - h[..h.find("ap-print__changes").unwrap()].matches("<li>").count(),
            ds.changes.len()
        );
        for e in &ds.events {
            let mut title = String::new();
            push_html(&mut title, txt(&ds, &e.title, Lang::En));
            assert!(h.contains(&title), "{} printed", e.id);
        }
        assert!(h.contains("https://x.org/#e=a&amp;l=en"));
        assert_eq!(h.matches("<li class=\"ap-print__event\"").count(), ds.events.len());
        assert_eq!(h.matches("<tr>").count(), ds.states.len() + 1);
        // Hostile dataset text stays text.
        ds.events[0].title.0.insert("en".into(), "<script>alert(1)</script><img src=x onerror=\"y()\">".into());
        let h = html(&chronology(&ds, Lang::En, day), "u", Lang::En);
        assert!(!h.contains("<script") && !h.contains("<img"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;y()&quot;&gt;"));
        // So does a change log entry's.
        ds.changes[0].what.0.insert("en".into(), "<b onclick=\"z()\">x</b>".into());
        let h = html(&chronology(&ds, Lang::En, day), "u", Lang::En);
        assert!(!h.contains("<b ") && h.contains("&lt;b onclick=&quot;z()&quot;&gt;x&lt;/b&gt;"));
    }

    #[test]
    fn in_russian() {
        let ds = bundled();
        let c = chronology(&ds, Lang::Ru, Date::ymd(2013, 6, 5).first_day());
        let m = c.entries.iter().find(|e| e.id == "2013-06-05-ministerial").unwrap();
        assert_eq!(m.date, "5 июня 2013 г.");
        assert_eq!(m.place, "Алматы, Казахстан");
        assert!(c.as_of.starts_with("На 5 июня 2013 г.: 7 членов, 2 наблюдателя"), "{}", c.as_of);
        assert!(c.as_of.ends_with(". Председатель: Казахстан."), "{}", c.as_of);
    }
}
