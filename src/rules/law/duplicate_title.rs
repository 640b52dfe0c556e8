//! `duplicate-title`: one achievement is not rewarded twice (the same title
//! for the same recipient and year; LĐTT and CSTT count as one title).

use std::collections::HashMap;

use crate::diag::RuleId;
use crate::model::{AwardClass, AwardCode, Recipient};
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::{Index, Source};
use crate::tr;

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let mut titles: HashMap<(Recipient, u16, AwardCode), usize> = HashMap::new();
    for (i, c) in ix.claims.iter().enumerate() {
        if !matches!(c.source, Source::Award(_)) || c.code.class() != AwardClass::Title {
            continue;
        }
        // LĐTT and CSTT are one title under two names (civil and armed forces).
        let title = if c.code.is_ldtt_like() {
            AwardCode::Ldtt
        } else {
            c.code
        };
        let first = *titles
            .entry((ix.who(c.recipient), c.year, title))
            .or_insert(i);
        if let Some(sev) = j.level(RuleId::DuplicateTitle, c) {
            let v = if first == i {
                Verdict::Pass
            } else {
                duplicate(j, ix, first, "law.duplicate-title")
            };
            j.judge(RuleId::DuplicateTitle, c, sev, v);
        }
    }
}

/// A finding about the second of two awards, pointing at the first.
pub(super) fn duplicate(j: &Judge<'_>, ix: &Index<'_>, first: usize, key: &str) -> Verdict {
    let f = &ix.claims[first];
    let decision = match f.source {
        Source::Award(a) => ix.ds.str(ix.ds.awards[a].decision),
        Source::Proposal(_) => "",
    };
    let finding = tr!(
        j.lang,
        key,
        award = Index::award_label(f.code, j.lang),
        decision = decision,
        date = f.date,
        id = ix.ds.str(f.id)
    );
    Verdict::Fail {
        finding,
        help: j.lang.t(&format!("{key}.help")).into(),
        related: Some(f.loc),
    }
}
