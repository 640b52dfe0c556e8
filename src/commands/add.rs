//! `thidua add TYPE FIELD=VALUE…`: one record without editing a file by
//! hand. The values are made canonical (a Vietnamese code name becomes its
//! code, `20/12/2018` an ISO date), a person or unit may be named by name,
//! and an id is generated when none is given. The folder plus the new record
//! goes through the structural checks and the law's rules first; a structural
//! error, or a law error without `--force`, refuses the record (exit 1,
//! nothing written). Otherwise the row is appended to its file atomically,
//! every other byte kept: the file's own delimiter and line ending, a final
//! line break added first where the file lacked one.

use std::path::{Path, PathBuf};

use crate::cli::{AddArgs, FieldValue};
use crate::diag::{Diagnostic, Diagnostics, Family, RuleId, Severity};
use crate::engine::{self, EngineInput};
use crate::i18n::{Arg, Key, Msg};
use crate::import::matching::{Directory, Found};
use crate::load::{self, canonical, schema, sniff, Progress};
use crate::model::{Dataset, RecordType};
use crate::{msg, tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

/// The new record: each column of its type with the value given (empty when
/// none), in the order of the format's tables.
type Record = Vec<(&'static str, String)>;

pub fn run(ctx: &mut Ctx<'_>, args: &AddArgs) -> Result<i32> {
    let lang = ctx.lang;
    load::ensure_folder(&ctx.data)?;
    let kind = args.kind.record_type();
    let mut record = parse_fields(kind, &args.fields)?;
    // One writer at a time: the folder is read and appended to under the
    // lock, after finishing or dropping a commit a killed writer left.
    let _lock = match args.dry_run {
        true => None,
        false => {
            let lock = crate::lock::acquire(&ctx.data, "add", crate::lock::WAIT)?;
            crate::fsutil::recover(&ctx.data)?;
            Some(lock)
        }
    };
    let mut quiet = Diagnostics::new();
    let ds = load::load(&ctx.data, ctx.today, &mut quiet, &mut Progress::hidden())?;
    if let Err(why) = resolve_names(&ds, kind, &mut record) {
        writeln!(ctx.err, "thidua: {}", why.render(lang))?;
        return Ok(EXIT_FINDINGS);
    }
    generate_id(&ds, kind, &mut record);
    let rel = target(&ctx.data, args.file.as_deref(), kind, &record);
    if !inside(&rel) {
        return Err(Error::AddOutside { path: rel });
    }
    let plan = append(&ctx.data.join(&rel), kind, &record)?;
    let found = check_with(&ctx.data, &rel, &plan, ctx.today)?;

    show(ctx, &record, &rel, &found)?;
    let structural = found.iter().any(|d| is_error(d, Family::Structural));
    let law = found.iter().any(|d| is_error(d, Family::Law));
    if structural || (law && !args.force) {
        let key = if structural {
            "add.refused"
        } else {
            "add.refused-law"
        };
        writeln!(ctx.err, "thidua: {}", lang.t(key))?;
        return Ok(EXIT_FINDINGS);
    }
    if args.dry_run {
        writeln!(ctx.err, "{}", tr!(lang, "add.dry-run", path = rel))?;
        return Ok(EXIT_OK);
    }
    let path = ctx.data.join(&rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    crate::fsutil::replace(&path, &plan.bytes)?;
    ctx.note(&tr!(lang, "add.added", path = rel, line = plan.line))?;
    Ok(EXIT_OK)
}

/// An error of the structural rules (`Family::Structural`) or of the law's
/// (any other family).
fn is_error(d: &Diagnostic, family: Family) -> bool {
    let structural = crate::rules::registry()
        .iter()
        .find(|r| r.id == d.rule)
        .is_none_or(|r| r.family == Family::Structural);
    d.severity == Severity::Error && structural == (family == Family::Structural)
}

/// `FIELD=VALUE` arguments into a record of `kind`; an unknown field or a
/// malformed argument is an error (exit 2), as with `import --set`.
fn parse_fields(kind: RecordType, given: &[FieldValue]) -> Result<Record> {
    let columns = schema::fields(kind);
    let mut record: Record = columns.iter().map(|(n, _)| (*n, String::new())).collect();
    for FieldValue { field, value } in given {
        let Some((i, _)) = schema::column(kind, field) else {
            let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
            return Err(Error::AddField {
                field: field.clone(),
                fields: names.join(", "),
            });
        };
        let name = columns[i].0;
        let mut changed = canonical::Changed::default();
        record[i].1 =
            canonical::value(kind, name, value, &mut changed).unwrap_or_else(|| value.clone());
    }
    Ok(record)
}

fn get<'r>(record: &'r Record, field: &str) -> &'r str {
    record
        .iter()
        .find(|(n, _)| *n == field)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn set(record: &mut Record, field: &str, value: String) {
    if let Some(slot) = record.iter_mut().find(|(n, _)| *n == field) {
        slot.1 = value;
    }
}

/// A person or unit named by name instead of id, found as `import` finds
/// them; a name that fits several is refused with the candidates.
fn resolve_names(
    ds: &Dataset,
    kind: RecordType,
    record: &mut Record,
) -> std::result::Result<(), Msg> {
    let dir = Directory::new(ds);
    let unit_fields: &[&str] = match kind {
        RecordType::Unit => &["parent"],
        RecordType::Proposal => &["unit", "proposed_by"],
        _ => &["unit"],
    };
    for field in unit_fields {
        let given = get(record, field).to_string();
        if given.is_empty() {
            continue;
        }
        match dir.unit(&given) {
            Found::One(u) => set(record, field, ds.str(ds.units[u].id).to_string()),
            Found::Many(us) => {
                let names = us.iter().map(|&u| ds.str(ds.units[u].id).to_string());
                return Err(msg!(
                    Key::ImportAmbiguousUnit,
                    unit = given,
                    candidates = Arg::list(Key::ListComma, names)
                ));
            }
            Found::None => {}
        }
    }
    let person = get(record, "person").to_string();
    if kind == RecordType::Person || person.is_empty() || dir.person_by_id(&person).is_some() {
        return Ok(());
    }
    match dir.person(ds, &person, None) {
        Found::One(p) => set(record, "person", ds.str(ds.people[p].id).to_string()),
        Found::Many(ps) => {
            let names = ps.iter().map(|&p| {
                msg!(
                    Key::AddNamesake,
                    id = ds.str(ds.people[p].id).to_string(),
                    name = ds.str(ds.people[p].name).to_string(),
                    unit = ds.str(ds.people[p].unit).to_string()
                )
            });
            return Err(msg!(
                Key::ImportAmbiguousPerson,
                name = person,
                candidates = Arg::list(Key::ListSemicolon, names)
            ));
        }
        Found::None => {}
    }
    Ok(())
}

/// An id for a record given none: `<year>-<award>-NNNN` for awards (the
/// bundled folder's style), else a prefix and the next free number.
fn generate_id(ds: &Dataset, kind: RecordType, record: &mut Record) {
    if schema::fields(kind)[0].0 != "id" || !get(record, "id").is_empty() {
        return;
    }
    let ids: std::collections::HashSet<&str> = match kind {
        RecordType::Campaign => ds.campaigns.iter().map(|r| ds.str(r.id)).collect(),
        RecordType::Unit => ds.units.iter().map(|r| ds.str(r.id)).collect(),
        RecordType::Person => ds.people.iter().map(|r| ds.str(r.id)).collect(),
        RecordType::Award => ds.awards.iter().map(|r| ds.str(r.id)).collect(),
        RecordType::Proposal => ds.proposals.iter().map(|r| ds.str(r.id)).collect(),
        RecordType::Evaluation => return,
    };
    let prefix = match kind {
        RecordType::Award => format!("{}-{}-", get(record, "year"), get(record, "award")),
        RecordType::Proposal => format!("DN-{}-", get(record, "year")),
        RecordType::Campaign => "PT-".to_string(),
        RecordType::Unit => "DV-".to_string(),
        _ => "P-".to_string(),
    };
    let id = (1..)
        .map(|n| format!("{prefix}{n:04}"))
        .find(|id| !ids.contains(id.as_str()))
        .unwrap_or_default();
    set(record, "id", id);
}

/// The file the record goes to, relative to the folder: `--file`, else
/// `TYPE/<year>.csv` for awards, evaluations and proposals, else `TYPE.csv`
/// (or `TYPE.toml` where that is the file the folder keeps).
fn target(root: &Path, file: Option<&Path>, kind: RecordType, record: &Record) -> String {
    if let Some(f) = file {
        let f = f.strip_prefix(root).unwrap_or(f);
        return f.to_string_lossy().replace('\\', "/");
    }
    let year = get(record, "year");
    let by_year = matches!(
        kind,
        RecordType::Award | RecordType::Evaluation | RecordType::Proposal
    );
    if by_year && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}/{year}.csv", kind.plural());
    }
    let toml = format!("{}.toml", kind.plural());
    let csv = format!("{}.csv", kind.plural());
    if !root.join(&csv).exists() && root.join(&toml).exists() {
        toml
    } else {
        csv
    }
}

