//! What a record file looks like before it is read: whether it is text at
//! all (an `.xlsx` renamed `.csv`, a picture), its encoding, byte order mark,
//! line ending and delimiter — so that a file as Excel leaves it (`;`, BOM,
//! CRLF, Windows-1258) is read like the canonical one and named once as
//! `non-canonical-file` rather than failing row by row.

use super::encoding::{self, TextEncoding};
use super::legacy;
use crate::i18n::{Arg, Key};
use crate::model::RecordType;

/// What a file that is not text turns out to be, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    Xlsx,
    Ods,
    Zip,
    Xls,
    Png,
    Jpeg,
    Gif,
    Pdf,
    Binary,
}

impl NotText {
    /// The catalogue key of the message naming it.
    pub fn key(self) -> Key {
        match self {
            NotText::Xlsx => Key::SniffXlsx,
            NotText::Ods => Key::SniffOds,
            NotText::Zip => Key::SniffZip,
            NotText::Xls => Key::SniffXls,
            NotText::Png | NotText::Jpeg | NotText::Gif => Key::SniffPicture,
            NotText::Pdf => Key::SniffPdf,
            NotText::Binary => Key::SniffBinary,
        }
    }
}

/// Recognises a file that is not text by its magic bytes, or by NUL bytes
/// (UTF-16 text, which has them too, must be ruled out first).
pub fn not_text(head: &[u8]) -> Option<NotText> {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let window = &head[..head.len().min(4096)];
        let has = |needle: &[u8]| window.windows(needle.len()).any(|w| w == needle);
        return Some(if has(b"opendocument.spreadsheet") {
            NotText::Ods
        } else if has(b"xl/") || has(b"[Content_Types].xml") {
            NotText::Xlsx
        } else {
            NotText::Zip
        });
    }
    const MAGIC: &[(&[u8], NotText)] = &[
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            NotText::Xls,
        ),
        (b"\x89PNG", NotText::Png),
        (&[0xFF, 0xD8, 0xFF], NotText::Jpeg),
        (b"GIF8", NotText::Gif),
        (b"%PDF", NotText::Pdf),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(*what);
    }
    if utf16(head).is_none() && head.contains(&0) {
        return Some(NotText::Binary);
    }
    None
}

/// UTF-16, with or without a byte order mark.
pub fn utf16(head: &[u8]) -> Option<TextEncoding> {
    if head.starts_with(&[0xFF, 0xFE]) {
        return Some(TextEncoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Some(TextEncoding::Utf16Be);
    }
    match encoding::detect(&head[..head.len().min(1024)]) {
        e @ (TextEncoding::Utf16Le | TextEncoding::Utf16Be) => Some(e),
        _ => None,
    }
}

/// Whether the head of a file must be decoded from another encoding than
/// UTF-8: bytes that are not UTF-8 and no Vietnamese letter that is (a UTF-8
/// file with one stray byte stays UTF-8, its bad rows reported).
pub fn needs_decoding(head: &[u8]) -> bool {
    if utf16(head).is_some() {
        return true;
    }
    let (valid_non_ascii, invalid) = utf8_census(head);
    invalid > 0 && valid_non_ascii == 0
}

/// Counts the non-ASCII characters that are valid UTF-8 and the bytes that
/// are not (a character cut at the end of `head` counts as neither).
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => return (valid + s.chars().filter(|c| !c.is_ascii()).count(), invalid),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                match e.error_len() {
                    Some(n) => {
                        invalid += n;
                        bytes = &rest[n..];
                    }
                    None => return (valid, invalid),
                }
            }
        }
    }
}

/// Decodes a whole file that is not UTF-8, as `import` would: UTF-16,
/// Windows-1258, or a legacy font encoding (TCVN3, VNI) converted to Unicode.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    let (text, enc) = encoding::decode(bytes, None);
    match enc {
        TextEncoding::Legacy(l) => (legacy::convert(&text, l), enc),
        _ => (text, enc),
    }
}

