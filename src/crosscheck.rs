//! Cross-checks: records compared with each other, after each has passed the validator alone.
//!
//! The validator ([`crate::validate`]) decides whether a file can be read at all; its problems
//! are errors and refuse the file. The checks here find records that read fine one by one but
//! contradict each other, and report them as **warnings** ([`ProblemKind::is_warning`]): a
//! dataset with warnings still renders (the app never runs these checks), and the bundled
//! dataset is kept free of them by the tests. Like every problem, a warning names the JSON path
//! of the value concerned, with indices as in the file (the dataset sorts its events; the paths
//! here do not).
//!
//! The checks (the table of compatible roles is in `docs/dataset-format.md`):
//! - **role agreement** ([`ProblemKind::RoleMismatch`]): a state's role at an event agrees with
//!   its role timeline on the event's dates ([`compatible`]);
//! - **chair** ([`ProblemKind::Chair`]): a state shown as `chair` at an event holds a chair term
//!   covering the event; the chair term in force on the event's first and last day (by the
//!   dataset's handover rule, [`crate::query::chair_on`]) is shown, if the event shows a chair
//!   at all; and a chair term's state is not a plain `participant` at the event where its term
//!   begins;
//! - **role start** ([`ProblemKind::RoleStart`]): a role, chair term or organisation role that
//!   begins during a multi-day event its holder attends begins on the event's first day;
//! - **provenance** ([`ProblemKind::Provenance`]): a claim marked `seen` cites at least one
//!   source that is not `context_only`;
//! - **cites** ([`ProblemKind::Cites`]): a source id named in a record's note or summary is in
//!   that record's sources (anywhere inside the record), so the app's source list for it is
//!   complete;
//! - **uncited** ([`ProblemKind::Uncited`]): every source is cited by some record (the change
//!   log does not count: it is not a fact);
//! - **ends** ([`ProblemKind::Ends`]): a role with an end says how the end is known, `stated`
//!   (a source gives it) or `last_record` (the sources stop there), so that the app never shows
//!   the end of the sources as a change of role; a one-day role (one meeting) is exempt;
//! - **years** ([`ProblemKind::Years`]): a year span written in an event's or outcome's title
//!   (`2023–2024`) is the event's own years or those of a chair term in force at the event.
//!
//! Pure: no web or UI crate.

use crate::date::DayNum;
use crate::model::*;
use crate::validate::{parse_bytes, validate_value, Problem, ProblemKind};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Whether a state's role at an event (`at`) agrees with a role it holds on its timeline
/// (`held`) during the event. `participant` at an event means "took part; the source gives no
/// status at this meeting", so it agrees with any role; every other event role needs its own
/// standing (a guest may also be an observer; the chair is a member state).
pub fn compatible(at: EventRole, held: Role) -> bool {
    match at {
        EventRole::Participant => true,
        EventRole::Member => held == Role::Member,
        EventRole::Observer => held == Role::Observer,
        EventRole::Guest => matches!(held, Role::Guest | Role::Observer),
        EventRole::Applicant => held == Role::Applicant,
        EventRole::Signatory => held == Role::Signatory,
        EventRole::Chair => held == Role::Member,
    }
}

/// Parses, validates and cross-checks a file: the errors, or the dataset with its warnings.
pub fn check_bytes(bytes: &[u8]) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    let ds = parse_bytes(bytes)?;
    // The file parsed as UTF-8 JSON (with an optional byte-order mark) a moment ago.
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let warnings = crosscheck(&ds, &raw);
    Ok((ds, warnings))
}

/// Validates and cross-checks an already parsed JSON value.
pub fn check_value(raw: &Value) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    let ds = validate_value(raw)?;
    let warnings = crosscheck(&ds, raw);
    Ok((ds, warnings))
}

/// The warnings for a validated dataset. `raw` is the JSON it was read from, used only to give
/// events their position in the file (without it, positions fall back to the sorted order).
pub fn crosscheck(ds: &Dataset, raw: &Value) -> Vec<Problem> {
    let mut c = Checker::new(ds, raw);
    c.roles_at_events();
    c.chairs_at_events();
    c.roles_start_on_first_day();
    c.seen_needs_a_source();
    c.out.extend(blank_texts(raw));
    c.out.extend(citations(ds, raw));
    c.out.extend(unstated_ends(raw));
    c.year_spans_in_titles();
    c.out
}

