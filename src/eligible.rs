//! Who is eligible next (`thidua eligible YEAR`): every candidate — a
//! recipient and an award code — is added to the dataset as a pending
//! proposal dated the day asked, with the competent issuer of the lowest
//! level, and the law's rules — the same judges as `check`, through
//! `rules::judge_claims`, which judges only the candidates (the folder's
//! records are evidence) and hands back only which candidate failed which
//! rule — run once over all of them; candidates with a finding or an
//! unchecked rule are dropped, and the rules run again on the candidates of
//! the recipients who lost one (and on units'), until nothing more is
//! dropped. The candidates left are judged together,
//! counting for each other as pending proposals do; no second copy of the
//! law is kept here. A finding's full message is made only when shown. While
//! judged, the candidates share one proposal id and are told apart by their
//! position among the proposals; their own ids (`DDK-2019-00001`…) are made
//! only when they are written.

use std::collections::{HashMap, HashSet};

use crate::diag::{RuleId, Severity};
use crate::model::settings::OrgLevel;
use crate::model::{
    AwardCode, Code, Dataset, Date, Eligible, FileId, Issuer, Loc, Proposal, ProposalStatus,
    Recipient, RecordType, SourceFile, Sym,
};
use crate::rules::chains::{self, Outlook};
use crate::rules::config::RuleConfig;
use crate::rules::evidence::{Failure, Failures};
use crate::rules::{self, authority, windows, WindowId};

/// The default award codes asked about for people.
pub const PERSON_AWARDS: [AwardCode; 9] = [
    AwardCode::Ldtt,
    AwardCode::Cstdcs,
    AwardCode::Cstdt,
    AwardCode::Cstdtq,
    AwardCode::Bkt,
    AwardCode::Bkttg,
    AwardCode::Hcld3,
    AwardCode::Hcld2,
    AwardCode::Hcld1,
];

/// The default award codes asked about for units.
pub const UNIT_AWARDS: [AwardCode; 2] = [AwardCode::Ttldtt, AwardCode::Ttldxs];

/// Rules that limit a group, reported apart and never held against one
/// candidate.
pub const GROUP_RULES: [RuleId; 1] = [RuleId::CstdcsRatio];

/// At most this many rounds; the set shrinks every round, and in practice
/// settles in two or three.
const MAX_ROUNDS: usize = 12;

/// What is asked.
#[derive(Clone, Debug)]
pub struct Request {
    pub year: u16,
    /// The day the candidates are judged as proposed (31 December of `year`).
    pub date: Date,
    /// The award codes asked about; empty: the defaults.
    pub awards: Vec<AwardCode>,
    /// Only this person or unit.
    pub subject: Option<Recipient>,
    /// The organisation's level (`[organisation] level`), for the issuer.
    pub level: Option<OrgLevel>,
    /// Keep what stands in the way of each candidate not eligible (its
    /// `findings`; shown with `--all`). Without, those candidates' findings
    /// are left empty and the failures' messages are dropped as they are
    /// made: a province's first round fails a million of them.
    pub findings: bool,
}

/// A candidate's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Eligible,
    Unknown,
    NotEligible,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Unknown => "unknown",
            Status::NotEligible => "not_eligible",
        }
    }
}

/// A finding that stands in the way: what was found; the whole message
/// (with its subject, as `check` words it) is made by [`Finding::message`]
/// only when the candidate is shown.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub finding: crate::i18n::Msg,
    /// The candidate's name as the finding gives it.
    pub name: Sym,
}

impl Finding {
    /// The finding's message about candidate `c` of `year`.
    pub fn message(&self, ds: &Dataset, c: &Candidate, year: u16) -> crate::i18n::Msg {
        Failure::message(&self.finding, ds.str(self.name), c.award, year)
    }
}

