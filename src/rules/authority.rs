//! Who may confer what: the authority matrix (`issuer-authority`) as data,
//! one row per group of award codes with the issuer levels allowed before and
//! after the two-tier local government of 2025 (NĐ 129/2025: no district).

use crate::model::{AwardCode, Code, Issuer};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::windows::Ymd;
use super::{err, LawRule};

/// The day the district level was abolished (NĐ 129/2025/NĐ-CP).
pub const TWO_TIER_FROM: Ymd = Ymd(2025, 7, 1);

/// One row of the matrix.
pub struct Grant {
    pub codes: &'static [AwardCode],
    /// Issuers allowed for decisions up to the day before [`TWO_TIER_FROM`].
    pub before: &'static [Issuer],
    /// Issuers allowed from [`TWO_TIER_FROM`].
    pub after: &'static [Issuer],
}

use AwardCode as A;
use Issuer as I;

/// The authority matrix (rules.md).
pub static MATRIX: &[Grant] = &[
    Grant {
        codes: &[A::Ldtt, A::Cstt],
        before: &[I::Xa, I::Huyen, I::CoQuan],
        after: &[I::Xa, I::CoQuan],
    },
    Grant {
        codes: &[A::Cstdcs, A::Ttldtt],
        before: &[I::Huyen, I::CoQuan],
        after: &[I::Xa, I::CoQuan],
    },
    Grant {
        codes: &[A::Gk],
        before: &[I::Xa, I::Huyen, I::CoQuan],
        after: &[I::Xa, I::CoQuan],
    },
    Grant {
        codes: &[A::Cstdt, A::Ttldxs, A::Ctdt, A::Bkt],
        before: &[I::Tinh],
        after: &[I::Tinh],
    },
    Grant {
        codes: &[A::Cstdtq, A::Bkttg, A::Ctdcp],
        before: &[I::ThuTuong],
        after: &[I::ThuTuong],
    },
    Grant {
        codes: &[A::Hcld1, A::Hcld2, A::Hcld3],
        before: &[I::ChuTichNuoc],
        after: &[I::ChuTichNuoc],
    },
];

