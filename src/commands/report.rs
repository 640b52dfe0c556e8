//! `thidua report YEAR|Y1..Y2`: load the folder with its structural checks,
//! compute the [`Report`](crate::report::Report), render it in the chosen
//! format to stdout or, atomically, to `--output`.
//!
//! Exit 0 when the report was written; 1 when `--strict` refused it; 2 when
//! it could not be made (bad arguments, unreadable folder, failed write).

use std::path::Path;

use crate::cli::{ReportArgs, ReportFormat};
use crate::engine::{self, EngineInput};
use crate::load::Progress;
use crate::model::{Dataset, Sym};
use crate::report::{self, render, tables};
use crate::rules::findings::LawFindings;
use crate::settings::Settings;
use crate::{tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &ReportArgs) -> Result<i32> {
    let lang = ctx.lang;
    let (years, trend) = (&args.years.years, args.years.trend);
    // `-o -` is stdout, as everywhere.
    let output = crate::fsutil::file_or_stdout(args.output.as_deref());
    validate(ctx, args, output)?;

    // Problems in the data are `check`'s to list; the report only counts what
    // they leave out, and how many findings of the law concern its years.
    let input = EngineInput {
        root: &ctx.data,
        today: ctx.today,
        law: true,
        // Only the reported years' claims are judged (earlier years are
        // still read as evidence): the count below needs no more.
        law_years: Some(years),
    };
    let mut progress = Progress::new(ctx.progress(), lang.pick("Đang đọc", "Reading"));
    let started = std::time::Instant::now();
    let checked = engine::run_cached(&input, ctx.cache.as_deref(), &mut progress)?;
    super::check::say_what_was_read(ctx, &checked, started)?;
    if checked.settings_problems > 0 {
        // The report runs on the valid settings; `check` lists the problems.
        ctx.note(&tr!(
            lang,
            "report.settings-problems",
            count = checked.settings_problems
        ))?;
    }
    let left_out = crate::report::render::left_out(&checked.dataset, &checked.diagnostics, lang);
    for line in &left_out {
        writeln!(ctx.err, "{line}")?;
    }
    if args.strict && !left_out.is_empty() {
        return Ok(EXIT_FINDINGS);
    }
    let ds = &checked.dataset;
    let organisation = organisation(&checked.settings, &ctx.data);
    let mut r = report::compute(
        ds,
        organisation,
        years,
        trend,
        law_findings(ds, &checked.law, years),
    );
    r.records_from = checked.settings.records_from;

    if args.strict && r.structural_errors() > 0 {
        if let Some(n) = tables::left_out_note(&r, lang) {
            writeln!(ctx.err, "{n}")?;
        }
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
            ctx.note(n)?;
        }
    }

    let how = render::Rendering {
        format: args.format.into(),
        table: args.table.as_deref(),
        notes: &notes,
        width: ctx.width.filter(|_| output.is_none()),
        ascii: ctx.ascii,
        delimiter: args.delimiter as u8,
        excel: args.excel,
        charts: !args.no_charts,
        settings: &checked.settings,
        data: &ctx.data,
    };
    if args.format == ReportFormat::Csv && args.table.is_none() {
        let dir = output.ok_or(Error::CsvNeedsTable {
            tables: tables::NAMES,
        })?;
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let files: Vec<_> = render::csv_files(&r, &how, lang)?
            .into_iter()
            .map(|(name, bytes)| (dir.join(format!("{name}.csv")), bytes))
            .collect();
        crate::fsutil::replace_all(&files)?;
        ctx.note(&tr!(lang, "report.wrote", path = dir.display()))?;
        return Ok(EXIT_OK);
    }

    let (bytes, warnings) = render::render(&r, &how, lang)?;
    for w in &warnings {
        writeln!(ctx.err, "{w}")?;
    }
    match output {
        Some(path) => {
            crate::fsutil::replace(path, &bytes)?;
            ctx.note(&tr!(lang, "report.wrote", path = path.display()))?;
        }
        None => {
            ctx.out.write_all(&bytes)?;
            ctx.out.flush()?;
        }
    }
    Ok(EXIT_OK)
}

/// Refuses combinations of options that cannot work, before reading anything.
fn validate(ctx: &Ctx<'_>, args: &ReportArgs, output: Option<&Path>) -> Result<()> {
    if let Some(name) = &args.table {
        if args.format == ReportFormat::Json {
            return Err(Error::TableNotForJson);
        }
        if !tables::NAMES.contains(&name.as_str()) {
            return Err(Error::UnknownTable {
                name: name.clone(),
                tables: tables::NAMES,
            });
        }
    }
    if !args.delimiter.is_ascii() || args.delimiter.is_ascii_alphanumeric() || args.delimiter == '"'
    {
        return Err(Error::BadDelimiter {
            value: args.delimiter,
        });
    }
    let format = format_name(args.format);
    match (output, args.format) {
        (None, ReportFormat::Csv) if args.table.is_none() => {
            return Err(Error::CsvNeedsTable {
                tables: tables::NAMES,
            })
        }
        (None, ReportFormat::Xlsx | ReportFormat::Html | ReportFormat::Docx) if ctx.out_is_tty => {
            return Err(Error::NeedOutput { format });
        }
        (Some(path), _)
            if path.is_dir() && !(args.format == ReportFormat::Csv && args.table.is_none()) =>
        {
            return Err(Error::OutputIsFolder {
                path: path.to_path_buf(),
                format,
            });
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
fn law_findings(ds: &Dataset, law: &LawFindings, years: &[u16]) -> Option<usize> {
    let ids: std::collections::HashSet<Sym> = ds
        .awards
        .iter()
        .filter(|a| years.contains(&a.year))
        .map(|a| a.id)
        .collect();
    Some(law.records(ds).filter(|r| ids.contains(r)).count())
}

impl From<ReportFormat> for render::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Table => render::Format::Table,
            ReportFormat::Csv => render::Format::Csv,
            ReportFormat::Json => render::Format::Json,
            ReportFormat::Md => render::Format::Md,
            ReportFormat::Xlsx => render::Format::Xlsx,
            ReportFormat::Html => render::Format::Html,
            ReportFormat::Docx => render::Format::Docx,
        }
    }
}
