//! "thidua could not do its job": the only errors, as a typed enum. Problems
//! in the user's data are diagnostics, not errors. An error holds data, not
//! text; it is rendered in the user's language through the catalogue
//! ([`Error::render`]) where the library meets the user ([`crate::run`]);
//! `Display` gives the English text, for logs and `anyhow` chains.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::tr;

/// Every way a command can fail to run.
#[derive(Debug)]
pub enum Error {
    /// The data folder does not exist.
    NoFolder { path: PathBuf },
    /// The data folder (or `init`'s target) is something else than a folder.
    NotAFolder { path: PathBuf },
    /// `init` into a folder that already has files.
    FolderNotEmpty { path: PathBuf },
    /// `THIDUA_TODAY` is not a date.
    BadToday { value: String },
    /// `explain` of a rule that does not exist, with the nearest id.
    UnknownRule {
        rule: String,
        nearest: Option<&'static str>,
    },
    /// `report --table` with `--format json`.
    TableNotForJson,
    /// `report --table NAME` of no table; the tables there are.
    UnknownTable {
        name: String,
        tables: &'static [&'static str],
    },
    /// `report` in a binary format to a terminal.
    NeedOutput { format: &'static str },
    /// `import -` with nothing piped in: standard input is the terminal.
    StdinIsTerminal,
    /// `report --output` naming a folder for a one-file format.
    OutputIsFolder { path: PathBuf, format: &'static str },
    /// `report --format csv` with neither `--table` nor `--output DIR`; the
    /// tables there are.
    CsvNeedsTable { tables: &'static [&'static str] },
    /// `import --set` (or the map's `[set]`) of a field the type lacks.
    BadSetField { field: String, fields: String },
    /// An `import --map` file that is not valid.
    BadMap { path: PathBuf, error: String },
    /// The file to import cannot be read.
    Unreadable { path: PathBuf, error: String },
    /// The spreadsheet to import is beyond the bounds thidua reads.
    SheetTooLarge {
        path: PathBuf,
        exceeded: crate::import::limits::Exceeded,
    },
    /// `import --sheet` of a sheet the workbook lacks.
    NoSheet { sheet: String, sheets: Vec<String> },
    /// A file type `import` does not read.
    Unsupported { ext: String },
    /// No header row in the file to import.
    NoHeader { file: String },
    /// A file to write is something else on disk (a symlink, a folder, a
    /// FIFO, a device): thidua does not write through it.
    NotAFile(PathBuf),
    /// Another writer holds the data folder's lock (`crate::lock`).
    Locked { path: PathBuf, holder: String },
    /// The spreadsheet writer failed.
    Xlsx(String),
    /// The CSV writer failed.
    Csv(String),
    /// `report --delimiter` that cannot separate CSV fields.
    BadDelimiter { value: char },
    /// `draft decision --date` that is not a date.
    BadDate { value: String },
    /// `draft decision` of a number no award has; the nearest numbers there are.
    UnknownDecision {
        number: String,
        nearest: Vec<String>,
    },
    /// `draft proposal` of a year (and award) with no pending proposal.
    NoPending { year: u16, award: Option<String> },
    /// `draft proposal` of something that is not one year.
    BadYear { value: String },
    /// `draft proposal --award` of no award code.
    BadAward { value: String },
    /// `eligible` of something that is not a year in range.
    EligibleYear { value: String, min: u16, max: u16 },
    /// `eligible --person/--unit` of an id no record has.
    UnknownSubject { id: String },
    /// `history` of something no person or unit matches.
    NotFound { query: String },
    /// A failure injected by a test into the all-or-nothing writer.
    Injected { before: Option<PathBuf> },
    /// `add` of a field the record type lacks.
    AddField { field: String, fields: String },
    /// `add` into a file whose header lacks a column given a value.
    AddNoColumn { column: String },
    /// `add` into a file that is not UTF-8 (Excel's Windows-1258): `fmt` first.
    AddNotUtf8 { path: PathBuf },
    /// `add --file` naming something else than a record file in the folder.
    AddOutside { path: String },
    /// A file or folder could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing the output failed (a closed pipe exits quietly).
    Output(std::io::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The message in `lang`, from the catalogue.
    pub fn render(&self, lang: Lang) -> String {
        use Error::*;
        match self {
            NoFolder { path } => tr!(lang, "check.no-folder", path = path.display()),
            NotAFolder { path } => tr!(lang, "check.not-folder", path = path.display()),
            FolderNotEmpty { path } => tr!(lang, "init.not-empty", path = path.display()),
            BadToday { value } => tr!(lang, "env.bad-today", value = value),
            UnknownRule { rule, nearest } => {
                let suggestion = nearest
                    .map(|n| tr!(lang, "explain.did-you-mean", name = n))
                    .unwrap_or_default();
                tr!(
                    lang,
                    "explain.unknown",
                    rule = rule,
                    suggestion = suggestion
                )
            }
            TableNotForJson => lang.t("report.table-not-for-json").to_string(),
            UnknownTable { name, tables } => tr!(
                lang,
                "report.unknown-table",
                name = name,
                tables = tables.join(", ")
            ),
            NeedOutput { format } => tr!(lang, "report.need-output", format = format),
            StdinIsTerminal => lang.t("import.stdin-terminal").to_string(),
            OutputIsFolder { path, format } => tr!(
                lang,
                "report.output-is-folder",
                path = path.display(),
                format = format
            ),
            CsvNeedsTable { tables } => {
                tr!(lang, "report.csv-needs-table", tables = tables.join(", "))
            }
            BadSetField { field, fields } => {
                tr!(lang, "import.bad-set", field = field, fields = fields)
            }
            BadMap { path, error } => {
                tr!(lang, "import.bad-map", path = path.display(), error = error)
            }
            Unreadable { path, error } => {
                tr!(
                    lang,
                    "import.unreadable",
                    path = path.display(),
                    error = error
                )
            }
            SheetTooLarge { path, exceeded } => too_large(lang, path, exceeded),
            NoSheet { sheet, sheets } => tr!(
                lang,
                "import.no-sheet",
                sheet = sheet,
                sheets = sheets.join(", ")
            ),
            Unsupported { ext } => tr!(lang, "import.unsupported", ext = ext),
            NoHeader { file } => tr!(lang, "import.no-header", path = file),
            NotAFile(path) => tr!(lang, "error.not-a-file", path = path.display()),
            Locked { path, holder } => tr!(
                lang,
                "error.locked",
                path = path.display(),
                holder = holder,
                seconds = crate::lock::WAIT.as_secs()
            ),
            Xlsx(error) => tr!(lang, "error.xlsx", error = error),
            Csv(error) => tr!(lang, "error.csv", error = error),
            BadDelimiter { value } => tr!(lang, "report.bad-delimiter", value = value),
            BadDate { value } => tr!(lang, "draft.bad-date", value = value),
            UnknownDecision { number, nearest } if nearest.is_empty() => {
                tr!(lang, "draft.no-decisions", number = number)
            }
            UnknownDecision { number, nearest } => tr!(
                lang,
                "draft.unknown-decision",
                number = number,
                nearest = nearest.join(", ")
            ),
            NoPending { year, award } => {
                let award = award
                    .as_ref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default();
                tr!(lang, "draft.no-pending", year = year, award = award)
            }
            BadYear { value } => tr!(lang, "draft.bad-year", value = value),
            BadAward { value } => tr!(lang, "draft.bad-award", value = value),
            EligibleYear { value, min, max } => {
                tr!(
                    lang,
                    "eligible.bad-year",
                    value = value,
                    min = min,
                    max = max
                )
            }
            UnknownSubject { id } => tr!(lang, "eligible.unknown-subject", id = id),
            NotFound { query } => tr!(lang, "history.not-found", query = query),
            Injected { before: Some(path) } => {
                tr!(lang, "error.injected-before", path = path.display())
            }
            Injected { before: None } => lang.t("error.injected-after").to_string(),
            AddField { field, fields } => {
                tr!(lang, "add.bad-field", field = field, fields = fields)
            }
            AddNoColumn { column } => tr!(lang, "add.no-column", column = column),
            AddNotUtf8 { path } => tr!(lang, "add.not-utf8", path = path.display()),
            AddOutside { path } => tr!(lang, "add.outside", path = path),
            Io { path, source } => tr!(lang, "error.io", path = path.display(), error = source),
            Output(source) => source.to_string(),
        }
    }
}

/// The message of a spreadsheet beyond the bounds.
fn too_large(
    lang: Lang,
    path: &std::path::Path,
    exceeded: &crate::import::limits::Exceeded,
) -> String {
    use crate::import::limits::Exceeded;
    let why = match exceeded {
        Exceeded::Cell {
            cell,
            rows,
            columns,
        } => tr!(
            lang,
            "import.too-far",
            cell = cell,
            rows = rows,
            columns = columns
        ),
        Exceeded::Inflated { mib, limit_mib } => {
            tr!(lang, "import.too-inflated", mib = mib, limit = limit_mib)
        }
        Exceeded::Ratio {
            entry,
            ratio,
            limit,
        } => tr!(
            lang,
            "import.too-compressed",
            entry = entry,
            ratio = ratio,
            limit = limit
        ),
    };
    tr!(lang, "import.too-large", path = path.display(), why = why)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::Output(source) => Some(source),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_render_in_both_languages() {
        let e = Error::NoFolder {
            path: PathBuf::from("du-lieu"),
        };
        assert_eq!(
            e.render(Lang::En),
            "no data folder `du-lieu` (use --data DIR or THIDUA_DATA)"
        );
        assert!(e
            .render(Lang::Vi)
            .starts_with("không tìm thấy thư mục dữ liệu `du-lieu`"));
        assert_eq!(e.to_string(), e.render(Lang::En));
        let e = Error::NotAFile(PathBuf::from("r.md"));
        assert_ne!(e.render(Lang::Vi), e.render(Lang::En));
        assert!(e.render(Lang::Vi).contains("`r.md`"));
    }
}
