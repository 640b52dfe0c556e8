//! The page and the building blocks of a document in the layout of
//! NĐ 30/2020/NĐ-CP (Phụ lục I): A4 portrait, margins, Times New Roman, the
//! two-column letterhead (issuing body | national motto), the signature block
//! and bordered list tables. Sizes are in twentieths of a point (twips) and
//! font sizes in half-points, as Word counts them.

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Table, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

/// The font of official documents.
pub const FONT: &str = "Times New Roman";
/// A4, portrait, in twips (210 × 297 mm).
pub const PAGE_WIDTH: u32 = 11_906;
pub const PAGE_HEIGHT: u32 = 16_838;
/// Margins (NĐ 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
pub const MARGIN_TOP: i32 = 1_134; // 20 mm
pub const MARGIN_BOTTOM: i32 = 1_134; // 20 mm
pub const MARGIN_LEFT: i32 = 1_701; // 30 mm
pub const MARGIN_RIGHT: i32 = 850; // 15 mm
/// The width of the text between the margins.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Body text: 14 pt; tables 13 pt; small print (nơi nhận) 11–12 pt.
pub const BODY: usize = 28;
pub const TABLE: usize = 26;
pub const SMALL: usize = 22;

/// What a visible gap for the user to fill looks like.
pub const BLANK: &str = "………";

/// A new document: A4 portrait, the margins, Times New Roman 14 pt, the page
/// number centred at the top from the second page on.
pub fn new_document() -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let number = Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .size(BODY),
    );
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(BODY)
        .header(number)
        .first_header(Header::new())
        .created_at("2000-01-01T00:00:00Z")
        .updated_at("2000-01-01T00:00:00Z")
}

/// How a line of text is set.
#[derive(Clone, Copy, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub size: Option<usize>,
    pub align: Option<AlignmentType>,
    /// Space after the paragraph, in twips.
    pub after: u32,
}

impl Style {
    pub fn center() -> Style {
        Style {
            align: Some(AlignmentType::Center),
            ..Style::default()
        }
    }
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    pub fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }
    pub fn size(self, size: usize) -> Style {
        Style {
            size: Some(size),
            ..self
        }
    }
    pub fn after(self, after: u32) -> Style {
        Style { after, ..self }
    }
}

/// `text` without the control characters XML 1.0 cannot hold (a name pasted
/// from a spreadsheet may carry one; Word refuses such a file), `\n` kept.
fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(bad) {
        text.chars().filter(|c| !bad(*c)).collect::<String>().into()
    } else {
        text.into()
    }
}

/// One paragraph of `text`; a `\n` in it is a line break.
pub fn para(text: &str, style: Style) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in xml_safe(text).split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    if let Some(size) = style.size {
        run = run.size(size);
    }
    let mut p = Paragraph::new()
        .add_run(run)
        .line_spacing(LineSpacing::new().before(0).after(style.after));
    if let Some(align) = style.align {
        p = p.align(align);
    }
    p
}

/// A body paragraph: justified, first line indented, 6 pt after.
pub fn body(text: &str) -> Paragraph {
    body_in(text, Style::default())
}

/// A body paragraph set in `style` (its alignment and spacing are the body's).
pub fn body_in(text: &str, style: Style) -> Paragraph {
    para(text, style.after(120))
        .align(AlignmentType::Both)
        .indent(
            Some(0),
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
}

/// A short centred rule under a heading: an empty paragraph with a bottom
/// border, `width` twips wide.
pub fn rule(column: usize, width: usize) -> Paragraph {
    let side = (column.saturating_sub(width) / 2) as i32;
    let mut p = Paragraph::new()
        .size(8)
        .line_spacing(LineSpacing::new().before(40).after(120))
        .indent(Some(side), None, Some(side), None);
    // Only the bottom border: docx-rs's default set has all four.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6),
        ),
    );
    p
}

