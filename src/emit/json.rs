//! `--format json`: exactly the object of the data format §6, plus
//! `unchecked` (rules without the evidence they need) and each
//! diagnostic's optional `help`, `cell` and `related`.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Map, Value};

use super::CheckOutput;
use crate::diag::Diagnostic;

/// One diagnostic as a JSON object.
pub fn diagnostic(d: &Diagnostic) -> Value {
    let mut m = Map::new();
    m.insert("rule".into(), json!(d.rule));
    m.insert("severity".into(), json!(d.severity.as_str()));
    m.insert("file".into(), json!(d.file));
    m.insert("line".into(), json!(d.line));
    m.insert("record".into(), json!(d.record));
    m.insert("message".into(), json!(d.message));
    m.insert("citation".into(), json!(d.citation));
    if let Some(h) = &d.help {
        m.insert("help".into(), json!(h));
    }
    if let Some(c) = &d.cell {
        m.insert("cell".into(), json!(c));
    }
    if !d.related.is_empty() {
        let rel: Vec<Value> = d
            .related
            .iter()
            .map(|r| json!({"file": r.file, "line": r.line, "note": r.note}))
            .collect();
        m.insert("related".into(), Value::Array(rel));
    }
    Value::Object(m)
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
        m.serialize_entry("diagnostics", &Diags(out.diagnostics))?;
        m.serialize_entry("errors", &out.errors)?;
        m.serialize_entry("warnings", &out.warnings)?;
        m.serialize_entry("unchecked", &out.coverage.unchecked())?;
        m.end()
    }
}

struct Diags<'a>(&'a [Diagnostic]);

impl Serialize for Diags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(diagnostic))
    }
}
