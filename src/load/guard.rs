//! Opens the files of the data folder without trusting them: only a regular
//! file is opened (a FIFO, a socket or a device named `x.csv` would block or
//! never end), only inside the data folder (a symlink to `/proc/self/environ`
//! or `~/.ssh` is never read), and never more than the size limit
//! (`[data] max-file-mb`, 512 MiB by default), so that no file can make the
//! loader allocate without bound. On Unix the file is opened with
//! `O_NONBLOCK` and checked again through its handle, as a second guard
//! against an entry swapped between the check and the open.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The default cap on one file of the data folder, in MiB.
pub const DEFAULT_MAX_FILE_MB: u64 = 512;

/// Why a file was not opened.
#[derive(Debug)]
pub enum Refusal {
    /// A symlink whose target lies outside the data folder.
    Outside,
    /// Not a regular file (a folder, FIFO, socket or device).
    NotRegular,
    /// Larger than the limit, in MiB.
    TooBig(u64),
    /// The system would not open or read it.
    Io(std::io::Error),
}

/// Opens files of one data folder.
#[derive(Clone, Debug)]
pub struct Guard {
    /// The folder, with its symlinks resolved.
    root: PathBuf,
    max_mb: u64,
}

impl Guard {
    /// A guard for the folder `root`, capping each file at `max_mb` MiB.
    pub fn new(root: &Path, max_mb: u64) -> Guard {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Guard { root, max_mb }
    }

    /// The cap in bytes.
    pub fn max_bytes(&self) -> u64 {
        self.max_mb.saturating_mul(1 << 20)
    }

    /// Whether `path` (a symlink) leads out of the folder, or nowhere.
    pub fn leaves_folder(&self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(target) => !target.starts_with(&self.root),
            Err(_) => true,
        }
    }

    /// Opens `path` for reading when it is a regular file inside the folder
    /// within the size limit; the file and its length.
    pub fn open(&self, path: &Path) -> Result<(File, u64), Refusal> {
        let link = std::fs::symlink_metadata(path).map_err(Refusal::Io)?;
        if link.file_type().is_symlink() && self.leaves_folder(path) {
            return Err(Refusal::Outside);
        }
        let meta = std::fs::metadata(path).map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular);
        }
        let file = open_nonblocking(path).map_err(Refusal::Io)?;
        // The entry may have changed since it was looked at: ask the handle.
        let meta = file.metadata().map_err(Refusal::Io)?;
        if !meta.is_file() {
            return Err(Refusal::NotRegular);
        }
        if meta.len() > self.max_bytes() {
            return Err(Refusal::TooBig(self.max_mb));
        }
        Ok((file, meta.len()))
    }

    /// The whole content of `path`, guarded as [`Guard::open`]; a file that
    /// grows past the limit while it is read is refused too.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        let (file, len) = self.open(path)?;
        let mut bytes = Vec::with_capacity(len as usize);
        file.take(self.max_bytes() + 1)
            .read_to_end(&mut bytes)
            .map_err(Refusal::Io)?;
        if bytes.len() as u64 > self.max_bytes() {
            return Err(Refusal::TooBig(self.max_mb));
        }
        Ok(bytes)
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "x").unwrap();
        let g = Guard::new(dir.path(), 1);
        assert_eq!(g.read(&dir.path().join("a.csv")).unwrap(), b"x");
        assert!(matches!(g.read(dir.path()), Err(Refusal::NotRegular)));
    }

    #[test]
    fn refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.csv");
        std::fs::write(&p, vec![b'a'; (1 << 20) + 1]).unwrap();
        assert!(matches!(
            Guard::new(dir.path(), 1).read(&p),
            Err(Refusal::TooBig(1))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_device_without_reading_it() {
        if std::path::Path::new("/dev/zero").exists() {
            let g = Guard::new(Path::new("/"), 1);
            assert!(matches!(
                g.read(Path::new("/dev/zero")),
                Err(Refusal::NotRegular)
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlink_out_of_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "s").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("x.csv");
        std::os::unix::fs::symlink(outside.path().join("secret"), &link).unwrap();
        assert!(matches!(
            Guard::new(dir.path(), 1).read(&link),
            Err(Refusal::Outside)
        ));
    }
}
