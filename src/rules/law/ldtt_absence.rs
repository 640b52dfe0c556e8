//! `ldtt-absence`: no LĐTT for long absences (the 2014–2017 window only).

use crate::diag::RuleId;
use crate::i18n::{Key, Msg};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::ThresholdId;

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::LdttAbsence,
        AwardCode::is_ldtt_like,
        |c| c.recipient.is_person(),
        ldtt_absence,
    );
}

fn ldtt_absence(j: &Judge<'_>, c: &Claim) -> Verdict {
    let max = j.count(ThresholdId::LdttMaxAbsentDays);
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.absent_days {
            None => Verdict::Unknown(Msg::new(Key::LawReasonNoAbsentDays)),
            Some(d) if u32::from(d) >= max => Verdict::fail(
                msg!(
                    Key::LawLdttAbsence,
                    days = u32::from(d),
                    year = c.year,
                    max = max
                ),
                Key::LawLdttAbsenceHelp,
            ),
            Some(_) => Verdict::Pass,
        },
    }
}
