//! What changed for each state between two dates: its role (from [`query::role_on`]) and
//! whether it chairs (from [`query::chair_on`]), and how a change is said (a word, a glyph, a
//! sentence). Plain data, tested natively.

use crate::date::DayNum;
use crate::i18n::{role_name, t, Key, Lang};
use crate::model::{Dataset, Role};
use crate::query;

/// How a state's role changed from the earlier date to the later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChange {
    /// No role at either date, or the same role at both.
    Unchanged(Option<Role>),
    /// No role at the earlier date, a role at the later.
    Joined(Role),
    /// A role at the earlier date, none at the later.
    Left(Role),
    /// Different roles at the two dates.
    Changed(Role, Role),
}

/// How a state's chair changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChairChange {
    Same,
    /// Chairs at the later date, not at the earlier.
    Became,
    /// Chaired at the earlier date, not at the later.
    Ceased,
}

/// One state's change between two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateChange {
    pub role: RoleChange,
    pub chair: ChairChange,
}

/// The word for a change, as used in the tiles' classes and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Unchanged,
    Joined,
    Left,
    RoleChanged,
    ChairChanged,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Joined => "joined",
            Kind::Left => "left",
            Kind::RoleChanged => "role-changed",
            Kind::ChairChanged => "chair-changed",
        }
    }
}

impl StateChange {
    /// The main kind: a role change first, else a chair change, else unchanged.
    pub fn kind(&self) -> Kind {
        match (self.role, self.chair) {
            (RoleChange::Joined(_), _) => Kind::Joined,
            (RoleChange::Left(_), _) => Kind::Left,
            (RoleChange::Changed(..), _) => Kind::RoleChanged,
            (RoleChange::Unchanged(_), ChairChange::Same) => Kind::Unchanged,
            (RoleChange::Unchanged(_), _) => Kind::ChairChanged,
        }
    }
    pub fn is_change(&self) -> bool {
        self.kind() != Kind::Unchanged
    }
}

/// Each state's change (in dataset order) from `a` to `b`; the dates are taken in time order,
/// whichever is given first.
pub fn diff(ds: &Dataset, a: DayNum, b: DayNum) -> Vec<StateChange> {
    let (from, to) = (a.min(b), a.max(b));
    let chair_from = query::chair_on(ds, from).map(|t| t.state.as_str());
    let chair_to = query::chair_on(ds, to).map(|t| t.state.as_str());
    ds.states
        .iter()
        .map(|s| {
            let r0 = query::role_on(s, from).map(|r| r.role);
            let r1 = query::role_on(s, to).map(|r| r.role);
            let role = match (r0, r1) {
                (x, y) if x == y => RoleChange::Unchanged(x),
                (None, Some(y)) => RoleChange::Joined(y),
                (Some(x), None) => RoleChange::Left(x),
                (Some(x), Some(y)) => RoleChange::Changed(x, y),
                (None, None) => RoleChange::Unchanged(None),
            };
            let (c0, c1) = (chair_from == Some(s.code.as_str()), chair_to == Some(s.code.as_str()));
            let chair = match (c0, c1) {
                (false, true) => ChairChange::Became,
                (true, false) => ChairChange::Ceased,
                _ => ChairChange::Same,
            };
            StateChange { role, chair }
        })
        .collect()
}

// ---------------------------------------------------------------- wording

/// The word for a change.
pub fn kind_word(k: Kind, lang: Lang) -> &'static str {
    t(
        match k {
            Kind::Unchanged => Key::Unchanged,
            Kind::Joined => Key::Joined,
            Kind::Left => Key::Left,
            Kind::RoleChanged => Key::RoleChanged,
            Kind::ChairChanged => Key::ChairChanged,
        },
        lang,
    )
}

/// "became chair" / "ceased to chair".
pub fn chair_word(c: ChairChange, lang: Lang) -> &'static str {
    t(if c == ChairChange::Ceased { Key::CeasedChair } else { Key::BecameChair }, lang)
}

/// The glyph that shows a change on a tile (so colour is never the only cue).
pub fn kind_glyph(k: Kind) -> &'static str {
    match k {
        Kind::Unchanged => "=",
        Kind::Joined => "+",
        Kind::Left => "−",
        Kind::RoleChanged => "⇄",
        Kind::ChairChanged => "♛",
    }
}

/// A role's name (or "not involved") inside a sentence: its first letter in lower case.
fn role_in_sentence(r: Option<Role>, lang: Lang) -> String {
    match r {
        // Lower-case first letter only ("signatory (2011 Declaration)"), without case tables.
        Some(r) => {
            let name = role_name(r, lang);
            let mut c = name.chars();
            let mut out: String = c.next().map(crate::find::fold_char).into_iter().collect();
            out.push_str(c.as_str());
            out
        }
        None => t(Key::NotInvolved, lang).to_string(),
    }
}

