//! Tables back to JSON, merged onto a base dataset by ids (see the module documentation of
//! [`super`]).
//!
//! The merge compares each cell with the cell the base would export: a cell that says the
//! same leaves the base's value untouched (so `null`, an absent key or a number written
//! `42.0` stay as they were), and only an edited cell is read and written. A new record is
//! built from its cells alone, by each column's rule for an empty cell.

use super::layout::{self, cell, same, Col, Column, Empty, Field, Shape, TableDef, Target, Val, TABLES};
use super::{id_cell, list, table_pattern, Issue, IssueKind, Table, README};
use crate::date::Date;
use serde_json::{Map, Number, Value};
use std::collections::{HashMap, HashSet, VecDeque};

/// How to merge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Remove the base's records that have no row in their sheet (otherwise they are kept,
    /// with a warning).
    pub allow_removals: bool,
}

/// What an import did to one list of records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub table: &'static str,
    /// Records of the base whose data changed (their rows or their child rows).
    pub changed: usize,
    /// New records (rows with a new id).
    pub added: usize,
    /// Records of the base removed (no row, removals allowed).
    pub removed: usize,
    /// Records of the base without a row, kept.
    pub kept: usize,
}

/// The result of an import: the merged dataset, every problem, and what changed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The base with the tables merged onto it. Only worth writing without errors.
    pub doc: Value,
    /// Sheet problems first, then the validator's and the cross-checks'.
    pub issues: Vec<Issue>,
    /// One entry per table of records (the dataset table counts its changed fields).
    pub summary: Vec<Summary>,
}

impl Imported {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_warning())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_warning())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// 0 clean, 2 warnings only, 1 errors.
    pub fn exit_code(&self) -> i32 {
        if self.has_errors() {
            1
        } else if self.issues.is_empty() {
            0
        } else {
            2
        }
    }
}

/// One cell of a sheet, with its row number (from 1, the header being row 1).
#[derive(Debug, Clone, Copy)]
struct Cell<'a> {
    text: &'a str,
    row: usize,
}

/// A row, with the cell of each layout column (`None` when the column is missing).
#[derive(Debug)]
struct Row<'a> {
    number: usize,
    cells: Vec<Option<Cell<'a>>>,
}

/// A sheet read against its table's layout.
#[derive(Debug)]
struct Sheet<'a> {
    def: &'static TableDef,
    cols: Vec<Column>,
    /// Whether each column is in the sheet.
    has: Vec<bool>,
    rows: Vec<Row<'a>>,
}

impl Sheet<'_> {
    /// The header naming a column in problems (the dataset sheet's cells are all `value`).
    fn label(&self, ci: usize) -> String {
        match self.def.shape {
            Shape::Dataset => "value".to_string(),
            _ => self.cols[ci].name.clone(),
        }
    }
}

/// Where a JSON path's value came from.
#[derive(Debug, Clone)]
struct Loc {
    sheet: &'static str,
    row: usize,
    column: Option<String>,
}

/// What happens to each record of a list: the base's records in order (kept, updated or
/// removed), then the new ones in sheet order.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// Record `pos` of the base, updated from row `row` of its sheet when it has one.
    Base { pos: usize, row: Option<usize> },
    /// A new record, from row `row`.
    New { row: usize },
}

/// The ids of the merged dataset, for the reference columns.
#[derive(Debug, Default)]
struct Ids {
    lists: HashMap<&'static str, HashSet<String>>,
    dataset: String,
}

impl Ids {
    fn in_list(&self, list: &str, id: &str) -> bool {
        self.lists.get(list).is_some_and(|s| s.contains(id))
    }

    /// Whether `id` names a record of the target; `None` when the target is unknown (a
    /// dispute subject of an unknown kind: the validator names that).
    fn has(&self, target: Target, subject_kind: &str, id: &str) -> Option<bool> {
        let list = match target {
            Target::Source => "sources",
            Target::State => "states",
            Target::Organisation => "organisations",
            Target::Subject => match subject_kind {
                "event" => "events",
                "state" => "states",
                "chair_term" => "chair_terms",
                "organisation" => "organisations",
                "dataset" => return Some(id == self.dataset),
                _ => return None,
            },
        };
        Some(self.in_list(list, id))
    }
}

/// What a list's records are called in messages.
fn noun(list: &str) -> &'static str {
    match list {
        "sources" => "source",
        "states" => "state",
        "organisations" => "organisation",
        "events" => "event",
        "chair_terms" => "chair term",
        "disputes" => "dispute",
        _ => "record",
    }
}

