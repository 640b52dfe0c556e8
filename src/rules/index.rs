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

// Every code has its bit (here and in `eligible`'s table of codes held).
const _: () = assert!(<AwardCode as crate::model::Code>::ALL.len() <= 32);

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

    fn union(self, other: Codes) -> Codes {
        Codes(self.0 | other.0)
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

/// Marks a claim of [`Index::claims`] as a pending proposal (else an award).
const PROPOSAL: u32 = 1 << 31;

/// Everything the rules look up, built once. A recipient's awards,
/// evaluations and pending proposals are chained through `next` arrays from
/// a head per individual and per unit: a recipient holds a handful of
/// records, so walking the chain is cheaper, in time and memory, than hash
/// maps keyed by (recipient, year) over a million records. The claims are
/// kept as four-byte references and made into a [`Claim`] when read.
pub struct Index<'d> {
    pub ds: &'d Dataset,
    /// The claims judged, as record positions (`PROPOSAL` set: a pending
    /// proposal), in file order, awards first.
    claims: Vec<u32>,
    /// The window of each claim, found once rather than by every rule.
    windows: Vec<super::WindowId>,
    /// The award code of each claim: a rule about some codes passes over
    /// the others without making a [`Claim`] of each.
    codes: Vec<AwardCode>,
    /// Where each recipient's chains begin.
    slots: Slots,
    /// Each recipient's awards without structural errors, in file order.
    awards: Chain,
    /// The same for evaluations.
    evals: Chain,
    /// The same for pending proposals (by individual), whose codes count
    /// for the other proposals of their year.
    pending: Chain,
    /// The codes of each slot's pending proposals, when they are all of one
    /// year (`eligible` asks about a recipient's other candidates of the
    /// year for every rule: one look-up instead of a walk).
    pending_codes: Vec<YearCodes>,
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

/// What an [`Index`] holds that the proposals do not change: the
/// individuals, the recipients' slots and their chains of awards and
/// evaluations ([`Index::into_base`], [`Index::build_on`]).
pub struct Base {
    identity: HashMap<Sym, Sym>,
    slots: Slots,
    evals: Chain,
    awards: Chain,
}

impl Base {
    fn new(ds: &Dataset) -> Base {
        let identity = ds.identities();
        let who = |r: Recipient| who(&identity, r);
        let mut slots = Slots::new(ds);
        let rows = slots.rows();
        let mut evals = Chain::new(rows, ds.evaluations.len());
        for (i, e) in ds.evaluations.iter().enumerate().rev() {
            if !e.flawed {
                evals.push(slots.add(who(e.subject)), i);
            }
        }
        let mut awards = Chain::new(rows, ds.awards.len());
        for (i, a) in ds.awards.iter().enumerate().rev() {
            if !a.flawed {
                awards.push(slots.add(who(a.recipient)), i);
            }
        }
        Base {
            identity,
            slots,
            evals,
            awards,
        }
    }
}

/// The slot of each recipient's chains: its people row (the first of its
/// id), its unit row after the people, or — for an id no record bears —
/// one of its own after both.
struct Slots {
    /// First person / unit record of each interned id (`NONE`: no such record).
    person_at: Vec<u32>,
    unit_at: Vec<u32>,
    people: usize,
    units: usize,
    other: HashMap<Recipient, u32>,
}

impl Slots {
    fn new(ds: &Dataset) -> Slots {
        let n = ds.strings.len();
        let mut person_at = vec![NONE; n];
        for (i, p) in ds.people.iter().enumerate().rev() {
            person_at[p.id.index()] = i as u32;
        }
        let mut unit_at = vec![NONE; n];
        for (i, u) in ds.units.iter().enumerate().rev() {
            unit_at[u.id.index()] = i as u32;
        }
        Slots {
            person_at,
            unit_at,
            people: ds.people.len(),
            units: ds.units.len(),
            other: HashMap::new(),
        }
    }

    /// How many slots the records' rows take (other ids come after).
    fn rows(&self) -> usize {
        self.people + self.units
    }

    fn get(&self, r: Recipient) -> Option<usize> {
        let row = match r {
            Recipient::Person(s) => at(&self.person_at, s),
            Recipient::Unit(s) => at(&self.unit_at, s).map(|i| self.people + i),
        };
        row.or_else(|| self.other.get(&r).map(|&k| self.rows() + k as usize))
    }

    /// The slot of `r`, given one of its own if no record bears its id.
    fn add(&mut self, r: Recipient) -> usize {
        if let Some(slot) = self.get(r) {
            return slot;
        }
        let k = self.other.len() as u32;
        self.other.insert(r, k);
        self.rows() + k as usize
    }
}

/// The position of `id`'s record in a dense table by interned id.
fn at(table: &[u32], id: Sym) -> Option<usize> {
    table
        .get(id.index())
        .copied()
        .filter(|&i| i != NONE)
        .map(|i| i as usize)
}

/// The codes of a slot's pending proposals.
#[derive(Clone, Copy)]
enum YearCodes {
    None,
    /// All of one year.
    One(u16, Codes),
    /// Of several years: walk the chain.
    Mixed,
}

impl YearCodes {
    fn add(&mut self, year: u16, code: AwardCode) {
        match self {
            YearCodes::None => *self = YearCodes::One(year, Codes::of(&[code])),
            YearCodes::One(y, codes) if *y == year => codes.add(code),
            _ => *self = YearCodes::Mixed,
        }
    }
}

/// Records of one type chained by recipient slot.
struct Chain {
    head: Vec<u32>,
    next: Vec<u32>,
}

impl Chain {
    fn new(slots: usize, records: usize) -> Chain {
        Chain {
            head: vec![NONE; slots],
            next: vec![NONE; records],
        }
    }

    /// Links record `i` in front of the chain of `slot` (build in reverse
    /// to keep file order).
    fn push(&mut self, slot: usize, i: usize) {
        if slot >= self.head.len() {
            self.head.resize(slot + 1, NONE);
        }
        self.next[i] = self.head[slot];
        self.head[slot] = i as u32;
    }

    /// The records of `slot`, in file order.
    fn walk(&self, slot: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        let mut i = slot.and_then(|s| self.head.get(s).copied()).unwrap_or(NONE);
        std::iter::from_fn(move || {
            if i == NONE {
                return None;
            }
            let here = i as usize;
            i = self.next[here];
            Some(here)
        })
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
        Index::build_on(ds, settings, scope, None)
    }

    /// [`Index::build`], on the `base` of an index of the same dataset
    /// whose proposals alone have changed since (`eligible`'s rounds): the
    /// chains of awards and evaluations are not made again.
    pub fn build_on(
        ds: &'d Dataset,
        settings: &RuleConfig,
        scope: Scope<'_>,
        base: Option<Base>,
    ) -> Index<'d> {
        let base = base.unwrap_or_else(|| Base::new(ds));
        let Base {
            identity,
            mut slots,
            evals,
            awards,
        } = base;
        let who = |r: Recipient| who(&identity, r);
        let rows = slots.rows();
        let mut pending = Chain::new(rows, ds.proposals.len());
        for (i, p) in ds.proposals.iter().enumerate().rev() {
            if pending_claim(p) {
                pending.push(slots.add(who(p.recipient)), i);
            }
        }
        let pending_codes = (0..pending.head.len())
            .map(|slot| {
                let mut codes = YearCodes::None;
                for i in pending.walk(Some(slot)) {
                    codes.add(ds.proposals[i].year, ds.proposals[i].award);
                }
                codes
            })
            .collect();
        let mut claims = Vec::new();
        let mut earliest = u16::MAX;
        for (i, a) in ds.awards.iter().enumerate().filter(|(_, a)| !a.flawed) {
            earliest = earliest.min(a.year);
            if scope.award(a) {
                claims.push(i as u32);
            }
        }
        for (i, p) in ds.proposals.iter().enumerate() {
            if pending_claim(p) && scope.proposal(p) {
                claims.push(i as u32 | PROPOSAL);
            }
        }
        claims.shrink_to_fit();
        let windows = claims
            .iter()
            .map(|&r| windows::at(claim_date(ds, r)))
            .collect();
        let codes = claims
            .iter()
            .map(|&r| match source(r) {
                Source::Award(i) => ds.awards[i].award,
                Source::Proposal(i) => ds.proposals[i].award,
            })
            .collect();
        let records_from =
            settings
                .records_from
                .unwrap_or(if earliest == u16::MAX { 0 } else { earliest });
        Index {
            ds,
            claims,
            windows,
            codes,
            slots,
            awards,
            evals,
            pending,
            pending_codes,
            identity,
            records_from,
            members: std::cell::OnceCell::new(),
        }
    }

    /// What another index of the same dataset, whose proposals alone
    /// change, may be built on ([`Index::build_on`]).
    pub fn into_base(self) -> Base {
        Base {
            identity: self.identity,
            slots: self.slots,
            evals: self.evals,
            awards: self.awards,
        }
    }

    /// The claims that are awards, in file order: the rules about decisions
    /// made pass over the pending proposals (all of `eligible`'s claims)
    /// without making a [`Claim`] of each.
    pub fn award_claims(&self) -> impl Iterator<Item = Claim> + '_ {
        // Awards come first.
        let n = self.claims.partition_point(|&r| r & PROPOSAL == 0);
        (self.claims[..n].iter().zip(&self.windows)).map(|(&r, &w)| self.claim(r, w))
    }

    /// The claims whose award code `code` accepts, in the same order.
    pub fn claims_of<'s>(
        &'s self,
        code: impl Fn(AwardCode) -> bool + 's,
    ) -> impl Iterator<Item = Claim> + 's {
        (self.claims.iter().zip(&self.windows).zip(&self.codes))
            .filter(move |(_, &c)| code(c))
            .map(|((&r, &w), _)| self.claim(r, w))
    }

    /// The claim a reference of `claims` stands for, in window `window`.
    fn claim(&self, r: u32, window: super::WindowId) -> Claim {
        let ds = self.ds;
        match source(r) {
            Source::Award(i) => {
                let a = &ds.awards[i];
                Claim {
                    source: Source::Award(i),
                    id: a.id,
                    recipient: a.recipient,
                    code: a.award,
                    kind: a.kind,
                    issuer: Some(a.issuer),
                    year: a.year,
                    date: a.decision_date,
                    window,
                    loc: a.loc,
                }
            }
            Source::Proposal(i) => {
                let p = &ds.proposals[i];
                Claim {
                    source: Source::Proposal(i),
                    id: p.id,
                    recipient: p.recipient,
                    code: p.award,
                    kind: AwardKind::ThuongXuyen,
                    issuer: None,
                    year: p.year,
                    date: claim_date(ds, r),
                    window,
                    loc: p.loc,
                }
            }
        }
    }

    /// The people (indexes) of each unit claiming a collective title
    /// (TTLĐTT, TTLĐXS) and of every unit below it. Units in a `parent`
    /// cycle are flawed and end the walk.
    pub fn unit_members(&self) -> &HashMap<Sym, Vec<usize>> {
        self.members.get_or_init(|| {
            let targets: std::collections::HashSet<Sym> = self
                .claims_of(|c| matches!(c, AwardCode::Ttldtt | AwardCode::Ttldxs))
                .filter_map(|c| match c.recipient {
                    Recipient::Unit(u) => Some(u),
                    Recipient::Person(_) => None,
                })
                .collect();
            if targets.is_empty() {
                return HashMap::new();
            }
            members_of(self.ds, &self.slots.unit_at, &targets)
        })
    }

    /// The name of a recipient (its id when it names no record).
    pub fn name(&self, r: Recipient) -> &'d str {
        self.ds.str(self.name_sym(r))
    }

    /// [`Index::name`], interned.
    pub fn name_sym(&self, r: Recipient) -> Sym {
        let name = match r {
            Recipient::Person(s) => at(&self.slots.person_at, s).map(|i| self.ds.people[i].name),
            Recipient::Unit(s) => at(&self.slots.unit_at, s).map(|i| self.ds.units[i].name),
        };
        name.unwrap_or(r.id())
    }

    /// The slot of the individual `r` is a row of.
    fn slot(&self, r: Recipient) -> Option<usize> {
        self.slots.get(self.who(r))
    }

    /// The individual `r` is a row of (units: themselves).
    pub fn who(&self, r: Recipient) -> Recipient {
        who(&self.identity, r)
    }

    /// The codes `r` holds for `year` from awards on file.
    fn held(&self, r: Recipient, year: u16) -> Codes {
        self.held_at(self.slot(r), year)
    }

    /// [`Index::held`] for the recipient of `slot`.
    fn held_at(&self, slot: Option<usize>, year: u16) -> Codes {
        let mut codes = Codes::default();
        for a in self.awards.walk(slot).map(|i| &self.ds.awards[i]) {
            if a.year == year {
                codes.add(a.award);
            }
        }
        codes
    }

    /// The awards on file of `r` without structural errors, in file order.
    pub fn awards_of(&self, r: Recipient) -> impl Iterator<Item = &'d Award> + '_ {
        self.award_indexes(r).map(|i| &self.ds.awards[i])
    }

    /// The positions in `ds.awards` of [`Index::awards_of`].
    pub fn award_indexes(&self, r: Recipient) -> impl Iterator<Item = usize> + '_ {
        self.awards.walk(self.slot(r))
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
        self.pending_of(self.slot(r), year).has_any(codes)
    }

    /// The codes of the pending proposals of `slot` for `year`.
    fn pending_of(&self, slot: Option<usize>, year: u16) -> Codes {
        let known = slot.and_then(|s| self.pending_codes.get(s)).copied();
        match known.unwrap_or(YearCodes::None) {
            YearCodes::None => Codes::default(),
            YearCodes::One(y, held) if y == year => held,
            YearCodes::One(..) => Codes::default(),
            YearCodes::Mixed => {
                let mut codes = Codes::default();
                for p in self.pending.walk(slot).map(|i| &self.ds.proposals[i]) {
                    if p.year == year {
                        codes.add(p.award);
                    }
                }
                codes
            }
        }
    }

    /// What `r` holds for `year`, as [`Index::holds`] counts it for `claim`
    /// (awards on file; for a pending proposal of that year, the other
    /// pending proposals too), and its evaluation for the year: the
    /// collective rules ask both of every member, and the recipient's chains
    /// are found once.
    pub fn record_of(
        &self,
        claim: &Claim,
        r: Recipient,
        year: u16,
    ) -> (Codes, Option<&'d Evaluation>) {
        let slot = self.slot(r);
        let mut codes = self.held_at(slot, year);
        if claim.is_proposal() && year == claim.year {
            codes = codes.union(self.pending_of(slot, year));
        }
        (codes, self.eval_at(slot, year))
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
        self.eval_at(self.slot(subject), year)
    }

    /// [`Index::eval`] for the subject of `slot`.
    fn eval_at(&self, slot: Option<usize>, year: u16) -> Option<&'d Evaluation> {
        self.evals
            .walk(slot)
            .map(|i| &self.ds.evaluations[i])
            .find(|e| e.year == year)
    }

    /// [`Index::eval`] for each of `years`, in one walk of the subject's
    /// evaluations (the rules that look back over several years ask for
    /// each of them).
    pub fn evals_over(&self, subject: Recipient, years: &[u16]) -> Vec<Option<&'d Evaluation>> {
        let mut out = vec![None; years.len()];
        for e in self
            .evals
            .walk(self.slot(subject))
            .map(|i| &self.ds.evaluations[i])
        {
            if let Some(k) = years.iter().position(|&y| y == e.year) {
                out[k] = out[k].or(Some(e));
            }
        }
        out
    }

    /// The person `id` (its first record), unless that record is flawed.
    pub fn person(&self, id: Sym) -> Option<&'d Person> {
        at(&self.slots.person_at, id)
            .map(|i| &self.ds.people[i])
            .filter(|p| !p.flawed)
    }
}

