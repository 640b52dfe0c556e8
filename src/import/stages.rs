//! [`run`], an import as named stages, each handing the next a value of its
//! own: **plan** (what to import: the kind, the map, the fixed values),
//! **sheet** (the file read and its header found, the title block's
//! values), **rows** (each data row's values by field), **resolve** (names
//! of people and units to ids, newcomers made), **keys** (codes made
//! canonical, rows already in the folder skipped, ids given), **validate**
//! (the folder with the new rows through the engine's structural and law
//! rules, findings placed at their cells) and **output** (the new files,
//! written all or nothing).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{
    ambiguous_units, build_row, canonical, convert_legacy, existing_keys, header, ids_of,
    is_data_row, read_map, row_key, slug, source, to_csv, unique_id, values, write, MapFile,
    Newcomers, Options, Outcome, Pending, Places, RowBar, Skipped,
};
use crate::diag::{Diagnostic, Diagnostics, RuleId, Severity};
use crate::engine::{self, EngineInput};
use crate::i18n::{Arg, Key, Lang, Msg};
use crate::load::schema::{fields, Builder, Need};
use crate::load::Progress;
use crate::model::{text, Dataset, FileId, RecordType, SourceFile};
use crate::rules::config::RuleConfig;
use crate::{msg, Error, Result};

use super::encoding::TextEncoding;
use super::header::{Header, Target};
use super::legacy::Legacy;
use super::matching::{Directory, Found};
use super::source::{Grid, Value};
use super::values::{field_type, normalise, TitleFacts};
use super::write::NewFile;

/// Runs an import into the folder `root`; `progress` tracks the reading of
/// the folder.
pub fn run(root: &Path, opts: &Options, lang: Lang, progress: &mut Progress) -> Result<Outcome> {
    let plan = plan(opts)?;
    let sheet = read_sheet(&plan, opts)?;
    let mut out = start_outcome(&plan, &sheet);
    let defaults = title_defaults(&plan, &sheet, &mut out);
    // One writer at a time, from reading the folder (the ids handed out)
    // until the new files are in place.
    crate::load::ensure_folder(root)?;
    let _lock = match opts.dry_run {
        true => None,
        false => Some(crate::lock::acquire(root, "import", crate::lock::WAIT)?),
    };
    if !opts.dry_run {
        // A commit a killed import left half done is finished (or dropped)
        // before the folder is read, so that the ids handed out see it.
        crate::fsutil::recover(root)?;
    }

    // The folder as it is.
    let input = EngineInput {
        root,
        today: opts.today,
        law: false,
        law_years: None,
    };
    let checked = engine::run(&input, progress)?;
    out.folder_errors = checked.diagnostics.errors();
    let (config, mut ds) = (checked.config, checked.dataset);

    let rows = read_rows(&plan, &sheet, &defaults, &ds, opts, lang, &mut out);
    let checks = validate(&plan, &sheet, &rows, &mut ds, &config, opts);
    out.rejected_rows = checks.rejected.len();
    let pending = rows.pending.len();
    out.errors =
        super::summary::collapse_missing(checks.errors, pending, plan.kind, &plan.file_name);
    out.warnings.extend(checks.warnings);
    output(root, opts, &plan, &rows, &checks.rejected, out)
}

/// Stage **plan**: what to import, from the options and the map file.
struct Plan {
    kind: RecordType,
    schema: &'static [(&'static str, Need)],
    /// The imported file's name, as findings name it.
    file_name: String,
    /// The file's name as the stem of ids and new files.
    stem: String,
    map: MapFile,
    /// Whether the rows name a person (awards, evaluations, proposals).
    person_list: bool,
    /// The map's `[set]`, then `--set`: field and value.
    fixed: Vec<(String, String)>,
}

