//! `hcld-order`: a regular Labour Order of the second class needs an earlier
//! one of the third, and of the first class an earlier one of the second,
//! each then followed by `hcld-order-years` years.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::{AwardCode, AwardKind};
use crate::rules::evidence::Judge;
use crate::rules::ThresholdId;

use super::prerequisites::follows;

/// Each class with the class it rests on.
const ORDER: [(AwardCode, AwardCode); 2] = [
    (AwardCode::Hcld2, AwardCode::Hcld3),
    (AwardCode::Hcld1, AwardCode::Hcld2),
];

/// Ad-hoc and thematic awards are no basis for a higher merit award; an
/// order for lifetime dedication or length of service still is one.
fn basis(kind: AwardKind) -> bool {
    !matches!(kind, AwardKind::DotXuat | AwardKind::ChuyenDe)
}

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::HcldOrder,
        |code| ORDER.iter().any(|(c, _)| *c == code),
        |c| c.recipient.is_person() && c.kind == AwardKind::ThuongXuyen,
        |j, c| {
            let below = ORDER
                .iter()
                .find(|(code, _)| *code == c.code)
                .map_or(AwardCode::Hcld3, |(_, b)| *b);
            let n = j.count(ThresholdId::HcldOrderYears);
            follows(j, c, below, n, basis).verdict(Key::LawHcldOrderHelp)
        },
    );
}
