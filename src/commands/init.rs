//! `thidua init DIR`: a minimal, valid, commented data folder to start from.
//! Written all or nothing by [`crate::fsutil::commit`].

use std::path::Path;

use crate::cli::InitArgs;
use crate::fsutil::{self, FailPoint, NewFile};
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
            return Err(Error::FolderNotEmpty { path: dir.clone() });
        }
    } else if dir.exists() {
        return Err(Error::NotAFolder { path: dir.clone() });
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

/// Writes the template into `dir` (absent or empty) all or nothing, through
/// the writer `import` uses: on failure, `dir` is as it was.
fn write_template(dir: &Path) -> Result<()> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let files: Vec<NewFile> = TEMPLATE
        .iter()
        .map(|(name, text)| NewFile {
            rel: (*name).to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect();
    fsutil::commit(dir, &files, FailPoint::default())
}
