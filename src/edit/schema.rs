//! What the editor's forms show for each kind of record: its fields, in the file's order, each
//! with the widget that edits it. The forms are drawn from these tables, so every record kind
//! gets the same inputs, messages and keyboard behaviour.

use super::records::Kind;
use crate::model::{Confidence, EventRole, Level, OrgEventRole, OrgRole, OutcomeKind, Role, SourceKind, SubjectKind};

/// A closed list of values a field takes (the dataset's spellings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Level,
    Confidence,
    Role,
    EventRole,
    SourceKind,
    OrgRole,
    OrgEventRole,
    OutcomeKind,
    SubjectKind,
    /// How a role's end is known: `stated` or `last_record`.
    Ends,
}

impl Choice {
    /// Every value, in the model's order.
    pub fn options(self) -> Vec<&'static str> {
        fn all<T: Copy>(xs: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
            xs.iter().map(|x| f(*x)).collect()
        }
        match self {
            Choice::Level => all(Level::ALL, Level::as_str),
            Choice::Confidence => all(Confidence::ALL, Confidence::as_str),
            Choice::Role => all(Role::ALL, Role::as_str),
            Choice::EventRole => all(EventRole::ALL, EventRole::as_str),
            Choice::SourceKind => all(SourceKind::ALL, SourceKind::as_str),
            Choice::OrgRole => all(OrgRole::ALL, OrgRole::as_str),
            Choice::OrgEventRole => all(OrgEventRole::ALL, OrgEventRole::as_str),
            Choice::OutcomeKind => all(OutcomeKind::ALL, OutcomeKind::as_str),
            Choice::SubjectKind => all(SubjectKind::ALL, SubjectKind::as_str),
            Choice::Ends => vec!["stated", "last_record"],
        }
    }
}

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Widget {
    /// The record's id: renaming it updates every reference.
    Id,
    /// A required one-line string.
    Line,
    /// An optional one-line string: emptied, the key is removed.
    OptLine,
    /// A required date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    Date,
    /// An optional date: emptied, the key is removed.
    OptDate,
    /// The end of a span: a date, or `null` for no known end.
    SpanEnd,
    /// An optional `true`: unchecked, the key is removed.
    Flag,
    /// A number (latitude, longitude, grid position).
    Number,
    /// One of a closed list of values.
    Choice(Choice),
    /// One of a closed list of values, or nothing (the key is removed).
    OptChoice(Choice),
    /// A required text in every language of the file.
    Text,
    /// A required text of several lines in every language.
    LongText,
    /// An optional text: emptied in every language, the key is removed.
    OptText,
    /// The id of another record.
    Ref(Kind),
    /// A list of source ids.
    Sources,
    /// A list of sub-records, each with these fields.
    Items(&'static [Field]),
    /// A nested object with these fields.
    Object(&'static [Field]),
    /// Where an event took place: unknown, online, or a city with its country and position.
    Place,
}

/// One field of a form.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub widget: Widget,
}

const fn f(key: &'static str, widget: Widget) -> Field {
    Field { key, widget }
}

use Widget::*;

const SPAN: [Field; 4] =
    [f("from", Date), f("to", SpanEnd), f("sources", Sources), f("confidence", Choice(self::Choice::Confidence))];
/// How a role's end is known (roles only; a chair term ends at a handover).
const ENDS: Field = f("ends", OptChoice(self::Choice::Ends));

pub const EVENT: &[Field] = &[
    f("id", Id),
    f("start", Date),
    f("end", OptDate),
    f("uncertain", Flag),
    f("place", Place),
    f("level", Choice(self::Choice::Level)),
    f("title", Text),
    f("summary", LongText),
    f(
        "participants",
        Items(&[f("state", Ref(Kind::State)), f("role", Choice(self::Choice::EventRole)), f("sources", Sources)]),
    ),
    f("organisations", Items(&[f("org", Ref(Kind::Organisation)), f("role", Choice(self::Choice::OrgEventRole))])),
    f(
        "outcomes",
        Items(&[
            f("title", Text),
            f("kind", Choice(self::Choice::OutcomeKind)),
            f("url", OptLine),
            f("archived_url", OptLine),
            f("sources", Sources),
        ]),
    ),
    f("sources", Sources),
    f("confidence", Choice(self::Choice::Confidence)),
    f("note", OptText),
];

pub const STATE: &[Field] = &[
    f("code", Id),
    f(
        "names",
        Items(&[f("short", Text), f("official", Text), f("from", OptDate), f("to", OptDate), f("sources", Sources)]),
    ),
    f("capital", Object(&[f("name", Text), f("lat", Number), f("lon", Number)])),
    f(
        "roles",
        Items(&[f("role", Choice(self::Choice::Role)), SPAN[0], SPAN[1], ENDS, SPAN[2], SPAN[3], f("note", OptText)]),
    ),
];

pub const CHAIR_TERM: &[Field] = &[
    f("id", Id),
    f("state", Ref(Kind::State)),
    SPAN[0],
    SPAN[1],
    f("chairperson", OptText),
    SPAN[2],
    SPAN[3],
    f("note", OptText),
];

pub const SOURCE: &[Field] = &[
    f("id", Id),
    f("title", Text),
    f("publisher", Text),
    f("url", OptLine),
    f("archived_url", OptLine),
    f("kind", Choice(self::Choice::SourceKind)),
    f("context_only", Flag),
    f("note", OptText),
];

pub const DISPUTE: &[Field] = &[
    f("id", Id),
    f("subject", Object(&[f("kind", Choice(self::Choice::SubjectKind)), f("id", Line)])),
    f("field", Line),
    f("summary", LongText),
    f("readings", Items(&[f("text", LongText), f("sources", Sources)])),
];

pub const ORGANISATION: &[Field] = &[
    f("id", Id),
    f("name", Text),
    f("short", Text),
    f(
        "roles",
        Items(&[
            f("role", Choice(self::Choice::OrgRole)),
            SPAN[0],
            SPAN[1],
            ENDS,
            SPAN[2],
            SPAN[3],
            f("note", OptText),
        ]),
    ),
];

/// The dataset's own fields (its languages are shown, not edited: adding a language is a
/// change to every text, made in the file).
pub const DATASET: &[Field] = &[
    f("id", Line),
    f("title", Text),
    f("description", LongText),
    f("updated", Date),
    f(
        "changes",
        Items(&[f("id", Line), f("date", Date), f("what", LongText), f("why", LongText), f("sources", Sources)]),
    ),
];

/// The fields of a record of `kind`.
pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Event => EVENT,
        Kind::State => STATE,
        Kind::ChairTerm => CHAIR_TERM,
        Kind::Source => SOURCE,
        Kind::Dispute => DISPUTE,
        Kind::Organisation => ORGANISATION,
    }
}
