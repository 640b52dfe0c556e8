//! Higher individual titles: Chiến sĩ thi đua cấp bộ, ngành, tỉnh (CSTĐT)
//! and Chiến sĩ thi đua toàn quốc (CSTĐTQ), which rest on earlier titles.

use crate::model::AwardCode;
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Claim, Codes};
use super::{warn, LawRule};

const CSTDT_CONSECUTIVE: usize = 0;
const CSTDTQ_CONSECUTIVE: usize = 1;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);
const CSTDT: Codes = Codes::of(&[AwardCode::Cstdt]);

pub static RULES: [LawRule; 2] = [
    law_rule! {
        id: CstdtConsecutive,
        default: Warning,
        citation: "Luật TĐKT 2003, Điều 22; Luật TĐKT 2022, Điều 22",
        summary: ("CSTĐ cấp tỉnh năm Y cần CSTĐCS các năm Y, Y−1, Y−2", "CSTDT for year Y needs CSTDCS in Y, Y−1 and Y−2"),
        explanation: (
            "Kiểm tra: Chiến sĩ thi đua cấp bộ, ngành, tỉnh (CSTĐT) năm Y có CSTĐCS của cùng người trong `cstdt-cstdcs-years` (3) năm liên tục Y−2, Y−1, Y.\nVì sao: CSTĐ tỉnh chọn trong số người có 3 lần liên tục CSTĐCS (và sáng kiến có phạm vi ảnh hưởng cấp tỉnh, điều này không kiểm tra được từ dữ liệu).\nCăn cứ: Luật TĐKT 2003, Điều 22 (sửa đổi 2013); NĐ 91/2017/NĐ-CP, Điều 9 khoản 2; Luật TĐKT 2022, Điều 22. Cảnh báo: thư mục có thể thiếu các quyết định cấp khác.\nVí dụ: CSTĐT năm 2019, có CSTĐCS 2017 và 2019 nhưng không có 2018 → cảnh báo.\nCách sửa: bổ sung quyết định CSTĐCS còn thiếu; các năm trước `records-from` thì quy tắc chưa xét được.",
            "Checks: a Chiến sĩ thi đua cấp bộ, ngành, tỉnh (CSTDT) for year Y has CSTDCS of the same person in `cstdt-cstdcs-years` (3) consecutive years Y−2, Y−1, Y.\nWhy: CSTDT is chosen among those with three consecutive CSTDCS (and an initiative of provincial reach, which the data cannot show).\nLaw: Luật TĐKT 2003, Art. 22 (amended 2013); NĐ 91/2017/NĐ-CP, Art. 9 k2; Luật TĐKT 2022, Art. 22. A warning: the folder may lack decisions of other levels.\nExample: a 2019 CSTDT with CSTDCS in 2017 and 2019 but not 2018 → warning.\nFix: add the missing CSTDCS decisions; years before `records-from` leave the rule unchecked.",
        ),
        windows: [
            None,
            warn("Luật TĐKT 2003, Điều 22; NĐ 65/2014/NĐ-CP"),
            warn("Luật TĐKT 2003, Điều 22; NĐ 91/2017/NĐ-CP, Điều 9 khoản 2"),
            warn("Luật TĐKT 2022, Điều 22"),
            warn("Luật TĐKT 2022, Điều 22"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 22"),
        ],
    },
    law_rule! {
        id: CstdtqConsecutive,
        default: Warning,
        citation: "Luật TĐKT 2003, Điều 21; Luật TĐKT 2022, Điều 21",
        summary: ("CSTĐ toàn quốc cần hai lần CSTĐ tỉnh liên tục, lần sau trong ba năm trước đó", "CSTDTQ needs two consecutive CSTDT, the later within the three years before"),
        explanation: (
            "Kiểm tra: Chiến sĩ thi đua toàn quốc (CSTĐTQ) năm Y có `cstdtq-cstdt-count` (2) lần CSTĐ cấp tỉnh liên tục: lần gần nhất trong các năm Y−3 … Y, mỗi lần trước cách lần sau không quá `cstdtq-cycle-years` (3) năm.\nVì sao: CSTĐTQ chọn trong số người hai lần liên tục đạt CSTĐ tỉnh; CSTĐ tỉnh xét theo chu kỳ ba năm, nên \"liên tục\" là hai chu kỳ kề nhau.\nCăn cứ: Luật TĐKT 2003, Điều 21; NĐ 65/2014/NĐ-CP, Điều 3; Luật TĐKT 2022, Điều 21.\nVí dụ: CSTĐTQ năm 2020 với CSTĐT năm 2019 và 2016 → đạt; chỉ có CSTĐT năm 2013 và 2019 → cảnh báo.\nCách sửa: bổ sung quyết định CSTĐT còn thiếu.",
            "Checks: a Chiến sĩ thi đua toàn quốc (CSTDTQ) for year Y has `cstdtq-cstdt-count` (2) consecutive CSTDT: the latest in Y−3 … Y, each earlier one at most `cstdtq-cycle-years` (3) years before the next.\nWhy: CSTDTQ is chosen among those twice in a row CSTDT; CSTDT follows a three-year cycle, so \"in a row\" means two adjoining cycles.\nLaw: Luật TĐKT 2003, Art. 21; NĐ 65/2014/NĐ-CP, Art. 3; Luật TĐKT 2022, Art. 21.\nExample: a 2020 CSTDTQ with CSTDT in 2019 and 2016 → passes; with CSTDT only in 2013 and 2019 → warning.\nFix: add the missing CSTDT decisions.",
        ),
        windows: [
            None,
            warn("Luật TĐKT 2003, Điều 21; NĐ 65/2014/NĐ-CP, Điều 3"),
            warn("Luật TĐKT 2003, Điều 21; NĐ 91/2017/NĐ-CP, Điều 9 khoản 1"),
            warn("Luật TĐKT 2022, Điều 21"),
            warn("Luật TĐKT 2022, Điều 21"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 21"),
        ],
    },
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in &ix.claims {
        if !c.recipient.is_person() {
            continue;
        }
        let i = match c.code {
            AwardCode::Cstdt => CSTDT_CONSECUTIVE,
            AwardCode::Cstdtq => CSTDTQ_CONSECUTIVE,
            _ => continue,
        };
        let Some(sev) = j.level(&RULES[i], c) else {
            continue;
        };
        let v = if i == CSTDT_CONSECUTIVE {
            cstdt(j, c)
        } else {
            cstdtq(j, c)
        };
        j.judge(&RULES[i], c, sev, v);
    }
}

fn cstdt(j: &Judge<'_>, c: &Claim) -> Verdict {
    let n = j.count("cstdt-cstdcs-years").max(1) as i32;
    let y = i32::from(c.year);
    let mut missing = Vec::new();
    let mut unknown = false;
    for year in (y - n + 1..=y).filter_map(|v| u16::try_from(v).ok()) {
        if j.ix.holds(c, c.recipient, year, CSTDCS) {
            continue;
        }
        if j.ix.facts(c.recipient, year) {
            missing.push(year.to_string());
        } else {
            unknown = true;
        }
    }
    if !missing.is_empty() {
        let finding = tr!(
            j.lang,
            "law.cstdt-consecutive",
            missing = missing.join(", "),
            n = n,
            from = y - n + 1,
            to = y
        );
        Verdict::fail(finding, j.lang.t("law.cstdt-consecutive.help"))
    } else if unknown {
        Verdict::Unknown(j.no_history())
    } else {
        Verdict::Pass
    }
}

fn cstdtq(j: &Judge<'_>, c: &Claim) -> Verdict {
    let need = j.count("cstdtq-cstdt-count").max(1);
    let cycle = j.count("cstdtq-cycle-years").max(1) as i32;
    // The latest CSTDT in Y−cycle … Y, then each earlier one within `cycle`
    // years before the one after it.
    let mut upper = i32::from(c.year);
    let mut lower = upper - cycle;
    let mut found = Vec::new();
    while (found.len() as u32) < need {
        let hit = (lower..=upper)
            .rev()
            .filter_map(|v| u16::try_from(v).ok())
            .find(|&y| j.ix.holds(c, c.recipient, y, CSTDT));
        match hit {
            Some(y) => {
                found.push(y);
                upper = i32::from(y) - 1;
                lower = i32::from(y) - cycle;
            }
            None => {
                let known = (lower..=upper)
                    .filter_map(|v| u16::try_from(v).ok())
                    .all(|y| j.ix.facts(c.recipient, y));
                if !known {
                    return Verdict::Unknown(j.no_history());
                }
                let held = if found.is_empty() {
                    j.lang.t("law.none").to_string()
                } else {
                    found
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let finding = tr!(
                    j.lang,
                    "law.cstdtq-consecutive",
                    need = need,
                    cycle = cycle,
                    year = c.year,
                    held = held
                );
                return Verdict::fail(finding, j.lang.t("law.cstdtq-consecutive.help"));
            }
        }
    }
    Verdict::Pass
}
