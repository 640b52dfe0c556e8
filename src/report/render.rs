//! A [`Report`] rendered in the format asked for: which tables, in which
//! writer. `thidua report` chooses the format and where the bytes go; this
//! module only formats.

use std::path::Path;

use crate::i18n::Lang;
use crate::settings::Settings;
use crate::{tr, Error, Result};

use super::{csv, docx, html, json, md, print, table, tables, xlsx, Report, Table};

/// The output formats of a report.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Html,
    Docx,
}

/// How to render a report.
pub struct Rendering<'a> {
    pub format: Format,
    /// `--table`: only this table (even when empty).
    pub table: Option<&'a str>,
    /// The notes that go with the tables (what the report leaves out).
    pub notes: &'a [String],
    /// The width a terminal table must fit; `None`: no wrapping.
    pub width: Option<usize>,
    /// ASCII borders instead of box drawing.
    pub ascii: bool,
    /// CSV: the field delimiter.
    pub delimiter: u8,
    /// CSV for people (`--excel`): a BOM, CRLF, STT and totals.
    pub excel: bool,
    /// HTML: bar charts where they say something (`--no-charts` turns them off).
    pub charts: bool,
    /// The settings (the official header and signature of printed outputs).
    pub settings: &'a Settings,
    /// The data folder (an office's own document templates).
    pub data: &'a Path,
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

/// The report as bytes in the format of `how`, with the warnings its
/// rendering raised (a missing setting of a printed document).
pub fn render(r: &Report, how: &Rendering<'_>, lang: Lang) -> Result<(Vec<u8>, Vec<String>)> {
    let title = tables::title(r, lang);
    let ts = chosen(r, lang, how.table);
    let (org, notes) = (&r.organisation, how.notes);
    let printed = || -> Vec<_> { ts.iter().map(|t| print::printable(t, r, lang)).collect() };
    // HTML and docx print a count and its change in one cell.
    let labelled = || -> Vec<_> {
        printed()
            .into_iter()
            .map(|p| print::label_changes(p, lang))
            .collect()
    };
    let mut warnings = Vec::new();
    let mut buf = Vec::new();
    match how.format {
        Format::Json => json::write(&mut buf, r)?,
        Format::Table => table::write(
            &mut buf,
            &[org.clone(), title],
            &ts,
            &table::Layout {
                width: how.width,
                ascii: how.ascii,
                trend: r.trend,
            },
            lang,
        )?,
        Format::Md => md::write(&mut buf, org, &title, notes, &ts, lang)?,
        Format::Html => {
            let body = crate::draft::expand(org);
            let parent = how.settings.organisation.parent.as_deref();
            let tables = labelled();
            html::write(
                &mut buf, parent, &body, &title, notes, &tables, how.charts, lang,
            )?
        }
        Format::Csv => {
            for t in &ts {
                write_csv(&mut buf, r, t, how, lang)?;
            }
        }
        Format::Xlsx => {
            buf = xlsx::build(org, &title, notes, &printed(), lang)
                .map_err(|e| Error::Xlsx(e.to_string()))?;
        }
        Format::Docx => {
            use crate::draft::template::{Kind, Template};
            let (tpl, problems) = Template::load(Kind::Report, how.data, lang);
            warnings.extend(problems);
            // The report has no signature: only a missing place is worth a
            // warning. The name is the report's organisation.
            let (mut office, _) = crate::draft::Office::new(&how.settings.organisation, lang);
            if office.place == crate::draft::layout::BLANK {
                warnings.push(tr!(lang, "draft.missing-setting", key = "place"));
            }
            office.body = crate::draft::expand(org);
            buf = docx::build(&office, &title, notes, &labelled(), &tpl, lang)?;
        }
    }
    Ok((buf, warnings))
}

/// One CSV table: as it is for scripts, or, with `--excel`, numbered and
/// totalled for people.
fn write_csv(
    buf: &mut Vec<u8>,
    r: &Report,
    t: &Table,
    how: &Rendering<'_>,
    lang: Lang,
) -> Result<()> {
    if how.excel {
        let p = print::printable(t, r, lang);
        csv::write_with(buf, &p.table, lang, how.delimiter, true)?;
    } else {
        csv::write_with(buf, t, lang, how.delimiter, false)?;
    }
    Ok(())
}

/// Every table with figures as its own CSV file: (table name, bytes).
pub fn csv_files(
    r: &Report,
    how: &Rendering<'_>,
    lang: Lang,
) -> Result<Vec<(&'static str, Vec<u8>)>> {
    let mut out = Vec::new();
    for t in chosen(r, lang, None) {
        let mut buf = Vec::new();
        write_csv(&mut buf, r, &t, how, lang)?;
        out.push((t.name, buf));
    }
    Ok(out)
}

/// One line per file that could not be read, wholly or from some row on,
/// with the finding that says why: what `report` prints first, so that a
/// short count is never mistaken for the year's tally.
pub fn left_out(
    ds: &crate::model::Dataset,
    findings: &crate::diag::Diagnostics,
    lang: Lang,
) -> Vec<String> {
    let mut paths: Vec<&str> = ds.unreadable.iter().map(|f| &*ds.file(*f).path).collect();
    paths.dedup();
    paths
        .into_iter()
        .map(|path| {
            let why = findings
                .items()
                .iter()
                .find(|d| {
                    d.file.as_deref() == Some(path)
                        && matches!(
                            d.rule,
                            crate::diag::RuleId::ParseError | crate::diag::RuleId::MissingColumn
                        )
                })
                .map(|d| d.message.render(lang))
                .unwrap_or_default();
            tr!(lang, "sniff.left-out", path = path, why = why)
        })
        .collect()
}
