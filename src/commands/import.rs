//! `thidua import FILE`: brings a spreadsheet or CSV list into the data
//! folder (see `crate::import`) and prints what it did: added, skipped as
//! already there, rejected with the cell and the reason. Exit 0 when every
//! row went in (or `--skip-invalid` was given), 1 when rows were rejected
//! and so nothing was written, 2 when the import could not run.

use crate::cli::{ImportArgs, ImportFormat, ImportType};
use crate::import::{self, Options};
use crate::load::Progress;
use crate::model::RecordType;
use crate::{Ctx, Result, EXIT_FINDINGS, EXIT_OK};

/// The options of an import from its command-line arguments.
pub fn options(args: &ImportArgs) -> Options {
    let kind = match args.kind {
        ImportType::Awards => RecordType::Award,
        ImportType::People => RecordType::Person,
        ImportType::Units => RecordType::Unit,
        ImportType::Evaluations => RecordType::Evaluation,
        ImportType::Proposals => RecordType::Proposal,
    };
    let mut opts = Options::new(&args.file, kind);
    opts.sheet = args.sheet.clone();
    opts.encoding = args.encoding;
    opts.set = args
        .set
        .iter()
        .map(|s| (s.field.clone(), s.value.clone()))
        .collect();
    opts.map = args.map.clone();
    opts.create_people = args.create_people;
    opts.skip_invalid = args.skip_invalid;
    opts.dry_run = args.dry_run;
    opts
}

pub fn run(ctx: &mut Ctx<'_>, args: &ImportArgs) -> Result<i32> {
    let lang = ctx.lang;
    let mut opts = options(args);
    opts.progress = ctx.err_is_tty;
    opts.today = ctx.today;
    let mut progress = Progress::new(ctx.err_is_tty, lang.pick("Đang đọc", "Reading"));
    let outcome = import::run(&ctx.data, &opts, lang, &mut progress)?;
    match args.format {
        ImportFormat::Human => import::render::human(ctx.out, &outcome, &opts, lang)?,
        ImportFormat::Json => import::render::json(ctx.out, &outcome, &opts)?,
    }
    // A rejected row is a finding, even when --skip-invalid wrote the others.
    Ok(if outcome.has_rejections() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
