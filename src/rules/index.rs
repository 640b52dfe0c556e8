//! The indexes the law rules read, built once per run: awards held by
//! (recipient, year), pending proposals by (recipient, year), evaluations by
//! (subject, year), names, people; and the records to judge ("claims": the
//! awards and the pending proposals), each with its window.

use std::collections::HashMap;

use super::config::RuleConfig;
use crate::model::{
    Award, AwardCode, AwardKind, Dataset, Date, Evaluation, FileId, Issuer, Loc, Person, Proposal,
    ProposalStatus, Recipient, Sym,
};

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
    pub window: super::WindowId,
    pub loc: Loc,
}

impl Claim {
    pub fn is_proposal(&self) -> bool {
        matches!(self.source, Source::Proposal(_))
    }
}

/// No entry in a dense table.
const NONE: u32 = u32::MAX;

/// Everything the rules look up, built once. Lookups by recipient go through
/// dense tables indexed by the interned id (one `u32` per string), with the
/// recipient's awards and evaluations chained through `next` arrays: a
/// recipient holds a handful of records, so walking the chain is cheaper, in
/// time and memory, than hash maps keyed by (recipient, year) over a million
/// records.
pub struct Index<'d> {
    pub ds: &'d Dataset,
    pub claims: Vec<Claim>,
    /// First person / unit record of each id (`NONE`: no such record).
    person_at: Vec<u32>,
    unit_at: Vec<u32>,
    /// Head of each recipient's chain of awards without structural errors,
    /// in file order; `award_next` links the chain.
    award_head: Chains,
    award_next: Vec<u32>,
    /// The same for evaluations.
    eval_head: Chains,
    eval_next: Vec<u32>,
    /// The same for pending proposals (by individual), whose codes count
    /// for the other proposals of their year.
    pending_head: Chains,
    pending_next: Vec<u32>,
    /// Each people row sharing a `code` with an earlier one, mapped to that
    /// individual's first row (`Dataset::identities`): the chains, pending
    /// proposals and evaluations above are keyed by individual, so that a
    /// transfer to another unit does not break a run of years.
    identity: HashMap<Sym, Sym>,
    /// Awards are facts from this year on (`[data] records-from`, else the
    /// earliest award year in the folder).
    pub records_from: u16,
    /// The people of each unit given a collective title, with those of the
    /// units below it (`unit_members`), found once for the collective rules.
    members: std::cell::OnceCell<HashMap<Sym, Vec<usize>>>,
}

/// Chain heads for people and units, by interned id.
struct Chains {
    person: Vec<u32>,
    unit: Vec<u32>,
}

impl Chains {
    fn new(n: usize) -> Chains {
        Chains {
            person: vec![NONE; n],
            unit: vec![NONE; n],
        }
    }

    fn slot(&mut self, r: Recipient) -> &mut u32 {
        match r {
            Recipient::Person(s) => &mut self.person[s.index()],
            Recipient::Unit(s) => &mut self.unit[s.index()],
        }
    }

    fn head(&self, r: Recipient) -> u32 {
        match r {
            Recipient::Person(s) => self.person.get(s.index()).copied().unwrap_or(NONE),
            Recipient::Unit(s) => self.unit.get(s.index()).copied().unwrap_or(NONE),
        }
    }

    /// Links record `i` of `r` in front of the chain (build in reverse to keep
    /// file order).
    fn push(&mut self, next: &mut [u32], r: Recipient, i: usize) {
        let slot = self.slot(r);
        next[i] = *slot;
        *slot = i as u32;
    }
}

/// Which records the law's rules judge; every record counts as evidence
/// whatever the scope.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every award and pending proposal (`check`).
    All,
    /// The claims of these years (`report` judges the years it reports).
    Years(&'a [u16]),
    /// The pending proposals of one file only (`eligible` judges its
    /// candidates, not the folder's records again).
    Proposals(FileId),
}

