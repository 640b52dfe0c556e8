//! The only code that reads the data folder: finds the files of each record
//! type, streams them through the CSV or TOML reader into a compact
//! [`Dataset`], and reports every problem as a diagnostic in one pass. A
//! finding holds its message as data (a catalogue key with typed arguments,
//! see `crate::diag`): reading needs no language, and a finding costs no
//! formatting until it is written out.

pub mod canonical;
mod csv_file;
pub mod encoding;
pub mod guard;
pub mod headers;
pub mod legacy;
mod progress;
pub mod schema;
pub mod settings;
pub mod sniff;
mod toml_file;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, RuleId};
use crate::i18n::{Key, Msg};
use crate::model::{Dataset, Date, FileId, RecordType, SourceFile};
use crate::{msg, Error, Result};

pub use progress::Progress;

/// A file found in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Path relative to the folder, `/`-separated.
    pub rel: String,
    pub kind: Option<RecordType>,
    pub format: Format,
}

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Toml,
    /// A workbook (`.xlsx`, `.xls`, `.ods`) in a record folder: not read,
    /// named with a pointer to `import`.
    Spreadsheet,
}

/// An entry of the folder that is not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Path relative to the folder, `/`-separated (lossy for a name that
    /// is not UTF-8).
    pub rel: String,
    pub why: SkipReason,
    /// Whether it would have held records (a `.csv`/`.toml` file, or a
    /// folder, of a record type): then its records are missing.
    pub records: bool,
}

/// Why an entry of the folder is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A symlink leading out of the data folder: never followed.
    Outside,
    /// A symlink to a folder: not followed (it could loop, or lead anywhere).
    FolderLink,
    /// A FIFO, socket or device: never opened.
    NotRegular,
    /// A name that is not UTF-8.
    BadName,
    /// A sub-folder that cannot be listed.
    Unlisted,
}

impl SkipReason {
    /// The catalogue key of its message.
    fn key(self) -> Key {
        match self {
            SkipReason::Outside => Key::LoadSkipOutside,
            SkipReason::FolderLink => Key::LoadSkipFolderLink,
            SkipReason::NotRegular => Key::LoadSkipNotRegular,
            SkipReason::BadName => Key::LoadSkipBadName,
            SkipReason::Unlisted => Key::LoadSkipUnlisted,
        }
    }

    /// A warning for what is merely not followed, an error for what loses
    /// the content of a file thidua was asked to read.
    fn rule(self) -> RuleId {
        match self {
            SkipReason::Outside | SkipReason::FolderLink => RuleId::UnknownFile,
            _ => RuleId::ParseError,
        }
    }
}

/// What the walk of the folder found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The files to read, sorted by path.
    pub files: Vec<Found>,
    /// The entries passed over that a reader must hear about, sorted.
    pub skipped: Vec<Skipped>,
}

/// Lists the `.csv`/`.toml` files of the folder with the record type each
/// belongs to (`None`: an unknown file), sorted by path. Hidden entries
/// (`.git`) and other extensions are passed over. Symlinks to folders are
/// not followed (so a loop of links cannot walk forever); a symlink to a file
/// is followed only when it stays inside the folder; only regular files are
/// listed. Everything else of interest is in `skipped`.
pub fn discover(root: &Path) -> Result<Discovered> {
    let mut out = Discovered::default();
    let guard = guard::Guard::new(root, guard::DEFAULT_MAX_FILE_MB);
    let entries = std::fs::read_dir(root).map_err(|e| Error::io(root, e))?;
    walk(root, entries, None, &guard, &mut out);
    out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    out.skipped.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk(
    root: &Path,
    entries: std::fs::ReadDir,
    inherited: Option<Option<RecordType>>,
    guard: &guard::Guard,
    out: &mut Discovered,
) {
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let name = entry.file_name();
        let lossy = name.to_string_lossy();
        if lossy.starts_with('.') {
            continue;
        }
        let rel = rel_path(root, &path);
        let skip = |out: &mut Discovered, why, records| {
            out.skipped.push(Skipped {
                rel: rel.clone(),
                why,
                records,
            })
        };
        let Some(name) = name.to_str() else {
            skip(
                out,
                SkipReason::BadName,
                inherited.flatten().is_some() || is_data(&lossy),
            );
            continue;
        };
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_symlink() {
            let records = inherited.flatten().is_some() || is_data(name);
            // Only what could hold records is worth a word: a link named
            // `README.md` is passed over like the file it would be.
            let relevant = path.is_dir() || format_of(name).is_some();
            if guard.leaves_folder(&path) {
                if relevant {
                    skip(out, SkipReason::Outside, records);
                }
                continue;
            }
            if path.is_dir() {
                skip(out, SkipReason::FolderLink, records);
                continue;
            }
        }
        if ft.is_dir() {
            // An office's own document templates (crate::draft::template).
            if inherited.is_none() && name == crate::draft::template::FOLDER {
                continue;
            }
            // A folder at the top named after a record type holds that type;
            // anything below an unknown folder is unknown.
            let kind = match inherited {
                Some(k) => k,
                None => RecordType::from_plural(name),
            };
            match std::fs::read_dir(&path) {
                Ok(sub) => walk(root, sub, Some(kind), guard, out),
                Err(_) => skip(out, SkipReason::Unlisted, kind.is_some()),
            }
            continue;
        }
        let Some(format) = format_of(name) else {
            continue;
        };
        let kind = match inherited {
            Some(k) => k,
            None if rel == settings::FILE => continue,
            None => RecordType::from_plural(stem(name)),
        };
        if format == Format::Spreadsheet && kind.is_none() {
            continue;
        }
        if !path.metadata().is_ok_and(|m| m.is_file()) {
            skip(out, SkipReason::NotRegular, kind.is_some());
            continue;
        }
        out.files.push(Found { rel, kind, format });
    }
}

