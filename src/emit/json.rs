//! `--format json`: exactly the object of the data format §6, plus
//! `unchecked` (rules without the evidence they need) and each
//! diagnostic's optional `help`, `cell` and `related`.

use std::io::{self, Write};

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

pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let diags: Vec<Value> = out.diagnostics.iter().map(diagnostic).collect();
    let doc = json!({
        "diagnostics": diags,
        "errors": out.errors,
        "warnings": out.warnings,
        "unchecked": out.coverage.unchecked(),
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