/// The date of claim `r`: the award's decision date, the proposal's
/// effective date (only proposals with one are claims: `pending_claim`).
fn claim_date(ds: &Dataset, r: u32) -> Date {
    match source(r) {
        Source::Award(i) => ds.awards[i].decision_date,
        Source::Proposal(i) => ds.proposals[i]
            .effective_date()
            .unwrap_or(Date::from_days(0)),
    }
}

/// The record a reference of [`Index::claims`] stands for.
pub(super) fn source(r: u32) -> Source {
    let i = (r & !PROPOSAL) as usize;
    if r & PROPOSAL == 0 {
        Source::Award(i)
    } else {
        Source::Proposal(i)
    }
}

/// A claim's source as four bytes: its record's position, with
/// `PROPOSAL` set for a pending proposal ([`source`] reads it back).
pub(super) fn pack(s: Source) -> u32 {
    match s {
        Source::Award(i) => i as u32,
        Source::Proposal(i) => i as u32 | PROPOSAL,
    }
}

/// Whether `p` is judged as a claim and counts for the others of its year:
/// pending, dated (or of a year), without structural errors.
fn pending_claim(p: &Proposal) -> bool {
    !p.flawed && p.status == ProposalStatus::Pending && p.effective_date().is_some()
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
/// `unit_at`: each unit's first record by interned id (`Slots`), as the
/// walk up from a person's unit looks each unit up.
fn members_of(
    ds: &Dataset,
    unit_at: &[u32],
    targets: &std::collections::HashSet<Sym>,
) -> HashMap<Sym, Vec<usize>> {
    // Each target's list, by its unit's record (`NONE`: not a target).
    let mut list = vec![NONE; ds.units.len()];
    let mut lists: Vec<(Sym, Vec<usize>)> = Vec::new();
    for &t in targets {
        if let Some(ui) = at(unit_at, t) {
            list[ui] = lists.len() as u32;
            lists.push((t, Vec::new()));
        }
    }
    for (pi, p) in ds.people.iter().enumerate().filter(|(_, p)| !p.flawed) {
        let mut cur = Some(p.unit);
        let mut steps = 0;
        while let Some(u) = cur {
            let Some(ui) = at(unit_at, u) else { break };
            let unit = &ds.units[ui];
            if unit.flawed || steps > ds.units.len() {
                break;
            }
            if let Some((_, members)) = lists.get_mut(list[ui] as usize) {
                members.push(pi);
            }
            cur = unit.parent;
            steps += 1;
        }
    }
    lists.into_iter().filter(|(_, m)| !m.is_empty()).collect()
}
