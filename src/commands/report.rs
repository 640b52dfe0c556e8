//! `thidua report YEAR|Y1..Y2`: load the folder with its structural checks,
//! compute the [`Report`](crate::report::Report), render it in the chosen
//! format to stdout or, atomically, to `--output`.
//!
//! Exit 0 when the report was written; 1 when `--strict` refused it; 2 when
//! it could not be made (bad arguments, unreadable folder, failed write).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{ReportArgs, ReportFormat};
use crate::diag::Diagnostics;
use crate::i18n::Lang;
use crate::load::{self, Progress};
use crate::model::Dataset;
use crate::report::{self, tables, Report, Table};
use crate::settings::Settings;
use crate::{tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &ReportArgs) -> Result<i32> {
    let lang = ctx.lang;
    let (years, trend) = report::parse_years(&args.years)
        .ok_or_else(|| Error::Message(tr!(lang, "report.bad-years", value = args.years)))?;
    validate(ctx, args)?;

    load::ensure_folder(&ctx.data, lang)?;
    let (settings, setting_problems) = Settings::load(&ctx.data, lang);
    if !setting_problems.is_empty() {
        // The report runs on the valid settings; `check` lists the problems.
        writeln!(
            ctx.err,
            "{}",
            tr!(
                lang,
                "report.settings-problems",
                count = setting_problems.len()
            )
        )?;
    }
    // Problems in the data are `check`'s to list; the report only counts what they leave out.
    let mut sink = Diagnostics::with_overrides(settings.levels.clone());
    let mut progress = Progress::new(ctx.err_is_tty, lang.pick("Đang đọc", "Reading"));
    let ds = load::load_checked(&ctx.data, &settings, lang, &mut sink, &mut progress)?;
    let left_out = load::sniff::left_out(&ds, &sink, lang);
    for line in &left_out {
        writeln!(ctx.err, "{line}")?;
    }
    if args.strict && !left_out.is_empty() {
        return Ok(EXIT_FINDINGS);
    }
    let organisation = organisation(&settings, &ctx.data);
    let r = report::compute(
        &ds,
        organisation,
        &years,
        trend,
        law_findings(&ds, &settings, &years),
    );

    if args.strict && r.structural_errors() > 0 {
        writeln!(
            ctx.err,
            "thidua: {}",
            tr!(lang, "report.strict", count = r.structural_errors())
        )?;
        return Ok(EXIT_FINDINGS);
    }
    let notes = tables::notes(&r, lang);
    if args.format != ReportFormat::Json {
        for n in &notes {
            writeln!(ctx.err, "{n}")?;
        }
    }

    if args.format == ReportFormat::Csv && args.table.is_none() {
        let dir = args
            .output
            .as_deref()
            .ok_or_else(|| csv_needs_table(lang))?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        for t in chosen(&r, lang, None) {
            let mut buf = Vec::new();
            report::csv::write(&mut buf, &t, lang)?;
            let path = dir.join(format!("{}.csv", t.name));
            write_atomic(&path, &buf)?;
        }
        writeln!(
            ctx.err,
            "{}",
            tr!(lang, "report.wrote", path = dir.display())
        )?;
        return Ok(EXIT_OK);
    }

    let bytes = render(
        &r,
        args,
        lang,
        &notes,
        ctx.out_is_tty && args.output.is_none(),
    )?;
    match &args.output {
        Some(path) => {
            write_atomic(path, &bytes)?;
            writeln!(
                ctx.err,
                "{}",
                tr!(lang, "report.wrote", path = path.display())
            )?;
        }
        None => {
            ctx.out.write_all(&bytes)?;
            ctx.out.flush()?;
        }
    }
    Ok(EXIT_OK)
}

