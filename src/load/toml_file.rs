//! Reads one TOML file: an array of tables named after the record in the
//! singular (`[[award]]`), with the CSV's field names and native TOML types.
//! Messages point at the line of the offending key, else of the table header.

use std::path::Path;

use toml_edit::{Document, Item, Table, Value};

use super::schema::{field_index, unknown_field, Builder, Values, MAX_FIELDS};
use super::Progress;
use crate::diag::{Diagnostic, RuleId};
use crate::model::{text, FileId, RecordType};
use crate::settings::line_of;
use crate::tr;

pub fn read(
    path: &Path,
    kind: RecordType,
    file: FileId,
    b: &mut Builder<'_>,
    progress: &mut Progress,
) {
    let rel = b.ds.file(file).path.clone();
    let lang = b.lang;
    let parse_error = |msg: String, line: Option<u32>| {
        Diagnostic::new(RuleId::ParseError, msg).at(rel.clone(), line)
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            b.diags
                .push(parse_error(tr!(lang, "load.unreadable", error = e), None));
            b.ds.unreadable.push(file);
            return;
        }
    };
    if let Some(what) = super::sniff::not_text(&bytes) {
        let help = lang.t("sniff.not-text-help");
        b.diags
            .push(parse_error(lang.t(what.key()).to_string(), None).help(help));
        b.ds.unreadable.push(file);
        return;
    }
    let size = bytes.len() as u64;
    let base = progress.done();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            b.diags.push(
                parse_error(tr!(lang, "load.not-utf8", rows = 1), None)
                    .help(lang.t("load.encoding-help")),
            );
            b.ds.unreadable.push(file);
            return;
        }
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let offset = text.len() - body.len();
    let doc = match Document::parse(body) {
        Ok(d) => d,
        Err(e) => {
            let line = e.span().map(|s| line_of(body, s.start));
            b.diags.push(parse_error(
                tr!(lang, "load.toml-syntax", error = e.message()),
                line,
            ));
            b.ds.unreadable.push(file);
            return;
        }
    };
    let _ = offset;
    let line = |span: Option<std::ops::Range<usize>>| span.map(|s| line_of(body, s.start));
    let root = doc.as_table();
    for (key, item) in root.iter() {
        let key_line = root
            .key(key)
            .and_then(|k| line(k.span()))
            .or_else(|| line(item.span()));
        if key == kind.singular() {
            match item {
                Item::ArrayOfTables(aot) => {
                    for table in aot.iter() {
                        read_table(table, body, kind, file, b);
                    }
                }
                _ => {
                    let msg = tr!(lang, "load.toml-not-array", name = kind.singular());
                    b.diags.push(parse_error(msg, key_line));
                }
            }
        } else {
            let msg = tr!(
                lang,
                "load.toml-unknown-table",
                name = key,
                expected = kind.singular()
            );
            b.diags
                .push(Diagnostic::new(RuleId::UnknownColumn, msg).at(rel.clone(), key_line));
        }
    }
    progress.at(base, size);
}

fn read_table(table: &Table, body: &str, kind: RecordType, file: FileId, b: &mut Builder<'_>) {
    let rel = b.ds.file(file).path.clone();
    let lang = b.lang;
    let header_line = table.span().map(|s| line_of(body, s.start)).unwrap_or(1);
    let mut owned: Vec<(usize, String, u32)> = Vec::new();
    let mut reported = [false; MAX_FIELDS];
    for (key, item) in table.iter() {
        let key_line = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span())
            .map(|s| line_of(body, s.start))
            .unwrap_or(header_line);
        let name = text::clean(key).to_lowercase();
        let Some(f) = field_index(kind, &name) else {
            b.diags.push(unknown_field(
                lang,
                kind,
                "load.unknown-key",
                &name,
                &rel,
                key_line,
            ));
            continue;
        };
        match item.as_value().and_then(scalar) {
            Some(s) => owned.push((f, s, key_line)),
            None => {
                let msg = tr!(lang, "load.toml-not-scalar", field = name);
                b.diags.push(
                    Diagnostic::new(RuleId::InvalidValue, msg).at(rel.clone(), Some(key_line)),
                );
                reported[f] = true;
            }
        }
    }
    let mut values: Values<'_> = [None; MAX_FIELDS];
    for (f, s, l) in &owned {
        values[*f] = Some((s.as_str(), *l));
    }
    b.build_reported(kind, file, header_line, &values, &reported);
}

/// A TOML value as the text a CSV cell would hold; `None` for arrays and tables.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.value().clone()),
        Value::Integer(i) => Some(i.value().to_string()),
        Value::Float(f) => Some(f.value().to_string()),
        Value::Boolean(x) => Some(x.value().to_string()),
        Value::Datetime(d) => Some(d.value().to_string()),
        Value::Array(_) | Value::InlineTable(_) => None,
    }
}
