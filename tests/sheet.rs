//! The spreadsheet round trip (`sheet`): an unedited workbook gives back the same bytes (the
//! bundled file through `.xlsx` and CSV, generated datasets through the tables), each kind of
//! import problem names its sheet, row, column and JSON path, edits change exactly their
//! fields, and the `sheet` example's exit codes.
//!
//! Native only: proptest, calamine and rust_xlsxwriter are not wasm32 dev-dependencies.

#![cfg(not(target_arch = "wasm32"))]

// The example's `.xlsx` reader and writer (its `main` is not used here).
#[allow(dead_code)]
#[path = "../examples/sheet.rs"]
mod example;

use almaty_process::canonical::format;
use almaty_process::sheet::cli::{self, read_tables, write_tables, Xlsx};
use almaty_process::sheet::{csv, export, import, readme, Imported, Issue, IssueKind, Options, Table, README};
use almaty_process::validate::ProblemKind;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

const REAL: &str = include_str!("../public/data/dataset.json");

fn real() -> Value {
    serde_json::from_str(REAL).expect("the bundled dataset is JSON")
}

const XLSX: &dyn Xlsx = &example::xlsx::Files;

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("almaty-sheet-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The dataset with every list of records emptied: importing a full workbook onto it builds
/// every record from its cells alone.
fn without_records(doc: &Value) -> Value {
    let mut d = doc.clone();
    for key in ["sources", "organisations", "states", "events", "chair_terms", "disputes"] {
        if let Some(v) = d.get_mut(key) {
            *v = json!([]);
        }
    }
    d
}

fn table<'a>(tables: &'a mut [Table], name: &str) -> &'a mut Table {
    tables.iter_mut().find(|t| t.name == name).unwrap_or_else(|| panic!("no table {name}"))
}

fn col(t: &Table, name: &str) -> usize {
    t.rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {}", t.name))
}

/// The index (0-based, header at 0) of the first row whose first cell is `id`.
fn row_of(t: &Table, id: &str) -> usize {
    t.rows.iter().position(|r| r[0] == id).unwrap_or_else(|| panic!("no row {id} in {}", t.name))
}

fn set(tables: &mut [Table], sheet: &str, id: &str, column: &str, value: &str) -> usize {
    let t = table(tables, sheet);
    let (r, c) = (row_of(t, id), col(t, column));
    t.rows[r][c] = value.to_string();
    r + 1
}

fn only_issues(imp: &Imported) -> Vec<String> {
    imp.issues.iter().map(|i| i.to_string()).collect()
}

/// An import that must report no issue at all.
fn clean_import(tables: &[Table], base: &Value, opts: Options) -> Imported {
    let imp = import(tables, base, opts);
    assert!(imp.issues.is_empty(), "{:#?}", only_issues(&imp));
    imp
}

fn the_issue(imp: &Imported, kind: IssueKind) -> &Issue {
    let found: Vec<&Issue> = imp.issues.iter().filter(|i| i.kind == kind).collect();
    assert!(!found.is_empty(), "no {kind:?} among {:#?}", only_issues(imp));
    found[0]
}

fn assert_at(i: &Issue, sheet: &str, row: Option<usize>, column: &str, path: &str) {
    assert_eq!(
        (i.sheet.as_deref(), i.row, i.column.as_deref(), i.path.as_str()),
        (Some(sheet), row, Some(column), path),
        "{i}"
    );
}

// ---------------------------------------------------------------------------------------
// Round trips of the bundled file.

