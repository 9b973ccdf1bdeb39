//! The dataset as a workbook of tables, and back: a spreadsheet round trip.
//!
//! [`export`] lays a dataset's JSON out as tables ([`layout::TABLES`]: the top-level fields,
//! events, participants, … one column per field and per language, the record's id first).
//! [`import`] reads such tables and merges them onto a base dataset by ids: a cell that says
//! what the base says leaves the base's value exactly as it is (so an unedited workbook gives
//! back the same bytes after [`crate::canonical::format`]), an edited cell changes that field,
//! a row with a new id adds a record, and a record missing from its sheet is kept (a warning)
//! unless removals are allowed. Every problem names the sheet, row and column and the JSON
//! path the cell maps to; the merged dataset then goes through the validator and the
//! cross-checks ([`crate::crosscheck::check_value`]), whose problems are mapped back to cells
//! where they can be.
//!
//! The file formats are outside the pure part: [`csv`] reads and writes one table as CSV
//! text, [`xlsx`] reads and writes workbooks in memory (`calamine`, `rust_xlsxwriter`: the
//! editor's workbook wasm, `src/bin/sheets.rs`, carries them; the reader never links them),
//! and [`cli`] runs the `sheet` example (folders of CSV files, or workbooks).
//! The workbook's layout is described in `docs/dataset-format.md` ("Workbook").
//!
//! Pure: no web or UI crate.

pub mod cli;
pub mod csv;
mod import;
pub mod layout;
#[cfg(any(not(target_arch = "wasm32"), feature = "sheets"))]
pub mod xlsx;

pub use import::{import, Imported, Options, Summary};

use crate::validate::ProblemKind;
use layout::{cell, columns, field_columns, Col, Shape, TableDef, TABLES};
use serde_json::Value;
use std::fmt;

/// One table: a name and its rows of cells, the header first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// The name of the sheet that explains the others; importing ignores it.
pub const README: &str = "README";

/// What an import problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// A reference column names an id that no record has (or a child row's parent is unknown).
    UnknownId,
    /// A date that does not exist or is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// A language column missing, or a text without one of the dataset's languages.
    Language,
    /// An id given by two rows (or a header given twice).
    Duplicate,
    /// A column (or dataset key) the layout does not have.
    UnknownColumn,
    /// A column (or dataset key) of the layout missing from the sheet.
    MissingColumn,
    /// A cell that does not read as its column's kind (a latitude that is not a number).
    Type,
    /// A required cell left empty (a row without an id, an event without a start).
    Missing,
    /// Warning: a record of the base has no row in its sheet and is kept.
    Kept,
    /// Warning: a sheet is missing (its data is kept from the base) or unknown (ignored).
    Sheet,
    /// A problem the validator or the cross-checks found in the merged dataset.
    Check(ProblemKind),
}

impl IssueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::UnknownId => "unknown_id",
            IssueKind::Date => "date",
            IssueKind::Language => "language",
            IssueKind::Duplicate => "duplicate",
            IssueKind::UnknownColumn => "unknown_column",
            IssueKind::MissingColumn => "missing_column",
            IssueKind::Type => "type",
            IssueKind::Missing => "missing",
            IssueKind::Kept => "kept",
            IssueKind::Sheet => "sheet",
            IssueKind::Check(k) => k.as_str(),
        }
    }

    /// Whether this is a warning (the merged file is still written) rather than an error.
    pub fn is_warning(self) -> bool {
        match self {
            IssueKind::Kept | IssueKind::Sheet => true,
            IssueKind::Check(k) => k.is_warning(),
            _ => false,
        }
    }
}

/// One import problem: where in the workbook, where in the JSON, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub kind: IssueKind,
    /// The sheet, when the problem is in one (a validator problem about a record that has no
    /// row has none).
    pub sheet: Option<String>,
    /// The row, from 1 (the header is row 1), when the problem is in one.
    pub row: Option<usize>,
    /// The column's header (for the dataset sheet: `value`, or `key`).
    pub column: Option<String>,
    /// The JSON path the cell maps to (`$.events[2].start`; `[*]` for a whole column).
    pub path: String,
    pub message: String,
}

impl Issue {
    pub fn is_warning(&self) -> bool {
        self.kind.is_warning()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            write!(f, "sheet {sheet}")?;
            if let Some(row) = self.row {
                write!(f, ", row {row}")?;
            }
            if let Some(column) = &self.column {
                write!(f, ", column {column}")?;
            }
            write!(f, " ({}): ", self.path)?;
        } else {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{} [{}]", self.message, self.kind.as_str())
    }
}

/// The dataset's languages (those every text has a column for).
pub fn languages(doc: &Value) -> Vec<String> {
    crate::edit::records::languages(doc)
}

/// The records of a top-level list (none when it is absent or not a list).
fn list<'a>(doc: &'a Value, key: &str) -> &'a [Value] {
    doc.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// A record's id cell: its first field (`id`, or `code` for a state).