fn plan(opts: &Options) -> Result<Plan> {
    let kind = opts.kind;
    let schema = fields(kind);
    let name_of = |p: Option<&std::ffi::OsStr>| {
        p.map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let map = match &opts.map {
        Some(p) => read_map(p)?,
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
            return Err(Error::BadSetField {
                field: k,
                fields: names.join(", "),
            });
        }
        fixed.retain(|(f, _)| *f != k);
        fixed.push((k, v.trim().to_string()));
    }
    Ok(Plan {
        kind,
        schema,
        file_name: name_of(opts.file.file_name()),
        stem: slug(&name_of(opts.file.file_stem())),
        map,
        person_list,
        fixed,
    })
}

/// Stage **sheet**: the file read into a grid of cells, and its header.
struct Sheet {
    grid: Grid,
    legacy: Option<Legacy>,
    header: Header,
}

impl Sheet {
    /// Where a finding on `row` (and `col`) is shown: a cell of a workbook,
    /// a line of a CSV file.
    fn place(&self, file_name: &str, row: u32, col: Option<usize>) -> String {
        match (&self.grid.sheet, col) {
            (Some(_), Some(c)) => self.grid.cell_name(row, c).unwrap_or_default(),
            (Some(s), None) => format!("{s}!{row}"),
            (None, _) => format!("{file_name}:{row}"),
        }
    }
}

fn read_sheet(plan: &Plan, opts: &Options) -> Result<Sheet> {
    let limits = if opts.allow_large_sheet {
        super::limits::Limits::NONE
    } else {
        super::limits::Limits::DEFAULT
    };
    let mut grid = source::read(&opts.file, opts.sheet.as_deref(), opts.encoding, limits).map_err(
        |e| match e {
            source::SourceError::Unreadable(error) => Error::Unreadable {
                path: opts.file.clone(),
                error,
            },
            source::SourceError::NoSheet { wanted, sheets } => Error::NoSheet {
                sheet: wanted,
                sheets,
            },
            source::SourceError::Unsupported(ext) => Error::Unsupported { ext },
            source::SourceError::TooLarge(exceeded) => Error::SheetTooLarge {
                path: opts.file.clone(),
                exceeded,
            },
        },
    )?;
    let legacy = convert_legacy(&mut grid, opts.encoding);
    let Some(header) = header::find(&grid, plan.kind, &plan.map.columns, plan.map.header_row)
    else {
        return Err(Error::NoHeader {
            file: plan.file_name.clone(),
        });
    };
    Ok(Sheet {
        grid,
        legacy,
        header,
    })
}

/// The outcome as far as the sheet tells: the file, its header and the
/// warnings about its columns.
fn start_outcome(plan: &Plan, sheet: &Sheet) -> Outcome {
    let (grid, header) = (&sheet.grid, &sheet.header);
    let mut out = Outcome {
        file: plan.file_name.clone(),
        sheet: grid.sheet.clone(),
        header_row: header.number,
        encoding: grid.encoding.map(TextEncoding::label),
        legacy: sheet.legacy,
        delimiter: grid.delimiter.map(char::from),
        ..Outcome::default()
    };
    let column_warning = |c: usize, msg: Msg| {
        let mut d = Diagnostic::new(RuleId::UnknownColumn, msg)
            .at(plan.file_name.clone(), Some(header.number));
        if let Some(cell) = grid.cell_name(header.number, c) {
            d = d.cell(cell);
        }
        d
    };
    for (c, h) in &header.unknown {
        let msg = msg!(Key::ImportUnknownHeader, header = h.replace('\n', " "));
        let d = column_warning(*c, msg).help(Key::ImportMapHelp);
        out.warnings.push(d);
    }
    for (c, h) in &header.repeated {
        let msg = msg!(Key::ImportRepeatedHeader, header = h.replace('\n', " "));
        out.warnings.push(column_warning(*c, msg));
    }
    out
}

