//! The text encoding of a CSV file, a record file or one to import: UTF-8
//! (with or without BOM), UTF-16, Windows-1258 (what an old Excel saves
//! Vietnamese as), or a legacy font encoding (TCVN3, VNI) — detected, or
//! given to `import` with `--encoding`.

use unicode_normalization::UnicodeNormalization;

use super::legacy::{self, Legacy};

/// An encoding the importer can read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1258,
    /// Bytes of a legacy font: read as Windows-1252, then converted.
    Legacy(Legacy),
}

impl TextEncoding {
    /// The name shown in the summary.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8 (BOM)",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1258 => "windows-1258",
            TextEncoding::Legacy(Legacy::Tcvn3) => "tcvn3",
            TextEncoding::Legacy(Legacy::Vni) => "vni",
        }
    }

    /// Parses a `--encoding` value.
    pub fn parse(s: &str) -> Option<TextEncoding> {
        let key = s.trim().to_ascii_lowercase().replace('_', "-");
        Some(match key.as_str() {
            "utf-8" | "utf8" => TextEncoding::Utf8,
            "utf-8-bom" | "utf-8-sig" | "utf8-bom" => TextEncoding::Utf8Bom,
            "utf-16" | "utf16" | "utf-16le" | "utf16le" | "ucs-2" => TextEncoding::Utf16Le,
            "utf-16be" | "utf16be" => TextEncoding::Utf16Be,
            "windows-1258" | "cp1258" | "1258" | "win1258" => TextEncoding::Windows1258,
            "tcvn3" | "tcvn" | "abc" | "tcvn-3" | "vn3" => TextEncoding::Legacy(Legacy::Tcvn3),
            "vni" | "vni-windows" => TextEncoding::Legacy(Legacy::Vni),
            _ => return None,
        })
    }
}

/// The names `--encoding` accepts, for messages.
pub const NAMES: &str = "utf-8, utf-16, windows-1258, tcvn3, vni";

/// Decodes the bytes of a CSV file. Returns the text (NFC, without BOM) and
/// the encoding it was read in. Legacy font text is returned as its font
/// bytes (Latin-1 characters) for the caller to convert cell by cell.
pub fn decode(bytes: &[u8], forced: Option<TextEncoding>) -> (String, TextEncoding) {
    let enc = forced.unwrap_or_else(|| detect(bytes));
    let text = match enc {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
            String::from_utf8_lossy(body).into_owned()
        }
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE
            .decode_with_bom_removal(bytes)
            .0
            .into_owned(),
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE
            .decode_with_bom_removal(bytes)
            .0
            .into_owned(),
        TextEncoding::Windows1258 => encoding_rs::WINDOWS_1258
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        TextEncoding::Legacy(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    (text.nfc().collect(), enc)
}

/// Guesses the encoding: a byte order mark decides; else valid UTF-8 is
/// UTF-8; else the reading (Windows-1258, TCVN3, VNI) whose text is the most
/// Vietnamese, Windows-1258 on a tie.
pub fn detect(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8Bom;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    let w1258: String = encoding_rs::WINDOWS_1258
        .decode_without_bom_handling(bytes)
        .0
        .nfc()
        .collect();
    let w1252 = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0;
    if let Some(leg) = legacy::detect(w1252.lines()) {
        let converted = legacy::convert(&w1252, leg);
        if legacy::oddness(&converted) < legacy::oddness(&w1258) {
            return TextEncoding::Legacy(leg);
        }
    }
    TextEncoding::Windows1258
}

/// UTF-16 saved without a byte order mark: most high bytes of the first
/// characters are zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zero_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even * 10 < pairs {
        Some(TextEncoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 10 < pairs {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Encodes `s` in Windows-1258, which writes a tone as a combining mark after
/// the letter; `None` when a character has no place in it. For tests and for
/// making sample files.
pub fn encode_windows_1258(s: &str) -> Option<Vec<u8>> {
    let mut split = String::new();
    for c in s.chars() {
        let d: Vec<char> = c.nfd().collect();
        let is_tone = |m: &char| matches!(*m as u32, 0x300 | 0x301 | 0x303 | 0x309 | 0x323);
        let base: String = d
            .iter()
            .copied()
            .filter(|m| !is_tone(m))
            .collect::<String>()
            .nfc()
            .collect();
        split.push_str(&base);
        split.extend(d.iter().copied().filter(is_tone));
    }
    let (bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(&split);
    (!bad).then(|| bytes.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_and_decodes() {
        let text = "Họ và tên;Đơn vị\nNguyễn Văn An;Phòng Giáo dục\n";
        let w = encode_windows_1258(text).unwrap();
        assert_eq!(detect(&w), TextEncoding::Windows1258);
        assert_eq!(decode(&w, None).0, text);
        assert_eq!(detect(text.as_bytes()), TextEncoding::Utf8);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            decode(&bom, None),
            (text.to_string(), TextEncoding::Utf8Bom)
        );
        let mut u16: Vec<u8> = vec![0xFF, 0xFE];
        u16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(
            decode(&u16, None),
            (text.to_string(), TextEncoding::Utf16Le)
        );
        let plain16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(
            decode(&plain16, None),
            (text.to_string(), TextEncoding::Utf16Be)
        );
    }

    #[test]
    fn detects_legacy_bytes() {
        let tcvn3: Vec<u8> = "NguyÔn V¨n An;Lao ®éng tiªn tiÕn\n"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert_eq!(detect(&tcvn3), TextEncoding::Legacy(Legacy::Tcvn3));
        let vni: Vec<u8> = "Nguyeãn Vaên An;Lao ñoäng tieân tieán\n"
            .chars()
            .map(|c| c as u32 as u8)
            .collect();
        assert_eq!(detect(&vni), TextEncoding::Legacy(Legacy::Vni));
    }

    #[test]
    fn parses_names() {
        assert_eq!(
            TextEncoding::parse("CP1258"),
            Some(TextEncoding::Windows1258)
        );
        assert_eq!(
            TextEncoding::parse("abc"),
            Some(TextEncoding::Legacy(Legacy::Tcvn3))
        );
        assert_eq!(TextEncoding::parse("latin-9"), None);
    }
}
