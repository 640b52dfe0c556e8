//! `ttldxs-discipline`: no member of a TTLĐXS disciplined at cảnh cáo or heavier.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::AwardCode;
use crate::rules::evidence::Judge;

use super::members::{discipline, run};

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldxsDiscipline,
        AwardCode::Ttldxs,
        Key::LawMemberDisciplineHelp,
        discipline,
    );
}
