//! `thidua draft decision NUMBER` and `thidua draft proposal YEAR`: load the
//! folder with its structural checks, draft the document (crate::draft) and
//! write it atomically to `--output`, to stdout when piped, else to a file
//! named after it in the current folder. Warnings go to stderr.
//!
//! Exit 0 when the document was written; 2 when it could not be made (an
//! unknown decision number, naming the nearest ones; no pending proposal; a
//! failed write).

use std::path::{Path, PathBuf};

use crate::cli::{DraftArgs, DraftDocument};
use crate::draft::template::{Kind, Template};
use crate::draft::{decision, proposal, Drafted};
use crate::engine::{self, EngineInput};
use crate::load::Progress;
use crate::model::{AwardCode, Code, Dataset, Date};
use crate::settings::Settings;
use crate::{tr, Ctx, Error, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &DraftArgs) -> Result<i32> {
    match &args.document {
        DraftDocument::Decision {
            number,
            date,
            output,
        } => {
            let date = match date {
                Some(d) => Some(
                    Date::parse_iso(d.trim()).ok_or_else(|| Error::BadDate { value: d.clone() })?,
                ),
                None => None,
            };
            decision_doc(ctx, number, date, output.as_deref())
        }
        DraftDocument::Proposal {
            year,
            award,
            output,
        } => {
            // The arguments are checked before anything is read.
            let (year, award) = proposal_args(year, award.as_deref())?;
            proposal_doc(ctx, year, award, output.as_deref())
        }
    }
}

fn decision_doc(
    ctx: &mut Ctx<'_>,
    number: &str,
    date: Option<Date>,
    output: Option<&Path>,
) -> Result<i32> {
    let lang = ctx.lang;
    let (ds, settings) = load_folder(ctx)?;
    let awards = decision::awards_of(&ds, number, date).map_err(|nearest| {
        let number = match date {
            Some(d) => format!("{number} ({d})"),
            None => number.to_string(),
        };
        Error::UnknownDecision {
            number,
            nearest: nearest.into_iter().map(|n| n.to_string()).collect(),
        }
    })?;
    let (tpl, mut warnings) = Template::load(Kind::Decision, &ctx.data, lang);
    let mut drafted = decision::draft(&ds, &settings, number, &awards, &tpl, lang)?;
    warnings.append(&mut drafted.warnings);
    drafted.warnings = warnings;
    let name = format!("quyet-dinh-{}.docx", file_stem(number));
    deliver(ctx, drafted, output, &name)
}

fn proposal_doc(
    ctx: &mut Ctx<'_>,
    year: u16,
    award: Option<AwardCode>,
    output: Option<&Path>,
) -> Result<i32> {
    let lang = ctx.lang;
    let (ds, settings) = load_folder(ctx)?;
    let pending = proposal::pending(&ds, year, award);
    if pending.is_empty() {
        return Err(Error::NoPending {
            year,
            award: award.map(|a| a.code().to_string()),
        });
    }
    let (tpl, mut warnings) = Template::load(Kind::Proposal, &ctx.data, lang);
    let mut drafted = proposal::draft(&ds, &settings, year, &pending, ctx.today, &tpl, lang)?;
    warnings.append(&mut drafted.warnings);
    drafted.warnings = warnings;
    deliver(ctx, drafted, output, &format!("to-trinh-{year}.docx"))
}

/// The year and the award code of `draft proposal`.
fn proposal_args(year: &str, award: Option<&str>) -> Result<(u16, Option<AwardCode>)> {
    let y = match crate::report::parse_years(year) {
        Some((years, false)) => years[0],
        _ => {
            return Err(Error::BadYear {
                value: year.to_string(),
            })
        }
    };
    let code = match award {
        Some(a) => Some(AwardCode::parse(a).map_err(|_| Error::BadAward {
            value: a.to_string(),
        })?),
        None => None,
    };
    Ok((y, code))
}

/// The folder's records with their structural checks, and its settings.
fn load_folder(ctx: &mut Ctx<'_>) -> Result<(Dataset, Settings)> {
    let lang = ctx.lang;
    // Problems in the data are `check`'s to list.
    let input = EngineInput {
        root: &ctx.data,
        today: ctx.today,
        law: false,
        law_years: None,
    };
    let mut progress = Progress::new(ctx.progress(), lang.pick("Đang đọc", "Reading"));
    let checked = engine::run_cached(&input, ctx.cache.as_deref(), &mut progress)?;
    if checked.settings_problems > 0 {
        ctx.note(&tr!(
            lang,
            "report.settings-problems",
            count = checked.settings_problems
        ))?;
    }
    Ok((checked.dataset, checked.settings))
}

/// Prints the warnings and writes the document.
fn deliver(
    ctx: &mut Ctx<'_>,
    drafted: Drafted,
    output: Option<&Path>,
    default_name: &str,
) -> Result<i32> {
    for w in &drafted.warnings {
        writeln!(ctx.err, "{w}")?;
    }
    let dash = output == Some(Path::new("-"));
    let path: PathBuf = match crate::fsutil::file_or_stdout(output) {
        None if dash => {
            ctx.out.write_all(&drafted.bytes)?;
            ctx.out.flush()?;
            return Ok(EXIT_OK);
        }
        Some(p) => p.to_path_buf(),
        None if !ctx.out_is_tty => {
            ctx.out.write_all(&drafted.bytes)?;
            ctx.out.flush()?;
            return Ok(EXIT_OK);
        }
        None => PathBuf::from(default_name),
    };
    crate::fsutil::replace(&path, &drafted.bytes)?;
    ctx.note(&tr!(ctx.lang, "draft.wrote", path = path.display()))?;
    Ok(EXIT_OK)
}

/// A decision number as part of a file name: `170/QĐ-UBND` → `170-QĐ-UBND`.
fn file_stem(number: &str) -> String {
    let stem: String = number
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn decision_numbers_make_file_names() {
        assert_eq!(super::file_stem("170/QĐ-UBND"), "170-QĐ-UBND");
        assert_eq!(super::file_stem(" ../x "), "x");
    }
}
