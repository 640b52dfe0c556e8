//! `ttldtt-members`: a TTLĐTT needs a share of its members holding LĐTT.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::windows::{self, Era};
use crate::rules::ThresholdId;

use super::members::{reaches, run, share, Tally};

/// The share of LĐTT a TTLĐTT needs, by era: the threshold, and whether the
/// share must be strictly more (Luật 2003: "trên 50 %") or at least
/// (Luật 2022: "từ 70 % trở lên").
const TTLDTT_SHARE: [(Era, ThresholdId, bool); 2] = [
    (Era::Law2003, ThresholdId::TtldttMinPercentOld, true),
    (Era::Law2022, ThresholdId::TtldttMinPercent, false),
];

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldttMembers,
        AwardCode::Ttldtt,
        Key::LawMembersHelp,
        ttldtt_share,
    );
}

fn ttldtt_share(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if !j.ix.facts(c.recipient, c.year) {
        return Check::Unknown(j.no_history());
    }
    let era = windows::get(c.window).era;
    let (name, strictly) = TTLDTT_SHARE
        .iter()
        .find(|(e, _, _)| *e == era)
        .map_or((ThresholdId::TtldttMinPercent, false), |(_, n, s)| (*n, *s));
    let percent = j.threshold(name);
    if reaches(t.ldtt, t.members, percent, strictly) {
        Check::Holds
    } else {
        let key = if strictly {
            Key::LawTtldttMembersMore
        } else {
            Key::LawTtldttMembersLeast
        };
        Check::Fails(msg!(
            key,
            share = share(t.ldtt, t.members),
            year = c.year,
            percent = percent
        ))
    }
}