/// "Pakistan: not involved → observer", "Kazakhstan: signatory → member; became chair".
pub fn change_sentence(name: &str, c: &StateChange, lang: Lang) -> String {
    let mut s = String::from(name);
    s.push_str(": ");
    let (from, to) = match c.role {
        RoleChange::Unchanged(r) => (r, r),
        RoleChange::Joined(r) => (None, Some(r)),
        RoleChange::Left(r) => (Some(r), None),
        RoleChange::Changed(a, b) => (Some(a), Some(b)),
    };
    if from == to {
        s.push_str(&role_in_sentence(to, lang));
        s.push_str(", ");
        s.push_str(t(Key::Unchanged, lang));
    } else {
        s.push_str(&role_in_sentence(from, lang));
        s.push_str(" → ");
        s.push_str(&role_in_sentence(to, lang));
    }
    match c.chair {
        ChairChange::Same => {}
        ChairChange::Became => {
            s.push_str("; ");
            s.push_str(t(Key::BecameChair, lang));
        }
        ChairChange::Ceased => {
            s.push_str("; ");
            s.push_str(t(Key::CeasedChair, lang));
        }
    }
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::validate::parse_dataset;

    const REAL: &str = include_str!("../public/data/dataset.json");

    fn day(s: &str) -> DayNum {
        Date::parse(s).unwrap().first_day()
    }

    #[test]
    fn the_seed_dates_on_the_real_dataset() {
        let ds = parse_dataset(REAL).unwrap();
        let d = diff(&ds, day("2011-12-31"), day("2013-12-31"));
        assert_eq!(d, diff(&ds, day("2013-12-31"), day("2011-12-31")), "order of the dates does not matter");
        let of = |c: &str| d[ds.state_ix(c).unwrap().0];
        // Pakistan joined, from no role (as an observer, in June 2013).
        assert_eq!(of("PK").role, RoleChange::Joined(Role::Observer));
        // Russia kept its 2011 role (signatory of the Declaration) and gained none beyond it.
        assert_eq!(of("RU").role, RoleChange::Unchanged(Some(Role::Signatory)));
        assert_eq!(of("RU").kind(), Kind::Unchanged);
        // The other 2011 signatories moved on: Iran to observer, the rest to member.
        assert_eq!(of("IR").role, RoleChange::Changed(Role::Signatory, Role::Observer));
        for c in ["AF", "AZ", "KZ", "KG", "TJ", "TR", "TM"] {
            assert_eq!(of(c).role, RoleChange::Changed(Role::Signatory, Role::Member), "{c}");
        }
        // Kazakhstan became chair; nobody else's chair changed.
        assert_eq!(of("KZ").chair, ChairChange::Became);
        assert_eq!(d.iter().filter(|c| c.chair != ChairChange::Same).count(), 1);
        // Nobody left; states with no role at either date are unchanged.
        assert!(d.iter().all(|c| !matches!(c.role, RoleChange::Left(_))));
        assert_eq!(of("EG").kind(), Kind::Unchanged);
        assert_eq!(d.iter().filter(|c| c.is_change()).count(), 9);
    }

    #[test]
    fn leaving_and_chair_handover() {
        let ds = parse_dataset(REAL).unwrap();
        // Afghanistan's membership is last on record in May 2019 (the sources stop there: not a
        // change); Kyrgyzstan hands the chair to Tajikistan in November 2018.
        let d = diff(&ds, day("2018-06-01"), day("2020-06-01"));
        let of = |c: &str| d[ds.state_ix(c).unwrap().0];
        assert_eq!(of("AF").role, RoleChange::Unchanged(Some(Role::Member)));
        assert!(ds.states[ds.state_ix("AF").unwrap().0].roles.iter().any(|r| r.span.last_record));
        assert_eq!(of("KG").chair, ChairChange::Ceased);
        assert_eq!(of("KG").kind(), Kind::ChairChanged);
        assert_eq!(of("TJ").chair, ChairChange::Became);
        // The same date twice: nothing changes.
        assert!(diff(&ds, day("2015-01-01"), day("2015-01-01")).iter().all(|c| !c.is_change()));
        // Guests of one day in 2015: joined, then left.
        let d = diff(&ds, day("2015-09-01"), day("2015-09-22"));
        assert_eq!(d[ds.state_ix("CN").unwrap().0].role, RoleChange::Joined(Role::Guest));
        let d = diff(&ds, day("2015-09-22"), day("2015-10-01"));
        assert_eq!(d[ds.state_ix("CN").unwrap().0].role, RoleChange::Left(Role::Guest));
    }

    #[test]
    fn changes_are_said_in_words_in_both_languages() {
        let joined = StateChange { role: RoleChange::Joined(Role::Observer), chair: ChairChange::Same };
        assert_eq!(change_sentence("Pakistan", &joined, Lang::En), "Pakistan: not involved → observer");
        let member =
            StateChange { role: RoleChange::Changed(Role::Signatory, Role::Member), chair: ChairChange::Became };
        assert_eq!(
            change_sentence("Kazakhstan", &member, Lang::En),
            "Kazakhstan: signatory (2011 Declaration) → member; became chair"
        );
        let same = StateChange { role: RoleChange::Unchanged(Some(Role::Member)), chair: ChairChange::Same };
        assert_eq!(change_sentence("Россия", &same, Lang::Ru), "Россия: член, без изменений");
        assert_eq!(kind_glyph(Kind::Joined), "+");
        assert_eq!(kind_word(Kind::Left, Lang::Ru), "вышло");
    }
}
