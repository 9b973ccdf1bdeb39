//! The kinds of record a dataset holds, and the actions on whole records: add, duplicate,
//! delete (naming what refers to the record) and rename an id with every reference to it.

use super::ops::Op;
use super::path::{Path, Seg};
use serde_json::{json, Map, Value};

/// A kind of record: a top-level list of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Event,
    State,
    ChairTerm,
    Source,
    Dispute,
    Organisation,
}

impl Kind {
    /// In the order the editor lists them.
    pub const ALL: [Kind; 6] =
        [Kind::Event, Kind::State, Kind::ChairTerm, Kind::Source, Kind::Dispute, Kind::Organisation];

    /// The top-level key of the list.
    pub fn list(self) -> &'static str {
        match self {
            Kind::Event => "events",
            Kind::State => "states",
            Kind::ChairTerm => "chair_terms",
            Kind::Source => "sources",
            Kind::Dispute => "disputes",
            Kind::Organisation => "organisations",
        }
    }

    pub fn from_list(list: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.list() == list)
    }

    /// The key that holds a record's id.
    pub fn id_key(self) -> &'static str {
        match self {
            Kind::State => "code",
            _ => "id",
        }
    }

    /// The dispute subject kind naming records of this kind, if any.
    fn subject(self) -> Option<&'static str> {
        match self {
            Kind::Event => Some("event"),
            Kind::State => Some("state"),
            Kind::ChairTerm => Some("chair_term"),
            Kind::Organisation => Some("organisation"),
            Kind::Source | Kind::Dispute => None,
        }
    }

    pub fn path(self) -> Path {
        Path::root().key(self.list())
    }
}