/// A rule that could not judge, and the evidence it lacked (rendered in the
/// output's language by the table and the JSON).
#[derive(Clone, Debug)]
pub struct Missing {
    pub rule: RuleId,
    /// Shared by every candidate lacking the same evidence.
    pub reason: std::sync::Arc<crate::i18n::Msg>,
}

/// One recipient and award code, as judged.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub recipient: Recipient,
    pub award: AwardCode,
    pub issuer: Option<Issuer>,
    pub status: Status,
    /// What stands in the way of a candidate not eligible; empty unless
    /// [`Request::findings`] asked for it.
    pub findings: Vec<Finding>,
    pub unchecked: Few<Missing>,
}

/// A candidate's rules unchecked, read as a slice: most candidates who are
/// unknown lack one thing, kept without an allocation of its own (a
/// province has a million of them), in the room a vector takes.
#[derive(Clone, Debug)]
pub enum Few<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Default for Few<T> {
    fn default() -> Few<T> {
        Few::Many(Vec::new())
    }
}

impl<T> Few<T> {
    pub fn push(&mut self, x: T) {
        *self = match std::mem::take(self) {
            Few::Many(v) if v.is_empty() => Few::One(x),
            Few::Many(mut v) => {
                v.push(x);
                Few::Many(v)
            }
            Few::One(first) => Few::Many(vec![first, x]),
        };
    }
}

impl<T> std::ops::Deref for Few<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Few::One(x) => std::slice::from_ref(x),
            Few::Many(v) => v,
        }
    }
}

impl<T> From<Vec<T>> for Few<T> {
    fn from(v: Vec<T>) -> Few<T> {
        Few::Many(v)
    }
}

/// A group limit over the eligible candidates (`cstdcs-ratio`).
#[derive(Clone, Debug)]
pub struct Limit {
    pub rule: RuleId,
    pub award: AwardCode,
    /// At most this many.
    pub max: usize,
    /// Of how many LĐTT (held and eligible) it is counted.
    pub base: usize,
    /// Eligible candidates and awards already held for the year.
    pub eligible: usize,
    pub held: usize,
}

/// The answer.
#[derive(Debug)]
pub struct Eligibility {
    pub year: u16,
    pub date: Date,
    pub window: WindowId,
    pub candidates: Vec<Candidate>,
    pub limits: Vec<Limit>,
    /// How many times the law's rules ran.
    pub rounds: usize,
    /// The file the proposals would be written to.
    pub file: String,
    /// The ids of the proposals written begin with this, then the
    /// candidate's number (`DDK-2019-00001`): no record of the folder uses it.
    pub id_prefix: String,
    /// Each person's outlook, for the people among the candidates.
    pub outlook: HashMap<Sym, Vec<Outlook>>,
}