fn stem(name: &str) -> &str {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
}

fn format_of(name: &str) -> Option<Format> {
    match Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Some(Format::Csv),
        Some("toml") => Some(Format::Toml),
        Some("xlsx" | "xls" | "ods") => Some(Format::Spreadsheet),
        _ => None,
    }
}

/// Whether a top-level entry named `name` would hold records.
fn is_data(name: &str) -> bool {
    name == settings::FILE
        || RecordType::from_plural(name).is_some()
        || (format_of(name).is_some() && RecordType::from_plural(stem(name)).is_some())
}

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks that `root` is a folder we can read; the one error `check` exits 2 on.
pub fn ensure_folder(root: &Path) -> Result<()> {
    match std::fs::metadata(root) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::NotAFolder {
            path: root.to_path_buf(),
        }),
        Err(_) => Err(Error::NoFolder {
            path: root.to_path_buf(),
        }),
    }
}

/// Loads every record of the folder (`today` tells a future year), no file
/// larger than the default limit. Problems go to `sink`; only a folder that
/// cannot be read at all is an error.
pub fn load(
    root: &Path,
    today: Date,
    sink: &mut Diagnostics,
    progress: &mut Progress,
) -> Result<Dataset> {
    let max_mb = guard::DEFAULT_MAX_FILE_MB;
    load_capped(root, today, max_mb, sink, progress)
}

/// [`load`], no file larger than `max_mb` MiB. Every file left out whole is
/// named in [`Dataset::left_out`].
pub fn load_capped(
    root: &Path,
    today: Date,
    max_mb: u64,
    sink: &mut Diagnostics,
    progress: &mut Progress,
) -> Result<Dataset> {
    ensure_folder(root)?;
    let Discovered {
        files: found,
        skipped,
    } = discover(root)?;
    let guard = guard::Guard::new(root, max_mb);
    let mut ds = Dataset {
        root: root.to_path_buf(),
        ..Dataset::default()
    };
    let total: u64 = found
        .iter()
        .filter(|f| f.kind.is_some())
        .filter_map(|f| std::fs::metadata(root.join(&f.rel)).ok())
        .map(|m| m.len())
        .sum();
    progress.start(total);
    // Every id is new text, most other values repeat: about one new string
    // per 64 bytes of records, which spares the interner rebuilding its index
    // as a big folder streams in.
    ds.strings
        .reserve((total.min(guard.max_bytes()) / 64) as usize);
    let this_year = today.year();
    let mut builder = schema::Builder::new(&mut ds, this_year);
    // Files are read type by type so that each type's records stay together.
    for kind in RecordType::ALL {
        let readable = |f: &&Found| f.kind == Some(kind) && f.format != Format::Spreadsheet;
        for f in found.iter().filter(readable) {
            let id = FileId(builder.ds.files.len() as u32);
            builder.ds.files.push(SourceFile {
                path: f.rel.as_str().into(),
                kind,
            });
            let path: PathBuf = root.join(&f.rel);
            let read = match f.format {
                Format::Csv => csv_file::read(&path, &guard, kind, id, &mut builder, progress),
                Format::Toml => toml_file::read(&path, &guard, kind, id, &mut builder, progress),
                Format::Spreadsheet => true,
            };
            if !read {
                builder.ds.left_out.push(f.rel.clone());
            }
            sink.extend(builder.diags.drain(..));
        }
    }
    for f in found.iter().filter(|f| f.kind.is_none()) {
        let msg = msg!(Key::LoadUnknownFile, path = f.rel.clone());
        sink.push(
            Diagnostic::new(RuleId::UnknownFile, msg)
                .at(f.rel.clone(), None)
                .help(Key::LoadUnknownFileHelp),
        );
    }
    for f in found.iter().filter(|f| f.format == Format::Spreadsheet) {
        let msg = msg!(Key::SniffSpreadsheet, path = f.rel.clone());
        let help = msg!(Key::SniffSpreadsheetHelp, path = f.rel.clone());
        sink.push(
            Diagnostic::new(RuleId::UnknownFile, msg)
                .at(f.rel.clone(), None)
                .help(help),
        );
    }
    for s in skipped {
        let path = crate::model::text::escape(&s.rel).into_owned();
        let msg = msg!(s.why.key(), path = path.clone());
        sink.push(Diagnostic::new(s.why.rule(), msg).at(path, None));
        if s.records {
            ds.left_out.push(s.rel);
        }
    }
    ds.left_out.sort();
    progress.finish();
    Ok(ds)
}

/// The message for a file the guard would not open.
pub(crate) fn refusal_message(refusal: &guard::Refusal) -> Msg {
    match refusal {
        guard::Refusal::Outside => Msg::new(Key::LoadRefusedOutside),
        guard::Refusal::NotRegular => Msg::new(Key::LoadRefusedNotRegular),
        guard::Refusal::TooBig(mb) => msg!(Key::LoadTooBig, limit = *mb as i64),
        guard::Refusal::Io(e) => unreadable(e),
    }
}

/// `load.unreadable`: the error as the system words it.
pub(crate) fn unreadable(e: &impl std::fmt::Display) -> Msg {
    msg!(Key::LoadUnreadable, error = e.to_string())
}
