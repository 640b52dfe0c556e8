//! `ttldxs-members`: a TTLĐXS needs every member to complete their tasks, a
//! share of them holding LĐTT, and some CSTĐCS.

use crate::diag::RuleId;
use crate::model::AwardCode;
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::Claim;
use crate::rules::ThresholdId;
use crate::tr;

use super::members::{reaches, run, share_text, Tally};

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldxsMembers,
        AwardCode::Ttldxs,
        "law.members.help",
        ttldxs_members,
    );
}

fn ttldxs_members(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    let mut parts = Vec::new();
    parts.push(if !t.below.is_empty() {
        Check::Fails(tr!(
            j.lang,
            "law.ttldxs-rating",
            names = t.below.join(", "),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(tr!(
            j.lang,
            "law.reason.members-no-evaluation",
            year = c.year
        ))
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
            Check::Fails(tr!(
                j.lang,
                "law.ttldtt-members-least",
                share = share_text(j, t.ldtt, t.members),
                year = c.year,
                percent = percent
            ))
        });
        let min = j.count(ThresholdId::TtldxsMinCstdcs) as usize;
        parts.push(if t.cstdcs >= min {
            Check::Holds
        } else {
            Check::Fails(tr!(
                j.lang,
                "law.ttldxs-cstdcs",
                count = t.cstdcs,
                year = c.year,
                min = min
            ))
        });
    }
    Check::all(parts)
}
