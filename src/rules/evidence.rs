//! Evidence and coverage: how a law rule's verdict on one record becomes a
//! finding, a pass, or an "unchecked" count when the evidence it needs is not
//! on file — and the `missing-evidence` rule that turns every unchecked record
//! into a finding for offices that keep complete files
//! (`[rules] require-evidence = true`).
//!
//! A verdict is data, in no language: what was found, the help and the
//! reason are catalogue messages with typed arguments
//! (`msg!(Key::LawLdttRating, year = c.year, rating = Arg::name(e.rating))`,
//! `Msg::new(Key::LawReasonNoHireDate)`), and the subject is put before
//! the finding ([`subject`]) when a finding is written. They are rendered only by the
//! emitters, the eligible table and the coverage summary.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::config::RuleConfig;
use crate::diag::{Level, RuleId, Severity};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{AwardCode, Loc, Sym};
use crate::msg;

use super::findings::{Found, LawFindings, What};
use super::index::{pack, source, Claim, Index, Source};
use super::{find_law, Coverage, ThresholdId};

/// What a rule concluded about one record, as messages not yet in any
/// language.
pub enum Verdict {
    /// The record meets the rule.
    Pass,
    /// The record breaks the rule: what was found and what the law asks, how
    /// to fix it, and another record that matters (the first of two).
    Fail {
        finding: Msg,
        /// A catalogue text without arguments.
        help: Key,
        related: Option<Loc>,
    },
    /// The evidence the rule needs is not on file: why (counted, so never
    /// one per person).
    Unknown(Msg),
}

/// Where the judge's conclusions go.
pub enum Sink<'a> {
    /// Findings about their claims, with the help, as `check` reports them
    /// (the sink applies `[rules]` levels; the file, line, record and
    /// citation are found from the claim when a finding is written).
    Findings(&'a mut LawFindings),
    /// Only which claims failed which rule, with the message (`eligible`):
    /// no path, record text or citation is copied, no reason counted and no
    /// `missing-evidence` finding made, for millions of candidates.
    Failures(&'a mut Failures),
}

/// The claims that failed, for [`Sink::Failures`].
#[derive(Debug, Default)]
pub struct Failures {
    /// The `[rules]` levels, applied as [`Diagnostics`] applies them.
    pub overrides: HashMap<RuleId, Level>,
    /// The failures, with what was found ([`Failures::messages`]).
    pub items: Vec<Failure>,
    /// Without messages, only which claim failed which rule: the claim's
    /// record as four bytes (`index::pack`), read by [`Failures::marked`].
    marks: Vec<(u32, RuleId)>,
    /// Whether a failure keeps what was found, in `items`; without, only
    /// the claim and the rule are kept (`eligible` shows the findings only
    /// with `--all`, and a province has a million failures).
    pub messages: bool,
}

impl Failures {
    /// No failures yet; `messages`: keep what was found.
    pub fn new(overrides: HashMap<RuleId, Level>, messages: bool) -> Failures {
        Failures {
            overrides,
            items: Vec::new(),
            marks: Vec::new(),
            messages,
        }
    }

    /// Which claim failed which rule, every failure in the order found
    /// (those of `items` too).
    pub fn marked(&self) -> impl Iterator<Item = (Source, RuleId)> + '_ {
        let marks = self.marks.iter().map(|&(r, rule)| (source(r), rule));
        self.items.iter().map(|f| (f.source, f.rule)).chain(marks)
    }
}

/// One claim that failed one rule.
#[derive(Debug)]
pub struct Failure {
    /// The claim's record.
    pub source: Source,
    pub rule: RuleId,
    pub severity: Severity,
    /// What was found, escaped like a finding's; the whole message is
    /// [`Failure::message`], made only for the failures shown.
    pub finding: Msg,
    /// The recipient's name as the finding would give it.
    pub name: Sym,
}

impl Failure {
    /// The message a finding about this pending proposal (of `code` and
    /// `year`, the recipient named `name`) would carry: `check`'s words.
    pub fn message(finding: &Msg, name: &str, code: AwardCode, year: u16) -> Msg {
        let mut m = msg!(
            Key::LawMessage,
            subject = subject(true, code, name, year),
            finding = finding.clone()
        );
        crate::diag::defang_msg(&mut m);
        m
    }
}

