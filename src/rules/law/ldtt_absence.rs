//! `ldtt-absence`: no LĐTT for long absences (the 2014–2017 window only).

use crate::diag::RuleId;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::ThresholdId;
use crate::tr;

pub fn check(j: &mut Judge<'_>) {
    j.each(
        RuleId::LdttAbsence,
        |c| c.recipient.is_person() && c.code.is_ldtt_like(),
        ldtt_absence,
    );
}

fn ldtt_absence(j: &Judge<'_>, c: &Claim) -> Verdict {
    let max = j.count(ThresholdId::LdttMaxAbsentDays);
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.absent_days {
            None => Verdict::Unknown(j.lang.t("law.reason.no-absent-days").to_string()),
            Some(d) if u32::from(d) >= max => Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-absence",
                    days = d,
                    year = c.year,
                    max = max
                ),
                j.lang.t("law.ldtt-absence.help"),
            ),
            Some(_) => Verdict::Pass,
        },
    }
}
