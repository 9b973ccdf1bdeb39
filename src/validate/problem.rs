//! A problem found in a dataset file: where (its JSON path), what kind, and a message.

use std::fmt;

/// What is wrong, in a word a test or a tool can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON (or not UTF-8).
    Syntax,
    /// A value of the wrong JSON type.
    Type,
    /// A required key is absent.
    Missing,
    /// A key the format does not define (often a typo).
    UnknownKey,
    /// A value outside the allowed set or range.
    Value,
    /// An id that names nothing in the dataset.
    Reference,
    /// An id used twice in one list.
    Duplicate,
    /// A date that does not exist or is badly written.
    Date,
    /// An end before its start.
    Order,
    /// Two chair terms that overlap.
    Overlap,
    /// A text without one of the dataset's languages.
    Language,
    /// A link that is not http(s).
    Link,
    /// A size or count limit exceeded.
    Limit,
    /// Warning: a state's role at an event disagrees with its role timeline on the event's
    /// date (see [`crate::crosscheck`]).
    RoleMismatch,
    /// Warning: the chair shown at an event disagrees with the chair terms.
    Chair,
    /// Warning: a role that begins at a multi-day event does not begin on its first day.
    RoleStart,
    /// Warning: a claim marked `seen` cites only context-only sources.
    Provenance,
    /// Warning: an empty text (the editor's new records start with them).
    Blank,
    /// Warning: a record's text cites a source id that is not in the record's sources.
    Cites,
    /// Warning: a source that no record cites.
    Uncited,
    /// Warning: a role with an end that does not say how the end is known.
    Ends,
    /// Warning: a title whose span of years disagrees with the dates it labels.
    Years,
}

impl ProblemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::Syntax => "syntax",
            ProblemKind::Type => "type",
            ProblemKind::Missing => "missing",
            ProblemKind::UnknownKey => "unknown_key",
            ProblemKind::Value => "value",
            ProblemKind::Reference => "reference",
            ProblemKind::Duplicate => "duplicate",
            ProblemKind::Date => "date",
            ProblemKind::Order => "order",
            ProblemKind::Overlap => "overlap",
            ProblemKind::Language => "language",
            ProblemKind::Link => "link",
            ProblemKind::Limit => "limit",
            ProblemKind::RoleMismatch => "role_mismatch",
            ProblemKind::Chair => "chair",
            ProblemKind::RoleStart => "role_start",
            ProblemKind::Provenance => "provenance",
            ProblemKind::Blank => "blank",
            ProblemKind::Cites => "cites",
            ProblemKind::Uncited => "uncited",
            ProblemKind::Ends => "ends",
            ProblemKind::Years => "years",
        }
    }

    /// Whether this is a warning from the cross-checks ([`crate::crosscheck`]) rather than an
    /// error. The parser and validator report only errors, and any error refuses the file;
    /// warnings describe records that contradict each other and never stop the app.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            ProblemKind::RoleMismatch
                | ProblemKind::Chair
                | ProblemKind::RoleStart
                | ProblemKind::Provenance
                | ProblemKind::Blank
                | ProblemKind::Cites
                | ProblemKind::Uncited
                | ProblemKind::Ends
                | ProblemKind::Years
        )
    }
}

/// One problem in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the value concerned, e.g. `$.events[2].start`.
    pub path: String,
    pub kind: ProblemKind,
    /// A plain-language explanation.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
