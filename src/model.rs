//! The validated dataset: plain data, no web or UI types.
//!
//! Values of these types are only built by [`crate::validate`], so every reference in them
//! resolves and every date exists.

use crate::date::Date;
use std::collections::{BTreeMap, HashMap};

/// An event, by its position in [`Dataset::events`] (sorted by start date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventIx(pub usize);

/// A state, by its position in [`Dataset::states`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StateIx(pub usize);

/// Lookups from ids to positions, built once with the dataset (O(1) instead of scans).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    events: HashMap<String, EventIx>,
    states: HashMap<String, StateIx>,
    sources: HashMap<String, usize>,
    organisations: HashMap<String, usize>,
}

impl Index {
    /// Indexes the given records; for a repeated id the first wins (the validator refuses
    /// repeats anyway).
    pub fn build(events: &[Event], states: &[State], sources: &[Source], organisations: &[Organisation]) -> Index {
        fn map<T, K>(items: &[T], key: impl Fn(&T) -> &str, wrap: impl Fn(usize) -> K) -> HashMap<String, K> {
            let mut m = HashMap::with_capacity(items.len());
            for (i, it) in items.iter().enumerate() {
                m.entry(key(it).to_string()).or_insert_with(|| wrap(i));
            }
            m
        }
        Index {
            events: map(events, |e| &e.id, EventIx),
            states: map(states, |s| &s.code, StateIx),
            sources: map(sources, |s| &s.id, |i| i),
            organisations: map(organisations, |o| &o.id, |i| i),
        }
    }
}

/// A human-readable text in several languages, keyed by language code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text(pub BTreeMap<String, String>);

/// A text picked for one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language the text is in: differs from the one asked for when it fell back.
    pub lang: &'a str,
    /// Whether the text is in another language than the one asked for.
    pub fallback: bool,
}

impl Text {
    /// The text in `lang`, else in the first of `fallbacks` that has one, else any.
    pub fn get<'a>(&'a self, lang: &'a str, fallbacks: &'a [String]) -> Localized<'a> {
        if let Some((l, t)) = self.0.get_key_value(lang) {
            return Localized { text: t, lang: l, fallback: false };
        }
        for f in fallbacks {
            if let Some((l, t)) = self.0.get_key_value(f.as_str()) {
                return Localized { text: t, lang: l, fallback: true };
            }
        }
        match self.0.iter().next() {
            Some((l, t)) => Localized { text: t, lang: l, fallback: true },
            None => Localized { text: "", lang, fallback: true },
        }
    }
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The dataset's spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
            /// Parses the dataset's spelling.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

string_enum! {
    /// A state's standing in the process over a span of time.
    /// Declared weakest to strongest: when several hold on one day the strongest shows.
    Role {
        Signatory = "signatory",
        Participant = "participant",
        Guest = "guest",
        Applicant = "applicant",
        Observer = "observer",
        Member = "member",
    }
}

string_enum! {
    /// A state's role at one event.
    EventRole {
        Chair = "chair",
        Member = "member",
        Observer = "observer",
        Signatory = "signatory",
        Applicant = "applicant",
        Guest = "guest",
        Participant = "participant",
    }
}

string_enum! {
    /// The level of a meeting; the timeline draws each with its own shape.
    Level {
        FoundingConference = "founding_conference",
        Ministerial = "ministerial",
        SeniorOfficials = "senior_officials",
        NationalCoordinators = "national_coordinators",
        TechnicalExperts = "technical_experts",
        Thematic = "thematic",
        Briefing = "briefing",
        ExternalForum = "external_forum",
    }
}

string_enum! {
    /// How a fact is known.
    Confidence {
        Seen = "seen",
        SeenPartial = "seen_partial",
        Inferred = "inferred",
        Gk = "gk",
    }
}

string_enum! {
    /// What kind of publisher a source is.
    SourceKind {
        Official = "official",
        Government = "government",
        Press = "press",
        Ngo = "ngo",
        Mirror = "mirror",
        Primary = "primary",
    }
}

string_enum! {
    /// An organisation's standing in the process.
    OrgRole {
        Secretariat = "secretariat",
        Observer = "observer",
        Applicant = "applicant",
        Partner = "partner",
        Guest = "guest",
    }
}

string_enum! {
    /// An organisation's part in one event.
    OrgEventRole {
        Organiser = "organiser",
        Secretariat = "secretariat",
        Participant = "participant",
        Invited = "invited",
        Observer = "observer",
        Applicant = "applicant",
    }
}

string_enum! {
    /// The kind of an outcome document.
    OutcomeKind {
        Declaration = "declaration",
        Communique = "communique",
        Framework = "framework",
        ActionPlan = "action_plan",
        Modalities = "modalities",
        Guidelines = "guidelines",
        Report = "report",
        Decision = "decision",
    }
}

string_enum! {
    /// What a disputed fact is about.
    SubjectKind {
        Event = "event",
        State = "state",
        ChairTerm = "chair_term",
        Organisation = "organisation",
        Dataset = "dataset",
    }
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: Text,
    pub publisher: Text,
    pub url: Option<String>,
    pub archived_url: Option<String>,
    pub kind: SourceKind,
    /// Cited for background only: the source is about something else (another meeting, a
    /// pre-announcement) and mentions the process in passing. It may stand beside other
    /// sources, but a claim marked `seen` needs at least one source that is not context-only.
    pub context_only: bool,
    pub note: Option<Text>,
}

