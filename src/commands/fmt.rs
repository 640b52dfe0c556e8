//! `thidua fmt [--check]`: rewrites every record file of the folder in
//! canonical form ([`crate::load::canonical`]), each atomically, and lists
//! what it changed. `--check` writes nothing and exits 1 when a file would
//! change (for CI and the pre-commit hook). A file it cannot read is left as
//! it is and named; the exit status is then 1.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::FmtArgs;
use crate::load::{self, canonical, Format};
use crate::{tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &FmtArgs) -> Result<i32> {
    let lang = ctx.lang;
    load::ensure_folder(&ctx.data, lang)?;
    let (mut changed, mut unreadable, mut total) = (0usize, 0usize, 0usize);
    for f in load::discover(&ctx.data)? {
        let Some(kind) = f.kind else { continue };
        let path = ctx.data.join(&f.rel);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let result = match f.format {
            Format::Csv => canonical::csv(&bytes, kind, lang),
            Format::Toml => canonical::toml(&bytes, kind, lang),
            Format::Spreadsheet => continue,
        };
        total += 1;
        match result {
            Ok(None) => {}
            Ok(Some(r)) => {
                changed += 1;
                let key = if args.check {
                    "fmt.would-change"
                } else {
                    "fmt.changed"
                };
                if !args.check {
                    replace_atomic(&path, &r.bytes)?;
                }
                writeln!(ctx.out, "{}", tr!(lang, key, path = f.rel, what = r.what))?;
            }
            Err(why) => {
                unreadable += 1;
                writeln!(
                    ctx.err,
                    "{}",
                    tr!(lang, "fmt.unreadable", path = f.rel, why = why)
                )?;
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
    writeln!(ctx.err, "{summary}")?;
    let failed = unreadable > 0 || (args.check && changed > 0);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// Replaces `path` with `bytes` through a temporary file in the same folder
/// and a rename, so that a reader never sees half a file.
// TODO(merge): use the shared atomic-write helper of the core refactor.
pub(crate) fn replace_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
