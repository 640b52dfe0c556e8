//! `ttldtt-discipline`: no member of a TTLĐTT disciplined at cảnh cáo or heavier.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::AwardCode;
use crate::rules::evidence::Judge;

use super::members::{discipline, run};

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldttDiscipline,
        AwardCode::Ttldtt,
        Key::LawMemberDisciplineHelp,
        discipline,
    );
}