#[test]
fn bundled_file_through_xlsx_gives_the_same_bytes() {
    let dir = scratch("xlsx");
    let base = real();
    let file = dir.join("dataset.xlsx");
    let mut tables = vec![readme(&["en".to_string(), "ru".to_string()])];
    tables.extend(export(&base));
    write_tables(&file, &tables, Some(XLSX)).unwrap();
    let back = read_tables(&file, Some(XLSX)).unwrap();
    assert_eq!(back[0].name, README, "the README sheet comes first");
    let names: Vec<&str> = back.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), 16, "{names:?}");
    for opts in [Options::default(), Options { allow_removals: true }] {
        let imp = clean_import(&back, &base, opts);
        assert_eq!(format(&imp.doc), REAL);
    }
    // Onto a base without records, every record is built from its cells: still the same bytes.
    let imp = clean_import(&back, &without_records(&base), Options::default());
    assert_eq!(format(&imp.doc), REAL);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bundled_file_through_csv_gives_the_same_bytes() {
    let dir = scratch("csv");
    let base = real();
    write_tables(&dir, &export(&base), None).unwrap();
    let events = std::fs::read(dir.join("events.csv")).unwrap();
    assert!(events.starts_with("\u{feff}id,start,end,".as_bytes()), "UTF-8 with a byte-order mark");
    let back = read_tables(&dir, None).unwrap();
    assert_eq!(back, export(&base));
    let imp = clean_import(&back, &base, Options::default());
    assert_eq!(format(&imp.doc), REAL);
    let imp = clean_import(&back, &without_records(&base), Options::default());
    assert_eq!(format(&imp.doc), REAL);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn layout_of_the_bundled_file() {
    let tables = export(&real());
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "dataset",
            "events",
            "participants",
            "event_organisations",
            "outcomes",
            "state_names",
            "states",
            "state_roles",
            "organisations",
            "organisation_roles",
            "chair_terms",
            "sources",
            "disputes",
            "readings",
            "changes"
        ]
    );
    let t = &tables[1];
    assert_eq!(&t.rows[0][..4], ["id", "start", "end", "uncertain"]);
    assert!(t.rows[0].contains(&"title.ru".to_string()) && t.rows[0].contains(&"place.city.en".to_string()));
    // A month stays a month; a list of ids is `;`-separated.
    let r = row_of(t, "2016-06-technical-experts-meetings");
    assert_eq!(t.rows[r][col(t, "start")], "2016-06");
    assert!(t.rows.iter().any(|r| r[col(t, "sources")].contains(';')));
    let p = &tables[2];
    assert_eq!(p.rows[0], ["event_id", "state", "role", "sources"]);
    let d = &tables[0];
    assert_eq!(d.rows[0], ["key", "value"]);
    assert!(d.rows.iter().any(|r| r[0] == "languages" && r[1] == "en;ru"));
    // An open end is an empty cell.
    let c = &tables[10];
    assert!(c.rows.iter().skip(1).any(|r| r[col(c, "to")].is_empty()));
}

// ---------------------------------------------------------------------------------------
// Edits.

#[test]
fn an_edited_cell_changes_exactly_that_field() {
    let base = real();
    let mut tables = export(&base);
    set(&mut tables, "events", "2013-06-05-ministerial", "title.en", "Ministerial Conference (edited)");
    set(&mut tables, "states", "KZ", "capital.lat", "51.2");
    // The dataset sheet: a value edited, an optional key's row left out.
    set(&mut tables, "dataset", "title.en", "value", "The Almaty Process (edited)");
    table(&mut tables, "dataset").rows.retain(|r| r[0] != "$schema");
    let imp = clean_import(&tables, &base, Options::default());
    let mut expected = base.clone();
    expected["title"]["en"] = json!("The Almaty Process (edited)");
    expected["events"][2]["title"]["en"] = json!("Ministerial Conference (edited)");
    expected["states"][3]["capital"]["lat"] = json!(51.2);
    assert_eq!(imp.doc, expected);
    assert_eq!(imp.summary.iter().find(|s| s.table == "events").unwrap().changed, 1);
    assert_eq!(imp.exit_code(), 0);
}

#[test]
fn an_open_end_and_optional_cells_map_to_null_and_absent() {
    let base = real();
    let mut tables = export(&base);
    // Ending an open chair term, then opening it again, gives `null` back.
    let t = table(&mut tables, "chair_terms");
    let r = t.rows.iter().position(|r| r[col(t, "to")].is_empty()).unwrap();
    let id = t.rows[r][0].clone();
    set(&mut tables, "chair_terms", &id, "to", "2030");
    let imp = import(&tables, &base, Options::default());
    let pos = base["chair_terms"].as_array().unwrap().iter().position(|c| c["id"] == json!(id)).unwrap();
    assert_eq!(imp.doc["chair_terms"][pos]["to"], json!("2030"));
    set(&mut tables, "chair_terms", &id, "to", "");
    let imp = import(&tables, &base, Options::default());
    assert_eq!(imp.doc["chair_terms"][pos]["to"], Value::Null);
    // Clearing an optional note removes the key.
    let mut tables = export(&base);
    set(&mut tables, "chair_terms", &id, "note.en", "");
    set(&mut tables, "chair_terms", &id, "note.ru", "");
    let imp = import(&tables, &base, Options::default());
    assert!(imp.doc["chair_terms"][pos].get("note").is_none());
}

#[test]
fn a_new_row_adds_a_record_with_its_child_rows() {
    let base = real();
    let mut tables = export(&base);
    let t = table(&mut tables, "events");
    let header = t.rows[0].clone();
    let mut row = vec![String::new(); header.len()];
    for (k, v) in [
        ("id", "2026-05-01-som-9"),
        ("start", "2026-05"),
        ("level", "senior_officials"),
        ("title.en", "9th Senior Officials' Meeting"),
        ("title.ru", "Девятая встреча ВДЛ"),
        ("summary.en", "A meeting."),
        ("summary.ru", "Встреча."),
        ("sources", base["sources"][0]["id"].as_str().unwrap()),
        ("confidence", "gk"),
    ] {
        row[col(t, k)] = v.to_string();
    }
    t.rows.push(row);
    let p = table(&mut tables, "participants");
    p.rows.push(vec!["2026-05-01-som-9".into(), "KZ".into(), "participant".into(), String::new()]);
    let imp = import(&tables, &base, Options::default());
    assert!(!imp.has_errors(), "{:#?}", only_issues(&imp));
    let events = imp.doc["events"].as_array().unwrap();
    assert_eq!(events.len(), base["events"].as_array().unwrap().len() + 1);
    let new = events.last().unwrap();
    assert_eq!(new["id"], json!("2026-05-01-som-9"));
    assert_eq!(new["start"], json!("2026-05"), "a month stays a month");
    assert_eq!(new["place"], Value::Null, "no place cells: place null");
    assert!(new.get("end").is_none() && new.get("note").is_none() && new.get("uncertain").is_none());
    assert_eq!(new["participants"], json!([{"state": "KZ", "role": "participant"}]));
    assert_eq!(events[..events.len() - 1], base["events"].as_array().unwrap()[..], "the others untouched");
    assert_eq!(imp.summary.iter().find(|s| s.table == "events").unwrap().added, 1);
}

