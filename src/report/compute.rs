//! Computes a [`Report`] from a [`Dataset`] in time linear in the records:
//! one pass buckets the awards and proposals of the wanted years, then each
//! year is tallied in one pass over its own records. Distinct recipients are
//! counted with one bit set per recipient and group in dense arrays indexed
//! by the interned id, cleared after each year.

use std::collections::{HashMap, HashSet};

use crate::model::{
    AwardCode, AwardKind, Code, Dataset, Gender, Issuer, Recipient, RecordType, Sym,
};

use super::{Counts, Denominator, DirectWorkers, Excluded, Named, Report, Tallies, Unreadable};

const KINDS: usize = AwardKind::ALL.len();
const ISSUERS: usize = Issuer::ALL.len();
const CODES: usize = AwardCode::ALL.len();
/// Bit 0: counted in the totals; then one bit per kind, issuer and award code;
/// the last bit marks a person with a proposal.
const KIND_BIT: usize = 1;
const ISSUER_BIT: usize = KIND_BIT + KINDS;
const CODE_BIT: usize = ISSUER_BIT + ISSUERS;
const PROPOSED_BIT: usize = 63;
const _: () = assert!(
    CODE_BIT + CODES <= PROPOSED_BIT,
    "too many codes for the bit sets"
);

const NONE: u32 = u32::MAX;

/// Computes the report of `years` (ascending). For a single year that is not a
/// range, the year before is computed too, for the changes.
pub fn compute(
    ds: &Dataset,
    organisation: String,
    years: &[u16],
    trend: bool,
    law_findings: Option<usize>,
) -> Report {
    let prev_year = (!trend)
        .then(|| years.first().map(|y| y.saturating_sub(1)))
        .flatten();
    let mut wanted: Vec<u16> = years.to_vec();
    wanted.extend(prev_year);
    let ctx = Lookup::new(ds);
    let mut buckets: HashMap<u16, Bucket> =
        wanted.iter().map(|&y| (y, Bucket::default())).collect();
    for (i, a) in ds.awards.iter().enumerate() {
        if let Some(b) = buckets.get_mut(&a.year) {
            if a.flawed {
                b.excluded.awards += 1;
            } else {
                b.awards.push(i as u32);
            }
        }
    }
    for (i, p) in ds.proposals.iter().enumerate() {
        if let Some(b) = buckets.get_mut(&p.year) {
            if p.flawed {
                b.excluded.proposals += 1;
            } else if p.recipient.is_person() {
                b.proposals.push(i as u32);
            }
        }
    }
    let mut seen = Seen {
        person: vec![0; ds.strings.len()],
        unit: vec![0; ds.strings.len()],
    };
    let mut tally = |y: u16| {
        let b = buckets.remove(&y).unwrap_or_default();
        tally_year(ds, &ctx, y, &b, &mut seen)
    };
    let tallied: Vec<Tallies> = years.iter().map(|&y| tally(y)).collect();
    let previous = prev_year.map(&mut tally).filter(Tallies::has_data);
    let unreadable = Unreadable {
        awards: ds.dropped[RecordType::Award.index()] as u64,
        proposals: ds.dropped[RecordType::Proposal.index()] as u64,
    };
    let flawed = ds.campaigns.iter().filter(|c| c.flawed).count()
        + ds.units.iter().filter(|u| u.flawed).count()
        + ds.people.iter().filter(|p| p.flawed).count();
    let dropped: usize = [RecordType::Campaign, RecordType::Unit, RecordType::Person]
        .iter()
        .map(|t| ds.dropped[t.index()])
        .sum();
    Report {
        organisation,
        years: tallied,
        trend,
        previous,
        unreadable,
        other_errors: (flawed + dropped) as u64,
        law_findings,
        records_from: None,
    }
}

#[derive(Default)]
struct Bucket {
    awards: Vec<u32>,
    proposals: Vec<u32>,
    excluded: Excluded,
}

/// Per interned id, the groups a recipient was already counted in.
struct Seen {
    person: Vec<u64>,
    unit: Vec<u64>,
}

/// Dense look-ups from an interned id to its record.
struct Lookup {
    person_of: Vec<u32>,
    unit_of: Vec<u32>,
    campaign_of: Vec<u32>,
    /// The top-level unit of each unit (by position).
    top_of_unit: Vec<u32>,
}

