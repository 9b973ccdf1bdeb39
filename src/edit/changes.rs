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

/// Records are matched by id; a record whose id changed counts as removed and added, and a
/// record without an id (or with a repeated one) by its position.
pub fn diff(before: &Value, after: &Value) -> Changes {
    let mut out = Changes::default();
    for kind in Kind::ALL {
        let key = |i: usize, r: &Value| {
            id_of(r, kind).filter(|s| !s.is_empty()).map(str::to_string).unwrap_or(format!("#{}", i + 1))
        };
        let old: Vec<(String, &Value)> =
            records(before, kind).iter().enumerate().map(|(i, r)| (key(i, r), r)).collect();
        let new: Vec<(String, &Value)> = records(after, kind).iter().enumerate().map(|(i, r)| (key(i, r), r)).collect();
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
    let keys = |v: &Value| v.as_object().map(|m| m.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    let mut all = keys(before);
    all.extend(keys(after));
    all.sort();
    all.dedup();
    out.fields = all.into_iter().filter(|k| !lists.contains(&k.as_str()) && before.get(k) != after.get(k)).collect();
    out
}
