//! Higher individual titles: Chiến sĩ thi đua cấp bộ, ngành, tỉnh (CSTĐT)
//! and Chiến sĩ thi đua toàn quốc (CSTĐTQ), which rest on earlier titles.

use crate::model::AwardCode;
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Claim, Codes};
use super::ThresholdId;
use crate::diag::RuleId;

const CSTDT_CONSECUTIVE: RuleId = RuleId::CstdtConsecutive;
const CSTDTQ_CONSECUTIVE: RuleId = RuleId::CstdtqConsecutive;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);
const CSTDT: Codes = Codes::of(&[AwardCode::Cstdt]);

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in &ix.claims {
        if !c.recipient.is_person() {
            continue;
        }
        let i = match c.code {
            AwardCode::Cstdt => CSTDT_CONSECUTIVE,
            AwardCode::Cstdtq => CSTDTQ_CONSECUTIVE,
            _ => continue,
        };
        let Some(sev) = j.level(i, c) else {
            continue;
        };
        let v = if i == CSTDT_CONSECUTIVE {
            cstdt(j, c)
        } else {
            cstdtq(j, c)
        };
        j.judge(i, c, sev, v);
    }
}

fn cstdt(j: &Judge<'_>, c: &Claim) -> Verdict {
    let n = j.count(ThresholdId::CstdtCstdcsYears).max(1) as i32;
    let y = i32::from(c.year);
    let mut missing = Vec::new();
    let mut unknown = false;
    for year in (y - n + 1..=y).filter_map(|v| u16::try_from(v).ok()) {
        if j.ix.holds(c, c.recipient, year, CSTDCS) {
            continue;
        }
        if j.ix.facts(c.recipient, year) {
            missing.push(year.to_string());
        } else {
            unknown = true;
        }
    }
    if !missing.is_empty() {
        let finding = tr!(
            j.lang,
            "law.cstdt-consecutive",
            missing = missing.join(", "),
            n = n,
            from = y - n + 1,
            to = y
        );
        Verdict::fail(finding, j.lang.t("law.cstdt-consecutive.help"))
    } else if unknown {
        Verdict::Unknown(j.no_history())
    } else {
        Verdict::Pass
    }
}

fn cstdtq(j: &Judge<'_>, c: &Claim) -> Verdict {
    let need = j.count(ThresholdId::CstdtqCstdtCount).max(1);
    let cycle = j.count(ThresholdId::CstdtqCycleYears).max(1) as i32;
    // The latest CSTDT in Y−cycle … Y, then each earlier one within `cycle`
    // years before the one after it.
    let mut upper = i32::from(c.year);
    let mut lower = upper - cycle;
    let mut found = Vec::new();
    while (found.len() as u32) < need {
        let hit = (lower..=upper)
            .rev()
            .filter_map(|v| u16::try_from(v).ok())
            .find(|&y| j.ix.holds(c, c.recipient, y, CSTDT));
        match hit {
            Some(y) => {
                found.push(y);
                upper = i32::from(y) - 1;
                lower = i32::from(y) - cycle;
            }
            None => {
                let known = (lower..=upper)
                    .filter_map(|v| u16::try_from(v).ok())
                    .all(|y| j.ix.facts(c.recipient, y));
                if !known {
                    return Verdict::Unknown(j.no_history());
                }
                let held = if found.is_empty() {
                    j.lang.t("law.none").to_string()
                } else {
                    found
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let finding = tr!(
                    j.lang,
                    "law.cstdtq-consecutive",
                    need = need,
                    cycle = cycle,
                    year = c.year,
                    held = held
                );
                return Verdict::fail(finding, j.lang.t("law.cstdtq-consecutive.help"));
            }
        }
    }
    Verdict::Pass
}
