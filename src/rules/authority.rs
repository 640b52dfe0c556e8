//! Who may confer what: the authority matrix (`issuer-authority`) as data,
//! one row per group of award codes with the issuer levels allowed before and
//! after the two-tier local government of 2025 (NĐ 129/2025: no district).

use crate::model::settings::OrgLevel;
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

/// The competent issuer of the lowest level for an organisation of `level`
/// conferring `code` on `date`: the organisation itself where the matrix
/// lets it confer the award, else the nearest level above it that may (a
/// huyện proposes a Bằng khen to the tỉnh), else the highest allowed below it
/// (a huyện after the district level was abolished). Heads of agencies
/// (`co_quan`) are chosen only when nothing else may confer it. Without a
/// level, the lowest allowed.
pub fn lowest_issuer(code: AwardCode, date: Date, level: Option<OrgLevel>) -> Option<Issuer> {
    let two_tier = two_tier_from().is_some_and(|d| date >= d);
    let allowed = allowed(code, two_tier);
    let rank = |i: Issuer| match i {
        Issuer::Xa => 0,
        Issuer::Huyen => 1,
        Issuer::CoQuan => 1,
        Issuer::Tinh => 2,
        Issuer::ThuTuong => 3,
        Issuer::ChuTichNuoc => 4,
    };
    let own = match level {
        None | Some(OrgLevel::Xa) => 0,
        Some(OrgLevel::Huyen) => 1,
        Some(OrgLevel::Tinh) | Some(OrgLevel::Bo) => 2,
    };
    let public = || allowed.iter().copied().filter(|i| *i != Issuer::CoQuan);
    public()
        .filter(|i| rank(*i) >= own)
        .min_by_key(|i| rank(*i))
        .or_else(|| public().max_by_key(|i| rank(*i)))
        .or_else(|| allowed.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Code;

    #[test]
    fn lowest_issuer_follows_the_organisation() {
        let d2019 = Date::from_ymd(2019, 12, 31).unwrap();
        let d2026 = Date::from_ymd(2026, 12, 31).unwrap();
        let huyen = Some(OrgLevel::Huyen);
        assert_eq!(
            lowest_issuer(AwardCode::Ldtt, d2019, huyen),
            Some(Issuer::Huyen)
        );
        assert_eq!(
            lowest_issuer(AwardCode::Bkt, d2019, huyen),
            Some(Issuer::Tinh)
        );
        assert_eq!(
            lowest_issuer(AwardCode::Ldtt, d2026, huyen),
            Some(Issuer::Xa)
        );
        assert_eq!(
            lowest_issuer(AwardCode::Ldtt, d2019, None),
            Some(Issuer::Xa)
        );
        assert_eq!(
            lowest_issuer(AwardCode::Hcld3, d2019, huyen),
            Some(Issuer::ChuTichNuoc)
        );
    }

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
