//! `ttldxs-members`: a TTLĐXS needs every member to complete their tasks, a
//! share of them holding LĐTT, and some CSTĐCS.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::ThresholdId;

use super::members::{reaches, run, share, Tally};

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldxsMembers,
        AwardCode::Ttldxs,
        Key::LawMembersHelp,
        ttldxs_members,
    );
}

fn ttldxs_members(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    let mut parts = Vec::new();
    parts.push(if !t.below.is_empty() {
        let names = t.below.iter().map(|&r| Arg::str(j.ix.name(r)));
        Check::Fails(msg!(
            Key::LawTtldxsRating,
            names = Arg::list(Key::ListComma, names),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(msg!(Key::LawReasonMembersNoEvaluation, year = c.year))
    } else {
        Check::Holds
    });
    if !j.ix.facts(c.recipient, c.year) {
        parts.push(Check::Unknown(j.no_history()));
    } else {
        let percent = j.threshold(ThresholdId::TtldxsMinPercent);
        parts.push(if reaches(t.ldtt, t.members, percent, false) {
            Check::Holds
        } else {
            Check::Fails(msg!(
                Key::LawTtldttMembersLeast,
                share = share(t.ldtt, t.members),
                year = c.year,
                percent = percent
            ))
        });
        let min = j.count(ThresholdId::TtldxsMinCstdcs) as usize;
        parts.push(if t.cstdcs >= min {
            Check::Holds
        } else {
            Check::Fails(msg!(
                Key::LawTtldxsCstdcs,
                count = t.cstdcs,
                year = c.year,
                min = min
            ))
        });
    }
    Check::all(parts)
}
