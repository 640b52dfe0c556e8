//! The snapshot cache: a second run on an unchanged data folder reads the
//! loaded [`Dataset`] back from a snapshot instead of parsing every file
//! again (as ruff keeps its cache). The structural checks and the law still
//! run on it: they depend on the day and the settings.
//!
//! - **Where**: one file per data folder (named by a hash of the folder's
//!   canonical path) in the user's cache directory ([`user_dir`], or
//!   `THIDUA_CACHE_DIR`), never in the data folder. Off with `--no-cache` or
//!   `THIDUA_NO_CACHE=1`.
//! - **Never stale**: a snapshot is read only when its key matches byte for
//!   byte: the snapshot format ([`FORMAT`]), thidua's version and the
//!   executable's size and modification time (a rebuilt binary, whose
//!   records may differ, never reads an older snapshot), the year of the
//!   day checked as of, the file-size limit, the bytes of `thidua.toml`,
//!   and the path, size and XXH3-128 hash of every data file. The payload
//!   carries its own XXH3-128 checksum and every value is checked as it is
//!   read: a truncated, corrupt or older snapshot is ignored and rewritten.
//! - **Only clean loads**: a snapshot is written only when loading made no
//!   finding and left nothing out (no dropped rows, no unreadable, refused,
//!   unknown or skipped file) — then the loader has nothing to say that a
//!   snapshot would have to repeat. A folder with loading problems is parsed
//!   every time.
//! - **Never in the way**: failing to write it is not an error of the
//!   command (`-v` says why); the files are hashed again after loading and
//!   the snapshot is written only if none changed meanwhile.

mod codec;

use std::io::Read;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3Default};

use crate::diag::Diagnostics;
use crate::load::{self, Format, Progress};
use crate::model::{Dataset, Date};
use crate::Result;

/// The version of the snapshot layout: raise it whenever [`codec`] or the
/// key changes.
pub const FORMAT: u32 = 1;

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"thidua\x00S";

/// What became of the cache in one load, for `-v`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No cache: `--no-cache`, `THIDUA_NO_CACHE=1`, or no cache directory.
    Off,
    /// The dataset was read from the folder's snapshot.
    Read,
    /// The folder was parsed and its snapshot written.
    Written,
    /// The folder was parsed and is not cached: loading had something to
    /// say, or a file changed while it was read.
    NotClean,
    /// The folder was parsed; writing its snapshot failed (why).
    Failed(String),
}

/// The user's cache directory for thidua: `$XDG_CACHE_HOME/thidua` (else
/// `~/.cache/thidua`) on Linux and other Unixes, `~/Library/Caches/thidua` on
/// macOS, `%LOCALAPPDATA%\thidua\cache` on Windows; `var` reads the
/// environment. `None` when none of them is known.
pub fn user_dir(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if cfg!(windows) {
        return set("LOCALAPPDATA").map(|d| d.join("thidua").join("cache"));
    }
    let home = set("HOME");
    if cfg!(target_os = "macos") {
        return home.map(|h| h.join("Library").join("Caches").join("thidua"));
    }
    set("XDG_CACHE_HOME")
        .filter(|d| d.is_absolute())
        .or_else(|| home.map(|h| h.join(".cache")))
        .map(|d| d.join("thidua"))
}

/// What the loader is asked, besides the folder: the same inputs give the
/// same dataset.
pub struct LoadInput<'a> {
    pub root: &'a Path,
    pub today: Date,
    pub max_mb: u64,
}