impl Lookup {
    fn new(ds: &Dataset) -> Lookup {
        let n = ds.strings.len();
        let mut person_of = vec![NONE; n];
        let mut unit_of = vec![NONE; n];
        let mut campaign_of = vec![NONE; n];
        // The first record of an id wins, as in `Dataset::*_index`.
        for (i, p) in ds.people.iter().enumerate().rev() {
            person_of[p.id.index()] = i as u32;
        }
        for (i, u) in ds.units.iter().enumerate().rev() {
            unit_of[u.id.index()] = i as u32;
        }
        for (i, c) in ds.campaigns.iter().enumerate().rev() {
            campaign_of[c.id.index()] = i as u32;
        }
        let index = ds.unit_index();
        let top_of_unit = ds
            .units
            .iter()
            .map(|u| unit_of[ds.top_unit(u.id, &index).index()])
            .collect();
        Lookup {
            person_of,
            unit_of,
            campaign_of,
            top_of_unit,
        }
    }

    /// The top-level unit (by position) a recipient belongs to, if known.
    fn top(&self, ds: &Dataset, r: Recipient) -> u32 {
        let unit = match r {
            Recipient::Unit(u) => self.unit_of[u.index()],
            Recipient::Person(p) => match self.person_of[p.index()] {
                NONE => NONE,
                i => self.unit_of[ds.people[i as usize].unit.index()],
            },
        };
        match unit {
            NONE => NONE,
            u => self.top_of_unit[u as usize],
        }
    }
}

/// Adds one award to `c`, counting its recipient once per group `bit`.
fn bump(c: &mut Counts, bits: &mut u64, bit: usize, person: bool) {
    let mask = 1u64 << bit;
    count(c, *bits & mask == 0, person);
    *bits |= mask;
}

