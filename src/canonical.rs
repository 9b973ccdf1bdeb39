//! The canonical text of a dataset file, so that a file written by the browser editor differs
//! from the repository's copy only by the edit.
//!
//! The form is the pretty printing of Python's `json.dumps(v, indent=2, ensure_ascii=False)` and
//! of `serde_json::to_string_pretty`: two spaces of indentation, `"key": value`, one array
//! element or object member per line, `[]` and `{}` when empty, strings and numbers as
//! `serde_json` writes them (non-ASCII text as UTF-8, only `"`, `\` and control characters
//! escaped), and a final newline. (Python would write a float in exponent notation differently,
//! `1e+20` for `1e20`; the dataset has no such numbers.)
//!
//! Keys are not sorted alphabetically (`serde_json`'s map is a `BTreeMap` here, and the file
//! reads better in record order). They follow the property order of
//! `public/data/dataset.schema.json` for the record their object is (the tables below; the
//! tests check them against the schema); the keys of a multi-language text
//! (`{"en": …, "ru": …}`) follow the dataset's `languages` array. Keys a record does not know,
//! and every key of an object outside the known records, follow alphabetically. Any JSON value
//! has a canonical text, and reading it back gives the same value.
//!
//! `validate --fmt` writes files in this form and `validate --check-fmt` checks them
//! (`examples/validate.rs`).
//!
//! Pure: no web or UI crate.

use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// What an object is, which decides the order of its keys. A key's context (in [`fields`]) is
/// that of its value, or of each element when the value is an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// The file itself.
    Root,
    Source,
    Organisation,
    /// `organisations[].roles[]` and `states[].roles[]`.
    Role,
    State,
    /// `states[].names[]`.
    StateName,
    Capital,
    Grid,
    Event,
    Place,
    /// `events[].participants[]`.
    Participant,
    /// `events[].organisations[]`.
    EventOrg,
    Outcome,
    ChairTerm,
    Dispute,
    /// `disputes[].subject`.
    Subject,
    /// `disputes[].readings[]`.
    Reading,
    /// `changes[]`.
    Change,
    /// A multi-language text: keys in the order of the dataset's `languages`.
    Text,
    /// Anything else: keys alphabetically.
    Other,
}

use Ctx::*;

/// A record's keys in schema order, each with the context of its value.
type Fields = &'static [(&'static str, Ctx)];

const ROOT: Fields = &[
    ("$schema", Other),
    ("format_version", Other),
    ("id", Other),
    ("languages", Other),
    ("title", Text),
    ("description", Text),
    ("updated", Other),
    ("sources", Source),
    ("organisations", Organisation),
    ("states", State),
    ("events", Event),
    ("chair_terms", ChairTerm),
    ("disputes", Dispute),
    ("changes", Change),
];
const SOURCE: Fields = &[
    ("id", Other),
    ("title", Text),
    ("publisher", Text),
    ("url", Other),
    ("archived_url", Other),
    ("kind", Other),
    ("context_only", Other),
    ("note", Text),
];
const ORGANISATION: Fields = &[("id", Other), ("name", Text), ("short", Text), ("roles", Role)];
const ROLE: Fields = &[
    ("role", Other),
    ("from", Other),
    ("to", Other),
    ("ends", Other),
    ("sources", Other),
    ("confidence", Other),
    ("note", Text),
];
const STATE: Fields = &[("code", Other), ("names", StateName), ("capital", Capital), ("grid", Grid), ("roles", Role)];
const STATE_NAME: Fields = &[("short", Text), ("official", Text), ("from", Other), ("to", Other), ("sources", Other)];
const CAPITAL: Fields = &[("name", Text), ("lat", Other), ("lon", Other)];
const GRID: Fields = &[("col", Other), ("row", Other)];
const EVENT: Fields = &[
    ("id", Other),
    ("start", Other),
    ("end", Other),
    ("uncertain", Other),
    ("place", Place),
    ("level", Other),
    ("title", Text),
    ("summary", Text),
    ("participants", Participant),
    ("organisations", EventOrg),
    ("outcomes", Outcome),
    ("sources", Other),
    ("confidence", Other),
    ("note", Text),
];
const PLACE: Fields = &[("city", Text), ("online", Other), ("country", Other), ("lat", Other), ("lon", Other)];
const PARTICIPANT: Fields = &[("state", Other), ("role", Other), ("sources", Other)];
const EVENT_ORG: Fields = &[("org", Other), ("role", Other)];
const OUTCOME: Fields =
    &[("title", Text), ("kind", Other), ("url", Other), ("archived_url", Other), ("sources", Other)];