/// Loads the folder as [`load::load_capped`] does, through the snapshot
/// kept in `dir` (`None`: no cache).
pub fn load(
    dir: Option<&Path>,
    input: &LoadInput<'_>,
    sink: &mut Diagnostics,
    progress: &mut Progress,
) -> Result<(Dataset, Outcome)> {
    let LoadInput {
        root,
        today,
        max_mb,
    } = *input;
    let Some(dir) = dir else {
        let ds = load::load_capped(root, today, max_mb, sink, progress)?;
        return Ok((ds, Outcome::Off));
    };
    let key = Key::of(input);
    if let Some(key) = &key {
        if let Some(ds) = read(&dir.join(key.file_name()), key, root) {
            return Ok((ds, Outcome::Read));
        }
    }
    let before = sink.items().len();
    let ds = load::load_capped(root, today, max_mb, sink, progress)?;
    let clean = sink.items().len() == before && is_clean(&ds);
    let outcome = match key {
        Some(key) if clean && Key::of(input).as_ref() == Some(&key) => {
            match write(dir, &key, &ds) {
                Ok(()) => Outcome::Written,
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        _ => Outcome::NotClean,
    };
    Ok((ds, outcome))
}

/// Whether a dataset lost nothing while loading.
fn is_clean(ds: &Dataset) -> bool {
    ds.dropped.iter().all(|&n| n == 0)
        && ds.dropped_ids.iter().all(|ids| ids.is_empty())
        && ds.unreadable.is_empty()
        && ds.left_out.is_empty()
}

/// Everything a loaded dataset depends on, as the bytes a snapshot begins
/// with.
#[derive(Debug, PartialEq, Eq)]
struct Key {
    bytes: Vec<u8>,
    /// The hash of the folder's canonical path: the snapshot's file name.
    folder: u128,
}

impl Key {
    /// The key of the folder now; `None` when it cannot be cached (a file
    /// the loader would report, something unreadable).
    fn of(input: &LoadInput<'_>) -> Option<Key> {
        let canonical = std::fs::canonicalize(input.root).ok()?;
        let found = load::discover(input.root).ok()?;
        let readable = |f: &load::Found| f.kind.is_some() && f.format != Format::Spreadsheet;
        if !found.skipped.is_empty() || !found.files.iter().all(readable) {
            return None;
        }
        let mut k = Vec::with_capacity(256 + found.files.len() * 64);
        k.extend_from_slice(MAGIC);
        k.extend_from_slice(&FORMAT.to_le_bytes());
        put_bytes(&mut k, env!("CARGO_PKG_VERSION").as_bytes());
        k.extend_from_slice(&build_stamp()?);
        k.extend_from_slice(&input.today.year().to_le_bytes());
        k.extend_from_slice(&input.max_mb.to_le_bytes());
        let settings = input.root.join(load::settings::FILE);
        match std::fs::symlink_metadata(&settings) {
            Ok(_) => k.extend_from_slice(&file_hash(&settings)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => k.extend_from_slice(&[0; 24]),
            Err(_) => return None,
        }
        let folder = canonical.as_os_str().as_encoded_bytes();
        put_bytes(&mut k, folder);
        k.extend_from_slice(&(found.files.len() as u64).to_le_bytes());
        for f in &found.files {
            put_bytes(&mut k, f.rel.as_bytes());
            k.extend_from_slice(&file_hash(&input.root.join(&f.rel))?);
        }
        Some(Key {
            bytes: k,
            folder: xxh3_128(folder),
        })
    }

    fn file_name(&self) -> String {
        format!("{:032x}.snapshot", self.folder)
    }
}

/// `bytes`, preceded by their length.
fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// The size and XXH3-128 hash of a file's bytes.
fn file_hash(path: &Path) -> Option<[u8; 24]> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Xxh3Default::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buf[..n]);
                size += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&size.to_le_bytes());
    out[8..].copy_from_slice(&hasher.digest128().to_le_bytes());
    Some(out)
}

/// What changes with every build of thidua: the size and modification time
/// of the running executable, and the size of the records.
fn build_stamp() -> Option<[u8; 32]> {
    use crate::model::{Award, Campaign, Evaluation, Person, Proposal, Unit};
    let exe = std::env::current_exe().ok()?.metadata().ok()?;
    let modified = exe.modified().ok()?;
    let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    let layout = [
        size_of::<Campaign>(),
        size_of::<Unit>(),
        size_of::<Person>(),
        size_of::<Evaluation>(),
        size_of::<Award>(),
        size_of::<Proposal>(),
    ];
    let mut out = [0u8; 32];
    out[..8].copy_from_slice(&exe.len().to_le_bytes());
    out[8..24].copy_from_slice(&since.as_nanos().to_le_bytes());
    let layout: Vec<u8> = layout
        .iter()
        .flat_map(|n| (*n as u64).to_le_bytes())
        .collect();
    out[24..].copy_from_slice(&xxh3_64(&layout).to_le_bytes());
    Some(out)
}

