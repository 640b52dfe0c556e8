//! Reads the imported file into a [`Grid`]: rows of typed cells, each row
//! with the number the user sees (the sheet's row number, or the CSV's
//! physical line). Spreadsheets (`.xlsx`, `.xls`, `.ods`) through calamine;
//! CSV/TSV with the encoding detected and the delimiter sniffed.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use unicode_normalization::UnicodeNormalization;

use super::encoding::{self, TextEncoding};
use super::limits::Limits;
use crate::model::{text, Date};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
}

impl Value {
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text, as a person reads it (numbers without a needless
    /// `.0`, dates ISO).
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// A row of the source.
#[derive(Clone, Debug)]
pub struct Row {
    /// The sheet's row number (1-based) or the CSV's physical line.
    pub number: u32,
    /// Cells from column A (0) on.
    pub cells: Vec<Value>,
}

/// The whole of one sheet or CSV file.
#[derive(Clone, Debug)]
pub struct Grid {
    /// The sheet's name; `None` for CSV.
    pub sheet: Option<String>,
    pub rows: Vec<Row>,
    /// The encoding a CSV was read in.
    pub encoding: Option<TextEncoding>,
    /// The CSV delimiter.
    pub delimiter: Option<u8>,
}

impl Grid {
    /// Where a cell is: `Sheet1!C12` for a sheet, `line 12` for CSV is
    /// given by the caller from [`Row::number`].
    pub fn cell_name(&self, row: u32, col: usize) -> Option<String> {
        self.sheet
            .as_ref()
            .map(|s| format!("{}!{}{}", quote_sheet(s), column_letters(col), row))
    }
}

fn quote_sheet(s: &str) -> String {
    if s.chars().all(|c| c.is_alphanumeric() || c == '_') {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub enum SourceError {
    /// The file cannot be opened or is not the format its name says.
    Unreadable(String),
    /// `--sheet` names no sheet; the sheets there are.
    NoSheet { wanted: String, sheets: Vec<String> },
    /// The extension is none of the supported ones.
    Unsupported(String),
    /// The spreadsheet is beyond the bounds thidua reads.
    TooLarge(super::limits::Exceeded),
}

/// The kinds of file the importer reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    Sheet,
    Csv,
    Tsv,
}

pub fn kind_of(path: &Path) -> Option<FileKind> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx" | "xlsm" | "xls" | "ods" | "xlsb") => Some(FileKind::Sheet),
        Some("csv" | "txt") => Some(FileKind::Csv),
        Some("tsv" | "tab") => Some(FileKind::Tsv),
        _ => None,
    }
}

/// Reads `path` into a grid.
pub fn read(
    path: &Path,
    sheet: Option<&str>,
    forced: Option<TextEncoding>,
    limits: Limits,
) -> Result<Grid, SourceError> {
    match kind_of(path) {
        Some(FileKind::Sheet) => read_sheet(path, sheet, limits),
        Some(kind) => {
            let bytes = std::fs::read(path).map_err(|e| SourceError::Unreadable(e.to_string()))?;
            Ok(read_csv(
                &bytes,
                forced,
                (kind == FileKind::Tsv).then_some(b'\t'),
            ))
        }
        None => Err(SourceError::Unsupported(
            path.extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_string(),
        )),
    }
}

fn read_sheet(path: &Path, wanted: Option<&str>, limits: Limits) -> Result<Grid, SourceError> {
    super::limits::check_zip(path, limits).map_err(SourceError::TooLarge)?;
    let mut book = open_workbook_auto(path).map_err(|e| SourceError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = match wanted {
        Some(w) => {
            let key = text::fold(w);
            let found = names
                .iter()
                .find(|n| *n == w)
                .or_else(|| names.iter().find(|n| text::fold(n) == key));
            match found {
                Some(n) => Some(n.clone()),
                None => {
                    return Err(SourceError::NoSheet {
                        wanted: w.to_string(),
                        sheets: names,
                    })
                }
            }
        }
        None => None,
    };
    let candidates: Vec<String> = match chosen {
        Some(n) => vec![n],
        None => names.clone(),
    };
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if xlsx {
        super::limits::check_xlsx_cells(path, &candidates, limits)
            .map_err(SourceError::TooLarge)?;
    }
    let mut first: Option<Grid> = None;
    for name in candidates {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| SourceError::Unreadable(e.to_string()))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let mut cells = vec![Value::Empty; col0 as usize];
            cells.extend(r.iter().map(cell_value));
            if cells.iter().all(Value::is_empty) {
                continue;
            }
            rows.push(Row {
                number: row0 + i as u32 + 1,
                cells,
            });
        }
        let grid = Grid {
            sheet: Some(name),
            rows,
            encoding: None,
            delimiter: None,
        };
        if !grid.rows.is_empty() || wanted.is_some() {
            return Ok(grid);
        }
        first.get_or_insert(grid);
    }
    Ok(first.unwrap_or(Grid {
        sheet: names.first().cloned(),
        rows: Vec::new(),
        encoding: None,
        delimiter: None,
    }))
}

