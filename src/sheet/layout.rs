//! The workbook's layout: which tables there are, which record list each one holds, and what
//! each column is (its JSON field, the kind of value, what an empty cell means).
//!
//! A column is named by its field's path inside the record, dot-separated, with the language
//! last for a text: `start`, `place.country`, `title.en`, `capital.name.ru`. So the JSON path
//! of a cell is its record's path, a dot, and the column name (a list of ids adds `[k]`).

use serde_json::Value;

/// What a cell holds, and how its text maps to JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Val {
    /// A string, as written (trimmed).
    Str,
    /// A date in the dataset's own syntax (`2013`, `2013-06`, `2013-06-05`), kept as text.
    Date,
    /// A JSON number (latitude, longitude).
    Number,
    /// An integer.
    Int,
    /// `true`, or empty (`false` is read too).
    Bool,
    /// Ids separated by `;`, each naming a record of the target.
    Ids(Target),
    /// One id naming a record of the target.
    Ref(Target),
    /// A multi-language text: one column per language of the dataset.
    Text,
    /// Language codes separated by `;` (the dataset's `languages`).
    Langs,
}

/// What an id in a reference column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Source,
    State,
    Organisation,
    /// A dispute's subject: a record of the kind in the row's `subject.kind` (or the dataset).
    Subject,
}

/// What an empty cell writes into the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// The key is left out.
    Absent,
    /// The key holds `null` (a role's or chair term's open end, a source without a link, an
    /// event without a place).
    Null,
    /// An empty list (a state name that no source states: general knowledge).
    List,
    /// Nothing: the value is required, and an empty cell is a problem.
    Required,
}

/// One field of a record, shown in one column (or one per language for a text).
#[derive(Debug)]
pub struct Field {
    /// The keys from the record to the value.
    pub path: &'static [&'static str],
    pub val: Val,
    pub empty: Empty,
    /// What the column holds, for the README sheet.
    pub note: &'static str,
}

/// Where a table's rows come from.
#[derive(Debug)]
pub enum Shape {
    /// The top-level fields: one row per field (or per language of a text), as `key`, `value`.
    Dataset,
    /// A top-level list of records; the first field is the record's id.
    Records { list: &'static str },
    /// A list inside the records of another table, one row per element. The first column
    /// holds the parent record's id; a parent's rows, in sheet order, are the list in order.
    Children {
        /// The parent table's name.
        parent: &'static str,
        /// The first column's name.
        parent_col: &'static str,
        /// The key of the list inside the parent record.
        list: &'static str,
        /// What a parent without rows holds.
        empty: Empty,
    },
}

/// One table of the workbook.
#[derive(Debug)]
pub struct TableDef {
    pub name: &'static str,
    pub shape: Shape,
    pub fields: &'static [Field],
    /// Objects inside the record that hold fields (`place`, `grid`): what the record holds
    /// when all their cells are empty.
    pub containers: &'static [(&'static str, Empty)],
    /// One line on the table, for the README sheet.
    pub about: &'static str,
}

const fn f(path: &'static [&'static str], val: Val, empty: Empty, note: &'static str) -> Field {
    Field { path, val, empty, note }
}

use Empty::{Absent, List, Null, Required};
use Val::*;

const DATASET: &[Field] = &[
    f(&["$schema"], Str, Absent, "the JSON Schema's address (optional)"),
    f(&["format_version"], Int, Required, "1"),
    f(&["id"], Str, Required, "the dataset's id"),
    f(&["languages"], Langs, Required, "language codes separated by ';', the first is the default"),
    f(&["title"], Text, Required, "the dataset's title"),
    f(&["description"], Text, Required, "what the dataset covers"),
    f(&["updated"], Date, Required, "when the dataset was last checked"),
];

const ROLE_SPAN: &[Field] = &[
    f(&["role"], Str, Required, "the role"),
    f(&["from"], Date, Required, "first date of the role"),
    f(&["to"], Date, Null, "last date; empty = still holding (null)"),
    f(&["ends"], Str, Absent, "how the end is known: stated or last_record (optional)"),
    f(&["sources"], Ids(Target::Source), Required, "source ids separated by ';'"),
    f(&["confidence"], Str, Required, "seen, seen_partial, inferred or gk"),
    f(&["note"], Text, Absent, "note (optional)"),
];