const CHAIR_TERM: Fields = &[
    ("id", Other),
    ("state", Other),
    ("from", Other),
    ("to", Other),
    ("chairperson", Text),
    ("sources", Other),
    ("confidence", Other),
    ("note", Text),
];
const DISPUTE: Fields =
    &[("id", Other), ("subject", Subject), ("field", Other), ("summary", Text), ("readings", Reading)];
const SUBJECT: Fields = &[("kind", Other), ("id", Other)];
const READING: Fields = &[("text", Text), ("sources", Other)];
const CHANGE: Fields = &[("id", Other), ("date", Other), ("what", Text), ("why", Text), ("sources", Other)];

/// The known keys of a context, in order (none for texts and unknown objects).
fn fields(ctx: Ctx) -> Fields {
    match ctx {
        Root => ROOT,
        Source => SOURCE,
        Organisation => ORGANISATION,
        Role => ROLE,
        State => STATE,
        StateName => STATE_NAME,
        Capital => CAPITAL,
        Grid => GRID,
        Event => EVENT,
        Place => PLACE,
        Participant => PARTICIPANT,
        EventOrg => EVENT_ORG,
        Outcome => OUTCOME,
        ChairTerm => CHAIR_TERM,
        Dispute => DISPUTE,
        Subject => SUBJECT,
        Reading => READING,
        Change => CHANGE,
        Text | Other => &[],
    }
}

/// The canonical text of `value` (see the module documentation), ending with a newline.
pub fn format(value: &Value) -> String {
    let languages: Vec<&str> = match value.get("languages") {
        Some(Value::Array(langs)) => langs.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    // Only an object is a dataset: the elements of a top-level array are not records.
    let ctx = if value.is_object() { Root } else { Other };
    let mut out = String::new();
    write_value(&mut out, value, ctx, &languages, 0);
    out.push('\n');
    out
}

/// The canonical text of a file's text: `None` if it is not JSON. A leading byte-order mark is
/// allowed (the validator allows it too) and is not part of the canonical text.
pub fn canonical_text(text: &str) -> Option<String> {
    parse(text).ok().map(|v| format(&v))
}

/// Whether `text` is exactly the canonical text of the JSON it holds (a byte-order mark, CRLF
/// line ends or a missing final newline make it not canonical).
pub fn is_canonical(text: &str) -> bool {
    check(text).is_ok()
}

/// Why a file is not in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCanonical {
    /// It is not UTF-8 JSON, so it has no canonical form: the parser's message.
    NotJson(String),
    /// It is JSON written differently. `line` is the first line (from 1) that differs from the
    /// canonical text; `found` and `expected` are that line in the file and in the canonical
    /// text (without the line end; empty past the end).
    Differs { line: usize, found: String, expected: String },
}

impl std::fmt::Display for NotCanonical {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotCanonical::NotJson(e) => write!(f, "not UTF-8 JSON ({e})"),
            NotCanonical::Differs { line, .. } => write!(f, "not in canonical form: first difference at line {line}"),
        }
    }
}

/// Checks that `text` is in canonical form.
pub fn check(text: &str) -> Result<(), NotCanonical> {
    let value = parse(text).map_err(|e| NotCanonical::NotJson(e.to_string()))?;
    let canonical = format(&value);
    match first_difference(text, &canonical) {
        None => Ok(()),
        Some(line) => Err(NotCanonical::Differs {
            line,
            found: nth_line(text, line).to_owned(),
            expected: nth_line(&canonical, line).to_owned(),
        }),
    }
}