/// The values of fields no column gives: the title block's, then the fixed
/// ones. Those taken from the title are noted in `out`.
fn title_defaults(plan: &Plan, sheet: &Sheet, out: &mut Outcome) -> HashMap<String, String> {
    let title_lines: Vec<String> = sheet.grid.rows[..sheet.header.index]
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
        if plan.schema.iter().any(|(n, _)| *n == f) && !plan.fixed.iter().any(|(k, _)| k == f) {
            if sheet.header.column_of(&Target::Field(f)).is_none() {
                out.from_title.push((f, v.clone()));
            }
            defaults.insert(f.to_string(), v);
        }
    }
    for (k, v) in &plan.fixed {
        defaults.insert(k.clone(), v.clone());
    }
    defaults
}

/// What the rows stage hands on: the rows kept, and the people to create.
struct Rows {
    pending: Vec<Pending>,
    newcomers: Newcomers,
}

/// Stages **rows**, **resolve** and **keys**, row by row: the data rows of
/// the sheet to pending records. Rows already in the folder (or earlier in
/// the file) go to `out.skipped`.
#[allow(clippy::too_many_arguments)]
fn read_rows(
    plan: &Plan,
    sheet: &Sheet,
    defaults: &HashMap<String, String>,
    ds: &Dataset,
    opts: &Options,
    lang: Lang,
    out: &mut Outcome,
) -> Rows {
    let mut resolver = Resolver {
        plan,
        sheet,
        defaults,
        ds,
        dir: Directory::new(ds),
        opts,
        newcomers: Newcomers {
            stem: plan.stem.clone(),
            ids: ids_of(ds, RecordType::Person),
            people: Vec::new(),
            by_key: HashMap::new(),
        },
    };
    let mut keys = Keys {
        taken_ids: ids_of(ds, plan.kind),
        seen: existing_keys(ds, plan.kind),
    };
    let header = &sheet.header;
    let stt_col = header
        .columns
        .iter()
        .find(|(_, h, t)| {
            *t == Target::Ignore
                && header::meaning(h) == Some("ignore")
                && text::fold_ascii(h).contains("tt")
        })
        .map(|(c, _, _)| *c);
    let data_rows = &sheet.grid.rows[header.index + 1..];
    let mut bar = RowBar::new(
        opts.progress,
        data_rows.len() as u64,
        lang.pick("Đang nhập", "Importing"),
    );
    let mut pending = Vec::new();
    for (i, row) in data_rows.iter().enumerate() {
        if i % 256 == 0 {
            bar.at(i as u64);
        }
        if header::ends_table(&row.cells) {
            break;
        }
        if !is_data_row(row, header, stt_col) {
            continue;
        }
        let mut p = row_values(plan, sheet, defaults, row);
        resolver.resolve(&mut p, row);
        match keys.give(plan, &mut p) {
            Ok(()) => pending.push(p),
            Err(()) => out.skipped.push(Skipped {
                at: sheet.place(&plan.file_name, row.number, p.key_col),
                row: row.number,
            }),
        }
    }
    bar.finish();
    Rows {
        pending,
        newcomers: resolver.newcomers,
    }
}

/// Stage **rows**: one sheet row's values, by field, with the defaults for
/// fields it leaves empty.
fn row_values(
    plan: &Plan,
    sheet: &Sheet,
    defaults: &HashMap<String, String>,
    row: &source::Row,
) -> Pending {
    let (schema, header) = (plan.schema, &sheet.header);
    let cell = |col: usize| row.cells.get(col).filter(|v| !v.is_empty());
    let mut p = Pending {
        row: row.number,
        values: vec![None; schema.len()],
        key_col: None,
        errors: Vec::new(),
        new_person: None,
    };
    for (c, _, t) in &header.columns {
        if let (Target::Field(f), Some(v)) = (t, cell(*c)) {
            let idx = schema.iter().position(|(n, _)| n == f).unwrap_or(0);
            let s = normalise(v, field_type(f));
            if !s.is_empty() {
                p.values[idx] = Some((s, Some(*c)));
            }
        }
    }
    let name_col = header.column_of(&Target::Name);
    p.key_col = name_col.filter(|c| cell(*c).is_some()).or_else(|| {
        header
            .columns
            .iter()
            .find(|(c, _, t)| *t != Target::Ignore && cell(*c).is_some())
            .map(|(c, _, _)| *c)
    });
    for (idx, (f, _)) in schema.iter().enumerate() {
        if p.values[idx].is_none() {
            if let Some(v) = defaults.get(*f).filter(|v| !v.is_empty()) {
                p.values[idx] = Some((normalise(&Value::Text(v.clone()), field_type(f)), None));
            }
        }
    }
    p
}

