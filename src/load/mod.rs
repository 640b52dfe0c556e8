//! The only code that reads the data folder: finds the files of each record
//! type, streams them through the CSV or TOML reader into a compact
//! [`Dataset`], and reports every problem as a diagnostic in one pass.

pub mod canonical;
mod csv_file;
pub mod encoding;
pub mod headers;
pub mod legacy;
mod progress;
pub mod schema;
pub mod settings;
pub mod sniff;
mod toml_file;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, RuleId};
use crate::i18n::Lang;
use crate::model::{Dataset, Date, FileId, RecordType, SourceFile};
use crate::{tr, Error, Result};

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

/// Lists the `.csv`/`.toml` files of the folder with the record type each
/// belongs to (`None`: an unknown file), sorted by path. Hidden entries
/// (`.git`) and other extensions are passed over.
pub fn discover(root: &Path) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    walk(root, root, None, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk(
    root: &Path,
    dir: &Path,
    inherited: Option<Option<RecordType>>,
    out: &mut Vec<Found>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        let is_dir = ft.is_dir() || (ft.is_symlink() && path.is_dir());
        if is_dir {
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
            walk(root, &path, Some(kind), out)?;
            continue;
        }
        let format = match Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("csv") => Format::Csv,
            Some("toml") => Format::Toml,
            Some("xlsx" | "xls" | "ods") => Format::Spreadsheet,
            _ => continue,
        };
        let rel = rel_path(root, &path);
        let kind = match inherited {
            Some(k) => k,
            None => {
                if rel == settings::FILE {
                    continue;
                }
                let stem = Path::new(name)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("");
                RecordType::from_plural(stem)
            }
        };
        if format == Format::Spreadsheet && kind.is_none() {
            continue;
        }
        out.push(Found { rel, kind, format });
    }
    Ok(())
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

/// Loads every record of the folder (`today` tells a future year). Problems
/// go to `sink`; only a folder that cannot be read at all is an error.
pub fn load(
    root: &Path,
    lang: Lang,
    today: Date,
    sink: &mut Diagnostics,
    progress: &mut Progress,
) -> Result<Dataset> {
    ensure_folder(root)?;
    let found = discover(root)?;
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
    ds.strings.reserve((total / 64) as usize);
    let this_year = today.year();
    let mut builder = schema::Builder::new(&mut ds, lang, this_year);
    // Files are read type by type so that each type's records stay together.
    for kind in RecordType::ALL {
        let readable = |f: &&Found| f.kind == Some(kind) && f.format != Format::Spreadsheet;
        for f in found.iter().filter(readable) {
            let id = FileId(builder.ds.files.len() as u32);
            builder.ds.files.push(SourceFile {
                path: f.rel.clone(),
                kind,
            });
            let path: PathBuf = root.join(&f.rel);
            match f.format {
                Format::Csv => csv_file::read(&path, kind, id, &mut builder, progress),
                Format::Toml => toml_file::read(&path, kind, id, &mut builder, progress),
                Format::Spreadsheet => {}
            }
            sink.extend(builder.diags.drain(..));
        }
    }
    for f in found.iter().filter(|f| f.kind.is_none()) {
        let msg = tr!(lang, "load.unknown-file", path = f.rel);
        let help = lang.t("load.unknown-file-help");
        sink.push(
            Diagnostic::new(RuleId::UnknownFile, msg)
                .at(f.rel.clone(), None)
                .help(help),
        );
    }
    for f in found.iter().filter(|f| f.format == Format::Spreadsheet) {
        let msg = tr!(lang, "sniff.spreadsheet", path = f.rel);
        let help = tr!(lang, "sniff.spreadsheet-help", path = f.rel);
        sink.push(
            Diagnostic::new(RuleId::UnknownFile, msg)
                .at(f.rel.clone(), None)
                .help(help),
        );
    }
    progress.finish();
    Ok(ds)
}