/// Judges the candidates of `req` over `ds`, whose structural checks have
/// run; `ds` gets the candidates' source file and ids and is otherwise left
/// as it was.
pub fn judge(ds: &mut Dataset, config: &RuleConfig, req: &Request, file: &str) -> Eligibility {
    let mut candidates = candidates(ds, req);
    // The candidates judged this round, and the others still eligible,
    // pending proposals that count for them (see below).
    let (file_id, others) = (
        FileId(ds.files.len() as u32),
        FileId(ds.files.len() as u32 + 1),
    );
    for _ in 0..2 {
        ds.files.push(SourceFile {
            path: file.into(),
            kind: RecordType::Proposal,
        });
    }
    let id_prefix = id_prefix(ds, file);
    // The candidates are judged under one id: they are told apart by their
    // position among the proposals, so a million ids are not interned.
    let id = ds.strings.intern(&id_prefix);
    let base = ds.proposals.len();
    let mut rounds = 0;
    // The recipients (by interned id) who lost a candidate last round.
    let mut touched = vec![false; ds.strings.len()];
    // What the rounds' indexes share: only the proposals change.
    let mut index = None;
    loop {
        rounds += 1;
        // A candidate's judgement reads, of the other candidates, only the
        // pending proposals of its own recipient (a unit's: its members'):
        // after the first round, only the candidates of a recipient who
        // lost one are judged again, and units'; the rest passed, and
        // nothing they read has changed.
        let again = |c: &Candidate| {
            rounds == 1 || !c.recipient.is_person() || touched[c.recipient.id().index()]
        };
        let (judged, rest): (Vec<u32>, Vec<u32>) = (0..candidates.len() as u32)
            .filter(|&i| candidates[i as usize].status == Status::Eligible)
            .partition(|&i| again(&candidates[i as usize]));
        ds.proposals.truncate(base);
        ds.proposals.reserve_exact(judged.len() + rest.len());
        let as_proposal =
            |(n, &i): (usize, &u32), file| proposal(&candidates[i as usize], id, req, file, n);
        ds.proposals
            .extend(judged.iter().enumerate().map(|x| as_proposal(x, file_id)));
        ds.proposals
            .extend(rest.iter().enumerate().map(|x| as_proposal(x, others)));
        let mut failures = Failures::new(config.levels.clone(), req.findings);
        let scope = rules::Scope::Proposals(file_id);
        let coverage = rules::judge_claims(ds, config, scope, &mut failures, &mut index);
        let of = |source| match source {
            rules::Source::Proposal(p) => p
                .checked_sub(base)
                .and_then(|k| judged.get(k))
                .map(|&i| i as usize),
            rules::Source::Award(_) => None,
        };
        let dropped = settle(&mut candidates, of, failures, coverage);
        touched.fill(false);
        for &i in &judged {
            let c = &candidates[i as usize];
            if c.status != Status::Eligible {
                touched[c.recipient.id().index()] = true;
            }
        }
        if dropped == 0 || rounds >= MAX_ROUNDS {
            break;
        }
    }
    ds.proposals.truncate(base);
    ds.files.truncate(file_id.0 as usize);
    let limits = limits(ds, config, req, &candidates);
    let outlook = outlooks(ds, config, req.year, &candidates);
    Eligibility {
        year: req.year,
        date: req.date,
        window: windows::at(req.date),
        candidates,
        limits,
        rounds,
        file: file.to_string(),
        id_prefix,
        outlook,
    }
}

/// The pending proposal a candidate is judged as, under `id`.
fn proposal(c: &Candidate, id: Sym, req: &Request, file: FileId, n: usize) -> Proposal {
    Proposal {
        id,
        year: req.year,
        recipient: c.recipient,
        award: c.award,
        proposed_by: None,
        status: ProposalStatus::Pending,
        date: Some(req.date),
        award_id: None,
        loc: Loc {
            file,
            line: n as u32 + 2,
        },
        flawed: false,
    }
}

/// Marks the candidates of this round with a finding (other than a group
/// limit) as not eligible, keeping the finding when the failures kept their
/// messages (`Failures::items`), and those some rule could not judge as
/// unknown; how many were marked. `of` gives the candidate a claim's record
/// is.
fn settle(
    candidates: &mut [Candidate],
    of: impl Fn(rules::Source) -> Option<usize>,
    failures: Failures,
    coverage: rules::Coverage,
) -> usize {
    // Only the candidates still eligible were judged this round, so a
    // failure or a gap marks one of them, or one marked a line above.
    let mut dropped = 0;
    for (source, rule) in failures.marked() {
        if GROUP_RULES.contains(&rule) {
            continue;
        }
        let Some(c) = of(source).map(|i| &mut candidates[i]) else {
            continue;
        };
        if c.status == Status::Eligible {
            c.status = Status::NotEligible;
            dropped += 1;
        }
    }
    // What was found, where it was kept.
    for d in failures.items {
        if GROUP_RULES.contains(&d.rule) {
            continue;
        }
        let Some(c) = of(d.source).map(|i| &mut candidates[i]) else {
            continue;
        };
        c.findings.reserve_exact(1);
        c.findings.push(Finding {
            rule: d.rule,
            severity: d.severity,
            finding: d.finding,
            name: d.name,
        });
    }
    for u in coverage.pending {
        let Some(c) = of(u.source()).map(|i| &mut candidates[i]) else {
            continue;
        };
        if c.status == Status::Eligible {
            c.status = Status::Unknown;
            dropped += 1;
        }
        if c.status == Status::Unknown {
            c.unchecked.push(Missing {
                rule: u.rule,
                reason: u.reason,
            });
        }
    }
    dropped
}

