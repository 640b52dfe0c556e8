//! The indexes the law rules read, built once per run: awards held by
//! (recipient, year), pending proposals by (recipient, year), evaluations by
//! (subject, year), names, people; and the records to judge ("claims": the
//! awards and the pending proposals), each with its window.

use std::collections::HashMap;

use crate::model::{
    AwardCode, AwardKind, Code, Dataset, Date, Evaluation, Issuer, Loc, Person, ProposalStatus,
    Recipient, Sym,
};
use crate::settings::Settings;

use super::windows;

/// A set of award codes, one bit each.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Codes(u32);

impl Codes {
    pub const fn of(codes: &[AwardCode]) -> Codes {
        let mut bits = 0;
        let mut i = 0;
        while i < codes.len() {
            bits |= 1 << codes[i] as u32;
            i += 1;
        }
        Codes(bits)
    }

    fn add(&mut self, code: AwardCode) {
        self.0 |= 1 << code as u32;
    }

    pub fn has_any(self, other: Codes) -> bool {
        self.0 & other.0 != 0
    }
}

/// LĐTT and its armed-forces twin CSTT.
pub const LDTT_LIKE: Codes = Codes::of(&[AwardCode::Ldtt, AwardCode::Cstt]);

/// Where a claim comes from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Source {
    Award(usize),
    /// A pending proposal, judged as if granted on its date.
    Proposal(usize),
}

/// A record the law rules judge: an award, or a pending proposal.
#[derive(Clone, Copy, Debug)]
pub struct Claim {
    pub source: Source,
    pub id: Sym,
    pub recipient: Recipient,
    pub code: AwardCode,
    /// Proposals carry no kind: they are judged as regular (year-end) ones.
    pub kind: AwardKind,
    pub issuer: Option<Issuer>,
    pub year: u16,
    /// The decision date (proposals: `date`, else 31 December).
    pub date: Date,
    pub window: usize,
    pub loc: Loc,
}

impl Claim {
    pub fn is_proposal(&self) -> bool {
        matches!(self.source, Source::Proposal(_))
    }
}

/// Everything the rules look up, built once.
pub struct Index<'d> {
    pub ds: &'d Dataset,
    pub claims: Vec<Claim>,
    names: HashMap<Recipient, Sym>,
    held: HashMap<(Recipient, u16), Codes>,
    pending: HashMap<(Recipient, u16), Codes>,
    evals: HashMap<(Recipient, u16), usize>,
    people: HashMap<Sym, usize>,
    /// Awards are facts from this year on (`[data] records-from`, else the
    /// earliest award year in the folder).
    pub records_from: u16,
}

impl<'d> Index<'d> {
    pub fn build(ds: &'d Dataset, settings: &Settings) -> Index<'d> {
        let mut names = HashMap::with_capacity(ds.people.len() + ds.units.len());
        for p in &ds.people {
            names.entry(Recipient::Person(p.id)).or_insert(p.name);
        }
        for u in &ds.units {
            names.entry(Recipient::Unit(u.id)).or_insert(u.name);
        }
        let mut people = HashMap::with_capacity(ds.people.len());
        for (i, p) in ds.people.iter().enumerate().filter(|(_, p)| !p.flawed) {
            people.entry(p.id).or_insert(i);
        }
        let mut evals = HashMap::with_capacity(ds.evaluations.len());
        for (i, e) in ds.evaluations.iter().enumerate().filter(|(_, e)| !e.flawed) {
            evals.entry((e.subject, e.year)).or_insert(i);
        }
        let mut held: HashMap<(Recipient, u16), Codes> = HashMap::with_capacity(ds.awards.len());
        let mut claims = Vec::with_capacity(ds.awards.len());
        let mut earliest = u16::MAX;
        for (i, a) in ds.awards.iter().enumerate().filter(|(_, a)| !a.flawed) {
            held.entry((a.recipient, a.year)).or_default().add(a.award);
            earliest = earliest.min(a.year);
            claims.push(Claim {
                source: Source::Award(i),
                id: a.id,
                recipient: a.recipient,
                code: a.award,
                kind: a.kind,
                issuer: Some(a.issuer),
                year: a.year,
                date: a.decision_date,
                window: windows::at(a.decision_date),
                loc: a.loc,
            });
        }
        let mut pending: HashMap<(Recipient, u16), Codes> = HashMap::new();
        for (i, p) in ds.proposals.iter().enumerate() {
            if p.flawed || p.status != ProposalStatus::Pending {
                continue;
            }
            let Some(date) = p.effective_date() else {
                continue;
            };
            pending
                .entry((p.recipient, p.year))
                .or_default()
                .add(p.award);
            claims.push(Claim {
                source: Source::Proposal(i),
                id: p.id,
                recipient: p.recipient,
                code: p.award,
                kind: AwardKind::ThuongXuyen,
                issuer: None,
                year: p.year,
                date,
                window: windows::at(date),
                loc: p.loc,
            });
        }
        let records_from =
            settings
                .records_from
                .unwrap_or(if earliest == u16::MAX { 0 } else { earliest });
        Index {
            ds,
            claims,
            names,
            held,
            pending,
            evals,
            people,
            records_from,
        }
    }

    /// The name of a recipient (its id when it names no record).
    pub fn name(&self, r: Recipient) -> &'d str {
        self.ds.str(self.names.get(&r).copied().unwrap_or(r.id()))
    }

    /// Whether `r` holds one of `codes` for `year`: an award on file, or, for
    /// a pending proposal of that same year, another pending proposal.
    pub fn holds(&self, claim: &Claim, r: Recipient, year: u16, codes: Codes) -> bool {
        if self.held.get(&(r, year)).is_some_and(|c| c.has_any(codes)) {
            return true;
        }
        claim.is_proposal()
            && year == claim.year
            && self
                .pending
                .get(&(r, year))
                .is_some_and(|c| c.has_any(codes))
    }

    /// Whether the folder's awards are facts for `year` for this recipient:
    /// the year is on file, or the person was recruited since records begin
    /// (so everything they ever held is on file).
    pub fn facts(&self, r: Recipient, year: u16) -> bool {
        if year >= self.records_from {
            return true;
        }
        match r {
            Recipient::Person(p) => self
                .person(p)
                .and_then(|p| p.hire_date)
                .is_some_and(|h| h.year() >= i32::from(self.records_from)),
            Recipient::Unit(_) => false,
        }
    }

    /// The evaluation of `subject` for `year`.
    pub fn eval(&self, subject: Recipient, year: u16) -> Option<&'d Evaluation> {
        self.evals
            .get(&(subject, year))
            .map(|&i| &self.ds.evaluations[i])
    }

    pub fn person(&self, id: Sym) -> Option<&'d Person> {
        self.people.get(&id).map(|&i| &self.ds.people[i])
    }

    /// The award name for messages: the Vietnamese name with its code.
    pub fn award_label(code: AwardCode, lang: crate::i18n::Lang) -> String {
        format!("{} ({})", code.name(lang), code.code())
    }
}
