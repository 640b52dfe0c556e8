//! `cstdcs-requires-ldtt`: a CSTĐCS needs an LĐTT/CSTT of the same person and year.

use crate::diag::RuleId;
use crate::model::AwardCode;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::LDTT_LIKE;
use crate::tr;

pub fn check(j: &mut Judge<'_>) {
    j.each(
        RuleId::CstdcsRequiresLdtt,
        |c| c.recipient.is_person() && c.code == AwardCode::Cstdcs,
        cstdcs_requires_ldtt,
    );
}

fn cstdcs_requires_ldtt(j: &Judge<'_>, c: &Claim) -> Verdict {
    if j.ix.holds(c, c.recipient, c.year, LDTT_LIKE) {
        Verdict::Pass
    } else if !j.ix.facts(c.recipient, c.year) {
        Verdict::Unknown(j.no_history())
    } else {
        Verdict::fail(
            tr!(j.lang, "law.cstdcs-requires-ldtt", year = c.year),
            j.lang.t("law.cstdcs-requires-ldtt.help"),
        )
    }
}