fn id_cell(def: &TableDef, record: &Value) -> String {
    cell(&def.fields[0], None, record)
}

/// The rows (without header) of a child table for one parent record.
fn child_rows(def: &TableDef, list_key: &str, parent_id: &str, parent: &Value, langs: &[String]) -> Vec<Vec<String>> {
    let cols = field_columns(def.fields, langs);
    let items = parent.get(list_key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    items
        .iter()
        .map(|item| {
            let mut row = vec![parent_id.to_string()];
            row.extend(cols.iter().map(|c| match &c.col {
                Col::Field(i, lang) => cell(&def.fields[*i], lang.as_deref(), item),
                Col::Parent => String::new(),
            }));
            row
        })
        .collect()
}

/// One table of the dataset.
fn export_table(def: &TableDef, doc: &Value, langs: &[String]) -> Table {
    let cols = columns(def, langs);
    let mut rows = Vec::new();
    match def.shape {
        Shape::Dataset => {
            rows.push(vec!["key".to_string(), "value".to_string()]);
            for c in &cols {
                if let Col::Field(i, lang) = &c.col {
                    rows.push(vec![c.name.clone(), cell(&def.fields[*i], lang.as_deref(), doc)]);
                }
            }
        }
        Shape::Records { list: key } => {
            rows.push(cols.iter().map(|c| c.name.clone()).collect());
            for record in list(doc, key) {
                rows.push(
                    cols.iter()
                        .map(|c| match &c.col {
                            Col::Field(i, lang) => cell(&def.fields[*i], lang.as_deref(), record),
                            Col::Parent => String::new(),
                        })
                        .collect(),
                );
            }
        }
        Shape::Children { parent, list: key, .. } => {
            rows.push(cols.iter().map(|c| c.name.clone()).collect());
            if let (Some(pdef), Some(plist)) = (layout::table(parent), layout::list_of(def)) {
                for record in list(doc, plist) {
                    rows.extend(child_rows(def, key, &id_cell(pdef, record), record, langs));
                }
            }
        }
    }
    Table { name: def.name.to_string(), rows }
}

/// The dataset as tables, in the order of [`layout::TABLES`]: the first row of each is its
/// header. (The README sheet is [`readme`].)
pub fn export(doc: &Value) -> Vec<Table> {
    let langs = languages(doc);
    TABLES.iter().map(|def| export_table(def, doc, &langs)).collect()
}

/// The README sheet: how the workbook works, then every table's columns with the JSON path
/// each maps to and what it holds.
pub fn readme(langs: &[String]) -> Table {
    let row = |cells: [&str; 4]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let mut rows = vec![
        row(["sheet", "column", "JSON path", "what it holds"]),
        row(["", "", "", "A dataset file as tables; docs/dataset-format.md, section Workbook, tells more."]),
        row(["", "", "", "Row 1 of each sheet is its header: keep the column names, add or remove rows."]),
        row(["", "", "", "Records are matched by the id in the first column: an edited cell changes that field, a new id adds a record, a removed row is kept unless the import allows removals."]),
        row(["", "", "", "A list inside a record (participants, roles, names, readings…) is its parent's rows in their order, the parent's id first."]),
        row(["", "", "", "Texts have one column per language; lists of ids are separated by ';'; dates are text as YYYY, YYYY-MM or YYYY-MM-DD; true or empty for yes/no."]),
    ];
    for def in TABLES {
        let pattern = table_pattern(def);
        rows.push(vec![def.name.to_string(), String::new(), pattern.clone(), def.about.to_string()]);
        let cols = columns(def, langs);
        for c in cols {
            let (path, note) = match &c.col {
                Col::Parent => {
                    let parent = match def.shape {
                        Shape::Children { parent, .. } => parent,
                        _ => "",
                    };
                    (String::new(), format!("id of the record in sheet {parent}"))
                }
                Col::Field(i, lang) => {
                    let field = &def.fields[*i];
                    let mut note = match lang {
                        Some(l) => format!("{} ({l})", field.note),
                        None => field.note.to_string(),
                    };
                    if field.empty == layout::Empty::Required {
                        note.push_str("; required");
                    }
                    (join_path(&pattern, &c.name), note)
                }
            };
            rows.push(vec![def.name.to_string(), c.name, path, note]);
        }
    }
    Table { name: README.to_string(), rows }
}

/// The JSON path of a table's records, `[*]` for any position: `$.events[*]`,
/// `$.events[*].participants[*]`, `$` for the dataset table.
pub fn table_pattern(def: &TableDef) -> String {
    match def.shape {
        Shape::Dataset => "$".to_string(),
        Shape::Records { list } => format!("$.{list}[*]"),
        Shape::Children { list, .. } => {
            let parent = layout::list_of(def).unwrap_or_default();
            format!("$.{parent}[*].{list}[*]")
        }
    }
}

/// A path with a dotted key path appended.
fn join_path(base: &str, dotted: &str) -> String {
    format!("{base}.{dotted}")
}
