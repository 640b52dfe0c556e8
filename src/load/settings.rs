//! Reads `thidua.toml` into [`Settings`]: the organisation and the data
//! window are validated here; `[rules]` and `[thresholds]` are kept as
//! written, with their lines, for the rules layer to validate
//! (`crate::rules::config`). Unknown keys are errors (a typo in a setting
//! must not pass silently); every problem is a diagnostic naming the line.

use std::path::Path;

use toml_edit::{Document, Item, Value};

use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
pub use crate::model::settings::{OrgLevel, Organisation, RawEntry, RawValue, Settings, FILE};
use crate::msg;

/// Reads `thidua.toml` from `root` if it exists. Problems are returned as
/// diagnostics; the settings keep every valid part.
pub fn read(root: &Path) -> (Settings, Vec<Diagnostic>) {
    let path = root.join(FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return (Settings::default(), Vec::new());
    }
    let guard = super::guard::Guard::new(root, super::guard::DEFAULT_MAX_FILE_MB);
    match guard.read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse(&text),
            Err(_) => (
                Settings::default(),
                vec![Diagnostic::invalid_setting(
                    None,
                    Msg::new(Key::SettingsNotUtf8),
                )],
            ),
        },
        Err(refusal) => {
            let why = super::refusal_message(&refusal);
            let msg = msg!(Key::SettingsUnreadable, error = why);
            (
                Settings::default(),
                vec![Diagnostic::invalid_setting(None, msg)],
            )
        }
    }
}

/// Parses the text of a settings file.
pub fn parse(text: &str) -> (Settings, Vec<Diagnostic>) {
    let mut s = Settings::default();
    let mut diags = Vec::new();
    let doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let line = e.span().map(|sp| line_of(text, sp.start));
            let msg = msg!(Key::SettingsSyntax, error = e.message().to_string());
            diags.push(Diagnostic::invalid_setting(line, msg));
            return (s, diags);
        }
    };
    let line = |item: &Item| item.span().map(|sp| line_of(text, sp.start));
    for (section, item) in doc.as_table().iter() {
        let Some(table) = item.as_table() else {
            let msg = msg!(Key::SettingsUnknownKey, key = section.to_string());
            diags.push(Diagnostic::invalid_setting(line(item), msg));
            continue;
        };
        for (key, value) in table.iter() {
            let at = line(value).or_else(|| line(item));
            let raw = || RawEntry {
                key: key.to_string(),
                value: raw_value(value),
                line: at,
            };
            match section {
                "rules" => s.rules.push(raw()),
                "thresholds" => s.thresholds.push(raw()),
                _ => {
                    if let Err(msg) = set(&mut s, section, key, value) {
                        diags.push(Diagnostic::invalid_setting(at, msg));
                    }
                }
            }
        }
    }
    (s, diags)
}

/// Sets one key of `[organisation]` or `[data]`; the message when it is not
/// a valid one.
fn set(s: &mut Settings, section: &str, key: &str, value: &Item) -> Result<(), Msg> {
    // Only a key that is wrong is worth naming in full.
    let full = || format!("{section}.{key}");
    match (section, key) {
        ("organisation", "name") => match str_of(value) {
            Some(v) => s.organisation.name = Some(crate::model::text::clean(v).into_owned()),
            None => return Err(msg!(Key::SettingsWantString, key = full())),
        },
        ("organisation", "province" | "place" | "parent" | "signer" | "signer-title") => {
            match str_of(value) {
                Some(v) => {
                    *s.organisation.text_mut(key) = Some(crate::model::text::clean(v).into_owned())
                }
                None => return Err(msg!(Key::SettingsWantString, key = full())),
            }
        }
        ("organisation", "level") => match str_of(value).and_then(OrgLevel::parse) {
            Some(v) => s.organisation.level = Some(v),
            None => {
                return Err(msg!(
                    Key::SettingsBadChoice,
                    key = full(),
                    choices = "xa, huyen, tinh, bo"
                ))
            }
        },
        ("data", "records-from") => match value.as_integer() {
            Some(y) if (1900..=9999).contains(&y) => s.records_from = Some(y as u16),
            _ => return Err(msg!(Key::SettingsWantYear, key = full())),
        },
        ("data", "max-file-mb") => match value.as_integer() {
            Some(mb) if mb >= 1 => s.max_file_mb = Some(mb as u64),
            _ => return Err(msg!(Key::SettingsWantNumber, key = full())),
        },
        _ => return Err(msg!(Key::SettingsUnknownKey, key = full())),
    }
    Ok(())
}

