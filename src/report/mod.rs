//! Year-end reports (báo cáo tổng kết): the [`Report`] value computed from a
//! [`Dataset`](crate::model::Dataset) by [`compute`], a tabular view of it
//! ([`tables`]), and one renderer per output format.
//!
//! The report counts what was decided: every award of the year is tallied
//! except records with a structural error (§7 of the data format), which are
//! counted in [`Excluded`] instead. Findings of the law's rules never remove
//! anything; their number is carried in [`Report::law_findings`] when known.

pub mod compute;
pub mod csv;
pub mod docx;
pub mod eligible;
pub mod history;
pub mod html;
pub mod json;
pub mod md;
pub mod print;
pub mod render;
pub mod table;
pub mod tables;
pub mod xlsx;

use crate::model::{AwardCode, AwardKind, Gender, Issuer};

pub use compute::compute;
pub use tables::{Cell, Table};

/// Awards (lượt), distinct collectives and distinct individuals of a group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub awards: u64,
    pub collectives: u64,
    pub individuals: u64,
}

impl Counts {
    pub fn is_empty(&self) -> bool {
        self.awards == 0
    }
}

/// A group named by a record of the folder (a campaign, a top-level unit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// The record's id; empty for the group of recipients whose unit is unknown.
    pub id: String,
    pub name: String,
    pub counts: Counts,
    /// Position of the record in the folder, for ordering (`usize::MAX` when unknown).
    pub rank: usize,
}

/// What the direct-worker share was divided by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denominator {
    /// Distinct people with a proposal for the year.
    Proposals,
    /// Distinct people awarded in the year (no proposal names a person).
    Awarded,
}

impl Denominator {
    pub fn code(self) -> &'static str {
        match self {
            Denominator::Proposals => "proposals",
            Denominator::Awarded => "awarded",
        }
    }
}

/// The share of direct workers (người trực tiếp lao động, công tác).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DirectWorkers {
    /// Distinct people awarded in the year who are direct workers.
    pub awarded: u64,
    /// The denominator's count.
    pub proposed: u64,
    /// awarded / proposed × 100, rounded to 2 decimals; 0 when nothing was proposed.
    pub rate_percent: f64,
    pub denominator: Denominator,
}

/// Records left out of a year's tallies for a structural error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Excluded {
    /// Flawed award records of the year.
    pub awards: u64,
    /// Flawed proposal records of the year (left out of the denominator).
    pub proposals: u64,
}

/// Rows of the folder that never became records (their year is unknown).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unreadable {
    pub awards: u64,
    pub proposals: u64,
}

/// One year's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Tallies {
    pub year: u16,
    pub totals: Counts,
    /// Non-empty groups, in the order of the codes.
    pub by_kind: Vec<(AwardKind, Counts)>,
    pub by_award: Vec<(AwardCode, Counts)>,
    pub by_issuer: Vec<(Issuer, Counts)>,
    /// Awards to people by gender (`None`: not recorded); empty when no
    /// awarded person has a gender.
    pub by_gender: Vec<(Option<Gender>, Counts)>,
    /// Top-level units, rolled up from their sub-units and their people, in
    /// the order of the units' files; the unknown unit last.
    pub by_unit: Vec<Named>,
    /// Campaigns with awards, in the order of the campaigns' files.
    pub campaigns: Vec<Named>,
    pub direct_workers: DirectWorkers,
    pub excluded: Excluded,
}

impl Tallies {
    /// Whether the year has any award on file.
    pub fn has_data(&self) -> bool {
        self.totals.awards > 0
    }
}

/// The report of one year (with the year before, for changes) or of a range
/// of years (a trend).
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The organisation that heads every output.
    pub organisation: String,
    /// The years reported, ascending.
    pub years: Vec<Tallies>,
    /// Whether the report was asked for a range (`2016..2020`).
    pub trend: bool,
    /// The year before a single year, when it has data.
    pub previous: Option<Tallies>,
    pub unreadable: Unreadable,
    /// Campaigns, units and people with a structural error, and their rows
    /// that never became records. Their awards are still counted (an award to
    /// a person whose unit is unknown is rolled up under the unknown unit),
    /// but `--strict` refuses them too.
    pub other_errors: u64,
    /// Files of a record type left out whole (unreadable, refused, not
    /// parsed), by path: `--strict` refuses them, the notes name them.
    pub left_out: Vec<String>,
    /// How many findings of the law's rules concern the reported awards, when
    /// they were run (they never change the tallies; `thidua check` lists them).
    pub law_findings: Option<usize>,
    /// `[data] records-from`: awards before this year are not on file, so
    /// their counts are unknown ("—"), not zero.
    pub records_from: Option<u16>,
}

impl Report {
    /// Whether `year`'s awards are on file (not before `records-from`).
    pub fn on_file(&self, year: u16) -> bool {
        self.records_from.is_none_or(|from| year >= from)
    }

    /// Records left out across the reported years, plus unreadable rows.
    pub fn excluded_total(&self) -> u64 {
        let flawed: u64 = self
            .years
            .iter()
            .map(|t| t.excluded.awards + t.excluded.proposals)
            .sum();
        flawed + self.unreadable.awards + self.unreadable.proposals
    }

    /// Everything `--strict` refuses: the records left out and the other
    /// records with a structural error the report rests on.
    pub fn structural_errors(&self) -> u64 {
        self.excluded_total() + self.other_errors + self.left_out.len() as u64
    }
}

/// The years asked for: `2018` or an inclusive range `2016..2020`.
pub fn parse_years(s: &str) -> Option<(Vec<u16>, bool)> {
    let year = |t: &str| -> Option<u16> {
        let t = t.trim();
        if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok().filter(|y| *y >= 1900)
    };
    match s.split_once("..") {
        None => year(s).map(|y| (vec![y], false)),
        Some((a, b)) => {
            let (from, to) = (year(a)?, year(b.strip_prefix('=').unwrap_or(b))?);
            (from <= to && to - from < 100).then(|| ((from..=to).collect(), true))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_years_and_ranges() {
        assert_eq!(parse_years("2018"), Some((vec![2018], false)));
        assert_eq!(
            parse_years("2016..2018"),
            Some((vec![2016, 2017, 2018], true))
        );
        assert_eq!(parse_years("2016..=2017"), Some((vec![2016, 2017], true)));
        assert_eq!(parse_years("2018..2018"), Some((vec![2018], true)));
        for bad in [
            "18",
            "2018..2016",
            "x",
            "2018..",
            "..2018",
            "20189",
            "1000..2000",
            "+201",
        ] {
            assert_eq!(parse_years(bad), None, "{bad}");
        }
    }
}
