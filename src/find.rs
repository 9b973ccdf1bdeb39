//! Search and filters, as plain data: folding text for matching (case, diacritics, Russian
//! `ё`≡`е`), which events and states a query matches, and which events a filter shows.
//! No web or UI crate; tested natively.
//!
//! Folding maps every `char` to exactly one `char`, so a match found in folded text has the
//! same character positions in the original (used to highlight it). It covers ASCII, Latin-1,
//! Latin Extended-A and Cyrillic by arithmetic and two small tables instead of Unicode's case
//! tables (they would cost the wasm binary more than the rest of this module).

use crate::model::{Confidence, Dataset, Event, Level, Place, StateIx, SubjectKind};

/// Base letters of U+00C0..=U+00FF (Latin-1 letters), lower case; `*` keeps the char (×, ÷).
const LATIN1: &[u8; 64] = b"aaaaaaaceeeeiiiidnooooo*ouuuuyts\
aaaaaaaceeeeiiiidnooooo*ouuuuyty";
/// Base letters of U+0100..=U+017F (Latin Extended-A), lower case.
const LATIN_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll\
lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// One character, folded: lower case, without diacritics, `ё` as `е`.
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    match u {
        0x41..=0x5A => char::from_u32(u + 0x20).unwrap_or(c),
        0xC0..=0xFF => match LATIN1[(u - 0xC0) as usize] {
            b'*' => c,
            b => b as char,
        },
        0x100..=0x17F => LATIN_A[(u - 0x100) as usize] as char,
        // Cyrillic: Ѐ..Џ → ѐ..џ, А..Я → а..я; then ё/ѐ → е, ѝ → и.
        0x400..=0x40F => fold_char(char::from_u32(u + 0x50).unwrap_or(c)),
        0x410..=0x42F => char::from_u32(u + 0x20).unwrap_or(c),
        0x450 | 0x451 => 'е',
        0x45D => 'и',
        // Cyrillic supplement letters (Kazakh ә, қ, ң, ө, ұ, ү, һ…): upper case is the even one.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if u.is_multiple_of(2) => char::from_u32(u + 1).unwrap_or(c),
        // Typographic apostrophes and dashes as their ASCII forms.
        0x2018 | 0x2019 => '\'',
        0x2010..=0x2015 => '-',
        _ => c,
    }
}

/// A text folded char by char (same number of chars as `s`).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The words of a query, folded; empty when the query is blank.
pub fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(fold).collect()
}

/// Whether every term occurs in `folded` (a text already folded).
fn matches_all(folded: &str, terms: &[String]) -> bool {
    !terms.is_empty() && terms.iter().all(|t| folded.contains(t.as_str()))
}