/// An event no dispute names, without participants.
const REMOVABLE: &str = "2019-02-technical-experts-1";

fn without_event(tables: &mut [Table], id: &str, children_too: bool) {
    for t in tables.iter_mut() {
        let sheets: &[&str] =
            if children_too { &["events", "participants", "event_organisations", "outcomes"] } else { &["events"] };
        if sheets.contains(&t.name.as_str()) {
            t.rows.retain(|r| r[0] != id);
        }
    }
}

#[test]
fn a_removed_row_is_kept_without_allow_removals_and_removed_with_it() {
    let base = real();
    let mut tables = export(&base);
    without_event(&mut tables, REMOVABLE, true);
    let imp = import(&tables, &base, Options::default());
    assert_eq!(format(&imp.doc), REAL, "kept as it was");
    let kept = the_issue(&imp, IssueKind::Kept);
    assert!(kept.is_warning());
    assert_eq!((kept.sheet.as_deref(), kept.path.as_str()), (Some("events"), "$.events[13]"));
    assert!(kept.message.contains(REMOVABLE), "{kept}");
    assert_eq!(imp.exit_code(), 2);

    let imp = clean_import(&tables, &base, Options { allow_removals: true });
    let ids: Vec<&str> = imp.doc["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 18);
    assert!(!ids.contains(&REMOVABLE));
    assert_eq!(imp.summary.iter().find(|s| s.table == "events").unwrap().removed, 1);
}

#[test]
fn child_rows_of_a_removed_record_name_an_unknown_id() {
    let base = real();
    let mut tables = export(&base);
    // An event with participants, removed from its sheet only.
    without_event(&mut tables, "2013-06-05-ministerial", false);
    let imp = import(&tables, &base, Options { allow_removals: true });
    let i = the_issue(&imp, IssueKind::UnknownId);
    assert_eq!(
        (i.sheet.as_deref(), i.column.as_deref(), i.path.as_str()),
        (Some("participants"), Some("event_id"), "$.events")
    );
    assert!(imp.has_errors());
}

// ---------------------------------------------------------------------------------------
// Problems, each at its sheet, row, column and path.

#[test]
fn unknown_id_in_a_reference_column() {
    let base = real();
    let mut tables = export(&base);
    let p = table(&mut tables, "participants");
    // The 2nd participant of the 3rd event (events[2] is 2013-06-05-ministerial).
    let r = p.rows.iter().enumerate().filter(|(_, r)| r[0] == "2013-06-05-ministerial").nth(1).unwrap().0;
    p.rows[r][1] = "XX".into();
    set(&mut tables, "events", "2013-06-05-ministerial", "sources", "nosuch;S1");
    let imp = import(&tables, &base, Options::default());
    let found: Vec<&Issue> = imp.issues.iter().filter(|i| i.kind == IssueKind::UnknownId).collect();
    assert_eq!(found.len(), 2, "{:#?}", only_issues(&imp));
    assert_at(
        found.iter().find(|i| i.column.as_deref() == Some("state")).unwrap(),
        "participants",
        Some(r + 1),
        "state",
        "$.events[2].participants[1].state",
    );
    let s = found.iter().find(|i| i.column.as_deref() == Some("sources")).unwrap();
    assert_at(s, "events", Some(4), "sources", "$.events[2].sources[0]");
    assert!(s.message.contains("nosuch"), "{s}");
    // The validator says the same at the same paths: reported once.
    assert_eq!(imp.issues.iter().filter(|i| i.path == "$.events[2].participants[1].state").count(), 1);
    assert_eq!(imp.exit_code(), 1);
}

#[test]
fn broken_date() {
    let base = real();
    let mut tables = export(&base);
    let row = set(&mut tables, "events", "2014-11-21-som-1", "start", "2014-02-30");
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::Date);
    assert_at(i, "events", Some(row), "start", "$.events[3].start");
    assert!(i.message.contains("no day 30"), "{i}");
    assert_eq!(imp.doc["events"][3]["start"], json!("2014-11-21"), "the base's value stays");
    // A date in the dataset sheet.
    let mut tables = export(&base);
    let d = table(&mut tables, "dataset");
    let r = d.rows.iter().position(|r| r[0] == "updated").unwrap();
    d.rows[r][1] = "soon".into();
    let imp = import(&tables, &base, Options::default());
    assert_at(the_issue(&imp, IssueKind::Date), "dataset", Some(r + 1), "value", "$.updated");
}

