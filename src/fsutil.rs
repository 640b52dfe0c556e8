//! The one way thidua writes files, shared by `init`, `report --output` and
//! `import`: every file is first written to a hidden temporary name in its
//! own folder (which the loader skips) and flushed to disk, then moved into
//! place, so that a reader never sees half a file.
//!
//! - [`replace`] puts one file in place with a rename, replacing a regular
//!   file (keeping its permissions) but refusing a symlink, a folder, a FIFO
//!   or a device. [`replace_all`] does so for several files (the CSV tables
//!   of `report --output DIR`), writing them all before renaming any.
//! - [`commit`] creates several new files all or nothing, through a
//!   journal: every file is first written into one hidden staging folder
//!   (`.thidua-staging`) and flushed, then a manifest naming them is put in
//!   place with a rename (the commit point), then each file is linked into
//!   place under a name that must not exist yet, so an existing file is
//!   never replaced. If a step fails, the files already placed and the
//!   folders made for them are removed: they were all new, so the folder is
//!   as it was, byte for byte. If the process is killed, [`recover`] at the
//!   start of the next writing command finishes the placing when the
//!   manifest is there, and otherwise drops the staging folder; it also
//!   removes the temporary files of writers that died. Files are placed in
//!   the order given (people before the awards that name them).

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
    /// Stop at this step as a kill would, leaving everything as it is.
    pub killed_at: Option<Step>,
}

/// Writes `bytes` to `path` atomically: a hidden temporary file in the same
/// folder, flushed, then renamed over `path`. An existing regular file is
/// replaced and keeps its permissions; anything else at `path` (a symlink, a
/// folder, a FIFO, a device) is refused.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    replace_with(path, &mut |out| {
        out.write_all(bytes).map_err(|e| Error::io(path, e))
    })
}

