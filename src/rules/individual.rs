//! Individual titles: Lao động tiên tiến (LĐTT, and its armed-forces twin
//! CSTT) and Chiến sĩ thi đua cơ sở (CSTĐCS) — the ldtt-* and cstdcs-* rules.

use std::collections::HashMap;

use crate::diag::{Level, Severity};
use crate::model::{AwardCode, Code, Date, Issuer, Rating, Recipient, Sym};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Claim, Source, LDTT_LIKE};
use super::windows::{self, Era};
use super::{find_law, ThresholdId, Variant};
use crate::diag::RuleId;

const LDTT_RATING: RuleId = RuleId::LdttRating;
const LDTT_DISCIPLINE: RuleId = RuleId::LdttDiscipline;
const LDTT_NEW_STAFF: RuleId = RuleId::LdttNewStaff;
const LDTT_ABSENCE: RuleId = RuleId::LdttAbsence;
const CSTDCS_REQUIRES_LDTT: RuleId = RuleId::CstdcsRequiresLdtt;
const CSTDCS_INITIATIVE: RuleId = RuleId::CstdcsInitiative;
const CSTDCS_RATIO: RuleId = RuleId::CstdcsRatio;

/// The figure of `ldtt-new-staff` in each era.
const MIN_MONTHS: [(Era, ThresholdId); 2] = [
    (Era::Law2003, ThresholdId::LdttMinMonthsOld),
    (Era::Law2022, ThresholdId::LdttMinMonths),
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in &ix.claims {
        if !c.recipient.is_person() {
            continue;
        }
        if c.code.is_ldtt_like() {
            rule(j, LDTT_RATING, c, ldtt_rating);
            rule(j, LDTT_DISCIPLINE, c, ldtt_discipline);
            rule(j, LDTT_NEW_STAFF, c, ldtt_new_staff);
            rule(j, LDTT_ABSENCE, c, ldtt_absence);
        } else if c.code == AwardCode::Cstdcs {
            rule(j, CSTDCS_REQUIRES_LDTT, c, cstdcs_requires_ldtt);
            cstdcs_initiative(j, c);
        }
    }
    cstdcs_ratio(j);
}

/// Judges `claim` by rule `i` where it applies.
fn rule(j: &mut Judge<'_>, i: RuleId, c: &Claim, f: fn(&Judge<'_>, &Claim) -> Verdict) {
    if let Some(sev) = j.level(i, c) {
        let v = f(j, c);
        j.judge(i, c, sev, v);
    }
}

fn ldtt_rating(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) if e.rating >= Rating::Htt => Verdict::Pass,
        Some(e) => Verdict::fail(
            tr!(
                j.lang,
                "law.ldtt-rating",
                year = c.year,
                rating = e.rating.name(j.lang)
            ),
            j.lang.t("law.ldtt-rating.help"),
        ),
    }
}

fn ldtt_discipline(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.discipline {
            None => Verdict::Pass,
            Some(d) => Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-discipline",
                    year = c.year,
                    discipline = d.name(j.lang)
                ),
                j.lang.t("law.ldtt-discipline.help"),
            ),
        },
    }
}

fn ldtt_new_staff(j: &Judge<'_>, c: &Claim) -> Verdict {
    let era = windows::get(c.window).era;
    let name = MIN_MONTHS
        .iter()
        .find(|(e, _)| *e == era)
        .map_or(ThresholdId::LdttMinMonths, |(_, n)| *n);
    let min = j.count(name) as i32;
    let help = j.lang.t("law.ldtt-new-staff.help");
    let Recipient::Person(p) = c.recipient else {
        return Verdict::Pass;
    };
    let hired = j.ix.person(p).and_then(|p| p.hire_date);
    if let (Some(h), Some(end)) = (hired, Date::start_of_year(i32::from(c.year) + 1)) {
        let months = h.months_until(end);
        return if months < min {
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-new-staff",
                    hired = h,
                    months = months.max(0),
                    year = c.year,
                    min = min
                ),
                help,
            )
        } else {
            Verdict::Pass
        };
    }
    match j.ix.eval(c.recipient, c.year).and_then(|e| e.months_worked) {
        Some(m) if i32::from(m) < min => Verdict::fail(
            tr!(
                j.lang,
                "law.ldtt-new-staff-worked",
                months = m,
                year = c.year,
                min = min
            ),
            help,
        ),
        Some(_) => Verdict::Pass,
        None => Verdict::Unknown(j.lang.t("law.reason.no-hire-date").to_string()),
    }
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

