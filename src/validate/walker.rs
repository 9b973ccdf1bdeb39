//! The walk's state (every problem found, the references to check once all records are known)
//! and its readers of JSON values: objects and their keys, strings, ids, dates, numbers,
//! choices, links, lists and texts in several languages.

use super::{is_http_link, Problem, ProblemKind, MAX_LIST, MAX_PROBLEMS, MAX_TEXT_CHARS};
use crate::date::Date;
use crate::ids::{is_id, is_lang_code as is_lang, is_state_code};
use crate::model::*;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

#[derive(Default)]
pub(super) struct Walker {
    pub(super) problems: Vec<Problem>,
    pub(super) overflow: usize,
    pub(super) languages: Vec<String>,
    /// (path, id) of every source reference, checked once all sources are known.
    pub(super) source_refs: Vec<(String, String)>,
    pub(super) state_refs: Vec<(String, String)>,
    pub(super) org_refs: Vec<(String, String)>,
    /// (path, kind, id) of every dispute subject.
    pub(super) subject_refs: Vec<(String, SubjectKind, String)>,
    /// Chair terms that parsed, with their index, for the overlap check.
    pub(super) chair_ok: Vec<(usize, ChairTerm)>,
}

pub(super) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl Walker {
    pub(super) fn push(&mut self, path: String, kind: ProblemKind, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path, kind, message: message.into() });
        } else {
            self.overflow += 1;
        }
    }

    pub(super) fn finish(mut self, ds: Option<Dataset>) -> Result<Dataset, Vec<Problem>> {
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

    pub(super) fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.push(path.into(), ProblemKind::Type, format!("expected an object, found {}", kind_of(other)));
                None
            }
        }
    }

    /// Reports keys outside `allowed`.
    pub(super) fn keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
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

    pub(super) fn required<'v>(&mut self, m: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Value> {
        match m.get(key) {
            Some(v) => Some(v),
            None => {
                self.push(child(path, key), ProblemKind::Missing, format!("\"{key}\" is missing"));
                None
            }
        }
    }

    /// An optional key: absent and `null` both mean none.
    pub(super) fn optional<'v>(&self, m: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        m.get(key).filter(|v| !v.is_null())
    }

    pub(super) fn string(&mut self, v: &Value, path: &str) -> Option<String> {
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

    pub(super) fn req_string(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let v = self.required(m, path, key)?;
        self.string(v, &child(path, key))
    }

    pub(super) fn id(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
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

    pub(super) fn state_code(&mut self, v: &Value, path: &str) -> Option<String> {
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

    pub(super) fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(path.into(), ProblemKind::Date, format!("\"{}\": {e}", clip(&s)));
                None
            }
        }
    }

    pub(super) fn req_date(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Date> {
        let v = self.required(m, path, key)?;
        self.date(v, &child(path, key))
    }

    pub(super) fn opt_date(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<Date>> {
        match self.optional(m, key) {
            None => Some(None),
            Some(v) => self.date(v, &child(path, key)).map(Some),
        }
    }

    pub(super) fn number(&mut self, m: &Map<String, Value>, path: &str, key: &str, lo: f64, hi: f64) -> Option<f64> {
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

    pub(super) fn enum_of<T: Copy>(
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

    pub(super) fn link(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<String>> {
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

    pub(super) fn bool_opt(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
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
    pub(super) fn list<T>(
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

    pub(super) fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
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

    pub(super) fn req_text(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Text> {
        let v = self.required(m, path, key)?;
        self.text(v, &child(path, key))
    }

    pub(super) fn opt_text(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<Option<Text>> {
        match self.optional(m, key) {
            None => Some(None),
            Some(v) => self.text(v, &child(path, key)).map(Some),
        }
    }

    pub(super) fn source_list(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<Vec<String>> {
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

    pub(super) fn state_ref(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        let v = self.required(m, path, key)?;
        let p = child(path, key);
        let code = self.state_code(v, &p)?;
        self.state_refs.push((p, code.clone()));
        Some(code)
    }

    pub(super) fn span(&mut self, m: &Map<String, Value>, path: &str) -> Option<Span> {
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
        let last_record = self.ends(m, path, to);
        let (from, to) = (from?, to?);
        if let Some(t) = to {
            if t.last_day() < from.first_day() {
                self.push(child(path, "to"), ProblemKind::Order, format!("ends ({t}) before it starts ({from})"));
                return None;
            }
        }
        Some(Span { from, to, sources: sources?, confidence: confidence?, note: note?, last_record: last_record? })
    }

    /// A role's optional `ends` (how its end is known): whether the sources simply stop at the
    /// end (`last_record`). Only a span with an end may say how it ends. Chair terms have no
    /// `ends` (their keys list leaves it out, so it is reported as unknown there).
    fn ends(&mut self, m: &Map<String, Value>, path: &str, to: Option<Option<Date>>) -> Option<bool> {
        let Some(v) = self.optional(m, "ends") else { return Some(false) };
        let p = child(path, "ends");
        let last = match v.as_str() {
            Some("stated") => false,
            Some("last_record") => true,
            _ => {
                self.push(p, ProblemKind::Value, "expected \"stated\" or \"last_record\"");
                return None;
            }
        };
        if to == Some(None) {
            self.push(p, ProblemKind::Value, "a role without an end (\"to\": null) cannot say how it ends");
            return None;
        }
        Some(last)
    }
}

/// Whether a span ending at `end` (`None`: still running) is still running when `start` begins,
/// allowing a handover within the shared month or year.
pub(super) fn ends_after_start(end: Option<Date>, start: Date) -> bool {
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

pub(super) fn choices<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| f(x)).collect()
}

/// Shortens a value quoted in a message.
pub(super) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