/// Every recipient and award code asked about, minus those already holding
/// it for the year (any row of the individual), people not yet hired or
/// already dead by the date. An individual of several rows (one `code`) is
/// one candidate, under their last row (the unit they are in now).
fn candidates(ds: &Dataset, req: &Request) -> Vec<Candidate> {
    let identity = ds.identities();
    let who = |r: Recipient| match r {
        Recipient::Person(p) => Recipient::Person(identity.get(&p).copied().unwrap_or(p)),
        u => u,
    };
    // The codes each individual and unit holds for the year, one bit each,
    // by interned id: a dense table, as every candidate is looked up.
    let bit = |code: AwardCode| 1u32 << (code as u32);
    let mut held = vec![[0u32; 2]; ds.strings.len()];
    let kind = |r: Recipient| usize::from(!r.is_person());
    for a in ds.awards.iter().filter(|a| !a.flawed && a.year == req.year) {
        let r = who(a.recipient);
        held[r.id().index()][kind(r)] |= bit(a.award);
    }
    let holds = |r: Recipient, code: AwardCode| {
        let r = who(r);
        held[r.id().index()][kind(r)] & bit(code) != 0
    };
    // Each code with its issuer, found once: it depends on the code alone.
    let codes = |person: bool| -> Vec<(AwardCode, Option<Issuer>)> {
        let defaults: &[AwardCode] = if person { &PERSON_AWARDS } else { &UNIT_AWARDS };
        let asked = if req.awards.is_empty() {
            defaults
        } else {
            &req.awards
        };
        asked
            .iter()
            .copied()
            .filter(|c| match c.eligible() {
                Eligible::Person => person,
                Eligible::Unit => !person,
                Eligible::Both => true,
            })
            .map(|c| (c, authority::lowest_issuer(c, req.date, req.level)))
            .collect()
    };
    let wanted = |r: Recipient| req.subject.is_none_or(|s| who(s) == who(r));
    let (person_codes, unit_codes) = (codes(true), codes(false));
    let people = individuals(ds, req.date, &who);
    let units = ds
        .units
        .iter()
        .filter(|u| !u.flawed)
        .map(|u| Recipient::Unit(u.id));
    // Room for them all at once: a province's candidates take hundreds of
    // megabytes, and a vector grown by doubling holds up to twice that.
    let most = people.len() * person_codes.len() + units.clone().count() * unit_codes.len();
    let mut out = Vec::with_capacity(most);
    for r in people.into_iter().chain(units) {
        if !wanted(r) {
            continue;
        }
        let codes = if r.is_person() {
            &person_codes
        } else {
            &unit_codes
        };
        for &(award, issuer) in codes.iter().filter(|(c, _)| !holds(r, *c)) {
            out.push(Candidate {
                recipient: r,
                award,
                issuer,
                status: Status::Eligible,
                findings: Vec::new(),
                unchecked: Few::default(),
            });
        }
    }
    let mut out = dedup_units(out);
    out.shrink_to_fit();
    out
}

