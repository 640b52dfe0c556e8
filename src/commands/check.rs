//! `thidua check`: load the folder, run the structural and law rules, print
//! the findings in the chosen format. Exit 0 clean, 1 findings, 2 failure.

use crate::cli::{CheckArgs, CheckFormat, ColorChoice};
use crate::emit::{self, CheckOutput};
use crate::engine::{self, Checked, EngineInput};
use crate::load::Progress;
use crate::{Ctx, Result, EXIT_FINDINGS, EXIT_OK};

/// Runs the whole pipeline, the law included, on the folder of `ctx` (also
/// used by tests and other commands).
pub fn check_folder(ctx: &mut Ctx<'_>) -> Result<Checked> {
    let input = EngineInput {
        root: &ctx.data,
        lang: ctx.lang,
        today: ctx.today,
        law: true,
        law_years: None,
    };
    let mut progress = Progress::new(ctx.err_is_tty, ctx.lang.pick("Đang đọc", "Reading"));
    engine::run(&input, &mut progress)
}

pub fn run(ctx: &mut Ctx<'_>, args: &CheckArgs) -> Result<i32> {
    let mut checked = check_folder(ctx)?;
    let diagnostics = checked.all_findings();
    let ds = &checked.dataset;
    let records = ds.campaigns.len()
        + ds.units.len()
        + ds.people.len()
        + ds.evaluations.len()
        + ds.awards.len()
        + ds.proposals.len();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            ctx.out_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let out = CheckOutput {
        diagnostics: diagnostics.items(),
        errors: diagnostics.errors(),
        warnings: diagnostics.warnings(),
        coverage: &checked.coverage,
        records,
        files: ds.files.len(),
        lang: ctx.lang,
        color,
        root_display: emit::root_display(&ctx.data),
    };
    match args.format {
        CheckFormat::Human => emit::human::write(ctx.out, &out)?,
        CheckFormat::Json => emit::json::write(ctx.out, &out)?,
        CheckFormat::Github => emit::github::write(ctx.out, &out)?,
        CheckFormat::Sarif => emit::sarif::write(ctx.out, &out)?,
    }
    let failed = out.errors > 0 || (args.deny_warnings && out.warnings > 0);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}
