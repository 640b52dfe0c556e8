//! The canonical form of a record file (§9.6 of the data format), as `thidua
//! fmt` writes it: UTF-8 without BOM, `,`, LF, ISO dates, the format's own
//! column names, NFC, codes as their ASCII codes, booleans `true`/`false` —
//! and nothing else changed: rows keep their order and every other value
//! (ids, free text, values the loader would reject) stays as typed. TOML
//! files are edited in place, so their comments and layout stay.

use toml_edit::{DocumentMut, Item, Value};
use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::schema::{column, dmy_date, fields, parse_bool};
use super::sniff::{self, Quirks};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{
    AwardCode, AwardKind, CampaignKind, Code, Discipline, Gender, Issuer, ProposalStatus, Rating,
    RecordType, UnitKind,
};
use crate::msg;

/// What kinds of value a rewrite changed, for the list `fmt` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    pub column_names: bool,
    pub dates: bool,
    pub codes: bool,
    pub booleans: bool,
    pub nfc: bool,
}

/// A file in canonical form and what was changed to get there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewritten {
    pub bytes: Vec<u8>,
    /// "dấu `;`, ngày d/m/yyyy, BOM, CRLF, mã, NFC", in the language of the
    /// output once rendered.
    pub what: Arg,
}

/// A value's canonical text, or `None` when it already is (or cannot be
/// read, which the loader reports and `fmt` leaves as typed).
pub fn value(kind: RecordType, field: &str, raw: &str, changed: &mut Changed) -> Option<String> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    let code = match (kind, field) {
        (RecordType::Campaign, "kind") => ascii::<CampaignKind>(t),
        (RecordType::Unit, "kind") => ascii::<UnitKind>(t),
        (_, "kind") => ascii::<AwardKind>(t),
        (_, "award") => ascii::<AwardCode>(t),
        (_, "rating") => ascii::<Rating>(t),
        (_, "discipline") => ascii::<Discipline>(t),
        (_, "gender") => ascii::<Gender>(t),
        (_, "issuer") => ascii::<Issuer>(t),
        (_, "status") => ascii::<ProposalStatus>(t),
        (_, "direct_worker" | "initiative" | "posthumous") => {
            let b = parse_bool(t).map(|b| b.to_string());
            let changed_here = b.as_deref().is_some_and(|b| b != raw);
            changed.booleans |= changed_here;
            return b.filter(|_| changed_here);
        }
        (_, "decision_date" | "hire_date" | "start" | "end" | "plan_date" | "date" | "died") => {
            let iso = dmy_date(t).map(|d| d.to_string());
            changed.dates |= iso.is_some();
            return iso;
        }
        _ => None,
    };
    if let Some(c) = code.filter(|c| *c != raw) {
        changed.codes = true;
        return Some(c.to_string());
    }
    if !is_nfc(raw) {
        changed.nfc = true;
        return Some(raw.nfc().collect());
    }
    None
}

fn ascii<T: Code>(s: &str) -> Option<&'static str> {
    T::parse(s).ok().map(T::code)
}

impl Changed {
    fn describe(&self, quirks: &Quirks) -> Arg {
        let mut parts = quirks.describe();
        let labels = [
            (
                self.column_names && !quirks.vietnamese_headers,
                Key::FmtColumnNames,
            ),
            (self.dates && !quirks.dmy_dates, Key::SniffDmy),
            (self.codes, Key::FmtCodes),
            (self.booleans, Key::FmtBooleans),
            (self.nfc, Key::FmtNfc),
        ];
        for (on, key) in labels {
            if on {
                parts.push(Arg::Key(key));
            }
        }
        Arg::list(Key::ListComma, parts)
    }
}

/// The canonical form of a CSV file of `kind`: `Ok(None)` when it already is
/// canonical, `Err` with the reason when it cannot be read as a whole (it is
/// then left as it is).
pub fn csv(bytes: &[u8], kind: RecordType) -> Result<Option<Rewritten>, Msg> {
    if let Some(what) = sniff::not_text(bytes) {
        return Err(Msg::new(what.key()));
    }
    let mut quirks = Quirks::default();
    let text = if sniff::needs_decoding(bytes) {
        let (text, enc) = sniff::decode(bytes);
        quirks.encoding = Some(enc);
        text
    } else {
        let body = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(b) => {
                quirks.bom = true;
                b
            }
            None => bytes,
        };
        match std::str::from_utf8(body) {
            Ok(t) => t.to_string(),
            Err(_) => return Err(Msg::new(Key::FmtNotUtf8)),
        }
    };
    quirks.crlf = sniff::crlf(text.as_bytes());
    let delimiter = sniff::delimiter(text.lines().next().unwrap_or(""), kind);
    quirks.delimiter = (delimiter != b',').then_some(delimiter);
    let rows = read_rows(&text, delimiter)?;
    quirks.vietnamese_headers = rows
        .first()
        .is_some_and(|h| h.iter().any(|c| column(kind, c).is_some_and(|(_, vi)| vi)));
    let mut changed = Changed::default();
    let rows = canonical_rows(rows, kind, &mut changed);
    if !quirks.any() && changed == Changed::default() {
        return Ok(None);
    }
    quirks.dmy_dates = changed.dates;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::with_capacity(text.len()));
    // Writing to memory does not fail; were it to, the csv crate's own words
    // are all there is to say (not a finding, and never shown so far).
    let failed = |e: String| crate::msg!(Key::ErrorCsv, error = e);
    for r in &rows {
        out.write_record(r).map_err(|e| failed(e.to_string()))?;
    }
    let bytes = out.into_inner().map_err(|e| failed(e.to_string()))?;
    Ok(Some(Rewritten {
        bytes,
        what: changed.describe(&quirks),
    }))
}

