//! The report as CSV: one table per file, numbers plain (no thousands
//! separators, no `%`), the change from the year before in its own column.

use std::io::Write;

use crate::i18n::Lang;
use crate::tr;

use super::{Cell, Table};

/// A value of a flattened table: text or a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A percentage, as its number of percent (82.36).
    Percent(f64),
    Empty,
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            Value::Number(n) | Value::Percent(n) => format!("{n:.2}"),
            Value::Empty => String::new(),
        }
    }
}

/// A table with one value per cell: each numeric column of a table with
/// changes is followed by a column of its changes. Shared with the xlsx
/// renderer, which stores numbers as numbers.
pub fn flatten(t: &Table, lang: Lang) -> (Vec<String>, Vec<Vec<Value>>) {
    let numeric: Vec<bool> = (0..t.headers.len())
        .map(|i| {
            t.rows
                .iter()
                .any(|r| r.get(i).is_some_and(Cell::is_numeric))
        })
        .collect();
    let mut headers = Vec::new();
    for (i, h) in t.headers.iter().enumerate() {
        headers.push(h.clone());
        if t.changes && numeric[i] {
            let year = t.since.map_or(String::new(), |y| y.to_string());
            headers.push(tr!(lang, "report.col.change", column = h, year = year));
        }
    }
    let rows = t
        .rows
        .iter()
        .map(|row| {
            let mut out = Vec::new();
            for (i, c) in row.iter().enumerate() {
                match c {
                    Cell::Text(s) => out.push(Value::Text(s.clone())),
                    Cell::Missing => {
                        out.push(Value::Empty);
                        if t.changes {
                            out.push(Value::Empty);
                        }
                    }
                    Cell::Count(n, d) => {
                        out.push(Value::Number(*n as f64));
                        if t.changes {
                            out.push(d.map_or(Value::Empty, |d| Value::Number(d as f64)));
                        }
                    }
                    Cell::Percent(p, d) => {
                        out.push(Value::Percent(*p));
                        if t.changes {
                            out.push(d.map_or(Value::Empty, Value::Number));
                        }
                    }
                }
                if t.changes && numeric[i] && !c.is_numeric() {
                    out.push(Value::Empty);
                }
            }
            out
        })
        .collect();
    (headers, rows)
}

/// Writes one table for scripts: comma-separated, no BOM, LF.
pub fn write(out: &mut dyn Write, t: &Table, lang: Lang) -> std::io::Result<()> {
    write_with(out, t, lang, b',', false)
}

/// Writes one table with `delimiter`; `for_excel` starts it with a UTF-8 BOM
/// and ends lines with CRLF, as Excel on Windows reads and writes them.
pub fn write_with(
    out: &mut dyn Write,
    t: &Table,
    lang: Lang,
    delimiter: u8,
    for_excel: bool,
) -> std::io::Result<()> {
    if for_excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let (headers, rows) = flatten(t, lang);
    let terminator = if for_excel {
        ::csv::Terminator::CRLF
    } else {
        ::csv::Terminator::Any(b'\n')
    };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(out);
    w.write_record(&headers)?;
    for row in rows {
        w.write_record(row.iter().map(Value::text))?;
    }
    w.flush()
}
