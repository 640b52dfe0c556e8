//! `cstdcs-requires-ldtt`: a CSTĐCS rests on LĐTT. Under Luật 2003 the person
//! "là LĐTT": an LĐTT/CSTT of the same person and year. From 2024 (Luật 2022
//! Đ.23 k1, "đạt tiêu chuẩn LĐTT") the LĐTT *standard*: such an award or
//! pending proposal, or else an evaluation that passes `ldtt-rating`,
//! `ldtt-discipline` and `ldtt-new-staff`; a separate LĐTT decision is not
//! required.

use crate::diag::RuleId;
use crate::i18n::{Key, Msg};
use crate::model::AwardCode;
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::LDTT_LIKE;
use crate::rules::windows::{self, Era};

use super::{ldtt_discipline, ldtt_new_staff, ldtt_rating};

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::CstdcsRequiresLdtt,
        |c| c == AwardCode::Cstdcs,
        |c| c.recipient.is_person(),
        cstdcs_requires_ldtt,
    );
}

fn cstdcs_requires_ldtt(j: &Judge<'_>, c: &Claim) -> Verdict {
    if j.ix.holds(c, c.recipient, c.year, LDTT_LIKE) {
        return Verdict::Pass;
    }
    match windows::get(c.window).era {
        // A pending LĐTT proposal shows the standard met, for an award too.
        Era::Law2022 if j.ix.pending_holds(c.recipient, c.year, LDTT_LIKE) => Verdict::Pass,
        Era::Law2022 => meets_standard(j, c),
        Era::Law2003 if !j.ix.facts(c.recipient, c.year) => Verdict::Unknown(j.no_history()),
        Era::Law2003 => Verdict::fail(
            msg!(Key::LawCstdcsRequiresLdtt, year = c.year),
            Key::LawCstdcsRequiresLdttHelp,
        ),
    }
}

/// The LĐTT standard from the evaluation: the three LĐTT rules' judgements
/// on the same person and year (no evaluation: unchecked).
fn meets_standard(j: &Judge<'_>, c: &Claim) -> Verdict {
    let verdicts = [
        ldtt_rating::ldtt_rating(j, c),
        ldtt_discipline::ldtt_discipline(j, c),
        ldtt_new_staff::ldtt_new_staff(j, c),
    ];
    let mut fails = Vec::new();
    let mut unknown = None;
    for v in verdicts {
        match v {
            Verdict::Pass => {}
            Verdict::Fail { finding, .. } => fails.push(finding),
            Verdict::Unknown(u) => unknown = unknown.or(Some(u)),
        }
    }
    if !fails.is_empty() {
        Verdict::fail(
            msg!(
                Key::LawCstdcsRequiresLdttStandard,
                year = c.year,
                finding = Msg::join(fails, Key::ListSemicolon)
            ),
            Key::LawCstdcsRequiresLdttHelp,
        )
    } else if let Some(u) = unknown {
        Verdict::Unknown(u)
    } else {
        Verdict::Pass
    }
}
