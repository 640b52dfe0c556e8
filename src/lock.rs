//! One writer at a time per data folder: every command that writes into the
//! folder (`import`, and `add`, `fmt`, `eligible --write-proposals` when they
//! come) holds an exclusive lock on `DATA/.thidua.lock` from the moment it
//! reads the folder until its files are in place, so that two imports at
//! once cannot hand out the same ids. The lock is the operating system's
//! (`File::try_lock`): it goes with the process, so a killed writer never
//! leaves the folder locked. A second writer waits a little, then fails
//! naming the holder (its pid and command, written into the lock file).
//! The lock file is removed when the lock is released (on Unix), so that a
//! writer that changed nothing leaves the folder byte for byte as it was; a
//! waiter that locked a file removed meanwhile sees that it is no longer the
//! one at the path, and tries again. The loader passes the lock file over
//! (hidden names are not data).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::{Error, Result};

/// The lock file's name inside the data folder.
pub const FILE: &str = ".thidua.lock";

/// How long a second writer waits before it gives up.
pub const WAIT: Duration = Duration::from_secs(5);

/// The held lock; dropping it releases it.
#[derive(Debug)]
pub struct FolderLock {
    file: File,
    path: PathBuf,
}

impl FolderLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still held: no one can lock it and find it gone later.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Takes the lock of the folder `root` for `command` (e.g. `import`),
/// waiting up to `wait` for another writer to finish.
pub fn acquire(root: &Path, command: &str, wait: Duration) -> Result<FolderLock> {
    let path = root.join(FILE);
    let started = Instant::now();
    loop {
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.file_type().is_file()) {
            return Err(Error::NotAFile(path));
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) if still_at(&file, &path) => return Ok(held(file, path, command)),
            Ok(()) => {} // the holder removed it as we opened it: again
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(Error::Locked {
                    path,
                    holder: crate::model::text::escape(holder.trim()).into_owned(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
    }
}

/// Whether `file` is still the file at `path`.
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// The lock, with who holds it written in, for a writer that waits.
fn held(mut file: File, path: PathBuf, command: &str) -> FolderLock {
    let _ = (|| -> std::io::Result<()> {
        file.set_len(0)?;
        file.rewind()?;
        write!(file, "pid {} thidua {command}", std::process::id())?;
        file.sync_data()
    })();
    FolderLock { file, path }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let held = acquire(dir.path(), "import", WAIT).unwrap();
        let err = acquire(dir.path(), "fmt", Duration::from_millis(120)).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(&format!("pid {} thidua import", std::process::id())),
            "{text}"
        );
        drop(held);
        assert!(!dir.path().join(FILE).exists() || cfg!(not(unix)));
        acquire(dir.path(), "fmt", WAIT).unwrap();
    }
}
