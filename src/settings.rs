//! `thidua.toml`: the organisation, the data window, per-rule levels and the
//! law's thresholds. Unknown keys are errors (a typo in a setting must not
//! pass silently); every problem is a diagnostic naming the line.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use toml_edit::{Document, Item, Value};

use crate::diag::{Diagnostic, Level, Severity};
use crate::i18n::Lang;
use crate::rules;
use crate::tr;

/// The file name of the settings in a data folder.
pub const FILE: &str = "thidua.toml";

/// Level of the organisation keeping the records.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OrgLevel {
    Xa,
    Huyen,
    Tinh,
    Bo,
}

impl OrgLevel {
    fn parse(s: &str) -> Option<OrgLevel> {
        match s.trim() {
            "xa" => Some(OrgLevel::Xa),
            "huyen" => Some(OrgLevel::Huyen),
            "tinh" => Some(OrgLevel::Tinh),
            "bo" => Some(OrgLevel::Bo),
            _ => None,
        }
    }
}

/// `[organisation]`.
#[derive(Clone, Debug, Default)]
pub struct Organisation {
    pub name: Option<String>,
    pub level: Option<OrgLevel>,
    pub province: Option<String>,
    /// `place`: the place name of the date line (địa danh), e.g. "An Biên".
    pub place: Option<String>,
    /// `parent`: the governing body printed above the name (cơ quan chủ quản).
    pub parent: Option<String>,
    /// `signer`: the name in the signature block of drafted documents.
    pub signer: Option<String>,
    /// `signer-title`: the signer's title, e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".
    pub signer_title: Option<String>,
}

impl Organisation {
    /// The text setting named `key` (one of the string keys of `[organisation]`).
    fn text_mut(&mut self, key: &str) -> &mut Option<String> {
        match key {
            "place" => &mut self.place,
            "parent" => &mut self.parent,
            "signer" => &mut self.signer,
            "signer-title" => &mut self.signer_title,
            _ => &mut self.province,
        }
    }
}

/// The validated content of `thidua.toml` (defaults when there is none).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub organisation: Organisation,
    /// Awards before this year are not on file (`[data] records-from`).
    pub records_from: Option<u16>,
    /// Per-rule levels from `[rules]`.
    pub levels: HashMap<String, Level>,
    /// `[rules] require-evidence`.
    pub require_evidence: bool,
    /// Other `[rules]` options with string values (e.g. `cstdcs-ratio-scope`).
    pub options: BTreeMap<String, String>,
    /// `[thresholds]`, by name; absent ones take the law's default.
    pub thresholds: BTreeMap<String, f64>,
}

impl Settings {
    /// The value of threshold `name`: the configured one, else the default
    /// registered in `crate::rules::THRESHOLDS`.
    pub fn threshold(&self, name: &str) -> f64 {
        if let Some(v) = self.thresholds.get(name) {
            return *v;
        }
        rules::threshold_default(name).unwrap_or_else(|| {
            debug_assert!(false, "unregistered threshold {name}");
            0.0
        })
    }