fn target_noun(target: Target, subject_kind: &str) -> String {
    match target {
        Target::Source => "source".into(),
        Target::State => "state".into(),
        Target::Organisation => "organisation".into(),
        Target::Subject => subject_kind.replace('_', " "),
    }
}

/// A spreadsheet's letter for a column (0 → A, 26 → AA).
fn letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A dotted path appended to a JSON path.
fn join(base: &str, keys: &[&str]) -> String {
    let mut p = base.to_string();
    for k in keys {
        p.push('.');
        p.push_str(k);
    }
    p
}

/// Writes (or with `None` removes) the value at `path` inside `rec`, making the objects on
/// the way.
fn set_at(rec: &mut Value, path: &[&str], v: Option<Value>) {
    let Some((last, parents)) = path.split_last() else { return };
    let mut cur = rec;
    for k in parents {
        if v.is_none() && cur.get(*k).is_none() {
            return;
        }
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        let Value::Object(m) = cur else { return };
        let next = m.entry(k.to_string()).or_insert(Value::Null);
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        cur = next;
    }
    if !cur.is_object() {
        if v.is_none() {
            return;
        }
        *cur = Value::Object(Map::new());
    }
    if let Value::Object(m) = cur {
        match v {
            Some(v) => {
                m.insert(last.to_string(), v);
            }
            None => {
                m.remove(*last);
            }
        }
    }
}

/// A number as a spreadsheet or a person writes it: an integer stays an integer, anything
/// else is read by Rust's correctly rounded parser (`serde_json`'s own may be off by one unit
/// in the last place, which would change the bytes of an exact value).
fn parse_number(s: &str) -> Option<Number> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = s.parse::<i64>() {
            return Some(Number::from(i));
        }
        if let Ok(u) = s.parse::<u64>() {
            return Some(Number::from(u));
        }
    }
    s.parse::<f64>().ok().filter(|f| f.is_finite()).and_then(Number::from_f64)
}

fn parse_int(s: &str) -> Option<Number> {
    if let Ok(i) = s.parse::<i64>() {
        return Some(Number::from(i));
    }
    let f = s.parse::<f64>().ok().filter(|f| f.is_finite() && f.fract() == 0.0 && f.abs() < 9e15)?;
    Some(Number::from(f as i64))
}

