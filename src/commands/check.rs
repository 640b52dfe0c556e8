//! `thidua check`: load the folder, run the structural and law rules, print
//! the findings in the chosen format. Exit 0 clean, 1 findings, 2 failure.

use crate::cli::{CheckArgs, CheckFormat, ColorChoice};
use crate::diag::Diagnostics;
use crate::emit::{self, CheckOutput};
use crate::load::{self, Progress};
use crate::model::Dataset;
use crate::rules::Coverage;
use crate::settings::Settings;
use crate::{Ctx, Result, EXIT_FINDINGS, EXIT_OK};

/// The outcome of checking a folder, before it is rendered.
pub struct Checked {
    pub dataset: Dataset,
    pub settings: Settings,
    pub diagnostics: Diagnostics,
    pub coverage: Coverage,
}

/// Loads and checks the folder of `ctx` (also used by tests and other commands).
pub fn check_folder(ctx: &mut Ctx<'_>) -> Result<Checked> {
    load::ensure_folder(&ctx.data, ctx.lang)?;
    let (settings, setting_diags) = Settings::load(&ctx.data, ctx.lang);
    let mut sink = Diagnostics::with_overrides(settings.levels.clone());
    sink.extend(setting_diags);
    let mut progress = Progress::new(ctx.err_is_tty, ctx.lang.pick("Đang đọc", "Reading"));
    let dataset = load::load_checked(&ctx.data, &settings, ctx.lang, &mut sink, &mut progress)?;
    let coverage = crate::rules::check_law(&dataset, &settings, ctx.lang, &mut sink);
    sink.sort();
    Ok(Checked {
        dataset,
        settings,
        diagnostics: sink,
        coverage,
    })
}

pub fn run(ctx: &mut Ctx<'_>, args: &CheckArgs) -> Result<i32> {
    let checked = check_folder(ctx)?;
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
        diagnostics: checked.diagnostics.items(),
        errors: checked.diagnostics.errors(),
        warnings: checked.diagnostics.warnings(),
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
