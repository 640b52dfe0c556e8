//! `ldtt-discipline`: no LĐTT/CSTT for a person disciplined that year.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::LdttDiscipline,
        AwardCode::is_ldtt_like,
        |c| c.recipient.is_person(),
        ldtt_discipline,
    );
}

/// The judgement, also used by `cstdcs-requires-ldtt` (the LĐTT standard).
pub(super) fn ldtt_discipline(j: &Judge<'_>, c: &Claim) -> Verdict {
    disciplined(j, c, Key::LawLdttDiscipline, Key::LawLdttDisciplineHelp)
}

/// Fails when the recipient was disciplined in the claim's year, with the
/// catalogue's `message` (given `year` and `discipline`) and `help`; also
/// the judgement of `discipline-defers`.
pub(super) fn disciplined(j: &Judge<'_>, c: &Claim, message: Key, help: Key) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.discipline {
            None => Verdict::Pass,
            Some(d) => Verdict::fail(
                msg!(message, year = c.year, discipline = Arg::name(d)),
                help,
            ),
        },
    }
}
