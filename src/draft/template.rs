//! The texts of each document kind, as data: one TOML file per kind in the
//! repository's `templates/` folder, embedded in the binary. An office adapts
//! the wording by putting a file of the same name in the `templates/` folder of
//! its data folder; each key it holds replaces the embedded one, the others
//! stay. Not a templating engine: named texts with `{placeholders}`.

use std::path::Path;

use toml::{Table, Value};

use crate::i18n::Lang;
use crate::tr;

/// The folder of a data folder that holds an office's own templates.
pub const FOLDER: &str = "templates";

/// The document kinds and their embedded texts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// Quyết định khen thưởng.
    Decision,
    /// Tờ trình đề nghị khen thưởng.
    Proposal,
    /// The tables of the year-end report.
    Report,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Decision, Kind::Proposal, Kind::Report];

    /// The file name, in `templates/` of the repository and of a data folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Decision => "quyet-dinh.toml",
            Kind::Proposal => "to-trinh.toml",
            Kind::Report => "bao-cao.toml",
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            Kind::Decision => include_str!("../../templates/quyet-dinh.toml"),
            Kind::Proposal => include_str!("../../templates/to-trinh.toml"),
            Kind::Report => include_str!("../../templates/bao-cao.toml"),
        }
    }
}

/// The texts of one document kind.
#[derive(Clone, Debug)]
pub struct Template {
    values: Table,
}

impl Template {
    /// The embedded texts of `kind`.
    pub fn embedded(kind: Kind) -> Template {
        let values = kind.embedded().parse::<Table>().unwrap_or_else(|e| {
            debug_assert!(false, "embedded template {}: {e}", kind.file_name());
            Table::new()
        });
        Template { values }
    }

    /// The embedded texts with the office's own file (`DATA/templates/NAME`)
    /// laid over them. Problems in that file are warnings: the document is
    /// still made, with the embedded text where the office's is unusable.
    pub fn load(kind: Kind, data: &Path, lang: Lang) -> (Template, Vec<String>) {
        let mut t = Template::embedded(kind);
        let rel = format!("{FOLDER}/{}", kind.file_name());
        let text = match std::fs::read_to_string(data.join(&rel)) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (t, Vec::new()),
            Err(e) => {
                return (
                    t,
                    vec![tr!(
                        lang,
                        "draft.template-unreadable",
                        path = rel,
                        error = e
                    )],
                )
            }
        };
        let own = match text.parse::<Table>() {
            Ok(own) => own,
            Err(e) => {
                let error = e.message().to_string();
                return (
                    t,
                    vec![tr!(
                        lang,
                        "draft.template-unreadable",
                        path = rel,
                        error = error
                    )],
                );
            }
        };
        let warnings = t.overlay(own, &rel, lang);
        (t, warnings)
    }

    /// Replaces each known key by the office's value of the same shape.
    fn overlay(&mut self, own: Table, rel: &str, lang: Lang) -> Vec<String> {
        let mut warnings = Vec::new();
        for (key, value) in own {
            let same_shape = match (self.values.get(&key), &value) {
                (Some(Value::String(_)), Value::String(_)) => true,
                (Some(Value::Array(_)), Value::Array(items)) => items.iter().all(Value::is_str),
                _ => false,
            };
            if same_shape {
                self.values.insert(key, value);
            } else if self.values.contains_key(&key) {
                warnings.push(tr!(lang, "draft.template-bad-value", path = rel, key = key));
            } else {
                warnings.push(tr!(
                    lang,
                    "draft.template-unknown-key",
                    path = rel,
                    key = key
                ));
            }
        }
        warnings
    }

    /// The text of `key` with its `{placeholders}` filled from `args`
    /// (unknown placeholders are left as written, visible to the reader).
    pub fn text(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        match self.values.get(key).and_then(Value::as_str) {
            Some(s) => crate::i18n::fill(s, args),
            None => {
                debug_assert!(false, "template key {key}");
                String::new()
            }
        }
    }

    /// The lines of the list `key`, each filled from `args`.
    pub fn lines(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> Vec<String> {
        match self.values.get(key).and_then(Value::as_array) {
            Some(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(|s| crate::i18n::fill(s, args))
                .collect(),
            None => {
                debug_assert!(false, "template list {key}");
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_parses() {
        for kind in Kind::ALL {
            let t = Template::embedded(kind);
            assert!(t.values.len() > 3, "{}", kind.file_name());
        }
    }

    #[test]
    fn an_office_file_replaces_its_keys_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(FOLDER)).unwrap();
        std::fs::write(
            dir.path().join(FOLDER).join("quyet-dinh.toml"),
            "dieu_2 = \"Lời riêng của xã.\"\nnoi_nhan_danh_sach = [\"- Lưu.\"]\ndieu_9 = \"x\"\nloai = 3\n",
        )
        .unwrap();
        let (t, warnings) = Template::load(Kind::Decision, dir.path(), Lang::En);
        assert_eq!(t.text("dieu_2", &[]), "Lời riêng của xã.");
        assert_eq!(t.lines("noi_nhan_danh_sach", &[]), ["- Lưu."]);
        assert_eq!(
            t.text("loai", &[]),
            "QUYẾT ĐỊNH",
            "a number keeps the embedded text"
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("dieu_9") && warnings[1].contains("loai"));
    }

    #[test]
    fn a_broken_office_file_is_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(FOLDER)).unwrap();
        std::fs::write(dir.path().join(FOLDER).join("to-trinh.toml"), "loai = \n").unwrap();
        let (t, warnings) = Template::load(Kind::Proposal, dir.path(), Lang::Vi);
        assert_eq!(warnings.len(), 1);
        assert_eq!(t.text("loai", &[]), "TỜ TRÌNH");
    }
}
