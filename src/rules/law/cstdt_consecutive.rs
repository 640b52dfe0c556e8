//! `cstdt-consecutive`: a provincial CSTĐ needs CSTĐCS in consecutive years.

use crate::diag::RuleId;
use crate::model::AwardCode;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Codes;
use crate::rules::ThresholdId;
use crate::tr;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

pub fn check(j: &mut Judge<'_>) {
    j.each(
        RuleId::CstdtConsecutive,
        |c| c.recipient.is_person() && c.code == AwardCode::Cstdt,
        cstdt,
    );
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