#[test]
fn missing_language_column_and_value() {
    let base = real();
    let mut tables = export(&base);
    let t = table(&mut tables, "organisations");
    let c = col(t, "short.ru");
    for r in t.rows.iter_mut() {
        r.remove(c);
    }
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::Language);
    assert_at(i, "organisations", Some(1), "short.ru", "$.organisations[*].short.ru");
    assert!(imp.has_errors());

    let mut tables = export(&base);
    let row = set(&mut tables, "sources", base["sources"][1]["id"].as_str().unwrap(), "title.ru", "");
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::Language);
    assert_at(i, "sources", Some(row), "title.ru", "$.sources[1].title.ru");
}

#[test]
fn duplicate_id() {
    let base = real();
    let mut tables = export(&base);
    let t = table(&mut tables, "sources");
    let copy = t.rows[3].clone();
    t.rows.push(copy);
    let n = t.rows.len();
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::Duplicate);
    assert_at(i, "sources", Some(n), "id", "$.sources[2].id");
    assert!(i.message.contains("row 4"), "{i}");
}

#[test]
fn unknown_column() {
    let base = real();
    let mut tables = export(&base);
    let t = table(&mut tables, "states");
    t.rows[0].push("capital.population".into());
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::UnknownColumn);
    assert_at(i, "states", Some(1), "capital.population", "$.states[*]");
    // A language the dataset does not have.
    let mut tables = export(&base);
    table(&mut tables, "events").rows[0].push("title.kk".into());
    let imp = import(&tables, &base, Options::default());
    let i = the_issue(&imp, IssueKind::UnknownColumn);
    assert!(i.message.contains("kk is not one of the dataset's languages"), "{i}");
}

#[test]
fn wrong_type() {
    let base = real();
    let mut tables = export(&base);
    let row = set(&mut tables, "states", "TJ", "capital.lat", "north");
    let r2 = set(&mut tables, "sources", base["sources"][0]["id"].as_str().unwrap(), "context_only", "yes");
    let imp = import(&tables, &base, Options::default());
    let types: Vec<&Issue> = imp.issues.iter().filter(|i| i.kind == IssueKind::Type).collect();
    assert_eq!(types.len(), 2, "{:#?}", only_issues(&imp));
    assert_at(types[0], "states", Some(row), "capital.lat", "$.states[7].capital.lat");
    assert_at(types[1], "sources", Some(r2), "context_only", "$.sources[0].context_only");
}

#[test]
fn required_cell_left_empty() {
    let base = real();
    let mut tables = export(&base);
    let row = set(&mut tables, "events", "2017-som-4", "level", "");
    let imp = import(&tables, &base, Options::default());
    assert_at(the_issue(&imp, IssueKind::Missing), "events", Some(row), "level", "$.events[11].level");
}

#[test]
fn validator_problems_are_mapped_to_their_cells() {
    let base = real();
    let mut tables = export(&base);
    let row = set(&mut tables, "events", "2017-som-4", "level", "summit");
    let imp = import(&tables, &base, Options::default());
    let i = imp.issues.iter().find(|i| matches!(i.kind, IssueKind::Check(_))).expect("a validator problem");
    assert_eq!(i.kind, IssueKind::Check(ProblemKind::Value));
    assert_at(i, "events", Some(row), "level", "$.events[11].level");
    // A cross-check warning: a role at an event that the state does not hold then.
    let mut tables = export(&base);
    let p = table(&mut tables, "participants");
    let r = row_of(p, "2013-06-05-ministerial");
    p.rows[r][2] = "observer".into();
    let imp = import(&tables, &base, Options::default());
    assert!(!imp.has_errors(), "{:#?}", only_issues(&imp));
    let w = imp.issues.iter().find(|i| i.kind == IssueKind::Check(ProblemKind::RoleMismatch)).expect("a role warning");
    assert_eq!((w.sheet.as_deref(), w.row), (Some("participants"), Some(r + 1)));
    assert!(w.path.starts_with("$.events[2].participants[0]"), "{w}");
    assert_eq!(imp.exit_code(), 2);
}

#[test]
fn a_missing_sheet_keeps_its_data_and_an_unknown_one_is_ignored() {
    let base = real();
    let mut tables = export(&base);
    tables.retain(|t| t.name != "readings");
    tables.push(Table { name: "notes".into(), rows: vec![vec!["x".into()]] });
    let imp = import(&tables, &base, Options { allow_removals: true });
    assert_eq!(format(&imp.doc), REAL);
    let sheets: Vec<&str> =
        imp.issues.iter().filter(|i| i.kind == IssueKind::Sheet).filter_map(|i| i.sheet.as_deref()).collect();
    assert_eq!(sheets, ["notes", "readings"]);
    assert_eq!(imp.exit_code(), 2);
}

