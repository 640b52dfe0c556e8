//! Looking records up (`thidua find`, `thidua history`): people and units by
//! a part of their name or id, compared on [`text::search_key`] (case,
//! diacritics, Unicode form, spacing and dashes ignored); one subject by id,
//! code or name; and everything the folder holds for it, year by year.

use std::collections::BTreeMap;

use crate::model::text::search_key;
use crate::model::{Award, Dataset, Evaluation, Person, Proposal, Recipient};
use crate::rules::chains::{self, Chains};

/// What `find` found: positions in `ds.people` and `ds.units`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub people: Vec<usize>,
    pub units: Vec<usize>,
}

impl Found {
    pub fn len(&self) -> usize {
        self.people.len() + self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// People and units whose name, id (or, for people, code) contains `text`
/// under [`search_key`]. An empty key matches nothing.
pub fn find(ds: &Dataset, text: &str) -> Found {
    let key = search_key(text);
    if key.is_empty() {
        return Found::default();
    }
    let hit = |s: &str| search_key(s).contains(&key);
    Found {
        people: (0..ds.people.len())
            .filter(|&i| {
                let p = &ds.people[i];
                hit(ds.str(p.name)) || hit(ds.str(p.id)) || code(ds, p).is_some_and(hit)
            })
            .collect(),
        units: (0..ds.units.len())
            .filter(|&i| hit(ds.str(ds.units[i].name)) || hit(ds.str(ds.units[i].id)))
            .collect(),
    }
}

/// A person's `code`, where the folder records one.
pub fn code<'d>(ds: &'d Dataset, p: &Person) -> Option<&'d str> {
    p.code.map(|c| ds.str(c))
}

/// Which records `query` names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// One subject: all the rows of one individual (sharing a code), or
    /// one unit.
    One(Vec<Recipient>),
    /// Several people or units: the query must be made precise.
    Many(Found),
    None,
}

/// The subject `query` names: an id (people first), a code, else a name —
/// one whose key equals the query's, else those containing it.
pub fn resolve(ds: &Dataset, query: &str) -> Resolved {
    let q = query.trim();
    if let Some(s) = ds.strings.get(q) {
        if let Some(p) = ds.people.iter().find(|p| p.id == s) {
            return Resolved::One(rows_of(ds, p));
        }
        if ds.units.iter().any(|u| u.id == s) {
            return Resolved::One(vec![Recipient::Unit(s)]);
        }
        if let Some(p) = ds.people.iter().find(|p| p.code == Some(s)) {
            return Resolved::One(rows_of(ds, p));
        }
    }
    let key = search_key(q);
    let found = find(ds, q);
    let exact = Found {
        people: found
            .people
            .iter()
            .copied()
            .filter(|&i| search_key(ds.str(ds.people[i].name)) == key)
            .collect(),
        units: found
            .units
            .iter()
            .copied()
            .filter(|&i| search_key(ds.str(ds.units[i].name)) == key)
            .collect(),
    };
    let pick = if exact.is_empty() { found } else { exact };
    // Several rows of one individual (one code) are one subject.
    if pick.units.is_empty() && pick.people.len() > 1 {
        let first = &ds.people[pick.people[0]];
        if first.code.is_some() && pick.people.iter().all(|&i| ds.people[i].code == first.code) {
            return Resolved::One(rows_of(ds, first));
        }
    }
    match pick.len() {
        0 => Resolved::None,
        1 if pick.people.len() == 1 => Resolved::One(rows_of(ds, &ds.people[pick.people[0]])),
        1 => Resolved::One(vec![Recipient::Unit(ds.units[pick.units[0]].id)]),
        _ => Resolved::Many(pick),
    }
}

/// The rows of the individual `p` is a row of: every people row sharing
/// its `code` (data format §9.1), in file order; else `p` alone.
pub fn rows_of(ds: &Dataset, p: &Person) -> Vec<Recipient> {
    let mut rows = vec![Recipient::Person(p.id)];
    if let Some(code) = p.code {
        rows = ds
            .people
            .iter()
            .filter(|q| q.code == Some(code) && (!q.flawed || q.id == p.id))
            .map(|q| Recipient::Person(q.id))
            .collect();
        rows.dedup();
    }
    rows
}

/// One year of a subject's history.
#[derive(Debug, Default)]
pub struct Year<'d> {
    pub evaluations: Vec<&'d Evaluation>,
    pub awards: Vec<&'d Award>,
    pub proposals: Vec<&'d Proposal>,
}

/// Everything the folder holds for a subject, by year, and the chains up to
/// its last year.
#[derive(Debug)]
pub struct History<'d> {
    pub subject: Vec<Recipient>,
    pub years: BTreeMap<u16, Year<'d>>,
    pub chains: Chains,
    /// The year the chains are counted to.
    pub upto: u16,
}

/// The history of `subject` (its rows). Flawed records are left out.
pub fn history<'d>(ds: &'d Dataset, subject: Vec<Recipient>) -> History<'d> {
    let mut years: BTreeMap<u16, Year<'d>> = BTreeMap::new();
    let of = |r: Recipient| subject.contains(&r);
    for e in ds.evaluations.iter().filter(|e| !e.flawed && of(e.subject)) {
        years.entry(e.year).or_default().evaluations.push(e);
    }
    for a in ds.awards.iter().filter(|a| !a.flawed && of(a.recipient)) {
        years.entry(a.year).or_default().awards.push(a);
    }
    for p in ds.proposals.iter().filter(|p| !p.flawed && of(p.recipient)) {
        years.entry(p.year).or_default().proposals.push(p);
    }
    let upto = years.keys().next_back().copied().unwrap_or(0);
    let chains = chains::chains(
        years.values().flat_map(|y| y.awards.iter().copied()),
        upto,
        &[],
    );
    History {
        subject,
        years,
        chains,
        upto,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_finds_nothing() {
        assert!(find(&Dataset::default(), " - ").is_empty());
    }
}
