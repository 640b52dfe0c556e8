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

/// A message as a JSON string, rendered into one buffer reused for every
/// message of the output rather than a string made for each.
struct Text<'a>(&'a Msg, Lang);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUF.with_borrow_mut(|buf| {
            buf.clear();
            self.0.render_into(self.1, buf);
            s.serialize_str(buf)
        })
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
/// findings must not first become a million JSON trees in memory.
pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &Doc(out))?;
    writeln!(w)?;
    w.flush()
}

/// The whole object, serialized as it is written.
struct Doc<'a, 'b>(&'a CheckOutput<'b>);

impl Serialize for Doc<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let out = self.0;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("diagnostics", &Diags(out.diagnostics, out.lang))?;
        m.serialize_entry("errors", &out.errors)?;
        m.serialize_entry("warnings", &out.warnings)?;
        m.serialize_entry("unchecked", &out.coverage.unchecked())?;
        m.end()
    }
}

struct Diags<'a>(&'a [Diagnostic], Lang);

impl Serialize for Diags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|d| Finding(d, self.1)))
    }
}
