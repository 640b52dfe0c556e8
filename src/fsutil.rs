//! The one way thidua writes files, shared by `init`, `report --output` and
//! `import`: every file is first written to a hidden temporary name in its
//! own folder (which the loader skips) and flushed to disk, then moved into
//! place, so that a reader never sees half a file.
//!
//! - [`replace`] puts one file in place with a rename, replacing a regular
//!   file (keeping its permissions) but refusing a symlink, a folder, a FIFO
//!   or a device.
//! - [`commit`] creates several new files all or nothing: each is linked
//!   into place under a name that must not exist yet, so an existing file is
//!   never replaced. If any step fails, the files already placed, the
//!   temporary files and the folders made for them are removed: they were
//!   all new, so the folder is as it was, byte for byte. Files are placed in
//!   the order given (an import places people before the awards that name
//!   them, so that even a crash between two files leaves a folder `check`
//!   reads cleanly).

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

/// Writes `bytes` to `path` atomically: a hidden temporary file in the same
/// folder, flushed, then renamed over `path`. An existing regular file is
/// replaced and keeps its permissions; anything else at `path` (a symlink, a
/// folder, a FIFO, a device) is refused.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let existing = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Some(m.permissions()),
        Ok(_) => return Err(Error::NotAFile(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = temp_file(&dir, path, bytes)?;
    let moved = (|| {
        if let Some(perms) = existing {
            fs::set_permissions(&temp, perms)?;
        }
        fs::rename(&temp, path)
    })();
    if let Err(e) = moved {
        let _ = fs::remove_file(&temp);
        return Err(Error::io(path, e));
    }
    sync_dir(&dir);
    Ok(())
}

/// Writes `bytes` to a new hidden file in `dir` named after `target`,
/// flushed to disk; its path.
fn temp_file(dir: &Path, target: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "thidua".into());
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let mut out = File::create(&temp)?;
        out.write_all(bytes)?;
        out.sync_all()
    })();
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(Error::io(target, e))
        }
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
    let mut staged = Vec::with_capacity(files.len());
    for f in files {
        let target = root.join(&f.rel);
        let dir = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| root.to_path_buf());
        make_dirs(root, &dir, undo)?;
        let temp = temp_file(&dir, &target, &f.bytes)?;
        undo.temps.push(temp.clone());
        staged.push((temp, target, dir));
    }
    for (i, (temp, target, dir)) in staged.iter().enumerate() {
        if fail.after_placed == Some(i) {
            return Err(Error::Injected {
                before: Some(target.clone()),
            });
        }
        place(temp, target)?;
        undo.placed.push(target.clone());
        sync_dir(dir);
    }
    if fail.after_placed == Some(staged.len()) {
        return Err(Error::Injected { before: None });
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

/// An `--output` path, or `None` for `-` (standard output, as in most tools).
pub fn file_or_stdout(path: Option<&Path>) -> Option<&Path> {
    path.filter(|p| *p != Path::new("-"))
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

    #[test]
    fn replace_writes_new_and_replaces_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.html");
        replace(&path, b"one").unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn replace_keeps_the_permissions_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        replace(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn replace_refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        fs::write(&target, "kept").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let mut refused = vec![link.clone(), folder];
        if made.is_ok_and(|s| s.success()) {
            refused.push(fifo);
        }
        for path in &refused {
            let err = replace(path, b"new").unwrap_err();
            assert!(matches!(&err, Error::NotAFile(p) if p == path), "{err}");
        }
        assert_eq!(fs::read(&target).unwrap(), b"kept");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
