//! `cstdcs-initiative`: the second condition of CSTĐCS — an initiative (to
//! 2023), `htxs` or an initiative (from 2024); where the law's table gives
//! `htxs` without an initiative a level of its own, that too.

use crate::diag::Level;
use crate::diag::RuleId;
use crate::i18n::{Arg, Key, Msg};
use crate::model::{AwardCode, Rating};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::windows::{self, Era};
use crate::rules::{find_law, Variant};

/// Judged claim by claim here, not with `Judge::each`: one part of the rule
/// may have a level of its own.
pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in ix
        .claims_of(|c| c == AwardCode::Cstdcs)
        .filter(|c| c.recipient.is_person())
    {
        judge(j, &c);
    }
}

fn judge(j: &mut Judge<'_>, c: &Claim) {
    let rule = RuleId::CstdcsInitiative;
    let Some(sev) = j.level(rule, c) else { return };
    let help = Key::LawCstdcsInitiativeHelp;
    let Some(e) = j.ix.eval(c.recipient, c.year) else {
        let v = Verdict::Unknown(j.no_evaluation(c.year));
        j.judge(rule, c, sev, v);
        return;
    };
    let unknown_initiative = || Verdict::Unknown(Msg::new(Key::LawReasonNoInitiative));
    let (verdict, sev) = match (windows::get(c.window).era, e.initiative) {
        (Era::Law2003, Some(true)) => (Verdict::Pass, sev),
        (Era::Law2003, Some(false)) => (
            Verdict::fail(msg!(Key::LawCstdcsInitiativeOld, year = c.year), help),
            sev,
        ),
        (Era::Law2003, None) => (unknown_initiative(), sev),
        (Era::Law2022, Some(true)) => (Verdict::Pass, sev),
        (Era::Law2022, init) if e.rating == Rating::Htxs => {
            // Where the law's table gives `htxs` without an initiative a
            // level of its own (the 2026 amendment's draft required both).
            let both = find_law(rule)
                .and_then(|r| r.windows[c.window])
                .and_then(|a| a.variant(Variant::HtxsWithoutInitiative))
                .and_then(Level::severity);
            match (both, init) {
                (None, _) => (Verdict::Pass, sev),
                (Some(_), None) => (unknown_initiative(), sev),
                (Some(both), Some(_)) => (
                    Verdict::fail(msg!(Key::LawCstdcsInitiativeBoth, year = c.year), help),
                    both,
                ),
            }
        }
        (Era::Law2022, Some(false)) => (
            Verdict::fail(
                msg!(
                    Key::LawCstdcsInitiativeNew,
                    year = c.year,
                    rating = Arg::name(e.rating)
                ),
                help,
            ),
            sev,
        ),
        (Era::Law2022, None) => (unknown_initiative(), sev),
    };
    j.judge(rule, c, sev, verdict);
}
