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
            write_csv(&mut buf, &r, &t, args, lang)?;
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

    let fit = ctx.out_is_tty && args.output.is_none();
    let mut warnings = Vec::new();
    let bytes = render(
        &r,
        args,
        lang,
        &notes,
        fit,
        (&settings, &ctx.data),
        &mut warnings,
    )?;
    for w in &warnings {
        writeln!(ctx.err, "{w}")?;
    }
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
    if !args.delimiter.is_ascii() || args.delimiter.is_ascii_alphanumeric() || args.delimiter == '"'
    {
        return Err(Error::Message(tr!(
            lang,
            "report.bad-delimiter",
            value = args.delimiter
        )));
    }
    let format = format_name(args.format);
    match (&args.output, args.format) {
        (None, ReportFormat::Csv) if args.table.is_none() => return Err(csv_needs_table(lang)),
        (None, ReportFormat::Xlsx | ReportFormat::Html | ReportFormat::Docx) if ctx.out_is_tty => {
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
        ReportFormat::Docx => "docx",
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

/// One CSV table: as it is for scripts, or, with `--excel`, numbered and
/// totalled for people.
fn write_csv(
    buf: &mut Vec<u8>,
    r: &Report,
    t: &Table,
    args: &ReportArgs,
    lang: Lang,
) -> Result<()> {
    let delimiter = args.delimiter as u8;
    if args.excel {
        let p = report::print::printable(t, r, lang);
        report::csv::write_with(buf, &p.table, lang, delimiter, true)?;
    } else {
        report::csv::write_with(buf, t, lang, delimiter, false)?;
    }
    Ok(())
}

fn render(
    r: &Report,
    args: &ReportArgs,
    lang: Lang,
    notes: &[String],
    fit: bool,
    (settings, data): (&Settings, &Path),
    warnings: &mut Vec<String>,
) -> Result<Vec<u8>> {
    let title = tables::title(r, lang);
    let ts = chosen(r, lang, args.table.as_deref());
    let printed = || -> Vec<_> {
        ts.iter()
            .map(|t| report::print::printable(t, r, lang))
            .collect()
    };
    // HTML and docx print a count and its change in one cell.
    let labelled = || -> Vec<_> {
        printed()
            .into_iter()
            .map(|p| report::print::label_changes(p, lang))
            .collect()
    };
    let mut buf = Vec::new();
    match args.format {
        ReportFormat::Json => report::json::write(&mut buf, r)?,
        ReportFormat::Table => {
            report::table::write(&mut buf, &[r.organisation.clone(), title], &ts, fit, lang)?
        }
        ReportFormat::Md => report::md::write(&mut buf, &r.organisation, &title, notes, &ts, lang)?,
        ReportFormat::Html => {
            let body = crate::draft::expand(&r.organisation);
            let parent = settings.organisation.parent.as_deref();
            report::html::write(
                &mut buf,
                parent,
                &body,
                &title,
                notes,
                &labelled(),
                !args.no_charts,
                lang,
            )?
        }
        ReportFormat::Csv => {
            for t in &ts {
                write_csv(&mut buf, r, t, args, lang)?;
            }
        }
        ReportFormat::Xlsx => {
            buf = report::xlsx::build(&r.organisation, &title, notes, &printed(), lang)
                .map_err(|e| Error::Message(format!("xlsx: {e}")))?;
        }
        ReportFormat::Docx => {
            use crate::draft::template::{Kind, Template};
            let (tpl, problems) = Template::load(Kind::Report, data, lang);
            warnings.extend(problems);
            // The report has no signature: only a missing place is worth a
            // warning. The name is the report's organisation (the folder's,
            // without one).
            let (mut office, _) = crate::draft::Office::new(&settings.organisation, lang);
            if office.place == crate::draft::layout::BLANK {
                warnings.push(tr!(lang, "draft.missing-setting", key = "place"));
            }
            office.body = crate::draft::expand(&r.organisation);
            buf = report::docx::build(&office, &title, notes, &labelled(), &tpl, lang)?;
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
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