    /// Reads `thidua.toml` from `root` if it exists. Problems are returned as
    /// diagnostics; the settings keep every valid part.
    pub fn load(root: &Path, lang: Lang) -> (Settings, Vec<Diagnostic>) {
        let path = root.join(FILE);
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Settings::parse(&text, lang),
                Err(_) => (
                    Settings::default(),
                    vec![setting_error(lang, None, tr!(lang, "settings.not-utf8"))],
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Settings::default(), Vec::new()),
            Err(e) => (
                Settings::default(),
                vec![setting_error(
                    lang,
                    None,
                    tr!(lang, "settings.unreadable", error = e),
                )],
            ),
        }
    }

    /// Parses the text of a settings file.
    pub fn parse(text: &str, lang: Lang) -> (Settings, Vec<Diagnostic>) {
        let mut s = Settings::default();
        let mut diags = Vec::new();
        let doc = match Document::parse(text) {
            Ok(doc) => doc,
            Err(e) => {
                let line = e.span().map(|sp| line_of(text, sp.start));
                diags.push(setting_error(
                    lang,
                    line,
                    tr!(lang, "settings.syntax", error = e.message()),
                ));
                return (s, diags);
            }
        };
        let line = |item: &Item| item.span().map(|sp| line_of(text, sp.start));
        for (section, item) in doc.as_table().iter() {
            let Some(table) = item.as_table() else {
                diags.push(setting_error(
                    lang,
                    line(item),
                    tr!(lang, "settings.unknown-key", key = section),
                ));
                continue;
            };
            for (key, value) in table.iter() {
                let at = line(value).or_else(|| line(item));
                let mut bad = |msg: String| diags.push(setting_error(lang, at, msg));
                let full = format!("{section}.{key}");
                match (section, key) {
                    ("organisation", "name") => match str_of(value) {
                        Some(v) => {
                            s.organisation.name = Some(crate::model::text::clean(v).into_owned())
                        }
                        None => bad(tr!(lang, "settings.want-string", key = full)),
                    },
                    (
                        "organisation",
                        "province" | "place" | "parent" | "signer" | "signer-title",
                    ) => match str_of(value) {
                        Some(v) => {
                            *s.organisation.text_mut(key) =
                                Some(crate::model::text::clean(v).into_owned())
                        }
                        None => bad(tr!(lang, "settings.want-string", key = full)),
                    },
                    ("organisation", "level") => match str_of(value).and_then(OrgLevel::parse) {
                        Some(v) => s.organisation.level = Some(v),
                        None => bad(tr!(
                            lang,
                            "settings.bad-choice",
                            key = full,
                            choices = "xa, huyen, tinh, bo"
                        )),
                    },
                    ("data", "records-from") => match value.as_integer() {
                        Some(y) if (1900..=9999).contains(&y) => s.records_from = Some(y as u16),
                        _ => bad(tr!(lang, "settings.want-year", key = full)),
                    },
                    ("rules", "require-evidence") => match value.as_bool() {
                        Some(b) => s.require_evidence = b,
                        None => bad(tr!(lang, "settings.want-bool", key = full)),
                    },
                    ("rules", key) if rules::rule_option(key).is_some() => {
                        let choices = rules::rule_option(key).unwrap_or(&[]);
                        match str_of(value) {
                            Some(v) if choices.contains(&v) => {
                                s.options.insert(key.to_string(), v.to_string());
                            }
                            _ => bad(tr!(
                                lang,
                                "settings.bad-choice",
                                key = full,
                                choices = choices.join(", ")
                            )),
                        }
                    }
                    ("rules", key) => {
                        if rules::find(key).is_none() {
                            let ids = rules::registry().iter().map(|r| r.id);
                            let near = crate::model::text::nearest(key, ids).unwrap_or("");
                            bad(tr!(
                                lang,
                                "settings.unknown-rule",
                                key = key,
                                suggestion = near
                            ));
                            continue;
                        }
                        match str_of(value).and_then(Level::parse) {
                            Some(level) => {
                                s.levels.insert(key.to_string(), level);
                            }
                            None => bad(tr!(
                                lang,
                                "settings.bad-choice",
                                key = full,
                                choices = "error, warning, off"
                            )),
                        }
                    }
                    ("thresholds", key) => {
                        if rules::threshold_default(key).is_none() {
                            let names = rules::THRESHOLDS.iter().map(|t| t.name);
                            let near = crate::model::text::nearest(key, names).unwrap_or("");
                            bad(tr!(
                                lang,
                                "settings.unknown-threshold",
                                key = key,
                                suggestion = near
                            ));
                            continue;
                        }
                        let num = value
                            .as_float()
                            .or_else(|| value.as_integer().map(|i| i as f64));
                        match num {
                            Some(n) if n.is_finite() && n >= 0.0 => {
                                s.thresholds.insert(key.to_string(), n);
                            }
                            _ => bad(tr!(lang, "settings.want-number", key = full)),
                        }
                    }
                    _ => bad(tr!(lang, "settings.unknown-key", key = full)),
                }
            }
        }
        (s, diags)
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

fn setting_error(lang: Lang, line: Option<u32>, message: String) -> Diagnostic {
    Diagnostic::new("invalid-setting", Severity::Error, message)
        .at(FILE, line)
        .help(tr!(lang, "settings.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_section() {
        let text = "[organisation]\nname = \"UBND huyện An Biên\"\nlevel = \"huyen\"\n[data]\nrecords-from = 2016\n[rules]\nrequire-evidence = true\n";
        let (s, d) = Settings::parse(text, Lang::En);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.organisation.name.as_deref(), Some("UBND huyện An Biên"));
        assert_eq!(s.organisation.level, Some(OrgLevel::Huyen));
        assert_eq!(s.records_from, Some(2016));
        assert!(s.require_evidence);
    }

    #[test]
    fn reads_the_signature_keys_of_organisation() {
        let text = "[organisation]\nplace = \"An Biên\"\nparent = \"UBND TỈNH KIÊN GIANG\"\nsigner = \"Nguyễn Văn A\"\nsigner-title = \"CHỦ TỊCH\"\n";
        let (s, d) = Settings::parse(text, Lang::Vi);
        assert!(d.is_empty(), "{d:?}");
        let o = &s.organisation;
        assert_eq!(o.place.as_deref(), Some("An Biên"));
        assert_eq!(o.parent.as_deref(), Some("UBND TỈNH KIÊN GIANG"));
        assert_eq!(o.signer.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(o.signer_title.as_deref(), Some("CHỦ TỊCH"));
        let (_, d) = Settings::parse("[organisation]\nsigner = 3\n", Lang::En);
        assert_eq!(d.len(), 1, "a number is not a name");
    }

    #[test]
    fn unknown_keys_are_errors_with_lines() {
        let text = "[organisation]\nname = \"x\"\nnmae = \"y\"\n[colours]\nred = 1\n";
        let (_, d) = Settings::parse(text, Lang::En);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].line, Some(3));
        assert!(d
            .iter()
            .all(|d| d.rule == "invalid-setting" && d.severity == Severity::Error));
    }

    #[test]
    fn syntax_error_names_line() {
        let (_, d) = Settings::parse("[organisation]\nname = \n", Lang::Vi);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(2));
    }
}