/// Ids separated by `;` (spaces around them allowed).
fn split_ids(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

struct Cx {
    issues: Vec<Issue>,
    locs: HashMap<String, Loc>,
}

impl Cx {
    fn issue(
        &mut self,
        kind: IssueKind,
        sheet: Option<&str>,
        row: Option<usize>,
        column: Option<String>,
        path: String,
        message: String,
    ) {
        self.issues.push(Issue { kind, sheet: sheet.map(str::to_string), row, column, path, message });
    }

    /// A problem in a cell.
    fn at(&mut self, kind: IssueKind, sheet: &Sheet, ci: usize, row: usize, path: String, message: String) {
        self.issue(kind, Some(sheet.def.name), Some(row), Some(sheet.label(ci)), path, message);
    }

    fn locate(&mut self, path: String, sheet: &'static str, row: usize, column: Option<String>) {
        self.locs.entry(path).or_insert(Loc { sheet, row, column });
    }

    /// The cell a JSON path came from: the longest path registered that contains it.
    fn lookup(&self, path: &str) -> Option<&Loc> {
        let mut p = path;
        loop {
            if let Some(l) = self.locs.get(p) {
                return Some(l);
            }
            let cut = p.rfind(['.', '['])?;
            if cut == 0 {
                return None;
            }
            p = &p[..cut];
        }
    }

    /// Reads a table against its layout: header problems, and each non-empty row.
    fn read_sheet<'a>(&mut self, def: &'static TableDef, table: &'a Table, langs: &[String]) -> Sheet<'a> {
        let cols = layout::columns(def, langs);
        let pattern = table_pattern(def);
        let empty = Vec::new();
        let header = table.rows.first().unwrap_or(&empty);
        let mut pos: Vec<Option<usize>> = vec![None; cols.len()];
        let mut named = vec![false; header.len()];
        for (hi, h) in header.iter().enumerate() {
            let h = h.trim();
            if h.is_empty() {
                continue;
            }
            named[hi] = true;
            match cols.iter().position(|c| c.name == h) {
                Some(ci) if pos[ci].is_some() => self.issue(
                    IssueKind::Duplicate,
                    Some(def.name),
                    Some(1),
                    Some(h.to_string()),
                    format!("{pattern}.{h}"),
                    format!(
                        "column {h} is given twice (columns {} and {}); the first is read",
                        letter(pos[ci].unwrap_or(0)),
                        letter(hi)
                    ),
                ),
                Some(ci) => pos[ci] = Some(hi),
                None => self.issue(
                    IssueKind::UnknownColumn,
                    Some(def.name),
                    Some(1),
                    Some(h.to_string()),
                    pattern.clone(),
                    unknown_column_message(h, langs),
                ),
            }
        }
        for (ci, c) in cols.iter().enumerate() {
            if pos[ci].is_none() {
                let (kind, message) = match &c.col {
                    Col::Field(_, Some(l)) => {
                        (IssueKind::Language, format!("no column {} for the language {l}", c.name))
                    }
                    _ => (IssueKind::MissingColumn, format!("no column {}", c.name)),
                };
                self.issue(
                    kind,
                    Some(def.name),
                    Some(1),
                    Some(c.name.clone()),
                    format!("{pattern}.{}", c.name),
                    message,
                );
            }
        }
        // Cells under no header.
        let mut reported = HashSet::new();
        for (ri, raw) in table.rows.iter().enumerate().skip(1) {
            for (hi, c) in raw.iter().enumerate() {
                if !c.trim().is_empty() && !named.get(hi).copied().unwrap_or(false) && reported.insert(hi) {
                    self.issue(
                        IssueKind::UnknownColumn,
                        Some(def.name),
                        Some(ri + 1),
                        Some(format!("column {}", letter(hi))),
                        pattern.clone(),
                        "a cell under no header: name its column, or clear it".into(),
                    );
                }
            }
        }
        let rows = table
            .rows
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, raw)| raw.iter().any(|c| !c.trim().is_empty()))
            .map(|(ri, raw)| Row {
                number: ri + 1,
                cells: pos
                    .iter()
                    .map(|p| p.map(|hi| Cell { text: raw.get(hi).map(String::as_str).unwrap_or(""), row: ri + 1 }))
                    .collect(),
            })
            .collect();
        let has = pos.iter().map(Option::is_some).collect();
        Sheet { def, cols, has, rows }
    }

    /// Reads the dataset table (rows of `key`, `value`) as one row of cells. `None` when it
    /// has no `key` or `value` column.
    fn read_dataset<'a>(&mut self, def: &'static TableDef, table: &'a Table, langs: &[String]) -> Option<Sheet<'a>> {
        let cols = layout::columns(def, langs);
        let empty = Vec::new();
        let header = table.rows.first().unwrap_or(&empty);
        let find = |name: &str| header.iter().position(|h| h.trim() == name);
        let (Some(kc), Some(vc)) = (find("key"), find("value")) else {
            self.issue(
                IssueKind::MissingColumn,
                Some(def.name),
                Some(1),
                None,
                "$".into(),
                "the dataset sheet needs the columns key and value; it is not read".into(),
            );
            return None;
        };
        let mut cells: Vec<Option<Cell>> = vec![None; cols.len()];
        for (ri, raw) in table.rows.iter().enumerate().skip(1) {
            let get = |i: usize| raw.get(i).map(String::as_str).unwrap_or("");
            let (key, value) = (get(kc).trim(), get(vc));
            if key.is_empty() && value.trim().is_empty() {
                continue;
            }
            let row = ri + 1;
            match cols.iter().position(|c| c.name == key) {
                Some(ci) if cells[ci].is_some() => self.issue(
                    IssueKind::Duplicate,
                    Some(def.name),
                    Some(row),
                    Some("key".into()),
                    format!("$.{key}"),
                    format!("the key {key} is also in row {}; the first is read", cells[ci].map_or(0, |c| c.row)),
                ),
                Some(ci) => cells[ci] = Some(Cell { text: value, row }),
                None => self.issue(
                    IssueKind::UnknownColumn,
                    Some(def.name),
                    Some(row),
                    Some("key".into()),
                    "$".into(),
                    format!("unknown key {key:?}"),
                ),
            }
        }
        for (ci, c) in cols.iter().enumerate() {
            // An optional key's row may be left out: the base's value stays.
            let optional = matches!(&c.col, Col::Field(fi, _) if def.fields[*fi].empty == Empty::Absent);
            if cells[ci].is_none() && !optional {
                let (kind, message) = match &c.col {
                    Col::Field(_, Some(l)) => (IssueKind::Language, format!("no row {} for the language {l}", c.name)),
                    _ => (IssueKind::MissingColumn, format!("no row {}", c.name)),
                };
                self.issue(kind, Some(def.name), None, Some("key".into()), format!("$.{}", c.name), message);
            }
        }
        let has = cells.iter().map(Option::is_some).collect();
        Some(Sheet { def, cols, has, rows: vec![Row { number: 0, cells }] })
    }

    /// Registers where each value of a row comes from and checks its reference columns.
    fn check_row(&mut self, sheet: &Sheet, row: &Row, path: &str, ids: &Ids) {
        let def = sheet.def;
        if row.number > 0 {
            self.locate(path.to_string(), def.name, row.number, None);
        }
        let subject_kind = sheet
            .cols
            .iter()
            .position(|c| c.name == "subject.kind")
            .and_then(|ci| row.cells[ci])
            .map_or("", |c| c.text.trim());
        for (ci, col) in sheet.cols.iter().enumerate() {
            let Col::Field(fi, lang) = &col.col else { continue };
            let field = &def.fields[*fi];
            let fpath = join(path, field.path);
            let Some(c) = row.cells[ci] else { continue };
            let label = sheet.label(ci);
            if let Some(l) = lang {
                self.locate(fpath.clone(), def.name, c.row, Some(label.clone()));
                self.locate(format!("{fpath}.{l}"), def.name, c.row, Some(label));
            } else {
                self.locate(fpath.clone(), def.name, c.row, Some(label));
            }
            let text = c.text.trim();
            match field.val {
                Val::Ref(target) if !text.is_empty() && ids.has(target, subject_kind, text) == Some(false) => {
                    let what = target_noun(target, subject_kind);
                    let key = if target == Target::State { "code" } else { "id" };
                    self.at(IssueKind::UnknownId, sheet, ci, c.row, fpath, format!("no {what} has the {key} {text:?}"));
                }
                Val::Ids(target) => {
                    for (k, id) in split_ids(text).iter().enumerate() {
                        if ids.has(target, subject_kind, id) == Some(false) {
                            let what = target_noun(target, subject_kind);
                            self.at(
                                IssueKind::UnknownId,
                                sheet,
                                ci,
                                c.row,
                                format!("{fpath}[{k}]"),
                                format!("no {what} has the id {id:?}"),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Writes a row's edited cells into `rec` (a copy of `base`, or a new record when `base`
    /// is `None`, in which case every cell counts as edited).
    fn apply(&mut self, sheet: &Sheet, row: &Row, rec: &mut Value, base: Option<&Value>, path: &str, ids: &Ids) {
        self.check_row(sheet, row, path, ids);
        let def = sheet.def;
        let mut touched: HashSet<&str> = HashSet::new();
        for (fi, field) in def.fields.iter().enumerate() {
            let cols: Vec<usize> =
                (0..sheet.cols.len()).filter(|&ci| matches!(sheet.cols[ci].col, Col::Field(i, _) if i == fi)).collect();
            if cols.is_empty() {
                continue;
            }
            let lang_of = |ci: usize| match &sheet.cols[ci].col {
                Col::Field(_, l) => l.as_deref(),
                Col::Parent => None,
            };
            let edited = match base {
                None => true,
                Some(b) => cols
                    .iter()
                    .any(|&ci| row.cells[ci].is_some_and(|c| !same(field.val, c.text, &cell(field, lang_of(ci), b)))),
            };
            if !edited {
                continue;
            }
            if field.path.len() > 1 {
                touched.insert(field.path[0]);
            }
            let fpath = join(path, field.path);
            if field.val == Val::Text {
                self.apply_text(sheet, row, rec, field, &cols, &fpath);
                continue;
            }
            let ci = cols[0];
            let c = row.cells[ci].unwrap_or(Cell { text: "", row: row.number });
            let text = c.text.trim();
            let value = if text.is_empty() {
                None
            } else {
                match self.read_value(field.val, text) {
                    Ok(v) => v,
                    Err((kind, message)) => {
                        self.at(kind, sheet, ci, c.row, fpath, message);
                        continue;
                    }
                }
            };
            match value {
                Some(v) => set_at(rec, field.path, Some(v)),
                None => match field.empty {
                    Empty::Absent => set_at(rec, field.path, None),
                    Empty::Null => set_at(rec, field.path, Some(Value::Null)),
                    Empty::List => set_at(rec, field.path, Some(Value::Array(Vec::new()))),
                    Empty::Required => self.at(
                        IssueKind::Missing,
                        sheet,
                        ci,
                        c.row,
                        fpath,
                        format!("{} is required: {}", sheet.cols[ci].name, field.note),
                    ),
                },
            }
        }
        for (key, rule) in def.containers {
            if base.is_some() && !touched.contains(key) {
                continue;
            }
            let empty = match rec.get(*key) {
                None | Some(Value::Null) => true,
                Some(Value::Object(m)) => m.is_empty(),
                Some(_) => false,
            };
            if empty {
                match rule {
                    Empty::Null => set_at(rec, &[key], Some(Value::Null)),
                    Empty::Absent => set_at(rec, &[key], None),
                    Empty::List | Empty::Required => {}
                }
            }
        }
    }

    /// A non-empty cell's value (`Ok(None)` for a list of nothing but separators).
    fn read_value(&self, val: Val, text: &str) -> Result<Option<Value>, (IssueKind, String)> {
        Ok(Some(match val {
            Val::Str | Val::Ref(_) => Value::String(text.to_string()),
            Val::Date => match Date::parse(text) {
                Ok(_) => Value::String(text.to_string()),
                Err(e) => return Err((IssueKind::Date, format!("{text:?}: {e}"))),
            },
            Val::Number => match parse_number(text) {
                Some(n) => Value::Number(n),
                None => return Err((IssueKind::Type, format!("{text:?} is not a number"))),
            },
            Val::Int => match parse_int(text) {
                Some(n) => Value::Number(n),
                None => return Err((IssueKind::Type, format!("{text:?} is not a whole number"))),
            },
            Val::Bool => match text.to_ascii_lowercase().as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => return Err((IssueKind::Type, format!("{text:?}: write true, or leave the cell empty"))),
            },
            Val::Ids(_) | Val::Langs => {
                let items = split_ids(text);
                if items.is_empty() {
                    return Ok(None);
                }
                Value::Array(items.into_iter().map(Value::String).collect())
            }
            Val::Text => Value::String(text.to_string()),
        }))
    }

    /// Writes an edited text: every language filled (the base's other keys kept), or none.
    fn apply_text(&mut self, sheet: &Sheet, row: &Row, rec: &mut Value, field: &Field, cols: &[usize], fpath: &str) {
        let current = layout::get(rec, field.path).cloned();
        let parts: Vec<(usize, &str, String, usize)> = cols
            .iter()
            .filter_map(|&ci| {
                let Col::Field(_, Some(l)) = &sheet.cols[ci].col else { return None };
                let text = match row.cells[ci] {
                    Some(c) => c.text.to_string(),
                    // A missing column (reported already): the record's own text.
                    None => current.as_ref().and_then(|t| t.get(l)).and_then(Value::as_str).unwrap_or("").to_string(),
                };
                let at = row.cells[ci].map_or(row.number, |c| c.row);
                Some((ci, l.as_str(), text, at))
            })
            .collect();
        let filled = parts.iter().filter(|p| !p.2.is_empty()).count();
        if filled == 0 {
            match field.empty {
                Empty::Absent => set_at(rec, field.path, None),
                Empty::Null => set_at(rec, field.path, Some(Value::Null)),
                Empty::List => set_at(rec, field.path, Some(Value::Array(Vec::new()))),
                Empty::Required => {
                    for (ci, l, _, at) in &parts {
                        let msg = format!("{} is required: {} in every language", field.path.join("."), field.note);
                        self.at(IssueKind::Missing, sheet, *ci, *at, format!("{fpath}.{l}"), msg);
                    }
                }
            }
            return;
        }
        if filled < parts.len() {
            for (ci, l, text, at) in &parts {
                if text.is_empty() {
                    let msg = format!("no text in {l}: every text needs every language of the dataset");
                    self.at(IssueKind::Language, sheet, *ci, *at, format!("{fpath}.{l}"), msg);
                }
            }
            return;
        }
        let mut text = match current {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for (_, l, t, _) in parts {
            text.insert(l.to_string(), Value::String(t));
        }
        set_at(rec, field.path, Some(Value::Object(text)));
    }

    /// Whether a child row says what a base list element would export.
    fn row_unchanged(sheet: &Sheet, row: &Row, item: &Value) -> bool {
        sheet.cols.iter().enumerate().all(|(ci, col)| match (&col.col, row.cells[ci]) {
            (Col::Field(fi, lang), Some(c)) => {
                let field = &sheet.def.fields[*fi];
                same(field.val, c.text, &cell(field, lang.as_deref(), item))
            }
            _ => true,
        })
    }
}

fn unknown_column_message(h: &str, langs: &[String]) -> String {
    match h.rsplit_once('.') {
        Some((_, l)) if crate::ids::is_lang_code(l) && !langs.iter().any(|x| x == l) => {
            format!("unknown column {h}: {l} is not one of the dataset's languages ({})", langs.join(", "))
        }
        _ => format!("unknown column {h}"),
    }
}

/// The languages the sheets are read in: the dataset sheet's `languages` row when it lists
/// valid codes, else the base's.
fn sheet_languages(dataset: Option<&Table>, base: &Value) -> Vec<String> {
    let from_sheet = dataset.and_then(|t| {
        let header = t.rows.first()?;
        let kc = header.iter().position(|h| h.trim() == "key")?;
        let vc = header.iter().position(|h| h.trim() == "value")?;
        let row = t.rows.iter().skip(1).find(|r| r.get(kc).is_some_and(|k| k.trim() == "languages"))?;
        let langs = split_ids(row.get(vc)?);
        (!langs.is_empty() && langs.iter().all(|l| crate::ids::is_lang_code(l))).then_some(langs)
    });
    from_sheet.unwrap_or_else(|| super::languages(base))
}

/// Reads tables (as [`super::export`] writes them, edited or not) and merges them onto
/// `base` by ids. Sheets are found by name; the README sheet is ignored, an unknown sheet is
/// a warning, a missing one keeps the base's data for it (a warning).
pub fn import(tables: &[Table], base: &Value, opts: Options) -> Imported {
    let mut cx = Cx { issues: Vec::new(), locs: HashMap::new() };
    let mut by_name: HashMap<&str, &Table> = HashMap::new();
    for t in tables {
        if t.name == README {
            continue;
        }
        if layout::table(&t.name).is_none() {
            cx.issue(IssueKind::Sheet, Some(&t.name), None, None, "$".into(), "unknown sheet: ignored".into());
            continue;
        }
        if by_name.contains_key(t.name.as_str()) {
            let msg = "the sheet is given twice: the first is read".to_string();
            cx.issue(IssueKind::Duplicate, Some(&t.name), None, None, "$".into(), msg);
            continue;
        }
        by_name.insert(&t.name, t);
    }
    for def in TABLES {
        if !by_name.contains_key(def.name) {
            let msg = "the sheet is missing: its data is kept from the base".to_string();
            cx.issue(IssueKind::Sheet, Some(def.name), None, None, table_pattern(def), msg);
        }
    }
    let langs = sheet_languages(by_name.get("dataset").copied(), base);

    // Read every sheet.
    let mut sheets: HashMap<&'static str, Sheet> = HashMap::new();
    for def in TABLES {
        let Some(table) = by_name.get(def.name) else { continue };
        let sheet = match def.shape {
            Shape::Dataset => cx.read_dataset(def, table, &langs),
            _ => Some(cx.read_sheet(def, table, &langs)),
        };
        if let Some(sheet) = sheet {
            sheets.insert(def.name, sheet);
        }
    }

    // Plan each list of records: which base records stay, which rows are new.
    let mut plans: HashMap<&'static str, Vec<Slot>> = HashMap::new();
    let mut summary = Vec::new();
    for def in TABLES {
        let Shape::Records { list: key } = def.shape else { continue };
        let base_list = list(base, key);
        let mut s = Summary { table: def.name, ..Summary::default() };
        // Without the sheet or its id column nothing can be matched: the base's list stays.
        let Some(sheet) = sheets.get(def.name).filter(|s| s.has[0]) else {
            plans.insert(def.name, (0..base_list.len()).map(|pos| Slot::Base { pos, row: None }).collect());
            summary.push(s);
            continue;
        };
        let mut by_id: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (pos, rec) in base_list.iter().enumerate() {
            by_id.entry(id_cell(def, rec)).or_default().push_back(pos);
        }
        let mut matched: Vec<Option<usize>> = vec![None; base_list.len()];
        let mut first_row: HashMap<&str, usize> = HashMap::new();
        let mut new_rows = Vec::new();
        // (row, id, the row that gave the id first): reported at the record that has the id.
        let mut duplicates: Vec<(usize, &str, usize)> = Vec::new();
        let id_col = sheet.cols[0].name.clone();
        for (ri, row) in sheet.rows.iter().enumerate() {
            let id = row.cells[0].map_or("", |c| c.text.trim());
            if let Some(pos) = by_id.get_mut(id).and_then(VecDeque::pop_front) {
                matched[pos] = Some(ri);
                first_row.entry(id).or_insert(row.number);
                continue;
            }
            if id.is_empty() {
                let msg = format!("a row without an id: rows are matched to records by {id_col}");
                cx.at(IssueKind::Missing, sheet, 0, row.number, format!("$.{key}"), msg);
                continue;
            }
            if let Some(first) = first_row.get(id) {
                duplicates.push((row.number, id, *first));
                continue;
            }
            first_row.insert(id, row.number);
            new_rows.push(ri);
        }
        let mut slots = Vec::new();
        for (pos, m) in matched.iter().enumerate() {
            match m {
                Some(ri) => slots.push(Slot::Base { pos, row: Some(*ri) }),
                None if opts.allow_removals => s.removed += 1,
                None => {
                    s.kept += 1;
                    let id = id_cell(def, &base_list[pos]);
                    let msg = format!(
                        "the {} {id:?} has no row: kept as it is (import with removals allowed to remove it)",
                        noun(key)
                    );
                    let path = format!("$.{key}[{}]", slots.len());
                    cx.issue(IssueKind::Kept, Some(def.name), None, Some(id_col.clone()), path, msg);
                    slots.push(Slot::Base { pos, row: None });
                }
            }
        }
        s.added = new_rows.len();
        slots.extend(new_rows.into_iter().map(|row| Slot::New { row }));
        for (number, id, first) in duplicates {
            let at = slots.iter().position(|slot| match *slot {
                Slot::Base { pos, .. } => id_cell(def, &base_list[pos]) == id,
                Slot::New { row } => sheet.rows[row].cells[0].is_some_and(|c| c.text.trim() == id),
            });
            let path = at.map_or(format!("$.{key}"), |i| format!("$.{key}[{i}].{}", def.fields[0].path[0]));
            let msg = format!("the {} {id:?} is also in row {first}: ids are unique; this row is not read", noun(key));
            cx.at(IssueKind::Duplicate, sheet, 0, number, path, msg);
        }
        plans.insert(def.name, slots);
        summary.push(s);
    }

    // The ids of the merged dataset.
    let mut ids = Ids::default();
    for def in TABLES {
        let Shape::Records { list: key } = def.shape else { continue };
        let base_list = list(base, key);
        let sheet = sheets.get(def.name);
        let set = plans[def.name]
            .iter()
            .map(|slot| match *slot {
                Slot::Base { pos, .. } => id_cell(def, &base_list[pos]),
                Slot::New { row } => {
                    sheet.and_then(|s| s.rows[row].cells[0]).map_or(String::new(), |c| c.text.trim().to_string())
                }
            })
            .collect();
        ids.lists.insert(key, set);
    }
    let dataset_def = &TABLES[0];
    ids.dataset = sheets
        .get("dataset")
        .and_then(|s| {
            let ci = s.cols.iter().position(|c| c.name == "id")?;
            s.rows[0].cells[ci].map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| layout::cell_text(Val::Str, base.get("id"), None));

    // Build the records.
    let mut built: HashMap<&'static str, Vec<Value>> = HashMap::new();
    for def in TABLES {
        let Shape::Records { list: key } = def.shape else { continue };
        let base_list = list(base, key);
        let sheet = sheets.get(def.name);
        let mut records = Vec::new();
        for (idx, slot) in plans[def.name].iter().enumerate() {
            let path = format!("$.{key}[{idx}]");
            let rec = match (*slot, sheet) {
                (Slot::Base { pos, row: Some(ri) }, Some(sheet)) => {
                    let mut rec = base_list[pos].clone();
                    cx.apply(sheet, &sheet.rows[ri], &mut rec, Some(&base_list[pos]), &path, &ids);
                    rec
                }
                (Slot::New { row }, Some(sheet)) => {
                    let mut rec = Value::Object(Map::new());
                    cx.apply(sheet, &sheet.rows[row], &mut rec, None, &path, &ids);
                    rec
                }
                (Slot::Base { pos, .. }, _) => base_list[pos].clone(),
                (Slot::New { .. }, None) => Value::Null,
            };
            records.push(rec);
        }
        built.insert(key, records);
    }

    // The lists inside records: each parent's rows, in order.
    for def in TABLES {
        let Shape::Children { parent, parent_col, list: key, empty } = def.shape else { continue };
        let (Some(pdef), Some(plist)) = (layout::table(parent), layout::list_of(def)) else { continue };
        let Some(sheet) = sheets.get(def.name) else { continue };
        if !sheet.has[0] {
            continue; // no parent column (reported): the base's lists stay
        }
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (ri, row) in sheet.rows.iter().enumerate() {
            let pid = row.cells[0].map_or("", |c| c.text.trim());
            if pid.is_empty() {
                let msg = format!("a row without {parent_col}: each row belongs to a record of sheet {parent}");
                cx.at(IssueKind::Missing, sheet, 0, row.number, format!("$.{plist}"), msg);
            } else if !ids.in_list(plist, pid) {
                let msg = format!("no {} has the id {pid:?}", noun(plist));
                cx.at(IssueKind::UnknownId, sheet, 0, row.number, format!("$.{plist}"), msg);
            } else {
                groups.entry(pid).or_default().push(ri);
            }
        }
        let base_list = list(base, plist);
        let Some(records) = built.get_mut(plist) else { continue };
        for (idx, slot) in plans[pdef.name].iter().enumerate() {
            let pid = id_cell(pdef, &records[idx]);
            let rows = groups.remove(pid.as_str()).unwrap_or_default();
            let base_parent = match *slot {
                Slot::Base { pos, .. } => Some(&base_list[pos]),
                Slot::New { .. } => None,
            };
            let base_items: &[Value] =
                base_parent.and_then(|p| p.get(key)).and_then(Value::as_array).map_or(&[], Vec::as_slice);
            let ppath = format!("$.{plist}[{idx}].{key}");
            let unchanged = base_parent.is_some()
                && rows.len() == base_items.len()
                && rows.iter().zip(base_items).all(|(&ri, item)| Cx::row_unchanged(sheet, &sheet.rows[ri], item));
            if unchanged {
                for (i, &ri) in rows.iter().enumerate() {
                    cx.check_row(sheet, &sheet.rows[ri], &format!("{ppath}[{i}]"), &ids);
                }
                continue;
            }
            let mut items = Vec::new();
            for (i, &ri) in rows.iter().enumerate() {
                let path = format!("{ppath}[{i}]");
                let item = match base_parent.and(base_items.get(i)) {
                    Some(b) => {
                        let mut item = b.clone();
                        cx.apply(sheet, &sheet.rows[ri], &mut item, Some(b), &path, &ids);
                        item
                    }
                    None => {
                        let mut item = Value::Object(Map::new());
                        cx.apply(sheet, &sheet.rows[ri], &mut item, None, &path, &ids);
                        item
                    }
                };
                items.push(item);
            }
            let rec = &mut records[idx];
            if items.is_empty() {
                match empty {
                    Empty::List => set_at(rec, &[key], Some(Value::Array(Vec::new()))),
                    Empty::Null => set_at(rec, &[key], Some(Value::Null)),
                    Empty::Absent | Empty::Required => set_at(rec, &[key], None),
                }
            } else {
                set_at(rec, &[key], Some(Value::Array(items)));
            }
        }
    }

    // The top-level fields, then the lists.
    let mut doc = if base.is_object() { base.clone() } else { Value::Object(Map::new()) };
    let mut dataset_summary = Summary { table: "dataset", ..Summary::default() };
    if let Some(sheet) = sheets.get("dataset") {
        let row = &sheet.rows[0];
        let mut root = doc.clone();
        cx.apply(sheet, row, &mut root, Some(base), "$", &ids);
        dataset_summary.changed =
            dataset_def.fields.iter().filter(|f| root.get(f.path[0]) != base.get(f.path[0])).count();
        doc = root;
    }
    for def in TABLES {
        let Shape::Records { list: key } = def.shape else { continue };
        let Some(records) = built.remove(key) else { continue };
        let base_list = list(base, key);
        if let Some(s) = summary.iter_mut().find(|s| s.table == def.name) {
            s.changed = plans[def.name]
                .iter()
                .zip(&records)
                .filter(|(slot, rec)| matches!(slot, Slot::Base { pos, .. } if base_list[*pos] != **rec))
                .count();
        }
        let unchanged_empty = records.is_empty() && matches!(base.get(key), None | Some(Value::Null));
        if !unchanged_empty {
            set_at(&mut doc, &[key], Some(Value::Array(records)));
        }
    }
    summary.insert(0, dataset_summary);

    // The validator and the cross-checks, on the merged dataset.
    let reported: HashSet<String> = cx.issues.iter().filter(|i| !i.is_warning()).map(|i| i.path.clone()).collect();
    let problems = match crate::crosscheck::check_value(&doc) {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    for p in problems {
        if reported.contains(&p.path) {
            continue;
        }
        let loc = cx.lookup(&p.path).cloned();
        cx.issues.push(Issue {
            kind: IssueKind::Check(p.kind),
            sheet: loc.as_ref().map(|l| l.sheet.to_string()),
            row: loc.as_ref().map(|l| l.row),
            column: loc.and_then(|l| l.column),
            path: p.path,
            message: p.message,
        });
    }
    Imported { doc, issues: cx.issues, summary }
}
