//! `thidua fmt [--check]`: rewrites every record file of the folder in
//! canonical form ([`crate::load::canonical`]), each atomically, and lists
//! what it changed. `--check` writes nothing and exits 1 when a file would
//! change (for CI and the pre-commit hook). A file it cannot read is left as
//! it is and named; the exit status is then 1.

use crate::cli::FmtArgs;
use crate::i18n::Key;
use crate::load::{self, canonical, Format};
use crate::{msg, tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &FmtArgs) -> Result<i32> {
    let lang = ctx.lang;
    load::ensure_folder(&ctx.data)?;
    // `--check` writes nothing, not even a lock file; a rewrite holds the
    // folder's lock, after finishing or dropping a killed writer's commit.
    let _lock = match args.check {
        true => None,
        false => {
            let lock = crate::lock::acquire(&ctx.data, "fmt", crate::lock::WAIT)?;
            crate::fsutil::recover(&ctx.data)?;
            Some(lock)
        }
    };
    let (mut changed, mut unreadable, mut total) = (0usize, 0usize, 0usize);
    for f in load::discover(&ctx.data)?.files {
        let Some(kind) = f.kind else { continue };
        let path = ctx.data.join(&f.rel);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let result = match f.format {
            Format::Csv => canonical::csv(&bytes, kind),
            Format::Toml => canonical::toml(&bytes, kind),
            Format::Spreadsheet => continue,
        };
        total += 1;
        match result {
            Ok(None) => {}
            Ok(Some(r)) => {
                changed += 1;
                let key = if args.check {
                    Key::FmtWouldChange
                } else {
                    Key::FmtChanged
                };
                if !args.check {
                    crate::fsutil::replace(&path, &r.bytes)?;
                }
                let line = msg!(key, path = f.rel, what = r.what);
                writeln!(ctx.out, "{}", line.render(lang))?;
            }
            Err(why) => {
                unreadable += 1;
                let line = msg!(Key::FmtUnreadable, path = f.rel, why = why);
                writeln!(ctx.err, "{}", line.render(lang))?;
            }
        }
    }
    let key = if args.check {
        "fmt.check-summary"
    } else {
        "fmt.summary"
    };
    let summary = tr!(
        lang,
        key,
        changed = changed,
        total = total,
        unreadable = unreadable
    );
    ctx.note(&summary)?;
    let failed = unreadable > 0 || (args.check && changed > 0);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}
