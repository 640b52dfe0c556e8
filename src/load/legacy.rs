//! Vietnamese typed in the pre-Unicode font encodings, TCVN3 (ABC, TCVN
//! 5712:1993 VN3) and VNI (VNI-Windows), and its conversion to Unicode.
//!
//! Text typed with a `.VnTime` or `VNI-Times` font reaches us as Latin-1
//! characters: in a spreadsheet cell the code points U+00A0–U+00FF stand for
//! the font's bytes (`Lao ®éng tiªn tiÕn` is TCVN3 for `Lao động tiên tiến`,
//! `Lao ñoäng tieân tieán` is VNI), and in a CSV the bytes themselves. TCVN3
//! gives each accented letter one byte; VNI writes a base letter followed by
//! one mark byte. The tables below are the published character tables of the
//! two encodings (lower case, and the upper-case letters TCVN3 has).
//!
//! [`detect`] scores candidate readings by how much of the result is
//! Vietnamese; [`convert`] applies one.

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding of Vietnamese text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3",
            Legacy::Vni => "VNI",
        }
    }
}

/// TCVN3 (ABC): byte → letter.
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// VNI letters written as one byte.
const VNI_LETTERS: &[(u8, char)] = &[
    (0xD1, 'Đ'),
    (0xF1, 'đ'),
    (0xD4, 'Ơ'),
    (0xF4, 'ơ'),
    (0xD6, 'Ư'),
    (0xF6, 'ư'),
    (0xD2, 'Ị'),
    (0xF2, 'ị'),
    (0xCD, 'Í'),
    (0xED, 'í'),
    (0xCC, 'Ì'),
    (0xEC, 'ì'),
    (0xC6, 'Ỉ'),
    (0xE6, 'ỉ'),
    (0xD3, 'Ĩ'),
    (0xF3, 'ĩ'),
    (0xCE, 'Ỵ'),
    (0xEE, 'ỵ'),
];

/// A VNI mark byte: the combining marks it adds to the letter before it.
/// Circumflex (on a, e, o) and breve (on a) come with a tone or alone.
fn vni_mark(b: u8) -> Option<&'static [char]> {
    const ACUTE: char = '\u{301}';
    const GRAVE: char = '\u{300}';
    const HOOK: char = '\u{309}';
    const TILDE: char = '\u{303}';
    const DOT: char = '\u{323}';
    const CIRC: char = '\u{302}';
    const BREVE: char = '\u{306}';
    Some(match b | 0x20 {
        0xF9 => &[ACUTE],
        0xF8 => &[GRAVE],
        0xFB => &[HOOK],
        0xF5 => &[TILDE],
        0xEF => &[DOT],
        0xE2 => &[CIRC],
        0xE1 => &[CIRC, ACUTE],
        0xE0 => &[CIRC, GRAVE],
        0xE5 => &[CIRC, HOOK],
        0xE3 => &[CIRC, TILDE],
        0xE4 => &[CIRC, DOT],
        0xEA => &[BREVE],
        0xE9 => &[BREVE, ACUTE],
        0xE8 => &[BREVE, GRAVE],
        0xFA => &[BREVE, HOOK],
        0xFC => &[BREVE, TILDE],
        0xEB => &[BREVE, DOT],
        _ => return None,
    })
}

/// The byte a character stands for in a legacy font: Latin-1 code points and
/// the Windows-1252 characters of 0x80–0x9F; `None` for anything else.
fn byte_of(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!bad && bytes.len() == 1).then(|| bytes[0])
}

/// Converts `s`, read as `enc`, to Unicode NFC. Characters that cannot be font
/// bytes (already Unicode Vietnamese) are kept as they are.
pub fn convert(s: &str, enc: Legacy) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    match enc {
        Legacy::Tcvn3 => {
            for c in s.chars() {
                match byte_of(c)
                    .filter(|b| *b >= 0x80)
                    .and_then(|b| TCVN3.iter().find(|(k, _)| *k == b))
                {
                    Some((_, v)) => out.push(*v),
                    None => out.push(c),
                }
            }
        }
        Legacy::Vni => {
            let mut prev_vowel = false;
            for c in s.chars() {
                let b = byte_of(c).filter(|b| *b >= 0x80);
                if prev_vowel {
                    if let Some(marks) = b.and_then(vni_mark) {
                        out.extend(marks.iter());
                        prev_vowel = false;
                        continue;
                    }
                }
                let letter = b
                    .and_then(|b| VNI_LETTERS.iter().find(|(k, _)| *k == b))
                    .map(|(_, v)| *v);
                let c = letter.unwrap_or(c);
                out.push(c);
                prev_vowel = matches!(
                    c.to_ascii_lowercase(),
                    'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư'
                ) || matches!(c, 'Ơ' | 'Ư');
            }
        }
    }
    out.nfc().collect()
}