/// The individuals who may be candidates on `date`, each as their last row:
/// hired by then (their earliest `hire_date`) and not dead (no row's `died`
/// on or before it); in the order their first rows come.
fn individuals(ds: &Dataset, date: Date, who: &dyn Fn(Recipient) -> Recipient) -> Vec<Recipient> {
    struct Seen {
        last: Sym,
        hired: Option<Date>,
        dead: bool,
    }
    const NONE: u32 = u32::MAX;
    // Each individual's place in `seen`, by their first row's interned id.
    let mut slot = vec![NONE; ds.strings.len()];
    let mut seen: Vec<Seen> = Vec::new();
    for p in ds.people.iter().filter(|p| !p.flawed) {
        let at = &mut slot[who(Recipient::Person(p.id)).id().index()];
        if *at == NONE {
            *at = seen.len() as u32;
            seen.push(Seen {
                last: p.id,
                hired: p.hire_date,
                dead: false,
            });
        }
        let s = &mut seen[*at as usize];
        s.last = p.id;
        s.hired = match (s.hired, p.hire_date) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        s.dead |= p.died.is_some_and(|d| d <= date);
    }
    seen.into_iter()
        .filter(|s| !s.dead && s.hired.is_none_or(|h| h <= date))
        .map(|s| Recipient::Person(s.last))
        .collect()
}

/// Drops repeated unit candidates (a unit id recorded twice).
fn dedup_units(v: Vec<Candidate>) -> Vec<Candidate> {
    let mut seen = HashSet::new();
    v.into_iter()
        .filter(|c| c.recipient.is_person() || seen.insert((c.recipient, c.award)))
        .collect()
}

/// The start of the candidates' proposal ids, which no record of the folder
/// uses, named after the file they would be written to: `DDK-2019-` (ids
/// `DDK-2019-00001`…) for `du-dieu-kien-2019.csv`, `DDK-2019-2-` for
/// `du-dieu-kien-2019-2.csv`.
fn id_prefix(ds: &Dataset, file: &str) -> String {
    let stem = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".csv")
        .trim_start_matches("du-dieu-kien-");
    let mut prefix = format!("DDK-{stem}-");
    let taken = |prefix: &str| {
        let ids = ds
            .proposals
            .iter()
            .map(|p| p.id)
            .chain(ds.awards.iter().map(|a| a.id));
        ids.map(|id| ds.str(id)).any(|id| id.starts_with(prefix))
    };
    while taken(&prefix) {
        prefix.push('X');
    }
    prefix
}

/// The group limits over the eligible candidates: `cstdcs-ratio` where it
/// applies on the date.
fn limits(ds: &Dataset, config: &RuleConfig, req: &Request, cands: &[Candidate]) -> Vec<Limit> {
    let window = windows::at(req.date);
    let on = rules::find_law(RuleId::CstdcsRatio).is_some_and(|r| {
        let applies = r.windows[window].as_ref();
        match config.levels.get(&RuleId::CstdcsRatio) {
            Some(l) => l.severity().is_some() && applies.is_some(),
            None => applies.is_some_and(|a| a.level.severity().is_some()),
        }
    });
    if !on {
        return Vec::new();
    }
    let eligible = |code: AwardCode| {
        cands
            .iter()
            .filter(|c| c.status == Status::Eligible && c.award == code)
            .map(|c| c.recipient)
            .collect::<HashSet<_>>()
    };
    let mut ldtt = eligible(AwardCode::Ldtt);
    let mut cstdcs_held = HashSet::new();
    for a in ds.awards.iter().filter(|a| !a.flawed && a.year == req.year) {
        match a.award {
            AwardCode::Ldtt | AwardCode::Cstt => {
                ldtt.insert(a.recipient);
            }
            AwardCode::Cstdcs => {
                cstdcs_held.insert(a.recipient);
            }
            _ => {}
        }
    }
    let percent = config.threshold(rules::ThresholdId::CstdcsRatioPercent.as_str());
    let max = (ldtt.len() as f64 * percent / 100.0).floor().max(0.0) as usize;
    vec![Limit {
        rule: RuleId::CstdcsRatio,
        award: AwardCode::Cstdcs,
        max,
        base: ldtt.len(),
        eligible: eligible(AwardCode::Cstdcs).len(),
        held: cstdcs_held.len(),
    }]
}

