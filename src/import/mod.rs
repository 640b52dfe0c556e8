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

pub mod encoding;
pub mod header;
pub mod legacy;
pub mod matching;
pub mod source;
pub mod summary;
pub mod values;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::Lang;
use crate::load::schema::{fields, Builder, Values, MAX_FIELDS};
use crate::load::{self, Progress};
use crate::model::{
    text, AwardCode, AwardKind, CampaignKind, Code, Dataset, Discipline, FileId, Gender, Issuer,
    ProposalStatus, Rating, RecordType, SourceFile, UnitKind,
};
use crate::settings::Settings;
use crate::{tr, Error, Result};

use encoding::TextEncoding;
use header::{Header, Target};
use legacy::Legacy;
use matching::{Directory, Found};
use source::{Grid, Value};
use values::{field_type, normalise, TitleFacts};
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
    /// Draw a bar over the rows of a large file (stderr is a terminal).
    pub progress: bool,
    /// For tests only: make the writer fail part-way.
    pub fail: FailPoint,
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
            dry_run: false,
            progress: false,
            fail: FailPoint::default(),
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
pub fn read_map(path: &Path, lang: Lang) -> Result<MapFile> {
    let bad = |msg: String| {
        Error::Message(tr!(
            lang,
            "import.bad-map",
            path = path.display(),
            error = msg
        ))
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

/// Where each value fed to the builder came from: its "line" numbers are
/// indexes into this table (plus one).
#[derive(Default)]
struct Places(Vec<(u32, Option<usize>)>);

impl Places {
    fn token(&mut self, row: u32, col: Option<usize>) -> u32 {
        self.0.push((row, col));
        self.0.len() as u32
    }

    fn get(&self, token: u32) -> Option<(u32, Option<usize>)> {
        self.0.get(token.checked_sub(1)? as usize).copied()
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

/// Runs an import into the folder `root`; `progress` tracks the reading of
/// the folder.
pub fn run(root: &Path, opts: &Options, lang: Lang, progress: &mut Progress) -> Result<Outcome> {
    let kind = opts.kind;
    let schema = fields(kind);
    let file_name = opts
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = slug(
        &opts
            .file
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let map = match &opts.map {
        Some(p) => read_map(p, lang)?,
        None => MapFile::default(),
    };
    let person_list = schema.iter().any(|(n, _)| *n == "person");

    // Fixed values: the map's [set], then --set; each must be a field.
    let mut fixed: Vec<(String, String)> = Vec::new();
    for (k, v) in map.set.iter().chain(opts.set.iter()) {
        let k = k.trim().to_ascii_lowercase();
        let known = schema.iter().any(|(n, _)| *n == k)
            || (person_list && matches!(k.as_str(), "direct_worker" | "position"));
        if !known {
            let names: Vec<&str> = schema.iter().map(|(n, _)| *n).collect();
            return Err(Error::Message(tr!(
                lang,
                "import.bad-set",
                field = k,
                fields = names.join(", ")
            )));
        }
        fixed.retain(|(f, _)| *f != k);
        fixed.push((k, v.trim().to_string()));
    }

    // Read the file.
    let mut grid =
        source::read(&opts.file, opts.sheet.as_deref(), opts.encoding).map_err(|e| match e {
            source::SourceError::Unreadable(msg) => Error::Message(tr!(
                lang,
                "import.unreadable",
                path = opts.file.display(),
                error = msg
            )),
            source::SourceError::NoSheet { wanted, sheets } => Error::Message(tr!(
                lang,
                "import.no-sheet",
                sheet = wanted,
                sheets = sheets.join(", ")
            )),
            source::SourceError::Unsupported(ext) => {
                Error::Message(tr!(lang, "import.unsupported", ext = ext))
            }
        })?;
    let legacy = convert_legacy(&mut grid, opts.encoding);
    let Some(header) = header::find(&grid, kind, &map.columns, map.header_row) else {
        return Err(Error::Message(tr!(
            lang,
            "import.no-header",
            path = file_name
        )));
    };

    let mut out = Outcome {
        file: file_name.clone(),
        sheet: grid.sheet.clone(),
        header_row: header.number,
        encoding: grid.encoding.map(TextEncoding::label),
        legacy,
        delimiter: grid.delimiter.map(char::from),
        ..Outcome::default()
    };
    let place = |grid: &Grid, row: u32, col: Option<usize>| match (&grid.sheet, col) {
        (Some(_), Some(c)) => grid.cell_name(row, c).unwrap_or_default(),
        (Some(s), None) => format!("{s}!{row}"),
        (None, _) => format!("{file_name}:{row}"),
    };
    for (c, h) in &header.unknown {
        let msg = tr!(lang, "import.unknown-header", header = h.replace('\n', " "));
        let mut d = Diagnostic::new("unknown-column", Severity::Warning, msg)
            .at(file_name.clone(), Some(header.number))
            .help(lang.t("import.map-help"));
        if let Some(cell) = grid.cell_name(header.number, *c) {
            d = d.cell(cell);
        }
        out.warnings.push(d);
    }
    for (c, h) in &header.repeated {
        let msg = tr!(
            lang,
            "import.repeated-header",
            header = h.replace('\n', " ")
        );
        let mut d = Diagnostic::new("unknown-column", Severity::Warning, msg)
            .at(file_name.clone(), Some(header.number));
        if let Some(cell) = grid.cell_name(header.number, *c) {
            d = d.cell(cell);
        }
        out.warnings.push(d);
    }

    // What the title block says, for fields neither a column nor --set gives.
    let title_lines: Vec<String> = grid.rows[..header.index]
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .filter(|v| !v.is_empty())
                .map(Value::text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let facts: TitleFacts = values::title_facts(&title_lines);
    let mut defaults: HashMap<String, String> = HashMap::new();
    for (f, v) in facts.fields() {
        if schema.iter().any(|(n, _)| *n == f) && !fixed.iter().any(|(k, _)| k == f) {
            if header.column_of(&Target::Field(f)).is_none() {
                out.from_title.push((f, v.clone()));
            }
            defaults.insert(f.to_string(), v);
        }
    }
    for (k, v) in &fixed {
        defaults.insert(k.clone(), v.clone());
    }

    // The folder as it is.
    load::ensure_folder(root, lang)?;
    let (settings, setting_diags) = Settings::load(root, lang);
    let mut folder_sink = Diagnostics::with_overrides(settings.levels.clone());
    folder_sink.extend(setting_diags);
    let mut ds = load::load_checked(root, &settings, lang, &mut folder_sink, progress)?;
    out.folder_errors = folder_sink.errors();
    let dir = Directory::new(&ds);

    // Rows to records.
    let mut places = Places::default();
    let mut taken_ids: HashSet<String> = ids_of(&ds, kind);
    let mut seen_keys: HashSet<String> = existing_keys(&ds, kind);
    let mut pending: Vec<Pending> = Vec::new();
    let mut newcomers = Newcomers {
        stem: stem.clone(),
        ids: ids_of(&ds, RecordType::Person),
        people: Vec::new(),
        by_key: HashMap::new(),
    };
    let stt_col = header
        .columns
        .iter()
        .find(|(_, h, t)| {
            *t == Target::Ignore
                && header::meaning(h) == Some("ignore")
                && text::fold_ascii(h).contains("tt")
        })
        .map(|(c, _, _)| *c);
    let data_rows = &grid.rows[header.index + 1..];
    let mut bar = RowBar::new(
        opts.progress,
        data_rows.len() as u64,
        lang.pick("Đang nhập", "Importing"),
    );
    for (i, row) in data_rows.iter().enumerate() {
        if i % 256 == 0 {
            bar.at(i as u64);
        }
        if header::ends_table(&row.cells) {
            break;
        }
        if !is_data_row(row, &header, stt_col) {
            continue;
        }
        let cell =
            |col: Option<usize>| col.and_then(|c| row.cells.get(c)).filter(|v| !v.is_empty());
        let mut p = Pending {
            row: row.number,
            values: vec![None; schema.len()],
            key_col: None,
            errors: Vec::new(),
            new_person: None,
        };
        for (c, _, t) in &header.columns {
            if let (Target::Field(f), Some(v)) = (t, cell(Some(*c))) {
                let idx = schema.iter().position(|(n, _)| n == f).unwrap_or(0);
                let s = normalise(v, field_type(f));
                if !s.is_empty() {
                    p.values[idx] = Some((s, Some(*c)));
                }
            }
        }
        let name_col = header.column_of(&Target::Name);
        let unit_col = header.column_of(&Target::PersonUnit);
        p.key_col = name_col.filter(|c| cell(Some(*c)).is_some()).or_else(|| {
            header
                .columns
                .iter()
                .find(|(c, _, t)| *t != Target::Ignore && cell(Some(*c)).is_some())
                .map(|(c, _, _)| *c)
        });
        for (idx, (f, _)) in schema.iter().enumerate() {
            if p.values[idx].is_none() {
                if let Some(v) = defaults.get(*f).filter(|v| !v.is_empty()) {
                    p.values[idx] = Some((normalise(&Value::Text(v.clone()), field_type(f)), None));
                }
            }
        }
        let at = |col: Option<usize>| place(&grid, row.number, col);
        let err = |rule: &'static str, msg: String, col: Option<usize>| {
            let mut d =
                Diagnostic::new(rule, Severity::Error, msg).at(file_name.clone(), Some(row.number));
            if grid.sheet.is_some() {
                d = d.cell(at(col.or(p.key_col)));
            }
            d
        };

        // Who: a person id, else a name (and unit) to find.
        let idx_of = |f: &str| schema.iter().position(|(n, _)| *n == f);
        if person_list {
            let (pi, ui) = (idx_of("person").unwrap_or(0), idx_of("unit").unwrap_or(0));
            let name = cell(name_col).map(Value::text);
            if p.values[pi].is_none() && p.values[ui].is_some() && name.is_none() {
                // A collective: the unit by id or name.
                let given = p.values[ui].clone().unwrap_or_default();
                match dir.unit(&given.0) {
                    Found::One(u) => {
                        p.values[ui] = Some((ds.str(ds.units[u].id).to_string(), given.1))
                    }
                    Found::Many(v) => p.errors.push(err(
                        "unknown-reference",
                        ambiguous_units(&ds, lang, &given.0, &v),
                        given.1,
                    )),
                    Found::None => {}
                }
            } else if p.values[pi].is_none() {
                if let Some(name) = name {
                    let unit_text = cell(unit_col).map(Value::text);
                    let unit = match unit_text.as_deref().map(|u| (u, dir.unit(u))) {
                        None => Ok(None),
                        Some((_, Found::One(u))) => Ok(Some(u)),
                        Some((u, Found::None)) => Err(err(
                            "unknown-reference",
                            tr!(lang, "import.unknown-unit", unit = u),
                            unit_col,
                        )),
                        Some((u, Found::Many(v))) => Err(err(
                            "unknown-reference",
                            ambiguous_units(&ds, lang, u, &v),
                            unit_col,
                        )),
                    };
                    match unit {
                        Err(d) => p.errors.push(d),
                        Ok(unit) => match dir.person(&ds, &name, unit) {
                            Found::One(i) => {
                                p.values[pi] = Some((ds.str(ds.people[i].id).to_string(), name_col))
                            }
                            // Lists of "tập thể, cá nhân" name collectives in the same column.
                            Found::None
                                if unit.is_none() && matches!(dir.unit(&name), Found::One(_)) =>
                            {
                                if let Found::One(u) = dir.unit(&name) {
                                    p.values[ui] =
                                        Some((ds.str(ds.units[u].id).to_string(), name_col));
                                }
                            }
                            Found::Many(v) => {
                                let list = v
                                    .iter()
                                    .map(|&i| {
                                        format!(
                                            "{} ({})",
                                            ds.str(ds.people[i].id),
                                            ds.recipient_name(crate::model::Recipient::Unit(
                                                ds.people[i].unit
                                            ))
                                        )
                                    })
                                    .collect::<Vec<_>>()
                                    .join(", ");
                                let d = err(
                                    "unknown-reference",
                                    tr!(
                                        lang,
                                        "import.ambiguous-person",
                                        name = name,
                                        candidates = list
                                    ),
                                    name_col,
                                )
                                .help(lang.t("import.ambiguous-help"));
                                p.errors.push(d);
                            }
                            Found::None if opts.create_people => match unit {
                                None => p.errors.push(err(
                                    "missing-value",
                                    tr!(lang, "import.create-needs-unit", name = name),
                                    name_col,
                                )),
                                Some(u) => {
                                    let position = cell(header.column_of(&Target::Position))
                                        .map(Value::text)
                                        .or_else(|| defaults.get("position").cloned());
                                    let direct = cell(header.column_of(&Target::DirectWorker))
                                        .map(|v| normalise(v, values::FieldType::Bool))
                                        .or_else(|| defaults.get("direct_worker").cloned());
                                    let cols = [
                                        name_col,
                                        unit_col,
                                        header.column_of(&Target::Position),
                                        header.column_of(&Target::DirectWorker),
                                    ];
                                    let n = newcomers
                                        .add(&ds, &name, u, row.number, cols, position, direct);
                                    p.values[pi] = Some((newcomers.id(n), name_col));
                                    p.new_person = Some(n);
                                }
                            },
                            Found::None => {
                                let msg = match &unit_text {
                                    Some(u) => {
                                        tr!(lang, "import.unknown-person-in", name = name, unit = u)
                                    }
                                    None => tr!(lang, "import.unknown-person", name = name),
                                };
                                let help = match dir.suggest_people(&ds, &name, unit) {
                                    Some(who) => {
                                        tr!(lang, "import.did-you-mean-person", people = who)
                                    }
                                    None => lang.t("import.create-help").to_string(),
                                };
                                p.errors
                                    .push(err("unknown-reference", msg, name_col).help(help));
                            }
                        },
                    }
                }
            }
        }
        // Units and people name their unit / parent by id or name.
        for f in ["unit", "parent", "proposed_by"] {
            let resolve = match kind {
                RecordType::Person => f == "unit",
                RecordType::Unit => f == "parent",
                RecordType::Proposal => f == "proposed_by",
                _ => false,
            };
            if let (true, Some(i)) = (resolve, idx_of(f)) {
                if let Some((given, col)) = p.values[i].clone() {
                    match dir.unit(&given) {
                        Found::One(u) => {
                            p.values[i] = Some((ds.str(ds.units[u].id).to_string(), col))
                        }
                        Found::Many(v) => p.errors.push(err(
                            "unknown-reference",
                            ambiguous_units(&ds, lang, &given, &v),
                            col,
                        )),
                        Found::None => {}
                    }
                }
            }
        }
        // Codes as codes, so the file reads like one written by hand.
        for (idx, (f, _)) in schema.iter().enumerate() {
            if let Some((v, c)) = p.values[idx].take() {
                p.values[idx] = Some((canonical(kind, f, &v), c));
            }
        }
        // Already in the folder, or earlier in this file?
        if let Some(key) = row_key(kind, schema, &p.values).filter(|_| p.errors.is_empty()) {
            if !seen_keys.insert(key) {
                out.skipped.push(Skipped {
                    at: at(p.key_col),
                    row: row.number,
                });
                continue;
            }
        }
        // An id, stable for the file and row, where the sheet gives none.
        if schema[0].0 == "id" && p.values[0].is_none() {
            p.values[0] = Some((
                unique_id(&format!("{stem}-{}", row.number), &mut taken_ids),
                None,
            ));
        } else if let Some((id, _)) = p
            .values
            .first()
            .and_then(|v| v.as_ref())
            .filter(|_| schema[0].0 == "id")
        {
            taken_ids.insert(id.clone());
        }
        pending.push(p);
    }
    bar.finish();
    // New people only for rows that were kept.
    let used: HashSet<usize> = pending.iter().filter_map(|p| p.new_person).collect();

    // Build the new records with the loader's own builder, then check the
    // folder with them.
    let marker = format!("\u{1}import:{file_name}");
    let this_year = load::today().year();
    let people_file = FileId(ds.files.len() as u32);
    ds.files.push(SourceFile {
        path: marker.clone(),
        kind: RecordType::Person,
    });
    let main_file = FileId(ds.files.len() as u32);
    ds.files.push(SourceFile {
        path: marker.clone(),
        kind,
    });
    let mut sink = Diagnostics::with_overrides(settings.levels.clone());
    {
        let mut b = Builder::new(&mut ds, lang, this_year);
        for np in newcomers
            .people
            .iter()
            .enumerate()
            .filter(|(n, _)| used.contains(n))
            .map(|(_, np)| np)
        {
            build_row(
                &mut b,
                &mut places,
                RecordType::Person,
                people_file,
                np.row,
                np.key_col,
                &np.values,
            );
        }
        for p in &pending {
            build_row(
                &mut b,
                &mut places,
                kind,
                main_file,
                p.row,
                p.key_col,
                &p.values,
            );
        }
        sink.extend(b.diags.drain(..));
    }
    crate::rules::structural::check(&mut ds, &settings, lang, load::today(), &mut sink);
    // The law's rules, exactly as `check` runs them: their findings on the
    // new rows block the import (errors) or are shown (warnings) like the
    // structural ones.
    crate::rules::check_law(&ds, &settings, lang, &mut sink);

    // Findings on the new rows, placed at their cells; rows with errors are rejected.
    let mut rejected: HashSet<u32> = HashSet::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    for p in &pending {
        for d in &p.errors {
            rejected.insert(p.row);
            errors.push(d.clone());
        }
    }
    // A row whose person could not be found has already said so.
    let unresolved: HashSet<u32> = pending
        .iter()
        .filter(|p| !p.errors.is_empty())
        .map(|p| p.row)
        .collect();
    for mut d in sink.into_items() {
        if d.file.as_deref() != Some(marker.as_str()) {
            continue;
        }
        let (row, col) = d.line.and_then(|t| places.get(t)).unwrap_or((0, None));
        if d.rule == "recipient-conflict" && unresolved.contains(&row) {
            continue;
        }
        d.file = Some(file_name.clone());
        d.line = Some(row);
        if grid.sheet.is_some() {
            d.cell = Some(place(&grid, row, col));
        }
        d.related.retain(|r| r.file != marker);
        match d.severity {
            Severity::Error => {
                rejected.insert(row);
                errors.push(d);
            }
            Severity::Warning => out.warnings.push(d),
        }
    }
    errors.sort_by_key(|d| (d.line, d.cell.clone()));
    out.rejected_rows = rejected.len();
    out.errors = summary::collapse_missing(errors, pending.len(), kind, &file_name, lang);

    // What to write.
    let keep: Vec<&Pending> = pending
        .iter()
        .filter(|p| !rejected.contains(&p.row))
        .collect();
    let people_kept: Vec<usize> = {
        let mut v: Vec<usize> = keep.iter().filter_map(|p| p.new_person).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    out.added = keep.len();
    out.created_people = people_kept.len();
    out.guessed_direct = people_kept
        .iter()
        .filter(|&&n| newcomers.people[n].guessed)
        .count();
    if out.has_rejections() && !opts.skip_invalid {
        out.added = 0;
        out.created_people = 0;
        return Ok(out);
    }
    let mut files = Vec::new();
    let mut taken = Vec::new();
    if !people_kept.is_empty() {
        let rel = write::free_name(root, RecordType::Person.plural(), &stem, &taken);
        let rows = people_kept.iter().map(|&n| &newcomers.people[n].values);
        files.push(NewFile {
            rel: rel.clone(),
            bytes: to_csv(RecordType::Person, rows)?,
        });
        taken.push(rel);
    }
    if !keep.is_empty() {
        let rel = write::free_name(root, kind.plural(), &stem, &taken);
        files.push(NewFile {
            rel,
            bytes: to_csv(kind, keep.iter().map(|p| &p.values))?,
        });
    }
    if !opts.dry_run && !files.is_empty() {
        write::commit(root, &files, opts.fail)?;
        out.written = true;
    }
    out.files = files;
    Ok(out)
}

/// Hands one row to the loader's builder, each value's "line" being the
/// token of the cell it came from.
fn build_row(
    b: &mut Builder<'_>,
    places: &mut Places,
    kind: RecordType,
    file: FileId,
    row: u32,
    key_col: Option<usize>,
    values: &[Option<(String, Option<usize>)>],
) {
    let line = places.token(row, key_col);
    let mut vals: Values<'_> = [None; MAX_FIELDS];
    for (i, v) in values.iter().enumerate() {
        if let Some((s, c)) = v {
            vals[i] = Some((s.as_str(), places.token(row, c.or(key_col))));
        }
    }
    b.build(kind, file, line, &vals);
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

fn ambiguous_units(ds: &Dataset, lang: Lang, given: &str, v: &[usize]) -> String {
    let list = v
        .iter()
        .map(|&i| ds.str(ds.units[i].id))
        .collect::<Vec<_>>()
        .join(", ");
    tr!(
        lang,
        "import.ambiguous-unit",
        unit = given,
        candidates = list
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
    let header: Vec<&str> = fields(kind).iter().map(|(n, _)| *n).collect();
    w.write_record(&header)
        .map_err(|e| Error::Message(e.to_string()))?;
    for r in rows {
        let rec: Vec<String> = r
            .iter()
            .map(|v| {
                v.as_ref()
                    .map(|(s, _)| text::clean(s).into_owned())
                    .unwrap_or_default()
            })
            .collect();
        w.write_record(&rec)
            .map_err(|e| Error::Message(e.to_string()))?;
    }
    w.into_inner().map_err(|e| Error::Message(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
