//! Who may confer what: the authority matrix (`issuer-authority`) as data,
//! one row per group of award codes with the issuer levels allowed before and
//! after the two-tier local government of 2025 (NĐ 129/2025: no district).

use crate::model::{AwardCode, Date, Issuer};

use super::tables::law;

pub use super::tables::Grant;

/// The day the district level was abolished (two-tier local government),
/// from `law/authority.toml`.
pub fn two_tier_from() -> Option<Date> {
    law().two_tier_from
}

/// The authority matrix, one row per group of award codes.
pub fn matrix() -> &'static [Grant] {
    &law().matrix
}

/// The issuers allowed to confer `code` on a decision of `date`.
pub fn allowed(code: AwardCode, two_tier: bool) -> &'static [Issuer] {
    matrix()
        .iter()
        .find(|g| g.codes.contains(&code))
        .map_or(&[], |g| if two_tier { &g.after } else { &g.before })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    #[test]
    fn every_code_has_one_row() {
        for code in AwardCode::ALL {
            assert_eq!(
                matrix().iter().filter(|g| g.codes.contains(code)).count(),
                1,
                "{code}"
            );
        }
    }

    #[test]
    fn no_district_after_the_switch() {
        assert!(matrix().iter().all(|g| !g.after.contains(&Issuer::Huyen)));
    }
}
