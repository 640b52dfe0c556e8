//! Imports the lists offices keep as spreadsheets into the data folder.
//!
//! The pipeline: [`source`] reads the file into a grid of cells with their
//! addresses ([`encoding`] and [`legacy`] make its text Unicode); [`header`]
//! finds the header row below the title block and maps the columns;
//! [`values`] turns cells into the format's values; [`matching`] finds people
//! and units by name; the rows then go through the loader's own
//! [`Builder`](crate::load::schema::Builder) and the structural checks on the
//! folder plus the new rows, so they meet exactly what `check` asks; and
//! [`write`] adds the new files, all or nothing, never touching an existing one.
//!
//! The new rows are built as lines of two files of their own (the people
//! they create, and their records) whose line numbers are the sheet's rows;
//! a finding on them comes back to its row by its line and to its cell by its
//! typed [`Origin`] (the field whose value is at fault), else to the cell
//! naming the record.

pub use crate::load::encoding;
pub mod header;
pub use crate::load::legacy;
pub mod limits;
pub mod matching;
pub mod render;
pub mod source;
mod stages;
pub mod summary;
pub mod values;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Origin};
use crate::load::schema::{fields, Builder, Values, MAX_FIELDS, ON_DEMAND};
use crate::model::{
    text, AwardCode, AwardKind, CampaignKind, Code, Dataset, Discipline, FileId, Gender, Issuer,
    ProposalStatus, Rating, RecordType, UnitKind,
};
use crate::{Error, Result};

use encoding::TextEncoding;
use header::{Header, Target};
use legacy::Legacy;
use source::{Grid, Value};
pub use stages::run;
pub use write::{FailPoint, NewFile};

/// What to import and how.
#[derive(Clone, Debug)]
pub struct Options {
    pub file: PathBuf,
    pub kind: RecordType,
    pub sheet: Option<String>,
    pub encoding: Option<TextEncoding>,
    /// `--set FIELD=VALUE`, in order.
    pub set: Vec<(String, String)>,
    pub map: Option<PathBuf>,
    pub create_people: bool,
    pub skip_invalid: bool,
    pub dry_run: bool,
    /// Read a spreadsheet beyond [`limits::Limits::DEFAULT`].
    pub allow_large_sheet: bool,
    /// Draw a bar over the rows of a large file (stderr is a terminal).
    pub progress: bool,
    /// For tests only: make the writer fail part-way.
    pub fail: FailPoint,
    /// The day the folder is checked as of (the command passes `THIDUA_TODAY`).
    pub today: crate::model::Date,
}

impl Options {
    pub fn new(file: impl Into<PathBuf>, kind: RecordType) -> Self {
        Options {
            file: file.into(),
            kind,
            sheet: None,
            encoding: None,
            set: Vec::new(),
            map: None,
            create_people: false,
            skip_invalid: false,
            allow_large_sheet: false,
            dry_run: false,
            progress: false,
            fail: FailPoint::default(),
            today: crate::env::clock_today(),
        }
    }
}

/// A row left out because the folder (or an earlier row) already has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// `Sheet1!B7` or `file.csv:7`.
    pub at: String,
    pub row: u32,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Default)]