/// The source ids (of `known`) that a text names, as whole words, in order of first mention.
fn cited_in<'a>(text: &str, known: &HashSet<&'a str>) -> Vec<&'a str> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))) {
        let word = word.trim_end_matches(['.', '-']);
        if let Some(&id) = known.get(word) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// Every source id in any `sources` list inside a value.
fn sources_inside<'a>(v: &'a Value, out: &mut HashSet<&'a str>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("sources", Value::Array(a)) => out.extend(a.iter().filter_map(Value::as_str)),
                    _ => sources_inside(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| sources_inside(x, out)),
        _ => {}
    }
}

/// The array at `key` of a raw object, else nothing.
fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// Every role of a state or organisation in the file as written, with its path
/// (`$.states[3].roles[1]`).
fn raw_roles(raw: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    for key in ["states", "organisations"] {
        for (i, holder) in array(raw, key).iter().enumerate() {
            for (j, role) in array(holder, "roles").iter().enumerate() {
                out.push((format!("$.{key}[{i}].roles[{j}]"), role));
            }
        }
    }
    out
}

/// The cites and uncited checks, on the file as written (paths as in the file).
fn citations(ds: &Dataset, raw: &Value) -> Vec<Problem> {
    let known: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    let mut out = Vec::new();
    // The records whose texts may cite sources, with the keys of those texts.
    let mut records: Vec<(String, &Value)> = Vec::new();
    for key in ["events", "chair_terms", "disputes"] {
        for (i, r) in array(raw, key).iter().enumerate() {
            records.push((format!("$.{key}[{i}]"), r));
        }
    }
    records.extend(raw_roles(raw));
    for (path, rec) in &records {
        let mut has = HashSet::new();
        sources_inside(rec, &mut has);
        for key in ["note", "summary"] {
            let Some(Value::Object(text)) = rec.get(key) else { continue };
            let mut missing: Vec<&str> = Vec::new();
            for t in text.values().filter_map(Value::as_str) {
                for id in cited_in(t, &known) {
                    if !has.contains(id) && !missing.contains(&id) {
                        missing.push(id);
                    }
                }
            }
            if !missing.is_empty() {
                out.push(Problem {
                    path: format!("{path}.{key}"),
                    kind: ProblemKind::Cites,
                    message: format!(
                        "names {} but the record's sources do not list {}; add {} to its sources, or reword the text",
                        missing.join(", "),
                        if missing.len() == 1 { "it" } else { "them" },
                        if missing.len() == 1 { "it" } else { "them" },
                    ),
                });
            }
        }
    }
    // Every `sources` list of the file except the change log's.
    let mut cited = HashSet::new();
    if let Value::Object(m) = raw {
        for (k, v) in m {
            if !matches!(k.as_str(), "sources" | "changes") {
                sources_inside(v, &mut cited);
            }
        }
    }
    for (i, s) in array(raw, "sources").iter().enumerate() {
        if let Some(id) = s.get("id").and_then(Value::as_str) {
            if !cited.contains(id) {
                out.push(Problem {
                    path: format!("$.sources[{i}]"),
                    kind: ProblemKind::Uncited,
                    message: format!("no record cites {id}: cite it for a fact it supports, or remove it"),
                });
            }
        }
    }
    out
}

/// The ends check: every role with an end (`to`) longer than one day says how it ends.
fn unstated_ends(raw: &Value) -> Vec<Problem> {
    let mut out = Vec::new();
    for (path, r) in raw_roles(raw) {
        let (Some(from), Some(to)) = (r.get("from").and_then(Value::as_str), r.get("to").and_then(Value::as_str))
        else {
            continue;
        };
        let one_day = from == to && from.len() == 10;
        if !one_day && r.get("ends").is_none() {
            out.push(Problem {
                path: format!("{path}.to"),
                kind: ProblemKind::Ends,
                message: format!(
                    "ends {to} without saying how that is known: \"ends\": \"stated\" if a source gives the end, \"last_record\" if the sources stop there (the app then shows no change of role)"
                ),
            });
        }
    }
    out
}