/// [`replace`], the bytes written by `write` as it makes them (a big export
/// is never held whole in memory); if `write` fails, nothing is replaced.
pub fn replace_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
) -> Result<()> {
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
    let temp = temp_file(&dir, path, write)?;
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

/// Writes several files as [`replace`] does, all or nothing as far as the
/// disk goes: every file is written and flushed to its temporary name first,
/// and only when all of them are written (a full disk fails here, leaving
/// everything as it was) are they renamed into place.
pub fn replace_all(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut kept = Vec::with_capacity(files.len());
    for (path, _) in files {
        match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_file() => kept.push(Some(m.permissions())),
            Ok(_) => return Err(Error::NotAFile(path.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => kept.push(None),
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let write = &mut |out: &mut dyn Write| out.write_all(bytes).map_err(|e| Error::io(path, e));
        match temp_file(&dir, path, write) {
            Ok(t) => temps.push((t, dir)),
            Err(e) => {
                for (t, _) in &temps {
                    let _ = fs::remove_file(t);
                }
                return Err(e);
            }
        }
    }
    for (((temp, dir), (path, _)), perms) in temps.iter().zip(files).zip(kept) {
        let moved = (|| {
            if let Some(perms) = perms {
                fs::set_permissions(temp, perms)?;
            }
            fs::rename(temp, path)
        })();
        if let Err(e) = moved {
            let _ = fs::remove_file(temp);
            return Err(Error::io(path, e));
        }
        sync_dir(dir);
    }
    Ok(())
}

/// Writes `bytes` to a new hidden file in `dir` named after `target`,
/// flushed to disk; its path.
fn temp_file(
    dir: &Path,
    target: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
) -> Result<PathBuf> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "thidua".into());
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let written = (|| {
        let file = File::create(&temp).map_err(|e| Error::io(target, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| Error::io(target, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(target, e))
    })();
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// What has been done so far, to undo.
#[derive(Default)]
struct Undo {
    dirs: Vec<PathBuf>,
    placed: Vec<PathBuf>,
}

impl Undo {
    fn run(self) {
        for p in self.placed.iter().rev() {
            let _ = fs::remove_file(p);
        }
        for d in self.dirs.iter().rev() {
            let _ = fs::remove_dir(d);
        }
    }
}

/// The hidden folder a commit stages its files in, inside the data folder.
pub const STAGING: &str = ".thidua-staging";
const MANIFEST: &str = "manifest";

/// Where a test may stop a commit as a kill would: no undo, no cleanup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Every file staged, no manifest yet.
    Staged,
    /// The manifest in place, nothing placed.
    Manifest,
    /// This many files placed.
    Placed(usize),
}

/// Writes `files` into `root`, all or nothing (see the module docs).
pub fn commit(root: &Path, files: &[NewFile], fail: FailPoint) -> Result<()> {
    recover(root)?;
    let staging = root.join(STAGING);
    let mut undo = Undo::default();
    match journal(root, &staging, files, fail, &mut undo) {
        Ok(()) => {
            let _ = fs::remove_dir_all(&staging);
            sync_dir(root);
            Ok(())
        }
        Err(e) if fail.killed_at.is_some() => Err(e),
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            undo.run();
            Err(e)
        }
    }
}

fn journal(
    root: &Path,
    staging: &Path,
    files: &[NewFile],
    fail: FailPoint,
    undo: &mut Undo,
) -> Result<()> {
    let kill = |step| match fail.killed_at == Some(step) {
        true => Err(Error::Injected { before: None }),
        false => Ok(()),
    };
    make_dirs(root, root, undo)?;
    fs::create_dir(staging).map_err(|e| Error::io(staging, e))?;
    let mut manifest = String::new();
    for (i, f) in files.iter().enumerate() {
        let staged = staging.join(i.to_string());
        write_synced(&staged, &f.bytes).map_err(|e| Error::io(root.join(&f.rel), e))?;
        manifest.push_str(&format!("{i}\t{}\n", f.rel));
    }
    kill(Step::Staged)?;
    let temp = staging.join("manifest.tmp");
    let put = write_synced(&temp, manifest.as_bytes())
        .and_then(|()| fs::rename(&temp, staging.join(MANIFEST)));
    put.map_err(|e| Error::io(staging, e))?;
    sync_dir(staging);
    kill(Step::Manifest)?;
    for (i, f) in files.iter().enumerate() {
        let target = root.join(&f.rel);
        if fail.after_placed == Some(i) {
            return Err(Error::Injected {
                before: Some(target),
            });
        }
        let dir = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| root.to_path_buf());
        make_dirs(root, &dir, undo)?;
        place(&staging.join(i.to_string()), &target)?;
        undo.placed.push(target);
        sync_dir(&dir);
        kill(Step::Placed(i + 1))?;
    }
    if fail.after_placed == Some(files.len()) {
        return Err(Error::Injected { before: None });
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut out = File::create(path)?;
    out.write_all(bytes)?;
    out.sync_all()
}

/// Finishes or drops a commit that a killed writer left in `root`, and
/// removes the temporary files of writers that are gone. Call it holding
/// the folder's lock ([`crate::lock`]), before reading the folder.
pub fn recover(root: &Path) -> Result<()> {
    let staging = root.join(STAGING);
    match fs::symlink_metadata(&staging) {
        Ok(m) if m.is_dir() => {
            if let Ok(text) = fs::read_to_string(staging.join(MANIFEST)) {
                finish(root, &staging, &text)?;
            }
            fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
            sync_dir(root);
        }
        // Not ours (a symlink, a file): removed, never followed.
        Ok(_) => fs::remove_file(&staging).map_err(|e| Error::io(&staging, e))?,
        Err(_) => {}
    }
    remove_stale_temps(root);
    Ok(())
}

/// Places what the manifest `text` lists and is still staged. A manifest
/// comes from the folder, which may be hostile: only plain relative paths
/// inside the folder, and only regular staged files, are placed.
fn finish(root: &Path, staging: &Path, text: &str) -> Result<()> {
    for line in text.lines() {
        let Some((index, rel)) = line.split_once('\t') else {
            continue;
        };
        let inside = Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let staged = staging.join(index);
        let regular = fs::symlink_metadata(&staged).is_ok_and(|m| m.is_file());
        let numbered = !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit());
        if !inside || rel.is_empty() || !numbered || !regular {
            continue;
        }
        let target = root.join(rel);
        if fs::symlink_metadata(&target).is_ok() {
            continue; // placed before the kill (or taken since: never replaced)
        }
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
    }
    Ok(())
}

/// Removes `.NAME.tmp-PID` files of the folder and its sub-folders whose
/// writer is no longer running.
fn remove_stale_temps(root: &Path) {
    let mut dirs = vec![root.to_path_buf()];
    if let Ok(entries) = fs::read_dir(root) {
        dirs.extend(
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path()),
        );
    }
    for dir in dirs {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let pid = name
                .strip_prefix('.')
                .and_then(|n| n.rsplit_once(".tmp-"))
                .and_then(|(_, pid)| pid.parse::<u32>().ok());
            if pid.is_some_and(|p| !alive(p)) && e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Whether process `pid` is running (always, where that cannot be told).
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        if pid == std::process::id() {
            return true;
        }
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
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
                    ..FailPoint::default()
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
    fn replace_all_refuses_before_writing_anything() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        fs::write(&a, "old").unwrap();
        let folder = dir.path().join("b.csv");
        fs::create_dir(&folder).unwrap();
        let files = vec![(a.clone(), b"new".to_vec()), (folder, b"x".to_vec())];
        assert!(replace_all(&files).is_err());
        assert_eq!(fs::read(&a).unwrap(), b"old");
        // A folder that cannot hold the temporary files fails before any rename.
        let files = vec![
            (a.clone(), b"new".to_vec()),
            (dir.path().join("missing/c.csv"), b"c".to_vec()),
        ];
        assert!(replace_all(&files).is_err());
        assert_eq!(fs::read(&a).unwrap(), b"old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary left"
        );
        replace_all(&[(a.clone(), b"new".to_vec())]).unwrap();
        assert_eq!(fs::read(&a).unwrap(), b"new");
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
