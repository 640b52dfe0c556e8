//! `hcld3-prerequisites`: a regular Labour Order, third class, needs an earlier
//! regular BKTTG, then its record of years following it.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::{AwardCode, Rating};
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::windows::Era;
use crate::rules::ThresholdId;

use super::prerequisites::*;

pub fn check(j: &mut Judge<'_>) {
    run(j, RuleId::Hcld3Prerequisites, AwardCode::Hcld3, judge);
}

fn judge(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count(ThresholdId::Hcld3Years));
    let record = match era {
        Era::Law2003 => years_with(
            j,
            c,
            &ys,
            j.count(ThresholdId::Hcld3InitiativesOld),
            Key::LawInitiatives,
            initiative,
        ),
        Era::Law2022 => Check::all([
            ratings(j, c, &ys, Rating::Htt),
            years_with(
                j,
                c,
                &ys,
                j.count(ThresholdId::Hcld3MinHtxs),
                Key::LawHtxsYears,
                |e| Some(e.rating == Rating::Htxs),
            ),
            cstdcs(j, c, &ys, j.count(ThresholdId::Hcld3Cstdcs)),
        ]),
    };
    let n = j.count(ThresholdId::Hcld3Years);
    Check::all([follows(j, c, AwardCode::Bkttg, n, regular), record])
}
