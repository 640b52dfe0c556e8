//! The all-or-nothing writer: every new file is written to a hidden temporary
//! name in its folder (which the loader skips) and flushed to disk; then each
//! is linked into place under a name that must not exist yet, so an existing
//! file is never replaced. If any step fails, the files already placed, the
//! temporary files and the folders made for them are removed: they were all
//! new, so the folder is as it was, byte for byte.
//!
//! People are placed before the awards that name them, so that even a crash
//! between two files leaves a folder `check` reads cleanly.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// A file to create, relative to the data folder.
#[derive(Clone, Debug)]
pub struct NewFile {
    /// `/`-separated path inside the data folder.
    pub rel: String,
    pub bytes: Vec<u8>,
}

/// A failure injected for tests: fail after this many files have been
/// placed (0: before the first). Never set outside tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct FailPoint {
    pub after_placed: Option<usize>,
}

/// The first free name `DIR/<stem>.csv`, `DIR/<stem>-2.csv`, … not on disk
/// and not in `taken`.
pub fn free_name(root: &Path, dir: &str, stem: &str, taken: &[String]) -> String {
    let mut n = 1;
    loop {
        let rel = if n == 1 {
            format!("{dir}/{stem}.csv")
        } else {
            format!("{dir}/{stem}-{n}.csv")
        };
        if !root.join(&rel).exists() && !taken.contains(&rel) {
            return rel;
        }
        n += 1;
    }
}

/// What has been done so far, to undo.
#[derive(Default)]
struct Undo {
    dirs: Vec<PathBuf>,
    temps: Vec<PathBuf>,
    placed: Vec<PathBuf>,
}

impl Undo {
    fn run(self) {
        for p in self.placed.iter().rev().chain(self.temps.iter()) {
            let _ = fs::remove_file(p);
        }
        for d in self.dirs.iter().rev() {
            let _ = fs::remove_dir(d);
        }
    }
}

/// Writes `files` into `root`, all or nothing.
pub fn commit(root: &Path, files: &[NewFile], fail: FailPoint) -> Result<()> {
    let mut undo = Undo::default();
    match place_all(root, files, fail, &mut undo) {
        Ok(()) => {
            for t in &undo.temps {
                let _ = fs::remove_file(t);
            }
            Ok(())
        }
        Err(e) => {
            undo.run();
            Err(e)
        }
    }
}

fn place_all(root: &Path, files: &[NewFile], fail: FailPoint, undo: &mut Undo) -> Result<()> {
    let pid = std::process::id();
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        let target = root.join(&f.rel);
        let dir = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| root.to_path_buf());
        make_dirs(root, &dir, undo)?;
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("import");
        let temp = dir.join(format!(".{name}.tmp-{pid}"));
        let mut out = File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        undo.temps.push(temp.clone());
        out.write_all(&f.bytes).map_err(|e| Error::io(&temp, e))?;
        out.sync_all().map_err(|e| Error::io(&temp, e))?;
        staged.push((temp, target, dir));
    }
    for (i, (temp, target, dir)) in staged.iter().enumerate() {
        if fail.after_placed == Some(i) {
            return Err(Error::Message(format!(
                "injected failure before placing `{}`",
                target.display()
            )));
        }
        place(temp, target)?;
        undo.placed.push(target.clone());
        sync_dir(dir);
    }
    if fail.after_placed == Some(staged.len()) {
        return Err(Error::Message(
            "injected failure after placing every file".into(),
        ));
    }
    Ok(())
}

/// Links `temp` to `target`, failing if `target` exists; where hard links are
/// not supported, renames after checking (the folder is ours for the run).
fn place(temp: &Path, target: &Path) -> Result<()> {
    match fs::hard_link(temp, target) {
        Ok(()) => {
            let _ = fs::remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::io(target, e)),
        Err(_) => {
            if target.exists() {
                return Err(Error::io(
                    target,
                    std::io::Error::from(std::io::ErrorKind::AlreadyExists),
                ));
            }
            fs::rename(temp, target).map_err(|e| Error::io(target, e))
        }
    }
}

fn make_dirs(root: &Path, dir: &Path, undo: &mut Undo) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| p.starts_with(root) && *p != dir) {
        make_dirs(root, parent, undo)?;
    }
    fs::create_dir(dir).map_err(|e| Error::io(dir, e))?;
    undo.dirs.push(dir.to_path_buf());
    Ok(())
}

/// Flushes a folder's entries (the rename) to disk, where the platform can.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_and_undoes_everything() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("awards")).unwrap();
        fs::write(root.join("awards/x.csv"), "old").unwrap();
        assert_eq!(free_name(root, "awards", "x", &[]), "awards/x-2.csv");
        assert_eq!(
            free_name(root, "awards", "x", &["awards/x-2.csv".into()]),
            "awards/x-3.csv"
        );
        let files = vec![
            NewFile {
                rel: "people/x.csv".into(),
                bytes: b"p".to_vec(),
            },
            NewFile {
                rel: "awards/x-2.csv".into(),
                bytes: b"a".to_vec(),
            },
        ];
        for k in 0..=2 {
            let err = commit(
                root,
                &files,
                FailPoint {
                    after_placed: Some(k),
                },
            );
            assert!(err.is_err());
            assert!(!root.join("people").exists(), "after {k}");
            let names: Vec<_> = fs::read_dir(root.join("awards"))
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            assert_eq!(names, vec![std::ffi::OsString::from("x.csv")]);
        }
        commit(root, &files, FailPoint::default()).unwrap();
        assert_eq!(fs::read(root.join("awards/x-2.csv")).unwrap(), b"a");
        assert_eq!(fs::read(root.join("awards/x.csv")).unwrap(), b"old");
        let clash = vec![NewFile {
            rel: "awards/x.csv".into(),
            bytes: b"new".to_vec(),
        }];
        assert!(commit(root, &clash, FailPoint::default()).is_err());
        assert_eq!(fs::read(root.join("awards/x.csv")).unwrap(), b"old");
    }
}
