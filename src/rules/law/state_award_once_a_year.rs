//! `state-award-once-a-year`: one State-level form (BKTTG, HCLĐ1–3) a year per
//! recipient, except ad-hoc, dedication and length-of-service kinds. CSTĐTQ
//! and Cờ thi đua của Chính phủ are titles, not forms, and are not counted.

use std::collections::HashMap;

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::{AwardKind, Recipient};
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Source;

use super::duplicate_title::duplicate;

/// Kinds outside the one-State-form-a-year limit.
const STATE_LIMIT_EXEMPT: [AwardKind; 3] =
    [AwardKind::DotXuat, AwardKind::CongHien, AwardKind::NienHan];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let mut state: HashMap<(Recipient, u16), usize> = HashMap::new();
    for (i, c) in ix.claims.iter().enumerate() {
        if !matches!(c.source, Source::Award(_))
            || !c.code.is_state_form()
            || STATE_LIMIT_EXEMPT.contains(&c.kind)
        {
            continue;
        }
        let first = *state.entry((ix.who(c.recipient), c.year)).or_insert(i);
        if let Some(sev) = j.level(RuleId::StateAwardOnceAYear, c) {
            let v = if first == i {
                Verdict::Pass
            } else {
                duplicate(
                    ix,
                    first,
                    Key::LawStateAwardOnceAYear,
                    Key::LawStateAwardOnceAYearHelp,
                )
            };
            j.judge(RuleId::StateAwardOnceAYear, c, sev, v);
        }
    }
}
