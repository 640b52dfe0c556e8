//! Rules on any award: titles are yearly (`title-kind`), one achievement is
//! not rewarded twice (`duplicate-title`), one State-level form a year
//! (`state-award-once-a-year`), and campaign awards name their campaign
//! (`chuyen-de-campaign`).

use std::collections::HashMap;

use crate::model::{AwardClass, AwardCode, AwardKind, Code, Recipient};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Index, Source};
use crate::diag::RuleId;

const TITLE_KIND: RuleId = RuleId::TitleKind;
const DUPLICATE_TITLE: RuleId = RuleId::DuplicateTitle;
const STATE_AWARD_ONCE: RuleId = RuleId::StateAwardOnceAYear;
const CHUYEN_DE_CAMPAIGN: RuleId = RuleId::ChuyenDeCampaign;

/// Kinds outside the one-State-form-a-year limit.
const STATE_LIMIT_EXEMPT: [AwardKind; 3] =
    [AwardKind::DotXuat, AwardKind::CongHien, AwardKind::NienHan];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let mut titles: HashMap<(Recipient, u16, AwardCode), usize> = HashMap::new();
    let mut state: HashMap<(Recipient, u16), usize> = HashMap::new();
    for (i, c) in ix.claims.iter().enumerate() {
        let Source::Award(ai) = c.source else {
            continue;
        };
        let award = &ix.ds.awards[ai];
        if c.code.class() == AwardClass::Title {
            if let Some(sev) = j.level(TITLE_KIND, c) {
                let v = if c.kind == AwardKind::ThuongXuyen {
                    Verdict::Pass
                } else {
                    Verdict::fail(
                        tr!(
                            j.lang,
                            "law.title-kind",
                            kind = c.kind.name(j.lang),
                            code = c.kind.code()
                        ),
                        j.lang.t("law.title-kind.help"),
                    )
                };
                j.judge(TITLE_KIND, c, sev, v);
            }
            let first = *titles.entry((c.recipient, c.year, c.code)).or_insert(i);
            if let Some(sev) = j.level(DUPLICATE_TITLE, c) {
                let v = if first == i {
                    Verdict::Pass
                } else {
                    duplicate(j, ix, first, "law.duplicate-title")
                };
                j.judge(DUPLICATE_TITLE, c, sev, v);
            }
        }
        if c.code.is_state_level() && !STATE_LIMIT_EXEMPT.contains(&c.kind) {
            let first = *state.entry((c.recipient, c.year)).or_insert(i);
            if let Some(sev) = j.level(STATE_AWARD_ONCE, c) {
                let v = if first == i {
                    Verdict::Pass
                } else {
                    duplicate(j, ix, first, "law.state-award-once-a-year")
                };
                j.judge(STATE_AWARD_ONCE, c, sev, v);
            }
        }
        if c.kind == AwardKind::ChuyenDe {
            if let Some(sev) = j.level(CHUYEN_DE_CAMPAIGN, c) {
                let v = if award.campaign.is_some() {
                    Verdict::Pass
                } else {
                    Verdict::fail(
                        j.lang.t("law.chuyen-de-campaign").to_string(),
                        j.lang.t("law.chuyen-de-campaign.help"),
                    )
                };
                j.judge(CHUYEN_DE_CAMPAIGN, c, sev, v);
            }
        }
    }
}

/// A finding about the second of two awards, pointing at the first.
fn duplicate(j: &Judge<'_>, ix: &Index<'_>, first: usize, key: &str) -> Verdict {
    let f = &ix.claims[first];
    let decision = match f.source {
        Source::Award(a) => ix.ds.str(ix.ds.awards[a].decision),
        Source::Proposal(_) => "",
    };
    let finding = tr!(
        j.lang,
        key,
        award = Index::award_label(f.code, j.lang),
        decision = decision,
        date = f.date,
        id = ix.ds.str(f.id)
    );
    Verdict::Fail {
        finding,
        help: j.lang.t(&format!("{key}.help")).to_string(),
        related: Some(f.loc),
    }
}
