//! `issuer-authority`: the issuer may confer the award's code on its date
//! (the matrix is `law/authority.toml`, read by `rules::authority`).

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::{Code, Issuer};
use crate::msg;
use crate::rules::authority::{allowed, two_tier_from};
use crate::rules::evidence::{Judge, Verdict};

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let Some(switch) = two_tier_from() else {
        return;
    };
    for c in ix.award_claims() {
        let c = &c;
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
                msg!(Key::LawIssuerDistrictAbolished, date = c.date),
                Key::LawIssuerDistrictAbolishedHelp,
            )
        } else {
            let names = ok
                .iter()
                .map(|i| msg!(Key::LawIssuerNamed, name = Arg::name(*i), code = i.code()));
            Verdict::fail(
                msg!(
                    Key::LawIssuerAuthority,
                    issuer = Arg::name(issuer),
                    code = issuer.code(),
                    date = c.date,
                    allowed = Arg::list(Key::ListComma, names)
                ),
                Key::LawIssuerAuthorityHelp,
            )
        };
        j.judge(RuleId::IssuerAuthority, c, sev, v);
    }
}
