//! The report as terminal tables (comfy-table): the organisation and title,
//! then each table under its title. Columns fit the terminal's width when
//! stdout is a terminal; otherwise lines are not wrapped.

use std::io::Write;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement};

use super::Table;
use crate::i18n::Lang;
use crate::model::text::escape;

/// Writes `tables` under the heading lines `head`. `fit` asks comfy-table to
/// fit the terminal's width (it measures the terminal itself).
pub fn write(
    out: &mut dyn Write,
    head: &[String],
    tables: &[Table],
    fit: bool,
    lang: Lang,
) -> std::io::Result<()> {
    for line in head {
        writeln!(out, "{}", escape(line))?;
    }
    for t in tables {
        writeln!(out)?;
        writeln!(out, "{}", escape(&t.title))?;
        writeln!(out, "{}", render(t, fit, lang))?;
    }
    Ok(())
}

/// One table as text.
pub fn render(t: &Table, fit: bool, lang: Lang) -> String {
    let mut ct = comfy_table::Table::new();
    ct.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !fit {
        ct.force_no_tty();
    }
    ct.set_header(t.headers.iter().map(|h| escape(h).into_owned()));
    for row in &t.rows {
        ct.add_row(
            row.iter()
                .map(|c| escape(&c.display_in(lang)).into_owned())
                .collect::<Vec<_>>(),
        );
    }
    // Numbers right-aligned, by the first row's kind of cell.
    if let Some(first) = t.rows.first() {
        for (i, c) in first.iter().enumerate() {
            if c.is_numeric() {
                if let Some(col) = ct.column_mut(i) {
                    col.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
    }
    ct.to_string()
}
