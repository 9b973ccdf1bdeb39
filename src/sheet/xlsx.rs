//! `.xlsx` workbooks in memory: the tables written as sheets (`rust_xlsxwriter`) and sheets
//! read back as tables of text cells (`calamine`). The command line (`examples/sheet.rs`) and
//! the editor page use the same two functions; the reader's wasm never links them.

use super::{cli, layout, layout::Val, Table};
use crate::date::Date;
use calamine::{Data, Reader};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::Cursor;

/// The widest line of a cell, in characters.
fn width(cell: &str) -> usize {
    cell.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The workbook's bytes: one sheet per table, in order, the header row bold and frozen,
/// columns sized to their text, numbers as numbers and everything else as text cells (so a
/// spreadsheet program does not turn `2013-06` into a date).
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, String> {
    write(tables).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn write(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_num_format("@");
    let text = Format::new().set_num_format("@");
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&t.name)?;
        ws.set_freeze_panes(1, 0)?;
        let header: &[String] = t.rows.first().map_or(&[], Vec::as_slice);
        let vals: Vec<Option<Val>> = header.iter().map(|h| layout::column_field(&t.name, h).map(|f| f.val)).collect();
        for (c, val) in vals.iter().enumerate() {
            let col = c as u16;
            if !matches!(val, Some(Val::Number | Val::Int)) {
                ws.set_column_format(col, &text)?;
            }
            let chars = t.rows.iter().take(1000).map(|r| r.get(c).map_or(0, |s| width(s))).max().unwrap_or(0);
            ws.set_column_width(col, (chars.clamp(6, 60) + 2) as f64)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let (rn, cn) = (r as u32, c as u16);
                let number = cell.parse::<f64>().ok().filter(|f| f.is_finite());
                match (r, vals.get(c).copied().flatten(), number) {
                    (0, _, _) => ws.write_string_with_format(rn, cn, cell, &bold)?,
                    (_, Some(Val::Number | Val::Int), Some(n)) => ws.write_number(rn, cn, n)?,
                    (_, Some(Val::Bool), _) if cell == "true" => ws.write_boolean(rn, cn, true)?,
                    _ => ws.write_string_with_format(rn, cn, cell, &text)?,
                };
            }
        }
    }
    wb.save_to_buffer()
}

/// A number as text: whole numbers without a decimal point.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`, with the time when it has
/// one (which the import then reports as a broken date).
fn date(serial: f64) -> String {
    let days = serial.floor();
    let day = Date::from_day(days as i32 - 25_569).to_string();
    let secs = ((serial - days) * 86_400.0).round() as i64;
    if secs == 0 {
        day
    } else {
        format!("{day} {:02}:{:02}", secs / 3600, secs / 60 % 60)
    }
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => number(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => date(dt.as_f64()),
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Every sheet of a workbook's bytes as a table of text cells.
pub fn from_bytes(bytes: &[u8]) -> Result<Vec<Table>, String> {
    read(bytes).map_err(|e| format!("not a readable .xlsx workbook: {e}"))
}

fn read(bytes: &[u8]) -> Result<Vec<Table>, calamine::XlsxError> {
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes))?;
    let mut tables = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        let mut rows: Vec<Vec<String>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (i, row) in range.rows().enumerate() {
                let r = r0 as usize + i;
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                let mut cells = vec![String::new(); c0 as usize];
                cells.extend(row.iter().map(text));
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
                rows[r] = cells;
            }
        }
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

/// Workbooks on disk, for the command line.
pub struct Files;

impl cli::Xlsx for Files {
    fn write(&self, path: &std::path::Path, tables: &[Table]) -> Result<(), String> {
        let bytes = to_bytes(tables)?;
        std::fs::write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    }

    fn read(&self, path: &std::path::Path) -> Result<Vec<Table>, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}
