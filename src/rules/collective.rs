//! Collective titles: Tập thể lao động tiên tiến (TTLĐTT) and Tập thể lao
//! động xuất sắc (TTLĐXS), judged on the unit's members — the people of the
//! unit and of every unit below it (`parent` links).

use std::collections::{HashMap, HashSet};

use crate::model::{AwardCode, Code, Discipline, Rating, Recipient, Sym};
use crate::tr;

use super::evidence::{Check, Judge};
use super::index::{Claim, Codes, LDTT_LIKE};
use super::windows::{self, Era};
use super::ThresholdId;
use crate::diag::RuleId;

const TTLDTT_MEMBERS: RuleId = RuleId::TtldttMembers;
const TTLDTT_DISCIPLINE: RuleId = RuleId::TtldttDiscipline;
const TTLDXS_MEMBERS: RuleId = RuleId::TtldxsMembers;
const TTLDXS_DISCIPLINE: RuleId = RuleId::TtldxsDiscipline;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

/// The lightest discipline that bars a collective title.
const BARRING_DISCIPLINE: Discipline = Discipline::CanhCao;

/// The share of LĐTT a TTLĐTT needs, by era: the threshold, and whether the
/// share must be strictly more (Luật 2003: "trên 50 %") or at least
/// (Luật 2022: "từ 70 % trở lên").
const TTLDTT_SHARE: [(Era, ThresholdId, bool); 2] = [
    (Era::Law2003, ThresholdId::TtldttMinPercentOld, true),
    (Era::Law2022, ThresholdId::TtldttMinPercent, false),
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let targets: HashSet<Sym> = ix
        .claims
        .iter()
        .filter(|c| matches!(c.code, AwardCode::Ttldtt | AwardCode::Ttldxs))
        .filter_map(|c| match c.recipient {
            Recipient::Unit(u) => Some(u),
            Recipient::Person(_) => None,
        })
        .collect();
    if targets.is_empty() {
        return;
    }
    let members = members_of(j, &targets);
    let empty = Vec::new();
    // The members' record, once per unit, year and kind of claim (a pending
    // proposal also counts pending proposals of the same year).
    let mut tallies: HashMap<(Sym, u16, bool), Tally> = HashMap::new();
    for c in &ix.claims {
        let Recipient::Unit(u) = c.recipient else {
            continue;
        };
        let rules: [RuleId; 2] = match c.code {
            AwardCode::Ttldtt => [TTLDTT_MEMBERS, TTLDTT_DISCIPLINE],
            AwardCode::Ttldxs => [TTLDXS_MEMBERS, TTLDXS_DISCIPLINE],
            _ => continue,
        };
        if rules.iter().all(|&i| j.level(i, c).is_none()) {
            continue;
        }
        let tally = tallies
            .entry((u, c.year, c.is_proposal()))
            .or_insert_with(|| Tally::of(j, c, members.get(&u).unwrap_or(&empty)));
        for i in rules {
            let Some(sev) = j.level(i, c) else {
                continue;
            };
            let check = if tally.members == 0 {
                Check::Unknown(j.lang.t("law.reason.no-members").to_string())
            } else {
                match i {
                    TTLDTT_MEMBERS => ttldtt_share(j, c, tally),
                    TTLDXS_MEMBERS => ttldxs_members(j, c, tally),
                    _ => discipline(j, c, tally),
                }
            };
            let help = j.lang.t(if i == TTLDTT_MEMBERS || i == TTLDXS_MEMBERS {
                "law.members.help"
            } else {
                "law.member-discipline.help"
            });
            j.judge(i, c, sev, check.verdict(help));
        }
    }
}

/// The people (indexes) of each target unit and of every unit below it.
/// Units in a `parent` cycle are flawed and end the walk.
fn members_of(j: &Judge<'_>, targets: &HashSet<Sym>) -> HashMap<Sym, Vec<usize>> {
    let ds = j.ix.ds;
    let index = ds.unit_index();
    let mut out: HashMap<Sym, Vec<usize>> = HashMap::new();
    for (pi, p) in ds.people.iter().enumerate().filter(|(_, p)| !p.flawed) {
        let mut cur = Some(p.unit);
        let mut steps = 0;
        while let Some(u) = cur {
            let Some(&ui) = index.get(&u) else { break };
            let unit = &ds.units[ui];
            if unit.flawed || steps > ds.units.len() {
                break;
            }
            if targets.contains(&u) {
                out.entry(u).or_default().push(pi);
            }
            cur = unit.parent;
            steps += 1;
        }
    }
    out
}

