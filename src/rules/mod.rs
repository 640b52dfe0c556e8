//! The rules: the data format's structural rules (`structural`) and the law's
//! rules (one file per family, added by the law module), behind one registry
//! that `thidua rules`, `thidua explain`, the settings and the docs read.

/// One law rule's registry entry and windows, with every field required.
macro_rules! law_rule {
    (
        id: $id:literal,
        default: $level:ident,
        citation: $cite:literal,
        summary: ($svi:literal, $sen:literal $(,)?),
        explanation: ($evi:expr, $een:expr $(,)?),
        windows: [$($w:expr),* $(,)?] $(,)?
    ) => {
        $crate::rules::LawRule {
            info: $crate::diag::RuleInfo {
                id: $id,
                family: $crate::diag::Family::Law,
                default: $crate::diag::Level::$level,
                citation: $cite,
                summary: $crate::diag::Bilingual { vi: $svi, en: $sen },
                explanation: $crate::diag::Bilingual { vi: $evi, en: $een },
            },
            windows: [$($w),*],
        }
    };
}

pub mod authority;
pub mod collective;
pub mod commendation;
pub mod config;
pub mod docs;
pub mod evidence;
pub mod general;
pub mod higher;
mod index;
pub mod individual;
pub mod structural;
pub mod windows;

use crate::diag::{Bilingual, Diagnostics, Level, RuleInfo};
use crate::i18n::Lang;
use crate::model::Dataset;

/// Every rule the tool knows, structural first.
pub fn registry() -> &'static [&'static RuleInfo] {
    static ALL: std::sync::OnceLock<Vec<&'static RuleInfo>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| structural::RULES.iter().chain(law_rules()).collect())
}

/// The law's rules, family by family.
fn law_rules() -> impl Iterator<Item = &'static RuleInfo> {
    law_table().map(|r| &r.info)
}

/// Every law rule with its per-window data, in registry order.
pub fn law_table() -> impl Iterator<Item = &'static LawRule> {
    individual::RULES
        .iter()
        .chain(&higher::RULES)
        .chain(&collective::RULES)
        .chain(&commendation::RULES)
        .chain(&authority::RULES)
        .chain(&general::RULES)
        .chain(&evidence::RULES)
}

/// The law rule `id` with its per-window data.
pub fn find_law(id: &str) -> Option<&'static LawRule> {
    law_table().find(|r| r.info.id == id)
}

/// A law rule: its registry entry, and how it applies in each regime window
/// (`windows::WINDOWS`, same order). The fields are all required, so a rule
/// cannot be added without its citation, explanation and windows.
#[derive(Debug)]
pub struct LawRule {
    /// `info.default` is the level in the newest window where it applies;
    /// `info.citation` the basis across windows (a test checks both).
    pub info: RuleInfo,
    /// `None` where the rule does not apply at all.
    pub windows: [Option<Applies>; windows::COUNT],
}

/// How a law rule applies in one window.
#[derive(Debug, Clone, Copy)]
pub struct Applies {
    /// `Off`: only an explicit `[rules]` level turns it on there.
    pub level: Level,
    /// The legal basis cited by findings in this window.
    pub citation: &'static str,
    /// A first day inside the window, when the text took effect later than
    /// the window began (TT 08/2017 on 2017-12-15).
    pub since: Option<windows::Ymd>,
}

/// `Some(Applies)` at `level` with `citation`, for the rule tables.
pub const fn at(level: Level, citation: &'static str) -> Option<Applies> {
    Some(Applies {
        level,
        citation,
        since: None,
    })
}

/// Applies as an error in a window.
pub const fn err(citation: &'static str) -> Option<Applies> {
    at(Level::Error, citation)
}

/// Applies as a warning in a window.
pub const fn warn(citation: &'static str) -> Option<Applies> {
    at(Level::Warning, citation)
}