/// Each candidate person's outlook, from the awards of every row of the
/// individual, their eligible candidates of the year taken as held.
fn outlooks(
    ds: &Dataset,
    config: &RuleConfig,
    year: u16,
    cands: &[Candidate],
) -> HashMap<Sym, Vec<Outlook>> {
    const NONE: u32 = u32::MAX;
    let identity = ds.identities();
    let who = |p: Sym| identity.get(&p).copied().unwrap_or(p);
    // Each individual among the candidates (under the row they are a
    // candidate as), found by interned id in a dense table: a province's
    // million awards are looked up in it.
    let mut slot = vec![NONE; ds.strings.len()];
    let mut people: Vec<(Sym, Vec<AwardCode>)> = Vec::new();
    for c in cands.iter().filter(|c| c.recipient.is_person()) {
        let row = c.recipient.id();
        let s = &mut slot[who(row).index()];
        if *s == NONE {
            *s = people.len() as u32;
            people.push((row, Vec::new()));
        }
        if c.status == Status::Eligible {
            people[*s as usize].1.push(c.award);
        }
    }
    let slot_of = |a: &crate::model::Award| match a.recipient {
        Recipient::Person(p) => Some(slot[who(p).index()] as usize).filter(|&s| s != NONE as usize),
        Recipient::Unit(_) => None,
    };
    // Their awards, in file order, as one table cut by individual.
    let mut start = vec![0u32; people.len() + 1];
    for s in ds.awards.iter().filter_map(slot_of) {
        start[s + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut fill = start.clone();
    let mut held = vec![0u32; start[people.len()] as usize];
    for (i, s) in ds
        .awards
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((i, slot_of(a)?)))
    {
        held[fill[s] as usize] = i as u32;
        fill[s] += 1;
    }
    people
        .into_iter()
        .enumerate()
        .map(|(s, (row, extra))| {
            let mine = &held[start[s] as usize..start[s + 1] as usize];
            let awards = mine.iter().map(|&i| &ds.awards[i as usize]);
            let c = chains::chains(awards, year, &extra);
            (row, chains::outlook(&c, year, config))
        })
        .filter(|(_, o)| !o.is_empty())
        .collect()
}

impl Eligibility {
    /// The candidates found eligible, as the CSV rows of a proposals file
    /// (`id,year,person,unit,award,proposed_by,status,date`).
    pub fn proposals_csv(&self, ds: &Dataset) -> String {
        let mut out = String::from("id,year,person,unit,award,status,date\n");
        for (n, c) in self.candidates.iter().enumerate() {
            if c.status != Status::Eligible {
                continue;
            }
            let (person, unit) = match c.recipient {
                Recipient::Person(p) => (ds.str(p), ""),
                Recipient::Unit(u) => ("", ds.str(u)),
            };
            out.push_str(&format!(
                "{},{},{},{},{},pending,{}\n",
                csv_field(&self.proposal_id(n)),
                self.year,
                csv_field(person),
                csv_field(unit),
                c.award.code(),
                self.date
            ));
        }
        out
    }

    /// The id candidate `n` (its position in `candidates`) is written under.
    fn proposal_id(&self, n: usize) -> String {
        format!("{}{:05}", self.id_prefix, n + 1)
    }
}

/// A CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Few` reads as the slice of what was pushed, in order, however many.
    #[test]
    fn few_reads_as_what_was_pushed() {
        for n in 0..5u32 {
            let mut few = Few::default();
            for k in 0..n {
                few.push(k);
            }
            assert_eq!(&*few, (0..n).collect::<Vec<_>>().as_slice());
            assert_eq!(matches!(few, Few::One(_)), n == 1, "one is kept inline");
        }
    }

    /// One reason unchecked is kept in the room of a vector, not beside it.
    #[test]
    fn a_candidate_stays_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Few<Missing>>(), size_of::<Vec<Missing>>());
        assert!(size_of::<Candidate>() <= 64, "{}", size_of::<Candidate>());
    }
}
