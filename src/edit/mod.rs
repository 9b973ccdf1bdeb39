//! Editing a dataset file: the pure part of the editor page (no web or UI types), tested
//! natively.
//!
//! The editor works on the file's JSON tree, not on the validated model, so a draft can be
//! wrong for a while (a half-typed date, a participant without a role) and every problem is
//! reported at its JSON path by the same validator the app uses.
//!
//! `path` addresses values in the tree; `ops` holds the changes, their inverses and the
//! undo/redo draft; `records` the actions on whole records (add, duplicate, delete, rename
//! with references); `schema` what the forms show; `changes` what changed since opening.

pub mod changes;
pub mod ops;
pub mod path;
pub mod records;
pub mod schema;

use crate::validate::{Problem, ProblemKind, FORMAT_VERSION, MAX_FILE_BYTES};
use serde_json::Value;

/// Why a file was not opened (the draft in hand stays as it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Over [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not UTF-8, or not JSON; the message names the line and column.
    NotJson(String),
    /// JSON, but not an object with this build's `format_version`.
    Version(Option<String>),
}

/// Reads a file's bytes as a dataset to edit. Only what makes editing impossible is refused
/// here; everything else (missing fields, bad dates, broken references) opens and shows as
/// problems at their paths.
pub fn open(bytes: &[u8]) -> Result<Value, OpenError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| OpenError::NotJson(format!("not UTF-8 text (byte {})", e.valid_up_to())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text)
        .map_err(|e| OpenError::NotJson(format!("line {}, column {}", e.line(), e.column())))?;
    match value.get("format_version") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => Ok(value),
        Some(v) => Err(OpenError::Version(Some(v.to_string()))),
        None => Err(OpenError::Version(None)),
    }
}

/// Every problem of a draft: the validator's errors and the blank texts, or when it is valid
/// the cross-checks' warnings. (Most cross-checks need a valid dataset, so their warnings show
/// once the errors are fixed.)
pub fn problems(doc: &Value) -> Vec<Problem> {
    check(doc).0
}

/// A draft's problems (as [`problems`]) and, when it has no errors, its dataset.
pub fn check(doc: &Value) -> (Vec<Problem>, Option<crate::model::Dataset>) {
    match crate::crosscheck::check_value(doc) {
        Ok((ds, warnings)) => (warnings, Some(ds)),
        Err(mut errors) => {
            // Blank texts are shown beside the errors too (a new record's empty title needs
            // filling in whatever else is wrong), except where an error already says so.
            let blanks: Vec<Problem> = crate::crosscheck::blank_texts(doc)
                .into_iter()
                .filter(|b| !errors.iter().any(|e| e.path == b.path))
                .collect();
            errors.extend(blanks);
            (errors, None)
        }
    }
}

/// (errors, warnings) in a list of problems.
pub fn counts(problems: &[Problem]) -> (usize, usize) {
    let w = problems.iter().filter(|p| p.kind.is_warning()).count();
    (problems.len() - w, w)
}

/// Whether a problem is about the value at `path` itself (not something inside it).
pub fn at(p: &Problem, path: &str) -> bool {
    p.path == path
}

/// Whether a problem is anywhere inside the value at `path`.
pub fn within(p: &Problem, path: &str) -> bool {
    p.path == path || p.path.strip_prefix(path).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// Whether the problem concerns the file as a whole (not one field).
pub fn is_file_level(p: &Problem) -> bool {
    p.path == "$" && matches!(p.kind, ProblemKind::Syntax | ProblemKind::Limit)
}

#[cfg(test)]
mod tests;
