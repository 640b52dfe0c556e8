//! Who may confer what: the authority matrix (`issuer-authority`) as data,
//! one row per group of award codes with the issuer levels allowed before and
//! after the two-tier local government of 2025 (NĐ 129/2025: no district).

use crate::model::{AwardCode, Code, Date, Issuer};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::law;
use crate::diag::RuleId;

pub use super::tables::Grant;

/// The day the district level was abolished (two-tier local government),
/// from `law/authority.toml`.
pub fn two_tier_from() -> Option<Date> {
    law().two_tier_from
}

/// The authority matrix, one row per group of award codes.
pub fn matrix() -> &'static [Grant] {
    &law().matrix
}

/// The issuers allowed to confer `code` on a decision of `date`.
pub fn allowed(code: AwardCode, two_tier: bool) -> &'static [Issuer] {
    matrix()
        .iter()
        .find(|g| g.codes.contains(&code))
        .map_or(&[], |g| if two_tier { &g.after } else { &g.before })
}

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let Some(switch) = two_tier_from() else {
        return;
    };
    for c in &ix.claims {
        let Some(issuer) = c.issuer else { continue };
        let Some(sev) = j.level(RuleId::IssuerAuthority, c) else {
            continue;
        };
        let two_tier = c.date >= switch;
        let ok = allowed(c.code, two_tier);
        let v = if ok.contains(&issuer) {
            Verdict::Pass
        } else if two_tier
            && issuer == Issuer::Huyen
            && allowed(c.code, false).contains(&Issuer::Huyen)
        {
            Verdict::fail(
                tr!(j.lang, "law.issuer-district-abolished", date = c.date),
                j.lang.t("law.issuer-district-abolished.help"),
            )
        } else {
            let names = ok
                .iter()
                .map(|i| format!("{} (`{}`)", i.name(j.lang), i.code()))
                .collect::<Vec<_>>()
                .join(", ");
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.issuer-authority",
                    issuer = issuer.name(j.lang),
                    code = issuer.code(),
                    date = c.date,
                    allowed = names
                ),
                j.lang.t("law.issuer-authority.help"),
            )
        };
        j.judge(RuleId::IssuerAuthority, c, sev, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_row() {
        for code in AwardCode::ALL {
            assert_eq!(
                matrix().iter().filter(|g| g.codes.contains(code)).count(),
                1,
                "{code}"
            );
        }
    }

    #[test]
    fn no_district_after_the_switch() {
        assert!(matrix().iter().all(|g| !g.after.contains(&Issuer::Huyen)));
    }
}
