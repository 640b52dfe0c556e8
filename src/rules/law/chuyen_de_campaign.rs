//! `chuyen-de-campaign`: a thematic award names its campaign.

use crate::diag::RuleId;
use crate::i18n::{Key, Msg};
use crate::model::AwardKind;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Source;

pub fn check(j: &mut Judge<'_>) {
    j.each_award(
        RuleId::ChuyenDeCampaign,
        |c| c.kind == AwardKind::ChuyenDe,
        judge,
    );
}

fn judge(j: &Judge<'_>, c: &Claim) -> Verdict {
    let Source::Award(ai) = c.source else {
        return Verdict::Pass;
    };
    if j.ix.ds.awards[ai].campaign.is_some() {
        Verdict::Pass
    } else {
        Verdict::fail(
            Msg::new(Key::LawChuyenDeCampaign),
            Key::LawChuyenDeCampaignHelp,
        )
    }
}