/// Checks that a file's bytes are in canonical form.
pub fn check_bytes(bytes: &[u8]) -> Result<(), NotCanonical> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text),
        Err(e) => Err(NotCanonical::NotJson(e.to_string())),
    }
}

/// The canonical text of a file's bytes, or why there is none (not UTF-8 JSON).
pub fn canonical_bytes(bytes: &[u8]) -> Result<String, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    parse(text).map(|v| format(&v)).map_err(|e| e.to_string())
}

/// The first line (counted from 1) where `a` and `b` differ, line ends included; `None` when
/// they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let (mut la, mut lb) = (a.split_inclusive('\n'), b.split_inclusive('\n'));
    let mut line = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return Some(line),
        }
    }
}

/// Line `n` (from 1) of `text` without its line end; empty past the end.
fn nth_line(text: &str, n: usize) -> &str {
    text.split_inclusive('\n').nth(n.saturating_sub(1)).unwrap_or("").trim_end_matches(['\n', '\r'])
}

fn parse(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A string (key or value) as JSON: quoted, escaped as `serde_json` escapes (only `"`, `\` and
/// control characters).
fn push_str(out: &mut String, s: &str) {
    // Serialising a string cannot fail.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

fn write_value(out: &mut String, value: &Value, ctx: Ctx, languages: &[&str], depth: usize) {
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, depth + 1);
                write_value(out, item, ctx, languages, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            let known = fields(ctx);
            let first: Vec<&str> = match ctx {
                Text => languages.to_vec(),
                _ => known.iter().map(|(k, _)| *k).collect(),
            };
            out.push('{');
            for (i, (key, item)) in ordered(map, &first).into_iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                indent(out, depth + 1);
                push_str(out, key);
                out.push_str(": ");
                let child = known.iter().find(|(k, _)| *k == key.as_str()).map_or(Other, |(_, c)| *c);
                write_value(out, item, child, languages, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
        Value::String(s) => push_str(out, s),
        // Null, booleans, numbers, `[]` and `{}`: as serde_json writes them.
        _ => out.push_str(&value.to_string()),
    }
}

/// The members of `map`: those named in `first`, in that order (a name listed twice counts
/// once), then the rest alphabetically.
fn ordered<'m>(map: &'m Map<String, Value>, first: &[&str]) -> Vec<(&'m String, &'m Value)> {
    let mut out = Vec::with_capacity(map.len());
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    for name in first {
        if let Some((key, item)) = map.get_key_value(*name) {
            if placed.insert(key.as_str()) {
                out.push((key, item));
            }
        }
    }
    out.extend(map.iter().filter(|(key, _)| !placed.contains(key.as_str())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_context_has_distinct_keys() {
        for ctx in [
            Root,
            Source,
            Organisation,
            Role,
            State,
            StateName,
            Capital,
            Grid,
            Event,
            Place,
            Participant,
            EventOrg,
            Outcome,
            ChairTerm,
            Dispute,
            Subject,
            Reading,
            Change,
        ] {
            let keys: BTreeSet<&str> = fields(ctx).iter().map(|(k, _)| *k).collect();
            assert_eq!(keys.len(), fields(ctx).len(), "{ctx:?} lists a key twice");
        }
    }

    #[test]
    fn scalars_and_empty_containers() {
        assert_eq!(format(&json!(null)), "null\n");
        assert_eq!(format(&json!([])), "[]\n");
        assert_eq!(format(&json!({})), "{}\n");
        assert_eq!(format(&json!({"a": [], "b": {}})), "{\n  \"a\": [],\n  \"b\": {}\n}\n");
        assert_eq!(format(&json!([1, "x"])), "[\n  1,\n  \"x\"\n]\n");
    }

    #[test]
    fn first_difference_counts_lines_from_one() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\nb", "a\nb\n"), Some(2));
        assert_eq!(first_difference("a\nb\nc\n", "a\nb\n"), Some(3));
        assert_eq!(first_difference("\u{feff}a\n", "a\n"), Some(1));
    }
}