/// The delimiter of a CSV file, from its first line: the one of `,` `;` tab
/// that splits it into the most column names of `kind` (the format's or the
/// Vietnamese ones); `,` on a tie.
pub fn delimiter(first_line: &str, kind: RecordType) -> u8 {
    let mut best = (0usize, b',');
    for d in [b',', b';', b'\t'] {
        let known = first_line
            .split(d as char)
            .filter(|h| super::schema::column(kind, h.trim().trim_matches('"')).is_some())
            .count();
        if known > best.0 {
            best = (known, d);
        }
    }
    best.1
}

/// Whether lines end with CRLF: a `\r\n` outside quotes (one inside a quoted
/// value is part of the value, which canonical form keeps).
pub fn crlf(bytes: &[u8]) -> bool {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' if !quoted && bytes.get(i + 1) == Some(&b'\n') => return true,
            _ => {}
        }
    }
    false
}

/// What made a file non-canonical, in the order it is named.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quirks {
    pub delimiter: Option<u8>,
    pub dmy_dates: bool,
    pub bom: bool,
    pub crlf: bool,
    pub encoding: Option<TextEncoding>,
    pub vietnamese_headers: bool,
}

impl Quirks {
    pub fn any(&self) -> bool {
        *self != Quirks::default()
    }

    /// The items of the list named in the warning, in the output's
    /// language once rendered: "dấu `;`, ngày d/m/yyyy, BOM, CRLF".
    pub fn describe(&self) -> Vec<Arg> {
        let mut parts = Vec::new();
        if let Some(d) = self.delimiter {
            parts.push(match d {
                b'\t' => Arg::Key(Key::SniffTab),
                _ => {
                    let d = String::from(char::from(d));
                    crate::msg!(Key::SniffDelimiter, delimiter = d).into()
                }
            });
        }
        if self.dmy_dates {
            parts.push(Arg::Key(Key::SniffDmy));
        }
        if self.bom {
            parts.push(Arg::Static("BOM"));
        }
        if self.crlf {
            parts.push(Arg::Static("CRLF"));
        }
        if let Some(e) = self.encoding {
            parts.push(Arg::Static(encoding_name(e)));
        }
        if self.vietnamese_headers {
            parts.push(Arg::Key(Key::SniffViHeaders));
        }
        parts
    }
}

fn encoding_name(e: TextEncoding) -> &'static str {
    match e {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => "UTF-16",
        TextEncoding::Windows1258 => "Windows-1258",
        TextEncoding::Legacy(legacy::Legacy::Tcvn3) => "TCVN3",
        TextEncoding::Legacy(legacy::Legacy::Vni) => "VNI",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_what_is_not_text() {
        assert_eq!(
            not_text(b"PK\x03\x04....[Content_Types].xml...xl/workbook.xml"),
            Some(NotText::Xlsx)
        );
        assert_eq!(not_text(b"\x89PNG\r\n\x1a\n"), Some(NotText::Png));
        assert_eq!(not_text(b"%PDF-1.4"), Some(NotText::Pdf));
        assert_eq!(not_text(b"id,name\0,kind"), Some(NotText::Binary));
        assert_eq!(not_text("id,name\nX,Xã Đông Thái\n".as_bytes()), None);
        let utf16: Vec<u8> = "id,name,kind\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(not_text(&utf16), None);
        assert!(needs_decoding(&utf16));
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut stray = "Xã Đông ".as_bytes().to_vec();
        stray.push(0xff);
        assert!(!needs_decoding(&stray));
        assert!(!needs_decoding(b"plain ascii"));
        assert!(needs_decoding(b"X\xe3 \xd0\xf4ng"));
    }

    #[test]
    fn sniffs_the_delimiter_from_the_header() {
        assert_eq!(delimiter("id;name;kind;parent", RecordType::Unit), b';');
        assert_eq!(delimiter("id,name,kind", RecordType::Unit), b',');
        assert_eq!(delimiter("id\tname\tkind", RecordType::Unit), b'\t');
        assert_eq!(delimiter("nonsense", RecordType::Unit), b',');
    }

    #[test]
    fn crlf_inside_quotes_is_part_of_a_value() {
        assert!(crlf(b"a,b\r\n1,2\r\n"));
        assert!(!crlf(b"a,b\n\"x\r\ny\",2\n"));
    }
}
