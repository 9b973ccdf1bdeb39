//! One table as CSV text (RFC 4180): fields separated by commas, records by CRLF, a field in
//! double quotes when it holds a comma, a quote, a line break or spaces at either end, a
//! quote inside a quoted field doubled. Written with a UTF-8 byte-order mark, so spreadsheet
//! programs read the text as UTF-8; read with or without one, with CRLF or LF line ends.

use std::fmt;

/// Why CSV text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The line (from 1) where the problem is.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

const BOM: char = '\u{feff}';

fn needs_quotes(field: &str) -> bool {
    field.is_empty()
        || field.contains([',', '"', '\r', '\n'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace)
}

/// The rows as CSV text, with a byte-order mark and CRLF after every record. An empty field
/// is written `""` when it is a row's only field (so the row is not an empty line).
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            if needs_quotes(field) && !(field.is_empty() && row.len() > 1) {
                out.push('"');
                out.push_str(&field.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(field);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Reads CSV text into rows of fields. A byte-order mark is skipped; the last line end is
/// optional; an empty line is a row of one empty field. A quote inside an unquoted field is
/// kept as it is; text after a closing quote, or a quoted field that never closes, is an error.
pub fn read(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    // Whether anything (a field or a separator) has been read since the last record ended.
    let mut started = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() => {
                let open = line;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(ch) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            field.push(ch);
                        }
                        None => {
                            return Err(CsvError { line: open, message: "a quoted field is not closed".into() });
                        }
                    }
                }
                started = true;
                match chars.peek() {
                    None | Some(',') | Some('\r') | Some('\n') => {}
                    Some(_) => {
                        return Err(CsvError {
                            line,
                            message: "text after a closing quote (a quote inside a quoted field is written twice)"
                                .into(),
                        });
                    }
                }
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                started = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                started = false;
            }
            _ => {
                field.push(c);
                started = true;
            }
        }
    }
    if started || !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter().map(|row| row.iter().map(|s| s.to_string()).collect()).collect()
    }

    #[test]
    fn quoting_and_reading_back() {
        let table = rows(&[&["id", "title.en"], &["a", "x, \"y\"\nz"], &["", ""], &[""], &[" b ", "é"]]);
        let text = write(&table);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"x, \"\"y\"\"\nz\""));
        assert!(text.contains("\r\n,\r\n"), "{text:?}");
        assert_eq!(read(&text).unwrap(), table);
    }

    #[test]
    fn lf_no_bom_no_final_line_end() {
        assert_eq!(read("a,b\n1,2").unwrap(), rows(&[&["a", "b"], &["1", "2"]]));
        assert_eq!(read("a,\n").unwrap(), rows(&[&["a", ""]]));
        assert_eq!(read("").unwrap(), Vec::<Vec<String>>::new());
        assert_eq!(read("a\n\nb\n").unwrap(), rows(&[&["a"], &[""], &["b"]]));
        assert_eq!(read("a\"b,c").unwrap(), rows(&[&["a\"b", "c"]]));
    }

    #[test]
    fn broken_quotes() {
        assert_eq!(read("a,\"b\nc").unwrap_err().line, 1);
        assert_eq!(read("x\n\"a\"b,c").unwrap_err().line, 2);
    }
}
