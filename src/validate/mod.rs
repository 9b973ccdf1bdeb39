//! Parsing and validation of a dataset file: text in, [`Dataset`] or every problem out.
//!
//! The file is parsed into a JSON value first (so a syntax error reports its line and column),
//! then walked field by field. The walk never stops at the first problem: it collects all of
//! them, each with the JSON path of the value concerned, and only a dataset without problems
//! becomes a [`Dataset`]. No input makes it panic.
//!
//! `problem` holds what a problem is; `walker` the walk's state and its readers of JSON values
//! (strings, dates, texts, lists, …); `dataset` the top level and the checks across records;
//! `records` the readers of each kind of record.

mod dataset;
mod problem;
mod records;
mod walker;

pub use problem::{Problem, ProblemKind};

use crate::model::Dataset;
use serde_json::Value;
use walker::Walker;

/// Largest dataset file accepted, in bytes (80 MiB). Sized from [`MAX_EVENTS`]: 20,000 events
/// at the bundled file's text density (bilingual summaries, notes, participants) are 54 MB
/// written compactly and about 68 MB pretty-printed, so the largest dataset the app accepts
/// by count also fits by size, with room to spare. The cap is what keeps a mistaken or hostile
/// file from taking the tab's memory: a file is held about four times over while it is parsed
/// and validated (bytes, JSON tree, model), and one over 80 MiB is refused before parsing, or
/// before download when the server sends its length.
pub const MAX_FILE_BYTES: usize = 80 * 1024 * 1024;
/// Most events accepted.
pub const MAX_EVENTS: usize = 20_000;
pub const MAX_STATES: usize = 676;
pub const MAX_SOURCES: usize = 5_000;
pub const MAX_ORGANISATIONS: usize = 1_000;
pub const MAX_TEXT_CHARS: usize = 5_000;
pub const MAX_PARTICIPANTS: usize = 500;
pub const MAX_LIST: usize = 1_000;
/// Problems listed before the rest are summarised in one line.
pub const MAX_PROBLEMS: usize = 200;

/// The format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

/// Parses and validates a dataset file's bytes.
pub fn parse_bytes(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(bytes.len())]);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => parse_dataset(s),
        Err(e) => {
            let (line, column) = line_col(bytes, e.valid_up_to());
            Err(vec![Problem {
                path: "$".into(),
                kind: ProblemKind::Syntax,
                message: format!("the file is not UTF-8 text (line {line}, column {column})"),
            }])
        }
    }
}

fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}

/// The problem reported for a file over [`MAX_FILE_BYTES`] (also by the loader, which can
/// refuse a file by its declared length before downloading it).
pub fn too_large(len: usize) -> Problem {
    Problem {
        path: "$".into(),
        kind: ProblemKind::Limit,
        message: format!(
            "the file is {len} bytes; the limit is {MAX_FILE_BYTES} bytes ({} MB)",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    }
}

/// Parses and validates a dataset file's text.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<Problem>> {
    // A UTF-8 byte-order mark is allowed before the JSON (editors on some systems add one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(text.len())]);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let what = match e.classify() {
                serde_json::error::Category::Eof => "the file ends too early",
                _ => "the file is not valid JSON",
            };
            let detail = e.to_string();
            // serde_json appends " at line L column C"; keep only the reason.
            let reason = detail.split(" at line ").next().unwrap_or(&detail).to_string();
            let message = if text.trim().is_empty() {
                "the file is empty".to_string()
            } else if text.trim_start().starts_with('<') {
                format!("the file looks like HTML, not JSON (line {}, column {})", e.line(), e.column())
            } else {
                format!("{what}: {reason} (line {}, column {})", e.line(), e.column())
            };
            return Err(vec![Problem { path: "$".into(), kind: ProblemKind::Syntax, message }]);
        }
    };
    validate_value(&value)
}

/// Validates an already parsed JSON value.
pub fn validate_value(value: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut w = Walker::default();
    let ds = w.dataset(value);
    w.finish(ds)
}

/// Whether a link may be shown as a link: absolute http(s) with a host, no spaces.
pub fn is_http_link(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}
