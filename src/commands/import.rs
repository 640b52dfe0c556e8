//! `thidua import FILE`: brings a spreadsheet or CSV list into the data
//! folder (see `crate::import`) and prints what it did: added, skipped as
//! already there, rejected with the cell and the reason. Exit 0 when every
//! row went in (or `--skip-invalid` was given), 1 when rows were rejected
//! and so nothing was written, 2 when the import could not run.

use crate::cli::{ImportArgs, ImportFormat, ImportType};
use crate::import::{self, Options};
use crate::load::Progress;
use crate::model::RecordType;
use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use crate::{Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

/// The options of an import from its command-line arguments.
pub fn options(args: &ImportArgs) -> Options {
    let kind = match args.kind {
        ImportType::Awards => RecordType::Award,
        ImportType::People => RecordType::Person,
        ImportType::Units => RecordType::Unit,
        ImportType::Evaluations => RecordType::Evaluation,
        ImportType::Proposals => RecordType::Proposal,
    };
    let mut opts = Options::new(&args.file, kind);
    opts.sheet = args.sheet.clone();
    opts.encoding = args.encoding;
    opts.allow_large_sheet = args.allow_large_sheet;
    opts.set = args
        .set
        .iter()
        .map(|s| (s.field.clone(), s.value.clone()))
        .collect();
    opts.map = args.map.clone();
    opts.create_people = args.create_people;
    opts.skip_invalid = args.skip_invalid;
    opts.dry_run = args.dry_run;
    opts
}

pub fn run(ctx: &mut Ctx<'_>, args: &ImportArgs) -> Result<i32> {
    let lang = ctx.lang;
    let mut opts = options(args);
    // `import -`: the list from standard input, through a temporary file
    // (removed when `_piped` goes) whose name says what kind of file it is.
    let _piped = if args.file.as_os_str() == "-" {
        let piped = Piped::read()?;
        opts.file = piped.file.clone();
        Some(piped)
    } else {
        None
    };
    opts.progress = ctx.progress();
    opts.today = ctx.today;
    let mut progress = Progress::new(ctx.progress(), lang.pick("Đang đọc", "Reading"));
    let outcome = import::run(&ctx.data, &opts, lang, &mut progress)?;
    match args.format {
        ImportFormat::Human => import::render::human(ctx.out, &outcome, &opts, lang)?,
        ImportFormat::Json => import::render::json(ctx.out, &outcome, &opts, lang)?,
    }
    // A rejected row is a finding, even when --skip-invalid wrote the others.
    Ok(if outcome.has_rejections() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Standard input saved to a temporary folder, removed on drop.
struct Piped {
    dir: PathBuf,
    file: PathBuf,
}

impl Piped {
    fn read() -> Result<Piped> {
        let mut stdin = std::io::stdin();
        if stdin.is_terminal() {
            return Err(Error::StdinIsTerminal);
        }
        let mut bytes = Vec::new();
        stdin
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("-", e))?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("thidua-stdin-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        // The importer names new records after the file: the second of the
        // import keeps the ids of two piped imports apart.
        let secs = stamp / 1_000_000_000;
        let file = dir.join(format!("stdin-{secs}.{}", kind_of(&bytes)));
        let piped = Piped { dir, file };
        std::fs::write(&piped.file, &bytes).map_err(|e| Error::io(&piped.file, e))?;
        Ok(piped)
    }
}

impl Drop for Piped {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The extension of a file from its first bytes: a zip is a workbook
/// (OpenDocument when it says so), an OLE file an old .xls, text with a tab
/// in its first line a .tsv, other text a .csv.
fn kind_of(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"PK\x03\x04") {
        let ods = head.windows(12).any(|w| w == b"opendocument");
        return if ods { "ods" } else { "xlsx" };
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return "xls";
    }
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    if first_line.contains(&b'\t') {
        "tsv"
    } else {
        "csv"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn piped_files_are_known_by_their_first_bytes() {
        use super::kind_of;
        assert_eq!(kind_of(b"PK\x03\x04....[Content_Types].xml"), "xlsx");
        assert_eq!(
            kind_of(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            "ods"
        );
        assert_eq!(kind_of(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), "xls");
        assert_eq!(kind_of("Họ tên\tNăm\nA\t2018\n".as_bytes()), "tsv");
        assert_eq!(kind_of("Họ tên,Năm\nA,2018\n".as_bytes()), "csv");
        assert_eq!(kind_of(b""), "csv");
    }
}