/// Every record of the text; a row whose field count differs from the
/// header's (a quote left open, a lost delimiter) makes the file unreadable
/// here, as rewriting it could only make things worse.
fn read_rows(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, Msg> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| super::unreadable(&e))?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if let Some(width) = rows.first().map(Vec::len) {
            if cells.len() != width {
                return Err(msg!(Key::FmtFieldCount, line = line as i64));
            }
        }
        rows.push(cells);
    }
    Ok(rows)
}

/// The header renamed to the format's names and each value made canonical.
fn canonical_rows(
    mut rows: Vec<Vec<String>>,
    kind: RecordType,
    changed: &mut Changed,
) -> Vec<Vec<String>> {
    let Some(header) = rows.first_mut() else {
        return rows;
    };
    let mut names: Vec<Option<&'static str>> = Vec::with_capacity(header.len());
    for h in header.iter_mut() {
        let name = column(kind, h).map(|(i, _)| fields(kind)[i].0);
        if let Some(n) = name.filter(|n| *n != h.as_str()) {
            changed.column_names = true;
            *h = n.to_string();
        }
        names.push(name);
    }
    for row in rows.iter_mut().skip(1) {
        for (cell, name) in row.iter_mut().zip(&names) {
            let new = match name {
                Some(field) => value(kind, field, cell, changed),
                None if !is_nfc(cell) => {
                    changed.nfc = true;
                    Some(cell.nfc().collect())
                }
                None => None,
            };
            if let Some(v) = new {
                *cell = v;
            }
        }
    }
    rows
}

/// The canonical form of a TOML file of `kind`: codes, booleans and NFC
/// rewritten in place, keeping comments and layout; BOM and CRLF dropped.
pub fn toml(bytes: &[u8], kind: RecordType) -> Result<Option<Rewritten>, Msg> {
    let text = std::str::from_utf8(bytes).map_err(|_| Msg::new(Key::FmtNotUtf8))?;
    let mut quirks = Quirks::default();
    let body = match text.strip_prefix('\u{feff}') {
        Some(b) => {
            quirks.bom = true;
            b
        }
        None => text,
    };
    quirks.crlf = body.contains("\r\n");
    let body = body.replace("\r\n", "\n");
    let mut doc: DocumentMut = body.parse().map_err(|e: toml_edit::TomlError| {
        msg!(Key::LoadTomlSyntax, error = e.message().to_string())
    })?;
    let mut changed = Changed::default();
    if let Some(Item::ArrayOfTables(aot)) = doc.get_mut(kind.singular()) {
        for table in aot.iter_mut() {
            for (key, item) in table.iter_mut() {
                let Item::Value(v) = item else { continue };
                toml_value(kind, key.get(), v, &mut changed);
            }
        }
    }
    if !quirks.any() && changed == Changed::default() {
        return Ok(None);
    }
    Ok(Some(Rewritten {
        bytes: doc.to_string().into_bytes(),
        what: changed.describe(&quirks),
    }))
}

/// One TOML value made canonical, its comments and spacing kept.
fn toml_value(kind: RecordType, key: &str, v: &mut Value, changed: &mut Changed) {
    let Some(s) = v.as_str() else { return };
    let is_bool = matches!(key, "direct_worker" | "initiative" | "posthumous");
    let new = if is_bool {
        parse_bool(s.trim())
            .map(Value::from)
            .inspect(|_| changed.booleans = true)
    } else {
        let mut c = Changed::default();
        let new = value(kind, key, s, &mut c).filter(|_| !c.dates);
        if new.is_some() {
            changed.codes |= c.codes;
            changed.nfc |= c.nfc;
        }
        new.map(Value::from)
    };
    if let Some(mut new) = new {
        *new.decor_mut() = v.decor().clone();
        *v = new;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_csv_is_left_alone() {
        let text = "id,name,kind,parent\nH,\"UBND huyện, An Biên\",co_quan,\n";
        assert_eq!(csv(text.as_bytes(), RecordType::Unit), Ok(None));
    }

    #[test]
    fn excel_csv_becomes_canonical() {
        let text = "\u{feff}Mã;Tên;Loại đơn vị;parent\r\nH;UBND huyện;Cơ quan;\r\n";
        let r = csv(text.as_bytes(), RecordType::Unit).unwrap().unwrap();
        assert_eq!(
            String::from_utf8(r.bytes).unwrap(),
            "id,name,kind,parent\nH,UBND huyện,co_quan,\n"
        );
        let what = crate::msg!(Key::FmtChanged, path = "x", what = r.what);
        assert_eq!(
            what.render(crate::i18n::Lang::En),
            "x: put in canonical form (`;` delimiter, BOM, CRLF, Vietnamese column names, codes)"
        );
    }

    #[test]
    fn toml_keeps_comments() {
        let text =
            "# units\n[[unit]]\nid = \"H\" # the district\nkind = \"Cơ quan\"\nname = \"H\"\n";
        let r = toml(text.as_bytes(), RecordType::Unit).unwrap().unwrap();
        assert_eq!(
            String::from_utf8(r.bytes).unwrap(),
            "# units\n[[unit]]\nid = \"H\" # the district\nkind = \"co_quan\"\nname = \"H\"\n"
        );
    }

    #[test]
    fn a_shifted_row_is_not_rewritten() {
        let text = "id;name;kind\nH;X\n";
        assert!(csv(text.as_bytes(), RecordType::Unit).is_err());
    }
}