/// Every table, in the workbook's order.
pub const TABLES: &[TableDef] = &[
    TableDef {
        name: "dataset",
        shape: Shape::Dataset,
        fields: DATASET,
        containers: &[],
        about: "the top-level fields, one per row: key, value",
    },
    TableDef {
        name: "events",
        shape: Shape::Records { list: "events" },
        fields: &[
            f(&["id"], Str, Required, "the event's id"),
            f(&["start"], Date, Required, "first day (or month, or year)"),
            f(&["end"], Date, Absent, "last day of a multi-day meeting (optional)"),
            f(&["uncertain"], Bool, Absent, "true when the date itself is uncertain"),
            f(&["place", "city"], Text, Absent, "city"),
            f(&["place", "country"], Ref(Target::State), Absent, "state code of the city"),
            f(&["place", "lat"], Number, Absent, "latitude of the city"),
            f(&["place", "lon"], Number, Absent, "longitude of the city"),
            f(&["place", "online"], Bool, Absent, "true for an online meeting (leave the city empty)"),
            f(&["level"], Str, Required, "founding_conference, ministerial, senior_officials, …"),
            f(&["title"], Text, Required, "title"),
            f(&["summary"], Text, Required, "summary"),
            f(&["sources"], Ids(Target::Source), Required, "source ids separated by ';'"),
            f(&["confidence"], Str, Required, "seen, seen_partial, inferred or gk"),
            f(&["note"], Text, Absent, "note (optional)"),
        ],
        containers: &[("place", Null)],
        about: "one row per event; all place cells empty = no place (null)",
    },
    TableDef {
        name: "participants",
        shape: Shape::Children { parent: "events", parent_col: "event_id", list: "participants", empty: Absent },
        fields: &[
            f(&["state"], Ref(Target::State), Required, "state code"),
            f(&["role"], Str, Required, "signatory, member, observer, guest, participant, chair or applicant"),
            f(&["sources"], Ids(Target::Source), Absent, "source ids separated by ';' (optional)"),
        ],
        containers: &[],
        about: "the states at each event, in order",
    },
    TableDef {
        name: "event_organisations",
        shape: Shape::Children { parent: "events", parent_col: "event_id", list: "organisations", empty: Absent },
        fields: &[
            f(&["org"], Ref(Target::Organisation), Required, "organisation id"),
            f(&["role"], Str, Required, "organiser, secretariat, participant, invited, observer or applicant"),
        ],
        containers: &[],
        about: "the organisations at each event, in order",
    },
    TableDef {
        name: "outcomes",
        shape: Shape::Children { parent: "events", parent_col: "event_id", list: "outcomes", empty: Absent },
        fields: &[
            f(&["title"], Text, Required, "title of the document"),
            f(&["kind"], Str, Required, "declaration, communique, framework, action_plan, …"),
            f(&["url"], Str, Absent, "link (optional)"),
            f(&["archived_url"], Str, Absent, "archived copy (optional)"),
            f(&["sources"], Ids(Target::Source), Absent, "source ids separated by ';' (optional)"),
        ],
        containers: &[],
        about: "the documents each event adopted, in order",
    },
    TableDef {
        name: "state_names",
        shape: Shape::Children { parent: "states", parent_col: "state_code", list: "names", empty: List },
        fields: &[
            f(&["short"], Text, Required, "short name"),
            f(&["official"], Text, Required, "official name"),
            f(&["from"], Date, Absent, "first date of the name (optional)"),
            f(&["to"], Date, Absent, "last date of the name (optional)"),
            f(&["sources"], Ids(Target::Source), List, "source ids separated by ';'; empty = general knowledge ([])"),
        ],
        containers: &[],
        about: "the names of each state, oldest first",
    },
    TableDef {
        name: "states",
        shape: Shape::Records { list: "states" },
        fields: &[
            f(&["code"], Str, Required, "ISO 3166-1 alpha-2 code, the state's id"),
            f(&["capital", "name"], Text, Required, "capital"),
            f(&["capital", "lat"], Number, Required, "latitude of the capital"),
            f(&["capital", "lon"], Number, Required, "longitude of the capital"),
            f(&["grid", "col"], Int, Absent, "manual tile column (optional, with grid.row)"),
            f(&["grid", "row"], Int, Absent, "manual tile row (optional, with grid.col)"),
        ],
        containers: &[("grid", Absent)],
        about: "one row per state",
    },
    TableDef {
        name: "state_roles",
        shape: Shape::Children { parent: "states", parent_col: "state_code", list: "roles", empty: List },
        fields: ROLE_SPAN,
        containers: &[],
        about: "each state's role timeline, in order",
    },
    TableDef {
        name: "organisations",
        shape: Shape::Records { list: "organisations" },
        fields: &[
            f(&["id"], Str, Required, "the organisation's id"),
            f(&["name"], Text, Required, "full name"),
            f(&["short"], Text, Required, "short name"),
        ],
        containers: &[],
        about: "one row per organisation",
    },
    TableDef {
        name: "organisation_roles",
        shape: Shape::Children { parent: "organisations", parent_col: "organisation_id", list: "roles", empty: List },
        fields: ROLE_SPAN,
        containers: &[],
        about: "each organisation's role timeline, in order",
    },
    TableDef {
        name: "chair_terms",
        shape: Shape::Records { list: "chair_terms" },
        fields: &[
            f(&["id"], Str, Required, "the chair term's id"),
            f(&["state"], Ref(Target::State), Required, "state code of the chair"),
            f(&["from"], Date, Required, "first date of the term"),
            f(&["to"], Date, Null, "last date; empty = still chairing (null)"),
            f(&["chairperson"], Text, Absent, "chairperson (optional)"),
            f(&["sources"], Ids(Target::Source), Required, "source ids separated by ';'"),
            f(&["confidence"], Str, Required, "seen, seen_partial, inferred or gk"),
            f(&["note"], Text, Absent, "note (optional)"),
        ],
        containers: &[],
        about: "one row per chair term",
    },
    TableDef {
        name: "sources",
        shape: Shape::Records { list: "sources" },
        fields: &[
            f(&["id"], Str, Required, "the source's id"),
            f(&["title"], Text, Required, "title"),
            f(&["publisher"], Text, Required, "publisher"),
            f(&["url"], Str, Null, "link; empty = none (null)"),
            f(&["archived_url"], Str, Absent, "archived copy (optional)"),
            f(&["kind"], Str, Required, "official, government, press, ngo, mirror or primary"),
            f(&["context_only"], Bool, Absent, "true for a source cited for background only"),
            f(&["note"], Text, Absent, "note (optional)"),
        ],
        containers: &[],
        about: "one row per source",
    },
    TableDef {
        name: "disputes",
        shape: Shape::Records { list: "disputes" },
        fields: &[
            f(&["id"], Str, Required, "the dispute's id"),
            f(&["subject", "kind"], Str, Required, "event, state, chair_term, organisation or dataset"),
            f(&["subject", "id"], Ref(Target::Subject), Required, "id of the record disputed"),
            f(&["field"], Str, Required, "which fact of the subject is disputed"),
            f(&["summary"], Text, Required, "summary"),
        ],
        containers: &[],
        about: "one row per dispute",
    },
    TableDef {
        name: "readings",
        shape: Shape::Children { parent: "disputes", parent_col: "dispute_id", list: "readings", empty: List },
        fields: &[
            f(&["text"], Text, Required, "what the sources say"),
            f(&["sources"], Ids(Target::Source), Required, "source ids separated by ';'"),
        ],
        containers: &[],
        about: "the readings of each dispute (at least two), in order",
    },
    TableDef {
        name: "changes",
        shape: Shape::Records { list: "changes" },
        fields: &[
            f(&["id"], Str, Required, "the change's id"),
            f(&["date"], Date, Required, "when the change was made"),
            f(&["what"], Text, Required, "what changed"),
            f(&["why"], Text, Required, "why"),
            f(&["sources"], Ids(Target::Source), Absent, "source ids separated by ';' (optional)"),
        ],
        containers: &[],
        about: "the dataset's change log, one row per change",
    },
];

