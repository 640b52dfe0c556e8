//! The rules: the data format's structural rules (`structural`) and the law's
//! rules (one file per family, added by the law module), behind one registry
//! that `thidua rules`, `thidua explain`, the settings and the docs read.

pub mod structural;

use crate::diag::RuleInfo;

/// Every rule the tool knows, structural first.
pub fn registry() -> &'static [&'static RuleInfo] {
    static ALL: std::sync::OnceLock<Vec<&'static RuleInfo>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| structural::RULES.iter().chain(law_rules()).collect())
}

/// The law's rules (none yet: the law module registers them here).
fn law_rules() -> impl Iterator<Item = &'static RuleInfo> {
    std::iter::empty()
}

/// The registry entry of `id`.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    registry().iter().copied().find(|r| r.id == id)
}

/// A figure of the law that a province's regulation may change
/// (`[thresholds]` in `thidua.toml`).
#[derive(Debug)]
pub struct Threshold {
    pub name: &'static str,
    /// The law's value.
    pub default: f64,
    /// What it is, and the window it belongs to.
    pub summary: crate::diag::Bilingual,
}

/// Every threshold (filled by the law module).
pub const THRESHOLDS: &[Threshold] = &[];

/// The default of threshold `name`, if there is such a threshold.
pub fn threshold_default(name: &str) -> Option<f64> {
    THRESHOLDS.iter().find(|t| t.name == name).map(|t| t.default)
}

/// `[rules]` keys that take a string choice rather than a level, with their
/// allowed values.
pub fn rule_option(key: &str) -> Option<&'static [&'static str]> {
    match key {
        "cstdcs-ratio-scope" => Some(&["folder", "unit"]),
        _ => None,
    }
}

/// How many records each law rule could judge, and how many it could not for
/// want of evidence (`thidua check`'s coverage summary).
#[derive(Debug, Default, Clone)]
pub struct Coverage {
    pub rules: std::collections::BTreeMap<&'static str, RuleCoverage>,
}

/// One rule's coverage.
#[derive(Debug, Default, Clone)]
pub struct RuleCoverage {
    pub checked: usize,
    pub unchecked: usize,
    /// Why records went unchecked, with counts (e.g. "no evaluation for 2016").
    pub reasons: std::collections::BTreeMap<String, usize>,
}

impl Coverage {
    /// The unchecked counts by rule, for JSON output.
    pub fn unchecked(&self) -> std::collections::BTreeMap<&'static str, usize> {
        self.rules.iter().filter(|(_, c)| c.unchecked > 0).map(|(id, c)| (*id, c.unchecked)).collect()
    }
}
