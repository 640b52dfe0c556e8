//! User-facing text in Vietnamese (default) and English, from one catalogue.
//!
//! Every message is an entry with a stable key and both languages; `{name}`
//! placeholders are filled by [`tr!`]. The catalogue is split by area
//! (`core`, `check`, `rules`, `report`, `import`) only so that each part of the
//! code keeps its words beside it; lookup goes through one table, and a test
//! checks that every entry has both languages with the same placeholders.

mod check;
mod cli;
mod core;
mod draft;
mod eligible;
mod excel;
mod import;
mod msg;
mod report;
mod rules;

pub(crate) use msg::push_year;
pub use msg::{Arg, Key, Msg};

use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::sync::OnceLock;

/// The language of messages and labels.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// `vi` / `en` from an environment value; anything else is `None`.
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi_vn" | "vi-vn" => Some(Lang::Vi),
            "en" | "en_us" | "en-us" | "en_gb" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text of `key` in this language, the key itself when it is missing
    /// (a programming slip the catalogue test catches, never a panic).
    pub fn t(self, key: &str) -> &'static str {
        match table().get(key) {
            Some(e) => match self {
                Lang::Vi => e.vi,
                Lang::En => e.en,
            },
            None => {
                debug_assert!(false, "missing message key {key}");
                "?"
            }
        }
    }

    /// The text of `key`, or `None` when the catalogue has no such entry (for
    /// keys built from the command tree, which a test holds complete).
    pub fn get(self, key: &str) -> Option<&'static str> {
        table().get(key).map(|e| match self {
            Lang::Vi => e.vi,
            Lang::En => e.en,
        })
    }

    /// The text of `key` with `{name}` placeholders filled from `args`.
    pub fn fmt(self, key: &str, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(key), args)
    }

    /// Picks one of two literal texts; for labels that live in code tables.
    pub fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// One message in both languages.
#[derive(Debug)]
pub struct Entry {
    pub key: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
}

/// Shorthand for catalogue entries: `e("key", "vi", "en")`.
pub const fn e(key: &'static str, vi: &'static str, en: &'static str) -> Entry {
    Entry { key, vi, en }
}

/// Every part of the catalogue.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    core::ENTRIES
        .iter()
        .chain(check::ENTRIES)
        .chain(rules::ENTRIES)
        .chain(report::ENTRIES)
        .chain(import::ENTRIES)
        .chain(draft::ENTRIES)
        .chain(eligible::ENTRIES)
        .chain(excel::ENTRIES)
        .chain(cli::ENTRIES)
}

fn table() -> &'static HashMap<&'static str, &'static Entry> {
    static TABLE: OnceLock<HashMap<&'static str, &'static Entry>> = OnceLock::new();
    TABLE.get_or_init(|| entries().map(|e| (e.key, e)).collect())
}

/// Replaces each `{name}` in `template` by its argument.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => {
                        let _ = write!(out, "{v}");
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `tr!(lang, "key", name = value, …)`: the message `key` in `lang` with its
/// placeholders filled.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $lang.fmt($key, &[$((stringify!($name), &$val as &dyn std::fmt::Display)),*])
    };
}

/// The placeholders of a template, sorted, for the catalogue test.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_entry_is_complete_and_unique() {
        let mut seen = HashSet::new();
        for e in entries() {
            assert!(seen.insert(e.key), "duplicate message key {}", e.key);
            assert!(
                !e.vi.trim().is_empty() && !e.en.trim().is_empty(),
                "empty text for {}",
                e.key
            );
            assert_eq!(
                placeholders(e.vi),
                placeholders(e.en),
                "placeholders differ for {}",
                e.key
            );
        }
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill("a {x} b {y} {z}", &[("x", &1), ("y", &"two")]),
            "a 1 b two {z}"
        );
    }
}