fn cstdcs_initiative(j: &mut Judge<'_>, c: &Claim) {
    let rule = CSTDCS_INITIATIVE;
    let Some(sev) = j.level(rule, c) else { return };
    let help = j.lang.t("law.cstdcs-initiative.help");
    let Some(e) = j.ix.eval(c.recipient, c.year) else {
        let v = Verdict::Unknown(j.no_evaluation(c.year));
        j.judge(rule, c, sev, v);
        return;
    };
    let rating = e.rating.name(j.lang);
    let unknown_initiative = || Verdict::Unknown(j.lang.t("law.reason.no-initiative").to_string());
    let (verdict, sev) = match (windows::get(c.window).era, e.initiative) {
        (Era::Law2003, Some(true)) => (Verdict::Pass, sev),
        (Era::Law2003, Some(false)) => (
            Verdict::fail(
                tr!(j.lang, "law.cstdcs-initiative-old", year = c.year),
                help,
            ),
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
                    Verdict::fail(
                        tr!(j.lang, "law.cstdcs-initiative-both", year = c.year),
                        help,
                    ),
                    both,
                ),
            }
        }
        (Era::Law2022, Some(false)) => (
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.cstdcs-initiative-new",
                    year = c.year,
                    rating = rating
                ),
                help,
            ),
            sev,
        ),
        (Era::Law2022, None) => (unknown_initiative(), sev),
    };
    j.judge(rule, c, sev, verdict);
}

/// One group of the ratio: a year, an issuer level, and a scope (the
/// top-level unit, or the whole folder).
type Group = (u16, Issuer, Option<Sym>);

fn cstdcs_ratio(j: &mut Judge<'_>) {
    let rule = CSTDCS_RATIO;
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
    let mut cstdcs: HashMap<Group, Vec<(usize, Severity)>> = HashMap::new();
    let mut order: Vec<Group> = Vec::new();
    for (i, c) in ix.claims.iter().enumerate() {
        let (Source::Award(_), Some(issuer)) = (c.source, c.issuer) else {
            continue;
        };
        if c.code.is_ldtt_like() {
            *ldtt
                .entry((c.year, issuer, scope(c.recipient)))
                .or_default() += 1;
        } else if c.code == AwardCode::Cstdcs {
            let Some(sev) = j.level(rule, c) else {
                continue;
            };
            if !ix.facts(c.recipient, c.year) {
                let v = Verdict::Unknown(j.no_history());
                j.judge(rule, c, sev, v);
                continue;
            }
            let key = (c.year, issuer, scope(c.recipient));
            let list = cstdcs.entry(key).or_default();
            if list.is_empty() {
                order.push(key);
            }
            list.push((i, sev));
        }
    }
    let percent = j.threshold(ThresholdId::CstdcsRatioPercent);
    for key in order {
        let list = &cstdcs[&key];
        let titles = ldtt.get(&key).copied().unwrap_or(0);
        let limit = (percent * titles as f64 / 100.0 + 1e-9).floor().max(0.0) as usize;
        for (n, &(i, sev)) in list.iter().enumerate() {
            let c = ix.claims[i];
            let v = if n == limit {
                let scope = key
                    .2
                    .map(|u| {
                        tr!(
                            j.lang,
                            "law.cstdcs-ratio-scope",
                            unit = ix.name(Recipient::Unit(u))
                        )
                    })
                    .unwrap_or_default();
                let finding = tr!(
                    j.lang,
                    "law.cstdcs-ratio",
                    count = list.len(),
                    year = key.0,
                    issuer = key.1.name(j.lang),
                    scope = scope,
                    ldtt = titles,
                    limit = limit,
                    percent = percent
                );
                Verdict::fail(finding, j.lang.t("law.cstdcs-ratio.help"))
            } else {
                Verdict::Pass
            };
            j.judge(rule, &c, sev, v);
        }
    }
}
