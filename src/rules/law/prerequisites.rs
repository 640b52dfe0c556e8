//! What the commendation rules (`bkt-`, `bkttg-`, `hcld3-prerequisites`)
//! share: the years a claim looks back over, the ratings, initiatives and
//! CSTĐCS among them, an earlier award that the years follow, the years
//! an earlier award already counted, and the loop over the claims.

use crate::diag::RuleId;
use crate::i18n::{push_year, Arg, Key, Msg};
use crate::model::{AwardCode, AwardKind, Code, Evaluation, Rating, Recipient};
use crate::msg;
use crate::rules::evidence::{Check, Judge};
use crate::rules::index::{Claim, Codes};
use crate::rules::windows::{self, Era};

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

/// Judges the regular awards of `code` to people by `rule`, with the record
/// `judge` finds for the claim's era.
pub(super) fn run(
    j: &mut Judge<'_>,
    rule: RuleId,
    code: AwardCode,
    judge: fn(&Judge<'_>, &Claim, Era) -> Check,
) {
    j.each_of(
        rule,
        |c| c == code,
        |c| c.recipient.is_person() && c.kind == AwardKind::ThuongXuyen,
        |j, c| {
            let check = judge(j, c, windows::get(c.window).era);
            check.verdict(Key::LawCommendationHelp)
        },
    );
}

/// The years Y−n+1 … Y of a claim.
pub(super) fn years(c: &Claim, n: u32) -> Vec<u16> {
    let n = n.max(1) as i32;
    (i32::from(c.year) - n + 1..=i32::from(c.year))
        .filter_map(|y| u16::try_from(y).ok())
        .collect()
}

/// "2018–2019".
pub(super) fn span(ys: &[u16]) -> Arg {
    match (ys.first(), ys.last()) {
        // The same in every language, and smaller as one text.
        (Some(&a), Some(&b)) if a != b => {
            let mut text = String::with_capacity(11);
            push_year(&mut text, a);
            text.push('–');
            push_year(&mut text, b);
            Arg::from(text)
        }
        (Some(&a), _) => Arg::Year(a),
        _ => Arg::Static(""),
    }
}

/// What was found over the years: "2018: htt, 2019: htxs + sáng kiến, 2020: —".
/// Years and rating codes read the same in every language: they are one
/// text, cut only where an initiative's words (which do not) come in. Many
/// findings carry it (`eligible` makes one for most people), so it is kept
/// small.
/// `evals` are the years' evaluations ([`Index::evals_over`]).
///
/// [`Index::evals_over`]: crate::rules::index::Index::evals_over
fn found(ys: &[u16], evals: &[Option<&Evaluation>]) -> Arg {
    let mut parts = Vec::new();
    let mut text = String::new();
    for (i, (&y, e)) in ys.iter().zip(evals).enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        // Written by hand: `eligible` makes this text for most people, and
        // `write!` costs more than the rest of the rule.
        push_year(&mut text, y);
        match e {
            None => text.push_str(": —"),
            Some(e) => {
                text.push_str(": ");
                text.push_str(e.rating.code());
                if e.initiative == Some(true) {
                    parts.push(Arg::from(std::mem::take(&mut text)));
                    parts.push(Arg::Key(Key::LawWithInitiative));
                }
            }
        }
    }
    if parts.is_empty() {
        return Arg::from(text);
    }
    if !text.is_empty() {
        parts.push(Arg::from(text));
    }
    Arg::concat(parts)
}

/// Every year rated at least `min`.
pub(super) fn ratings(j: &Judge<'_>, c: &Claim, ys: &[u16], min: Rating) -> Check {
    let evals = j.ix.evals_over(c.recipient, ys);
    let mut missing = None;
    for (&y, e) in ys.iter().zip(&evals) {
        match e {
            None => missing = missing.or(Some(y)),
            Some(e) if e.rating < min => {
                return Check::Fails(j.found(|| {
                    msg!(
                        Key::LawRatings,
                        span = span(ys),
                        rating = Arg::name(min),
                        found = found(ys, &evals)
                    )
                }));
            }
            Some(_) => {}
        }
    }
    match missing {
        Some(y) => Check::Unknown(j.no_evaluation(y)),
        None => Check::Holds,
    }
}

/// At least `need` of the years with an evaluation meeting `pred`
/// (`None`: cannot tell for that year).
pub(super) fn years_with(
    j: &Judge<'_>,
    c: &Claim,
    ys: &[u16],
    need: u32,
    key: Key,
    pred: impl Fn(&crate::model::Evaluation) -> Option<bool>,
) -> Check {
    let evals = j.ix.evals_over(c.recipient, ys);
    let (mut yes, mut maybe) = (0u32, 0u32);
    let mut unknown_year = None;
    for (k, e) in evals.iter().enumerate() {
        match e.map(&pred) {
            Some(Some(true)) => yes += 1,
            Some(Some(false)) => {}
            Some(None) | None => {
                maybe += 1;
                unknown_year = unknown_year.or(Some(k));
            }
        }
    }
    if yes >= need {
        Check::Holds
    } else if yes + maybe < need {
        Check::Fails(j.found(|| {
            msg!(
                key,
                need = need,
                span = span(ys),
                count = yes,
                found = found(ys, &evals)
            )
        }))
    } else {
        let (y, e) = match unknown_year {
            Some(k) => (ys[k], evals[k]),
            None => (c.year, j.ix.eval(c.recipient, c.year)),
        };
        match e {
            None => Check::Unknown(j.no_evaluation(y)),
            Some(_) => Check::Unknown(Msg::new(Key::LawReasonNoInitiative)),
        }
    }
}