/// The dataset of the snapshot at `path` if it is one `key` describes and
/// it is whole; `None` otherwise, whatever the bytes.
fn read(path: &Path, key: &Key, root: &Path) -> Option<Dataset> {
    let mut file = std::fs::File::open(path).ok()?;
    let mut head = vec![0u8; key.bytes.len() + 24];
    file.read_exact(&mut head).ok()?;
    if head[..key.bytes.len()] != key.bytes[..] {
        return None;
    }
    let tail = &head[key.bytes.len()..];
    let len = u64::from_le_bytes(tail[..8].try_into().ok()?);
    let sum = u128::from_le_bytes(tail[8..].try_into().ok()?);
    // The payload is the rest of the file, whole: a length the file does
    // not hold is refused before anything is sized by it.
    let size = file.metadata().ok()?.len();
    if size.checked_sub(head.len() as u64) != Some(len) {
        return None;
    }
    let (ds, hash) = codec::decode_from(&mut file.take(len), len, root)?;
    (hash == sum).then_some(ds)
}

/// Writes the snapshot of `ds` under `key` into `dir`, atomically.
fn write(dir: &Path, key: &Key, ds: &Dataset) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir, e))?;
    tag(dir);
    // The header (key, payload length, checksum) is filled in once the
    // payload is written after it.
    let start = key.bytes.len() + 24;
    let mut head = Vec::with_capacity(start);
    head.extend_from_slice(&key.bytes);
    head.resize(start, 0);
    let mut bytes = codec::encode_after(head, ds);
    let len = (bytes.len() - start) as u64;
    let sum = xxh3_128(&bytes[start..]);
    bytes[start - 24..start - 16].copy_from_slice(&len.to_le_bytes());
    bytes[start - 16..start].copy_from_slice(&sum.to_le_bytes());
    crate::fsutil::replace(&dir.join(key.file_name()), &bytes)
}

/// Marks `dir` as a cache (<https://bford.info/cachedir/>) so that backups
/// pass it over.
fn tag(dir: &Path) {
    let path = dir.join("CACHEDIR.TAG");
    if !path.exists() {
        let text = "Signature: 8a477f597d28d172789f06886806bc55\n\
                    # This file is a cache directory tag created by thidua.\n";
        let _ = crate::fsutil::replace(&path, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_cache_directory_follows_the_platform() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let dir = user_dir(env(&[
            ("HOME", "/home/an"),
            ("LOCALAPPDATA", "C:\\Users\\an\\AppData\\Local"),
        ]));
        let xdg = user_dir(env(&[
            ("HOME", "/home/an"),
            ("XDG_CACHE_HOME", "/var/cache/an"),
        ]));
        let relative = user_dir(env(&[("HOME", "/home/an"), ("XDG_CACHE_HOME", "cache")]));
        if cfg!(windows) {
            let want = PathBuf::from("C:\\Users\\an\\AppData\\Local")
                .join("thidua")
                .join("cache");
            assert_eq!(dir, Some(want));
        } else if cfg!(target_os = "macos") {
            assert_eq!(dir, Some(PathBuf::from("/home/an/Library/Caches/thidua")));
        } else {
            assert_eq!(dir, Some(PathBuf::from("/home/an/.cache/thidua")));
            assert_eq!(xdg, Some(PathBuf::from("/var/cache/an/thidua")));
            // A relative XDG_CACHE_HOME is ignored, as the specification says.
            assert_eq!(relative, Some(PathBuf::from("/home/an/.cache/thidua")));
            assert_eq!(user_dir(env(&[])), None);
        }
    }
}