/// The table of this name.
pub fn table(name: &str) -> Option<&'static TableDef> {
    TABLES.iter().find(|t| t.name == name)
}

/// The top-level list of a records table, or of a child table's parent.
pub fn list_of(def: &TableDef) -> Option<&'static str> {
    match def.shape {
        Shape::Records { list } => Some(list),
        Shape::Children { parent, .. } => table(parent).and_then(list_of),
        Shape::Dataset => None,
    }
}

/// What a column shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Col {
    /// A child table's first column: the parent's id.
    Parent,
    /// A field (index into the table's fields), and the language for a text.
    Field(usize, Option<String>),
}

/// One column of a table: its header and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub col: Col,
}

/// A field's column name: its path, and the language for a text.
pub fn field_name(field: &Field, lang: Option<&str>) -> String {
    let mut name = field.path.join(".");
    if let Some(l) = lang {
        name.push('.');
        name.push_str(l);
    }
    name
}

/// The field columns of a list of fields, a text once per language.
pub fn field_columns(fields: &[Field], langs: &[String]) -> Vec<Column> {
    let mut out = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        if field.val == Text {
            for l in langs {
                out.push(Column { name: field_name(field, Some(l)), col: Col::Field(i, Some(l.clone())) });
            }
        } else {
            out.push(Column { name: field_name(field, None), col: Col::Field(i, None) });
        }
    }
    out
}

