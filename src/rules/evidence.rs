//! Evidence and coverage: how a law rule's verdict on one record becomes a
//! finding, a pass, or an "unchecked" count when the evidence it needs is not
//! on file — and the `missing-evidence` rule that turns every unchecked record
//! into a finding for offices that keep complete files
//! (`[rules] require-evidence = true`).

use super::config::RuleConfig;
use crate::diag::{Bilingual, Diagnostic, Diagnostics, Family, Level, RuleInfo, Severity};
use crate::i18n::Lang;
use crate::model::{Evaluation, Loc};
use crate::tr;

use super::index::{Claim, Index};
use super::{at, Coverage, LawRule};

const OFF_ALL: Option<super::Applies> = at(
    Level::Off,
    "Luật TĐKT 2022, Điều 5 (chính xác, công khai, minh bạch); căn cứ của quy tắc chưa xét được",
);

pub static RULES: [LawRule; 1] = [LawRule {
    info: RuleInfo {
        id: "missing-evidence",
        family: Family::Law,
        default: Level::Off,
        citation: "Căn cứ của quy tắc chưa xét được; Luật TĐKT 2022, Điều 5 (bảo đảm chính xác)",
        summary: Bilingual {
            vi: "Bản ghi không xét được vì thiếu căn cứ (bật bằng require-evidence = true)",
            en: "A record a rule could not judge for want of evidence (on with require-evidence = true)",
        },
        explanation: Bilingual {
            vi: "Kiểm tra: mỗi bản ghi mà một quy tắc của luật không xét được vì thiếu căn cứ (không có đánh giá năm đó, đơn vị chưa có danh sách người, khen thưởng những năm trước `records-from` không có trong thư mục) trở thành một phát hiện.\nVì sao: mặc định, quy tắc thiếu căn cứ thì không báo lỗi, chỉ đếm là \"chưa xét được\" trong bảng phạm vi cuối `thidua check`. Cơ quan lưu hồ sơ đầy đủ muốn biết từng chỗ còn thiếu.\nCăn cứ: căn cứ của quy tắc chưa xét được (ghi ở từng phát hiện).\nVí dụ: LĐTT năm 2016 của Nguyễn Văn An, không có dòng đánh giá năm 2016 → `ldtt-rating` chưa xét được → lỗi `missing-evidence`.\nCách sửa: bổ sung bản ghi còn thiếu (evaluations.csv, people.csv), hoặc đặt `[data] records-from` cho đúng năm bắt đầu có hồ sơ. Bật bằng `[rules] require-evidence = true` (mức lỗi) hoặc `missing-evidence = \"warning\"`.",
            en: "Checks: every record that a law rule could not judge for want of evidence (no evaluation for that year, a unit with no people on file, awards before `records-from` not in the folder) becomes a finding.\nWhy: by default a rule without evidence stays silent and the record is only counted as \"unchecked\" in the coverage summary at the end of `thidua check`. Offices that keep complete files want to see each gap.\nLaw: the basis of the rule that could not judge (given in each finding).\nExample: the 2016 LDTT of Nguyễn Văn An with no 2016 evaluation row → `ldtt-rating` unchecked → `missing-evidence` error.\nFix: add the missing records (evaluations.csv, people.csv), or set `[data] records-from` to the year the files really begin. Turn it on with `[rules] require-evidence = true` (error) or `missing-evidence = \"warning\"`.",
        },
    },
    windows: [OFF_ALL; super::windows::COUNT],
}];

/// What a rule concluded about one record.
pub enum Verdict {
    /// The record meets the rule.
    Pass,
    /// The record breaks the rule: what was found and what the law asks, how
    /// to fix it, and another record that matters (the first of two).
    Fail {
        finding: String,
        help: String,
        related: Option<Loc>,
    },
    /// The evidence the rule needs is not on file: why.
    Unknown(String),
}

/// Turns verdicts into findings and coverage.
pub struct Judge<'a> {
    pub ix: &'a Index<'a>,
    pub settings: &'a RuleConfig,
    pub lang: Lang,
    sink: &'a mut Diagnostics,
    coverage: Coverage,
    /// The severity of `missing-evidence`, when it is on.
    evidence: Option<Severity>,
}

