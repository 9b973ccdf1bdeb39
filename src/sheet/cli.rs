//! The logic of the `sheet` example (`examples/sheet.rs`), callable from tests:
//!
//! ```text
//! sheet export DATASET.json OUT.xlsx|OUTDIR/
//! sheet import IN.xlsx|INDIR/ --base DATASET.json -o NEW.json [--allow-removals]
//! ```
//!
//! A path ending in `.xlsx` is a workbook (one sheet per table after a README sheet), read and
//! written by the [`Xlsx`] the caller passes (the example's uses `rust_xlsxwriter` and
//! `calamine`, dev-dependencies, so the library and the app's wasm carry neither); any other
//! path is a folder of CSV files, one `TABLE.csv` per table and a `README.csv`.
//!
//! Exit status: 0 clean; 2 warnings only (the output is written); 1 errors (nothing is
//! written). An import writes the merged dataset in canonical form ([`crate::canonical`]).
//! An export of a dataset the validator refuses still writes the tables, with status 2.

use super::{csv, export, import, layout::TABLES, readme, Options, Table, README};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads and writes `.xlsx` workbooks: one sheet per table, named as the table, header first.
pub trait Xlsx {
    /// Writes the tables as sheets, in order (the README first).
    fn write(&self, path: &Path, tables: &[Table]) -> Result<(), String>;
    /// Reads every sheet of a workbook as a table of text cells.
    fn read(&self, path: &Path) -> Result<Vec<Table>, String>;
}

pub const USAGE: &str = "usage:
  sheet export DATASET.json OUT.xlsx|OUTDIR/
  sheet import IN.xlsx|INDIR/ --base DATASET.json -o NEW.json [--allow-removals]";

fn is_xlsx(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Reads a dataset file as JSON (a byte-order mark allowed); it must be an object.
pub fn read_dataset(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
    if !value.is_object() {
        return Err(format!("{}: not a dataset (the JSON is not an object)", path.display()));
    }
    Ok(value)
}

/// Writes tables to a workbook or a folder of CSV files (made when missing).
pub fn write_tables(path: &Path, tables: &[Table], xlsx: Option<&dyn Xlsx>) -> Result<(), String> {
    if is_xlsx(path) {
        let xlsx = xlsx.ok_or("this build reads and writes no .xlsx files: give a folder for CSV files")?;
        return xlsx.write(path, tables);
    }
    std::fs::create_dir_all(path).map_err(|e| format!("{}: cannot make the folder: {e}", path.display()))?;
    for t in tables {
        let file = path.join(format!("{}.csv", t.name));
        std::fs::write(&file, csv::write(&t.rows)).map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    }
    Ok(())
}

/// Reads tables from a workbook or a folder of CSV files (every `*.csv` in it, in the
/// layout's order, then the others by name).
pub fn read_tables(path: &Path, xlsx: Option<&dyn Xlsx>) -> Result<Vec<Table>, String> {
    if is_xlsx(path) {
        let xlsx = xlsx.ok_or("this build reads and writes no .xlsx files: give a folder of CSV files")?;
        return xlsx.read(path);
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: cannot read the folder: {e}", path.display()))?;
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        let p = entry.map_err(|e| format!("{}: {e}", path.display()))?.path();
        if p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                files.push((stem.to_string(), p.clone()));
            }
        }
    }
    let order = |name: &str| TABLES.iter().position(|t| t.name == name).unwrap_or(TABLES.len());
    files.sort_by(|a, b| (order(&a.0), &a.0).cmp(&(order(&b.0), &b.0)));
    let mut tables = Vec::new();
    for (name, file) in files {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8: {e}", file.display()))?;
        let rows = csv::read(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Export { dataset: PathBuf, out: PathBuf },
    Import { input: PathBuf, base: PathBuf, out: PathBuf, opts: Options },
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut free = Vec::new();
    let (mut base, mut out, mut allow_removals) = (None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--base" => base = Some(it.next().ok_or("--base needs a file")?.clone()),
            "-o" | "--output" => out = Some(it.next().ok_or("-o needs a file")?.clone()),
            "--allow-removals" => allow_removals = true,
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown flag {flag}")),
            _ => free.push(a.clone()),
        }
    }
    match free.as_slice() {
        [cmd, dataset, target] if cmd == "export" => {
            if base.is_some() || out.is_some() || allow_removals {
                return Err("export takes no --base, -o or --allow-removals".into());
            }
            Ok(Command::Export { dataset: dataset.into(), out: target.into() })
        }
        [cmd, input] if cmd == "import" => Ok(Command::Import {
            input: input.into(),
            base: base.ok_or("import needs --base DATASET.json")?.into(),
            out: out.ok_or("import needs -o NEW.json")?.into(),
            opts: Options { allow_removals },
        }),
        _ => Err("expected export or import and their files".into()),
    }
}

