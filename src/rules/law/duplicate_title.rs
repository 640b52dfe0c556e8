//! `duplicate-title`: one achievement is not rewarded twice (the same title
//! for the same recipient and year; LĐTT and CSTT count as one title).

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::{Award, AwardClass, AwardCode};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::{Claim, Index, Source};

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in ix.award_claims() {
        let Source::Award(i) = c.source else { continue };
        if c.code.class() != AwardClass::Title {
            continue;
        }
        let Some(sev) = j.level(RuleId::DuplicateTitle, &c) else {
            continue;
        };
        // The first award of the title that year, in file order.
        let wanted = title(c.code);
        let v = match first(ix, &c, |a| title(a.award) == wanted) {
            Some(first) if first != i => duplicate(
                ix,
                first,
                Key::LawDuplicateTitle,
                Key::LawDuplicateTitleHelp,
            ),
            _ => Verdict::Pass,
        };
        j.judge(RuleId::DuplicateTitle, &c, sev, v);
    }
}

/// LĐTT and CSTT are one title under two names (civil and armed forces).
fn title(code: AwardCode) -> AwardCode {
    if code.is_ldtt_like() {
        AwardCode::Ldtt
    } else {
        code
    }
}

/// The first award on file (position in `ds.awards`) of the individual of
/// claim `c`, of its year, that `same` counts with it: the claim's own
/// unless an earlier one is on file.
pub(super) fn first(ix: &Index<'_>, c: &Claim, same: impl Fn(&Award) -> bool) -> Option<usize> {
    ix.award_indexes(c.recipient).find(|&k| {
        let a = &ix.ds.awards[k];
        a.year == c.year && same(a)
    })
}

/// A finding about the second of two awards, pointing at the first (its
/// position in `ds.awards`): the catalogue's `key` (given the first's
/// `award`, `id`, `decision` and `date`) and `help`.
pub(super) fn duplicate(ix: &Index<'_>, first: usize, key: Key, help: Key) -> Verdict {
    let f = &ix.ds.awards[first];
    let finding = msg!(
        key,
        award = Arg::label(f.award),
        decision = Arg::str(ix.ds.str(f.decision)),
        date = f.decision_date,
        id = Arg::str(ix.ds.str(f.id))
    );
    Verdict::Fail {
        finding,
        help,
        related: Some(f.loc),
    }
}