/// Stage **resolve**: what finds the people and units rows name.
struct Resolver<'a> {
    plan: &'a Plan,
    sheet: &'a Sheet,
    defaults: &'a HashMap<String, String>,
    ds: &'a Dataset,
    dir: Directory,
    opts: &'a Options,
    newcomers: Newcomers,
}

impl Resolver<'_> {
    /// Names of people and units in `p` to their ids; what cannot be found
    /// goes to `p.errors`.
    fn resolve(&mut self, p: &mut Pending, row: &source::Row) {
        if self.plan.person_list {
            self.recipient(p, row);
        }
        self.unit_references(p, row);
    }

    fn idx_of(&self, f: &str) -> Option<usize> {
        self.plan.schema.iter().position(|(n, _)| *n == f)
    }

    fn cell<'r>(&self, row: &'r source::Row, col: Option<usize>) -> Option<&'r Value> {
        col.and_then(|c| row.cells.get(c)).filter(|v| !v.is_empty())
    }

    /// An error on `row`, at column `col` (else the row's key cell).
    fn err(&self, p: &Pending, rule: RuleId, msg: Msg, col: Option<usize>) -> Diagnostic {
        let mut d = Diagnostic::new(rule, msg).at(self.plan.file_name.clone(), Some(p.row));
        if self.sheet.grid.sheet.is_some() {
            d = d.cell(
                self.sheet
                    .place(&self.plan.file_name, p.row, col.or(p.key_col)),
            );
        }
        d
    }

    /// Who: a person id, else a name (and unit) to find; a collective by its
    /// unit.
    fn recipient(&mut self, p: &mut Pending, row: &source::Row) {
        let ds = self.ds;
        let (pi, ui) = (
            self.idx_of("person").unwrap_or(0),
            self.idx_of("unit").unwrap_or(0),
        );
        let name_col = self.sheet.header.column_of(&Target::Name);
        let name = self.cell(row, name_col).map(Value::text);
        if p.values[pi].is_none() && p.values[ui].is_some() && name.is_none() {
            // A collective: the unit by id or name.
            let given = p.values[ui].clone().unwrap_or_default();
            match self.dir.unit(&given.0) {
                Found::One(u) => p.values[ui] = Some((ds.str(ds.units[u].id).to_string(), given.1)),
                Found::Many(v) => {
                    let msg = ambiguous_units(ds, &given.0, &v);
                    p.errors
                        .push(self.err(p, RuleId::UnknownReference, msg, given.1));
                }
                Found::None => {}
            }
        } else if p.values[pi].is_none() {
            if let Some(name) = name {
                self.person(p, row, &name, (pi, ui));
            }
        }
    }

    /// A person named `name`, in the unit the row names if it names one.
    fn person(&mut self, p: &mut Pending, row: &source::Row, name: &str, (pi, ui): (usize, usize)) {
        let ds = self.ds;
        let header = &self.sheet.header;
        let (name_col, unit_col) = (
            header.column_of(&Target::Name),
            header.column_of(&Target::PersonUnit),
        );
        let unit_text = self.cell(row, unit_col).map(Value::text);
        let unit = match unit_text.as_deref().map(|u| (u, self.dir.unit(u))) {
            None => None,
            Some((_, Found::One(u))) => Some(u),
            Some((u, Found::None)) => {
                let msg = msg!(Key::ImportUnknownUnit, unit = u.to_string());
                p.errors
                    .push(self.err(p, RuleId::UnknownReference, msg, unit_col));
                return;
            }
            Some((u, Found::Many(v))) => {
                let msg = ambiguous_units(ds, u, &v);
                p.errors
                    .push(self.err(p, RuleId::UnknownReference, msg, unit_col));
                return;
            }
        };
        match self.dir.person(ds, name, unit) {
            Found::One(i) => p.values[pi] = Some((ds.str(ds.people[i].id).to_string(), name_col)),
            // Lists of "tập thể, cá nhân" name collectives in the same column.
            Found::None if unit.is_none() && matches!(self.dir.unit(name), Found::One(_)) => {
                if let Found::One(u) = self.dir.unit(name) {
                    p.values[ui] = Some((ds.str(ds.units[u].id).to_string(), name_col));
                }
            }
            Found::Many(v) => {
                let list = v.iter().map(|&i| {
                    let unit = crate::model::Recipient::Unit(ds.people[i].unit);
                    msg!(
                        Key::ImportNamesake,
                        id = ds.str(ds.people[i].id).to_string(),
                        unit = ds.recipient_name(unit).to_string()
                    )
                });
                let msg = msg!(
                    Key::ImportAmbiguousPerson,
                    name = name.to_string(),
                    candidates = Arg::list(Key::ListComma, list)
                );
                let d = self
                    .err(p, RuleId::UnknownReference, msg, name_col)
                    .help(Key::ImportAmbiguousHelp);
                p.errors.push(d);
            }
            Found::None if self.opts.create_people => match unit {
                None => {
                    let msg = msg!(Key::ImportCreateNeedsUnit, name = name.to_string());
                    p.errors
                        .push(self.err(p, RuleId::MissingValue, msg, name_col));
                }
                Some(u) => self.create(p, row, name, u, pi),
            },
            Found::None => {
                let help = match self.dir.suggest_people(ds, name, unit) {
                    Some(who) => msg!(Key::ImportDidYouMeanPerson, people = who),
                    None => Msg::new(Key::ImportCreateHelp),
                };
                let name = name.to_string();
                let msg = match &unit_text {
                    Some(u) => msg!(Key::ImportUnknownPersonIn, name = name, unit = u.clone()),
                    None => msg!(Key::ImportUnknownPerson, name = name),
                };
                let d = self
                    .err(p, RuleId::UnknownReference, msg, name_col)
                    .help(help);
                p.errors.push(d);
            }
        }
    }

    /// `--create-people`: the newcomer named `name` in unit `u`.
    fn create(&mut self, p: &mut Pending, row: &source::Row, name: &str, u: usize, pi: usize) {
        let header = &self.sheet.header;
        let position = self
            .cell(row, header.column_of(&Target::Position))
            .map(Value::text)
            .or_else(|| self.defaults.get("position").cloned());
        let direct = self
            .cell(row, header.column_of(&Target::DirectWorker))
            .map(|v| normalise(v, values::FieldType::Bool))
            .or_else(|| self.defaults.get("direct_worker").cloned());
        let name_col = header.column_of(&Target::Name);
        let cols = [
            name_col,
            header.column_of(&Target::PersonUnit),
            header.column_of(&Target::Position),
            header.column_of(&Target::DirectWorker),
        ];
        let n = self
            .newcomers
            .add(self.ds, name, u, row.number, cols, position, direct);
        p.values[pi] = Some((self.newcomers.id(n), name_col));
        p.new_person = Some(n);
    }

    /// Units and people name their unit / parent by id or name.
    fn unit_references(&self, p: &mut Pending, _row: &source::Row) {
        let ds = self.ds;
        for f in ["unit", "parent", "proposed_by"] {
            let resolve = match self.plan.kind {
                RecordType::Person => f == "unit",
                RecordType::Unit => f == "parent",
                RecordType::Proposal => f == "proposed_by",
                _ => false,
            };
            if let (true, Some(i)) = (resolve, self.idx_of(f)) {
                if let Some((given, col)) = p.values[i].clone() {
                    match self.dir.unit(&given) {
                        Found::One(u) => {
                            p.values[i] = Some((ds.str(ds.units[u].id).to_string(), col))
                        }
                        Found::Many(v) => {
                            let msg = ambiguous_units(ds, &given, &v);
                            p.errors
                                .push(self.err(p, RuleId::UnknownReference, msg, col));
                        }
                        Found::None => {}
                    }
                }
            }
        }
    }
}

