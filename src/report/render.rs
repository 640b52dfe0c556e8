//! A [`Report`] rendered in the format asked for: which tables, in which
//! writer. `thidua report` chooses the format and where the bytes go; this
//! module only formats.

use crate::i18n::Lang;
use crate::{Error, Result};

use super::{csv, html, json, md, table, tables, xlsx, Report, Table};

/// The output formats of a report.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Html,
}

/// How to render a report.
pub struct Rendering<'a> {
    pub format: Format,
    /// `--table`: only this table (even when empty).
    pub table: Option<&'a str>,
    /// The notes that go with the tables (what the report leaves out).
    pub notes: &'a [String],
    /// Fit the text table to the terminal's width.
    pub fit: bool,
}

/// The tables to render: the one named by `--table` (even when empty), else
/// every table with figures.
pub fn chosen(r: &Report, lang: Lang, name: Option<&str>) -> Vec<Table> {
    let all = tables::tables(r, lang);
    match name {
        Some(n) => all.into_iter().filter(|t| t.name == n).collect(),
        None => all
            .into_iter()
            .filter(|t| t.name == "summary" || !t.rows.is_empty())
            .collect(),
    }
}

/// The report as bytes in the format of `how`.
pub fn render(r: &Report, how: &Rendering<'_>, lang: Lang) -> Result<Vec<u8>> {
    let title = tables::title(r, lang);
    let ts = chosen(r, lang, how.table);
    let (org, notes) = (&r.organisation, how.notes);
    let mut buf = Vec::new();
    match how.format {
        Format::Json => json::write(&mut buf, r)?,
        Format::Table => table::write(&mut buf, &[org.clone(), title], &ts, how.fit, lang)?,
        Format::Md => md::write(&mut buf, org, &title, notes, &ts, lang)?,
        Format::Html => html::write(&mut buf, org, &title, notes, &ts, lang)?,
        Format::Csv => {
            for t in &ts {
                csv::write(&mut buf, t, lang)?;
            }
        }
        Format::Xlsx => {
            buf = xlsx::build(org, &title, notes, &ts, lang)
                .map_err(|e| Error::Xlsx(e.to_string()))?;
        }
    }
    Ok(buf)
}

/// Every table with figures as its own CSV file: (table name, bytes).
pub fn csv_files(r: &Report, lang: Lang) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let mut out = Vec::new();
    for t in chosen(r, lang, None) {
        let mut buf = Vec::new();
        csv::write(&mut buf, &t, lang)?;
        out.push((t.name, buf));
    }
    Ok(out)
}
