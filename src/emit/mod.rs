//! Renderers of `thidua check`'s findings, one file per format (as ruff has
//! one emitter per format). Each writes to the writer it is given.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::path::{Component, Path};

use crate::i18n::Lang;
use crate::rules::findings::Findings;
use crate::rules::Coverage;

/// Everything a renderer needs about one check run.
pub struct CheckOutput<'a> {
    pub diagnostics: Findings<'a>,
    pub errors: usize,
    pub warnings: usize,
    pub coverage: &'a Coverage,
    /// Records read, by record type plural name, for the summary line.
    pub records: usize,
    pub files: usize,
    pub lang: Lang,
    pub color: bool,
    /// Wrap human messages at word boundaries to this width (a terminal);
    /// `None` keeps each finding on one line, as scripts and CI read it.
    pub wrap: Option<usize>,
    /// The data folder as the repository sees it (`data`, `records/2018`;
    /// empty for the current folder), `/`-separated, with no `./`: what
    /// CI annotations put before a diagnostic's file so that they land on
    /// the repository's file. See [`root_display`].
    pub root_display: String,
}

impl CheckOutput<'_> {
    /// The path of a diagnostic's `file` from where thidua was run:
    /// `data/awards/2018.csv`.
    pub fn repo_path(&self, file: &str) -> String {
        if self.root_display.is_empty() {
            file.to_string()
        } else {
            format!("{}/{file}", self.root_display)
        }
    }
}

/// The data folder `root` as a `/`-separated path relative to the current
/// folder when it lies inside it (`./data` → `data`, `/ci/repo/data` → `data`
/// when run from `/ci/repo`), else as given. CI tools resolve annotation
/// paths against the checkout, which is where `thidua check` runs.
pub fn root_display(root: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = match cwd.as_deref() {
        Some(cwd) if root.is_absolute() => {
            let canon = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
            match root.strip_prefix(cwd) {
                Ok(r) => r.to_path_buf(),
                Err(_) => match canon(root).strip_prefix(canon(cwd)) {
                    Ok(r) => r.to_path_buf(),
                    Err(_) => root.to_path_buf(),
                },
            }
        }
        _ => root.to_path_buf(),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in rel.components() {
        match c {
            Component::CurDir => {}
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::RootDir => absolute = true,
            Component::ParentDir => parts.push("..".into()),
            Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_display_is_relative_and_slashed() {
        assert_eq!(root_display(Path::new("data")), "data");
        assert_eq!(root_display(Path::new("./data/")), "data");
        assert_eq!(root_display(Path::new(".")), "");
        assert_eq!(root_display(Path::new("./records/2018")), "records/2018");
        assert_eq!(root_display(Path::new("../other/data")), "../other/data");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(root_display(&cwd.join("data")), "data");
        assert_eq!(root_display(&cwd), "");
    }
}
