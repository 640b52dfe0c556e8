//! The rules: the data format's structural rules (`structural`) and the law's
//! rules (one file per family), behind one registry that `thidua rules`,
//! `thidua explain`, the settings and the docs read. The law's tables —
//! windows, levels, citations, thresholds, the authority matrix — are data in
//! `law/*.toml`, read by `tables`; the judgement is the code here.

pub mod authority;
pub mod awards;
pub mod chains;
pub mod config;
pub mod docs;
pub mod evidence;
pub mod findings;
pub mod ids;
mod index;
pub mod law;
pub mod structural;
pub mod tables;
pub mod windows;

use crate::diag::{Bilingual, Diagnostics, Level, RuleId, RuleInfo};
use crate::i18n::Msg;
use crate::model::{Dataset, Date};

pub use ids::{PerWindow, ThresholdId, Variant, WindowId};
pub use index::{Base as IndexBase, Scope, Source};
pub use tables::{law as law_tables, CitePart};

pub use windows::legal_bases;

/// Every rule the tool knows, in `RuleId::ALL` order (structural first).
pub fn registry() -> &'static [&'static RuleInfo] {
    static ALL: std::sync::OnceLock<Vec<&'static RuleInfo>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        structural::RULES
            .iter()
            .chain(law_table().map(|r| &r.info))
            .collect()
    })
}

/// Every law rule with its per-window data, in registry order.
pub fn law_table() -> impl Iterator<Item = &'static LawRule> {
    tables::law().rules.iter()
}

/// The law rule `id` with its per-window data.
pub fn find_law(id: RuleId) -> Option<&'static LawRule> {
    tables::law().rule(id)
}

/// A law rule: its registry entry, and how it applies in each regime window
/// (`law/rules.toml`). Every window has a slot, so a rule cannot be read
/// without its citation, explanation and windows.
#[derive(Debug)]
pub struct LawRule {
    /// `info.default` is the level in the newest window where it applies;
    /// `info.citation` the parts cited across windows (derived from them).
    pub info: RuleInfo,
    /// `None` where the rule does not apply at all.
    pub windows: PerWindow<Option<Applies>>,
}

/// How a law rule applies in one window.
#[derive(Debug, Clone, Copy)]
pub struct Applies {
    /// `Off`: only an explicit `[rules]` level turns it on there.
    pub level: Level,
    /// The legal basis cited by findings in this window, rendered from `cite`.
    pub citation: &'static str,
    /// A first day inside the window, when the text took effect later than
    /// the window began (TT 08/2017 on 2017-12-15).
    pub since: Option<Date>,
    /// The citation's parts.
    pub cite: &'static [CitePart],
    /// Parts of the rule with a level of their own in this window.
    pub variants: &'static [(Variant, Level)],
}

impl Applies {
    /// The level of part `v` of the rule here, if it has one of its own.
    pub fn variant(&self, v: Variant) -> Option<Level> {
        self.variants.iter().find(|(x, _)| *x == v).map(|(_, l)| *l)
    }
}

/// Runs the law's rules over the records without structural errors.
/// Findings go to `sink` (which applies `[rules]` levels) as
/// [`crate::diag::Diagnostic`]s, in the order they are made; the result says
/// how many records each rule could judge. Findings and reasons are
/// messages as data, rendered in a language only when written out.
pub fn check_law(ds: &Dataset, settings: &config::RuleConfig, sink: &mut Diagnostics) -> Coverage {
    let mut law = findings::LawFindings::with_overrides(sink.overrides().clone());
    let coverage = check_law_in(ds, settings, Scope::All, &mut law);
    sink.extend(law.diagnostics(ds));
    coverage
}

/// The law's rules over the claims `scope` selects; every record still
/// counts as evidence. `report` judges only the years it reports, `eligible`
/// only its candidates.
pub fn check_law_in(
    ds: &Dataset,
    settings: &config::RuleConfig,
    scope: Scope<'_>,
    sink: &mut findings::LawFindings,
) -> Coverage {
    let ix = index::Index::build(ds, settings, scope);
    let mut judge = evidence::Judge::new(&ix, settings, evidence::Sink::Findings(sink));
    law::run(&mut judge);
    judge.finish()
}

