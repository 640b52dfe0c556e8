//! The rules' configuration, built from the raw `[rules]` and `[thresholds]`
//! of `thidua.toml` ([`Settings`]): per-rule levels, rule options and the
//! law's thresholds, each checked against the registry. Entries that do not
//! fit become `invalid-setting` findings and are left out.

use std::collections::{BTreeMap, HashMap};

use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Key, Msg};
use crate::model::settings::{RawEntry, Settings};
use crate::msg;

/// What the rules read from the settings.
#[derive(Clone, Debug, Default)]
pub struct RuleConfig {
    /// Awards before this year are not on file (`[data] records-from`).
    pub records_from: Option<u16>,
    /// Per-rule levels from `[rules]`.
    pub levels: HashMap<RuleId, Level>,
    /// `[rules] require-evidence`.
    pub require_evidence: bool,
    /// Other `[rules]` options with string values (e.g. `cstdcs-ratio-scope`).
    pub options: BTreeMap<String, String>,
    /// `[thresholds]`, by name; absent ones take the law's default.
    pub thresholds: BTreeMap<String, f64>,
}

impl RuleConfig {
    /// The value of threshold `name`: the configured one, else the default
    /// registered in [`super::THRESHOLDS`].
    pub fn threshold(&self, name: &str) -> f64 {
        if let Some(v) = self.thresholds.get(name) {
            return *v;
        }
        super::threshold_default(name).unwrap_or_else(|| {
            debug_assert!(false, "unregistered threshold {name}");
            0.0
        })
    }
}

/// Validates the raw `[rules]` and `[thresholds]` of `settings` into the
/// rules' configuration, with an `invalid-setting` finding for each entry
/// left out.
pub fn configure(settings: &Settings) -> (RuleConfig, Vec<Diagnostic>) {
    let mut config = RuleConfig {
        records_from: settings.records_from,
        ..RuleConfig::default()
    };
    let mut diags = Vec::new();
    for entry in &settings.rules {
        if let Err(msg) = rule_entry(&mut config, entry) {
            diags.push(Diagnostic::invalid_setting(entry.line, msg));
        }
    }
    for entry in &settings.thresholds {
        if let Err(msg) = threshold_entry(&mut config, entry) {
            diags.push(Diagnostic::invalid_setting(entry.line, msg));
        }
    }
    (config, diags)
}

/// One `[rules]` entry: `require-evidence`, a rule option or a rule's level.
fn rule_entry(config: &mut RuleConfig, entry: &RawEntry) -> Result<(), Msg> {
    let key = entry.key.as_str();
    let full = || format!("rules.{key}");
    if key == "require-evidence" {
        config.require_evidence = entry
            .value
            .as_bool()
            .ok_or_else(|| msg!(Key::SettingsWantBool, key = full()))?;
        return Ok(());
    }
    if let Some(choices) = super::rule_option(key) {
        return match entry.value.as_str() {
            Some(v) if choices.contains(&v) => {
                config.options.insert(key.to_string(), v.to_string());
                Ok(())
            }
            _ => Err(msg!(
                Key::SettingsBadChoice,
                key = full(),
                choices = Arg::list(Key::ListComma, choices.iter().copied())
            )),
        };
    }
    let Some(id) = RuleId::parse(key) else {
        let ids = RuleId::ALL.iter().map(|r| r.as_str());
        let near = crate::model::text::nearest(key, ids).unwrap_or("");
        return Err(msg!(
            Key::SettingsUnknownRule,
            key = key.to_string(),
            suggestion = near
        ));
    };
    match entry.value.as_str().and_then(Level::parse) {
        Some(level) => {
            config.levels.insert(id, level);
            Ok(())
        }
        None => Err(msg!(
            Key::SettingsBadChoice,
            key = full(),
            choices = "error, warning, off"
        )),
    }
}

/// One `[thresholds]` entry: a known threshold with a non-negative number.
fn threshold_entry(config: &mut RuleConfig, entry: &RawEntry) -> Result<(), Msg> {
    let key = entry.key.as_str();
    if super::threshold_default(key).is_none() {
        let names = super::thresholds().iter().map(|t| t.name);
        let near = crate::model::text::nearest(key, names).unwrap_or("");
        return Err(msg!(
            Key::SettingsUnknownThreshold,
            key = key.to_string(),
            suggestion = near
        ));
    }
    match entry.value.as_number() {
        Some(n) if n.is_finite() && n >= 0.0 => {
            config.thresholds.insert(key.to_string(), n);
            Ok(())
        }
        _ => Err(msg!(
            Key::SettingsWantNumber,
            key = format!("thresholds.{key}")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::settings::RawValue;

    fn entry(key: &str, value: RawValue) -> RawEntry {
        RawEntry {
            key: key.into(),
            value,
            line: Some(4),
        }
    }

    #[test]
    fn valid_entries_configure_the_rules() {
        let settings = Settings {
            records_from: Some(2016),
            rules: vec![
                entry("require-evidence", RawValue::Bool(true)),
                entry("cstdcs-ratio-scope", RawValue::Str("unit".into())),
                entry("duplicate-id", RawValue::Str("warning".into())),
            ],
            thresholds: vec![entry("cstdcs-ratio-percent", RawValue::Int(10))],
            ..Settings::default()
        };
        let (c, d) = configure(&settings);
        assert!(d.is_empty(), "{d:?}");
        assert!(c.require_evidence);
        assert_eq!(c.records_from, Some(2016));
        assert_eq!(c.options["cstdcs-ratio-scope"], "unit");
        assert_eq!(c.levels[&RuleId::DuplicateId], Level::Warning);
        assert_eq!(c.threshold("cstdcs-ratio-percent"), 10.0);
        assert_eq!(c.threshold("ttldtt-min-percent"), 70.0);
    }

    #[test]
    fn invalid_entries_are_findings_at_their_line() {
        let settings = Settings {
            rules: vec![
                entry("duplicate-idd", RawValue::Str("off".into())),
                entry("require-evidence", RawValue::Str("yes".into())),
            ],
            thresholds: vec![entry("cstdcs-ratio-percent", RawValue::Float(-1.0))],
            ..Settings::default()
        };
        let (c, d) = configure(&settings);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d
            .iter()
            .all(|d| d.rule == RuleId::InvalidSetting && d.line == Some(4)));
        let text = d[0].message.render(Lang::En);
        assert!(text.contains("`duplicate-id`"), "{text}");
        assert!(c.levels.is_empty() && c.thresholds.is_empty() && !c.require_evidence);
    }
}