/// Off in a window unless `[rules]` names it.
pub const fn off(citation: &'static str) -> Option<Applies> {
    at(Level::Off, citation)
}

/// Runs the law's rules over the records without structural errors.
/// Findings go to `sink` (which applies `[rules]` levels); the result says how
/// many records each rule could judge.
pub fn check_law(
    ds: &Dataset,
    settings: &config::RuleConfig,
    lang: Lang,
    sink: &mut Diagnostics,
) -> Coverage {
    let ix = index::Index::build(ds, settings);
    let mut judge = evidence::Judge::new(&ix, settings, lang, sink);
    individual::check(&mut judge);
    higher::check(&mut judge);
    collective::check(&mut judge);
    commendation::check(&mut judge);
    authority::check(&mut judge);
    general::check(&mut judge);
    judge.finish()
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

const fn th(name: &'static str, default: f64, vi: &'static str, en: &'static str) -> Threshold {
    Threshold {
        name,
        default,
        summary: Bilingual { vi, en },
    }
}

/// Every threshold: the law's figures, with the window they belong to.
pub const THRESHOLDS: &[Threshold] = &[
    th("ldtt-min-months-old", 10.0, "LĐTT/CSTT: số tháng tối thiểu từ ngày tuyển dụng đến hết năm (2014–2023, NĐ 65/2014, NĐ 91/2017)", "LDTT/CSTT: least months from recruitment to the end of the year (2014–2023, NĐ 65/2014, NĐ 91/2017)"),
    th("ldtt-min-months", 6.0, "LĐTT/CSTT: số tháng tối thiểu từ ngày tuyển dụng đến hết năm (từ 2024, TT 01/2024, TT 15/2025)", "LDTT/CSTT: least months from recruitment to the end of the year (from 2024, TT 01/2024, TT 15/2025)"),
    th("ldtt-max-absent-days", 40.0, "LĐTT: nghỉ từ số ngày làm việc này trở lên thì không được xét (2014-08-20 – 2017-09-30, NĐ 65/2014)", "LDTT: this many working days absent or more excludes it (2014-08-20 – 2017-09-30, NĐ 65/2014)"),
    th("cstdcs-ratio-percent", 15.0, "CSTĐCS tối đa bằng tỷ lệ % này của số LĐTT, làm tròn xuống (2017-10-01 – 2023, NĐ 91/2017; quy chế tỉnh có thể đặt thấp hơn hoặc bật lại sau 2024)", "CSTDCS at most this % of the LDTT count, rounded down (2017-10-01 – 2023, NĐ 91/2017; a province may set less, or turn it on after 2024)"),
    th("ttldtt-min-percent-old", 50.0, "TTLĐTT: trên tỷ lệ % này thành viên đạt LĐTT (2014–2023, Luật 2003 Điều 28)", "TTLDTT: more than this % of members hold LDTT (2014–2023, Luật 2003 Art. 28)"),
    th("ttldtt-min-percent", 70.0, "TTLĐTT: ít nhất tỷ lệ % này thành viên đạt LĐTT (từ 2024, Luật 2022 Điều 28)", "TTLDTT: at least this % of members hold LDTT (from 2024, Luật 2022 Art. 28)"),
    th("ttldxs-min-percent", 70.0, "TTLĐXS: ít nhất tỷ lệ % này thành viên đạt LĐTT (Luật 2003 và Luật 2022, Điều 27)", "TTLDXS: at least this % of members hold LDTT (Luật 2003 and Luật 2022, Art. 27)"),
    th("ttldxs-min-cstdcs", 1.0, "TTLĐXS: số thành viên đạt CSTĐCS tối thiểu (Điều 27)", "TTLDXS: least number of members holding CSTDCS (Art. 27)"),
    th("cstdt-cstdcs-years", 3.0, "CSTĐ tỉnh năm Y: số năm CSTĐCS liên tục đến hết năm Y (Điều 22)", "CSTDT for year Y: consecutive CSTDCS years ending in Y (Art. 22)"),
    th("cstdtq-cstdt-count", 2.0, "CSTĐ toàn quốc: số lần CSTĐ tỉnh liên tục (Điều 21)", "CSTDTQ: consecutive CSTDT needed (Art. 21)"),
    th("cstdtq-cycle-years", 3.0, "CSTĐ toàn quốc: CSTĐ tỉnh gần nhất trong số năm này trước năm xét, mỗi lần cách lần trước không quá số năm này", "CSTDTQ: the latest CSTDT within this many years before, and each within this many years of the one before"),
    th("bkt-years", 2.0, "Bằng khen tỉnh: số năm liên tục xét (NĐ 65/2014 Điều 24; Luật 2022 Điều 74 k1 điểm d)", "BKT: consecutive years considered (NĐ 65/2014 Art. 24; Luật 2022 Art. 74 k1 d)"),
    th("bkt-initiatives", 2.0, "Bằng khen tỉnh: số năm có sáng kiến trong các năm đó", "BKT: years with an initiative among them"),
    th("bkt-cstdcs", 2.0, "Bằng khen tỉnh (từ 2024): số lần CSTĐCS liên tục thay cho điều kiện HTXS và sáng kiến", "BKT (from 2024): consecutive CSTDCS that replace the HTXS-and-initiatives route"),
    th("bkttg-years", 5.0, "Bằng khen Thủ tướng: số năm liên tục xét (NĐ 65/2014 Điều 23; Luật 2022 Điều 73 k1 điểm b)", "BKTTG: consecutive years considered (NĐ 65/2014 Art. 23; Luật 2022 Art. 73 k1 b)"),
    th("bkttg-initiatives-old", 5.0, "Bằng khen Thủ tướng (2014–2023): số năm có sáng kiến", "BKTTG (2014–2023): years with an initiative"),
    th("bkttg-cstdcs", 3.0, "Bằng khen Thủ tướng (từ 2024): số lần CSTĐCS trong các năm đó", "BKTTG (from 2024): CSTDCS titles within those years"),
    th("hcld3-years", 5.0, "Huân chương Lao động hạng Ba: số năm liên tục xét (NĐ 65/2014 Điều 17; Luật 2022 Điều 44 k1 điểm e)", "HCLD3: consecutive years considered (NĐ 65/2014 Art. 17; Luật 2022 Art. 44 k1 e)"),
    th("hcld3-initiatives-old", 2.0, "Huân chương Lao động hạng Ba (2014–2023): số năm có sáng kiến", "HCLD3 (2014–2023): years with an initiative"),
    th("hcld3-cstdcs", 3.0, "Huân chương Lao động hạng Ba (từ 2024): số lần CSTĐCS trong các năm đó", "HCLD3 (from 2024): CSTDCS titles within those years"),
    th("hcld3-min-htxs", 1.0, "Huân chương Lao động hạng Ba (từ 2024): số năm HTXS tối thiểu trong các năm đó", "HCLD3 (from 2024): least years rated HTXS among them"),
];

/// The default of threshold `name`, if there is such a threshold.
pub fn threshold_default(name: &str) -> Option<f64> {
    THRESHOLDS
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
        let mut ids = HashSet::new();
        for r in registry() {
            assert!(ids.insert(r.id), "duplicate rule id {}", r.id);
        }
        let mut names = HashSet::new();
        for t in THRESHOLDS {
            assert!(names.insert(t.name), "duplicate threshold {}", t.name);
            assert!(!ids.contains(t.name), "threshold {} shadows a rule", t.name);
        }
    }

    #[test]
    fn every_threshold_is_explained_by_a_rule() {
        for t in THRESHOLDS {
            let named = law_table().any(|r| {
                r.info.explanation.vi.contains(t.name) && r.info.explanation.en.contains(t.name)
            });
            assert!(named, "no rule's explanation names threshold `{}`", t.name);
        }
    }
}
