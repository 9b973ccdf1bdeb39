//! What changed since the file was opened: records added, changed and removed, by id, and the
//! dataset's own fields (title, languages, …) that changed.

use super::records::{id_of, records, Kind};
use serde_json::Value;
use std::collections::HashMap;

/// The changes to the records of one kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindChanges {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl KindChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Every change between two versions of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub kinds: Vec<(Kind, KindChanges)>,
    /// Top-level keys other than the record lists whose values differ.
    pub fields: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.kinds.iter().all(|(_, c)| c.is_empty())
    }

    /// (added, changed, removed) over every kind.
    pub fn totals(&self) -> (usize, usize, usize) {
        self.kinds
            .iter()
            .fold((0, 0, 0), |(a, c, r), (_, k)| (a + k.added.len(), c + k.changed.len(), r + k.removed.len()))
    }
}

/// The records of `kind` by their key: the id, or `#n` (the position from 1) for a record
/// without one.
fn keyed(doc: &Value, kind: Kind) -> Vec<(String, &Value)> {
    records(doc, kind)
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (id_of(r, kind).filter(|s| !s.is_empty()).map(str::to_string).unwrap_or(format!("#{}", i + 1)), r)
        })
        .collect()
}

/// Records are matched by id; a record whose id changed counts as removed and added, and a
/// record without an id (or with a repeated one) by its position.
pub fn diff(before: &Value, after: &Value) -> Changes {
    let mut out = Changes::default();
    for kind in Kind::ALL {
        let (old, new) = (keyed(before, kind), keyed(after, kind));
        let old_by: HashMap<&str, &Value> = old.iter().map(|(k, r)| (k.as_str(), *r)).collect();
        let new_by: HashMap<&str, &Value> = new.iter().map(|(k, r)| (k.as_str(), *r)).collect();
        let mut c = KindChanges::default();
        for (k, r) in &new {
            match old_by.get(k.as_str()) {
                None => c.added.push(k.clone()),
                Some(o) if o != r => c.changed.push(k.clone()),
                Some(_) => {}
            }
        }
        for (k, _) in &old {
            if !new_by.contains_key(k.as_str()) {
                c.removed.push(k.clone());
            }
        }
        for v in [&mut c.added, &mut c.changed, &mut c.removed] {
            v.dedup();
        }
        out.kinds.push((kind, c));
    }
    let lists: Vec<&str> = Kind::ALL.iter().map(|k| k.list()).collect();
    out.fields = differing(Some(before), Some(after)).into_iter().filter(|k| !lists.contains(&k.as_str())).collect();
    out
}

/// How one record differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    /// The keys (fields) whose values differ.
    Changed(Vec<String>),
}

/// One record's difference, or the dataset's own fields (`kind` `None`, `id` empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDiff {
    pub kind: Option<Kind>,
    pub id: String,
    pub change: Change,
}

/// The keys of two objects whose values differ (absent counts as different from present).
fn differing(a: Option<&Value>, b: Option<&Value>) -> Vec<String> {
    let keys = |v: Option<&Value>| {
        v.and_then(Value::as_object).map(|m| m.keys().cloned().collect::<Vec<_>>()).unwrap_or_default()
    };
    let mut all = keys(a);
    all.extend(keys(b));
    all.sort();
    all.dedup();
    all.into_iter().filter(|k| a.and_then(|a| a.get(k)) != b.and_then(|b| b.get(k))).collect()
}

/// Every record added, removed or changed, field by field (what an import shows before it is
/// applied). Records are matched as in [`diff`].
pub fn detailed(before: &Value, after: &Value) -> Vec<RecordDiff> {
    let summary = diff(before, after);
    let mut out = Vec::new();
    if !summary.fields.is_empty() {
        out.push(RecordDiff { kind: None, id: String::new(), change: Change::Changed(summary.fields.clone()) });
    }
    for (kind, c) in summary.kinds {
        let by = |doc| keyed(doc, kind).into_iter().collect::<HashMap<String, &Value>>();
        let (old_by, new_by) = (by(before), by(after));
        for id in c.added {
            out.push(RecordDiff { kind: Some(kind), id, change: Change::Added });
        }
        for id in c.changed {
            let fields = differing(old_by.get(&id).copied(), new_by.get(&id).copied());
            out.push(RecordDiff { kind: Some(kind), id, change: Change::Changed(fields) });
        }
        for id in c.removed {
            out.push(RecordDiff { kind: Some(kind), id, change: Change::Removed });
        }
    }
    out
}