/// What a collective's members hold and were rated in one year.
struct Tally {
    /// Members recruited by the end of the year.
    members: usize,
    ldtt: usize,
    cstdcs: usize,
    /// Members rated below `ht` (names).
    below: Vec<String>,
    /// Members without an evaluation for the year.
    unrated: usize,
    /// The first member disciplined at cảnh cáo or heavier.
    disciplined: Option<(String, Discipline)>,
}

impl Tally {
    fn of(j: &Judge<'_>, c: &Claim, people: &[usize]) -> Tally {
        let ix = j.ix;
        let year_end = crate::model::Date::end_of_year(i32::from(c.year));
        let mut t = Tally {
            members: 0,
            ldtt: 0,
            cstdcs: 0,
            below: Vec::new(),
            unrated: 0,
            disciplined: None,
        };
        for &p in people {
            let person = &ix.ds.people[p];
            if person
                .hire_date
                .is_some_and(|h| year_end.is_some_and(|e| h > e))
            {
                continue;
            }
            t.members += 1;
            let r = Recipient::Person(person.id);
            t.ldtt += usize::from(ix.holds(c, r, c.year, LDTT_LIKE));
            t.cstdcs += usize::from(ix.holds(c, r, c.year, CSTDCS));
            match ix.eval(r, c.year) {
                None => t.unrated += 1,
                Some(e) => {
                    if e.rating < Rating::Ht {
                        t.below.push(ix.name(r).to_string());
                    }
                    if let Some(d) = e.discipline.filter(|d| *d >= BARRING_DISCIPLINE) {
                        t.disciplined
                            .get_or_insert_with(|| (ix.name(r).to_string(), d));
                    }
                }
            }
        }
        t
    }
}

/// "6 of 10 members (60 %)".
fn share_text(j: &Judge<'_>, held: usize, total: usize) -> String {
    let pct = if total == 0 {
        0.0
    } else {
        held as f64 * 100.0 / total as f64
    };
    tr!(
        j.lang,
        "law.share",
        held = held,
        total = total,
        percent = format!("{pct:.0}")
    )
}

/// Whether `count` of `total` reaches `percent` (strictly more, or at least).
fn reaches(count: usize, total: usize, percent: f64, strictly: bool) -> bool {
    let have = count as f64 * 100.0;
    let need = percent * total as f64;
    if strictly {
        have > need + 1e-9
    } else {
        have + 1e-9 >= need
    }
}

fn ttldtt_share(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if !j.ix.facts(c.recipient, c.year) {
        return Check::Unknown(j.no_history());
    }
    let era = windows::get(c.window).era;
    let (name, strictly) = TTLDTT_SHARE
        .iter()
        .find(|(e, _, _)| *e == era)
        .map_or((ThresholdId::TtldttMinPercent, false), |(_, n, s)| (*n, *s));
    let percent = j.threshold(name);
    if reaches(t.ldtt, t.members, percent, strictly) {
        Check::Holds
    } else {
        let key = if strictly {
            "law.ttldtt-members-more"
        } else {
            "law.ttldtt-members-least"
        };
        Check::Fails(tr!(
            j.lang,
            key,
            share = share_text(j, t.ldtt, t.members),
            year = c.year,
            percent = percent
        ))
    }
}

fn ttldxs_members(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    let mut parts = Vec::new();
    parts.push(if !t.below.is_empty() {
        Check::Fails(tr!(
            j.lang,
            "law.ttldxs-rating",
            names = t.below.join(", "),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(tr!(
            j.lang,
            "law.reason.members-no-evaluation",
            year = c.year
        ))
    } else {
        Check::Holds
    });
    if !j.ix.facts(c.recipient, c.year) {
        parts.push(Check::Unknown(j.no_history()));
    } else {
        let percent = j.threshold(ThresholdId::TtldxsMinPercent);
        parts.push(if reaches(t.ldtt, t.members, percent, false) {
            Check::Holds
        } else {
            Check::Fails(tr!(
                j.lang,
                "law.ttldtt-members-least",
                share = share_text(j, t.ldtt, t.members),
                year = c.year,
                percent = percent
            ))
        });
        let min = j.count(ThresholdId::TtldxsMinCstdcs) as usize;
        parts.push(if t.cstdcs >= min {
            Check::Holds
        } else {
            Check::Fails(tr!(
                j.lang,
                "law.ttldxs-cstdcs",
                count = t.cstdcs,
                year = c.year,
                min = min
            ))
        });
    }
    Check::all(parts)
}

fn discipline(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if let Some((name, d)) = &t.disciplined {
        Check::Fails(tr!(
            j.lang,
            "law.member-discipline",
            name = name,
            discipline = d.name(j.lang),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(tr!(
            j.lang,
            "law.reason.members-no-evaluation",
            year = c.year
        ))
    } else {
        Check::Holds
    }
}