/// The records of one kind (empty when the list is absent or not a list).
pub fn records(doc: &Value, kind: Kind) -> &[Value] {
    doc.get(kind.list()).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// A record's id, as written.
pub fn id_of(record: &Value, kind: Kind) -> Option<&str> {
    record.get(kind.id_key()).and_then(Value::as_str)
}

/// The position of the record with this id.
pub fn find(doc: &Value, kind: Kind, id: &str) -> Option<usize> {
    records(doc, kind).iter().position(|r| id_of(r, kind) == Some(id))
}

/// How many records of `kind` have this id (more than one is an error the validator reports).
pub fn uses(doc: &Value, kind: Kind, id: &str) -> usize {
    records(doc, kind).iter().filter(|r| id_of(r, kind) == Some(id)).count()
}

/// Every place that refers to record `id` of `kind`: the paths of the strings holding the id.
pub fn references(doc: &Value, kind: Kind, id: &str) -> Vec<Path> {
    let mut out = Vec::new();
    let is = |v: Option<&Value>| v.and_then(Value::as_str) == Some(id);
    match kind {
        Kind::Source => {
            // Every list named "sources" below the top level cites sources by id.
            fn walk(v: &Value, at: &Path, id: &str, top: bool, out: &mut Vec<Path>) {
                match v {
                    Value::Object(m) => {
                        for (k, c) in m {
                            let p = at.key(k);
                            if k == "sources" && !top {
                                if let Value::Array(a) = c {
                                    for (i, s) in a.iter().enumerate() {
                                        if s.as_str() == Some(id) {
                                            out.push(p.index(i));
                                        }
                                    }
                                    continue;
                                }
                            }
                            walk(c, &p, id, false, out);
                        }
                    }
                    Value::Array(a) => {
                        for (i, c) in a.iter().enumerate() {
                            walk(c, &at.index(i), id, false, out);
                        }
                    }
                    _ => {}
                }
            }
            walk(doc, &Path::root(), id, true, &mut out);
        }
        Kind::State => {
            for (i, e) in records(doc, Kind::Event).iter().enumerate() {
                let ep = Kind::Event.path().index(i);
                for (j, p) in e.get("participants").and_then(Value::as_array).into_iter().flatten().enumerate() {
                    if is(p.get("state")) {
                        out.push(ep.key("participants").index(j).key("state"));
                    }
                }
                if is(e.get("place").and_then(|p| p.get("country"))) {
                    out.push(ep.key("place").key("country"));
                }
            }
            for (i, t) in records(doc, Kind::ChairTerm).iter().enumerate() {
                if is(t.get("state")) {
                    out.push(Kind::ChairTerm.path().index(i).key("state"));
                }
            }
        }
        Kind::Organisation => {
            for (i, e) in records(doc, Kind::Event).iter().enumerate() {
                for (j, o) in e.get("organisations").and_then(Value::as_array).into_iter().flatten().enumerate() {
                    if is(o.get("org")) {
                        out.push(Kind::Event.path().index(i).key("organisations").index(j).key("org"));
                    }
                }
            }
        }
        Kind::Event | Kind::ChairTerm | Kind::Dispute => {}
    }
    if let Some(subject) = kind.subject() {
        for (i, d) in records(doc, Kind::Dispute).iter().enumerate() {
            let s = d.get("subject");
            if s.and_then(|s| s.get("kind")).and_then(Value::as_str) == Some(subject) && is(s.and_then(|s| s.get("id")))
            {
                out.push(Kind::Dispute.path().index(i).key("subject").key("id"));
            }
        }
    }
    out
}

/// The record a path lies in, as (kind, position), when it is inside one.
pub fn owner(path: &Path) -> Option<(Kind, usize)> {
    let (list, i) = path.record()?;
    Some((Kind::from_list(list)?, i))
}

/// The ops that rename record `at` of `kind` to `new` and update every reference to its old id.
pub fn rename(doc: &Value, kind: Kind, at: usize, new: &str) -> Vec<Op> {
    let old = records(doc, kind).get(at).and_then(|r| id_of(r, kind)).map(str::to_string);
    let mut ops = vec![Op::Set { path: kind.path().index(at).key(kind.id_key()), value: Some(json!(new)) }];
    if let Some(old) = old.filter(|o| !o.is_empty() && o != new) {
        // An id written twice (an error the validator reports), before or after the rename,
        // renames only the record edited: its references cannot tell the two apart.
        if uses(doc, kind, &old) == 1 && uses(doc, kind, new) == 0 {
            ops.extend(references(doc, kind, &old).into_iter().map(|path| Op::Set { path, value: Some(json!(new)) }));
        }
    }
    ops
}

/// An id not yet used by a record of `kind`: `base`, else `base-2`, `base-3`, …
pub fn fresh_id(doc: &Value, kind: Kind, base: &str) -> String {
    let taken = |id: &str| find(doc, kind, id).is_some();
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_default()
}

/// The dataset's languages (the keys every text must have).
pub fn languages(doc: &Value) -> Vec<String> {
    doc.get("languages")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|l| l.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// A text with an empty string in every language of the dataset.
pub fn blank_text(doc: &Value) -> Value {
    Value::Object(languages(doc).into_iter().map(|l| (l, json!(""))).collect::<Map<_, _>>())
}

/// A new record of `kind` with a fresh id and every required field present but empty, so the
/// validator points at each one until it is filled. Nothing is guessed: no date, place,
/// level or confidence is filled in for the editor.
pub fn template(doc: &Value, kind: Kind) -> Value {
    let t = || blank_text(doc);
    match kind {
        Kind::Event => json!({
            "id": fresh_id(doc, kind, "new-event"), "start": "", "level": "", "title": t(), "summary": t(),
            "participants": [], "sources": [], "confidence": "",
        }),
        Kind::State => json!({
            "code": "", "names": [{"short": t(), "official": t()}],
            "capital": {"name": t(), "lat": 0, "lon": 0}, "roles": [],
        }),
        Kind::ChairTerm => json!({
            "id": fresh_id(doc, kind, "new-chair-term"), "state": "", "from": "", "to": null, "sources": [],
            "confidence": "",
        }),
        Kind::Source => json!({"id": fresh_id(doc, kind, "new-source"), "title": t(), "publisher": t(), "kind": ""}),
        Kind::Dispute => json!({
            "id": fresh_id(doc, kind, "new-dispute"), "subject": {"kind": "", "id": ""}, "field": "", "summary": t(),
            "readings": [],
        }),
        Kind::Organisation => {
            json!({"id": fresh_id(doc, kind, "new-organisation"), "name": t(), "short": t(), "roles": []})
        }
    }
}

/// A blank item for a list inside a record, by the list's key (participants, outcomes, …).
pub fn template_item(doc: &Value, list_key: &str) -> Value {
    let t = || blank_text(doc);
    match list_key {
        "participants" => json!({"state": "", "role": "", "sources": []}),
        "organisations" => json!({"org": "", "role": ""}),
        "outcomes" => json!({"title": t(), "kind": ""}),
        "names" => json!({"short": t(), "official": t()}),
        "roles" => json!({"role": "", "from": "", "to": null, "sources": [], "confidence": ""}),
        "readings" => json!({"text": t(), "sources": []}),
        "changes" => json!({"id": "", "date": "", "what": t(), "why": t(), "sources": []}),
        _ => json!(""),
    }
}

/// The ops that add a new record of `kind` at the end of its list; and its position.
pub fn add(doc: &Value, kind: Kind) -> (Vec<Op>, usize) {
    let at = records(doc, kind).len();
    let mut ops = Vec::new();
    if doc.get(kind.list()).is_none() {
        ops.push(Op::Set { path: kind.path(), value: Some(json!([])) });
    }
    ops.push(Op::Insert { list: kind.path(), at, value: template(doc, kind) });
    (ops, at)
}

/// The ops that copy record `at` right after it under a fresh id (a state's copy gets an empty
/// code: codes are ISO codes, not something to make up); and the copy's position.
pub fn duplicate(doc: &Value, kind: Kind, at: usize) -> Option<(Vec<Op>, usize)> {
    let mut copy = records(doc, kind).get(at)?.clone();
    let new_id = match kind {
        Kind::State => String::new(),
        _ => fresh_id(doc, kind, &format!("{}-copy", id_of(&copy, kind).unwrap_or("record"))),
    };
    if let Value::Object(m) = &mut copy {
        m.insert(kind.id_key().into(), json!(new_id));
    }
    Some((vec![Op::Insert { list: kind.path(), at: at + 1, value: copy }], at + 1))
}

/// The op that deletes record `at`, with the places that still refer to it (the editor names
/// them and asks before deleting; references left behind are errors the validator shows).
pub fn delete(doc: &Value, kind: Kind, at: usize) -> Option<(Op, Vec<Path>)> {
    let id = id_of(records(doc, kind).get(at)?, kind).unwrap_or("");
    let refs = if id.is_empty() || uses(doc, kind, id) > 1 { Vec::new() } else { references(doc, kind, id) };
    Some((Op::Remove { list: kind.path(), at }, refs))
}

/// The ops that delete item `at` of the list at `list` inside a record.
pub fn remove_item(list: &Path, at: usize) -> Op {
    Op::Remove { list: list.clone(), at }
}

/// The last key of a path (the field's name), if it ends with one.
pub fn field_key(path: &Path) -> Option<&str> {
    match path.0.last() {
        Some(Seg::Key(k)) => Some(k),
        _ => None,
    }
}
