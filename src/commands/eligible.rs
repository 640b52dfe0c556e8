//! `thidua eligible YEAR`: load the folder through the engine (without the
//! law: `crate::eligible` runs it on the candidates), refuse a folder with
//! structural errors (exit 1: a judgement on untrusted records would
//! mislead), judge the candidates, print them, and with
//! `--write-proposals` write the eligible ones as pending proposals to a new
//! file, atomically. Exit 0 when the list was made; 2 on bad arguments.

use std::path::Path;

use crate::cli::{EligibleArgs, EligibleFormat};
use crate::eligible::{self, Request, Status};
use crate::engine::{self, EngineInput};
use crate::fsutil::{self, FailPoint, NewFile};
use crate::load::Progress;
use crate::model::{AwardCode, Code, Dataset, Date, Recipient};
use crate::report::eligible as render;
use crate::{tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

/// The earliest year `eligible` judges (the law's first window begins later;
/// earlier years are simply outside every window).
pub const MIN_YEAR: u16 = 1945;

pub fn run(ctx: &mut Ctx<'_>, args: &EligibleArgs) -> Result<i32> {
    let year = parse_year(&args.year, ctx.today)?;
    let awards = args
        .award
        .iter()
        .map(|a| AwardCode::parse(a.trim()).map_err(|_| Error::BadAward { value: a.clone() }))
        .collect::<Result<Vec<_>>>()?;
    let date = match &args.date {
        Some(d) => Date::parse_iso(d.trim()).ok_or_else(|| Error::BadDate { value: d.clone() })?,
        None => Date::end_of_year(i32::from(year)).ok_or_else(|| Error::BadYear {
            value: args.year.clone(),
        })?,
    };
    if args.format == EligibleFormat::Xlsx && args.output.is_none() && ctx.out_is_tty {
        return Err(Error::NeedOutput { format: "xlsx" });
    }
    let input = EngineInput {
        root: &ctx.data,
        today: ctx.today,
        law: false,
        law_years: None,
    };
    let mut progress = Progress::new(ctx.err_is_tty, ctx.lang.pick("Đang đọc", "Reading"));
    let mut checked = engine::run_cached(&input, ctx.cache.as_deref(), &mut progress)?;
    if checked.diagnostics.errors() > 0 {
        let count = checked.diagnostics.errors();
        writeln!(
            ctx.err,
            "thidua: {}",
            tr!(ctx.lang, "eligible.structural", count = count)
        )?;
        return Ok(EXIT_FINDINGS);
    }
    let ds = &mut checked.dataset;
    let subject = subject(ds, args)?;
    let stem = format!("du-dieu-kien-{year}");
    let file = crate::import::write::free_name(&ctx.data, "proposals", &stem, &[]);
    let req = Request {
        year,
        date,
        awards,
        subject,
        level: checked.settings.organisation.level,
        // Only `--all` shows the candidates not eligible, with their findings.
        findings: args.all,
    };
    let result = eligible::judge(ds, &checked.config, &req, &file);
    let fit = ctx.out_is_tty && args.output.is_none();
    let (all, lang) = (args.all, ctx.lang);
    // Written as it is made: a province's list is hundreds of megabytes.
    let write = &mut |out: &mut dyn std::io::Write| -> Result<()> {
        match args.format {
            EligibleFormat::Table => render::table(out, &result, ds, all, fit, lang)?,
            EligibleFormat::Json => render::json(out, &result, ds, all, lang)?,
            EligibleFormat::Csv => out.write_all(&render::csv(&result, ds, all, lang)?)?,
            EligibleFormat::Xlsx => out.write_all(&render::xlsx(&result, ds, all, lang)?)?,
        }
        Ok(())
    };
    match &args.output {
        Some(path) => fsutil::replace_with(path, write)?,
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *ctx.out);
            write(&mut out)?;
            std::io::Write::flush(&mut out)?;
        }
    }
    if args.write_proposals {
        write_proposals(ctx, &result, ds, &file)?;
    }
    // The process ends with this command: its memory goes back to the
    // system at once, rather than millions of candidates freed one by one.
    std::mem::forget(result);
    std::mem::forget(checked);
    Ok(EXIT_OK)
}

/// The year argument, within [`MIN_YEAR`] and next year.
fn parse_year(value: &str, today: Date) -> Result<u16> {
    let max = u16::try_from(today.year() + 1).unwrap_or(u16::MAX);
    let bad = || Error::EligibleYear {
        value: value.to_string(),
        min: MIN_YEAR,
        max,
    };
    let v = value.trim();
    if v.len() != 4 {
        return Err(bad());
    }
    let year: u16 = v.parse().map_err(|_| bad())?;
    if (MIN_YEAR..=max).contains(&year) {
        Ok(year)
    } else {
        Err(bad())
    }
}

/// `--person` / `--unit`, which must name a record.
fn subject(ds: &Dataset, args: &EligibleArgs) -> Result<Option<Recipient>> {
    let (id, person) = match (&args.person, &args.unit) {
        (Some(p), _) => (p, true),
        (None, Some(u)) => (u, false),
        (None, None) => return Ok(None),
    };
    let id = id.trim();
    let sym = ds.strings.get(id);
    let found = sym.filter(|s| {
        if person {
            ds.people.iter().any(|p| p.id == *s)
        } else {
            ds.units.iter().any(|u| u.id == *s)
        }
    });
    match found {
        Some(s) if person => Ok(Some(Recipient::Person(s))),
        Some(s) => Ok(Some(Recipient::Unit(s))),
        None => Err(Error::UnknownSubject { id: id.to_string() }),
    }
}

/// Writes the eligible candidates as pending proposals to `file`, a name
/// not taken, all or nothing.
fn write_proposals(
    ctx: &mut Ctx<'_>,
    result: &eligible::Eligibility,
    ds: &Dataset,
    file: &str,
) -> Result<()> {
    let count = result
        .candidates
        .iter()
        .filter(|c| c.status == Status::Eligible)
        .count();
    if count == 0 {
        let text = ctx.lang.t("eligible.nothing-to-write");
        ctx.note(text)?;
        return Ok(());
    }
    let new = NewFile {
        rel: file.to_string(),
        bytes: result.proposals_csv(ds).into_bytes(),
    };
    // One writer at a time; the commit never replaces a file, so a name
    // taken meanwhile fails safely rather than being overwritten.
    let _lock = crate::lock::acquire(&ctx.data, "eligible", crate::lock::WAIT)?;
    fsutil::recover(&ctx.data)?;
    fsutil::commit(&ctx.data, &[new], FailPoint::default())?;
    let path = Path::new(file).display().to_string();
    let text = tr!(ctx.lang, "eligible.written", count = count, path = path);
    ctx.note(&text)?;
    Ok(())
}
