//! The report as an xlsx workbook: one sheet per table, each headed by the
//! organisation, the report's title and the table's title, with the header
//! row frozen, column widths set and numbers stored as numbers (the change
//! from the year before in its own column).

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;

use super::csv::{flatten, Value};
use super::Table;

/// The row of the header in each sheet (0-based); data follows it.
pub const HEADER_ROW: u32 = 3;

/// The workbook as bytes.
pub fn build(
    organisation: &str,
    title: &str,
    notes: &[String],
    tables: &[Table],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let big = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDE4EE))
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let int = Format::new()
        .set_num_format("#,##0")
        .set_border(FormatBorder::Thin);
    let dec = Format::new()
        .set_num_format("0.00")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin);
    for (i, t) in tables.iter().enumerate() {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.short, i))?;
        ws.write_string_with_format(0, 0, organisation, &big)?;
        ws.write_string(1, 0, title)?;
        ws.write_string_with_format(2, 0, &t.title, &bold)?;
        let (headers, rows) = flatten(t, lang);
        let mut widths: Vec<usize> = headers.iter().map(|h| h.width().min(24)).collect();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = HEADER_ROW + 1 + r as u32;
            for (c, v) in row.iter().enumerate() {
                let col = c as u16;
                match v {
                    Value::Text(s) => {
                        ws.write_string_with_format(r, col, s, &text)?;
                        widths[c] = widths[c].max(s.width());
                    }
                    Value::Number(n) => {
                        let f = if n.fract() == 0.0 { &int } else { &dec };
                        ws.write_number_with_format(r, col, *n, f)?;
                        widths[c] = widths[c].max(format!("{n:.2}").len());
                    }
                    Value::Empty => {
                        ws.write_blank(r, col, &text)?;
                    }
                }
            }
        }
        set_widths(ws, &widths)?;
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        if i == 0 {
            let first = HEADER_ROW + 2 + rows.len() as u32;
            for (r, n) in (first..).zip(notes) {
                ws.write_string(r, 0, n)?;
            }
        }
    }
    wb.save_to_buffer()
}

fn set_widths(ws: &mut Worksheet, widths: &[usize]) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0))?;
    }
    Ok(())
}

/// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(short: &str, index: usize) -> String {
    let clean: String = short
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    if clean.trim().is_empty() {
        format!("{}", index + 1)
    } else {
        clean
    }
}
