//! `ttldxs-rating`: a TTLĐXS needs the unit's own evaluation that year rated
//! `htxs` (no unit evaluation: unchecked).

use crate::diag::RuleId;
use crate::model::{AwardCode, Rating};
use crate::rules::evidence::Judge;

use super::members::unit_rating;

pub fn check(j: &mut Judge<'_>) {
    unit_rating(j, RuleId::TtldxsRating, AwardCode::Ttldxs, Rating::Htxs);
}