// ---------------------------------------------------------------------------------------
// The command line.

fn run(args: &[&str]) -> (i32, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    let code = cli::run(&args, Some(XLSX), &mut out);
    (code, String::from_utf8(out).unwrap())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn cli_exit_codes() {
    let dir = scratch("cli");
    let dataset = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/dataset.json");
    let (xlsx, folder) = (dir.join("d.xlsx"), dir.join("tables"));
    assert_eq!(run(&["export", s(&dataset), s(&xlsx)]).0, 0);
    assert_eq!(run(&["export", s(&dataset), s(&folder)]).0, 0);
    assert!(folder.join("README.csv").is_file() && folder.join("participants.csv").is_file());

    // Clean: 0, and the same bytes.
    for input in [&xlsx, &folder] {
        let out = dir.join("clean.json");
        let (code, text) = run(&["import", s(input), "--base", s(&dataset), "-o", s(&out)]);
        assert_eq!(code, 0, "{text}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), REAL);
    }

    // Warnings only: 2, written.
    let mut tables = read_tables(&folder, None).unwrap();
    without_event(&mut tables, REMOVABLE, true);
    write_tables(&folder, &tables, None).unwrap();
    let out = dir.join("kept.json");
    let (code, text) = run(&["import", s(&folder), "--base", s(&dataset), "-o", s(&out)]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("warning: sheet events"), "{text}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), REAL);
    let out = dir.join("removed.json");
    let (code, text) = run(&["import", s(&folder), "--base", s(&dataset), "-o", s(&out), "--allow-removals"]);
    assert_eq!(code, 0, "{text}");
    assert!(!std::fs::read_to_string(&out).unwrap().contains(REMOVABLE));

    // Errors: 1, nothing written.
    let mut tables = read_tables(&xlsx, Some(XLSX)).unwrap();
    set(&mut tables, "events", "2014-11-21-som-1", "start", "2014-13");
    write_tables(&xlsx, &tables, Some(XLSX)).unwrap();
    let out = dir.join("broken.json");
    let (code, text) = run(&["import", s(&xlsx), "--base", s(&dataset), "-o", s(&out)]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("error: sheet events, row 5, column start ($.events[3].start)"), "{text}");
    assert!(!out.exists(), "no file is written on errors");

    // Usage and unreadable input: 1.
    assert_eq!(run(&["import", s(&xlsx)]).0, 1);
    assert_eq!(run(&["frobnicate"]).0, 1);
    assert_eq!(run(&["export", s(&dir.join("nope.json")), s(&folder)]).0, 1);
    let _ = std::fs::remove_dir_all(dir);
}

// ---------------------------------------------------------------------------------------
// Generated datasets.

/// Texts with the characters that CSV and the `;` lists treat specially.
fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Zа-яё0-9 ]{1,12}",
            "[,;\"\n\r\t' =+-]{1,4}",
            any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
        ],
        8..16,
    )
}

/// Numbers as the dataset writes them: integers and floats of any size.
fn numbers() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(
        prop_oneof![
            (-180i64..=180).prop_map(Value::from),
            (-180.0f64..180.0).prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ],
        4..8,
    )
}

/// A small deterministic generator over a seed (the structure of a dataset), with the texts
/// and numbers from proptest.
struct Gen {
    seed: u64,
    texts: Vec<String>,
    numbers: Vec<Value>,
    langs: Vec<String>,
}

