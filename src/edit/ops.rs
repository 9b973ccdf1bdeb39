//! The edit operations on a dataset's JSON tree and their inverses, and the draft that keeps
//! the tree with its undo and redo history.
//!
//! Every change is an [`Op`]; applying one returns the op that undoes it, so undo is applying
//! inverses in reverse order. A user's action (typing in a field, adding a participant,
//! renaming an id with its references) is one step of ops, undone as one.

use super::path::{Path, Seg};
use serde_json::{Map, Value};
use std::fmt;

/// One change to the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Puts `value` at `path`, or removes the key when `value` is `None`. An object key is
    /// created if absent, with any missing objects on the way; a list position must exist.
    Set { path: Path, value: Option<Value> },
    /// Inserts `value` into the list at `list`, before position `at` (`at` = length appends).
    Insert { list: Path, at: usize, value: Value },
    /// Removes position `at` of the list at `list`.
    Remove { list: Path, at: usize },
}

/// Why an op could not be applied (the tree is left as it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: String) -> Result<T, EditError> {
    Err(EditError(msg))
}

fn list_mut<'v>(doc: &'v mut Value, list: &Path) -> Result<&'v mut Vec<Value>, EditError> {
    match list.get_mut(doc) {
        Some(Value::Array(a)) => Ok(a),
        _ => err(format!("{list} is not a list")),
    }
}

/// Applies `op` to `doc`, returning the op that undoes it.
pub fn apply(doc: &mut Value, op: &Op) -> Result<Op, EditError> {
    match op {
        Op::Insert { list, at, value } => {
            let a = list_mut(doc, list)?;
            if *at > a.len() {
                return err(format!("{list} has no position {at}"));
            }
            a.insert(*at, value.clone());
            Ok(Op::Remove { list: list.clone(), at: *at })
        }
        Op::Remove { list, at } => {
            let a = list_mut(doc, list)?;
            if *at >= a.len() {
                return err(format!("{list} has no position {at}"));
            }
            let value = a.remove(*at);
            Ok(Op::Insert { list: list.clone(), at: *at, value })
        }
        Op::Set { path, value } => set(doc, path, value.clone()),
    }
}

fn set(doc: &mut Value, path: &Path, value: Option<Value>) -> Result<Op, EditError> {
    let Some((parent, last)) = path.split_last() else {
        // The root itself.
        return match value {
            Some(v) => Ok(Op::Set { path: Path::root(), value: Some(std::mem::replace(doc, v)) }),
            None => err("the dataset itself cannot be removed".into()),
        };
    };
    // The deepest ancestor that exists; missing objects below it are created in one go.
    let mut have = parent.0.len();
    while have > 0 && Path(parent.0[..have].to_vec()).get(doc).is_none() {
        have -= 1;
    }
    if have < parent.0.len() {
        let Some(v) = value else {
            // Removing a key under something absent: nothing to do, nothing to undo.
            return Ok(Op::Set { path: path.clone(), value: None });
        };
        let mut built = v;
        for seg in path.0[have + 1..].iter().rev() {
            match seg {
                Seg::Key(k) => built = Value::Object(Map::from_iter([(k.clone(), built)])),
                Seg::Index(_) => return err(format!("{path}: a list on the way is missing")),
            }
        }
        let top = Path(path.0[..=have].to_vec());
        return set(doc, &top, Some(built));
    }
    match (parent.get_mut(doc), last) {
        (Some(Value::Object(m)), Seg::Key(k)) => {
            let old = match value {
                Some(v) => m.insert(k.clone(), v),
                None => m.remove(k),
            };
            Ok(Op::Set { path: path.clone(), value: old })
        }
        (Some(Value::Array(a)), Seg::Index(i)) => match (a.get_mut(*i), value) {
            (Some(slot), Some(v)) => Ok(Op::Set { path: path.clone(), value: Some(std::mem::replace(slot, v)) }),
            (Some(_), None) => err(format!("{path}: remove list items with Remove")),
            (None, _) => err(format!("{parent} has no position {i}")),
        },
        (Some(_), Seg::Key(_)) => err(format!("{parent} is not an object")),
        (Some(_), Seg::Index(_)) => err(format!("{parent} is not a list")),
        (None, _) => err(format!("{parent} does not exist")),
    }
}