/// Byte ranges of `text` (not folded) where any term occurs, sorted and merged; for `<mark>`.
pub fn highlights(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    // Byte offset of each char in the original, and the folded text.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(Some(text.len())).collect();
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for t in terms {
        let t: Vec<char> = t.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        for i in 0..=folded.len() - t.len() {
            if folded[i..i + t.len()] == t[..] {
                out.push((starts[i], starts[i + t.len()]));
            }
        }
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Every name a state has had, in `lang` (short and official), folded.
fn state_haystack(ds: &Dataset, i: StateIx, lang: &str) -> String {
    let mut h = String::new();
    if let Some(s) = ds.states.get(i.0) {
        h.push_str(&s.code.to_ascii_lowercase());
        for n in &s.names {
            for t in [&n.short, &n.official] {
                h.push('\n');
                h.push_str(t.get(lang, &ds.languages).text);
            }
        }
    }
    fold(&h)
}

/// What a query is matched against for one event, in `lang`, folded: title, summary, place,
/// outcome documents and the names of the states that took part.
fn event_haystack(ds: &Dataset, e: &Event, lang: &str) -> String {
    let fb = &ds.languages;
    let mut h = String::new();
    let mut add = |s: &str| {
        h.push_str(s);
        h.push('\n');
    };
    add(e.title.get(lang, fb).text);
    add(e.summary.get(lang, fb).text);
    if let Place::City { city, country, .. } = &e.place {
        add(city.get(lang, fb).text);
        if let Some(s) = ds.state(country) {
            add(s.name_on(e.start.first_day()).short.get(lang, fb).text);
        }
    }
    for o in &e.outcomes {
        add(o.title.get(lang, fb).text);
    }
    for p in &e.participants {
        if let Some(s) = ds.state(&p.state) {
            for n in &s.names {
                add(n.short.get(lang, fb).text);
            }
        }
    }
    fold(&h)
}

/// Folded texts of every event and state in one language, built once per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Haystacks {
    pub lang: String,
    pub events: Vec<String>,
    pub states: Vec<String>,
}

impl Haystacks {
    pub fn build(ds: &Dataset, lang: &str) -> Haystacks {
        Haystacks {
            lang: lang.to_string(),
            events: ds.events.iter().map(|e| event_haystack(ds, e, lang)).collect(),
            states: (0..ds.states.len()).map(|i| state_haystack(ds, StateIx(i), lang)).collect(),
        }
    }

    /// Which events and which states match `query` (`None`: a blank query, nothing to show).
    pub fn search(&self, query: &str) -> Option<Matches> {
        let t = terms(query);
        if t.is_empty() {
            return None;
        }
        Some(Matches {
            events: self.events.iter().map(|h| matches_all(h, &t)).collect(),
            states: self.states.iter().map(|h| matches_all(h, &t)).collect(),
        })
    }
}

/// The result of a search: one flag per event and per state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matches {
    pub events: Vec<bool>,
    pub states: Vec<bool>,
}

impl Matches {
    pub fn event(&self, i: usize) -> bool {
        self.events.get(i).copied().unwrap_or(false)
    }
    pub fn state(&self, i: usize) -> bool {
        self.states.get(i).copied().unwrap_or(false)
    }
    /// How many of the events in `shown` match.
    pub fn count_in(&self, shown: &[usize]) -> usize {
        shown.iter().filter(|&&i| self.event(i)).count()
    }
}

/// Which events are shown: by level, by a state that attended, by how sure the record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Levels hidden, one bit per [`Level::ALL`] position.
    pub hidden_levels: u16,
    /// Only events this state attended.
    pub attended: Option<StateIx>,
    /// Hide events that are inferred, general knowledge, uncertain in date or disputed.
    pub sure_only: bool,
}

