//! Bounds on a spreadsheet before the reader builds it in memory. A 1.7 KB
//! workbook with one cell at XFD1048576 asks for a dense range of 550 GB, and
//! a 3 MB zip bomb inflates to gigabytes: so the zip's central directory is
//! read first (each entry's declared size and compression ratio, and the
//! total), then the used cells of an `.xlsx` sheet are streamed to find the
//! farthest one, and only a sheet within [`Limits`] is read.
//! `import --allow-large-sheet` lifts the limits for people who really
//! have such sheets.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Xlsx};

use crate::model::text;

/// The bounds a spreadsheet must keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The farthest row a used cell may be on.
    pub rows: u32,
    /// The farthest column a used cell may be in (1-based).
    pub columns: u32,
    /// What all the zip's entries may inflate to, in bytes.
    pub inflated: u64,
    /// The highest compression ratio of an entry larger than [`SMALL`].
    pub ratio: u64,
}

/// Entries below this inflated size are not held to the ratio: a small
/// repetitive XML part compresses well and harms no one.
pub const SMALL: u64 = 1 << 20;

impl Limits {
    /// The default bounds: 200,000 rows × 200 columns, 256 MiB inflated, a
    /// ratio of 200.
    pub const DEFAULT: Limits = Limits {
        rows: 200_000,
        columns: 200,
        inflated: 256 << 20,
        ratio: 200,
    };

    /// No bounds (`--allow-large-sheet`).
    pub const NONE: Limits = Limits {
        rows: u32::MAX,
        columns: u32::MAX,
        inflated: u64::MAX,
        ratio: u64::MAX,
    };
}

/// Which bound a spreadsheet passes, with the numbers for the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// A used cell beyond the rows or columns allowed: its name, the limits.
    Cell {
        cell: String,
        rows: u32,
        columns: u32,
    },
    /// The zip inflates to more than the limit, in MiB.
    Inflated { mib: u64, limit_mib: u64 },
    /// An entry compressed more than the ratio allows.
    Ratio {
        entry: String,
        ratio: u64,
        limit: u64,
    },
}

/// Checks the zip container of a spreadsheet (`.xlsx`, `.ods`, …) from its
/// central directory, without inflating anything. A file that is not a zip
/// is left to the reader.
pub fn check_zip(path: &Path, limits: Limits) -> Result<(), Exceeded> {
    let Ok(file) = File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        total = total.saturating_add(size);
        let ratio = size / entry.compressed_size().max(1);
        if size > SMALL && ratio > limits.ratio {
            return Err(Exceeded::Ratio {
                entry: text::escape(&entry.name().map(|n| n.into_owned()).unwrap_or_default())
                    .into_owned(),
                ratio,
                limit: limits.ratio,
            });
        }
    }
    if total > limits.inflated {
        return Err(Exceeded::Inflated {
            mib: total >> 20,
            limit_mib: limits.inflated >> 20,
        });
    }
    Ok(())
}

/// Streams the used cells of the `.xlsx` sheets named `sheets` and checks
/// that none lies beyond the limits; memory stays that of one cell.
pub fn check_xlsx_cells(path: &Path, sheets: &[String], limits: Limits) -> Result<(), Exceeded> {
    let Ok(mut book) = calamine::open_workbook::<Xlsx<_>, _>(path) else {
        return Ok(());
    };
    for name in sheets {
        far_cell(&mut book, name, limits)?;
    }
    Ok(())
}

fn far_cell<R: Read + Seek>(
    book: &mut Xlsx<R>,
    name: &str,
    limits: Limits,
) -> Result<(), Exceeded> {
    let Ok(mut cells) = book.worksheet_cells_reader(name) else {
        return Ok(());
    };
    while let Ok(Some(cell)) = cells.next_cell() {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        if row >= limits.rows || col >= limits.columns {
            return Err(Exceeded::Cell {
                cell: format!("{}{}", super::source::column_letters(col as usize), row + 1),
                rows: limits.rows,
                columns: limits.columns,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_workbook_passes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        wb.add_worksheet().write_string(0, 0, "id").unwrap();
        wb.save(&p).unwrap();
        assert_eq!(check_zip(&p, Limits::DEFAULT), Ok(()));
        assert_eq!(
            check_xlsx_cells(&p, &["Sheet1".to_string()], Limits::DEFAULT),
            Ok(())
        );
    }

    #[test]
    fn the_inflated_total_is_held_to_its_limit() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ods");
        let mut zip = zip::ZipWriter::new(File::create(&p).unwrap());
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..3 {
            zip.start_file(format!("part{i}.xml"), stored).unwrap();
            zip.write_all(&vec![b'x'; 600 << 10]).unwrap();
        }
        zip.finish().unwrap();
        let limits = Limits {
            inflated: 1 << 20,
            ..Limits::DEFAULT
        };
        assert_eq!(
            check_zip(&p, limits),
            Err(Exceeded::Inflated {
                mib: 1,
                limit_mib: 1
            })
        );
        assert_eq!(check_zip(&p, Limits::DEFAULT), Ok(()));
    }
}
