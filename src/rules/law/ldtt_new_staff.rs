//! `ldtt-new-staff`: no LĐTT/CSTT for staff recruited too late in the year.

use crate::diag::RuleId;
use crate::i18n::{Key, Msg};
use crate::model::{AwardCode, Date, Recipient};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::windows::{self, Era};
use crate::rules::ThresholdId;

/// The figure of `ldtt-new-staff` in each era.
const MIN_MONTHS: [(Era, ThresholdId); 2] = [
    (Era::Law2003, ThresholdId::LdttMinMonthsOld),
    (Era::Law2022, ThresholdId::LdttMinMonths),
];

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::LdttNewStaff,
        AwardCode::is_ldtt_like,
        |c| c.recipient.is_person(),
        ldtt_new_staff,
    );
}

/// The judgement, also used by `cstdcs-requires-ldtt` (the LĐTT standard).
/// From `hire_date` only: `months_worked` does not stand in for it, since
/// statutory leave such as maternity counts as time worked.
pub(super) fn ldtt_new_staff(j: &Judge<'_>, c: &Claim) -> Verdict {
    let era = windows::get(c.window).era;
    let name = MIN_MONTHS
        .iter()
        .find(|(e, _)| *e == era)
        .map_or(ThresholdId::LdttMinMonths, |(_, n)| *n);
    let min = j.count(name) as i32;
    let Recipient::Person(p) = c.recipient else {
        return Verdict::Pass;
    };
    let hired = j.ix.person(p).and_then(|p| p.hire_date);
    let (Some(h), Some(end)) = (hired, Date::start_of_year(i32::from(c.year) + 1)) else {
        return Verdict::Unknown(Msg::new(Key::LawReasonNoHireDate));
    };
    let months = h.months_until(end);
    if months < min {
        Verdict::fail(
            msg!(
                Key::LawLdttNewStaff,
                hired = h,
                months = months.max(0),
                year = c.year,
                min = min
            ),
            Key::LawLdttNewStaffHelp,
        )
    } else {
        Verdict::Pass
    }
}