pub static RULES: [LawRule; 1] = [law_rule! {
    id: IssuerAuthority,
    default: Error,
    citation: "Luật TĐKT 2003, Chương IV; NĐ 91/2017/NĐ-CP, Điều 43; TT 12/2019/TT-BNV, Điều 7; Luật TĐKT 2022, Điều 77–80; NĐ 129/2025/NĐ-CP",
    summary: ("Cấp quyết định (`issuer`) có thẩm quyền tặng danh hiệu, hình thức đó", "The award's `issuer` may confer that code"),
    explanation: (
        "Kiểm tra: cấp quyết định (`issuer`) của mỗi khen thưởng được tặng mã đó vào ngày quyết định, theo bảng thẩm quyền: LĐTT, CSTT, Giấy khen — xã, huyện, cơ quan; CSTĐCS, TTLĐTT — huyện, cơ quan; từ 01/07/2025 các quyền của huyện chuyển cho Chủ tịch UBND xã; CSTĐT, TTLĐXS, Cờ thi đua tỉnh, Bằng khen tỉnh — tỉnh; CSTĐTQ, BKTTG, Cờ thi đua Chính phủ — Thủ tướng; Huân chương Lao động — Chủ tịch nước.\nVì sao: quyết định của cấp không có thẩm quyền không có giá trị. Cấp huyện không còn từ 01/07/2025 nên quyết định `huyen` từ ngày đó có thông báo riêng.\nCăn cứ: Luật TĐKT 2003, Chương IV; NĐ 91/2017/NĐ-CP, Điều 43; TT 12/2019/TT-BNV, Điều 7; Luật TĐKT 2022, Điều 77–80; NĐ 129/2025/NĐ-CP.\nVí dụ: Giấy khen `issuer = huyen` ngày 2025-06-30 → đạt; ngày 2025-07-01 → lỗi. CSTĐCS `issuer = xa` năm 2020 → lỗi.\nCách sửa: sửa `issuer` nếu nhập nhầm; nếu đúng, quyết định phải do cấp có thẩm quyền ban hành lại.",
        "Checks: the `issuer` of each award may confer its code on the decision date, per the authority matrix: LDTT, CSTT, Giấy khen — commune, district, agency; CSTDCS, TTLDTT — district, agency; from 2025-07-01 the district's powers pass to the commune chair; CSTDT, TTLDXS, provincial flag, BKT — province; CSTDTQ, BKTTG, Government flag — Prime Minister; Labour Orders — State President.\nWhy: a decision by an authority without the power is void. The district level is gone from 2025-07-01, so a `huyen` decision from that day gets a message of its own.\nLaw: Luật TĐKT 2003, ch. IV; NĐ 91/2017/NĐ-CP, Art. 43; TT 12/2019/TT-BNV, Art. 7; Luật TĐKT 2022, Art. 77–80; NĐ 129/2025/NĐ-CP.\nExample: a Giấy khen `issuer = huyen` on 2025-06-30 → passes; on 2025-07-01 → error. A CSTDCS `issuer = xa` in 2020 → error.\nFix: correct `issuer` if mistyped; otherwise the competent authority must issue the decision.",
    ),
    windows: [
        err("Luật TĐKT 2003, Chương IV; NĐ 42/2010/NĐ-CP"),
        err("Luật TĐKT 2003, Chương IV; NĐ 65/2014/NĐ-CP, Điều 26"),
        err("Luật TĐKT 2003, Chương IV; NĐ 91/2017/NĐ-CP, Điều 43; TT 08/2017/TT-BNV, TT 12/2019/TT-BNV, Điều 7"),
        err("Luật TĐKT 2022, Điều 77–80"),
        err("Luật TĐKT 2022, Điều 77–80; NĐ 129/2025/NĐ-CP"),
        err("Luật TĐKT 2022 (sửa đổi 2026), Điều 77–80; NĐ 129/2025/NĐ-CP"),
    ],
}];

/// The issuers allowed to confer `code` on a decision of `date`.
pub fn allowed(code: AwardCode, two_tier: bool) -> &'static [Issuer] {
    MATRIX
        .iter()
        .find(|g| g.codes.contains(&code))
        .map_or(&[], |g| if two_tier { g.after } else { g.before })
}

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let switch = TWO_TIER_FROM.date();
    for c in &ix.claims {
        let Some(issuer) = c.issuer else { continue };
        let Some(sev) = j.level(&RULES[0], c) else {
            continue;
        };
        let two_tier = c.date >= switch;
        let ok = allowed(c.code, two_tier);
        let v = if ok.contains(&issuer) {
            Verdict::Pass
        } else if two_tier
            && issuer == Issuer::Huyen
            && allowed(c.code, false).contains(&Issuer::Huyen)
        {
            Verdict::fail(
                tr!(j.lang, "law.issuer-district-abolished", date = c.date),
                j.lang.t("law.issuer-district-abolished.help"),
            )
        } else {
            let names = ok
                .iter()
                .map(|i| format!("{} (`{}`)", i.name(j.lang), i.code()))
                .collect::<Vec<_>>()
                .join(", ");
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.issuer-authority",
                    issuer = issuer.name(j.lang),
                    code = issuer.code(),
                    date = c.date,
                    allowed = names
                ),
                j.lang.t("law.issuer-authority.help"),
            )
        };
        j.judge(&RULES[0], c, sev, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_row() {
        for code in AwardCode::ALL {
            assert_eq!(
                MATRIX.iter().filter(|g| g.codes.contains(code)).count(),
                1,
                "{code}"
            );
        }
    }

    #[test]
    fn no_district_after_the_switch() {
        assert!(MATRIX.iter().all(|g| !g.after.contains(&Issuer::Huyen)));
    }
}