/// Runs the command line `args` (without the program's name), printing to `out`; returns
/// the exit status.
pub fn run(args: &[String], xlsx: Option<&dyn Xlsx>, out: &mut dyn Write) -> i32 {
    match parse(args) {
        Ok(Command::Export { dataset, out: target }) => run_export(&dataset, &target, xlsx, out),
        Ok(Command::Import { input, base, out: target, opts }) => run_import(&input, &base, &target, opts, xlsx, out),
        Err(e) => {
            let _ = writeln!(out, "{e}\n{USAGE}");
            1
        }
    }
}

fn run_export(dataset: &Path, target: &Path, xlsx: Option<&dyn Xlsx>, out: &mut dyn Write) -> i32 {
    let doc = match read_dataset(dataset) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            return 1;
        }
    };
    let mut tables = vec![readme(&super::languages(&doc))];
    tables.extend(export(&doc));
    if let Err(e) = write_tables(target, &tables, xlsx) {
        let _ = writeln!(out, "error: {e}");
        return 1;
    }
    let rows: usize = tables.iter().filter(|t| t.name != README).map(|t| t.rows.len().saturating_sub(1)).sum();
    let _ = writeln!(out, "{}: {} tables, {rows} rows written", target.display(), tables.len() - 1);
    match crate::crosscheck::check_value(&doc) {
        Err(errors) => {
            let _ = writeln!(
                out,
                "warning: {} has {} validation errors (exported as it is; the import will report them)",
                dataset.display(),
                errors.len()
            );
            2
        }
        Ok(_) => 0,
    }
}

fn run_import(
    input: &Path,
    base: &Path,
    target: &Path,
    opts: Options,
    xlsx: Option<&dyn Xlsx>,
    out: &mut dyn Write,
) -> i32 {
    let base_doc = match read_dataset(base) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            return 1;
        }
    };
    let tables = match read_tables(input, xlsx) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            return 1;
        }
    };
    let imported = import(&tables, &base_doc, opts);
    for i in imported.errors() {
        let _ = writeln!(out, "error: {i}");
    }
    for i in imported.warnings() {
        let _ = writeln!(out, "warning: {i}");
    }
    let (errors, warnings) = (imported.errors().count(), imported.warnings().count());
    if errors > 0 {
        let _ = writeln!(out, "{errors} errors, {warnings} warnings: {} not written", target.display());
        return 1;
    }
    if let Err(e) = std::fs::write(target, crate::canonical::format(&imported.doc)) {
        let _ = writeln!(out, "error: {}: cannot write: {e}", target.display());
        return 1;
    }
    for s in &imported.summary {
        if s.changed + s.added + s.removed + s.kept > 0 {
            let _ = writeln!(
                out,
                "{}: {} changed, {} added, {} removed, {} kept without a row",
                s.table, s.changed, s.added, s.removed, s.kept
            );
        }
    }
    let _ = writeln!(out, "{}: written ({warnings} warnings)", target.display());
    imported.exit_code()
}
