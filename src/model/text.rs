//! Text normalisation shared by the loader, the code tables and the importer:
//! NFC on load, and the folded keys under which Vietnamese names compare equal
//! whatever Unicode form, case or spacing they were typed in; and the one
//! [`escape`] every human-readable output passes quoted values through.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Trims `s` and returns it in Unicode NFC, borrowing when nothing changes
/// (the common case: ASCII ids and already-composed names).
pub fn clean(s: &str) -> Cow<'_, str> {
    let t = trim(s);
    if t.is_ascii() || t.chars().all(stays_nfc) || is_nfc_quick(t.chars()) == IsNormalized::Yes {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.nfc().collect())
    }
}

/// `s.trim()`, answered at once when there is nothing to trim: an empty
/// value, or one whose first and last characters are not white space
/// (nearly every value: ids, codes, dates, names ending in `ễ`).
#[inline]
pub fn trim(s: &str) -> &str {
    let visible = |b: u8| b > b' ' && b < 0x80;
    let solid = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&z)) if visible(a) && visible(z) => s,
        (None, _) | (_, None) => s,
        _ if solid(s.chars().next()) && solid(s.chars().next_back()) => s,
        _ => s.trim(),
    }
}

/// Whether NFC leaves `c` as it is whatever the characters around it, when
/// they are such characters too: Latin below U+0300 (no combining marks)
/// and the precomposed Vietnamese letters of Latin Extended Additional
/// (`ấ`, `ự`…). A range test instead of the normalisation tables' look-ups
/// for nearly every name; the test `stable_characters_stay_nfc` checks
/// every one of them against those tables.
fn stays_nfc(c: char) -> bool {
    (c as u32) < 0x300 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The key two spellings of one name share: NFC, lower case, runs of white
/// space folded to one space, trimmed. `Nguyễn  Văn AN` (NFD) and
/// `nguyễn văn an` have the same key.
///
/// ```
/// use thidua::model::text::fold;
/// let nfd = "Nguye\u{302}\u{303}n  Va\u{306}n AN"; // decomposed, as macOS types it
/// assert_eq!(fold(nfd), fold("nguyễn văn an"));
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfc() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// `fold` with the diacritics removed as well (`đ` becomes `d`): the key for
/// recognising a header typed without accents, and for suggesting the nearest
/// code. Never used to decide that two names are the same person.
pub fn fold_ascii(s: &str) -> String {
    let folded = fold(s);
    folded
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            other => other,
        })
        .collect()
}

/// The key `find` and `history` compare names and ids on: [`fold_ascii`]
/// with every space, dash and underscore removed, so that case, diacritics,
/// Unicode form, spacing and dashes make no difference
/// (`Nguyễn Văn-An` and `nguyen van an` share it). For looking records up,
/// never for deciding that two records are one person.
///
/// ```
/// use thidua::model::text::search_key;
/// assert_eq!(search_key("Nguyễn  Văn–An"), search_key("nguyen van an"));
/// ```
pub fn search_key(s: &str) -> String {
    fold_ascii(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !is_dash(*c))
        .collect()
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Levenshtein distance by characters, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The most characters of a value the "did you mean" search compares: a
/// code or a name is far shorter, and a 1 MB cell must not cost seconds.
pub const MAX_SUGGEST_CHARS: usize = 64;

/// The candidate nearest to `input` (compared on [`fold_ascii`] keys), if it is
/// near enough to be a plausible typo. Inputs longer than
/// [`MAX_SUGGEST_CHARS`] get no suggestion, and candidates whose length alone
/// puts them past the best distance so far are not compared.
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if input.len() > MAX_SUGGEST_CHARS * 4 {
        return None;
    }
    let key = fold_ascii(input);
    let len = key.chars().count();
    if len > MAX_SUGGEST_CHARS {
        return None;
    }
    let limit = (len / 2).max(2);
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let folded = fold_ascii(cand);
        let clen = folded.chars().count();
        let bound = best.map_or(limit, |(bd, _)| bd.saturating_sub(1));
        if clen.abs_diff(len) > bound {
            continue;
        }
        let d = edit_distance(&key, &folded);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

/// Every candidate nearest to `input`, ties all listed, if near enough to be
/// a plausible typo; none when more than three tie (a guess among many is no
/// help). Characters that look alike — `O` and
/// `0`, `l`, `I` and `1` — count as the same, so `P-0O12` is next to `P-0012`.
pub fn nearest_all<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let look_alike = |s: &str| -> String {
        fold_ascii(s)
            .chars()
            .map(|c| match c {
                '0' => 'o',
                '1' | 'i' => 'l',
                c => c,
            })
            .collect()
    };
    // The same bounds as `nearest`: no edit distance over a huge cell.
    if input.len() > MAX_SUGGEST_CHARS * 4 {
        return Vec::new();
    }
    let key = look_alike(input);
    let len = key.chars().count();
    if len > MAX_SUGGEST_CHARS {
        return Vec::new();
    }
    let limit = (len / 2).max(2);
    let mut best: (usize, Vec<&str>) = (limit + 1, Vec::new());
    for cand in candidates {
        let folded = look_alike(cand);
        if folded.chars().count().abs_diff(len) > best.0 {
            continue;
        }
        let d = edit_distance(&key, &folded);
        if d < best.0 {
            best = (d, vec![cand]);
        } else if d == best.0 && !best.1.contains(&cand) {
            best.1.push(cand);
        }
    }
    if best.1.len() > 3 {
        best.1.clear();
    }
    best.1
}

