//! `bkttg-prerequisites`: a regular Prime Minister's Bằng khen needs an
//! earlier regular BKT, then its record of years following it (and not
//! counted for an earlier BKTTG).

use crate::diag::RuleId;
use crate::model::{AwardCode, Rating};
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::windows::Era;
use crate::rules::ThresholdId;

use super::prerequisites::*;

pub fn check(j: &mut Judge<'_>) {
    run(j, RuleId::BkttgPrerequisites, AwardCode::Bkttg, judge);
}

fn judge(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count(ThresholdId::BkttgYears));
    let record = match era {
        Era::Law2003 => htxs_with_initiatives(j, c, &ys, j.count(ThresholdId::BkttgInitiativesOld)),
        Era::Law2022 => Check::all([
            ratings(j, c, &ys, Rating::Htt),
            cstdcs(j, c, &ys, j.count(ThresholdId::BkttgCstdcs)),
        ]),
    };
    let n = j.count(ThresholdId::BkttgYears);
    Check::all([
        follows(j, c, AwardCode::Bkt, n, regular),
        interval(j, c, AwardCode::Bkttg, n),
        record,
    ])
}
