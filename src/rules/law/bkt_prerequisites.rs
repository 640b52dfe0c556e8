//! `bkt-prerequisites`: a regular provincial Bằng khen needs its record of
//! years, not already counted for an earlier regular BKT.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::AwardCode;
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::windows::Era;
use crate::rules::ThresholdId;

use super::prerequisites::*;

pub fn check(j: &mut Judge<'_>) {
    run(j, RuleId::BktPrerequisites, AwardCode::Bkt, judge);
}

fn judge(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count(ThresholdId::BktYears));
    let old = Check::all([
        interval(j, c, AwardCode::Bkt, ys.len() as u32),
        htxs_with_initiatives(j, c, &ys, j.count(ThresholdId::BktInitiatives)),
    ]);
    match era {
        Era::Law2003 => old,
        Era::Law2022 => {
            let n = j.count(ThresholdId::BktCstdcs);
            let route = Check::all([
                interval(j, c, AwardCode::Bkt, n),
                cstdcs(j, c, &years(c, n), n),
            ]);
            Check::any([route, old], Key::LawOr)
        }
    }
}