/// The law's rules over the claims `scope` selects, keeping only which
/// failed which rule (`eligible`); the coverage lists the pending proposals
/// some rule could not judge, without counting reasons. `base`: what the
/// last call made of the same dataset, whose proposals alone have changed
/// since (`eligible`'s rounds), used and left for the next.
pub fn judge_claims(
    ds: &Dataset,
    settings: &config::RuleConfig,
    scope: Scope<'_>,
    failures: &mut evidence::Failures,
    base: &mut Option<IndexBase>,
) -> Coverage {
    let ix = index::Index::build_on(ds, settings, scope, base.take());
    let mut judge = evidence::Judge::new(&ix, settings, evidence::Sink::Failures(failures));
    law::run(&mut judge);
    let coverage = judge.finish();
    *base = Some(ix.into_base());
    coverage
}

/// The registry entry of `id`.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    registry().iter().copied().find(|r| r.id.as_str() == id)
}

/// A figure of the law that a province's regulation may change
/// (`[thresholds]` in `thidua.toml`; `law/thresholds.toml`).
#[derive(Debug)]
pub struct Threshold {
    pub id: ThresholdId,
    /// `id` as written in `thidua.toml`.
    pub name: &'static str,
    /// The law's value.
    pub default: f64,
    /// The windows it belongs to.
    pub windows: Vec<WindowId>,
    /// What it is, and the window it belongs to.
    pub summary: Bilingual,
}

/// Every threshold, in `ThresholdId::ALL` order.
pub fn thresholds() -> &'static [Threshold] {
    &tables::law().thresholds
}

/// The default of threshold `name`, if there is such a threshold.
pub fn threshold_default(name: &str) -> Option<f64> {
    thresholds()
        .iter()
        .find(|t| t.name == name)
        .map(|t| t.default)
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
    /// The pending proposals some rule could not judge, one entry per rule.
    pub pending: Vec<Unchecked>,
}

/// A pending proposal a rule could not judge, and why.
#[derive(Debug, Clone)]
pub struct Unchecked {
    /// The proposal, as four bytes (`index::pack`; [`Unchecked::source`]):
    /// a province's candidates lack a million things.
    pub(crate) claim: u32,
    pub rule: RuleId,
    /// The evidence missing ("no evaluation for 2016"), shared by every
    /// proposal lacking the same.
    pub reason: std::sync::Arc<Msg>,
}

impl Unchecked {
    /// The proposal.
    pub fn source(&self) -> Source {
        index::source(self.claim)
    }
}

/// One rule's coverage.
#[derive(Debug, Default, Clone)]
pub struct RuleCoverage {
    pub checked: usize,
    pub unchecked: usize,
    /// Why records went unchecked, with counts (e.g. "no evaluation for
    /// 2016"), counted by equal message and rendered where printed.
    pub reasons: std::collections::HashMap<Msg, usize>,
}

impl Coverage {
    /// The unchecked counts by rule, for JSON output.
    pub fn unchecked(&self) -> std::collections::BTreeMap<&'static str, usize> {
        self.rules
            .iter()
            .filter(|(_, c)| c.unchecked > 0)
            .map(|(id, c)| (*id, c.unchecked))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_and_thresholds_are_unique() {
        let ids: Vec<RuleId> = registry().iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            RuleId::ALL,
            "the registry lists every rule once, in declaration order"
        );
        let ids: HashSet<&str> = ids.iter().map(|r| r.as_str()).collect();
        let mut names = HashSet::new();
        for t in thresholds() {
            assert!(names.insert(t.name), "duplicate threshold {}", t.name);
            assert!(!ids.contains(t.name), "threshold {} shadows a rule", t.name);
        }
    }

    #[test]
    fn every_threshold_is_explained_by_a_rule() {
        for t in thresholds() {
            let named = law_table().any(|r| {
                r.info.explanation.vi.contains(t.name) && r.info.explanation.en.contains(t.name)
            });
            assert!(named, "no rule's explanation names threshold `{}`", t.name);
        }
    }
}