/// A table's columns for a dataset in these languages. For the dataset table these are its
/// rows' keys (its own columns are always `key` and `value`).
pub fn columns(def: &TableDef, langs: &[String]) -> Vec<Column> {
    let mut out = Vec::new();
    if let Shape::Children { parent_col, .. } = def.shape {
        out.push(Column { name: parent_col.to_string(), col: Col::Parent });
    }
    out.extend(field_columns(def.fields, langs));
    out
}

/// The column kind (value and empty rule) of a column by its table and name, for writers that
/// format cells (numbers as numbers, dates as text). `None` for an unknown column and for the
/// parent column.
pub fn column_field(table_name: &str, column: &str) -> Option<&'static Field> {
    let def = table(table_name)?;
    def.fields.iter().find(|f| {
        let base = f.path.join(".");
        column == base || (f.val == Text && column.strip_prefix(base.as_str()).is_some_and(|l| l.starts_with('.')))
    })
}

/// The value at `path` inside `record`, following objects.
pub fn get<'a>(record: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(record, |v, k| v.get(*k))
}

/// The JSON text of a value that does not fit its column (an invalid draft): shown as it is,
/// and kept as it is when the cell is not edited.
fn raw(v: &Value) -> String {
    v.to_string()
}

/// A value's cell text in a column of this kind.
pub fn cell_text(val: Val, v: Option<&Value>, lang: Option<&str>) -> String {
    let v = match (val, lang) {
        (Text, Some(l)) => v.and_then(|t| t.get(l)),
        _ => v,
    };
    match (val, v) {
        (_, None | Some(Value::Null)) => String::new(),
        (_, Some(Value::String(s))) => s.clone(),
        (Number | Int, Some(Value::Number(n))) => n.to_string(),
        (Bool, Some(Value::Bool(b))) => if *b { "true" } else { "" }.to_string(),
        (Ids(_) | Langs, Some(Value::Array(items))) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => s.clone(),
                other => raw(other),
            })
            .collect::<Vec<_>>()
            .join(";"),
        (_, Some(other)) => raw(other),
    }
}

/// A field's cell in a record.
pub fn cell(field: &Field, lang: Option<&str>, record: &Value) -> String {
    cell_text(field.val, get(record, field.path), lang)
}

/// Whether two cells of a column of this kind say the same: numbers by value (a spreadsheet
/// writes `42.0` as `42`), everything else as text.
pub fn same(val: Val, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match val {
        Number | Int => match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        },
        Bool => a.trim().eq_ignore_ascii_case(b.trim()),
        Text => false,
        _ => a.trim() == b.trim(),
    }
}