impl Scope<'_> {
    fn award(self, a: &Award) -> bool {
        match self {
            Scope::All => true,
            Scope::Years(ys) => ys.contains(&a.year),
            Scope::Proposals(_) => false,
        }
    }

    fn proposal(self, p: &Proposal) -> bool {
        match self {
            Scope::All => true,
            Scope::Years(ys) => ys.contains(&p.year),
            Scope::Proposals(f) => p.loc.file == f,
        }
    }
}

impl<'d> Index<'d> {
    /// The index of `ds`, with the claims `scope` judges; the lookups cover
    /// every record whatever the scope.
    pub fn build(ds: &'d Dataset, settings: &RuleConfig, scope: Scope<'_>) -> Index<'d> {
        let n = ds.strings.len();
        let identity = ds.identities();
        let who = |r: Recipient| who(&identity, r);
        let mut person_at = vec![NONE; n];
        for (i, p) in ds.people.iter().enumerate().rev() {
            person_at[p.id.index()] = i as u32;
        }
        let mut unit_at = vec![NONE; n];
        for (i, u) in ds.units.iter().enumerate().rev() {
            unit_at[u.id.index()] = i as u32;
        }
        let mut eval_head = Chains::new(n);
        let mut eval_next = vec![NONE; ds.evaluations.len()];
        for (i, e) in ds
            .evaluations
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, e)| !e.flawed)
        {
            eval_head.push(&mut eval_next, who(e.subject), i);
        }
        let mut award_head = Chains::new(n);
        let mut award_next = vec![NONE; ds.awards.len()];
        for (i, a) in ds
            .awards
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, a)| !a.flawed)
        {
            award_head.push(&mut award_next, who(a.recipient), i);
        }
        let mut claims = Vec::with_capacity(ds.awards.len());
        let mut earliest = u16::MAX;
        for (i, a) in ds.awards.iter().enumerate().filter(|(_, a)| !a.flawed) {
            earliest = earliest.min(a.year);
            if !scope.award(a) {
                continue;
            }
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
        let mut pending_head = Chains::new(n);
        let mut pending_next = vec![NONE; ds.proposals.len()];
        for (i, p) in ds.proposals.iter().enumerate().rev() {
            if !p.flawed && p.status == ProposalStatus::Pending && p.effective_date().is_some() {
                pending_head.push(&mut pending_next, who(p.recipient), i);
            }
        }
        for (i, p) in ds.proposals.iter().enumerate() {
            if p.flawed || p.status != ProposalStatus::Pending {
                continue;
            }
            let Some(date) = p.effective_date() else {
                continue;
            };
            if !scope.proposal(p) {
                continue;
            }
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
            person_at,
            unit_at,
            award_head,
            award_next,
            eval_head,
            eval_next,
            pending_head,
            pending_next,
            identity,
            records_from,
            members: std::cell::OnceCell::new(),
        }
    }

    /// The people (indexes) of each unit claiming a collective title
    /// (TTLĐTT, TTLĐXS) and of every unit below it. Units in a `parent`
    /// cycle are flawed and end the walk.
    pub fn unit_members(&self) -> &HashMap<Sym, Vec<usize>> {
        self.members.get_or_init(|| {
            let targets: std::collections::HashSet<Sym> = self
                .claims
                .iter()
                .filter(|c| matches!(c.code, AwardCode::Ttldtt | AwardCode::Ttldxs))
                .filter_map(|c| match c.recipient {
                    Recipient::Unit(u) => Some(u),
                    Recipient::Person(_) => None,
                })
                .collect();
            if targets.is_empty() {
                return HashMap::new();
            }
            members_of(self.ds, &targets)
        })
    }

    /// The name of a recipient (its id when it names no record).
    pub fn name(&self, r: Recipient) -> &'d str {
        self.ds.str(self.name_sym(r))
    }

    /// [`Index::name`], interned.
    pub fn name_sym(&self, r: Recipient) -> Sym {
        let name = match r {
            Recipient::Person(s) => self.at(&self.person_at, s).map(|i| self.ds.people[i].name),
            Recipient::Unit(s) => self.at(&self.unit_at, s).map(|i| self.ds.units[i].name),
        };
        name.unwrap_or(r.id())
    }

    fn at(&self, table: &[u32], id: Sym) -> Option<usize> {
        table
            .get(id.index())
            .copied()
            .filter(|&i| i != NONE)
            .map(|i| i as usize)
    }

    /// The individual `r` is a row of (units: themselves).
    pub fn who(&self, r: Recipient) -> Recipient {
        who(&self.identity, r)
    }

    /// The codes `r` holds for `year` from awards on file.
    fn held(&self, r: Recipient, year: u16) -> Codes {
        let mut codes = Codes::default();
        let mut i = self.award_head.head(self.who(r));
        while i != NONE {
            let a = &self.ds.awards[i as usize];
            if a.year == year {
                codes.add(a.award);
            }
            i = self.award_next[i as usize];
        }
        codes
    }

    /// The awards on file of `r` without structural errors, in file order.
    pub fn awards_of(&self, r: Recipient) -> impl Iterator<Item = &'d crate::model::Award> + '_ {
        let mut i = self.award_head.head(self.who(r));
        std::iter::from_fn(move || {
            if i == NONE {
                return None;
            }
            let a = &self.ds.awards[i as usize];
            i = self.award_next[i as usize];
            Some(a)
        })
    }

    /// Whether `r` holds one of `codes` for `year`: an award on file, or, for
    /// a pending proposal of that same year, another pending proposal.
    pub fn holds(&self, claim: &Claim, r: Recipient, year: u16, codes: Codes) -> bool {
        if self.held(r, year).has_any(codes) {
            return true;
        }
        claim.is_proposal() && year == claim.year && self.pending_holds(r, year, codes)
    }

    /// Whether a pending proposal of one of `codes` for `r` and `year` is on file.
    pub fn pending_holds(&self, r: Recipient, year: u16, codes: Codes) -> bool {
        let mut i = self.pending_head.head(self.who(r));
        while i != NONE {
            let p = &self.ds.proposals[i as usize];
            if p.year == year && codes.has_any(Codes::of(&[p.award])) {
                return true;
            }
            i = self.pending_next[i as usize];
        }
        false
    }

    /// Whether the folder's awards are facts for `year` for this recipient:
    /// the year is on file, or the person was recruited since records begin
    /// (so everything they ever held is on file).
    pub fn facts(&self, r: Recipient, year: u16) -> bool {
        if year >= self.records_from {
            return true;
        }
        match self.who(r) {
            Recipient::Person(p) => self
                .person(p)
                .and_then(|p| p.hire_date)
                .is_some_and(|h| h.year() >= i32::from(self.records_from)),
            Recipient::Unit(_) => false,
        }
    }

    /// The evaluation of `subject` for `year` (the first on file).
    pub fn eval(&self, subject: Recipient, year: u16) -> Option<&'d Evaluation> {
        let mut i = self.eval_head.head(self.who(subject));
        while i != NONE {
            let e = &self.ds.evaluations[i as usize];
            if e.year == year {
                return Some(e);
            }
            i = self.eval_next[i as usize];
        }
        None
    }

    /// The person `id` (its first record), unless that record is flawed.
    pub fn person(&self, id: Sym) -> Option<&'d Person> {
        self.at(&self.person_at, id)
            .map(|i| &self.ds.people[i])
            .filter(|p| !p.flawed)
    }
}

/// The individual `r` is a row of, by the identity map (units: themselves).
fn who(identity: &HashMap<Sym, Sym>, r: Recipient) -> Recipient {
    match r {
        Recipient::Person(p) if !identity.is_empty() => {
            Recipient::Person(identity.get(&p).copied().unwrap_or(p))
        }
        other => other,
    }
}

/// The people (indexes) of each target unit and of every unit below it.
fn members_of(ds: &Dataset, targets: &std::collections::HashSet<Sym>) -> HashMap<Sym, Vec<usize>> {
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