/// The years written in a title as a span, `2023–2024` (en dash, hyphen or em dash).
fn year_spans(text: &str) -> Vec<(i32, i32)> {
    let b: Vec<char> = text.chars().collect();
    let year = |i: usize| -> Option<i32> {
        let s: String = b.get(i..i + 4)?.iter().collect();
        (s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let digit = |i: usize| b.get(i).is_some_and(char::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 9 <= b.len() {
        let boundary = i == 0 || !digit(i - 1);
        if boundary && matches!(b[i + 4], '–' | '-' | '—') && !digit(i + 9) {
            if let (Some(a), Some(z)) = (year(i), year(i + 5)) {
                out.push((a, z));
                i += 9;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The warnings for every empty (or blank) string in a dataset file, valid or not.
pub fn blank_texts(raw: &Value) -> Vec<Problem> {
    let mut out = Vec::new();
    blanks(raw, &mut String::from("$"), &mut out);
    out
}

/// Warns of every empty (or blank) string: a text without its words, a field left blank.
/// Everything else that must not be empty (ids, dates, links) is already an error.
fn blanks(v: &Value, path: &mut String, out: &mut Vec<Problem>) {
    let len = path.len();
    match v {
        Value::String(s) if s.trim().is_empty() => {
            out.push(Problem {
                path: path.clone(),
                kind: ProblemKind::Blank,
                message: "empty: write it, or remove the text".into(),
            });
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                blanks(x, path, out);
                path.truncate(len);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                path.push('.');
                path.push_str(k);
                blanks(x, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// The first and last day an event covers.
fn days(e: &Event) -> (DayNum, DayNum) {
    (e.start.first_day(), e.last().last_day())
}

/// Whether a span holds on some day from `a` to `b`.
fn meets(span: &Span, a: DayNum, b: DayNum) -> bool {
    span.from.first_day() <= b && span.to.is_none_or(|t| t.last_day() >= a)
}

fn when(e: &Event) -> String {
    match e.end {
        Some(end) if end != e.start => format!("{}–{end}", e.start),
        _ => e.start.to_string(),
    }
}

struct Checker<'a> {
    ds: &'a Dataset,
    /// Event id → index in the file's `events` array.
    event_pos: HashMap<&'a str, usize>,
    out: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(ds: &'a Dataset, raw: &'a Value) -> Self {
        let mut event_pos = HashMap::new();
        if let Some(list) = raw.get("events").and_then(Value::as_array) {
            for (i, e) in list.iter().enumerate() {
                if let Some(id) = e.get("id").and_then(Value::as_str) {
                    event_pos.entry(id).or_insert(i);
                }
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            event_pos.entry(e.id.as_str()).or_insert(i);
        }
        Checker { ds, event_pos, out: Vec::new() }
    }

    fn warn(&mut self, path: String, kind: ProblemKind, message: String) {
        self.out.push(Problem { path, kind, message });
    }

    fn event_path(&self, e: &Event) -> String {
        format!("$.events[{}]", self.event_pos.get(e.id.as_str()).copied().unwrap_or(0))
    }

    fn state_name(&self, code: &str, day: DayNum) -> String {
        match self.ds.state(code) {
            Some(s) => {
                let n = &s.name_on(day).short;
                n.0.get(&self.ds.languages[0]).or_else(|| n.0.values().next()).cloned().unwrap_or_default()
            }
            None => code.to_string(),
        }
    }

    /// Role agreement: each state's role at an event against its role timeline.
    fn roles_at_events(&mut self) {
        let ds = self.ds;
        for e in &ds.events {
            let (a, b) = days(e);
            for (j, p) in e.participants.iter().enumerate() {
                let Some(state) = ds.state(&p.state) else { continue };
                let held: Vec<Role> = state.roles.iter().filter(|r| meets(&r.span, a, b)).map(|r| r.role).collect();
                if held.iter().any(|&r| compatible(p.role, r)) {
                    continue;
                }
                let name = self.state_name(&p.state, a);
                let has = if held.is_empty() {
                    "no role on its timeline then".to_string()
                } else {
                    let mut h: Vec<&str> = held.iter().map(|r| r.as_str()).collect();
                    h.sort();
                    h.dedup();
                    format!("only the role(s) {} then", h.join(", "))
                };
                let needs: Vec<&str> =
                    Role::ALL.iter().filter(|&&r| compatible(p.role, r)).map(|r| r.as_str()).collect();
                let path = format!("{}.participants[{j}].role", self.event_path(e));
                self.warn(
                    path,
                    ProblemKind::RoleMismatch,
                    format!(
                        "{name} is shown as {} at {} ({}), but has {has}; this needs a {} role covering the event",
                        p.role.as_str(),
                        e.id,
                        when(e),
                        needs.join(" or ")
                    ),
                );
            }
        }
    }

    /// Chair agreement between events and chair terms.
    fn chairs_at_events(&mut self) {
        let ds = self.ds;
        for e in &ds.events {
            let (a, b) = days(e);
            let ep = self.event_path(e);
            let chairs: Vec<(usize, &Participant)> =
                e.participants.iter().enumerate().filter(|(_, p)| p.role == EventRole::Chair).collect();
            // Each state shown as chair holds a term covering the event.
            for &(j, p) in &chairs {
                let holds = ds.chair_terms.iter().any(|t| t.state == p.state && meets(&t.span, a, b));
                if !holds {
                    let in_force = crate::query::chair_on(ds, a)
                        .map(|t| format!("the chair term in force on {} is {} ({})", e.start, t.id, t.state))
                        .unwrap_or_else(|| format!("no chair term is in force on {}", e.start));
                    let name = self.state_name(&p.state, a);
                    self.warn(
                        format!("{ep}.participants[{j}].role"),
                        ProblemKind::Chair,
                        format!("{name} is shown as chair at {}, but holds no chair term then; {in_force}", e.id),
                    );
                }
            }
            // The term in force (by the handover rule) on the first and last day is shown.
            if !chairs.is_empty() {
                let mut reported = HashSet::new();
                for day in [a, b] {
                    let Some(t) = crate::query::chair_on(ds, day) else { continue };
                    if chairs.iter().any(|(_, p)| p.state == t.state) || !reported.insert(&t.id) {
                        continue;
                    }
                    let shown: Vec<&str> = chairs.iter().map(|(_, p)| p.state.as_str()).collect();
                    let date = crate::date::Date::from_day(day);
                    self.warn(
                        format!("{ep}.participants"),
                        ProblemKind::Chair,
                        format!(
                            "{} shows {} as chair, but by the chair terms {} ({}) chairs on {date}; it is not listed as chair",
                            e.id,
                            shown.join(", "),
                            t.state,
                            t.id
                        ),
                    );
                }
            }
        }
        // A chair term's state is not a plain participant at the event where its term begins.
        for t in &ds.chair_terms {
            if t.span.from.precision() != crate::date::Precision::Day {
                continue;
            }
            let d = t.span.from.first_day();
            for e in &ds.events {
                let (a, b) = days(e);
                if d < a || d > b {
                    continue;
                }
                for (j, p) in e.participants.iter().enumerate() {
                    if p.state == t.state && p.role == EventRole::Participant {
                        let path = format!("{}.participants[{j}].role", self.event_path(e));
                        let name = self.state_name(&p.state, d);
                        self.warn(
                            path,
                            ProblemKind::Chair,
                            format!(
                                "{name}'s chair term {} begins at {} ({}), where it is shown as a plain participant; show it as chair",
                                t.id,
                                e.id,
                                when(e)
                            ),
                        );
                    }
                }
            }
        }
    }

    /// A role that begins during a multi-day event its holder attends begins on its first day.
    fn roles_start_on_first_day(&mut self) {
        let ds = self.ds;
        let mut spans: Vec<(String, &Span, Holder)> = Vec::new();
        for (i, s) in ds.states.iter().enumerate() {
            for (j, r) in s.roles.iter().enumerate() {
                spans.push((format!("$.states[{i}].roles[{j}].from"), &r.span, Holder::State(&s.code)));
            }
        }
        for (k, t) in ds.chair_terms.iter().enumerate() {
            spans.push((format!("$.chair_terms[{k}].from"), &t.span, Holder::State(&t.state)));
        }
        for (i, o) in ds.organisations.iter().enumerate() {
            for (j, r) in o.roles.iter().enumerate() {
                spans.push((format!("$.organisations[{i}].roles[{j}].from"), &r.span, Holder::Org(&o.id)));
            }
        }
        for (path, span, holder) in spans {
            if span.from.precision() != crate::date::Precision::Day {
                continue;
            }
            let d = span.from.first_day();
            let event = ds.events.iter().find(|e| {
                let (a, b) = days(e);
                a < d && d <= b && holder.attends(e)
            });
            if let Some(e) = event {
                self.warn(
                    path,
                    ProblemKind::RoleStart,
                    format!(
                        "starts on {}, during {} ({}) which {} attends; a role that starts at an event starts on its first day ({})",
                        span.from,
                        e.id,
                        when(e),
                        holder.id(),
                        e.start
                    ),
                );
            }
        }
    }

    /// A claim marked `seen` cites at least one source that is not context-only.
    fn seen_needs_a_source(&mut self) {
        let ds = self.ds;
        let context: HashSet<&str> = ds.sources.iter().filter(|s| s.context_only).map(|s| s.id.as_str()).collect();
        if context.is_empty() {
            return;
        }
        let mut claims: Vec<(String, Confidence, &[String])> = Vec::new();
        for e in &ds.events {
            claims.push((format!("{}.confidence", self.event_path(e)), e.confidence, &e.sources));
        }
        for (i, s) in ds.states.iter().enumerate() {
            for (j, r) in s.roles.iter().enumerate() {
                claims.push((format!("$.states[{i}].roles[{j}].confidence"), r.span.confidence, &r.span.sources));
            }
        }
        for (i, o) in ds.organisations.iter().enumerate() {
            for (j, r) in o.roles.iter().enumerate() {
                claims.push((
                    format!("$.organisations[{i}].roles[{j}].confidence"),
                    r.span.confidence,
                    &r.span.sources,
                ));
            }
        }
        for (k, t) in ds.chair_terms.iter().enumerate() {
            claims.push((format!("$.chair_terms[{k}].confidence"), t.span.confidence, &t.span.sources));
        }
        for (path, confidence, sources) in claims {
            if confidence == Confidence::Seen && sources.iter().all(|s| context.contains(s.as_str())) {
                self.warn(
                    path,
                    ProblemKind::Provenance,
                    format!(
                        "marked seen, but cites only context-only sources ({}); cite a source that states it, or mark it inferred and say why in the note",
                        sources.join(", ")
                    ),
                );
            }
        }
    }

    /// The years check: a year span in an event's or outcome's title is the event's own years
    /// or those of a chair term in force at the event.
    fn year_spans_in_titles(&mut self) {
        let ds = self.ds;
        for e in &ds.events {
            let (a, b) = days(e);
            let own = (e.start.year, e.last().year);
            let terms: Vec<(i32, Option<i32>)> = ds
                .chair_terms
                .iter()
                .filter(|t| meets(&t.span, a, b))
                .map(|t| (t.span.from.year, t.span.to.map(|d| d.year)))
                .collect();
            let fits = |(y0, y1): (i32, i32)| {
                (y0, y1) == own || terms.iter().any(|&(f, t)| f == y0 && t.is_none_or(|t| t == y1))
            };
            let mut titles: Vec<(String, &Text)> = vec![(format!("{}.title", self.event_path(e)), &e.title)];
            for (k, o) in e.outcomes.iter().enumerate() {
                titles.push((format!("{}.outcomes[{k}].title", self.event_path(e)), &o.title));
            }
            for (path, text) in titles {
                let bad: Vec<(i32, i32)> = text.0.values().flat_map(|t| year_spans(t)).filter(|&s| !fits(s)).collect();
                if let Some(&(y0, y1)) = bad.first() {
                    let term = match terms.first() {
                        Some((f, Some(t))) => format!(" and the chair term in force runs {f}–{t}"),
                        Some((f, None)) => format!(" and the chair term in force runs from {f}"),
                        None => String::new(),
                    };
                    self.warn(
                        path,
                        ProblemKind::Years,
                        format!(
                            "says {y0}–{y1}, but the event is dated {}{term}; give the dates the sources support, or attribute the label in the note",
                            when(e)
                        ),
                    );
                }
            }
        }
    }
}

/// Who holds a span: a state (by code) or an organisation (by id).
enum Holder<'a> {
    State(&'a str),
    Org(&'a str),
}

impl Holder<'_> {
    fn attends(&self, e: &Event) -> bool {
        match self {
            Holder::State(c) => e.participants.iter().any(|p| p.state == *c),
            Holder::Org(o) => e.organisations.iter().any(|p| p.org == *o),
        }
    }
    fn id(&self) -> &str {
        match self {
            Holder::State(c) | Holder::Org(c) => c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participant_agrees_with_any_role_and_the_others_need_their_own() {
        for &r in Role::ALL {
            assert!(compatible(EventRole::Participant, r));
        }
        assert!(compatible(EventRole::Guest, Role::Observer));
        assert!(compatible(EventRole::Guest, Role::Guest));
        assert!(!compatible(EventRole::Guest, Role::Signatory));
        assert!(!compatible(EventRole::Member, Role::Observer));
        assert!(compatible(EventRole::Chair, Role::Member));
        assert!(!compatible(EventRole::Chair, Role::Observer));
        assert!(compatible(EventRole::Signatory, Role::Signatory));
        assert!(compatible(EventRole::Applicant, Role::Applicant));
    }
}
