//! Commendations that rest on a record of several years: Bằng khen cấp bộ,
//! ngành, tỉnh (BKT), Bằng khen của Thủ tướng (BKTTG) and Huân chương Lao
//! động hạng Ba (HCLĐ3), for individuals and regular (year-end) awards; other
//! kinds (đột xuất, cống hiến…) follow other routes of the law.

use crate::model::{AwardCode, AwardKind, Code, Rating, Recipient};
use crate::tr;

use super::evidence::{Check, Judge};
use super::index::{Claim, Codes};
use super::windows::{self, Era};
use super::{warn, LawRule};

const BKT: usize = 0;
const BKTTG: usize = 1;
const HCLD3: usize = 2;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);
/// How far back an earlier prerequisite award is looked for.
const LOOKBACK_YEARS: u16 = 80;

pub static RULES: [LawRule; 3] = [
    law_rule! {
        id: BktPrerequisites,
        default: Warning,
        citation: "NĐ 65/2014/NĐ-CP, Điều 24 khoản 1; Luật TĐKT 2022, Điều 74 khoản 1 điểm d",
        summary: ("Bằng khen tỉnh (thường xuyên): 2 năm liên tục HTXS với 2 sáng kiến; từ 2024 hoặc 2 lần CSTĐCS liên tục", "BKT (regular): 2 consecutive years `htxs` with 2 initiatives; from 2024 also 2 consecutive CSTDCS"),
        explanation: (
            "Kiểm tra: Bằng khen cấp bộ, ngành, tỉnh (BKT) loại thường xuyên cho cá nhân năm Y. Đến 31/12/2023: `bkt-years` (2) năm liên tục Y−1, Y xếp loại `htxs` và có sáng kiến trong `bkt-initiatives` (2) năm đó. Từ 01/01/2024: như trên, hoặc `bkt-cstdcs` (2) lần CSTĐCS liên tục Y−1, Y.\nVì sao: đây là đường xét BKT dựa trên thành tích hằng năm; các đường khác (thành tích đột xuất, phong trào) dùng loại khen khác.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 24 khoản 1 điểm c; NĐ 91/2017/NĐ-CP, Điều 39; Luật TĐKT 2022, Điều 74 khoản 1 điểm d. Cảnh báo vì có thể xét theo đường khác.\nVí dụ: BKT năm 2024, CSTĐCS 2023 và 2024 → đạt; chỉ `htt` năm 2023, không có CSTĐCS 2023 → cảnh báo.\nCách sửa: bổ sung đánh giá, sáng kiến, CSTĐCS còn thiếu; nếu khen theo thành tích đột xuất, ghi `kind = dot_xuat`.",
            "Checks: a regular Bằng khen cấp bộ, ngành, tỉnh (BKT) to a person for year Y. Up to 2023-12-31: `bkt-years` (2) consecutive years Y−1, Y rated `htxs` with an initiative in `bkt-initiatives` (2) of them. From 2024-01-01: the same, or `bkt-cstdcs` (2) consecutive CSTDCS in Y−1, Y.\nWhy: this is the BKT route based on yearly achievement; other routes (sudden achievement, movements) use other kinds.\nLaw: NĐ 65/2014/NĐ-CP, Art. 24 k1 c; NĐ 91/2017/NĐ-CP, Art. 39; Luật TĐKT 2022, Art. 74 k1 d. A warning, as another route may apply.\nExample: a 2024 BKT with CSTDCS in 2023 and 2024 → passes; only `htt` in 2023 and no 2023 CSTDCS → warning.\nFix: add missing evaluations, initiatives, CSTDCS; for a sudden achievement record `kind = dot_xuat`.",
        ),
        windows: [
            None,
            warn("NĐ 65/2014/NĐ-CP, Điều 24 khoản 1 điểm c"),
            warn("NĐ 91/2017/NĐ-CP, Điều 39"),
            warn("Luật TĐKT 2022, Điều 74 khoản 1 điểm d"),
            warn("Luật TĐKT 2022, Điều 74 khoản 1 điểm d"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 74 khoản 1 điểm d"),
        ],
    },
    law_rule! {
        id: BkttgPrerequisites,
        default: Warning,
        citation: "NĐ 65/2014/NĐ-CP, Điều 23; Luật TĐKT 2022, Điều 73 khoản 1 điểm b",
        summary: ("Bằng khen Thủ tướng (thường xuyên): đã có BKT, rồi 5 năm liên tục đủ tiêu chuẩn", "BKTTG (regular): an earlier BKT, then 5 consecutive qualifying years"),
        explanation: (
            "Kiểm tra: Bằng khen của Thủ tướng (BKTTG) loại thường xuyên cho cá nhân năm Y: đã có BKT năm trước Y, và trong `bkttg-years` (5) năm liên tục Y−4 … Y — đến 2023: mọi năm `htxs` và có sáng kiến trong `bkttg-initiatives-old` (5) năm; từ 2024: mọi năm từ `htt` trở lên và có `bkttg-cstdcs` (3) lần CSTĐCS.\nVì sao: đường xét BKTTG theo thành tích liên tục; Luật 2022 thay sáng kiến bằng CSTĐCS.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 23; NĐ 91/2017/NĐ-CP, Điều 38; Luật TĐKT 2022, Điều 73 khoản 1 điểm b.\nVí dụ: BKTTG năm 2025, có BKT năm 2019, xếp loại 2021–2025 từ `htt`, CSTĐCS 2021, 2023, 2025 → đạt; chỉ 2 lần CSTĐCS → cảnh báo.\nCách sửa: bổ sung quyết định và đánh giá còn thiếu. BKT trước năm `records-from` chỉ biết được khi người đó tuyển dụng sau năm đó; nếu không, quy tắc chưa xét được.",
            "Checks: a regular Bằng khen của Thủ tướng (BKTTG) to a person for year Y: an earlier BKT (before Y), and over `bkttg-years` (5) consecutive years Y−4 … Y — to 2023: every year `htxs` with an initiative in `bkttg-initiatives-old` (5) of them; from 2024: every year `htt` or better with `bkttg-cstdcs` (3) CSTDCS.\nWhy: the BKTTG route for sustained achievement; the 2022 law replaced initiatives by CSTDCS.\nLaw: NĐ 65/2014/NĐ-CP, Art. 23; NĐ 91/2017/NĐ-CP, Art. 38; Luật TĐKT 2022, Art. 73 k1 b.\nExample: a 2025 BKTTG with a 2019 BKT, ratings `htt`+ in 2021–2025 and CSTDCS in 2021, 2023, 2025 → passes; with only 2 CSTDCS → warning.\nFix: add the missing decisions and evaluations. A BKT before `records-from` is known only for people recruited since; otherwise the rule is unchecked.",
        ),
        windows: [
            None,
            warn("NĐ 65/2014/NĐ-CP, Điều 23"),
            warn("NĐ 91/2017/NĐ-CP, Điều 38"),
            warn("Luật TĐKT 2022, Điều 73 khoản 1 điểm b"),
            warn("Luật TĐKT 2022, Điều 73 khoản 1 điểm b"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 73 khoản 1 điểm b"),
        ],
    },
    law_rule! {
        id: Hcld3Prerequisites,
        default: Warning,
        citation: "NĐ 65/2014/NĐ-CP, Điều 17; Luật TĐKT 2022, Điều 44 khoản 1 điểm e",
        summary: ("Huân chương Lao động hạng Ba (thường xuyên): đã có BKTTG, rồi 5 năm đủ tiêu chuẩn", "HCLD3 (regular): an earlier BKTTG, then 5 qualifying years"),
        explanation: (
            "Kiểm tra: Huân chương Lao động hạng Ba (HCLĐ3) loại thường xuyên cho cá nhân năm Y: đã có BKTTG năm trước Y, và trong `hcld3-years` (5) năm Y−4 … Y — đến 2023: sáng kiến trong `hcld3-initiatives-old` (2) năm; từ 2024: mọi năm từ `htt` trở lên, ít nhất `hcld3-min-htxs` (1) năm `htxs`, và `hcld3-cstdcs` (3) lần CSTĐCS.\nVì sao: đường xét HCLĐ3 theo thành tích liên tục; Luật 2022 đổi tiêu chuẩn.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 17; NĐ 91/2017/NĐ-CP; Luật TĐKT 2022, Điều 44 khoản 1 điểm e.\nVí dụ: HCLĐ3 năm 2024 không có BKTTG trước đó (người tuyển dụng sau `records-from`) → cảnh báo.\nCách sửa: bổ sung quyết định BKTTG và đánh giá còn thiếu; khen theo quá trình cống hiến ghi `kind = cong_hien`.",
            "Checks: a regular Huân chương Lao động hạng Ba (HCLD3) to a person for year Y: an earlier BKTTG (before Y), and over `hcld3-years` (5) years Y−4 … Y — to 2023: an initiative in `hcld3-initiatives-old` (2) of them; from 2024: every year `htt` or better, at least `hcld3-min-htxs` (1) year `htxs`, and `hcld3-cstdcs` (3) CSTDCS.\nWhy: the HCLD3 route for sustained achievement; the 2022 law changed the standard.\nLaw: NĐ 65/2014/NĐ-CP, Art. 17; NĐ 91/2017/NĐ-CP; Luật TĐKT 2022, Art. 44 k1 e.\nExample: a 2024 HCLD3 with no earlier BKTTG (a person recruited after `records-from`) → warning.\nFix: add the missing BKTTG decision and evaluations; an award for lifetime dedication is `kind = cong_hien`.",
        ),
        windows: [
            None,
            warn("NĐ 65/2014/NĐ-CP, Điều 17"),
            warn("NĐ 91/2017/NĐ-CP (Huân chương Lao động hạng Ba)"),
            warn("Luật TĐKT 2022, Điều 44 khoản 1 điểm e"),
            warn("Luật TĐKT 2022, Điều 44 khoản 1 điểm e"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 44 khoản 1 điểm e"),
        ],
    },
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in &ix.claims {
        if !c.recipient.is_person() || c.kind != AwardKind::ThuongXuyen {
            continue;
        }
        let i = match c.code {
            AwardCode::Bkt => BKT,
            AwardCode::Bkttg => BKTTG,
            AwardCode::Hcld3 => HCLD3,
            _ => continue,
        };
        let Some(sev) = j.level(&RULES[i], c) else {
            continue;
        };
        let era = windows::WINDOWS[c.window].era;
        let check = match i {
            BKT => bkt(j, c, era),
            BKTTG => bkttg(j, c, era),
            _ => hcld3(j, c, era),
        };
        let help = j.lang.t("law.commendation.help");
        j.judge(&RULES[i], c, sev, check.verdict(help));
    }
}

/// The years Y−n+1 … Y of a claim.
fn years(c: &Claim, n: u32) -> Vec<u16> {
    let n = n.max(1) as i32;
    (i32::from(c.year) - n + 1..=i32::from(c.year))
        .filter_map(|y| u16::try_from(y).ok())
        .collect()
}

/// "2018–2019".
fn span(ys: &[u16]) -> String {
    match (ys.first(), ys.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    }
}

/// What was found over the years: "2018: htt, 2019: htxs + sáng kiến, 2020: —".
fn found(j: &Judge<'_>, c: &Claim, ys: &[u16]) -> String {
    ys.iter()
        .map(|&y| match j.ix.eval(c.recipient, y) {
            None => format!("{y}: —"),
            Some(e) => {
                let init = if e.initiative == Some(true) {
                    j.lang.t("law.with-initiative")
                } else {
                    ""
                };
                format!("{y}: {}{init}", e.rating.code())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every year rated at least `min`.
fn ratings(j: &Judge<'_>, c: &Claim, ys: &[u16], min: Rating) -> Check {
    let mut missing = None;
    for &y in ys {
        match j.ix.eval(c.recipient, y) {
            None => missing = missing.or(Some(y)),
            Some(e) if e.rating < min => {
                return Check::Fails(tr!(
                    j.lang,
                    "law.ratings",
                    span = span(ys),
                    rating = min.name(j.lang),
                    found = found(j, c, ys)
                ));
            }
            Some(_) => {}
        }
    }
    match missing {
        Some(y) => Check::Unknown(j.no_evaluation(y)),
        None => Check::Holds,
    }
}

/// At least `need` of the years with an evaluation meeting `pred`
/// (`None`: cannot tell for that year).
fn years_with(
    j: &Judge<'_>,
    c: &Claim,
    ys: &[u16],
    need: u32,
    key: &str,
    pred: impl Fn(&crate::model::Evaluation) -> Option<bool>,
) -> Check {
    let (mut yes, mut maybe) = (0u32, 0u32);
    let mut unknown_year = None;
    for &y in ys {
        match j.ix.eval(c.recipient, y).map(&pred) {
            Some(Some(true)) => yes += 1,
            Some(Some(false)) => {}
            Some(None) | None => {
                maybe += 1;
                unknown_year = unknown_year.or(Some(y));
            }
        }
    }
    if yes >= need {
        Check::Holds
    } else if yes + maybe < need {
        Check::Fails(tr!(
            j.lang,
            key,
            need = need,
            span = span(ys),
            count = yes,
            found = found(j, c, ys)
        ))
    } else {
        let y = unknown_year.unwrap_or(c.year);
        match j.ix.eval(c.recipient, y) {
            None => Check::Unknown(j.no_evaluation(y)),
            Some(_) => Check::Unknown(j.lang.t("law.reason.no-initiative").to_string()),
        }
    }
}

/// At least `need` CSTĐCS over the years (consecutive ones when `need`
/// equals the number of years).
fn cstdcs(j: &Judge<'_>, c: &Claim, ys: &[u16], need: u32) -> Check {
    let held: Vec<u16> = ys
        .iter()
        .copied()
        .filter(|&y| j.ix.holds(c, c.recipient, y, CSTDCS))
        .collect();
    let unknown = ys
        .iter()
        .filter(|&&y| !j.ix.holds(c, c.recipient, y, CSTDCS) && !j.ix.facts(c.recipient, y))
        .count() as u32;
    let count = held.len() as u32;
    if count >= need {
        Check::Holds
    } else if count + unknown >= need {
        Check::Unknown(j.no_history())
    } else {
        let list = if held.is_empty() {
            j.lang.t("law.none").to_string()
        } else {
            held.iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        Check::Fails(tr!(
            j.lang,
            "law.cstdcs-count",
            need = need,
            span = span(ys),
            held = list
        ))
    }
}

/// An earlier award of `code` (before the claim's year). Not found is known
/// only when every earlier year of this person is on file.
fn earlier(j: &Judge<'_>, c: &Claim, code: AwardCode) -> Check {
    let codes = Codes::of(&[code]);
    let from = c.year.saturating_sub(LOOKBACK_YEARS);
    if (from..c.year).any(|y| j.ix.holds(c, c.recipient, y, codes)) {
        return Check::Holds;
    }
    let Recipient::Person(p) = c.recipient else {
        return Check::Unknown(j.no_history());
    };
    let since = j.ix.person(p).and_then(|p| p.hire_date).map(|h| h.year());
    let complete = since
        .and_then(|y| u16::try_from(y).ok())
        .is_some_and(|y| j.ix.facts(c.recipient, y));
    if complete {
        Check::Fails(tr!(
            j.lang,
            "law.earlier",
            award = super::index::Index::award_label(code, j.lang),
            year = c.year
        ))
    } else {
        Check::Unknown(j.no_history())
    }
}

fn initiative(e: &crate::model::Evaluation) -> Option<bool> {
    e.initiative
}

fn htxs_with_initiatives(j: &Judge<'_>, c: &Claim, ys: &[u16], need: u32) -> Check {
    Check::all(vec![
        ratings(j, c, ys, Rating::Htxs),
        years_with(j, c, ys, need, "law.initiatives", initiative),
    ])
}

fn bkt(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count("bkt-years"));
    let old = htxs_with_initiatives(j, c, &ys, j.count("bkt-initiatives"));
    match era {
        Era::Law2003 => old,
        Era::Law2022 => {
            let n = j.count("bkt-cstdcs");
            let route = cstdcs(j, c, &years(c, n), n);
            Check::any(vec![route, old], j.lang.t("law.or"))
        }
    }
}

fn bkttg(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count("bkttg-years"));
    let record = match era {
        Era::Law2003 => htxs_with_initiatives(j, c, &ys, j.count("bkttg-initiatives-old")),
        Era::Law2022 => Check::all(vec![
            ratings(j, c, &ys, Rating::Htt),
            cstdcs(j, c, &ys, j.count("bkttg-cstdcs")),
        ]),
    };
    Check::all(vec![earlier(j, c, AwardCode::Bkt), record])
}

fn hcld3(j: &Judge<'_>, c: &Claim, era: Era) -> Check {
    let ys = years(c, j.count("hcld3-years"));
    let record = match era {
        Era::Law2003 => years_with(
            j,
            c,
            &ys,
            j.count("hcld3-initiatives-old"),
            "law.initiatives",
            initiative,
        ),
        Era::Law2022 => Check::all(vec![
            ratings(j, c, &ys, Rating::Htt),
            years_with(
                j,
                c,
                &ys,
                j.count("hcld3-min-htxs"),
                "law.htxs-years",
                |e| Some(e.rating == Rating::Htxs),
            ),
            cstdcs(j, c, &ys, j.count("hcld3-cstdcs")),
        ]),
    };
    Check::all(vec![earlier(j, c, AwardCode::Bkttg), record])
}