/// Applies ops in order, all or none: on a failure the ones applied are undone.
pub fn apply_all(doc: &mut Value, ops: &[Op]) -> Result<Vec<Op>, EditError> {
    let mut inverses = Vec::with_capacity(ops.len());
    for op in ops {
        match apply(doc, op) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                for inv in inverses.iter().rev() {
                    // An inverse of an op just applied always applies.
                    let _ = apply(doc, inv);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(inverses)
}

/// Undo steps kept; older ones are dropped.
pub const UNDO_LIMIT: usize = 500;

#[derive(Debug, Clone, PartialEq)]
struct Step {
    ops: Vec<Op>,
    inverse: Vec<Op>,
    /// Typing in one field: the next keystroke in the same field joins this step.
    typing: Option<Path>,
}

/// A dataset being edited: its tree, and the steps to undo and redo.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    doc: Value,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts every change (edits, undos, redos): a cheap "has it changed" for views.
    revision: u64,
}

impl Draft {
    pub fn new(doc: Value) -> Draft {
        Draft { doc, undo: Vec::new(), redo: Vec::new(), revision: 0 }
    }

    pub fn doc(&self) -> &Value {
        &self.doc
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Applies one user action. Ops that change nothing are not recorded.
    pub fn edit(&mut self, ops: Vec<Op>) -> Result<(), EditError> {
        self.record(ops, None)
    }

    /// Sets one field as the user types: keystrokes in the same field, one after another,
    /// make one undo step.
    pub fn type_into(&mut self, path: Path, value: Option<Value>) -> Result<(), EditError> {
        self.record(vec![Op::Set { path: path.clone(), value }], Some(path))
    }

    /// Ends the current typing step (the field lost focus), so the next keystroke starts a new one.
    pub fn seal(&mut self) {
        if let Some(s) = self.undo.last_mut() {
            s.typing = None;
        }
    }

    fn record(&mut self, ops: Vec<Op>, typing: Option<Path>) -> Result<(), EditError> {
        let before = self.doc.clone();
        let inverse = apply_all(&mut self.doc, &ops)?;
        if self.doc == before {
            return Ok(());
        }
        self.revision += 1;
        self.redo.clear();
        if let (Some(p), Some(last)) = (&typing, self.undo.last_mut()) {
            if last.typing.as_ref() == Some(p) {
                last.ops = ops;
                return Ok(());
            }
        }
        self.undo.push(Step { ops, inverse, typing });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(mut step) = self.undo.pop() else { return false };
        match apply_all(&mut self.doc, &step.inverse) {
            Ok(_) => {
                step.typing = None;
                self.redo.push(step);
                self.revision += 1;
                true
            }
            Err(_) => false,
        }
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else { return false };
        match apply_all(&mut self.doc, &step.ops) {
            Ok(inverse) => {
                self.undo.push(Step { ops: step.ops, inverse, typing: None });
                self.revision += 1;
                true
            }
            Err(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(s: &str) -> Path {
        Path::parse(s).unwrap()
    }

    #[test]
    fn every_op_has_an_inverse_that_restores_the_tree() {
        let start = json!({"events": [{"id": "a", "title": {"en": "A"}}], "languages": ["en"]});
        let ops = [
            Op::Set { path: p("$.events[0].title.en"), value: Some(json!("B")) },
            Op::Set { path: p("$.events[0].title.ru"), value: Some(json!("Б")) },
            Op::Set { path: p("$.events[0].title"), value: None },
            Op::Set { path: p("$.events[0].place.city.en"), value: Some(json!("Almaty")) },
            Op::Set { path: p("$.events[0]"), value: Some(json!({"id": "z"})) },
            Op::Insert { list: p("$.events"), at: 1, value: json!({"id": "b"}) },
            Op::Insert { list: p("$.events"), at: 0, value: json!({"id": "c"}) },
            Op::Remove { list: p("$.events"), at: 0 },
            Op::Set { path: p("$"), value: Some(json!({})) },
        ];
        for op in ops {
            let mut doc = start.clone();
            let inv = apply(&mut doc, &op).unwrap();
            assert_ne!(doc, start, "{op:?} changed nothing");
            apply(&mut doc, &inv).unwrap();
            assert_eq!(doc, start, "{op:?} then {inv:?}");
        }
    }

    #[test]
    fn bad_ops_fail_and_leave_the_tree_alone() {
        let start = json!({"events": [{"id": "a"}], "n": 1});
        for op in [
            Op::Remove { list: p("$.events"), at: 1 },
            Op::Insert { list: p("$.events"), at: 2, value: json!(1) },
            Op::Insert { list: p("$.n"), at: 0, value: json!(1) },
            Op::Set { path: p("$.events[3]"), value: Some(json!(1)) },
            Op::Set { path: p("$.events[0]"), value: None },
            Op::Set { path: p("$.n.x"), value: Some(json!(1)) },
            Op::Set { path: p("$.events.x"), value: Some(json!(1)) },
            Op::Set { path: p("$.missing[0].x"), value: Some(json!(1)) },
            Op::Set { path: p("$"), value: None },
        ] {
            let mut doc = start.clone();
            assert!(apply(&mut doc, &op).is_err(), "{op:?}");
            assert_eq!(doc, start);
        }
        // All or none: the first op of a failing batch is rolled back.
        let mut doc = start.clone();
        let batch = [Op::Set { path: p("$.n"), value: Some(json!(2)) }, Op::Remove { list: p("$.events"), at: 5 }];
        assert!(apply_all(&mut doc, &batch).is_err());
        assert_eq!(doc, start);
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut d = Draft::new(json!({"title": {"en": ""}}));
        for s in ["A", "Al", "Alm"] {
            d.type_into(p("$.title.en"), Some(json!(s))).unwrap();
        }
        d.seal();
        d.type_into(p("$.title.en"), Some(json!("Almaty"))).unwrap();
        assert_eq!(d.undo_depth(), 2);
        assert!(d.undo());
        assert_eq!(d.doc()["title"]["en"], "Alm");
        assert!(d.undo());
        assert_eq!(d.doc()["title"]["en"], "");
        assert!(!d.undo());
        assert!(d.redo() && d.redo());
        assert_eq!(d.doc()["title"]["en"], "Almaty");
        assert!(!d.redo());
    }

    #[test]
    fn a_new_edit_clears_redo_and_no_op_edits_are_not_recorded() {
        let mut d = Draft::new(json!({"a": 1}));
        d.edit(vec![Op::Set { path: p("$.a"), value: Some(json!(2)) }]).unwrap();
        d.edit(vec![Op::Set { path: p("$.a"), value: Some(json!(2)) }]).unwrap();
        assert_eq!(d.undo_depth(), 1);
        let r = d.revision();
        d.undo();
        assert!(d.can_redo());
        d.edit(vec![Op::Set { path: p("$.a"), value: Some(json!(3)) }]).unwrap();
        assert!(!d.can_redo());
        assert!(d.revision() > r);
    }

    #[test]
    fn keeps_at_least_a_hundred_steps() {
        let mut d = Draft::new(json!({"n": 0}));
        for i in 1..=UNDO_LIMIT + 20 {
            d.edit(vec![Op::Set { path: p("$.n"), value: Some(json!(i)) }]).unwrap();
        }
        assert_eq!(d.undo_depth(), UNDO_LIMIT);
        for _ in 0..100 {
            assert!(d.undo());
        }
        assert_eq!(d.doc()["n"], json!(UNDO_LIMIT + 20 - 100));
    }
}