/// "Đề nghị CSTĐCS cho Nguyễn Văn An năm 2018" / "CSTĐCS của … năm 2018",
/// capitalised where it opens a message.
pub(crate) fn subject(proposal: bool, code: AwardCode, name: &str, year: u16) -> Arg {
    let key = if proposal {
        Key::LawSubjectProposal
    } else {
        Key::LawSubjectAward
    };
    Arg::subject(key, code, name, year)
}

/// How many reasons [`Judge`] keeps at hand before it looks in its set.
const RECENT: usize = 8;

/// Turns verdicts into findings and coverage.
pub struct Judge<'a> {
    pub ix: &'a Index<'a>,
    pub settings: &'a RuleConfig,
    sink: Sink<'a>,
    coverage: Coverage,
    /// How many records each rule judged, by `RuleId` (added to `coverage`
    /// by [`Judge::finish`]: a count per verdict, not a look-up by name).
    checked: Vec<usize>,
    /// The same for the records each rule could not judge.
    unchecked: Vec<usize>,
    /// Each reason a record went unchecked, kept once for the pending
    /// proposals and `missing-evidence` findings that give it: millions of
    /// records lack the same few kinds of evidence.
    reasons: HashSet<Arc<Msg>>,
    /// The last few reasons shared, compared before the set is hashed:
    /// the same few come again and again.
    recent: Vec<Arc<Msg>>,
    /// The severity of `missing-evidence`, when it is on (never for
    /// `eligible`'s `Sink::Failures`).
    evidence: Option<Severity>,
    /// The collective rules' tallies of members, made once per unit, year
    /// and kind of claim and shared by the four rules that read them.
    pub(crate) tallies: super::law::Tallies,
    /// Each threshold's value, by `ThresholdId`, found once (rules read
    /// them per claim).
    thresholds: Vec<f64>,
}

