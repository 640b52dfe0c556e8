//! `ttldxs-discipline`: no member of a TTLĐXS disciplined at cảnh cáo or heavier.

use crate::diag::RuleId;
use crate::model::AwardCode;
use crate::rules::evidence::Judge;

use super::members::{discipline, run};

pub fn check(j: &mut Judge<'_>) {
    run(
        j,
        RuleId::TtldxsDiscipline,
        AwardCode::Ttldxs,
        "law.member-discipline.help",
        discipline,
    );
}