fn raw_value(item: &Item) -> RawValue {
    match item.as_value() {
        Some(Value::String(s)) => RawValue::Str(s.value().clone()),
        Some(Value::Boolean(b)) => RawValue::Bool(*b.value()),
        Some(Value::Integer(i)) => RawValue::Int(*i.value()),
        Some(Value::Float(f)) => RawValue::Float(*f.value()),
        _ => RawValue::Other,
    }
}

fn str_of(item: &Item) -> Option<&str> {
    item.as_value().and_then(Value::as_str)
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// The offsets where the lines of a text start, so that the line of any
/// offset is a binary search: a TOML file with 20,000 records must not count
/// its lines from the top for every key.
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> LineStarts {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineStarts(starts)
    }

    /// The 1-based line of byte `offset`, as [`line_of`] counts it.
    pub fn line(&self, offset: usize) -> u32 {
        self.0.partition_point(|&s| s <= offset) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_section() {
        let text = "[organisation]\nname = \"UBND huyện An Biên\"\nlevel = \"huyen\"\n[data]\nrecords-from = 2016\n[rules]\nrequire-evidence = true\n";
        let (s, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.organisation.name.as_deref(), Some("UBND huyện An Biên"));
        assert_eq!(s.organisation.level, Some(OrgLevel::Huyen));
        assert_eq!(s.records_from, Some(2016));
        let raw = RawEntry {
            key: "require-evidence".into(),
            value: RawValue::Bool(true),
            line: Some(7),
        };
        assert_eq!(s.rules, vec![raw]);
    }

    #[test]
    fn reads_the_signature_keys_of_organisation() {
        let text = "[organisation]\nplace = \"An Biên\"\nparent = \"UBND TỈNH KIÊN GIANG\"\nsigner = \"Nguyễn Văn A\"\nsigner-title = \"CHỦ TỊCH\"\n";
        let (s, d) = parse(text);
        assert!(d.is_empty(), "{d:?}");
        let o = &s.organisation;
        assert_eq!(o.place.as_deref(), Some("An Biên"));
        assert_eq!(o.parent.as_deref(), Some("UBND TỈNH KIÊN GIANG"));
        assert_eq!(o.signer.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(o.signer_title.as_deref(), Some("CHỦ TỊCH"));
        let (_, d) = parse("[organisation]\nsigner = 3\n");
        assert_eq!(d.len(), 1, "a number is not a name");
    }

    #[test]
    fn unknown_keys_are_errors_with_lines() {
        let text = "[organisation]\nname = \"x\"\nnmae = \"y\"\n[colours]\nred = 1\n";
        let (_, d) = parse(text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].line, Some(3));
        assert!(d
            .iter()
            .all(|d| d.rule == crate::diag::RuleId::InvalidSetting
                && d.severity == crate::diag::Severity::Error));
    }

    #[test]
    fn line_starts_agree_with_counting() {
        let text = "a\nbc\n\nd";
        let lines = LineStarts::new(text);
        for i in 0..=text.len() + 2 {
            assert_eq!(lines.line(i), line_of(text, i), "{i}");
        }
    }

    #[test]
    fn syntax_error_names_line() {
        let (_, d) = parse("[organisation]\nname = \n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(2));
    }
}