pub struct Outcome {
    /// The imported file's name.
    pub file: String,
    pub sheet: Option<String>,
    pub header_row: u32,
    pub encoding: Option<&'static str>,
    pub legacy: Option<Legacy>,
    pub delimiter: Option<char>,
    /// Values taken from the title block, by field.
    pub from_title: Vec<(&'static str, String)>,
    /// Records added (or to add), of the imported type.
    pub added: usize,
    /// People created with `--create-people`.
    pub created_people: usize,
    /// Of those, how many had `direct_worker` guessed from their position.
    pub guessed_direct: usize,
    pub skipped: Vec<Skipped>,
    /// Rows rejected, with every error found on them.
    pub rejected_rows: usize,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// The files written (or that would be), relative to the folder.
    pub files: Vec<NewFile>,
    pub written: bool,
    /// Errors the folder already had before the import.
    pub folder_errors: usize,
}

impl Outcome {
    /// Whether the import left rows out for errors.
    pub fn has_rejections(&self) -> bool {
        self.rejected_rows > 0
    }
}

/// The `--map` file: header names to fields, fixed values, the header row.
#[derive(Clone, Debug, Default)]
pub struct MapFile {
    pub columns: HashMap<String, String>,
    pub set: Vec<(String, String)>,
    pub header_row: Option<u32>,
}

/// Reads a `--map` file:
///
/// ```toml
/// header_row = 6                # optional: the row of the headers
/// [columns]                     # sheet header = field (or name, unit, position, ignore)
/// "Tên cán bộ" = "name"
/// "Phòng" = "unit"
/// [set]                         # values for every row, like --set
/// issuer = "huyen"
/// ```
pub fn read_map(path: &Path) -> Result<MapFile> {
    let bad = |error: String| Error::BadMap {
        path: path.to_path_buf(),
        error,
    };
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let doc: toml::Table = toml::from_str(&text).map_err(|e| bad(e.message().to_string()))?;
    let mut map = MapFile::default();
    for (key, value) in &doc {
        match (key.as_str(), value) {
            ("header_row", toml::Value::Integer(n)) if *n > 0 => map.header_row = Some(*n as u32),
            ("columns", toml::Value::Table(t)) => {
                for (h, f) in t {
                    let f = f.as_str().ok_or_else(|| bad(format!("columns.\"{h}\"")))?;
                    map.columns
                        .insert(text::fold(h), f.trim().to_ascii_lowercase());
                }
            }
            ("set", toml::Value::Table(t)) => {
                for (k, v) in t {
                    let v = match v {
                        toml::Value::String(s) => s.clone(),
                        toml::Value::Integer(i) => i.to_string(),
                        toml::Value::Boolean(b) => b.to_string(),
                        toml::Value::Datetime(d) => d.to_string(),
                        _ => return Err(bad(format!("set.{k}"))),
                    };
                    map.set.push((k.clone(), v));
                }
            }
            _ => return Err(bad(key.clone())),
        }
    }
    Ok(map)
}

/// Where the rows of one record type handed to the builder came from: by
/// sheet row (the line the builder records, so every finding on the row
/// says it), the cell naming the record and the column of each field. A
/// finding's typed [`Origin`] picks the field's cell; a finding about the
/// whole record goes to the naming cell.
#[derive(Default)]
struct Places(HashMap<u32, Place>);

struct Place {
    key_col: Option<usize>,
    /// The sheet column of each field's value, by position in the type's columns.
    cols: Vec<Option<usize>>,
}

impl Places {
    fn add(
        &mut self,
        row: u32,
        key_col: Option<usize>,
        values: &[Option<(String, Option<usize>)>],
    ) {
        let cols = values
            .iter()
            .map(|v| v.as_ref().and_then(|(_, c)| *c))
            .collect();
        self.0.entry(row).or_insert(Place { key_col, cols });
    }

    /// The column of the cell a finding on `row` belongs in.
    fn column(&self, row: u32, origin: Option<Origin>) -> Option<usize> {
        let place = self.0.get(&row)?;
        let field = origin.and_then(|o| place.cols.get(o.index()).copied().flatten());
        field.or(place.key_col)
    }
}

/// One row of the sheet on its way to a record.
struct Pending {
    row: u32,
    /// Field values by position in the type's columns, with the column they came from.
    values: Vec<Option<(String, Option<usize>)>>,
    /// The cell naming the record (the name, else the first filled cell).
    key_col: Option<usize>,
    /// Errors found before building (unknown person, ambiguous name…).
    errors: Vec<Diagnostic>,
    /// The newcomer (`Newcomers::people`) this row names.
    new_person: Option<usize>,
}

/// A person to create.
struct NewPerson {
    values: Vec<Option<(String, Option<usize>)>>,
    row: u32,
    key_col: Option<usize>,
    guessed: bool,
}

/// How the lines under a list begin (by their [`text::fold_ascii`] key).
const FOOTER_WORDS: &[&str] = &[
    "nguoi lap",
    "tong cong",
    "tong so",
    "cong:",
    "ky ten",
    "thu truong",
    "danh sach nay",
    "(danh sach",
    "an dinh",
];

/// The people an import creates (`--create-people`), once each.
struct Newcomers {
    stem: String,
    /// Person ids taken, in the folder and by newcomers.
    ids: HashSet<String>,
    people: Vec<NewPerson>,
    by_key: HashMap<(String, usize), usize>,
}

impl Newcomers {
    /// The newcomer named `name` in unit `unit` (an index into the units),
    /// made on first sight. `cols`: the columns of the name, unit, position
    /// and direct-worker flag. Without a flag, a leader's position says no.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        ds: &Dataset,
        name: &str,
        unit: usize,
        row: u32,
        cols: [Option<usize>; 4],
        position: Option<String>,
        direct: Option<String>,
    ) -> usize {
        let key = (matching::name_key(name), unit);
        if let Some(&n) = self.by_key.get(&key) {
            return n;
        }
        let id = unique_id(&format!("{}-p{row}", self.stem), &mut self.ids);
        let guessed = direct.is_none();
        let direct =
            direct.unwrap_or_else(|| (!position.as_deref().is_some_and(is_leader)).to_string());
        let mut values = vec![None; fields(RecordType::Person).len()];
        values[0] = Some((id, None));
        values[1] = Some((text::clean(name).into_owned(), cols[0]));
        values[2] = Some((ds.str(ds.units[unit].id).to_string(), cols[1]));
        values[3] = Some((direct, cols[3]));
        values[5] = position.map(|s| (s, cols[2]));
        self.people.push(NewPerson {
            values,
            row,
            key_col: cols[0],
            guessed,
        });
        self.by_key.insert(key, self.people.len() - 1);
        self.people.len() - 1
    }