/// Whether `c` can appear in Vietnamese text written in Unicode: ASCII,
/// the Vietnamese letters, and common punctuation.
pub fn is_vietnamese(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let base: Vec<char> = c.nfd().collect();
    let Some(&first) = base.first() else {
        return false;
    };
    let marks_ok = base[1..].iter().all(|m| {
        matches!(
            *m as u32,
            0x300 | 0x301 | 0x302 | 0x303 | 0x306 | 0x309 | 0x31B | 0x323
        )
    });
    let base_ok = first.is_ascii_alphabetic() || matches!(first, 'đ' | 'Đ');
    (base_ok && marks_ok && (base.len() > 1 || matches!(first, 'đ' | 'Đ')))
        || matches!(
            c,
            '–' | '—' | '‘' | '’' | '“' | '”' | '…' | '\u{a0}' | '°' | '№'
        )
}

/// How un-Vietnamese a text is: characters that are no Vietnamese letter,
/// plus words carrying more than one tone mark.
pub fn oddness(s: &str) -> usize {
    let mut odd = s.chars().filter(|c| !is_vietnamese(*c)).count();
    for word in s.split(|c: char| !c.is_alphanumeric()) {
        let tones = word
            .nfd()
            .filter(|m| matches!(*m as u32, 0x300 | 0x301 | 0x303 | 0x309 | 0x323))
            .count();
        if tones > 1 {
            odd += tones - 1;
        }
    }
    odd
}

/// Whether a piece of text may be legacy-encoded at all: it has non-ASCII
/// characters, all of them font bytes.
fn maybe_legacy(s: &str) -> bool {
    !s.is_ascii() && s.chars().all(|c| byte_of(c).is_some())
}

/// Which legacy encoding, if any, the texts were typed in: the one whose
/// reading is the most Vietnamese, if it beats the text as it is.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    let (mut as_is, mut tcvn3, mut vni) = (0usize, 0usize, 0usize);
    for t in texts.into_iter().filter(|t| maybe_legacy(t)) {
        as_is += oddness(t);
        tcvn3 += oddness(&convert(t, Legacy::Tcvn3));
        vni += oddness(&convert(t, Legacy::Vni));
    }
    let best = if tcvn3 <= vni {
        (tcvn3, Legacy::Tcvn3)
    } else {
        (vni, Legacy::Vni)
    };
    (best.0 < as_is).then_some(best.1)
}

/// Whether a cell's text should be converted once its file is known to be in
/// a legacy encoding: text already holding Unicode-only Vietnamese letters
/// (`ạ`, `ư`) was typed in Unicode and is left alone.
pub fn applies(s: &str) -> bool {
    maybe_legacy(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_tcvn3() {
        assert_eq!(
            convert("Lao ®éng tiªn tiÕn", Legacy::Tcvn3),
            "Lao động tiên tiến"
        );
        assert_eq!(
            convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", Legacy::Tcvn3),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            convert("§éc lËp - Tù do - H¹nh phóc", Legacy::Tcvn3),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(convert("NguyÔn V¨n An", Legacy::Tcvn3), "Nguyễn Văn An");
        assert_eq!(convert("Tr\u{ad}êng", Legacy::Tcvn3), "Trường");
    }

    #[test]
    fn converts_vni() {
        assert_eq!(
            convert("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", Legacy::Vni),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            convert("Ñoäc laäp - Töï do - Haïnh phuùc", Legacy::Vni),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(
            convert("Lao ñoäng tieân tieán", Legacy::Vni),
            "Lao động tiên tiến"
        );
        assert_eq!(convert("Nguyeãn Vaên An", Legacy::Vni), "Nguyễn Văn An");
        assert_eq!(convert("Tröôøng", Legacy::Vni), "Trường");
        assert_eq!(convert("COÄNG HOØA", Legacy::Vni), "CỘNG HÒA");
    }

    #[test]
    fn detects_which() {
        assert_eq!(
            detect(["Lao ®éng tiªn tiÕn", "NguyÔn V¨n An"]),
            Some(Legacy::Tcvn3)
        );
        assert_eq!(
            detect(["Lao ñoäng tieân tieán", "Nguyeãn Vaên An"]),
            Some(Legacy::Vni)
        );
        assert_eq!(
            detect(["Lao động tiên tiến", "Nguyễn Văn An", "Lê Hà"]),
            None
        );
        assert_eq!(detect(["plain ascii"]), None);
    }

    #[test]
    fn every_tcvn3_letter_is_vietnamese() {
        for (_, c) in TCVN3 {
            assert!(is_vietnamese(*c), "{c}");
        }
    }
}
