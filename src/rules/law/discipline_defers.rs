//! `discipline-defers`: from 2024, no award other than LĐTT/CSTT (which
//! `ldtt-discipline` covers) to a person disciplined (khiển trách or heavier)
//! in the award year; awards for lifetime dedication and length of service
//! are exempt.

use crate::diag::RuleId;
use crate::model::{AwardKind, Code};
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::tr;

/// Kinds that reward a career rather than the year's achievement.
const EXEMPT: [AwardKind; 2] = [AwardKind::CongHien, AwardKind::NienHan];

pub fn check(j: &mut Judge<'_>) {
    j.each(
        RuleId::DisciplineDefers,
        |c| c.recipient.is_person() && !c.code.is_ldtt_like() && !EXEMPT.contains(&c.kind),
        judge,
    );
}

fn judge(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.discipline {
            None => Verdict::Pass,
            Some(d) => Verdict::fail(
                tr!(
                    j.lang,
                    "law.discipline-defers",
                    year = c.year,
                    discipline = d.name(j.lang)
                ),
                j.lang.t("law.discipline-defers.help"),
            ),
        },
    }
}