    fn id(&self, n: usize) -> String {
        self.people[n].values[0]
            .as_ref()
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    }
}

/// Positions that make a person a leader or manager rather than a direct worker.
const LEADER_WORDS: &[&str] = &[
    "giam doc",
    "hieu truong",
    "chu tich",
    "bi thu",
    "truong phong",
    "truong ban",
    "chanh van phong",
    "chanh an",
    "vien truong",
    "cuc truong",
    "vu truong",
    "thu truong",
    "truong khoa",
    "truong tram",
    "chanh thanh tra",
];

fn is_leader(position: &str) -> bool {
    let key = text::fold_ascii(position);
    LEADER_WORDS.iter().any(|w| key.contains(w))
}

/// A file name as the stem of ids and new files: ASCII, lower case, dashes.
pub fn slug(stem: &str) -> String {
    let mut out = String::new();
    for c in text::fold_ascii(stem).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "import".to_string()
    } else {
        out
    }
}

/// A bar over the rows, drawn on stderr once a large file has taken more
/// than a moment.
struct RowBar {
    enabled: bool,
    started: std::time::Instant,
    total: u64,
    bar: Option<indicatif::ProgressBar>,
    label: &'static str,
}

impl RowBar {
    fn new(enabled: bool, total: u64, label: &'static str) -> Self {
        RowBar {
            enabled,
            started: std::time::Instant::now(),
            total,
            bar: None,
            label,
        }
    }

