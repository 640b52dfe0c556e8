//! The law's findings as `check` keeps them: a folder may have a million,
//! so each is a few numbers — the claim it is about, the rule, the
//! severity, the window and the help — and what was found, kept once for
//! every finding that found the same (`ldtt-rating`'s "rated `ht` in
//! 2018", `missing-evidence`'s "no evaluation for 2019"). Everything else
//! a [`Diagnostic`] carries — the file, the line, the record's id, the
//! recipient's name, the citation — is the dataset's, and a finding is made
//! into a [`Diagnostic`] only when it is written out ([`LawFindings::get`]),
//! one at a time. [`Findings`] is what the emitters read: the other
//! findings and these, in one order.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diag::{Diagnostic, Level, RuleId, Severity};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{Dataset, Loc, Sym};
use crate::msg;

use super::index::{pack, source, Claim, Source};
use super::WindowId;

/// No related record.
const NONE: u32 = u32::MAX;

/// The law's findings of one run, with the `[rules]` levels applied as
/// [`crate::diag::Diagnostics`] applies them.
#[derive(Debug, Default)]
pub struct LawFindings {
    overrides: HashMap<RuleId, Level>,
    items: Vec<LawFinding>,
    /// Each distinct thing found, kept once.
    said: HashSet<Arc<Msg>>,
    /// The records related findings point to (the first of two duplicates),
    /// by [`LawFinding::related`].
    related: Vec<Loc>,
    errors: usize,
    warnings: usize,
}

/// One finding of a law rule about one claim.
#[derive(Clone, Debug)]
struct LawFinding {
    /// What was found ("rated `ht` in 2018"); for `missing-evidence`, the
    /// evidence missing. Shared with the findings that found the same.
    what: Arc<Msg>,
    /// The claim: an award or a pending proposal ([`pack`]).
    claim: u32,
    /// The recipient's name as the finding gives it.
    name: Sym,
    /// Position in [`LawFindings::related`], or `NONE`.
    related: u32,
    help: Key,
    rule: RuleId,
    /// The rule that found it, or that could not judge the claim (for
    /// `missing-evidence`): whose citation the finding gives.
    of: RuleId,
    severity: Severity,
    window: WindowId,
}

/// What a finding found: new, or already shared by the judge (a reason
/// the evidence is missing).
pub(crate) enum What {
    New(Msg),
    Shared(Arc<Msg>),
}

/// A finding as the judge hands it over.
pub(crate) struct Found<'c> {
    pub rule: RuleId,
    pub of: RuleId,
    pub severity: Severity,
    pub claim: &'c Claim,
    pub name: Sym,
    pub what: What,
    pub help: Key,
    pub related: Option<Loc>,
}

impl LawFindings {
    /// A sink whose levels for the named rules replace the rules' defaults.
    pub fn with_overrides(overrides: HashMap<RuleId, Level>) -> Self {
        LawFindings {
            overrides,
            ..Self::default()
        }
    }

    /// The level configured for `rule`, if the user set one.
    pub fn configured(&self, rule: RuleId) -> Option<Level> {
        self.overrides.get(&rule).copied()
    }