/// A level's bit in [`Filter::hidden_levels`].
pub fn level_bit(l: Level) -> u16 {
    1 << Level::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
    pub fn level_shown(&self, l: Level) -> bool {
        self.hidden_levels & level_bit(l) == 0
    }
    /// Whether event `e` passes.
    pub fn keeps(&self, ds: &Dataset, e: &Event) -> bool {
        if !self.level_shown(e.level) {
            return false;
        }
        if let Some(s) = self.attended {
            let Some(st) = ds.states.get(s.0) else { return false };
            if !e.participants.iter().any(|p| p.state == st.code) {
                return false;
            }
        }
        if self.sure_only
            && (e.uncertain
                || matches!(e.confidence, Confidence::Inferred | Confidence::Gk)
                || ds.disputes_about(SubjectKind::Event, &e.id).next().is_some())
        {
            return false;
        }
        true
    }
    /// Indexes of the events that pass, ascending (computed once per filter change).
    pub fn shown(&self, ds: &Dataset) -> Vec<usize> {
        ds.events.iter().enumerate().filter(|(_, e)| self.keeps(ds, e)).map(|(i, _)| i).collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::validate::parse_dataset;

    const REAL: &str = include_str!("../public/data/dataset.json");

    #[test]
    fn folding_ignores_case_diacritics_and_yo() {
        assert_eq!(fold("ÉCOLE Ñandú Çà"), "ecole nandu ca");
        assert_eq!(fold("Türkiye İstanbul Ağrı Łódź Žilina"), "turkiye istanbul agri lodz zilina");
        assert_eq!(fold("ЁЛКА ёлка Елка"), "елка елка елка");
        assert_eq!(fold("Алматы АСТАНА"), "алматы астана");
        assert_eq!(fold("ӘҚҢӨҰҮҺ"), "әқңөұүһ");
        assert_eq!(fold("Ѐ Ѝ"), "е и");
        assert_eq!(fold("a × b ÷ c"), "a × b ÷ c");
        assert_eq!(fold("ß"), "s");
        assert_eq!(fold("’—"), "'-");
        for s in ["Almaty", "Ёжик", "Łódź", "日本"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "one char for one");
        }
    }

    #[test]
    fn every_term_must_match() {
        let t = terms("  Almaty   DECLARATION ");
        assert_eq!(t, vec!["almaty", "declaration"]);
        assert!(matches_all("the almaty declaration", &t));
        assert!(!matches_all("the almaty process", &t));
        assert!(!matches_all("anything", &terms("   ")));
    }

    #[test]
    fn highlights_are_in_original_byte_positions() {
        let text = "Ёлки в Алматы; ёлки!";
        let h = highlights(text, &terms("елки"));
        let got: Vec<&str> = h.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(got, vec!["Ёлки", "ёлки"]);
        // Overlapping terms merge.
        let h = highlights("abcdef", &terms("abc cde"));
        assert_eq!(h, vec![(0, 5)]);
        assert!(highlights("abc", &[]).is_empty());
    }

    #[test]
    fn search_on_the_real_dataset() {
        let ds = parse_dataset(REAL).unwrap();
        let en = Haystacks::build(&ds, "en");
        let ru = Haystacks::build(&ds, "ru");
        // A state's name finds the events it attended, and the state.
        let pk = en.search("pakistan").unwrap();
        let pk_ix = ds.state_ix("PK").unwrap().0;
        assert!(pk.state(pk_ix));
        let attended: Vec<usize> =
            (0..ds.events.len()).filter(|&i| ds.events[i].participants.iter().any(|p| p.state == "PK")).collect();
        for i in &attended {
            assert!(pk.event(*i), "{}", ds.events[*i].id);
        }
        // Russian: case, and ё written as е or ё.
        let a = ru.search("АЛМАТ").unwrap();
        assert!(a.events.iter().filter(|m| **m).count() >= 1);
        let with_yo = ds.events.iter().position(|e| e.summary.get("ru", &ds.languages).text.contains('ё'));
        if let Some(i) = with_yo {
            let text = ds.events[i].summary.get("ru", &ds.languages).text;
            let word: String = text.split(|c: char| !c.is_alphabetic()).find(|w| w.contains('ё')).unwrap().to_string();
            let plain = word.replace('ё', "е");
            assert!(ru.search(&plain).unwrap().event(i), "{plain}");
            assert!(ru.search(&word.to_uppercase()).unwrap().event(i));
        }
        assert!(en.search("").is_none());
        assert_eq!(en.search("zzqx-nothing").unwrap().count_in(&(0..ds.events.len()).collect::<Vec<_>>()), 0);
    }

    #[test]
    fn filters_by_level_state_and_confidence() {
        let ds = parse_dataset(REAL).unwrap();
        let all = Filter::default().shown(&ds);
        assert_eq!(all.len(), ds.events.len());
        let only_min = Filter { hidden_levels: !level_bit(Level::Ministerial), ..Filter::default() };
        let m = only_min.shown(&ds);
        assert!(!m.is_empty());
        assert!(m.iter().all(|&i| ds.events[i].level == Level::Ministerial));
        let pk = Filter { attended: ds.state_ix("PK"), ..Filter::default() }.shown(&ds);
        assert!(!pk.is_empty() && pk.len() < all.len());
        assert!(pk.iter().all(|&i| ds.events[i].participants.iter().any(|p| p.state == "PK")));
        let sure = Filter { sure_only: true, ..Filter::default() }.shown(&ds);
        assert!(sure.len() < all.len(), "the real dataset has uncertain or disputed events");
        for i in sure {
            let e = &ds.events[i];
            assert!(!e.uncertain && !matches!(e.confidence, Confidence::Inferred | Confidence::Gk));
            assert!(ds.disputes_about(SubjectKind::Event, &e.id).next().is_none());
        }
    }
}
