//! What the collective rules (`ttldtt-`, `ttldxs-members`, `-discipline`)
//! share: the record of a collective's members in one year, the loop over
//! the claims of a collective title, and the unit's own rating
//! (`ttldtt-`, `ttldxs-rating`).

use std::collections::HashMap;

use crate::diag::RuleId;
use crate::i18n::{Arg, Key, Msg};
use crate::model::{AwardCode, Discipline, Rating, Recipient, Sym};
use crate::msg;
use crate::rules::evidence::{Check, Judge, Verdict};
use crate::rules::index::{Claim, Codes, LDTT_LIKE};

/// The members' tallies of the collective titles' claims, by unit, year and
/// kind of claim (a pending proposal also counts the pending proposals of
/// its year): made once per judgement and read by the four rules that
/// judge members (a province's top unit has hundreds of thousands).
#[derive(Default)]
pub(crate) struct Tallies(HashMap<(Sym, u16, bool), Tally>);

/// Judges the claims of collective title `code` by `rule`: `judge` looks at
/// the members' record (see [`Tallies`]).
pub(super) fn run(
    j: &mut Judge<'_>,
    rule: RuleId,
    code: AwardCode,
    help: Key,
    judge: fn(&Judge<'_>, &Claim, &Tally) -> Check,
) {
    let ix = j.ix;
    let empty = Vec::new();
    // Taken out while the judge records verdicts, and put back for the
    // next rule.
    let mut tallies = std::mem::take(&mut j.tallies);
    for c in ix.claims_of(|c| c == code) {
        let c = &c;
        let Recipient::Unit(u) = c.recipient else {
            continue;
        };
        let Some(sev) = j.level(rule, c) else {
            continue;
        };
        let members = ix.unit_members();
        let tally = tallies
            .0
            .entry((u, c.year, c.is_proposal()))
            .or_insert_with(|| Tally::of(j, c, members.get(&u).unwrap_or(&empty)));
        let check = if tally.members == 0 {
            Check::Unknown(Msg::new(Key::LawReasonNoMembers))
        } else {
            judge(j, c, tally)
        };
        j.judge(rule, c, sev, check.verdict(help));
    }
    j.tallies = tallies;
}

/// Judges the claims of collective title `code` by `rule`: the unit's own
/// evaluation for the year is rated at least `min` (none: unchecked).
pub(super) fn unit_rating(j: &mut Judge<'_>, rule: RuleId, code: AwardCode, min: Rating) {
    j.each_of(
        rule,
        |c| c == code,
        |c| !c.recipient.is_person(),
        |j, c| match j.ix.eval(c.recipient, c.year) {
            None => Verdict::Unknown(j.no_evaluation(c.year)),
            Some(e) if e.rating >= min => Verdict::Pass,
            Some(e) => Verdict::fail(
                msg!(
                    Key::LawUnitRating,
                    year = c.year,
                    rating = Arg::name(e.rating),
                    need = Arg::name(min)
                ),
                Key::LawUnitRatingHelp,
            ),
        },
    );
}

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

/// The lightest discipline that bars a collective title.
const BARRING_DISCIPLINE: Discipline = Discipline::CanhCao;

/// What a collective's members hold and were rated in one year.
pub(super) struct Tally {
    /// Members recruited by the end of the year.
    pub(super) members: usize,
    pub(super) ldtt: usize,
    pub(super) cstdcs: usize,
    /// Members rated below `ht` (named only in a finding).
    pub(super) below: Vec<Recipient>,
    /// Members without an evaluation for the year.
    pub(super) unrated: usize,
    /// The first member disciplined at cảnh cáo or heavier.
    pub(super) disciplined: Option<(Recipient, Discipline)>,
}

impl Tally {
    pub(super) fn of(j: &Judge<'_>, c: &Claim, people: &[usize]) -> Tally {
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
            let (held, eval) = ix.record_of(c, r, c.year);
            t.ldtt += usize::from(held.has_any(LDTT_LIKE));
            t.cstdcs += usize::from(held.has_any(CSTDCS));
            match eval {
                None => t.unrated += 1,
                Some(e) => {
                    if e.rating < Rating::Ht {
                        t.below.push(r);
                    }
                    if let Some(d) = e.discipline.filter(|d| *d >= BARRING_DISCIPLINE) {
                        t.disciplined.get_or_insert((r, d));
                    }
                }
            }
        }
        t
    }
}

/// "6 of 10 members (60 %)".
pub(super) fn share(held: usize, total: usize) -> Msg {
    let pct = if total == 0 {
        0.0
    } else {
        held as f64 * 100.0 / total as f64
    };
    // Rounded as `{:.0}` writes it: half to even.
    let percent = pct.round_ties_even() as i64;
    msg!(Key::LawShare, held = held, total = total, percent = percent)
}

/// Whether `count` of `total` reaches `percent` (strictly more, or at least).
pub(super) fn reaches(count: usize, total: usize, percent: f64, strictly: bool) -> bool {
    let have = count as f64 * 100.0;
    let need = percent * total as f64;
    if strictly {
        have > need + 1e-9
    } else {
        have + 1e-9 >= need
    }
}

pub(super) fn discipline(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if let Some((member, d)) = t.disciplined {
        Check::Fails(msg!(
            Key::LawMemberDiscipline,
            name = Arg::str(j.ix.name(member)),
            discipline = Arg::name(d),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(msg!(Key::LawReasonMembersNoEvaluation, year = c.year))
    } else {
        Check::Holds
    }
}