    /// Records a finding, at its configured level or not at all when that
    /// level is `off`.
    pub(crate) fn push(&mut self, f: Found<'_>) {
        let severity = match self.overrides.get(&f.rule) {
            Some(level) => match level.severity() {
                Some(s) => s,
                None => return,
            },
            None => f.severity,
        };
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        let what = match f.what {
            What::Shared(shared) => shared,
            What::New(what) => match self.said.get(&what) {
                Some(shared) => Arc::clone(shared),
                None => {
                    let shared = Arc::new(what);
                    self.said.insert(Arc::clone(&shared));
                    shared
                }
            },
        };
        let related = match f.related {
            Some(loc) => {
                self.related.push(loc);
                (self.related.len() - 1) as u32
            }
            None => NONE,
        };
        self.items.push(LawFinding {
            what,
            claim: pack(f.claim.source),
            name: f.name,
            related,
            help: f.help,
            rule: f.rule,
            of: f.of,
            severity,
            window: f.claim.window,
        });
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    pub fn warnings(&self) -> usize {
        self.warnings
    }

    /// The finding at `i` as a [`Diagnostic`], its texts escaped as
    /// [`crate::diag::Diagnostics::push`] escapes them.
    pub fn get(&self, i: usize, ds: &Dataset) -> Diagnostic {
        let f = &self.items[i];
        let (proposal, id, code, year, loc) = match source(f.claim) {
            Source::Award(i) => {
                let a = &ds.awards[i];
                (false, a.id, a.award, a.year, a.loc)
            }
            Source::Proposal(i) => {
                let p = &ds.proposals[i];
                (true, p.id, p.award, p.year, p.loc)
            }
        };
        let subject = super::evidence::subject(proposal, code, ds.str(f.name), year);
        let what = Arg::Shared(Arc::clone(&f.what));
        let message = if f.rule == RuleId::MissingEvidence {
            msg!(
                Key::LawMissingEvidence,
                subject = subject,
                rule = f.of.as_str(),
                reason = what
            )
        } else {
            msg!(Key::LawMessage, subject = subject, finding = what)
        };
        let citation = super::find_law(f.of)
            .and_then(|r| r.windows[f.window].map(|a| a.citation))
            .unwrap_or("");
        let mut d = Diagnostic::new(f.rule, message)
            .window_severity(f.severity)
            .at(ds.shared_path(loc), Some(loc.line))
            .record(ds.str(id))
            .cite(citation)
            .help(f.help);
        if let Some(&related) = self.related.get(f.related as usize) {
            d = d.related(
                ds.path(related).to_string(),
                related.line,
                Key::LawFirstRecorded,
            );
        }
        crate::diag::defang(&mut d);
        d
    }

    /// Every finding as a [`Diagnostic`], in the order they are kept.
    pub fn diagnostics<'s>(&'s self, ds: &'s Dataset) -> impl Iterator<Item = Diagnostic> + 's {
        (0..self.items.len()).map(move |i| self.get(i, ds))
    }

    /// The id of the record each finding is about.
    pub fn records<'s>(&'s self, ds: &'s Dataset) -> impl Iterator<Item = Sym> + 's {
        self.items.iter().map(|f| match source(f.claim) {
            Source::Award(i) => ds.awards[i].id,
            Source::Proposal(i) => ds.proposals[i].id,
        })
    }

    /// Where the record of the finding at `i` is.
    fn loc(&self, i: usize, ds: &Dataset) -> Loc {
        match source(self.items[i].claim) {
            Source::Award(i) => ds.awards[i].loc,
            Source::Proposal(i) => ds.proposals[i].loc,
        }
    }

    /// Sorts the findings as [`crate::diag::Diagnostics::sort`] sorts
    /// findings with a line: by file, line and rule, keeping the order of
    /// equal ones. The key is made once per finding, from the rank of its
    /// file among the paths and of its rule among the ids.
    pub fn sort(&mut self, ds: &Dataset) {
        let mut files: Vec<u32> = (0..ds.files.len() as u32).collect();
        files.sort_by(|&a, &b| ds.files[a as usize].path.cmp(&ds.files[b as usize].path));
        let mut file_rank = vec![0u32; files.len()];
        for (rank, &f) in files.iter().enumerate() {
            file_rank[f as usize] = rank as u32;
        }
        let rule_rank = rule_ranks();
        let mut keys: Vec<u128> = (0..self.items.len())
            .map(|i| {
                let loc = self.loc(i, ds);
                u128::from(file_rank[loc.file.0 as usize]) << 72
                    | u128::from(loc.line) << 40
                    | u128::from(rule_rank[self.items[i].rule as usize]) << 32
                    | i as u128
            })
            .collect();
        keys.sort_unstable();
        let order: Vec<u32> = keys.into_iter().map(|k| k as u32).collect();
        crate::diag::permute(&mut self.items, order);
    }
}

/// Each rule's rank among the rules' ids in text order, by `RuleId`.
fn rule_ranks() -> Vec<u8> {
    let mut ids: Vec<RuleId> = RuleId::ALL.to_vec();
    ids.sort_by_key(|r| r.as_str());
    let mut rank = vec![0u8; RuleId::ALL.len()];
    for (i, r) in ids.into_iter().enumerate() {
        rank[r as usize] = i as u8;
    }
    rank
}

/// Every finding of a run in the order `check` writes them: the other
/// findings (sorted by [`crate::diag::Diagnostics::sort`]) and the law's
/// (sorted by [`LawFindings::sort`]), merged.
#[derive(Clone, Copy)]
pub struct Findings<'a> {
    pub other: &'a [Diagnostic],
    pub law: Option<(&'a LawFindings, &'a Dataset)>,
}

impl<'a> Findings<'a> {
    /// Findings without the law's (tests, and outputs that have none).
    pub fn of(other: &'a [Diagnostic]) -> Findings<'a> {
        Findings { other, law: None }
    }

    pub fn len(&self) -> usize {
        self.other.len() + self.law.map_or(0, |(l, _)| l.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every finding, in order; a law finding is made when it is reached.
    pub fn iter(&self) -> impl Iterator<Item = Cow<'a, Diagnostic>> + 'a {
        let other = self.other;
        let law = self.law;
        let (mut i, mut j) = (0, 0);
        let n = law.map_or(0, |(l, _)| l.len());
        std::iter::from_fn(move || match (other.get(i), law.filter(|_| j < n)) {
            (None, None) => None,
            (Some(d), None) => {
                i += 1;
                Some(Cow::Borrowed(d))
            }
            (d, Some((l, ds))) => {
                let loc = l.loc(j, ds);
                let rule = l.items[j].rule;
                if let Some(d) = d.filter(|d| comes_before(d, ds.path(loc), loc.line, rule)) {
                    i += 1;
                    return Some(Cow::Borrowed(d));
                }
                j += 1;
                Some(Cow::Owned(l.get(j - 1, ds)))
            }
        })
    }
}

/// Whether `d` sorts before a law finding of `rule` at `line` of `path`
/// (equal keys cannot be: a law rule's findings are all the law's).
fn comes_before(d: &Diagnostic, path: &str, line: u32, rule: RuleId) -> bool {
    let Some(line_d) = d.line else {
        // Whole-file findings and the causes come first.
        return true;
    };
    if matches!(
        d.rule,
        RuleId::ParseError | RuleId::MissingColumn | RuleId::NonCanonicalFile
    ) {
        return true;
    }
    (d.file.as_deref(), line_d, d.rule.as_str()) < (Some(path), line, rule.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_law_finding_stays_small() {
        // A folder may have a million; what varies is shared.
        assert!(std::mem::size_of::<LawFinding>() <= 32);
    }
}