impl Gen {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.seed ^= self.seed >> 12;
        self.seed ^= self.seed << 25;
        self.seed ^= self.seed >> 27;
        self.seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn text(&mut self) -> Value {
        let mut m = Map::new();
        for l in self.langs.clone() {
            let i = self.below(self.texts.len());
            let t = self.texts[i].clone();
            m.insert(l, Value::String(t));
        }
        Value::Object(m)
    }
    fn number(&mut self) -> Value {
        let i = self.below(self.numbers.len());
        self.numbers[i].clone()
    }
    fn date(&mut self) -> Value {
        let (y, m, d) = (1900 + self.below(201), 1 + self.below(12), 1 + self.below(28));
        json!(match self.below(3) {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}-{m:02}-{d:02}"),
        })
    }
    /// 1..=n distinct ids from `pool`, `;`-free.
    fn some_of(&mut self, pool: &[String], n: usize) -> Value {
        let k = 1 + self.below(n.min(pool.len()));
        let mut out: Vec<String> = Vec::new();
        while out.len() < k {
            let id = pool[self.below(pool.len())].clone();
            if !out.contains(&id) {
                out.push(id);
            }
        }
        json!(out)
    }
    fn link(&mut self) -> Value {
        json!(format!("https://example.org/{}", self.below(1000)))
    }
    fn confidence(&mut self) -> Value {
        json!(self.pick(&["seen", "seen_partial", "inferred", "gk"]))
    }
    fn maybe(&mut self, m: &mut Map<String, Value>, key: &str, v: impl FnOnce(&mut Self) -> Value) {
        if self.coin() {
            let v = v(self);
            m.insert(key.into(), v);
        }
    }
    fn role(&mut self, roles: &[&str], sources: &[String]) -> Value {
        let mut m = Map::new();
        m.insert("role".into(), json!(self.pick(roles)));
        m.insert("from".into(), self.date());
        m.insert("to".into(), if self.coin() { Value::Null } else { self.date() });
        m.insert("sources".into(), self.some_of(sources, 3));
        m.insert("confidence".into(), self.confidence());
        self.maybe(&mut m, "note", Gen::text);
        Value::Object(m)
    }

    /// A dataset in the workbook's normal form: what a new record built from its cells looks
    /// like (an empty optional cell is an absent key, an open end `null`, …).
    fn dataset(&mut self) -> Value {
        let mut root = Map::new();
        if self.coin() {
            root.insert("$schema".into(), json!("dataset.schema.json"));
        }
        root.insert("format_version".into(), json!(1));
        root.insert("id".into(), json!("ds-1"));
        root.insert("languages".into(), json!(self.langs));
        root.insert("title".into(), self.text());
        root.insert("description".into(), self.text());
        root.insert("updated".into(), self.date());

        let sources: Vec<String> = (0..1 + self.below(4)).map(|i| format!("s{i}")).collect();
        let mut list = Vec::new();
        for id in &sources {
            let mut m = Map::new();
            m.insert("id".into(), json!(id));
            m.insert("title".into(), self.text());
            m.insert("publisher".into(), self.text());
            m.insert("url".into(), if self.coin() { Value::Null } else { self.link() });
            self.maybe(&mut m, "archived_url", Gen::link);
            m.insert("kind".into(), json!(self.pick(&["official", "government", "press", "ngo", "mirror", "primary"])));
            if self.coin() {
                m.insert("context_only".into(), json!(true));
            }
            self.maybe(&mut m, "note", Gen::text);
            list.push(Value::Object(m));
        }
        root.insert("sources".into(), json!(list));

        let orgs: Vec<String> = (0..self.below(3)).map(|i| format!("o{i}")).collect();
        let mut list = Vec::new();
        for id in &orgs {
            let mut m = Map::new();
            m.insert("id".into(), json!(id));
            m.insert("name".into(), self.text());
            m.insert("short".into(), self.text());
            let roles: Vec<Value> = (0..self.below(3))
                .map(|_| self.role(&["secretariat", "observer", "applicant", "partner", "guest"], &sources))
                .collect();
            m.insert("roles".into(), json!(roles));
            list.push(Value::Object(m));
        }
        root.insert("organisations".into(), json!(list));

        let states: Vec<String> =
            ["KZ", "KG", "TJ", "AF", "UZ"].iter().take(self.below(5)).map(|s| s.to_string()).collect();
        let mut list = Vec::new();
        for code in &states {
            let mut m = Map::new();
            m.insert("code".into(), json!(code));
            let names: Vec<Value> = (0..1 + self.below(2))
                .map(|_| {
                    let mut n = Map::new();
                    n.insert("short".into(), self.text());
                    n.insert("official".into(), self.text());
                    self.maybe(&mut n, "from", Gen::date);
                    self.maybe(&mut n, "to", Gen::date);
                    n.insert("sources".into(), if self.coin() { json!([]) } else { self.some_of(&sources, 2) });
                    Value::Object(n)
                })
                .collect();
            m.insert("names".into(), json!(names));
            let capital = json!({"name": self.text(), "lat": self.number(), "lon": self.number()});
            m.insert("capital".into(), capital);
            if self.coin() {
                m.insert("grid".into(), json!({"col": self.below(20), "row": self.below(20)}));
            }
            let roles: Vec<Value> = (0..self.below(3))
                .map(|_| self.role(&["signatory", "member", "observer", "applicant", "guest", "participant"], &sources))
                .collect();
            m.insert("roles".into(), json!(roles));
            list.push(Value::Object(m));
        }
        root.insert("states".into(), json!(list));

        let events: Vec<String> = (0..self.below(4)).map(|i| format!("e{i}.x")).collect();
        let mut list = Vec::new();
        for id in &events {
            let mut m = Map::new();
            m.insert("id".into(), json!(id));
            m.insert("start".into(), self.date());
            self.maybe(&mut m, "end", Gen::date);
            if self.coin() {
                m.insert("uncertain".into(), json!(true));
            }
            let place = match (self.below(3), states.is_empty()) {
                (0, _) => Value::Null,
                (1, _) | (_, true) => json!({"online": true}),
                _ => {
                    let country = states[self.below(states.len())].clone();
                    json!({"city": self.text(), "country": country, "lat": self.number(), "lon": self.number()})
                }
            };
            m.insert("place".into(), place);
            m.insert("level".into(), json!(self.pick(&["ministerial", "senior_officials", "thematic"])));
            m.insert("title".into(), self.text());
            m.insert("summary".into(), self.text());
            if !states.is_empty() && self.coin() {
                let ps: Vec<Value> = (0..1 + self.below(3))
                    .map(|_| {
                        let mut p = Map::new();
                        p.insert("state".into(), json!(states[self.below(states.len())]));
                        p.insert("role".into(), json!(self.pick(&["member", "observer", "chair", "participant"])));
                        if self.coin() {
                            p.insert("sources".into(), self.some_of(&sources, 2));
                        }
                        Value::Object(p)
                    })
                    .collect();
                m.insert("participants".into(), json!(ps));
            }
            if !orgs.is_empty() && self.coin() {
                let os: Vec<Value> = (0..1 + self.below(2))
                    .map(
                        |_| json!({"org": orgs[self.below(orgs.len())], "role": self.pick(&["organiser", "observer"])}),
                    )
                    .collect();
                m.insert("organisations".into(), json!(os));
            }
            if self.coin() {
                let os: Vec<Value> = (0..1 + self.below(2))
                    .map(|_| {
                        let mut o = Map::new();
                        o.insert("title".into(), self.text());
                        o.insert("kind".into(), json!(self.pick(&["declaration", "report"])));
                        self.maybe(&mut o, "url", Gen::link);
                        self.maybe(&mut o, "archived_url", Gen::link);
                        if self.coin() {
                            o.insert("sources".into(), self.some_of(&sources, 2));
                        }
                        Value::Object(o)
                    })
                    .collect();
                m.insert("outcomes".into(), json!(os));
            }
            m.insert("sources".into(), self.some_of(&sources, 3));
            m.insert("confidence".into(), self.confidence());
            self.maybe(&mut m, "note", Gen::text);
            list.push(Value::Object(m));
        }
        root.insert("events".into(), json!(list));

        let mut terms = Vec::new();
        let mut list = Vec::new();
        if !states.is_empty() {
            for i in 0..self.below(3) {
                let id = format!("c{i}");
                let mut m = Map::new();
                m.insert("id".into(), json!(id));
                m.insert("state".into(), json!(states[self.below(states.len())]));
                m.insert("from".into(), self.date());
                m.insert("to".into(), if self.coin() { Value::Null } else { self.date() });
                self.maybe(&mut m, "chairperson", Gen::text);
                m.insert("sources".into(), self.some_of(&sources, 2));
                m.insert("confidence".into(), self.confidence());
                self.maybe(&mut m, "note", Gen::text);
                list.push(Value::Object(m));
                terms.push(id);
            }
        }
        root.insert("chair_terms".into(), json!(list));

        let mut subjects: Vec<(&str, String)> = vec![("dataset", "ds-1".into())];
        subjects.extend(events.iter().map(|e| ("event", e.clone())));
        subjects.extend(states.iter().map(|e| ("state", e.clone())));
        subjects.extend(orgs.iter().map(|e| ("organisation", e.clone())));
        subjects.extend(terms.iter().map(|e| ("chair_term", e.clone())));
        let mut list = Vec::new();
        for i in 0..self.below(3) {
            let (kind, id) = subjects[self.below(subjects.len())].clone();
            let readings: Vec<Value> = (0..self.below(4))
                .map(|_| json!({"text": self.text(), "sources": self.some_of(&sources, 2)}))
                .collect();
            list.push(json!({
                "id": format!("d{i}"), "subject": {"kind": kind, "id": id}, "field": "place",
                "summary": self.text(), "readings": readings,
            }));
        }
        root.insert("disputes".into(), json!(list));
        Value::Object(root)
    }

    /// The same dataset written otherwise: `null` for absent, `[]` for absent, `false`,
    /// unknown keys, extra languages. Only a base can say these; an unedited workbook keeps them.
    fn perturb(&mut self, v: &mut Value, depth: usize) {
        match v {
            Value::Object(m) => {
                let keys: Vec<String> = m.keys().cloned().collect();
                for k in keys {
                    if let Some(c) = m.get_mut(&k) {
                        self.perturb(c, depth + 1);
                    }
                    match (self.below(12), m.get(&k)) {
                        (0, Some(Value::Array(a))) if a.is_empty() && depth > 0 => {
                            m.insert(k, Value::Null);
                        }
                        (1, Some(Value::Null)) => {
                            m.remove(&k);
                        }
                        (2, Some(Value::Bool(true))) if k != "online" => {
                            m.insert(k, json!(false));
                        }
                        (3, Some(Value::Object(t))) if t.contains_key(&self.langs[0]) => {
                            let mut t = t.clone();
                            t.insert("zz".into(), json!("extra"));
                            m.insert(k, Value::Object(t));
                        }
                        _ => {}
                    }
                }
                if depth > 0 && self.below(10) == 0 {
                    m.insert("x_unknown".into(), json!({"any": [1, "thing"]}));
                }
                if depth > 1 && self.below(8) == 0 {
                    for k in ["participants", "outcomes", "organisations"] {
                        if !m.contains_key(k) && m.contains_key("level") {
                            m.insert(k.into(), if self.coin() { json!([]) } else { Value::Null });
                        }
                    }
                }
            }
            Value::Array(a) => {
                for c in a {
                    self.perturb(c, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn generated() -> impl Strategy<Value = (u64, Vec<String>, Vec<Value>, usize)> {
    (any::<u64>(), texts(), numbers(), 1usize..=3)
}

fn make(seed: u64, texts: Vec<String>, numbers: Vec<Value>, nlangs: usize) -> Gen {
    let langs = ["en", "ru", "kk"].iter().take(nlangs).map(|s| s.to_string()).collect();
    Gen { seed: seed | 1, texts, numbers, langs }
}

/// Tables through CSV text and back.
fn through_csv(tables: &[Table]) -> Vec<Table> {
    tables
        .iter()
        .map(|t| Table { name: t.name.clone(), rows: csv::read(&csv::write(&t.rows)).expect("CSV reads back") })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Built from the cells alone (onto a base without records), a dataset in normal form
    /// comes back byte for byte, with no sheet problem.
    #[test]
    fn generated_datasets_come_back_from_their_cells((seed, texts, numbers, n) in generated()) {
        let doc = make(seed, texts, numbers, n).dataset();
        let tables = through_csv(&export(&doc));
        let imp = import(&tables, &without_records(&doc), Options::default());
        let sheet_problems: Vec<String> =
            imp.issues.iter().filter(|i| !matches!(i.kind, IssueKind::Check(_))).map(|i| i.to_string()).collect();
        prop_assert!(sheet_problems.is_empty(), "{:#?}", sheet_problems);
        prop_assert_eq!(format(&imp.doc), format(&doc));
    }

    /// Onto itself, any dataset comes back byte for byte, however it writes its absent values.
    #[test]
    fn generated_datasets_come_back_onto_themselves((seed, texts, numbers, n) in generated()) {
        let mut g = make(seed, texts, numbers, n);
        let mut doc = g.dataset();
        g.perturb(&mut doc, 0);
        let tables = through_csv(&export(&doc));
        for opts in [Options::default(), Options { allow_removals: true }] {
            let imp = import(&tables, &doc, opts);
            prop_assert_eq!(format(&imp.doc), format(&doc));
        }
    }

    /// CSV text reads back as the rows written, whatever the cells hold.
    #[test]
    fn csv_reads_back_what_it_wrote(rows in prop::collection::vec(prop::collection::vec(any::<String>(), 1..5), 0..6)) {
        prop_assert_eq!(csv::read(&csv::write(&rows)).unwrap(), rows);
    }
}

/// Text a spreadsheet file stores specially comes back from `.xlsx` as it was: control
/// characters, Excel's own `_xHHHH_` escapes written literally, formulas, CRLF, numbers and
/// dates written as text.
#[test]
fn xlsx_keeps_awkward_text() {
    let dir = scratch("awkward");
    let mut doc = real();
    let awkward = [
        "bell \u{7} and nul \u{0}",
        "_x0041_ stays _x005F_",
        "=SUM(A1:A2)",
        "line\r\nbreak\rand\nmore",
        "  spaces  ",
        "2013-06",
        "0042",
        "1e5",
        "TRUE",
        "emoji 🗺️ and ё",
    ];
    for (i, t) in awkward.iter().enumerate() {
        doc["events"][i]["title"]["en"] = json!(t);
        doc["sources"][i]["publisher"]["ru"] = json!(t);
    }
    doc["states"][0]["capital"]["lat"] = json!(42);
    doc["states"][1]["capital"]["lat"] = json!(42.0);
    doc["states"][2]["capital"]["lon"] = json!(-0.000001234);
    let file = dir.join("awkward.xlsx");
    write_tables(&file, &export(&doc), Some(XLSX)).unwrap();
    let back = read_tables(&file, Some(XLSX)).unwrap();
    let imp = clean_import(&back, &doc, Options::default());
    assert_eq!(format(&imp.doc), format(&doc), "onto itself, 42.0 stays 42.0");
    // Built from the cells alone, a whole float is a whole number: a workbook cannot tell
    // 42.0 from 42 (a CSV file can).
    let imp = import(&back, &without_records(&doc), Options::default());
    assert!(!imp.has_errors(), "{:#?}", only_issues(&imp));
    doc["states"][1]["capital"]["lat"] = json!(42);
    assert_eq!(format(&imp.doc), format(&doc));
    let _ = std::fs::remove_dir_all(dir);
}