/// Stage **keys**: the ids and row keys already taken.
struct Keys {
    taken_ids: HashSet<String>,
    seen: HashSet<String>,
}

impl Keys {
    /// Codes as codes (so the file reads like one written by hand), then the
    /// row's key and id. `Err` when the folder or an earlier row already has
    /// the record.
    fn give(&mut self, plan: &Plan, p: &mut Pending) -> Result<(), ()> {
        let schema = plan.schema;
        for (idx, (f, _)) in schema.iter().enumerate() {
            if let Some((v, c)) = p.values[idx].take() {
                p.values[idx] = Some((canonical(plan.kind, f, &v), c));
            }
        }
        if let Some(key) = row_key(plan.kind, schema, &p.values).filter(|_| p.errors.is_empty()) {
            if !self.seen.insert(key) {
                return Err(());
            }
        }
        // An id, stable for the file and row, where the sheet gives none.
        if schema[0].0 == "id" && p.values[0].is_none() {
            p.values[0] = Some((
                unique_id(&format!("{}-{}", plan.stem, p.row), &mut self.taken_ids),
                None,
            ));
        } else if let Some((id, _)) = p
            .values
            .first()
            .and_then(|v| v.as_ref())
            .filter(|_| schema[0].0 == "id")
        {
            self.taken_ids.insert(id.clone());
        }
        Ok(())
    }
}