/// A span of time with its provenance, shared by roles and chair terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub from: Date,
    /// `None`: still holding, or no end known.
    pub to: Option<Date>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    /// The end is where the sources stop (`"ends": "last_record"`), not a reported change:
    /// after it the span is still the last one on record (see [`crate::query::role_on`]).
    pub last_record: bool,
}

impl Span {
    /// Whether the span covers day `day` (partial bounds widened outwards).
    pub fn covers(&self, day: crate::date::DayNum) -> bool {
        self.from.first_day() <= day && self.to.is_none_or(|t| day <= t.last_day())
    }

    /// Whether `day` is after the end of a span that ends only where the sources stop: the
    /// span is then the last one on record, with no later record.
    pub fn after_record(&self, day: crate::date::DayNum) -> bool {
        self.last_record && self.to.is_some_and(|t| day > t.last_day())
    }
}

/// A state's role over a span of time.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleSpan {
    pub role: Role,
    pub span: Span,
}

/// A name a state used over a span of time.
#[derive(Debug, Clone, PartialEq)]
pub struct StateName {
    pub short: Text,
    pub official: Text,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub sources: Vec<String>,
}

/// A capital city, the state's pin on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Capital {
    pub name: Text,
    pub lat: f64,
    pub lon: f64,
}

/// A participating, observing or invited state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub code: String,
    /// Oldest first; never empty.
    pub names: Vec<StateName>,
    pub capital: Capital,
    /// A manual tile position (column, row), overriding the computed layout.
    pub grid: Option<(i32, i32)>,
    pub roles: Vec<RoleSpan>,
}

impl State {
    /// The name in use on `day`: the latest name whose span has begun by then.
    pub fn name_on(&self, day: crate::date::DayNum) -> &StateName {
        self.names.iter().rev().find(|n| n.from.is_none_or(|f| f.first_day() <= day)).unwrap_or(&self.names[0])
    }
}

/// An organisation's role over a span of time.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRoleSpan {
    pub role: OrgRole,
    pub span: Span,
}

/// An international organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub short: Text,
    pub roles: Vec<OrgRoleSpan>,
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Unknown,
    Online,
    City { city: Text, country: String, lat: f64, lon: f64 },
}

/// A state at an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub state: String,
    pub role: EventRole,
    pub sources: Vec<String>,
}

/// An organisation at an event.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgParticipant {
    pub org: String,
    pub role: OrgEventRole,
}

/// A document an event adopted or produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub title: Text,
    pub kind: OutcomeKind,
    pub url: Option<String>,
    pub archived_url: Option<String>,
    pub sources: Vec<String>,
}

/// A meeting of the process, or one it took part in.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub start: Date,
    pub end: Option<Date>,
    pub uncertain: bool,
    pub place: Place,
    pub level: Level,
    pub title: Text,
    pub summary: Text,
    pub participants: Vec<Participant>,
    pub organisations: Vec<OrgParticipant>,
    pub outcomes: Vec<Outcome>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

impl Event {
    /// The last date the event covers (its end, else its start).
    pub fn last(&self) -> Date {
        self.end.unwrap_or(self.start)
    }
}

/// A state's term as chair.
#[derive(Debug, Clone, PartialEq)]
pub struct ChairTerm {
    pub id: String,
    pub state: String,
    pub span: Span,
    pub chairperson: Option<Text>,
}

/// One source's reading of a disputed fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub text: Text,
    pub sources: Vec<String>,
}

/// A fact on which sources disagree, with every reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub id: String,
    pub subject_kind: SubjectKind,
    pub subject_id: String,
    pub field: String,
    pub summary: Text,
    pub readings: Vec<Reading>,
}

/// One entry of the dataset's change log.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub date: Date,
    pub what: Text,
    pub why: Text,
    pub sources: Vec<String>,
}

/// A whole, validated dataset. Events are sorted by start date.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub format_version: u32,
    pub id: String,
    /// The first is the default language.
    pub languages: Vec<String>,
    pub title: Text,
    pub description: Text,
    pub updated: Date,
    pub sources: Vec<Source>,
    pub organisations: Vec<Organisation>,
    pub states: Vec<State>,
    pub events: Vec<Event>,
    pub chair_terms: Vec<ChairTerm>,
    pub disputes: Vec<Dispute>,
    /// The change log, as in the file (newest first by convention).
    pub changes: Vec<Change>,
    /// Id lookups over the fields above.
    pub index: Index,
}

impl Dataset {
    /// The position of the event with this id.
    pub fn event_ix(&self, id: &str) -> Option<EventIx> {
        self.index.events.get(id).copied()
    }
    /// The position of the state with this code.
    pub fn state_ix(&self, code: &str) -> Option<StateIx> {
        self.index.states.get(code).copied()
    }
    pub fn state(&self, code: &str) -> Option<&State> {
        self.state_ix(code).map(|i| &self.states[i.0])
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_ix(id).map(|i| &self.events[i.0])
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index.sources.get(id).map(|&i| &self.sources[i])
    }
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.index.organisations.get(id).map(|&i| &self.organisations[i])
    }
    /// Disputes about one subject.
    pub fn disputes_about<'a>(&'a self, kind: SubjectKind, id: &'a str) -> impl Iterator<Item = &'a Dispute> + 'a {
        self.disputes.iter().filter(move |d| d.subject_kind == kind && d.subject_id == id)
    }
}
