//! `cstdcs-ratio`: CSTĐCS at most a share of the LĐTT, per year and scope,
//! whoever decided them (the commune confers LĐTT and the district CSTĐCS on
//! the same staff, so grouping by issuer would be wrong).

use std::collections::HashMap;

use crate::diag::RuleId;
use crate::diag::Severity;
use crate::i18n::{Arg, Key};
use crate::model::{AwardCode, Recipient, Sym};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::ThresholdId;

/// One group of the ratio: a year and a scope (the top-level unit, or the
/// whole folder).
type Group = (u16, Option<Sym>);

pub fn check(j: &mut Judge<'_>) {
    let rule = RuleId::CstdcsRatio;
    let ix = j.ix;
    let ds = ix.ds;
    let by_unit = j
        .settings
        .options
        .get("cstdcs-ratio-scope")
        .is_some_and(|s| s == "unit");
    let unit_index = if by_unit {
        ds.unit_index()
    } else {
        Default::default()
    };
    let mut tops: HashMap<Sym, Sym> = HashMap::new();
    let mut scope = |r: Recipient| -> Option<Sym> {
        if !by_unit {
            return None;
        }
        let Recipient::Person(p) = r else { return None };
        let unit = ix.person(p)?.unit;
        Some(
            *tops
                .entry(unit)
                .or_insert_with(|| ds.top_unit(unit, &unit_index)),
        )
    };
    let mut ldtt: HashMap<Group, usize> = HashMap::new();
    let mut cstdcs: HashMap<Group, Vec<(Claim, Severity)>> = HashMap::new();
    let mut order: Vec<Group> = Vec::new();
    for c in ix.award_claims() {
        if c.code.is_ldtt_like() {
            *ldtt.entry((c.year, scope(c.recipient))).or_default() += 1;
        } else if c.code == AwardCode::Cstdcs {
            let Some(sev) = j.level(rule, &c) else {
                continue;
            };
            if !ix.facts(c.recipient, c.year) {
                let v = Verdict::Unknown(j.no_history());
                j.judge(rule, &c, sev, v);
                continue;
            }
            let key = (c.year, scope(c.recipient));
            let list = cstdcs.entry(key).or_default();
            if list.is_empty() {
                order.push(key);
            }
            list.push((c, sev));
        }
    }
    let percent = j.threshold(ThresholdId::CstdcsRatioPercent);
    for key in order {
        let list = &cstdcs[&key];
        let titles = ldtt.get(&key).copied().unwrap_or(0);
        let limit = (percent * titles as f64 / 100.0 + 1e-9).floor().max(0.0) as usize;
        for (n, &(c, sev)) in list.iter().enumerate() {
            let v = if n == limit {
                let scope = key.1.map_or(Arg::Static(""), |u| {
                    let unit = Arg::str(ix.name(Recipient::Unit(u)));
                    msg!(Key::LawCstdcsRatioScope, unit = unit).into()
                });
                let finding = msg!(
                    Key::LawCstdcsRatio,
                    count = list.len(),
                    year = key.0,
                    scope = scope,
                    ldtt = titles,
                    limit = limit,
                    percent = percent
                );
                Verdict::fail(finding, Key::LawCstdcsRatioHelp)
            } else {
                Verdict::Pass
            };
            j.judge(rule, &c, sev, v);
        }
    }
}
