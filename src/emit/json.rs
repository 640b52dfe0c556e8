//! `--format json`: exactly the object of the data format §6, plus
//! `unchecked` (rules without the evidence they need) and each
//! diagnostic's optional `help`, `cell` and `related`.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Value};

use super::CheckOutput;
use crate::diag::Diagnostic;
use crate::i18n::{Lang, Msg};

/// One diagnostic as a JSON object (for outputs that build a tree).
pub fn diagnostic(d: &Diagnostic, lang: Lang) -> Value {
    serde_json::to_value(Finding(d, lang)).unwrap_or(Value::Null)
}

/// One diagnostic, serialized field by field without a tree of its own: the
/// keys in the data format's order (the crate keeps `serde_json`'s
/// insertion order), as [`diagnostic`] gives them.
struct Finding<'a>(&'a Diagnostic, Lang);

impl Serialize for Finding<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("rule", &d.rule)?;
        m.serialize_entry("severity", d.severity.as_str())?;
        m.serialize_entry("file", &d.file.as_deref())?;
        m.serialize_entry("line", &d.line)?;
        m.serialize_entry("record", &d.record)?;
        m.serialize_entry("message", &Text(&d.message, self.1))?;
        m.serialize_entry("citation", d.citation)?;
        if let Some(h) = &d.help {
            m.serialize_entry("help", &Text(h, self.1))?;
        }
        if let Some(c) = &d.cell {
            m.serialize_entry("cell", c)?;
        }
        if !d.related.is_empty() {
            m.serialize_entry("related", &Related(&d.related, self.1))?;
        }
        m.end()
    }
}

/// A message as a JSON string.
struct Text<'a>(&'a Msg, Lang);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.render(self.1))
    }
}

struct Related<'a>(&'a [crate::diag::Related], Lang);

impl Serialize for Related<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .map(|r| json!({"file": r.file, "line": r.line, "note": r.note.render(self.1)})),
        )
    }
}

/// Writes the object a diagnostic at a time: a folder with a million
/// findings must not first become a million JSON trees in memory. The
/// diagnostics are written by hand, as `serde_json`'s pretty printer lays
/// them out (the test `written_as_serde_writes_it` holds that), each into
/// one reused buffer, with the strings escaped eight bytes at a time
/// ([`string`]).
pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    if out.diagnostics.is_empty() {
        w.write_all(b"{\n  \"diagnostics\": [],\n")?;
    } else {
        w.write_all(b"{\n  \"diagnostics\": [\n")?;
        let (mut buf, mut text) = (Vec::with_capacity(1024), String::new());
        let mut once = Once::default();
        for (i, d) in out.diagnostics.iter().enumerate() {
            buf.clear();
            if i > 0 {
                buf.extend_from_slice(b",\n");
            }
            finding(&mut buf, &d, out.lang, &mut text, &mut once)?;
            w.write_all(&buf)?;
        }
        w.write_all(b"\n  ],\n")?;
    }
    writeln!(w, "  \"errors\": {},", out.errors)?;
    writeln!(w, "  \"warnings\": {},", out.warnings)?;
    let unchecked = serde_json::to_string_pretty(&out.coverage.unchecked())?;
    writeln!(w, "  \"unchecked\": {}", indent(&unchecked, 2))?;
    writeln!(w, "}}")?;
    w.flush()
}

/// A value printed pretty, its lines after the first moved right by
/// `by` spaces (a JSON string holds no line break of its own).
fn indent(pretty: &str, by: usize) -> String {
    pretty.replace('\n', &format!("\n{:by$}", ""))
}

/// The texts that every finding of a rule repeats — its citation, a help
/// without arguments — escaped the first time only.
#[derive(Default)]
struct Once {
    /// By the address and length of the citation (a text of the law's
    /// tables, borrowed for the run).
    citations: Vec<((usize, usize), Vec<u8>)>,
    /// By key.
    helps: Vec<Option<Vec<u8>>>,
}

impl Once {
    /// A few dozen citations at most; past that, each is escaped anew.
    const CITATIONS: usize = 64;

    fn citation(&mut self, buf: &mut Vec<u8>, c: &'static str) {
        let at = (c.as_ptr() as usize, c.len());
        if let Some((_, escaped)) = self.citations.iter().find(|(k, _)| *k == at) {
            buf.extend_from_slice(escaped);
            return;
        }
        let start = buf.len();
        string(buf, c);
        if self.citations.len() < Self::CITATIONS {
            self.citations.push((at, buf[start..].to_vec()));
        }
    }

    /// `m` rendered and escaped; a help without arguments once per key.
    fn help(&mut self, buf: &mut Vec<u8>, m: &Msg, lang: Lang, text: &mut String) {
        if !m.args.is_empty() {
            text.clear();
            m.render_into(lang, text);
            return string(buf, text);
        }
        if self.helps.is_empty() {
            self.helps.resize(crate::i18n::Key::ALL.len(), None);
        }
        let slot = &mut self.helps[m.key as usize];
        let escaped = slot.get_or_insert_with(|| {
            let mut e = Vec::new();
            string(&mut e, m.key.text(lang));
            e
        });
        buf.extend_from_slice(escaped);
    }
}

