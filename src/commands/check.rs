//! `thidua check`: load the folder, run the structural and law rules, print
//! the findings in the chosen format. Exit 0 clean, 1 findings, 2 failure.

use crate::cache;
use crate::cli::{CheckArgs, CheckFormat};
use crate::emit::{self, CheckOutput};
use crate::engine::{self, Checked, EngineInput};
use crate::load::Progress;
use crate::{Ctx, Result, EXIT_FINDINGS, EXIT_OK};

/// Runs the whole pipeline, the law included, on the folder of `ctx` (also
/// used by tests and other commands).
pub fn check_folder(ctx: &mut Ctx<'_>) -> Result<Checked> {
    let input = EngineInput {
        root: &ctx.data,
        today: ctx.today,
        law: true,
        law_years: None,
    };
    let mut progress = Progress::new(ctx.progress(), ctx.lang.pick("Đang đọc", "Reading"));
    let started = std::time::Instant::now();
    let checked = engine::run_cached(&input, ctx.cache.as_deref(), &mut progress)?;
    say_what_was_read(ctx, &checked, started)?;
    Ok(checked)
}

/// Under `-v`: the folder read, its files and records, and the time taken.
pub fn say_what_was_read(
    ctx: &mut Ctx<'_>,
    checked: &Checked,
    started: std::time::Instant,
) -> std::io::Result<()> {
    let ds = &checked.dataset;
    let records = ds.campaigns.len()
        + ds.units.len()
        + ds.people.len()
        + ds.evaluations.len()
        + ds.awards.len()
        + ds.proposals.len();
    let mut seconds = format!("{:.2}", started.elapsed().as_secs_f64());
    if ctx.lang == crate::Lang::Vi {
        seconds = seconds.replace('.', ",");
    }
    let text = crate::tr!(
        ctx.lang,
        "cli.verbose-read",
        folder = ctx.data.display(),
        files = ds.files.len(),
        records = records,
        seconds = seconds
    );
    ctx.detail(&text)?;
    say_what_the_cache_did(ctx, &checked.cache)
}

/// Under `-v`: whether the folder came from its snapshot, or why none was
/// written (never an error: the command ran all the same).
fn say_what_the_cache_did(ctx: &mut Ctx<'_>, outcome: &cache::Outcome) -> std::io::Result<()> {
    let lang = ctx.lang;
    let dir = ctx
        .cache
        .as_deref()
        .unwrap_or(std::path::Path::new(""))
        .display();
    let text = match outcome {
        cache::Outcome::Off => return Ok(()),
        cache::Outcome::Read => crate::tr!(lang, "cli.verbose-cache-read", dir = dir),
        cache::Outcome::Written => crate::tr!(lang, "cli.verbose-cache-written", dir = dir),
        cache::Outcome::NotClean => lang.t("cli.verbose-cache-not-clean").to_string(),
        cache::Outcome::Failed(error) => {
            crate::tr!(lang, "cli.verbose-cache-failed", dir = dir, error = error)
        }
    };
    ctx.detail(&text)
}

pub fn run(ctx: &mut Ctx<'_>, args: &CheckArgs) -> Result<i32> {
    let checked = check_folder(ctx)?;
    let findings = checked.findings();
    let ds = &checked.dataset;
    let records = ds.campaigns.len()
        + ds.units.len()
        + ds.people.len()
        + ds.evaluations.len()
        + ds.awards.len()
        + ds.proposals.len();
    let color = ctx.color;
    let out = CheckOutput {
        diagnostics: findings,
        errors: checked.diagnostics.errors() + checked.law.errors(),
        warnings: checked.diagnostics.warnings() + checked.law.warnings(),
        coverage: &checked.coverage,
        records,
        files: ds.files.len(),
        lang: ctx.lang,
        color,
        wrap: ctx.width.filter(|_| ctx.out_is_tty),
        root_display: emit::root_display(&ctx.data),
    };
    match args.format {
        CheckFormat::Human if ctx.quiet => emit::human::write_quiet(ctx.out, &out)?,
        CheckFormat::Human => emit::human::write(ctx.out, &out)?,
        CheckFormat::Json => emit::json::write(ctx.out, &out)?,
        CheckFormat::Github => emit::github::write(ctx.out, &out)?,
        CheckFormat::Sarif => emit::sarif::write(ctx.out, &out)?,
    }
    let failed = out.errors > 0 || (args.deny_warnings && out.warnings > 0);
    // The process ends with this command: its memory goes back to the
    // system at once, rather than a million findings freed one by one.
    std::mem::forget(checked);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}