/// Whether `c` must not reach a terminal or a log raw: C0 and C1 controls
/// (ESC, CR, LF, …), DEL, and the bidirectional overrides and isolates
/// that reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `s` with every [`is_unsafe`] character written as a visible escape
/// (`\n`, `\r`, `\t`, `\u{1b}`), so that a value quoted in a message cannot
/// move the cursor, retitle the terminal or forge a line such as
/// `::error file=…` of a CI log. Borrows when there is nothing to escape.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Pushes `c` onto `out`, as [`escape`] writes it.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// `s` with its unsafe characters escaped: the one shared escaping of
/// [`escape`] (control and bidi characters), tabs kept
/// as they are since they are harmless in a message.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.contains('\t') {
        return escape(s);
    }
    let parts: Vec<String> = s.split('\t').map(|p| escape(p).into_owned()).collect();
    Cow::Owned(parts.join("\t"))
}

/// `s` with its control characters escaped, line breaks kept (`keep_lines`)
/// or written `\\n`: what a finding may quote from a file. `None` when
/// there is nothing to escape, so that a caller copies only what changes.
pub fn defanged(s: &str, keep_lines: bool) -> Option<String> {
    let bad = |c: char| c.is_control() && c != '\t' && !(keep_lines && c == '\n');
    s.chars().any(bad).then(|| {
        s.split('\n')
            .map(|part| escape_controls(part).into_owned())
            .collect::<Vec<_>>()
            .join(if keep_lines { "\n" } else { "\\n" })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(escape_controls("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\n");
        assert_eq!(escape_controls("Xã\tY"), "Xã\tY");
    }

    #[test]
    fn escapes_controls_and_bidi_overrides() {
        assert_eq!(escape("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(escape("a\x1b]0;x\x07b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape("x\n::error file=a::b\r"), "x\\n::error file=a::b\\r");
        assert_eq!(escape("\u{202E}abc\u{85}"), "\\u{202e}abc\\u{85}");
    }

    #[test]
    fn long_inputs_get_no_suggestion_and_short_ones_do() {
        assert_eq!(nearest("CSTDCS", ["CSTDCS", "LDTT"]), Some("CSTDCS"));
        assert_eq!(nearest("LDTx", ["CSTDCS", "LDTT"]), Some("LDTT"));
        let long = "x".repeat(1 << 20);
        assert_eq!(nearest(&long, ["CSTDCS", "LDTT"]), None);
    }

    #[test]
    fn nfd_and_nfc_fold_alike() {
        let nfc = "Nguyễn Văn An";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(clean(&nfd), nfc);
        assert_eq!(fold(&format!("  {}  ", nfd.to_uppercase())), fold(nfc));
        assert_eq!(fold("Lao   động\ttiên tiến"), "lao động tiên tiến");
    }

    /// Every character `stays_nfc` passes is NFC on its own, a starter, and
    /// composes with none of the others: a text of them only is NFC.
    #[test]
    fn stable_characters_stay_nfc() {
        use unicode_normalization::char::{canonical_combining_class, compose};
        let all: Vec<char> = (0..0x300u32)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
            .collect();
        assert!(all.iter().all(|&c| stays_nfc(c)));
        assert!(!stays_nfc('\u{300}') && !stays_nfc('\u{1F00}') && !stays_nfc('\u{1DFF}'));
        for &a in &all {
            assert_eq!(is_nfc_quick(std::iter::once(a)), IsNormalized::Yes, "{a:?}");
            assert_eq!(canonical_combining_class(a), 0, "{a:?}");
            for &b in &all {
                assert_eq!(compose(a, b), None, "{a:?} {b:?}");
            }
        }
    }

    proptest::proptest! {
        /// `trim` is `str::trim`, whatever white space (ASCII, vertical tab,
        /// no-break, ideographic) or other characters a text begins and ends with.
        #[test]
        fn trim_is_str_trim(s in "[ \t\u{b}\u{c}\u{1c}\u{1f}\r\na-z\u{7f}\u{85}\u{a0}\u{3000}ê]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }

        /// `clean` is the trimmed text in NFC, whatever white space or
        /// marks it begins and ends with.
        #[test]
        fn clean_is_trim_then_nfc(s in "[ \t\u{b}\r\na-zA-Z0-9\u{85}\u{a0}\u{3000}\u{302}\u{303}eêĐ]{0,12}") {
            let expected: String = s.trim().nfc().collect();
            proptest::prop_assert_eq!(clean(&s), expected);
        }
    }

    #[test]
    fn ascii_fold_drops_marks() {
        assert_eq!(fold_ascii("Đơn vị công tác"), "don vi cong tac");
        assert_eq!(fold_ascii("Họ và tên"), "ho va ten");
    }

    #[test]
    fn lists_ties_and_counts_look_alikes_as_near() {
        assert_eq!(nearest_all("P-0O12", ["P-0012", "P-0912"]), ["P-0012"]);
        assert_eq!(nearest_all("Pl01", ["P101", "P102"]), ["P101"]);
        assert_eq!(nearest_all("DV-3", ["DV-1", "DV-2", "X"]), ["DV-1", "DV-2"]);
        assert!(nearest_all("completely different", ["DV-1"]).is_empty());
        assert!(nearest_all("P99", ["P01", "P02", "P03", "P04"]).is_empty());
    }

    #[test]
    fn suggests_near_codes_only() {
        let codes = ["LDTT", "CSTDCS", "TTLDTT"];
        assert_eq!(nearest("LDTTT", codes), Some("LDTT"));
        assert_eq!(nearest("CSTDC", codes), Some("CSTDCS"));
        assert_eq!(nearest("completely different", codes), None);
    }
}