/// Refuses combinations of options that cannot work, before reading anything.
fn validate(ctx: &Ctx<'_>, args: &ReportArgs) -> Result<()> {
    let lang = ctx.lang;
    if let Some(name) = &args.table {
        if args.format == ReportFormat::Json {
            return Err(Error::Message(lang.t("report.table-not-for-json").into()));
        }
        if !tables::NAMES.contains(&name.as_str()) {
            return Err(Error::Message(tr!(
                lang,
                "report.unknown-table",
                name = name,
                tables = tables::NAMES.join(", ")
            )));
        }
    }
    let format = format_name(args.format);
    match (&args.output, args.format) {
        (None, ReportFormat::Csv) if args.table.is_none() => return Err(csv_needs_table(lang)),
        (None, ReportFormat::Xlsx | ReportFormat::Html) if ctx.out_is_tty => {
            return Err(Error::Message(tr!(
                lang,
                "report.need-output",
                format = format
            )));
        }
        (Some(path), _)
            if path.is_dir() && !(args.format == ReportFormat::Csv && args.table.is_none()) =>
        {
            return Err(Error::Message(tr!(
                lang,
                "report.output-is-folder",
                path = path.display(),
                format = format
            )));
        }
        _ => {}
    }
    Ok(())
}

fn format_name(f: ReportFormat) -> &'static str {
    match f {
        ReportFormat::Table => "table",
        ReportFormat::Csv => "csv",
        ReportFormat::Json => "json",
        ReportFormat::Md => "md",
        ReportFormat::Xlsx => "xlsx",
        ReportFormat::Html => "html",
    }
}

fn csv_needs_table(lang: Lang) -> Error {
    Error::Message(tr!(
        lang,
        "report.csv-needs-table",
        tables = tables::NAMES.join(", ")
    ))
}

/// The tables to render: the one named by `--table` (even when empty), else
/// every table with figures.
fn chosen(r: &Report, lang: Lang, name: Option<&str>) -> Vec<Table> {
    let all = tables::tables(r, lang);
    match name {
        Some(n) => all.into_iter().filter(|t| t.name == n).collect(),
        None => all
            .into_iter()
            .filter(|t| t.name == "summary" || !t.rows.is_empty())
            .collect(),
    }
}

fn render(
    r: &Report,
    args: &ReportArgs,
    lang: Lang,
    notes: &[String],
    fit: bool,
) -> Result<Vec<u8>> {
    let title = tables::title(r, lang);
    let ts = chosen(r, lang, args.table.as_deref());
    let mut buf = Vec::new();
    match args.format {
        ReportFormat::Json => report::json::write(&mut buf, r)?,
        ReportFormat::Table => {
            report::table::write(&mut buf, &[r.organisation.clone(), title], &ts, fit, lang)?
        }
        ReportFormat::Md => report::md::write(&mut buf, &r.organisation, &title, notes, &ts, lang)?,
        ReportFormat::Html => {
            report::html::write(&mut buf, &r.organisation, &title, notes, &ts, lang)?
        }
        ReportFormat::Csv => {
            for t in &ts {
                report::csv::write(&mut buf, t, lang)?;
            }
        }
        ReportFormat::Xlsx => {
            buf = report::xlsx::build(&r.organisation, &title, notes, &ts, lang)
                .map_err(|e| Error::Message(format!("xlsx: {e}")))?;
        }
    }
    Ok(buf)
}

/// The organisation heading every output: `[organisation] name`, else the
/// data folder's name.
fn organisation(settings: &Settings, data: &Path) -> String {
    if let Some(name) = settings
        .organisation
        .name
        .as_ref()
        .filter(|n| !n.trim().is_empty())
    {
        return name.clone();
    }
    let full = std::fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    full.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| data.display().to_string())
}

/// How many findings of the law's rules concern the awards of the reported
/// years. The report says how many there are and points to `thidua check`;
/// it never removes an award for them.
fn law_findings(ds: &Dataset, settings: &Settings, years: &[u16]) -> Option<usize> {
    let mut sink = Diagnostics::with_overrides(settings.levels.clone());
    crate::rules::check_law(ds, settings, crate::i18n::Lang::En, &mut sink);
    let ids: std::collections::HashSet<&str> = ds
        .awards
        .iter()
        .filter(|a| years.contains(&a.year))
        .map(|a| ds.str(a.id))
        .collect();
    let count = sink
        .items()
        .iter()
        .filter(|d| d.record.as_deref().is_some_and(|r| ids.contains(r)))
        .count();
    Some(count)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so that a reader never sees half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}