/// What the validate stage hands on: the rows rejected, and the findings
/// on the new rows, placed at their cells.
struct Checks {
    rejected: HashSet<u32>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Stage **validate**: the new records built with the loader's own builder
/// into the folder's dataset, then the engine's structural and law rules on
/// the whole, exactly as `check` runs them.
fn validate(
    plan: &Plan,
    sheet: &Sheet,
    rows: &Rows,
    ds: &mut Dataset,
    config: &RuleConfig,
    opts: &Options,
) -> Checks {
    // New people only for rows that were kept.
    let used: HashSet<usize> = rows.pending.iter().filter_map(|p| p.new_person).collect();
    let mut new = NewRows::new(ds, plan);
    let mut sink = Diagnostics::with_overrides(config.levels.clone());
    {
        let mut b = Builder::new(ds, opts.today.year());
        for (_, np) in rows
            .newcomers
            .people
            .iter()
            .enumerate()
            .filter(|(n, _)| used.contains(n))
        {
            let (row, key, kind) = (np.row, np.key_col, RecordType::Person);
            let (file, places) = (new.people.file, &mut new.people.places);
            build_row(&mut b, places, kind, file, row, key, &np.values);
        }
        for p in &rows.pending {
            let (row, key) = (p.row, p.key_col);
            let (file, places) = (new.main.file, &mut new.main.places);
            build_row(&mut b, places, plan.kind, file, row, key, &p.values);
        }
        sink.extend(b.diags.drain(..));
    }
    engine::structural(ds, opts.today, &mut sink);
    // Their findings on the new rows block the import (errors) or are shown
    // (warnings) like the structural ones.
    crate::rules::check_law(ds, config, &mut sink);
    place_findings(plan, sheet, &rows.pending, &new, sink)
}

/// The new rows of one record type, as a file of the dataset: its path (a
/// marker no folder path can be), its id, and where its rows came from.
struct RowFile {
    marker: String,
    file: FileId,
    places: Places,
}

/// The two files the new rows go into: the people the rows create, and the
/// rows' own records.
struct NewRows {
    people: RowFile,
    main: RowFile,
}

impl NewRows {
    fn new(ds: &mut Dataset, plan: &Plan) -> NewRows {
        let mut file = |tag: &str, kind: RecordType| {
            let marker = format!("\u{1}import{tag}:{}", plan.file_name);
            let file = FileId(ds.files.len() as u32);
            ds.files.push(SourceFile {
                path: marker.as_str().into(),
                kind,
            });
            RowFile {
                marker,
                file,
                places: Places::default(),
            }
        };
        NewRows {
            people: file("-people", RecordType::Person),
            main: file("", plan.kind),
        }
    }

