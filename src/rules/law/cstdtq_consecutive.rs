//! `cstdtq-consecutive`: a national CSTĐ needs provincial CSTĐ in a row.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Codes;
use crate::rules::ThresholdId;

const CSTDT: Codes = Codes::of(&[AwardCode::Cstdt]);

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::CstdtqConsecutive,
        |c| c == AwardCode::Cstdtq,
        |c| c.recipient.is_person(),
        cstdtq,
    );
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
                    Arg::Key(Key::LawNone)
                } else {
                    Arg::list(Key::ListComma, found.iter().map(|&y| Arg::Year(y)))
                };
                let finding = msg!(
                    Key::LawCstdtqConsecutive,
                    need = need,
                    cycle = cycle,
                    year = c.year,
                    held = held
                );
                return Verdict::fail(finding, Key::LawCstdtqConsecutiveHelp);
            }
        }
    }
    Verdict::Pass
}
