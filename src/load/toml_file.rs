//! Reads one TOML file: an array of tables named after the record in the
//! singular (`[[award]]`), with the CSV's field names and native TOML types.
//! Messages point at the line of the offending key, else of the table header.

use std::path::Path;

use toml_edit::{Document, Item, Table, Value};

use super::guard::Guard;
use super::schema::{field_index, unknown_field, Builder, Values, MAX_FIELDS};
use super::settings::{line_of, LineStarts};
use super::Progress;
use crate::diag::{Diagnostic, RuleId};
use crate::i18n::{Key, Msg};
use crate::model::{text, FileId, RecordType};
use crate::msg;

/// Reads the TOML file at `path` into `b`; `false` when the file was left
/// out whole (a finding says why).
pub fn read(
    path: &Path,
    guard: &Guard,
    kind: RecordType,
    file: FileId,
    b: &mut Builder<'_>,
    progress: &mut Progress,
) -> bool {
    let rel = b.ds.file(file).path.clone();
    let parse_error = |msg: Msg, line: Option<u32>| {
        Diagnostic::new(RuleId::ParseError, msg).at(rel.clone(), line)
    };
    let bytes = match guard.read(path) {
        Ok(b) => b,
        Err(refusal) => {
            let msg = super::refusal_message(&refusal);
            b.diags.push(parse_error(msg, None));
            b.ds.unreadable.push(file);
            return false;
        }
    };
    if let Some(what) = super::sniff::not_text(&bytes) {
        let help = Key::SniffNotTextHelp;
        b.diags
            .push(parse_error(Msg::new(what.key()), None).help(help));
        b.ds.unreadable.push(file);
        return false;
    }
    let size = bytes.len() as u64;
    let base = progress.done();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            b.diags.push(
                parse_error(msg!(Key::LoadNotUtf8, rows = 1), None).help(Key::LoadEncodingHelp),
            );
            b.ds.unreadable.push(file);
            return false;
        }
    };
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let offset = text.len() - body.len();
    let doc = match Document::parse(body) {
        Ok(d) => d,
        Err(e) => {
            let line = e.span().map(|s| line_of(body, s.start));
            let msg = msg!(Key::LoadTomlSyntax, error = e.message().to_string());
            b.diags.push(parse_error(msg, line));
            b.ds.unreadable.push(file);
            return false;
        }
    };
    let _ = offset;
    let lines = LineStarts::new(body);
    let line = |span: Option<std::ops::Range<usize>>| span.map(|s| lines.line(s.start));
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
                        read_table(table, &lines, kind, file, b);
                    }
                }
                _ => {
                    let msg = msg!(Key::LoadTomlNotArray, name = kind.singular());
                    b.diags.push(parse_error(msg, key_line));
                }
            }
        } else {
            let msg = msg!(
                Key::LoadTomlUnknownTable,
                name = key.to_string(),
                expected = kind.singular()
            );
            b.diags
                .push(Diagnostic::new(RuleId::UnknownColumn, msg).at(rel.clone(), key_line));
        }
    }
    progress.at(base, size);
    true
}

fn read_table(
    table: &Table,
    lines: &LineStarts,
    kind: RecordType,
    file: FileId,
    b: &mut Builder<'_>,
) {
    let rel = b.ds.file(file).path.clone();
    let header_line = table.span().map(|s| lines.line(s.start)).unwrap_or(1);
    let mut owned: Vec<(usize, String, u32)> = Vec::new();
    let mut reported = [false; MAX_FIELDS];
    for (key, item) in table.iter() {
        let key_line = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span())
            .map(|s| lines.line(s.start))
            .unwrap_or(header_line);
        let name = text::clean(key).to_lowercase();
        let Some(f) = field_index(kind, &name) else {
            b.diags.push(unknown_field(
                kind,
                Key::LoadUnknownKey,
                &name,
                &rel,
                key_line,
            ));
            continue;
        };
        match item.as_value().and_then(scalar) {
            Some(s) => owned.push((f, s, key_line)),
            None => {
                let msg = msg!(Key::LoadTomlNotScalar, field = name);
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