/// At least `need` CSTĐCS over the years (consecutive ones when `need`
/// equals the number of years).
pub(super) fn cstdcs(j: &Judge<'_>, c: &Claim, ys: &[u16], need: u32) -> Check {
    let held: Vec<u16> = ys
        .iter()
        .copied()
        .filter(|&y| j.ix.holds(c, c.recipient, y, CSTDCS))
        .collect();
    let unknown = ys
        .iter()
        .filter(|&&y| !j.ix.holds(c, c.recipient, y, CSTDCS) && !j.ix.facts(c.recipient, y))
        .count() as u32;
    let count = held.len() as u32;
    if count >= need {
        Check::Holds
    } else if count + unknown >= need {
        Check::Unknown(j.no_history())
    } else {
        Check::Fails(j.found(|| {
            let list = if held.is_empty() {
                Arg::Key(Key::LawNone)
            } else {
                Arg::list(Key::ListComma, held.into_iter().map(Arg::Year))
            };
            msg!(
                Key::LawCstdcsCount,
                need = need,
                span = span(ys),
                held = list
            )
        }))
    }
}

/// Whether an award of `kind` can be the basis of a higher merit award:
/// ad-hoc and thematic results are not (NĐ 152/2025 Đ.4 k3, applied in every
/// window), and for BKT and BKTTG only the regular kind is (rules.md v2).
pub(super) fn regular(kind: AwardKind) -> bool {
    kind == AwardKind::ThuongXuyen
}

/// The latest award of `code` to the claim's recipient for a year before the
/// claim's, of a kind `basis` accepts.
fn latest(j: &Judge<'_>, c: &Claim, code: AwardCode, basis: fn(AwardKind) -> bool) -> Option<u16> {
    j.ix.awards_of(c.recipient)
        .filter(|a| a.award == code && a.year < c.year && basis(a.kind))
        .map(|a| a.year)
        .max()
}

/// An earlier award of `code` of a kind `basis` accepts, followed by `n`
/// years ("05 năm tiếp theo"): the latest such award is for year Y−n or
/// before. Not found is known only when every earlier year of this person is
/// on file.
pub(super) fn follows(
    j: &Judge<'_>,
    c: &Claim,
    code: AwardCode,
    n: u32,
    basis: fn(AwardKind) -> bool,
) -> Check {
    if let Some(y) = latest(j, c, code, basis) {
        return if u32::from(y) + n <= u32::from(c.year) {
            Check::Holds
        } else {
            Check::Fails(j.found(|| {
                msg!(
                    Key::LawFollows,
                    award = Arg::label(code),
                    earlier = y,
                    n = n,
                    year = c.year
                )
            }))
        };
    }
    let Recipient::Person(p) = c.recipient else {
        return Check::Unknown(j.no_history());
    };
    let since = j.ix.person(p).and_then(|p| p.hire_date).map(|h| h.year());
    let complete = since
        .and_then(|y| u16::try_from(y).ok())
        .is_some_and(|y| j.ix.facts(c.recipient, y));
    if !complete {
        return Check::Unknown(j.no_history());
    }
    Check::Fails(j.found(|| {
        let other =
            j.ix.awards_of(c.recipient)
                .find(|a| a.award == code && a.year < c.year);
        match other {
            Some(a) => msg!(
                Key::LawEarlierNotBasis,
                award = Arg::label(code),
                earlier = a.year,
                kind = Arg::name(a.kind)
            ),
            None => msg!(Key::LawEarlier, award = Arg::label(code), year = c.year),
        }
    }))
}

/// Years already counted for an earlier regular award of `code` to the same
/// person (its award year or before) do not count again: the latest such
/// award is for year Y−n or before, where n is the number of years the claim
/// rests on.
pub(super) fn interval(j: &Judge<'_>, c: &Claim, code: AwardCode, n: u32) -> Check {
    match latest(j, c, code, regular) {
        Some(y) if u32::from(y) + n > u32::from(c.year) => Check::Fails(j.found(|| {
            msg!(
                Key::LawInterval,
                award = Arg::label(code),
                earlier = y,
                n = n
            )
        })),
        _ => Check::Holds,
    }
}

pub(super) fn initiative(e: &crate::model::Evaluation) -> Option<bool> {
    e.initiative
}

pub(super) fn htxs_with_initiatives(j: &Judge<'_>, c: &Claim, ys: &[u16], need: u32) -> Check {
    Check::all([
        ratings(j, c, ys, Rating::Htxs),
        years_with(j, c, ys, need, Key::LawInitiatives, initiative),
    ])
}
