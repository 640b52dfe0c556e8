//! `issuer-authority`: the issuer may confer the award's code on its date
//! (the matrix is `law/authority.toml`, read by `rules::authority`).

use crate::diag::RuleId;
use crate::model::{Code, Issuer};
use crate::rules::authority::{allowed, two_tier_from};
use crate::rules::evidence::{Judge, Verdict};
use crate::tr;

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
