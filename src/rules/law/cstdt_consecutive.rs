//! `cstdt-consecutive`: a provincial CSTĐ needs CSTĐCS in consecutive years.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Codes;
use crate::rules::ThresholdId;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::CstdtConsecutive,
        |c| c == AwardCode::Cstdt,
        |c| c.recipient.is_person(),
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
            missing.push(Arg::Year(year));
        } else {
            unknown = true;
        }
    }
    if !missing.is_empty() {
        let finding = msg!(
            Key::LawCstdtConsecutive,
            missing = Arg::list(Key::ListComma, missing),
            n = n,
            from = y - n + 1,
            to = y
        );
        Verdict::fail(finding, Key::LawCstdtConsecutiveHelp)
    } else if unknown {
        Verdict::Unknown(j.no_history())
    } else {
        Verdict::Pass
    }
}