fn cell_value(d: &Data) -> Value {
    match d {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) => Value::Text(s.nfc().collect()),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            match Date::from_ymd(i32::from(y), u32::from(m), u32::from(day)) {
                Some(date) => Value::Date(date),
                None => Value::Number(dt.as_f64()),
            }
        }
        Data::DateTimeIso(s) => match s.get(..10).and_then(Date::parse_iso) {
            Some(date) => Value::Date(date),
            None => Value::Text(s.clone()),
        },
        Data::DurationIso(s) => Value::Text(s.clone()),
    }
}

/// Reads CSV bytes: decodes them, sniffs the delimiter (unless given) and
/// splits the records, keeping each record's physical line.
pub fn read_csv(bytes: &[u8], forced: Option<TextEncoding>, delimiter: Option<u8>) -> Grid {
    let (text, enc) = encoding::decode(bytes, forced);
    let delim = delimiter.unwrap_or_else(|| sniff_delimiter(&text));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    let lines = LineStarts::new(&text);
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            // A broken record (an open quote at the end): what was read is kept.
            Err(_) => break,
        }
        let offset = rec.position().map(|p| p.byte()).unwrap_or(0) as usize;
        let number = lines.line_of(offset);
        let cells: Vec<Value> = rec
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Value::Empty
                } else {
                    Value::Text(f.to_string())
                }
            })
            .collect();
        if cells.iter().all(Value::is_empty) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    Grid {
        sheet: None,
        rows,
        encoding: Some(enc),
        delimiter: Some(delim),
    }
}

/// The delimiter whose count per line is the most regular among the first
/// lines: `,`, `;` or tab.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (0usize, b',');
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, d))
            .filter(|n| *n > 0)
            .collect();
        // The most common non-zero count, weighted by how often it occurs.
        let mut freq: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for c in &counts {
            *freq.entry(*c).or_default() += 1;
        }
        let score = freq.iter().map(|(n, f)| f * 4 + n).max().unwrap_or(0);
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut inside = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            inside = !inside;
        } else if b == d && !inside {
            n += 1;
        }
    }
    n
}

/// Byte offsets of line starts, to turn a record's offset into its line.
struct LineStarts<'t> {
    text: &'t [u8],
    breaks: Vec<usize>,
}

impl<'t> LineStarts<'t> {
    fn new(text: &'t str) -> Self {
        let breaks = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i)
            .collect();
        LineStarts {
            text: text.as_bytes(),
            breaks,
        }
    }

    /// The 1-based line of the record csv says starts at `offset` (csv may
    /// report the line break before the record as its start).
    fn line_of(&self, mut offset: usize) -> u32 {
        while offset < self.text.len() && matches!(self.text[offset], b'\n' | b'\r') {
            offset += 1;
        }
        (self.breaks.partition_point(|&b| b < offset) + 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(
            sniff_delimiter("DANH SÁCH\nSTT;Họ và tên;Đơn vị\n1;An;X\n2;Bình, Chi;Y\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
    }

    #[test]
    fn csv_rows_keep_their_lines() {
        let g = read_csv(b"title\r\n\r\na,b\r\n\"x\r\ny\",2\r\nz,3\r\n", None, None);
        let lines: Vec<u32> = g.rows.iter().map(|r| r.number).collect();
        assert_eq!(lines, vec![1, 3, 4, 6]);
        assert_eq!(g.rows[2].cells[0], Value::Text("x\r\ny".into()));
    }
}
