//! `ldtt-rating`: an LĐTT/CSTT needs that year's rating `htt` or better.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::{AwardCode, Rating};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::LdttRating,
        AwardCode::is_ldtt_like,
        |c| c.recipient.is_person(),
        ldtt_rating,
    );
}

/// The judgement, also used by `cstdcs-requires-ldtt` (the LĐTT standard).
pub(super) fn ldtt_rating(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) if e.rating >= Rating::Htt => Verdict::Pass,
        Some(e) => Verdict::fail(
            msg!(
                Key::LawLdttRating,
                year = c.year,
                rating = Arg::name(e.rating)
            ),
            Key::LawLdttRatingHelp,
        ),
    }
}
