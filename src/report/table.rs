//! The report as terminal tables (comfy-table): the organisation and title,
//! then each table under its title.
//!
//! Given a width (the terminal's, or `COLUMNS`), every line fits it. A trend
//! (`report 2021..2025`) is printed as one table per measure with the years
//! as columns, the labels cut with an ellipsis where the years leave them too
//! little room; without a width (piped output) lines are not wrapped. Box
//! drawing falls back to ASCII borders where the console cannot show it.

use std::io::Write;

use comfy_table::presets::{ASCII_FULL_CONDENSED, UTF8_FULL_CONDENSED};
use comfy_table::{CellAlignment, ContentArrangement};
use unicode_width::UnicodeWidthStr;

use super::{Cell, Table};
use crate::i18n::Lang;

/// How the tables are laid out.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// The width every line must fit; `None`: lines are not wrapped.
    pub width: Option<usize>,
    /// ASCII borders (`THIDUA_ASCII=1`, `TERM=dumb`).
    pub ascii: bool,
    /// The report covers a range: one table per measure.
    pub trend: bool,
}

/// Writes `tables` under the heading lines `head`.
pub fn write(
    out: &mut dyn Write,
    head: &[String],
    tables: &[Table],
    layout: &Layout,
    lang: Lang,
) -> std::io::Result<()> {
    let fit = |s: &str| match layout.width {
        Some(w) => truncate(s, w),
        None => s.to_string(),
    };
    for line in head {
        writeln!(out, "{}", fit(line))?;
    }
    for t in tables {
        let parts = if layout.trend {
            per_measure(t)
        } else {
            vec![t.clone()]
        };
        for part in &parts {
            writeln!(out)?;
            writeln!(out, "{}", fit(&part.title))?;
            if let (true, Some(year)) = (part.changes, part.since) {
                // `62 (+5)` says nothing to a reader who is not told what +5 is.
                writeln!(
                    out,
                    "{}",
                    fit(&crate::tr!(lang, "report.changes-note", year = year))
                )?;
            }
            writeln!(out, "{}", render(part, layout, lang))?;
        }
    }
    Ok(())
}

/// A trend table (label, measure, years…) as one table per measure (label,
/// years…). The summary tables, whose rows are each one measure already,
/// keep one table with the measure as the label.
pub fn per_measure(t: &Table) -> Vec<Table> {
    if t.headers.len() < 3 {
        return vec![t.clone()];
    }
    let measure = |row: &Vec<Cell>| match row.get(1) {
        Some(Cell::Text(m)) => m.clone(),
        _ => String::new(),
    };
    let strip = |row: &Vec<Cell>, keep: usize| -> Vec<Cell> {
        let mut r = row.clone();
        r.remove(1 - keep);
        r
    };
    if matches!(t.name, "summary" | "direct_workers") {
        let mut one = t.clone();
        one.headers.remove(1);
        one.rows = t.rows.iter().map(|r| strip(r, 1)).collect();
        return vec![one];
    }
    let mut measures: Vec<String> = Vec::new();
    for row in &t.rows {
        let m = measure(row);
        if !measures.contains(&m) {
            measures.push(m);
        }
    }
    if measures.is_empty() {
        let mut one = t.clone();
        one.headers.remove(1);
        return vec![one];
    }
    measures
        .iter()
        .map(|m| {
            let mut part = t.clone();
            part.title = format!("{} — {m}", t.title);
            part.headers.remove(1);
            part.rows = t
                .rows
                .iter()
                .filter(|r| measure(r) == *m)
                .map(|r| strip(r, 0))
                .collect();
            part
        })
        .collect()
}

/// One table as text.
pub fn render(t: &Table, layout: &Layout, lang: Lang) -> String {
    let mut headers = t.headers.clone();
    let mut rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|row| row.iter().map(|c| c.display_in(lang)).collect())
        .collect();
    if let (Some(width), true) = (layout.width, layout.trend) {
        fit_labels(&mut headers, &mut rows, width);
    }
    let mut ct = comfy_table::Table::new();
    ct.load_preset(if layout.ascii {
        ASCII_FULL_CONDENSED
    } else {
        UTF8_FULL_CONDENSED
    });
    match layout.width {
        Some(w) if !layout.trend => {
            ct.set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        _ => {
            ct.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    ct.force_no_tty();
    ct.set_header(headers);
    for row in rows {
        ct.add_row(row);
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

/// Cuts the first column so that the table fits `width`: every other column
/// keeps its width (the numbers are never cut).
fn fit_labels(headers: &mut [String], rows: &mut [Vec<String>], width: usize) {
    let columns = headers.len();
    let widest = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .chain(headers.get(i))
            .map(|s| s.width())
            .max()
            .unwrap_or(0)
    };
    // A column takes its text, a space either side and one border; the
    // table one more border on the left.
    let others: usize = (1..columns).map(|i| widest(i) + 3).sum();
    let room = width.saturating_sub(1 + 3 + others).max(6);
    if widest(0) <= room {
        return;
    }
    if let Some(h) = headers.first_mut() {
        *h = truncate(h, room);
    }
    for row in rows.iter_mut() {
        if let Some(label) = row.first_mut() {
            *label = truncate(label, room);
        }
    }
}

/// `s` cut to at most `max` display columns, with an ellipsis if cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_display_columns_and_marks_the_cut() {
        assert_eq!(truncate("Lao động tiên tiến", 30), "Lao động tiên tiến");
        assert_eq!(truncate("Lao động tiên tiến", 9), "Lao động…");
        assert_eq!(truncate("Lao động tiên tiến", 9).width(), 9);
    }
}
