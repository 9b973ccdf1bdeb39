//! Parsing and validation of a dataset file: text in, [`Dataset`] or every problem out.
//!
//! The file is parsed into a JSON value first (so a syntax error reports its line and column),
//! then walked field by field. The walk never stops at the first problem: it collects all of
//! them, each with the JSON path of the value concerned, and only a dataset without problems
//! becomes a [`Dataset`]. No input makes it panic.

use crate::date::Date;
use crate::model::*;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

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
        }
    }

    /// Whether this is a warning from the cross-checks ([`crate::crosscheck`]) rather than an
    /// error. The parser and validator report only errors, and any error refuses the file;
    /// warnings describe records that contradict each other and never stop the app.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            ProblemKind::RoleMismatch | ProblemKind::Chair | ProblemKind::RoleStart | ProblemKind::Provenance
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

#[derive(Default)]
struct Walker {
    problems: Vec<Problem>,
    overflow: usize,
    languages: Vec<String>,
    /// (path, id) of every source reference, checked once all sources are known.
    source_refs: Vec<(String, String)>,
    state_refs: Vec<(String, String)>,
    org_refs: Vec<(String, String)>,
    /// (path, kind, id) of every dispute subject.
    subject_refs: Vec<(String, SubjectKind, String)>,
    /// Chair terms that parsed, with their index, for the overlap check.
    chair_ok: Vec<(usize, ChairTerm)>,
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

use crate::ids::{is_id, is_lang_code as is_lang, is_state_code};

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

impl Walker {
    fn push(&mut self, path: String, kind: ProblemKind, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path, kind, message: message.into() });
        } else {
            self.overflow += 1;
        }
    }

    fn finish(mut self, ds: Option<Dataset>) -> Result<Dataset, Vec<Problem>> {
        if self.overflow > 0 {
            let n = self.overflow;
            self.problems.push(Problem {
                path: "$".into(),
                kind: ProblemKind::Limit,
                message: format!("{n} more problems not listed"),
            });
        }
        match ds {
            Some(ds) if self.problems.is_empty() => Ok(ds),
            _ => {
                if self.problems.is_empty() {
                    // A dataset could not be built yet nothing was reported: should not happen,
                    // but never claim success without a dataset.
                    self.problems.push(Problem {
                        path: "$".into(),
                        kind: ProblemKind::Value,
                        message: "the dataset could not be read".into(),
                    });
                }
                Err(self.problems)
            }
        }
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.push(path.into(), ProblemKind::Type, format!("expected an object, found {}", kind_of(other)));
                None
            }
        }
    }

    /// Reports keys outside `allowed`.
    fn keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for k in m.keys() {
            if !allowed.contains(&k.as_str()) {
                let shown: String = k.chars().take(40).collect();
                self.push(
                    child(path, &shown),
                    ProblemKind::UnknownKey,
                    format!("unknown key \"{shown}\" (expected one of: {})", allowed.join(", ")),
                );
            }
        }
    }

    fn required<'v>(&mut self, m: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Value> {
        match m.get(key) {
            Some(v) => Some(v),
            None => {
                self.push(child(path, key), ProblemKind::Missing, format!("\"{key}\" is missing"));
                None
            }
        }
    }

    /// An optional key: absent and `null` both mean none.
    fn optional<'v>(&self, m: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        m.get(key).filter(|v| !v.is_null())
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => {
                if s.chars().count() > MAX_TEXT_CHARS {
                    self.push(
                        path.into(),
                        ProblemKind::Limit,
                        format!("text is longer than {MAX_TEXT_CHARS} characters"),
                    );
                    None
                } else {
                    Some(s.clone())
                }
            }
            other => {
                self.push(path.into(), ProblemKind::Type, format!("expected a string, found {}", kind_of(other)));
                None
            }
        }
    }

    fn req_string(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let v = self.required(m, path, key)?;
        self.string(v, &child(path, key))
    }

    fn id(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let s = self.req_string(m, path, key)?;
        if is_id(&s) {
            Some(s)
        } else {
            self.push(
                child(path, key),
                ProblemKind::Value,
                "an id is 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit",
            );
            None
        }
    }

    fn state_code(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if is_state_code(&s) {
            Some(s)
        } else {
            self.push(
                path.into(),
                ProblemKind::Value,
                format!("\"{}\" is not a two-letter ISO 3166 code such as \"KZ\"", clip(&s)),
            );
            None
        }
    }

    fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(path.into(), ProblemKind::Date, format!("\"{}\": {e}", clip(&s)));
                None
            }
        }
    }

    fn req_date(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Date> {
        let v = self.required(m, path, key)?;
        self.date(v, &child(path, key))
    }

    fn opt_date(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<Date>> {
        match self.optional(m, key) {
            None => Some(None),
            Some(v) => self.date(v, &child(path, key)).map(Some),
        }
    }

    fn number(&mut self, m: &Map<String, Value>, path: &str, key: &str, lo: f64, hi: f64) -> Option<f64> {
        let v = self.required(m, path, key)?;
        match v.as_f64() {
            Some(x) if (lo..=hi).contains(&x) => Some(x),
            Some(_) => {
                self.push(
                    child(path, key),
                    ProblemKind::Value,
                    format!("the value is outside {}…{}", lo as i64, hi as i64),
                );
                None
            }
            None => {
                self.push(child(path, key), ProblemKind::Type, format!("expected a number, found {}", kind_of(v)));
                None
            }
        }
    }

    fn enum_of<T: Copy>(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        all: &[&str],
    ) -> Option<T> {
        let s = self.req_string(m, path, key)?;
        match parse(&s) {
            Some(x) => Some(x),
            None => {
                self.push(
                    child(path, key),
                    ProblemKind::Value,
                    format!("\"{}\" is not one of: {}", clip(&s), all.join(", ")),
                );
                None
            }
        }
    }

    fn link(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<String>> {
        match self.optional(m, key) {
            None => Some(None),
            Some(v) => {
                let p = child(path, key);
                let s = self.string(v, &p)?;
                if is_http_link(&s) {
                    Some(Some(s))
                } else {
                    self.push(p, ProblemKind::Link, format!("\"{}\" is not an http:// or https:// link", clip(&s)));
                    None
                }
            }
        }
    }

    fn bool_opt(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        match self.optional(m, key) {
            None => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.push(
                    child(path, key),
                    ProblemKind::Type,
                    format!("expected true or false, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// A list: every item is walked, `None` if the list or any item was bad.
    fn list<T>(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        max: usize,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let v = if required {
            self.required(m, path, key)?
        } else {
            match self.optional(m, key) {
                Some(v) => v,
                None => return Some(Vec::new()),
            }
        };
        let p = child(path, key);
        let Value::Array(items) = v else {
            self.push(p, ProblemKind::Type, format!("expected an array, found {}", kind_of(v)));
            return None;
        };
        if items.len() > max {
            self.push(p, ProblemKind::Limit, format!("{} entries; the limit is {max}", items.len()));
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match item(self, v, &index(&p, i)) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        let m = self.object(v, path)?;
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (k, v) in m {
            let p = child(path, k);
            if !is_lang(k) {
                let shown = clip(k);
                self.push(p, ProblemKind::Value, format!("\"{shown}\" is not a language code such as \"en\""));
                ok = false;
                continue;
            }
            match self.string(v, &p) {
                Some(s) => {
                    out.insert(k.clone(), s);
                }
                None => ok = false,
            }
        }
        let langs = self.languages.clone();
        for l in &langs {
            if !m.contains_key(l) {
                self.push(child(path, l), ProblemKind::Language, format!("the text has no \"{l}\" version"));
                ok = false;
            }
        }
        ok.then_some(Text(out))
    }

    fn req_text(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Text> {
        let v = self.required(m, path, key)?;
        self.text(v, &child(path, key))
    }

    fn opt_text(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<Text>> {
        match self.optional(m, key) {
            None => Some(None),
            Some(v) => self.text(v, &child(path, key)).map(Some),
        }
    }

    fn source_list(&mut self, m: &Map<String, Value>, path: &str, key: &str, required: bool) -> Option<Vec<String>> {
        let list = self.list(m, path, key, required, MAX_LIST, |w, v, p| {
            let s = w.string(v, p)?;
            w.source_refs.push((p.to_string(), s.clone()));
            Some(s)
        })?;
        if required && list.is_empty() {
            self.push(child(path, key), ProblemKind::Missing, "at least one source is required");
            return None;
        }
        Some(list)
    }

    fn state_ref(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let v = self.required(m, path, key)?;
        let p = child(path, key);
        let code = self.state_code(v, &p)?;
        self.state_refs.push((p, code.clone()));
        Some(code)
    }

    fn span(&mut self, m: &Map<String, Value>, path: &str) -> Option<Span> {
        let from = self.req_date(m, path, "from");
        let to = match m.get("to") {
            None => {
                self.push(
                    child(path, "to"),
                    ProblemKind::Missing,
                    "\"to\" is missing (use null when the span has no known end)",
                );
                None
            }
            Some(Value::Null) => Some(None),
            Some(v) => self.date(v, &child(path, "to")).map(Some),
        };
        let sources = self.source_list(m, path, "sources", true);
        let confidence =
            self.enum_of(m, path, "confidence", Confidence::parse, &choices(Confidence::ALL, |c| c.as_str()));
        let note = self.opt_text(m, path, "note");
        let (from, to) = (from?, to?);
        if let Some(t) = to {
            if t.last_day() < from.first_day() {
                self.push(child(path, "to"), ProblemKind::Order, format!("ends ({t}) before it starts ({from})"));
                return None;
            }
        }
        Some(Span { from, to, sources: sources?, confidence: confidence?, note: note? })
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let m = self.object(v, "$")?;
        let p = "$";
        self.keys(
            m,
            p,
            &[
                "$schema",
                "format_version",
                "id",
                "languages",
                "title",
                "description",
                "updated",
                "sources",
                "organisations",
                "states",
                "events",
                "chair_terms",
                "disputes",
            ],
        );
        let version = match self.required(m, p, "format_version") {
            Some(v) => match v.as_u64() {
                Some(FORMAT_VERSION) => Some(FORMAT_VERSION as u32),
                Some(n) => {
                    self.push(
                        "$.format_version".into(),
                        ProblemKind::Value,
                        format!("format version {n} is not supported; this app reads version {FORMAT_VERSION}"),
                    );
                    None
                }
                None => {
                    self.push(
                        "$.format_version".into(),
                        ProblemKind::Type,
                        format!("expected the number {FORMAT_VERSION}, found {}", kind_of(v)),
                    );
                    None
                }
            },
            None => None,
        };
        let languages = self.list(m, p, "languages", true, 20, |w, v, p| {
            let s = w.string(v, p)?;
            if is_lang(&s) {
                Some(s)
            } else {
                w.push(p.into(), ProblemKind::Value, format!("\"{}\" is not a language code such as \"en\"", clip(&s)));
                None
            }
        });
        if let Some(l) = &languages {
            if l.is_empty() {
                self.push("$.languages".into(), ProblemKind::Missing, "at least one language is required");
            }
            let mut seen = HashSet::new();
            for (i, code) in l.iter().enumerate() {
                if !seen.insert(code) {
                    self.push(index("$.languages", i), ProblemKind::Duplicate, format!("\"{code}\" is listed twice"));
                }
            }
            self.languages = l.clone();
        }
        let id = self.id(m, p, "id");
        let title = self.req_text(m, p, "title");
        let description = self.req_text(m, p, "description");
        let updated = self.req_date(m, p, "updated");
        let sources = self.list(m, p, "sources", true, MAX_SOURCES, |w, v, p| w.source(v, p));
        let organisations = self.list(m, p, "organisations", false, MAX_ORGANISATIONS, |w, v, p| w.organisation(v, p));
        let states = self.list(m, p, "states", true, MAX_STATES, |w, v, p| w.state(v, p));
        let events = self.list(m, p, "events", true, MAX_EVENTS, |w, v, p| w.event(v, p));
        let chair_terms = self.list(m, p, "chair_terms", false, MAX_LIST, |w, v, p| w.chair_term(v, p));
        let disputes = self.list(m, p, "disputes", false, MAX_LIST, |w, v, p| w.dispute(v, p));

        // Cross-references and uniqueness, reported even when parts above failed: ids are read
        // from the raw lists, so one broken item does not hide the others' problems.
        let raw = |list: &str, key: &str| -> Option<Vec<(usize, String)>> {
            m.get(list).and_then(|v| v.as_array()).map(|a| {
                a.iter()
                    .enumerate()
                    .filter_map(|(i, x)| x.get(key).and_then(|v| v.as_str()).map(|s| (i, s.to_string())))
                    .collect()
            })
        };
        let raw_sources = raw("sources", "id");
        let raw_orgs = raw("organisations", "id").or_else(|| (!m.contains_key("organisations")).then(Vec::new));
        let raw_states = raw("states", "code");
        let raw_events = raw("events", "id");
        let raw_chairs = raw("chair_terms", "id").or_else(|| (!m.contains_key("chair_terms")).then(Vec::new));
        let raw_disputes = raw("disputes", "id");
        for (list, key, ids) in [
            ("$.sources", "id", &raw_sources),
            ("$.organisations", "id", &raw_orgs),
            ("$.states", "code", &raw_states),
            ("$.events", "id", &raw_events),
            ("$.chair_terms", "id", &raw_chairs),
            ("$.disputes", "id", &raw_disputes),
        ] {
            if let Some(ids) = ids {
                self.unique(list, key, ids);
            }
        }
        let parsed_terms = std::mem::take(&mut self.chair_ok);
        self.overlaps(&parsed_terms);
        let known = |ids: &Option<Vec<(usize, String)>>| -> Option<HashSet<String>> {
            ids.as_ref().map(|v| v.iter().map(|(_, s)| s.clone()).collect())
        };
        if let Some(known) = known(&raw_sources) {
            for (path, id) in std::mem::take(&mut self.source_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no source has the id \"{}\"", clip(&id)));
                }
            }
        }
        if let Some(known) = known(&raw_states) {
            for (path, id) in std::mem::take(&mut self.state_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no state has the code \"{id}\""));
                }
            }
        }
        if let Some(known) = known(&raw_orgs) {
            for (path, id) in std::mem::take(&mut self.org_refs) {
                if !known.contains(&id) {
                    self.push(path, ProblemKind::Reference, format!("no organisation has the id \"{}\"", clip(&id)));
                }
            }
        }
        let (k_events, k_states, k_chairs, k_orgs) =
            (known(&raw_events), known(&raw_states), known(&raw_chairs), known(&raw_orgs));
        for (path, kind, id) in std::mem::take(&mut self.subject_refs) {
            let set = match kind {
                SubjectKind::Event => &k_events,
                SubjectKind::State => &k_states,
                SubjectKind::ChairTerm => &k_chairs,
                SubjectKind::Organisation => &k_orgs,
                SubjectKind::Dataset => continue,
            };
            if let Some(set) = set {
                if !set.contains(&id) {
                    self.push(
                        path,
                        ProblemKind::Reference,
                        format!("no {} has the id \"{}\"", kind.as_str().replace('_', " "), clip(&id)),
                    );
                }
            }
        }

        let mut events = events?;
        crate::sort::sort_by(&mut events, |a, b| a.start.cmp_start(&b.start).then_with(|| a.id.cmp(&b.id)));
        let (sources, organisations, states) = (sources?, organisations?, states?);
        let index = crate::model::Index::build(&events, &states, &sources, &organisations);
        Some(Dataset {
            format_version: version?,
            id: id?,
            languages: languages?,
            title: title?,
            description: description?,
            updated: updated?,
            sources,
            organisations,
            states,
            events,
            chair_terms: chair_terms?,
            disputes: disputes?,
            index,
        })
    }

    fn unique(&mut self, list: &str, key: &str, ids: &[(usize, String)]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids {
            if let Some(j) = first.get(id.as_str()) {
                self.push(
                    format!("{list}[{i}].{key}"),
                    ProblemKind::Duplicate,
                    format!("\"{}\" is already used by {list}[{j}]", clip(id)),
                );
            } else {
                first.insert(id, *i);
            }
        }
    }

    /// Reports every chair term that starts before an earlier-starting term has ended. A term
    /// that ends in the same period (month, or year) in which the next one starts is a
    /// handover, allowed.
    fn overlaps(&mut self, terms: &[(usize, ChairTerm)]) {
        let mut order: Vec<&(usize, ChairTerm)> = terms.iter().collect();
        crate::sort::sort_by(&mut order, |a, b| a.1.span.from.cmp_start(&b.1.span.from));
        for (k, (bi, b)) in order.iter().enumerate() {
            for (_, a) in order[..k].iter().map(|x| (x.0, &x.1)) {
                if !ends_after_start(a.span.to, b.span.from) {
                    continue;
                }
                let until = a.span.to.map(|t| t.to_string()).unwrap_or_else(|| "no end".into());
                self.push(
                    format!("$.chair_terms[{bi}].from"),
                    ProblemKind::Overlap,
                    format!(
                        "the term of {} from {} overlaps the term of {} ({} to {until})",
                        b.state, b.span.from, a.state, a.span.from
                    ),
                );
                break;
            }
        }
    }

    fn source(&mut self, v: &Value, path: &str) -> Option<Source> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "title", "publisher", "url", "archived_url", "kind", "context_only", "note"]);
        let id = self.id(m, path, "id");
        let title = self.req_text(m, path, "title");
        let publisher = self.req_text(m, path, "publisher");
        let url = self.link(m, path, "url");
        let archived_url = self.link(m, path, "archived_url");
        let kind = self.enum_of(m, path, "kind", SourceKind::parse, &choices(SourceKind::ALL, |k| k.as_str()));
        let context_only = self.bool_opt(m, path, "context_only");
        let note = self.opt_text(m, path, "note");
        Some(Source {
            id: id?,
            title: title?,
            publisher: publisher?,
            url: url?,
            archived_url: archived_url?,
            kind: kind?,
            context_only: context_only?,
            note: note?,
        })
    }

    fn organisation(&mut self, v: &Value, path: &str) -> Option<Organisation> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "name", "short", "roles"]);
        let id = self.id(m, path, "id");
        let name = self.req_text(m, path, "name");
        let short = self.req_text(m, path, "short");
        let roles = self.list(m, path, "roles", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["role", "from", "to", "sources", "confidence", "note"]);
            let role = w.enum_of(m, p, "role", OrgRole::parse, &choices(OrgRole::ALL, |r| r.as_str()));
            let span = w.span(m, p);
            Some(OrgRoleSpan { role: role?, span: span? })
        });
        Some(Organisation { id: id?, name: name?, short: short?, roles: roles? })
    }

    fn state(&mut self, v: &Value, path: &str) -> Option<State> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["code", "names", "capital", "grid", "roles"]);
        let code = match self.required(m, path, "code") {
            Some(v) => self.state_code(v, &child(path, "code")),
            None => None,
        };
        let names = self.list(m, path, "names", true, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["short", "official", "from", "to", "sources"]);
            let short = w.req_text(m, p, "short");
            let official = w.req_text(m, p, "official");
            let from = w.opt_date(m, p, "from");
            let to = w.opt_date(m, p, "to");
            // A name may cite nothing: names that are general knowledge are not attributed to
            // a source that does not state them.
            let sources = w.source_list(m, p, "sources", false);
            if let (Some(Some(f)), Some(Some(t))) = (from, to) {
                if t.last_day() < f.first_day() {
                    w.push(child(p, "to"), ProblemKind::Order, format!("ends ({t}) before it starts ({f})"));
                    return None;
                }
            }
            Some(StateName { short: short?, official: official?, from: from?, to: to?, sources: sources? })
        });
        if let Some(n) = &names {
            if n.is_empty() {
                self.push(child(path, "names"), ProblemKind::Missing, "a state needs at least one name");
            }
        }
        let capital = match self.required(m, path, "capital") {
            Some(v) => {
                let p = child(path, "capital");
                match self.object(v, &p) {
                    Some(c) => {
                        self.keys(c, &p, &["name", "lat", "lon"]);
                        let name = self.req_text(c, &p, "name");
                        let lat = self.number(c, &p, "lat", -90.0, 90.0);
                        let lon = self.number(c, &p, "lon", -180.0, 180.0);
                        match (name, lat, lon) {
                            (Some(name), Some(lat), Some(lon)) => Some(Capital { name, lat, lon }),
                            _ => None,
                        }
                    }
                    None => None,
                }
            }
            None => None,
        };
        let grid = match self.optional(m, "grid") {
            None => Some(None),
            Some(v) => {
                let p = child(path, "grid");
                match self.object(v, &p) {
                    Some(g) => {
                        self.keys(g, &p, &["col", "row"]);
                        let col = self.number(g, &p, "col", 0.0, 1000.0);
                        let row = self.number(g, &p, "row", 0.0, 1000.0);
                        match (col, row) {
                            (Some(c), Some(r)) if c.fract() == 0.0 && r.fract() == 0.0 => {
                                Some(Some((c as i32, r as i32)))
                            }
                            (Some(_), Some(_)) => {
                                self.push(p, ProblemKind::Value, "grid positions are whole numbers");
                                None
                            }
                            _ => None,
                        }
                    }
                    None => None,
                }
            }
        };
        let roles = self.list(m, path, "roles", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["role", "from", "to", "sources", "confidence", "note"]);
            let role = w.enum_of(m, p, "role", Role::parse, &choices(Role::ALL, |r| r.as_str()));
            let span = w.span(m, p);
            Some(RoleSpan { role: role?, span: span? })
        });
        let names = names.filter(|n| !n.is_empty());
        Some(State { code: code?, names: names?, capital: capital?, grid: grid?, roles: roles? })
    }

    fn event(&mut self, v: &Value, path: &str) -> Option<Event> {
        let m = self.object(v, path)?;
        self.keys(
            m,
            path,
            &[
                "id",
                "start",
                "end",
                "uncertain",
                "place",
                "level",
                "title",
                "summary",
                "participants",
                "organisations",
                "outcomes",
                "sources",
                "confidence",
                "note",
            ],
        );
        let id = self.id(m, path, "id");
        let start = self.req_date(m, path, "start");
        let end = self.opt_date(m, path, "end");
        let uncertain = self.bool_opt(m, path, "uncertain");
        let place = self.place(m, path);
        let level = self.enum_of(m, path, "level", Level::parse, &choices(Level::ALL, |l| l.as_str()));
        let title = self.req_text(m, path, "title");
        let summary = self.req_text(m, path, "summary");
        let participants = self.list(m, path, "participants", false, MAX_PARTICIPANTS, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["state", "role", "sources"]);
            let state = w.state_ref(m, p, "state");
            let role = w.enum_of(m, p, "role", EventRole::parse, &choices(EventRole::ALL, |r| r.as_str()));
            let sources = w.source_list(m, p, "sources", false);
            Some(Participant { state: state?, role: role?, sources: sources? })
        });
        if let Some(ps) = &participants {
            let codes: Vec<(usize, String)> = ps.iter().map(|p| p.state.clone()).enumerate().collect();
            self.unique(&child(path, "participants"), "state", &codes);
        }
        let organisations = self.list(m, path, "organisations", false, MAX_PARTICIPANTS, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["org", "role"]);
            let org = w.req_string(m, p, "org");
            if let Some(o) = &org {
                w.org_refs.push((child(p, "org"), o.clone()));
            }
            let role = w.enum_of(m, p, "role", OrgEventRole::parse, &choices(OrgEventRole::ALL, |r| r.as_str()));
            Some(OrgParticipant { org: org?, role: role? })
        });
        let outcomes = self.list(m, path, "outcomes", false, MAX_LIST, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["title", "kind", "url", "archived_url", "sources"]);
            let title = w.req_text(m, p, "title");
            let kind = w.enum_of(m, p, "kind", OutcomeKind::parse, &choices(OutcomeKind::ALL, |k| k.as_str()));
            let url = w.link(m, p, "url");
            let archived_url = w.link(m, p, "archived_url");
            let sources = w.source_list(m, p, "sources", false);
            Some(Outcome { title: title?, kind: kind?, url: url?, archived_url: archived_url?, sources: sources? })
        });
        let sources = self.source_list(m, path, "sources", true);
        let confidence =
            self.enum_of(m, path, "confidence", Confidence::parse, &choices(Confidence::ALL, |c| c.as_str()));
        let note = self.opt_text(m, path, "note");
        let (start, end) = (start?, end?);
        if let Some(e) = end {
            if e.last_day() < start.first_day() {
                self.push(child(path, "end"), ProblemKind::Order, format!("ends ({e}) before it starts ({start})"));
                return None;
            }
        }
        Some(Event {
            id: id?,
            start,
            end,
            uncertain: uncertain?,
            place: place?,
            level: level?,
            title: title?,
            summary: summary?,
            participants: participants?,
            organisations: organisations?,
            outcomes: outcomes?,
            sources: sources?,
            confidence: confidence?,
            note: note?,
        })
    }

    fn place(&mut self, m: &Map<String, Value>, path: &str) -> Option<Place> {
        let Some(v) = self.optional(m, "place") else {
            return Some(Place::Unknown);
        };
        let p = child(path, "place");
        let pm = self.object(v, &p)?;
        if pm.contains_key("online") {
            self.keys(pm, &p, &["online"]);
            return match pm.get("online") {
                Some(Value::Bool(true)) => Some(Place::Online),
                _ => {
                    self.push(
                        child(&p, "online"),
                        ProblemKind::Value,
                        "\"online\" can only be true; give a city otherwise",
                    );
                    None
                }
            };
        }
        self.keys(pm, &p, &["city", "country", "lat", "lon"]);
        let city = self.req_text(pm, &p, "city");
        let country = self.state_ref(pm, &p, "country");
        let lat = self.number(pm, &p, "lat", -90.0, 90.0);
        let lon = self.number(pm, &p, "lon", -180.0, 180.0);
        Some(Place::City { city: city?, country: country?, lat: lat?, lon: lon? })
    }

    fn chair_term(&mut self, v: &Value, path: &str) -> Option<ChairTerm> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "state", "from", "to", "chairperson", "sources", "confidence", "note"]);
        let id = self.id(m, path, "id");
        let state = self.state_ref(m, path, "state");
        let chairperson = self.opt_text(m, path, "chairperson");
        let span = self.span(m, path);
        let term = ChairTerm { id: id?, state: state?, span: span?, chairperson: chairperson? };
        if let Some(i) = path.rsplit('[').next().and_then(|r| r.trim_end_matches(']').parse().ok()) {
            self.chair_ok.push((i, term.clone()));
        }
        Some(term)
    }

    fn dispute(&mut self, v: &Value, path: &str) -> Option<Dispute> {
        let m = self.object(v, path)?;
        self.keys(m, path, &["id", "subject", "field", "summary", "readings"]);
        let id = self.id(m, path, "id");
        let subject = match self.required(m, path, "subject") {
            Some(v) => {
                let p = child(path, "subject");
                match self.object(v, &p) {
                    Some(s) => {
                        self.keys(s, &p, &["kind", "id"]);
                        let kind =
                            self.enum_of(s, &p, "kind", SubjectKind::parse, &choices(SubjectKind::ALL, |k| k.as_str()));
                        let id = self.req_string(s, &p, "id");
                        if let (Some(k), Some(i)) = (kind, &id) {
                            self.subject_refs.push((child(&p, "id"), k, i.clone()));
                        }
                        kind.zip(id)
                    }
                    None => None,
                }
            }
            None => None,
        };
        let field = self.req_string(m, path, "field");
        let summary = self.req_text(m, path, "summary");
        let readings = self.list(m, path, "readings", true, 50, |w, v, p| {
            let m = w.object(v, p)?;
            w.keys(m, p, &["text", "sources"]);
            let text = w.req_text(m, p, "text");
            let sources = w.source_list(m, p, "sources", true);
            Some(Reading { text: text?, sources: sources? })
        });
        if let Some(r) = &readings {
            if r.len() < 2 {
                self.push(child(path, "readings"), ProblemKind::Missing, "a dispute needs at least two readings");
                return None;
            }
        }
        let (subject_kind, subject_id) = subject?;
        Some(Dispute { id: id?, subject_kind, subject_id, field: field?, summary: summary?, readings: readings? })
    }
}

/// Whether a span ending at `end` (`None`: still running) is still running when `start` begins,
/// allowing a handover within the shared month or year.
fn ends_after_start(end: Option<Date>, start: Date) -> bool {
    let Some(end) = end else { return true };
    let coarse = end.precision().min(start.precision());
    let cut = |d: Date| match coarse {
        crate::date::Precision::Year => Date { year: d.year, month: None, day: None },
        crate::date::Precision::Month => Date { year: d.year, month: d.month, day: None },
        crate::date::Precision::Day => d,
    };
    if cut(end) == cut(start) {
        return false;
    }
    start.first_day() <= end.last_day()
}

fn choices<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| f(x)).collect()
}

/// Shortens a value quoted in a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