impl<'a> Judge<'a> {
    pub fn new(ix: &'a Index<'a>, settings: &'a RuleConfig, sink: Sink<'a>) -> Judge<'a> {
        let evidence = match &sink {
            Sink::Failures(_) => None,
            Sink::Findings(d) => match d.configured(RuleId::MissingEvidence) {
                Some(level) => level.severity(),
                None if settings.require_evidence => Some(Severity::Error),
                None => None,
            },
        };
        Judge {
            ix,
            settings,
            sink,
            coverage: Coverage::default(),
            checked: vec![0; RuleId::ALL.len()],
            unchecked: vec![0; RuleId::ALL.len()],
            reasons: HashSet::new(),
            recent: Vec::with_capacity(RECENT),
            evidence,
            tallies: Default::default(),
            thresholds: ThresholdId::ALL
                .iter()
                .map(|t| settings.threshold(t.as_str()))
                .collect(),
        }
    }

    /// The severity `rule` has for `claim`, or `None` where it does not apply
    /// (outside its windows, off there and not turned on, or turned off).
    pub fn level(&self, rule: RuleId, claim: &Claim) -> Option<Severity> {
        let applies = find_law(rule)?.windows[claim.window].as_ref()?;
        if applies.since.is_some_and(|s| claim.date < s) {
            return None;
        }
        let configured = match &self.sink {
            Sink::Findings(d) => d.configured(rule),
            Sink::Failures(f) => f.overrides.get(&rule).copied(),
        };
        match configured {
            Some(Level::Off) => None,
            Some(_) => Some(applies.level.severity().unwrap_or(Severity::Error)),
            None => applies.level.severity(),
        }
    }

    /// A threshold's value: `[thresholds]`, else the law's.
    pub fn threshold(&self, id: ThresholdId) -> f64 {
        self.thresholds[id.index()]
    }

    /// A threshold as a whole number (counts, months, years).
    pub fn count(&self, id: ThresholdId) -> u32 {
        let v = self.threshold(id);
        if v.is_finite() && v > 0.0 {
            v.round().min(f64::from(u16::MAX)) as u32
        } else {
            0
        }
    }

    /// Judges every claim that `applies` selects by `rule`, where the rule
    /// applies in the claim's window: the loop of most law rules.
    pub fn each(
        &mut self,
        rule: RuleId,
        applies: impl Fn(&Claim) -> bool,
        verdict: impl Fn(&Judge<'_>, &Claim) -> Verdict,
    ) {
        self.each_of(rule, |_| true, applies, verdict);
    }

    /// [`Judge::each`] over the claims of the award codes `code` accepts
    /// only: the others are passed over by their code alone.
    pub fn each_of(
        &mut self,
        rule: RuleId,
        code: impl Fn(AwardCode) -> bool,
        applies: impl Fn(&Claim) -> bool,
        verdict: impl Fn(&Judge<'_>, &Claim) -> Verdict,
    ) {
        let ix = self.ix;
        self.each_in(rule, ix.claims_of(code).filter(|c| applies(c)), verdict);
    }

    /// [`Judge::each`] over the awards only: a rule about decisions made.
    pub fn each_award(
        &mut self,
        rule: RuleId,
        applies: impl Fn(&Claim) -> bool,
        verdict: impl Fn(&Judge<'_>, &Claim) -> Verdict,
    ) {
        let ix = self.ix;
        self.each_in(rule, ix.award_claims().filter(|c| applies(c)), verdict);
    }

    /// Judges `claims` by `rule`, where it applies in the claim's window.
    fn each_in(
        &mut self,
        rule: RuleId,
        claims: impl Iterator<Item = Claim>,
        verdict: impl Fn(&Judge<'_>, &Claim) -> Verdict,
    ) {
        for c in claims {
            if let Some(sev) = self.level(rule, &c) {
                let v = verdict(self, &c);
                self.judge(rule, &c, sev, v);
            }
        }
    }

    /// Records the verdict of `rule` (at `severity`) on `claim`.
    pub fn judge(&mut self, id: RuleId, claim: &Claim, severity: Severity, verdict: Verdict) {
        match verdict {
            Verdict::Pass => self.checked[id as usize] += 1,
            Verdict::Fail {
                finding,
                help,
                related,
            } => {
                self.checked[id as usize] += 1;
                if let Sink::Failures(f) = &mut self.sink {
                    if !f.messages {
                        f.marks.push((pack(claim.source), id));
                        return;
                    }
                    // A configured level replaces the table's, as the
                    // findings' sink does (`level` never hands an `off` rule).
                    let configured = f.overrides.get(&id).and_then(|l| l.severity());
                    let severity = configured.unwrap_or(severity);
                    let mut finding = finding;
                    crate::diag::defang_msg(&mut finding);
                    f.items.push(Failure {
                        source: claim.source,
                        rule: id,
                        severity,
                        finding,
                        name: self.ix.name_sym(claim.recipient),
                    });
                    return;
                }
                let name = self.ix.name_sym(claim.recipient);
                if let Sink::Findings(sink) = &mut self.sink {
                    sink.push(Found {
                        rule: id,
                        of: id,
                        severity,
                        claim,
                        name,
                        what: What::New(finding),
                        help,
                        related,
                    });
                }
            }
            Verdict::Unknown(reason) => {
                self.unchecked[id as usize] += 1;
                // `eligible` (`Sink::Failures`) asks only which proposals
                // lack what: it counts no reasons and makes no findings.
                if let Sink::Findings(_) = self.sink {
                    // Reasons repeat: the message is copied only the first time.
                    let cov = self.coverage.rules.entry(id.as_str()).or_default();
                    match cov.reasons.get_mut(&reason) {
                        Some(n) => *n += 1,
                        None => {
                            cov.reasons.insert(reason.clone(), 1);
                        }
                    }
                }
                if !claim.is_proposal() && self.evidence.is_none() {
                    return;
                }
                let reason = self.share(&reason);
                if claim.is_proposal() {
                    // Pending proposals are what `eligible` asks about: it
                    // names the rule and the evidence missing for each.
                    self.coverage.pending.push(super::Unchecked {
                        claim: pack(claim.source),
                        rule: id,
                        reason: Arc::clone(&reason),
                    });
                }
                if let Some(sev) = self.evidence {
                    let name = self.ix.name_sym(claim.recipient);
                    if let Sink::Findings(sink) = &mut self.sink {
                        sink.push(Found {
                            rule: RuleId::MissingEvidence,
                            of: id,
                            severity: sev,
                            claim,
                            name,
                            what: What::Shared(reason),
                            help: Key::LawMissingEvidenceHelp,
                            related: None,
                        });
                    }
                }
            }
        }
    }

    /// The one shared copy of `reason` (copied the first time only).
    fn share(&mut self, reason: &Msg) -> Arc<Msg> {
        if let Some(shared) = self.recent.iter().find(|r| ***r == *reason) {
            return Arc::clone(shared);
        }
        let shared = match self.reasons.get(reason) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared = Arc::new(reason.clone());
                self.reasons.insert(Arc::clone(&shared));
                shared
            }
        };
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(Arc::clone(&shared));
        shared
    }

    /// What was found, made by `make` only where it is kept: `eligible`
    /// without `--all` keeps which claim failed which rule, not what was
    /// found (a province's first round fails a million claims), and gets a
    /// placeholder. For the rules whose findings cost the most to word.
    pub fn found(&self, make: impl FnOnce() -> Msg) -> Msg {
        match &self.sink {
            Sink::Failures(f) if !f.messages => Msg::new(Key::LawMessage),
            _ => make(),
        }
    }

    /// "no evaluation for 2016" (no name: reasons are counted, so they must
    /// not be one per person).
    pub fn no_evaluation(&self, year: u16) -> Msg {
        msg!(Key::LawReasonNoEvaluation, year = year)
    }

    /// "awards before 2016 are not on file".
    pub fn no_history(&self) -> Msg {
        msg!(Key::LawReasonNoHistory, from = self.ix.records_from)
    }

    pub fn finish(mut self) -> Coverage {
        for (i, &id) in RuleId::ALL.iter().enumerate() {
            let (checked, unchecked) = (self.checked[i], self.unchecked[i]);
            if checked + unchecked > 0 {
                let cov = self.coverage.rules.entry(id.as_str()).or_default();
                cov.checked += checked;
                cov.unchecked += unchecked;
            }
        }
        self.coverage
    }
}

impl Verdict {
    /// A failure with the catalogue's `help`, without arguments.
    pub fn fail(finding: Msg, help: Key) -> Verdict {
        Verdict::Fail {
            finding,
            help,
            related: None,
        }
    }
}

/// A partial conclusion, combined into a verdict: a condition of a rule holds,
/// fails (what was found), or cannot be told (why).
#[derive(Debug, Clone)]
pub enum Check {
    Holds,
    Fails(Msg),
    Unknown(Msg),
}

impl Check {
    /// Every condition must hold: any failure fails, else any unknown is unknown.
    pub fn all(parts: impl IntoIterator<Item = Check>) -> Check {
        let mut fails = Failed::default();
        let mut unknown = None;
        for p in parts {
            match p {
                Check::Holds => {}
                Check::Fails(f) => fails.push(f),
                Check::Unknown(u) => unknown = unknown.or(Some(u)),
            }
        }
        if let Some(f) = fails.join(Key::ListSemicolon) {
            Check::Fails(f)
        } else if let Some(u) = unknown {
            Check::Unknown(u)
        } else {
            Check::Holds
        }
    }

    /// One route suffices: any holding route holds, else any unknown is
    /// unknown, else every route's failure is told.
    pub fn any(parts: impl IntoIterator<Item = Check>, joiner: Key) -> Check {
        let mut fails = Failed::default();
        let mut unknown = None;
        for p in parts {
            match p {
                Check::Holds => return Check::Holds,
                Check::Fails(f) => fails.push(f),
                Check::Unknown(u) => unknown = unknown.or(Some(u)),
            }
        }
        match unknown {
            Some(u) => Check::Unknown(u),
            None => Check::Fails(
                fails
                    .join(joiner)
                    .unwrap_or_else(|| Msg::join(Vec::new(), joiner)),
            ),
        }
    }

    pub fn verdict(self, help: Key) -> Verdict {
        match self {
            Check::Holds => Verdict::Pass,
            Check::Fails(f) => Verdict::fail(f, help),
            Check::Unknown(u) => Verdict::Unknown(u),
        }
    }
}

/// The failures of a [`Check`]'s parts: most checks fail by one part, kept
/// without a list.
#[derive(Default)]
struct Failed {
    first: Option<Msg>,
    rest: Vec<Msg>,
}

impl Failed {
    fn push(&mut self, m: Msg) {
        match self.first {
            None => self.first = Some(m),
            Some(_) => self.rest.push(m),
        }
    }

    /// The failures joined by `sep`; `None` if there were none.
    fn join(self, sep: Key) -> Option<Msg> {
        let first = self.first?;
        if self.rest.is_empty() {
            return Some(first);
        }
        let mut all = Vec::with_capacity(1 + self.rest.len());
        all.push(first);
        all.extend(self.rest);
        Some(Msg::join(all, sep))
    }
}
