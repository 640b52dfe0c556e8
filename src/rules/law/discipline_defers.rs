//! `discipline-defers`: from 2024, no award other than LĐTT/CSTT (which
//! `ldtt-discipline` covers) to a person disciplined (khiển trách or heavier)
//! in the award year; awards for lifetime dedication and length of service
//! are exempt.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::AwardKind;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;

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
    super::ldtt_discipline::disciplined(
        j,
        c,
        Key::LawDisciplineDefers,
        Key::LawDisciplineDefersHelp,
    )
}
