//! `thidua init DIR`: a minimal, valid, commented data folder to start from.
//! Written atomically: into a temporary sibling folder, then renamed.

use std::path::Path;

use crate::cli::InitArgs;
use crate::{tr, Ctx, Error, Result, EXIT_OK};

/// The files of a new folder, embedded in the binary.
pub const TEMPLATE: &[(&str, &str)] = &[
    ("thidua.toml", include_str!("init_template/thidua.toml")),
    (
        "campaigns.toml",
        include_str!("init_template/campaigns.toml"),
    ),
    ("units.csv", include_str!("init_template/units.csv")),
    ("people.csv", include_str!("init_template/people.csv")),
    (
        "evaluations.csv",
        include_str!("init_template/evaluations.csv"),
    ),
    ("awards.csv", include_str!("init_template/awards.csv")),
    ("proposals.csv", include_str!("init_template/proposals.csv")),
    ("README.md", include_str!("init_template/README.md")),
];

pub fn run(ctx: &mut Ctx<'_>, args: &InitArgs) -> Result<i32> {
    let lang = ctx.lang;
    let dir = &args.dir;
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(Error::Message(tr!(
                lang,
                "init.not-empty",
                path = dir.display()
            )));
        }
    } else if dir.exists() {
        return Err(Error::Message(tr!(
            lang,
            "check.not-folder",
            path = dir.display()
        )));
    }
    write_template(dir)?;
    writeln!(
        ctx.out,
        "{}",
        tr!(
            lang,
            "init.done",
            path = dir.display(),
            files = TEMPLATE.len()
        )
    )?;
    Ok(EXIT_OK)
}

/// Writes the template into `dir` (absent or empty) all at once.
fn write_template(dir: &Path) -> Result<()> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "data".into());
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let tmp = parent.join(format!(".{name}.init-{}", std::process::id()));
    let result = (|| {
        std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
        for (file, text) in TEMPLATE {
            let path = tmp.join(file);
            std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
        }
        if dir.exists() {
            std::fs::remove_dir(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::rename(&tmp, dir).map_err(|e| Error::io(dir, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}