impl<'a> Judge<'a> {
    pub fn new(
        ix: &'a Index<'a>,
        settings: &'a RuleConfig,
        lang: Lang,
        sink: &'a mut Diagnostics,
    ) -> Judge<'a> {
        let evidence = match sink.configured(RULES[0].info.id) {
            Some(level) => level.severity(),
            None if settings.require_evidence => Some(Severity::Error),
            None => None,
        };
        Judge {
            ix,
            settings,
            lang,
            sink,
            coverage: Coverage::default(),
            evidence,
        }
    }

    /// The severity `rule` has for `claim`, or `None` where it does not apply
    /// (outside its windows, off there and not turned on, or turned off).
    pub fn level(&self, rule: &LawRule, claim: &Claim) -> Option<Severity> {
        let applies = rule.windows[claim.window].as_ref()?;
        if applies.since.is_some_and(|s| claim.date < s.date()) {
            return None;
        }
        match self.sink.configured(rule.info.id) {
            Some(Level::Off) => None,
            Some(_) => Some(applies.level.severity().unwrap_or(Severity::Error)),
            None => applies.level.severity(),
        }
    }

    /// A threshold as a whole number (counts, months, years).
    pub fn count(&self, name: &str) -> u32 {
        let v = self.settings.threshold(name);
        if v.is_finite() && v > 0.0 {
            v.round().min(f64::from(u16::MAX)) as u32
        } else {
            0
        }
    }

    /// "the CSTDCS of Nguyễn Văn An for 2018" / "the proposal of … is not eligible".
    pub fn subject(&self, claim: &Claim) -> String {
        let award = Index::award_label(claim.code, self.lang);
        let name = self.ix.name(claim.recipient);
        let key = if claim.is_proposal() {
            "law.subject-proposal"
        } else {
            "law.subject-award"
        };
        tr!(
            self.lang,
            key,
            award = award,
            name = name,
            year = claim.year
        )
    }

    /// Records the verdict of `rule` (at `severity`) on `claim`.
    pub fn judge(
        &mut self,
        rule: &'static LawRule,
        claim: &Claim,
        severity: Severity,
        verdict: Verdict,
    ) {
        let id = rule.info.id;
        let citation = rule.windows[claim.window]
            .map(|a| a.citation)
            .unwrap_or(rule.info.citation);
        match verdict {
            Verdict::Pass => self.coverage.rules.entry(id).or_default().checked += 1,
            Verdict::Fail {
                finding,
                help,
                related,
            } => {
                self.coverage.rules.entry(id).or_default().checked += 1;
                let message = capitalise(&tr!(
                    self.lang,
                    "law.message",
                    subject = self.subject(claim),
                    finding = finding
                ));
                let mut d = self
                    .diagnostic(id, severity, claim, message)
                    .cite(citation)
                    .help(help);
                if let Some(loc) = related {
                    let ds = self.ix.ds;
                    d = d.related(
                        ds.path(loc).to_string(),
                        loc.line,
                        self.lang.t("law.first-recorded"),
                    );
                }
                self.sink.push(d);
            }
            Verdict::Unknown(reason) => {
                let cov = self.coverage.rules.entry(id).or_default();
                cov.unchecked += 1;
                *cov.reasons.entry(reason.clone()).or_default() += 1;
                if let Some(sev) = self.evidence {
                    let msg = tr!(
                        self.lang,
                        "law.missing-evidence",
                        subject = self.subject(claim),
                        rule = id,
                        reason = reason
                    );
                    let d = self
                        .diagnostic(RULES[0].info.id, sev, claim, capitalise(&msg))
                        .cite(citation)
                        .help(self.lang.t("law.missing-evidence-help"));
                    self.sink.push(d);
                }
            }
        }
    }

    fn diagnostic(
        &self,
        rule: &'static str,
        severity: Severity,
        claim: &Claim,
        message: String,
    ) -> Diagnostic {
        let ds = self.ix.ds;
        Diagnostic::new(rule, severity, message)
            .at(ds.path(claim.loc).to_string(), Some(claim.loc.line))
            .record(ds.str(claim.id).to_string())
    }

    /// "no evaluation for 2016" (no name: reasons are counted, so they must
    /// not be one per person).
    pub fn no_evaluation(&self, year: u16) -> String {
        tr!(self.lang, "law.reason.no-evaluation", year = year)
    }

    /// "awards before 2016 are not on file".
    pub fn no_history(&self) -> String {
        tr!(
            self.lang,
            "law.reason.no-history",
            from = self.ix.records_from
        )
    }

    pub fn finish(self) -> Coverage {
        self.coverage
    }
}

impl Verdict {
    pub fn fail(finding: String, help: &str) -> Verdict {
        Verdict::Fail {
            finding,
            help: help.to_string(),
            related: None,
        }
    }
}

/// A partial conclusion, combined into a verdict: a condition of a rule holds,
/// fails (what was found), or cannot be told (why).
#[derive(Debug, Clone)]
pub enum Check {
    Holds,
    Fails(String),
    Unknown(String),
}

impl Check {
    /// Every condition must hold: any failure fails, else any unknown is unknown.
    pub fn all(parts: Vec<Check>) -> Check {
        let mut fails = Vec::new();
        let mut unknown = None;
        for p in parts {
            match p {
                Check::Holds => {}
                Check::Fails(f) => fails.push(f),
                Check::Unknown(u) => unknown = unknown.or(Some(u)),
            }
        }
        if !fails.is_empty() {
            Check::Fails(fails.join("; "))
        } else if let Some(u) = unknown {
            Check::Unknown(u)
        } else {
            Check::Holds
        }
    }

    /// One route suffices: any holding route holds, else any unknown is
    /// unknown, else every route's failure is told.
    pub fn any(parts: Vec<Check>, joiner: &str) -> Check {
        let mut fails = Vec::new();
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
            None => Check::Fails(fails.join(joiner)),
        }
    }

    pub fn verdict(self, help: &str) -> Verdict {
        match self {
            Check::Holds => Verdict::Pass,
            Check::Fails(f) => Verdict::fail(f, help),
            Check::Unknown(u) => Verdict::Unknown(u),
        }
    }
}

/// The evaluations of one subject over a run of years, for the rules that
/// look at several years.
pub struct Span<'d> {
    pub from: u16,
    pub to: u16,
    pub evals: Vec<Option<&'d Evaluation>>,
}

/// The message with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
