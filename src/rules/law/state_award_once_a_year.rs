//! `state-award-once-a-year`: one State-level form (BKTTG, HCLĐ1–3) a year per
//! recipient, except ad-hoc, dedication and length-of-service kinds. CSTĐTQ
//! and Cờ thi đua của Chính phủ are titles, not forms, and are not counted.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::{AwardCode, AwardKind};
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Source;

use super::duplicate_title::{duplicate, first};

/// Kinds outside the one-State-form-a-year limit.
const STATE_LIMIT_EXEMPT: [AwardKind; 3] =
    [AwardKind::DotXuat, AwardKind::CongHien, AwardKind::NienHan];

/// Whether an award of `code` and `kind` counts in the limit.
fn limited(code: AwardCode, kind: AwardKind) -> bool {
    code.is_state_form() && !STATE_LIMIT_EXEMPT.contains(&kind)
}

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in ix.award_claims() {
        let Source::Award(i) = c.source else { continue };
        if !limited(c.code, c.kind) {
            continue;
        }
        let Some(sev) = j.level(RuleId::StateAwardOnceAYear, &c) else {
            continue;
        };
        // The first limited form of the year on file, in file order.
        let v = match first(ix, &c, |a| limited(a.award, a.kind)) {
            Some(first) if first != i => duplicate(
                ix,
                first,
                Key::LawStateAwardOnceAYear,
                Key::LawStateAwardOnceAYearHelp,
            ),
            _ => Verdict::Pass,
        };
        j.judge(RuleId::StateAwardOnceAYear, &c, sev, v);
    }
}