/// Whether `rel` names a file inside the data folder: relative, without
/// `..`, and a `.csv` or `.toml` file (what the loader reads).
fn inside(rel: &str) -> bool {
    let path = Path::new(rel);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    path.is_relative()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        && matches!(ext.as_deref(), Some("csv" | "toml"))
}

/// The target file's new bytes and the line the record starts on.
pub struct Planned {
    bytes: Vec<u8>,
    line: u32,
}

/// The file with the record appended, every byte before it kept.
fn append(path: &Path, kind: RecordType, record: &Record) -> Result<Planned> {
    let old = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(Error::io(path, e)),
    };
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if sniff::not_text(&old).is_some()
        || sniff::needs_decoding(&old)
        || std::str::from_utf8(&old).is_err()
    {
        return Err(Error::AddNotUtf8 {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(&old).unwrap_or("");
    let nl = if sniff::crlf(text.as_bytes()) {
        "\r\n"
    } else {
        "\n"
    };
    let mut bytes = old.clone();
    if !bytes.is_empty() && !bytes.ends_with(b"\n") && !bytes.ends_with(b"\r") {
        bytes.extend_from_slice(nl.as_bytes());
    }
    let row = if is_toml {
        toml_table(kind, record, nl, !old.is_empty())
    } else {
        csv_row(text, kind, record, nl, &mut bytes)?
    };
    let line = bytes.iter().filter(|&&b| b == b'\n').count() as u32
        + 1
        + u32::from(is_toml && !old.is_empty());
    bytes.extend_from_slice(row.as_bytes());
    Ok(Planned { bytes, line })
}

/// The record as a CSV row in the file's own columns and delimiter; the
/// header is written first into `bytes` when the file is new.
fn csv_row(
    text: &str,
    kind: RecordType,
    record: &Record,
    nl: &str,
    bytes: &mut Vec<u8>,
) -> Result<String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = body.lines().next().unwrap_or("");
    let delimiter = sniff::delimiter(first, kind);
    let terminator = csv::Terminator::Any(b'\n');
    let write = |cells: &[String]| -> Result<String> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .from_writer(Vec::new());
        w.write_record(cells)
            .map_err(|e| Error::Csv(e.to_string()))?;
        let out = w.into_inner().map_err(|e| Error::Csv(e.to_string()))?;
        let line = String::from_utf8_lossy(&out)
            .trim_end_matches('\n')
            .to_string();
        Ok(line + nl)
    };
    if first.trim().is_empty() {
        // A new file: the format's columns, and the optional v2 columns
        // (died, code, posthumous) only when this record fills them.
        let kept: Vec<&(&str, String)> = record
            .iter()
            .filter(|(n, v)| !schema::ON_DEMAND.contains(n) || !v.is_empty())
            .collect();
        let header: Vec<String> = kept.iter().map(|(n, _)| n.to_string()).collect();
        bytes.extend_from_slice(write(&header)?.as_bytes());
        return write(&kept.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>());
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let header = rdr
        .records()
        .next()
        .and_then(|r| r.ok())
        .unwrap_or_default();
    let columns: Vec<Option<&str>> = header
        .iter()
        .map(|h| schema::column(kind, h).map(|(i, _)| schema::fields(kind)[i].0))
        .collect();
    for (name, _) in record.iter().filter(|(_, v)| !v.is_empty()) {
        if !columns.contains(&Some(*name)) {
            return Err(Error::AddNoColumn {
                column: name.to_string(),
            });
        }
    }
    let cells: Vec<String> = columns
        .iter()
        .map(|c| c.map(|n| get(record, n).to_string()).unwrap_or_default())
        .collect();
    write(&cells)
}

/// The record as a TOML table `[[award]]`, after a blank line.
fn toml_table(kind: RecordType, record: &Record, nl: &str, after: bool) -> String {
    let mut out = String::new();
    if after {
        out.push_str(nl);
    }
    out.push_str(&format!("[[{}]]{nl}", kind.singular()));
    for (name, value) in record.iter().filter(|(_, v)| !v.is_empty()) {
        let v: toml_edit::Value = match (schema::parse_bool(value), *name) {
            (Some(b), "direct_worker" | "initiative" | "posthumous") => b.into(),
            _ => match value.parse::<i64>() {
                Ok(n) if matches!(*name, "year" | "months_worked" | "absent_days") => n.into(),
                _ => value.as_str().into(),
            },
        };
        out.push_str(&format!("{name} = {}{nl}", v.to_string().trim()));
    }
    out
}

/// The findings about the new record: the folder with the target file
/// replaced by its new bytes (a mirror of links in a temporary folder, the
/// data folder untouched), loaded and checked like `check` does.
fn check_with(
    root: &Path,
    rel: &str,
    plan: &Planned,
    today: crate::model::Date,
) -> Result<Vec<Diagnostic>> {
    // Hard links (a copy across file systems) in a temporary folder: the
    // loader reads only regular files inside the folder it is given, and
    // the data folder itself is not written before the record is accepted.
    let mirror =
        std::env::temp_dir().join(format!("thidua-add-{}-{}", std::process::id(), nanos()));
    let result = (|| -> Result<Diagnostics> {
        mirror_folder(root, &mirror)?;
        let target = mirror.join(rel);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let _ = std::fs::remove_file(&target);
        std::fs::write(&target, &plan.bytes).map_err(|e| Error::io(&target, e))?;
        let input = EngineInput {
            root: &mirror,
            today,
            law: true,
            law_years: None,
        };
        let mut checked = engine::run(&input, &mut Progress::hidden())?;
        Ok(checked.all_findings())
    })();
    let _ = std::fs::remove_dir_all(&mirror);
    let sink = result?;
    // The record is the end of its file: what is found from its line on is its.
    let about = |d: &Diagnostic| {
        let here = d.file.as_deref() == Some(rel);
        (here && d.line.is_none_or(|l| l >= plan.line))
            || d.related
                .iter()
                .any(|r| r.file == rel && r.line >= plan.line)
    };
    Ok(sink
        .into_items()
        .into_iter()
        .filter(|d| about(d) && d.rule != RuleId::NonCanonicalFile)
        .collect())
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// `to` made to look like `from`: folders created, files linked (copied
/// where links cannot be made).
fn mirror_folder(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        // Hidden entries (the mirror itself, locks, staging) are not records.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let (src, dst): (PathBuf, PathBuf) = (entry.path(), to.join(entry.file_name()));
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            mirror_folder(&src, &dst)?;
        } else if kind.is_file() && std::fs::hard_link(&src, &dst).is_err() {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&dst, e))?;
        }
    }
    Ok(())
}

/// The record and its findings, for the person adding it.
fn show(ctx: &mut Ctx<'_>, record: &Record, rel: &str, found: &[Diagnostic]) -> Result<()> {
    let lang = ctx.lang;
    writeln!(ctx.out, "{}", tr!(lang, "add.record", path = rel))?;
    for (name, value) in record.iter().filter(|(_, v)| !v.is_empty()) {
        writeln!(
            ctx.out,
            "  {name} = {}",
            crate::model::text::escape_controls(value)
        )?;
    }
    if found.is_empty() {
        writeln!(ctx.out, "{}", lang.t("add.no-findings"))?;
    }
    for d in found {
        let sev = lang.t(match d.severity {
            Severity::Error => "check.error",
            Severity::Warning => "check.warning",
        });
        writeln!(ctx.out, "{sev}[{}]: {}", d.rule, d.message.render(lang))?;
        if let Some(h) = &d.help {
            writeln!(ctx.out, "  = {}: {}", lang.t("check.help"), h.render(lang))?;
        }
    }
    Ok(())
}