    /// The file a finding is on, if it is one of the new ones.
    fn of(&self, path: Option<&str>) -> Option<&RowFile> {
        [&self.people, &self.main]
            .into_iter()
            .find(|f| path == Some(f.marker.as_str()))
    }
}

/// The findings of `sink` on the new rows, moved to the sheet's rows (their
/// lines) and cells (by their origin); with the errors found before, the
/// rows rejected.
fn place_findings(
    plan: &Plan,
    sheet: &Sheet,
    pending: &[Pending],
    new: &NewRows,
    sink: Diagnostics,
) -> Checks {
    let mut checks = Checks {
        rejected: HashSet::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    for p in pending {
        for d in &p.errors {
            checks.rejected.insert(p.row);
            checks.errors.push(d.clone());
        }
    }
    // A row whose person could not be found has already said so.
    let unresolved: HashSet<u32> = pending
        .iter()
        .filter(|p| !p.errors.is_empty())
        .map(|p| p.row)
        .collect();
    for mut d in sink.into_items() {
        let Some(file) = new.of(d.file.as_deref()) else {
            continue;
        };
        let row = d.line.unwrap_or(0);
        let col = file.places.column(row, d.origin);
        if d.rule == RuleId::RecipientConflict && unresolved.contains(&row) {
            continue;
        }
        d.file = Some(plan.file_name.as_str().into());
        d.line = Some(row);
        if sheet.grid.sheet.is_some() {
            d.cell = Some(sheet.place(&plan.file_name, row, col).into());
        }
        d.related.retain(|r| new.of(Some(&r.file)).is_none());
        match d.severity {
            Severity::Error => {
                checks.rejected.insert(row);
                checks.errors.push(d);
            }
            Severity::Warning => checks.warnings.push(d),
        }
    }
    checks.errors.sort_by_key(|d| (d.line, d.cell.clone()));
    checks
}

/// Stage **output**: the rows kept as new files (people first), written all
/// or nothing unless it is a dry run or rows were rejected without
/// `--skip-invalid`.
fn output(
    root: &Path,
    opts: &Options,
    plan: &Plan,
    rows: &Rows,
    rejected: &HashSet<u32>,
    mut out: Outcome,
) -> Result<Outcome> {
    let keep: Vec<&Pending> = rows
        .pending
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
        .filter(|&&n| rows.newcomers.people[n].guessed)
        .count();
    if out.has_rejections() && !opts.skip_invalid {
        out.added = 0;
        out.created_people = 0;
        return Ok(out);
    }
    let mut files = Vec::new();
    let mut taken = Vec::new();
    if !people_kept.is_empty() {
        let rel = write::free_name(root, RecordType::Person.plural(), &plan.stem, &taken);
        let people = people_kept
            .iter()
            .map(|&n| &rows.newcomers.people[n].values);
        files.push(NewFile {
            rel: rel.clone(),
            bytes: to_csv(RecordType::Person, people)?,
        });
        taken.push(rel);
    }
    if !keep.is_empty() {
        let rel = write::free_name(root, plan.kind.plural(), &plan.stem, &taken);
        files.push(NewFile {
            rel,
            bytes: to_csv(plan.kind, keep.iter().map(|p| &p.values))?,
        });
    }
    if !opts.dry_run && !files.is_empty() {
        write::commit(root, &files, opts.fail)?;
        out.written = true;
    }
    out.files = files;
    Ok(out)
}