/// One diagnostic as the pretty printer lays it out at depth two; `text` is
/// scratch for the messages.
fn finding(
    buf: &mut Vec<u8>,
    d: &Diagnostic,
    lang: Lang,
    text: &mut String,
    once: &mut Once,
) -> io::Result<()> {
    // `"name": ` on a line of its own, after the one before.
    let key = |buf: &mut Vec<u8>, name: &str| {
        buf.extend_from_slice(b",\n      \"");
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(b"\": ");
    };
    buf.extend_from_slice(b"    {\n      \"rule\": ");
    string(buf, d.rule.as_str());
    key(buf, "severity");
    string(buf, d.severity.as_str());
    key(buf, "file");
    optional(buf, d.file.as_deref());
    key(buf, "line");
    match d.line {
        Some(n) => {
            let _ = write!(buf, "{n}");
        }
        None => buf.extend_from_slice(b"null"),
    }
    key(buf, "record");
    optional(buf, d.record.as_deref());
    key(buf, "message");
    text.clear();
    d.message.render_into(lang, text);
    string(buf, text);
    key(buf, "citation");
    once.citation(buf, d.citation);
    if let Some(h) = &d.help {
        key(buf, "help");
        once.help(buf, h, lang, text);
    }
    if let Some(c) = &d.cell {
        key(buf, "cell");
        string(buf, c);
    }
    if !d.related.is_empty() {
        key(buf, "related");
        let related = serde_json::to_string_pretty(&Related(&d.related, lang))?;
        buf.extend_from_slice(indent(&related, 6).as_bytes());
    }
    buf.extend_from_slice(b"\n    }");
    Ok(())
}

/// A JSON string or `null`.
fn optional(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"` and `\`,
/// the short escapes `\b \f \n \r \t`, other control characters as
/// `\u00XX`; everything else as it is. Runs of eight bytes with nothing to
/// escape are copied without looking at each byte.
pub fn string(buf: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `w` is below 0x20, a quote or a backslash.
    let special = |w: u64| {
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
            | zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
            != 0
    };
    let bytes = s.as_bytes();
    buf.push(b'"');
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if special(w) {
                break;
            }
            i += 8;
        }
        let Some(&c) = bytes.get(i) else { break };
        let short: Option<&[u8]> = match c {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0x08 => Some(b"\\b"),
            0x0c => Some(b"\\f"),
            _ => None,
        };
        if short.is_some() || c < 0x20 {
            buf.extend_from_slice(&bytes[start..i]);
            match short {
                Some(e) => buf.extend_from_slice(e),
                None => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    buf.extend_from_slice(b"\\u00");
                    buf.push(HEX[usize::from(c >> 4)]);
                    buf.push(HEX[usize::from(c & 0xf)]);
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::RuleId;
    use crate::rules::{Coverage, RuleCoverage};
    use proptest::prelude::*;

    /// The object as `serde_json`'s pretty printer writes it, what the hand
    /// written emitter must equal byte for byte.
    struct Doc<'a, 'b>(&'a CheckOutput<'b>);

    impl Serialize for Doc<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let out = self.0;
            let mut m = s.serialize_map(Some(4))?;
            let owned: Vec<Diagnostic> = out.diagnostics.iter().map(|d| d.into_owned()).collect();
            let diags: Vec<Finding> = owned.iter().map(|d| Finding(d, out.lang)).collect();
            m.serialize_entry("diagnostics", &diags)?;
            m.serialize_entry("errors", &out.errors)?;
            m.serialize_entry("warnings", &out.warnings)?;
            m.serialize_entry("unchecked", &out.coverage.unchecked())?;
            m.end()
        }
    }

    fn both(diags: &[Diagnostic], coverage: &Coverage) -> (String, String) {
        let out = CheckOutput {
            wrap: None,
            diagnostics: crate::rules::findings::Findings::of(diags),
            errors: 3,
            warnings: 1,
            coverage,
            records: 0,
            files: 0,
            lang: Lang::Vi,
            color: false,
            root_display: String::new(),
        };
        let mut mine = Vec::new();
        write(&mut mine, &out).unwrap();
        let mut theirs = serde_json::to_string_pretty(&Doc(&out)).unwrap();
        theirs.push('\n');
        (String::from_utf8(mine).unwrap(), theirs)
    }

    #[test]
    fn written_as_serde_writes_it() {
        let diags = vec![
            Diagnostic::new(RuleId::DuplicateId, "id `A-1` \"hai\" lần\u{1}\t\\")
                .at("awards/Quyết định 1.csv", Some(7))
                .related("awards/2018.csv", 3, "đầu tiên ở đây")
                .related("awards/2019.csv", 4, "rồi ở đây")
                .record("A-1")
                .help("sửa \u{7f} \u{1f}")
                .cell("Sheet1!C12"),
            Diagnostic::new(RuleId::UnknownFile, "x").at("award.csv", None),
            Diagnostic::new(RuleId::ParseError, ""),
        ];
        let mut coverage = Coverage::default();
        let (mine, theirs) = both(&diags, &coverage);
        assert_eq!(mine, theirs);
        coverage.rules.insert(
            "ldtt-rating",
            RuleCoverage {
                unchecked: 4,
                ..Default::default()
            },
        );
        let (mine, theirs) = both(&[], &coverage);
        assert_eq!(mine, theirs);
    }

    proptest! {
        /// Any text is escaped as `serde_json` escapes it.
        #[test]
        fn a_string_is_escaped_as_serde_escapes_it(s in "(\\PC|[\u{0}-\u{1f}\"\\\\\u{7f}])*") {
            let mut buf = Vec::new();
            string(&mut buf, &s);
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }
}