    fn at(&mut self, row: u64) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= std::time::Duration::from_millis(400) {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(self.total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(self.label);
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(row);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// Hands one row to the loader's builder as line `row` of `file`, noting in
/// `places` where its values came from.
fn build_row(
    b: &mut Builder<'_>,
    places: &mut Places,
    kind: RecordType,
    file: FileId,
    row: u32,
    key_col: Option<usize>,
    values: &[Option<(String, Option<usize>)>],
) {
    places.add(row, key_col, values);
    let mut vals: Values<'_> = [None; MAX_FIELDS];
    for (i, v) in values.iter().enumerate() {
        if let Some((s, _)) = v {
            vals[i] = Some((s.as_str(), row));
        }
    }
    b.build(kind, file, row, &vals);
}

/// Converts the text of a file typed in a legacy font: the encoding given,
/// else the one detected in the cells.
fn convert_legacy(grid: &mut Grid, forced: Option<TextEncoding>) -> Option<Legacy> {
    let enc = match (forced, grid.encoding) {
        (Some(TextEncoding::Legacy(l)), _) | (_, Some(TextEncoding::Legacy(l))) => Some(l),
        (Some(_), _) => None,
        _ => legacy::detect(grid.rows.iter().flat_map(|r| r.cells.iter()).filter_map(
            |v| match v {
                Value::Text(t) => Some(t.as_str()),
                _ => None,
            },
        )),
    }?;
    for v in grid.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if let Value::Text(t) = v {
            if legacy::applies(t) {
                *t = legacy::convert(t, enc);
            }
        }
    }
    Some(enc)
}

/// Whether a row below the header holds a record: not a numbering row
/// (`(1) (2) (3)`), not a section heading or a footer line with nothing but
/// one text where the number (STT) should be.
fn is_data_row(row: &source::Row, header: &Header, stt_col: Option<usize>) -> bool {
    let filled: Vec<(usize, &Value)> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if filled.is_empty() {
        return false;
    }
    let numbering = filled.iter().all(|(_, v)| {
        let t = v.text();
        let t = t.trim().trim_start_matches('(').trim_end_matches(')');
        !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
    });
    if numbering && filled.len() >= 3 {
        return false;
    }
    let meaningful = filled
        .iter()
        .filter(|(c, _)| {
            header
                .columns
                .iter()
                .any(|(hc, _, t)| hc == c && *t != Target::Ignore)
        })
        .count();
    if meaningful == 0 {
        return false;
    }
    // A lone text that is a footer ("Người lập biểu", "Tổng cộng: 25") or a
    // section heading in capitals ("KHỐI TRƯỜNG HỌC").
    if meaningful <= 1 && filled.len() <= 2 {
        let lone = filled.iter().find_map(|(_, v)| match v {
            Value::Text(t) => Some(t.as_str()),
            _ => None,
        });
        if let Some(t) = lone {
            let key = text::fold_ascii(t);
            let footer = FOOTER_WORDS.iter().any(|w| key.starts_with(w));
            let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
            let capitals = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
            if footer || (capitals && stt_col.is_none()) {
                return false;
            }
        }
    }
    if let Some(stt) = stt_col {
        let numbered = row.cells.get(stt).is_some_and(|v| match v {
            Value::Number(_) => true,
            Value::Text(t) => {
                t.trim()
                    .trim_end_matches('.')
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    && !t.trim().is_empty()
            }
            _ => false,
        });
        if !numbered && meaningful <= 1 {
            return false;
        }
    }
    true
}

fn ambiguous_units(ds: &Dataset, given: &str, v: &[usize]) -> crate::i18n::Msg {
    let list = v.iter().map(|&i| ds.str(ds.units[i].id).to_string());
    crate::msg!(
        crate::i18n::Key::ImportAmbiguousUnit,
        unit = given.to_string(),
        candidates = crate::i18n::Arg::list(crate::i18n::Key::ListComma, list)
    )
}

fn ids_of(ds: &Dataset, kind: RecordType) -> HashSet<String> {
    let ids: Vec<crate::model::Sym> = match kind {
        RecordType::Campaign => ds.campaigns.iter().map(|r| r.id).collect(),
        RecordType::Unit => ds.units.iter().map(|r| r.id).collect(),
        RecordType::Person => ds.people.iter().map(|r| r.id).collect(),
        RecordType::Award => ds.awards.iter().map(|r| r.id).collect(),
        RecordType::Proposal => ds.proposals.iter().map(|r| r.id).collect(),
        RecordType::Evaluation => Vec::new(),
    };
    ids.into_iter().map(|s| ds.str(s).to_string()).collect()
}

/// `base`, or `base-2`, `base-3`… the first not in `taken` (which it joins).
fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The value written for a field: codes for code fields, `true`/`false`
/// for booleans; anything unreadable as typed, for the checks to report.
fn canonical(kind: RecordType, field: &str, v: &str) -> String {
    fn code<T: Code>(v: &str) -> Option<String> {
        T::parse(v).ok().map(|c| c.code().to_string())
    }
    let c = match (kind, field) {
        (RecordType::Award | RecordType::Proposal, "award") => code::<AwardCode>(v),
        (RecordType::Award, "kind") => code::<AwardKind>(v),
        (RecordType::Award, "issuer") => code::<Issuer>(v),
        (RecordType::Unit, "kind") => code::<UnitKind>(v),
        (RecordType::Campaign, "kind") => code::<CampaignKind>(v),
        (RecordType::Person, "gender") => code::<Gender>(v),
        (RecordType::Evaluation, "rating") => code::<Rating>(v),
        (RecordType::Evaluation, "discipline") => code::<Discipline>(v),
        (RecordType::Proposal, "status") => code::<ProposalStatus>(v),
        (_, "direct_worker" | "initiative") => {
            crate::load::schema::parse_bool(v).map(|b| b.to_string())
        }
        _ => None,
    };
    c.unwrap_or_else(|| text::clean(v).into_owned())
}

/// The key under which a row repeats one already in the folder: an award's
/// recipient, award, year and decision; an evaluation's subject and year; a
/// proposal's recipient, award and year; a person's name and unit; a unit's
/// or campaign's name.
fn row_key(
    kind: RecordType,
    schema: &[(&str, crate::load::schema::Need)],
    values: &[Option<(String, Option<usize>)>],
) -> Option<String> {
    let get = |f: &str| -> String {
        schema
            .iter()
            .position(|(n, _)| *n == f)
            .and_then(|i| values[i].as_ref())
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    };
    let key = match kind {
        RecordType::Award => award_key(
            &get("person"),
            &get("unit"),
            &get("award"),
            &get("year"),
            &get("decision"),
        ),
        RecordType::Evaluation => format!("{}|{}|{}", get("person"), get("unit"), get("year")),
        RecordType::Proposal => format!(
            "{}|{}|{}|{}",
            get("person"),
            get("unit"),
            get("award"),
            get("year")
        ),
        RecordType::Person => format!("{}|{}", matching::name_key(&get("name")), get("unit")),
        RecordType::Unit | RecordType::Campaign => matching::name_key(&get("name")),
    };
    Some(key)
}

fn award_key(person: &str, unit: &str, award: &str, year: &str, decision: &str) -> String {
    format!("{person}|{unit}|{award}|{year}|{}", text::fold(decision))
}

fn existing_keys(ds: &Dataset, kind: RecordType) -> HashSet<String> {
    use crate::model::Recipient;
    let who = |r: Recipient| match r {
        Recipient::Person(p) => (ds.str(p).to_string(), String::new()),
        Recipient::Unit(u) => (String::new(), ds.str(u).to_string()),
    };
    match kind {
        RecordType::Award => ds
            .awards
            .iter()
            .map(|a| {
                let (p, u) = who(a.recipient);
                award_key(
                    &p,
                    &u,
                    a.award.code(),
                    &a.year.to_string(),
                    ds.str(a.decision),
                )
            })
            .collect(),
        RecordType::Evaluation => ds
            .evaluations
            .iter()
            .map(|e| {
                let (p, u) = who(e.subject);
                format!("{p}|{u}|{}", e.year)
            })
            .collect(),
        RecordType::Proposal => ds
            .proposals
            .iter()
            .map(|x| {
                let (p, u) = who(x.recipient);
                format!("{p}|{u}|{}|{}", x.award.code(), x.year)
            })
            .collect(),
        RecordType::Person => ds
            .people
            .iter()
            .map(|p| format!("{}|{}", matching::name_key(ds.str(p.name)), ds.str(p.unit)))
            .collect(),
        RecordType::Unit => ds
            .units
            .iter()
            .map(|u| matching::name_key(ds.str(u.name)))
            .collect(),
        RecordType::Campaign => ds
            .campaigns
            .iter()
            .map(|c| matching::name_key(ds.str(c.name)))
            .collect(),
    }
}

/// The rows as a CSV file of the format: its column names, values NFC.
fn to_csv<'a>(
    kind: RecordType,
    rows: impl Iterator<Item = &'a Vec<Option<(String, Option<usize>)>>>,
) -> Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let rows: Vec<_> = rows.collect();
    // Columns written only when some row fills them (`people.died` …).
    let cols: Vec<usize> = fields(kind)
        .iter()
        .enumerate()
        .filter(|(i, (n, _))| {
            !ON_DEMAND.contains(n) || rows.iter().any(|r| r.get(*i).is_some_and(Option::is_some))
        })
        .map(|(i, _)| i)
        .collect();
    let header: Vec<&str> = cols.iter().map(|&i| fields(kind)[i].0).collect();
    w.write_record(&header)
        .map_err(|e| Error::Csv(e.to_string()))?;
    for r in rows {
        let rec: Vec<String> = cols
            .iter()
            .map(|&i| {
                r.get(i)
                    .and_then(Option::as_ref)
                    .map(|(s, _)| text::clean(s).into_owned())
                    .unwrap_or_default()
            })
            .collect();
        w.write_record(&rec)
            .map_err(|e| Error::Csv(e.to_string()))?;
    }
    w.into_inner().map_err(|e| Error::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_goes_to_its_value_cell_else_the_naming_cell() {
        let mut places = Places::default();
        let values = vec![
            Some(("A1".to_string(), None)),
            Some(("x".to_string(), Some(4))),
        ];
        places.add(12, Some(2), &values);
        let on = |field| Some(Origin::field(RecordType::Unit, field));
        assert_eq!(places.column(12, on(1)), Some(4));
        // A value without a cell of its own, a field without a value, the
        // whole record: the cell naming the record.
        assert_eq!(places.column(12, on(0)), Some(2));
        assert_eq!(places.column(12, on(3)), Some(2));
        assert_eq!(places.column(12, None), Some(2));
        assert_eq!(places.column(13, None), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Danh sách Giấy khen 2024"), "danh-sach-giay-khen-2024");
        assert_eq!(slug("QĐ 12/UBND"), "qd-12-ubnd");
        assert_eq!(slug("   "), "import");
    }

    #[test]
    fn leaders_are_not_direct_workers() {
        assert!(is_leader("Phó Hiệu trưởng"));
        assert!(is_leader("Giám đốc"));
        assert!(!is_leader("Giáo viên"));
        assert!(!is_leader("Chuyên viên"));
    }
}
