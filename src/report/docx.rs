//! The report's tables as a Word document in the official layout of the
//! drafted documents (crate::draft::layout): the letterhead, the report's
//! title, then each table numbered, with STT and a "Tổng cộng" row, and its
//! footnotes. The text an office writes around the tables stays the office's.

use docx_rs::AlignmentType;

use crate::draft::layout::{self, para, ListCell, Style, TEXT_WIDTH};
use crate::draft::template::Template;
use crate::draft::Office;

use super::print::Printed;
use super::Cell;
use crate::i18n::Lang;

/// The document as .docx bytes.
pub fn build(
    office: &Office,
    title: &str,
    notes: &[String],
    tables: &[Printed],
    tpl: &Template,
    lang: Lang,
) -> std::io::Result<Vec<u8>> {
    let co_quan_upper = office.body.to_uppercase();
    let args: [(&str, &dyn std::fmt::Display); 3] = [
        ("co_quan", &office.body),
        ("CO_QUAN", &co_quan_upper),
        ("tieu_de", &title),
    ];
    let date_line = office.date_line("ngày      tháng      năm");
    let mut doc = layout::new_document()
        .add_table(office.letterhead(&tpl.text("so", &args), &date_line))
        .add_paragraph(para("", Style::default()))
        .add_paragraph(para(&tpl.text("loai", &args), Style::center().bold()))
        .add_paragraph(para(&tpl.text("trich_yeu", &args), Style::center().bold()))
        .add_paragraph(layout::rule(TEXT_WIDTH, 1_800));
    for n in notes {
        doc = doc.add_paragraph(layout::body_in(n, Style::default().italic()));
    }
    for (i, p) in tables.iter().enumerate() {
        let heading = tpl.text(
            "bang",
            &[("so_bang", &(i + 1)), ("ten_bang", &p.table.title)],
        );
        doc = doc
            .add_paragraph(para(&heading, Style::default().bold().after(60)).keep_next(true))
            .add_table(table(p, lang));
        for n in &p.notes {
            doc = doc.add_paragraph(para(n, Style::default().italic().size(layout::SMALL)));
        }
        doc = doc.add_paragraph(para("", Style::default()));
    }
    layout::pack(doc)
}

/// One table: widths shared out with the label column widest.
fn table(p: &Printed, lang: Lang) -> docx_rs::Table {
    let t = &p.table;
    let n = t.headers.len();
    let stt = 800;
    let label_cols = t.rows.first().map_or(1, |r| {
        r.iter()
            .skip(1)
            .take_while(|c| !c.is_numeric())
            .count()
            .max(1)
    });
    let numeric = n.saturating_sub(1 + label_cols).max(1);
    let number_width = 1_200.min((TEXT_WIDTH - stt - 2_400) / numeric);
    let label_width = (TEXT_WIDTH - stt - number_width * numeric) / label_cols;
    let widths: Vec<usize> = (0..n)
        .map(|i| match i {
            0 => stt,
            i if i <= label_cols => label_width,
            _ => number_width,
        })
        .collect();
    let head = Style::center().bold();
    let mut rows = vec![t
        .headers
        .iter()
        .map(|h| ListCell::new(h.clone(), head))
        .collect()];
    let first_total = t.rows.len() - p.total_rows;
    for (r, row) in t.rows.iter().enumerate() {
        let bold = r >= first_total;
        rows.push(
            row.iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut style = Style::default();
                    if i == 0 || c.is_numeric() {
                        style.align = Some(if i == 0 {
                            AlignmentType::Center
                        } else {
                            AlignmentType::Right
                        });
                    }
                    style.bold = bold;
                    ListCell::new(text(c, lang), style)
                })
                .collect(),
        );
    }
    layout::list_table(&widths, rows)
}

fn text(c: &Cell, lang: Lang) -> String {
    c.display_in(lang)
}
