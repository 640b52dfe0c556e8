//! Rules on any award: titles are yearly (`title-kind`), one achievement is
//! not rewarded twice (`duplicate-title`), one State-level form a year
//! (`state-award-once-a-year`), and campaign awards name their campaign
//! (`chuyen-de-campaign`).

use std::collections::HashMap;

use crate::model::{AwardClass, AwardCode, AwardKind, Code, Recipient};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Index, Source};
use super::windows::Ymd;
use super::{err, warn, Applies, LawRule};

const TITLE_KIND: usize = 0;
const DUPLICATE_TITLE: usize = 1;
const STATE_AWARD_ONCE: usize = 2;
const CHUYEN_DE_CAMPAIGN: usize = 3;

/// Kinds outside the one-State-form-a-year limit.
const STATE_LIMIT_EXEMPT: [AwardKind; 3] =
    [AwardKind::DotXuat, AwardKind::CongHien, AwardKind::NienHan];

/// TT 08/2017/TT-BNV took effect on 2017-12-15, inside the ND 91 window.
const TT08_2017_FROM: Ymd = Ymd(2017, 12, 15);

pub static RULES: [LawRule; 4] = [
    law_rule! {
        id: TitleKind,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 20–28; Luật TĐKT 2022, Điều 8, Điều 19–28",
        summary: ("Danh hiệu thi đua xét hằng năm: loại hình phải là `thuong_xuyen`", "Titles are yearly: kind must be `thuong_xuyen`"),
        explanation: (
            "Kiểm tra: các danh hiệu thi đua (LĐTT, CSTT, CSTĐCS, CSTĐT, CSTĐTQ, TTLĐTT, TTLĐXS, Cờ thi đua) có `kind = thuong_xuyen`.\nVì sao: danh hiệu thi đua được xét tặng hằng năm theo kết quả phong trào thi đua thường xuyên; khen theo chuyên đề hay đột xuất dùng hình thức khen thưởng (Giấy khen, Bằng khen).\nCăn cứ: Luật TĐKT 2003, Điều 20–28; Luật TĐKT 2022, Điều 8, Điều 19–28.\nVí dụ: LĐTT với `kind = dot_xuat` → lỗi.\nCách sửa: sửa `kind` thành `thuong_xuyen`, hoặc ghi đúng hình thức khen thưởng (GK, BKT).",
            "Checks: emulation titles (LDTT, CSTT, CSTDCS, CSTDT, CSTDTQ, TTLDTT, TTLDXS, emulation flags) have `kind = thuong_xuyen`.\nWhy: titles are conferred yearly on the results of the regular emulation; thematic or ad-hoc rewards use forms of commendation (Giấy khen, Bằng khen).\nLaw: Luật TĐKT 2003, Art. 20–28; Luật TĐKT 2022, Art. 8, 19–28.\nExample: an LDTT with `kind = dot_xuat` → error.\nFix: set `kind` to `thuong_xuyen`, or record the right form of commendation (GK, BKT).",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 20–28"),
            err("Luật TĐKT 2003, Điều 20–28"),
            err("Luật TĐKT 2022, Điều 8, Điều 19–28"),
            err("Luật TĐKT 2022, Điều 8, Điều 19–28"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 8, Điều 19–28"),
        ],
    },
    law_rule! {
        id: DuplicateTitle,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 6 khoản 2 (sửa đổi 2013); Luật TĐKT 2022, Điều 5",
        summary: ("Cùng một danh hiệu hai lần cho một người nhận trong một năm", "The same title twice for one recipient and year"),
        explanation: (
            "Kiểm tra: không có hai bản ghi cùng danh hiệu thi đua cho cùng người (hoặc tập thể) và cùng năm.\nVì sao: không khen thưởng nhiều lần cho một thành tích; thường đây là một quyết định được nhập hai lần, làm sai số liệu báo cáo.\nCăn cứ: Luật TĐKT 2003, Điều 6 khoản 2 (sửa đổi 2013); Luật TĐKT 2022, Điều 5.\nVí dụ: hai dòng LĐTT năm 2019 của Nguyễn Văn An (quyết định 12/QĐ-UBND và 45/QĐ-UBND) → lỗi ở dòng thứ hai, chỉ ra dòng thứ nhất.\nCách sửa: xóa dòng nhập trùng; nếu là hai quyết định thật, thu hồi một quyết định.",
            "Checks: no two records of the same emulation title for the same person (or collective) and year.\nWhy: one achievement is not rewarded twice; usually one decision was entered twice, which also skews the reports.\nLaw: Luật TĐKT 2003, Art. 6 k2 (amended 2013); Luật TĐKT 2022, Art. 5.\nExample: two 2019 LDTT rows for Nguyễn Văn An (decisions 12/QĐ-UBND and 45/QĐ-UBND) → error at the second, naming the first.\nFix: delete the duplicated row; if there really are two decisions, withdraw one.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 6 khoản 2 (sửa đổi 2013)"),
            err("Luật TĐKT 2003, Điều 6 khoản 2 (sửa đổi 2013)"),
            err("Luật TĐKT 2022, Điều 5"),
            err("Luật TĐKT 2022, Điều 5"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 5"),
        ],
    },
    law_rule! {
        id: StateAwardOnceAYear,
        default: Warning,
        citation: "TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
        summary: ("Mỗi năm tối đa một hình thức khen cấp Nhà nước cho một người nhận (trừ đột xuất, cống hiến, niên hạn)", "At most one State-level form per recipient per year, except ad-hoc, dedication and length-of-service kinds"),
        explanation: (
            "Kiểm tra: một người hoặc tập thể không có hai hình thức khen thưởng cấp Nhà nước (BKTTG, CSTĐTQ, Cờ thi đua Chính phủ, Huân chương Lao động) cho cùng năm, trừ loại `dot_xuat`, `cong_hien`, `nien_han`. Áp dụng cho quyết định từ 15/12/2017 (lỗi), từ 01/01/2024 là cảnh báo.\nVì sao: TT 08/2017 và TT 12/2019 không đề nghị hai hình thức cấp Nhà nước trong một năm; chưa kiểm chứng văn bản từ 2024 còn giữ quy định này.\nCăn cứ: TT 08/2017/TT-BNV (từ 15/12/2017); TT 12/2019/TT-BNV (từ 01/01/2020).\nVí dụ: BKTTG và HCLĐ3 cùng năm 2019 cho một người → lỗi ở bản ghi thứ hai.\nCách sửa: kiểm tra năm của các quyết định; ghi đúng loại khen nếu là khen đột xuất.",
            "Checks: a person or collective has no two State-level forms (BKTTG, CSTDTQ, Government flag, Labour Orders) for the same year, except kinds `dot_xuat`, `cong_hien`, `nien_han`. Applied to decisions from 2017-12-15 (error), a warning from 2024-01-01.\nWhy: TT 08/2017 and TT 12/2019 bar proposing two State-level forms in a year; the texts from 2024 were not verified to keep it.\nLaw: TT 08/2017/TT-BNV (from 2017-12-15); TT 12/2019/TT-BNV (from 2020-01-01).\nExample: a BKTTG and an HCLD3 for 2019 to one person → error at the second record.\nFix: check the years of the decisions; record the right kind for an ad-hoc award.",
        ),
        windows: [
            None,
            None,
            Some(Applies {
                level: crate::diag::Level::Error,
                citation: "TT 08/2017/TT-BNV (từ 15/12/2017); TT 12/2019/TT-BNV (từ 01/01/2020)",
                since: Some(TT08_2017_FROM),
            }),
            warn("TT 12/2019/TT-BNV (nguyên tắc cũ; chưa kiểm chứng trong văn bản từ 2024)"),
            warn("TT 12/2019/TT-BNV (nguyên tắc cũ; chưa kiểm chứng trong văn bản từ 2024)"),
            warn("TT 12/2019/TT-BNV (nguyên tắc cũ; chưa kiểm chứng trong văn bản từ 2024)"),
        ],
    },
    law_rule! {
        id: ChuyenDeCampaign,
        default: Warning,
        citation: "Luật TĐKT 2003, Điều 15; Luật TĐKT 2022, Điều 16–17",
        summary: ("Khen thưởng chuyên đề ghi rõ phong trào (`campaign`)", "A `chuyen_de` award names its campaign"),
        explanation: (
            "Kiểm tra: mỗi khen thưởng `kind = chuyen_de` có cột `campaign` trỏ tới một phong trào trong campaigns.\nVì sao: khen theo đợt, chuyên đề gắn với sơ kết, tổng kết một phong trào thi đua cụ thể; báo cáo theo phong trào cần liên kết này.\nCăn cứ: Luật TĐKT 2003, Điều 15; Luật TĐKT 2022, Điều 16–17.\nVí dụ: Giấy khen chuyên đề năm 2020 không ghi phong trào → cảnh báo.\nCách sửa: thêm mã phong trào vào cột `campaign` (và phong trào vào campaigns.csv nếu chưa có).",
            "Checks: every award with `kind = chuyen_de` has a `campaign` naming a campaign in campaigns.\nWhy: thematic awards follow the review of a particular emulation campaign; reports by campaign need the link.\nLaw: Luật TĐKT 2003, Art. 15; Luật TĐKT 2022, Art. 16–17.\nExample: a 2020 thematic Giấy khen with no campaign → warning.\nFix: put the campaign id in `campaign` (and the campaign in campaigns.csv if it is missing).",
        ),
        windows: [
            None,
            warn("Luật TĐKT 2003, Điều 15"),
            warn("Luật TĐKT 2003, Điều 15"),
            warn("Luật TĐKT 2022, Điều 16–17"),
            warn("Luật TĐKT 2022, Điều 16–17"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 16–17"),
        ],
    },
];

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
            if let Some(sev) = j.level(&RULES[TITLE_KIND], c) {
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
                j.judge(&RULES[TITLE_KIND], c, sev, v);
            }
            let first = *titles.entry((c.recipient, c.year, c.code)).or_insert(i);
            if let Some(sev) = j.level(&RULES[DUPLICATE_TITLE], c) {
                let v = if first == i {
                    Verdict::Pass
                } else {
                    duplicate(j, ix, first, "law.duplicate-title")
                };
                j.judge(&RULES[DUPLICATE_TITLE], c, sev, v);
            }
        }
        if c.code.is_state_level() && !STATE_LIMIT_EXEMPT.contains(&c.kind) {
            let first = *state.entry((c.recipient, c.year)).or_insert(i);
            if let Some(sev) = j.level(&RULES[STATE_AWARD_ONCE], c) {
                let v = if first == i {
                    Verdict::Pass
                } else {
                    duplicate(j, ix, first, "law.state-award-once-a-year")
                };
                j.judge(&RULES[STATE_AWARD_ONCE], c, sev, v);
            }
        }
        if c.kind == AwardKind::ChuyenDe {
            if let Some(sev) = j.level(&RULES[CHUYEN_DE_CAMPAIGN], c) {
                let v = if award.campaign.is_some() {
                    Verdict::Pass
                } else {
                    Verdict::fail(
                        j.lang.t("law.chuyen-de-campaign").to_string(),
                        j.lang.t("law.chuyen-de-campaign.help"),
                    )
                };
                j.judge(&RULES[CHUYEN_DE_CAMPAIGN], c, sev, v);
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