/// A table without borders of two columns `widths` wide, each row a pair of
/// cells holding their paragraphs: the letterhead and the signature block.
pub fn two_columns(widths: [usize; 2], rows: Vec<[Vec<Paragraph>; 2]>) -> Table {
    let cell = |w: usize, ps: Vec<Paragraph>| {
        ps.into_iter().fold(
            TableCell::new()
                .width(w, WidthType::Dxa)
                .vertical_align(VAlignType::Top),
            TableCell::add_paragraph,
        )
    };
    let rows = rows
        .into_iter()
        .map(|[left, right]| TableRow::new(vec![cell(widths[0], left), cell(widths[1], right)]))
        .collect();
    Table::without_borders(rows)
        .set_grid(widths.to_vec())
        .width(widths[0] + widths[1], WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A cell of a list table.
pub struct ListCell {
    pub text: String,
    pub style: Style,
    /// Columns it spans (1 for an ordinary cell).
    pub span: usize,
}

impl ListCell {
    pub fn new(text: impl Into<String>, style: Style) -> ListCell {
        ListCell {
            text: text.into(),
            style,
            span: 1,
        }
    }
}

/// A bordered table of `widths` (twips), the first row being its header.
pub fn list_table(widths: &[usize], rows: Vec<Vec<ListCell>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            let mut at = 0;
            let cells = cells
                .into_iter()
                .map(|c| {
                    let width: usize = widths.iter().skip(at).take(c.span.max(1)).sum();
                    at += c.span.max(1);
                    let style = Style {
                        size: c.style.size.or(Some(TABLE)),
                        after: 0,
                        ..c.style
                    };
                    let mut cell = TableCell::new()
                        .width(width, WidthType::Dxa)
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(para(&c.text, style));
                    if c.span > 1 {
                        cell = cell.grid_span(c.span);
                    }
                    cell
                })
                .collect();
            TableRow::new(cells).cant_split()
        })
        .enumerate()
        .map(|(i, row)| {
            if i == 0 {
                row.row_height(HEADER_MARK)
                    .height_rule(docx_rs::HeightRule::AtLeast)
            } else {
                row
            }
        })
        .collect();
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The height of a list table's header row, in twips: a value no other row
/// has, by which [`pack`] marks it to repeat on every page (docx-rs has no
/// builder for `w:tblHeader`).
const HEADER_MARK: f32 = 455.0;

/// The document as .docx bytes.
pub fn pack(doc: Docx) -> std::io::Result<Vec<u8>> {
    let mut xml = doc.build();
    let mark = format!("<w:trHeight w:val=\"{HEADER_MARK}\" w:hRule=\"atLeast\" />");
    if let Ok(text) = std::str::from_utf8(&xml.document) {
        xml.document = text
            .replace(&mark, &format!("<w:tblHeader />{mark}"))
            .into_bytes();
    }
    let mut stored = std::io::Cursor::new(Vec::new());
    xml.pack(&mut stored)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    deflate(&stored.into_inner()).map_err(|e| std::io::Error::other(e.to_string()))
}

/// The same archive with its files compressed: docx-rs stores them as they
/// are, and a decision with a long annex would be ten times the size.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Cursor, Read, Write};
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let name = file.name()?.into_owned();
        if file.is_dir() {
            continue;
        }
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.read_to_end(&mut bytes)?;
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// "ngày 05 tháng 01 năm 2019": days below 10 and the months January and
/// February with a leading zero (NĐ 30/2020, Phụ lục I, mục 5).
pub fn date_words(date: crate::model::Date) -> String {
    let (y, m, d) = date.ymd();
    let month = if m < 3 {
        format!("{m:02}")
    } else {
        m.to_string()
    };
    format!("ngày {d:02} tháng {month} năm {y}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn dates_read_as_the_decree_writes_them() {
        let d = |s| date_words(Date::parse_iso(s).unwrap());
        assert_eq!(d("2019-01-08"), "ngày 08 tháng 01 năm 2019");
        assert_eq!(d("2018-12-27"), "ngày 27 tháng 12 năm 2018");
        assert_eq!(d("2018-03-22"), "ngày 22 tháng 3 năm 2018");
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        assert_eq!(xml_safe("Ng\u{1}uy\u{b}ễn\nA\tB"), "Nguyễn\nA\tB");
        assert!(matches!(xml_safe("Nguyễn"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn the_text_width_is_the_page_less_its_margins() {
        assert_eq!(TEXT_WIDTH, 9_355);
    }
}
