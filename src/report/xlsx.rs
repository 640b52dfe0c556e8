//! The report as an xlsx workbook: one sheet per table, each headed by the
//! organisation, the report's title and the table's title, with the header
//! row frozen, column widths set and numbers stored as numbers (the change
//! from the year before in its own column, percentages as percentages).
//! Each sheet prints on A4 (landscape when wide), one page wide, with the
//! header row repeated and a page header and footer; tables carry STT and a
//! total row ([`super::print`]).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;

use super::csv::{flatten, Value};
use super::print::Printed;

/// The row of the header in each sheet (0-based); data follows it.
pub const HEADER_ROW: u32 = 3;

/// The workbook as bytes.
pub fn build(
    organisation: &str,
    title: &str,
    notes: &[String],
    tables: &[Printed],
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
    let pct = Format::new()
        .set_num_format("0.00%")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin);
    let foot = Format::new().set_italic();
    let (int_b, dec_b, text_b) = (
        int.clone().set_bold(),
        dec.clone().set_bold(),
        text.clone().set_bold(),
    );
    for (i, p) in tables.iter().enumerate() {
        let t = &p.table;
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&t.short, i))?;
        ws.write_string_with_format(0, 0, organisation, &big)?;
        ws.write_string(1, 0, title)?;
        ws.write_string_with_format(2, 0, &t.title, &bold)?;
        let (headers, rows) = flatten(t, lang);
        // Labels wrap in the header row: columns need not be as wide as them.
        let mut widths: Vec<usize> = headers.iter().map(|h| h.width().min(14)).collect();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
        }
        let first_total = rows.len() - p.total_rows;
        for (r, row) in rows.iter().enumerate() {
            let total = r >= first_total;
            let (int, dec, text) = if total {
                (&int_b, &dec_b, &text_b)
            } else {
                (&int, &dec, &text)
            };
            let r = HEADER_ROW + 1 + r as u32;
            for (c, v) in row.iter().enumerate() {
                let col = c as u16;
                match v {
                    Value::Text(s) if c == 0 => {
                        // STT, centred.
                        ws.write_string_with_format(
                            r,
                            col,
                            s,
                            &text.clone().set_align(FormatAlign::Center),
                        )?;
                    }
                    Value::Text(s) => {
                        ws.write_string_with_format(r, col, s, text)?;
                        widths[c] = widths[c].max(s.width());
                    }
                    Value::Number(n) => {
                        let f = if n.fract() == 0.0 { int } else { dec };
                        ws.write_number_with_format(r, col, *n, f)?;
                        widths[c] = widths[c].max(format!("{n:.2}").len());
                    }
                    Value::Percent(n) => {
                        ws.write_number_with_format(r, col, *n / 100.0, &pct)?;
                        widths[c] = widths[c].max(format!("{n:.2}%").len());
                    }
                    Value::Empty => {
                        ws.write_blank(r, col, text)?;
                    }
                }
            }
        }
        set_widths(ws, &widths)?;
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        let mut next = HEADER_ROW + 2 + rows.len() as u32;
        for n in &p.notes {
            ws.write_string_with_format(next, 0, n, &foot)?;
            next += 1;
        }
        if i == 0 {
            for (r, n) in (next..).zip(notes) {
                ws.write_string(r, 0, n)?;
            }
        }
        page_setup(ws, organisation, &headers, &widths)?;
    }
    wb.save_to_buffer()
}

/// The width of column `w` characters wide, as set.
fn column_width(w: usize) -> f64 {
    (w as f64 + 2.0).clamp(8.0, 60.0)
}

fn set_widths(ws: &mut Worksheet, widths: &[usize]) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, column_width(*w))?;
    }
    Ok(())
}

/// Printing: A4, landscape when the columns are wider than a portrait page,
/// one page wide, the header row repeated, the organisation in the page
/// header and the page number in the footer; the header row tall enough for
/// its longest wrapped label.
fn page_setup(
    ws: &mut Worksheet,
    organisation: &str,
    headers: &[String],
    widths: &[usize],
) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    let total: f64 = widths.iter().map(|w| column_width(*w)).sum();
    if total > 95.0 {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_header(format!("&C{}", organisation.replace('&', "&&")));
    ws.set_footer("&C&P / &N");
    let lines = headers
        .iter()
        .zip(widths)
        .map(|(h, w)| {
            (h.width() as f64 / (column_width(*w) - 1.0))
                .ceil()
                .max(1.0)
        })
        .fold(1.0, f64::max);
    ws.set_row_height(HEADER_ROW, 15.0 * lines + 3.0)?;
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
