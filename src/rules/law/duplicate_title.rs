//! `duplicate-title`: one achievement is not rewarded twice (the same title
//! for the same recipient and year; LĐTT and CSTT count as one title).

use std::collections::HashMap;

use crate::diag::RuleId;
use crate::i18n::{Arg, Key, Msg};
use crate::model::{AwardClass, AwardCode, Recipient};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::{Index, Source};

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
                duplicate(
                    ix,
                    first,
                    Key::LawDuplicateTitle,
                    Key::LawDuplicateTitleHelp,
                )
            };
            j.judge(RuleId::DuplicateTitle, c, sev, v);
        }
    }
}

/// A finding about the second of two awards, pointing at the first: the
/// catalogue's `key` (given the first's `award`, `id`,
/// `decision` and `date`) and `help`.
pub(super) fn duplicate(ix: &Index<'_>, first: usize, key: Key, help: Key) -> Verdict {
    let f = &ix.claims[first];
    let decision = match f.source {
        Source::Award(a) => ix.ds.str(ix.ds.awards[a].decision),
        Source::Proposal(_) => "",
    };
    let finding = msg!(
        key,
        award = Arg::label(f.code),
        decision = Arg::str(decision),
        date = f.date,
        id = Arg::str(ix.ds.str(f.id))
    );
    Verdict::Fail {
        finding,
        help: Msg::new(help),
        related: Some(f.loc),
    }
}