fn tally_year(ds: &Dataset, lk: &Lookup, year: u16, b: &Bucket, seen: &mut Seen) -> Tallies {
    let mut totals = Counts::default();
    let mut kinds = [Counts::default(); KINDS];
    let mut issuers = [Counts::default(); ISSUERS];
    let mut codes = [Counts::default(); CODES];
    let mut genders = [Counts::default(); 3];
    let mut any_gender = false;
    // Top-level units by position; the last slot for an unknown unit.
    let mut units = vec![Counts::default(); ds.units.len() + 1];
    let mut campaigns: HashMap<u32, Counts> = HashMap::new();
    let mut campaign_seen: HashSet<(u32, Recipient)> = HashSet::new();
    let mut direct = 0u64;
    let mut awarded_people = 0u64;

    for &i in &b.awards {
        let a = &ds.awards[i as usize];
        let (person, sym): (bool, Sym) = match a.recipient {
            Recipient::Person(p) => (true, p),
            Recipient::Unit(u) => (false, u),
        };
        let bits = if person {
            &mut seen.person[sym.index()]
        } else {
            &mut seen.unit[sym.index()]
        };
        let first = *bits & 1 == 0;
        bump(&mut totals, bits, 0, person);
        bump(
            &mut kinds[a.kind as usize],
            bits,
            KIND_BIT + a.kind as usize,
            person,
        );
        bump(
            &mut issuers[a.issuer as usize],
            bits,
            ISSUER_BIT + a.issuer as usize,
            person,
        );
        bump(
            &mut codes[a.award as usize],
            bits,
            CODE_BIT + a.award as usize,
            person,
        );

        // A recipient belongs to one top-level unit and has one gender, so
        // "first time in the year" is "first time in its group".
        let top = lk.top(ds, a.recipient);
        let slot = if top == NONE {
            ds.units.len()
        } else {
            top as usize
        };
        count(&mut units[slot], first, person);
        if person {
            let rec = lk.person_of[sym.index()];
            let p = (rec != NONE).then(|| &ds.people[rec as usize]);
            let gender = p.and_then(|p| p.gender);
            any_gender |= gender.is_some();
            let g = match gender {
                Some(Gender::Nam) => 0,
                Some(Gender::Nu) => 1,
                None => 2,
            };
            count(&mut genders[g], first, true);
            if first {
                awarded_people += 1;
                direct += u64::from(p.is_some_and(|p| p.direct_worker));
            }
        }
        if let Some(c) = a
            .campaign
            .map(|c| lk.campaign_of[c.index()])
            .filter(|&c| c != NONE)
        {
            let fresh = campaign_seen.insert((c, a.recipient));
            count(campaigns.entry(c).or_default(), fresh, person);
        }
    }

    let proposed = proposed_people(ds, b, seen);
    reset_seen(ds, b, seen);

    let direct_workers = if b.proposals.is_empty() {
        direct_workers(direct, awarded_people, Denominator::Awarded)
    } else {
        direct_workers(direct, proposed, Denominator::Proposals)
    };
    let by_gender = if any_gender {
        [Some(Gender::Nam), Some(Gender::Nu), None]
            .into_iter()
            .zip(genders)
            .filter(|(_, c)| !c.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    let by_unit = named_units(ds, &units);
    let campaigns = named_campaigns(ds, campaigns);

    Tallies {
        year,
        totals,
        by_kind: nonempty(&kinds),
        by_award: nonempty(&codes),
        by_issuer: nonempty(&issuers),
        by_gender,
        by_unit,
        campaigns,
        direct_workers,
        excluded: b.excluded,
    }
}

/// The share of direct workers among the awarded people, out of
/// `proposed` (the people proposed, else those awarded).
fn direct_workers(direct: u64, proposed: u64, denominator: Denominator) -> DirectWorkers {
    let rate_percent = if proposed == 0 {
        0.0
    } else {
        (direct as f64 / proposed as f64 * 10_000.0).round() / 100.0
    };
    DirectWorkers {
        awarded: direct,
        proposed,
        rate_percent,
        denominator,
    }
}

/// How many people were proposed in the year (each once).
fn proposed_people(ds: &Dataset, b: &Bucket, seen: &mut Seen) -> u64 {
    let mut proposed = 0u64;
    for &i in &b.proposals {
        let sym = ds.proposals[i as usize].recipient.id();
        let bits = &mut seen.person[sym.index()];
        if *bits & (1 << PROPOSED_BIT) == 0 {
            *bits |= 1 << PROPOSED_BIT;
            proposed += 1;
        }
    }
    proposed
}

/// Clears the "seen" bits the year set, for the next year.
fn reset_seen(ds: &Dataset, b: &Bucket, seen: &mut Seen) {
    for &i in &b.awards {
        match ds.awards[i as usize].recipient {
            Recipient::Person(p) => seen.person[p.index()] = 0,
            Recipient::Unit(u) => seen.unit[u.index()] = 0,
        }
    }
    for &i in &b.proposals {
        seen.person[ds.proposals[i as usize].recipient.id().index()] = 0;
    }
}

/// The top-level units with awards, in file order; the last slot of
/// `units` (an unknown unit) last.
fn named_units(ds: &Dataset, units: &[Counts]) -> Vec<Named> {
    let mut by_unit: Vec<Named> = ds
        .units
        .iter()
        .zip(units)
        .enumerate()
        .filter(|(_, (_, c))| !c.is_empty())
        .map(|(rank, (u, c))| Named {
            id: ds.str(u.id).to_string(),
            name: ds.str(u.name).to_string(),
            counts: *c,
            rank,
        })
        .collect();
    if let Some(c) = units.last().filter(|c| !c.is_empty()) {
        by_unit.push(Named {
            id: String::new(),
            name: String::new(),
            counts: *c,
            rank: usize::MAX,
        });
    }
    by_unit
}

/// The campaigns with awards, in file order.
fn named_campaigns(ds: &Dataset, campaigns: HashMap<u32, Counts>) -> Vec<Named> {
    let mut rows: Vec<(u32, Counts)> = campaigns.into_iter().collect();
    rows.sort_unstable_by_key(|(c, _)| *c);
    rows.into_iter()
        .map(|(rank, counts)| {
            let c = &ds.campaigns[rank as usize];
            Named {
                id: ds.str(c.id).to_string(),
                name: ds.str(c.name).to_string(),
                counts,
                rank: rank as usize,
            }
        })
        .collect()
}

/// The groups of a code with awards, in the order of the codes.
fn nonempty<C: Code>(counts: &[Counts]) -> Vec<(C, Counts)> {
    C::ALL
        .iter()
        .zip(counts)
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, c)| (*k, *c))
        .collect()
}

/// Adds one award to `c`, and its recipient when `fresh`.
fn count(c: &mut Counts, fresh: bool, person: bool) {
    c.awards += 1;
    if fresh {
        if person {
            c.individuals += 1;
        } else {
            c.collectives += 1;
        }
    }
}
