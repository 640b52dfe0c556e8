//! Individual titles: Lao động tiên tiến (LĐTT, and its armed-forces twin
//! CSTT) and Chiến sĩ thi đua cơ sở (CSTĐCS) — the ldtt-* and cstdcs-* rules.

use std::collections::HashMap;

use crate::diag::Severity;
use crate::model::{AwardCode, Code, Date, Issuer, Rating, Recipient, Sym};
use crate::tr;

use super::evidence::{Judge, Verdict};
use super::index::{Claim, Source, LDTT_LIKE};
use super::windows::{self, Era};
use super::{err, off, warn, LawRule};

const LDTT_RATING: usize = 0;
const LDTT_DISCIPLINE: usize = 1;
const LDTT_NEW_STAFF: usize = 2;
const LDTT_ABSENCE: usize = 3;
const CSTDCS_REQUIRES_LDTT: usize = 4;
const CSTDCS_INITIATIVE: usize = 5;
const CSTDCS_RATIO: usize = 6;

/// The figure of `ldtt-new-staff` in each era.
const MIN_MONTHS: [(Era, &str); 2] = [
    (Era::Law2003, "ldtt-min-months-old"),
    (Era::Law2022, "ldtt-min-months"),
];

/// From this window on, `htxs` without an initiative is warned about
/// (the 2026 amendment's draft required both; its text is not verified).
const HTXS_AND_INITIATIVE_FROM: usize = windows::LAW2026;
const HTXS_AND_INITIATIVE_LEVEL: Severity = Severity::Warning;

pub static RULES: [LawRule; 7] = [
    law_rule! {
        id: LdttRating,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 24 (sửa đổi bởi Luật 39/2013/QH13); Luật TĐKT 2022, Điều 24 khoản 1",
        summary: ("LĐTT/CSTT cần xếp loại năm đó từ hoàn thành tốt nhiệm vụ trở lên", "LDTT/CSTT needs that year's rating `htt` or `htxs`"),
        explanation: (
            "Kiểm tra: mỗi danh hiệu Lao động tiên tiến (LĐTT) hoặc Chiến sĩ tiên tiến (CSTT) của năm Y có đánh giá năm Y của người đó xếp loại `htt` (hoàn thành tốt nhiệm vụ) hoặc `htxs` (hoàn thành xuất sắc).\nVì sao: tiêu chuẩn đầu tiên của LĐTT là hoàn thành tốt nhiệm vụ; xếp loại hằng năm là căn cứ kiểm tra được.\nCăn cứ: Luật TĐKT 2003, Điều 24 (sửa đổi 2013) cho quyết định đến 31/12/2023; Luật TĐKT 2022, Điều 24 khoản 1 từ 01/01/2024.\nVí dụ: LĐTT năm 2018 của Nguyễn Văn An, đánh giá năm 2018 xếp loại `ht` → lỗi.\nCách sửa: nếu xếp loại bị ghi sai, sửa evaluations.csv; nếu đúng, danh hiệu không đủ tiêu chuẩn — thu hồi hoặc không đề nghị. Không có đánh giá năm đó thì quy tắc chưa xét được (xem `missing-evidence`).",
            "Checks: every Lao động tiên tiến (LDTT) or Chiến sĩ tiên tiến (CSTT) title for year Y has an evaluation of that person for Y rated `htt` (completed tasks well) or `htxs` (excellently).\nWhy: the first standard of LDTT is completing one's tasks well; the yearly rating is the checkable evidence.\nLaw: Luật TĐKT 2003, Art. 24 (amended 2013) for decisions up to 2023-12-31; Luật TĐKT 2022, Art. 24 k1 from 2024-01-01.\nExample: the 2018 LDTT of Nguyễn Văn An, whose 2018 evaluation is `ht` → error.\nFix: if the rating was mistyped, correct evaluations.csv; if it is right, the title does not meet the standard — withdraw it or do not propose it. Without an evaluation for that year the rule cannot judge (see `missing-evidence`).",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 24 (sửa đổi bởi Luật 39/2013/QH13)"),
            err("Luật TĐKT 2003, Điều 24 (sửa đổi bởi Luật 39/2013/QH13)"),
            err("Luật TĐKT 2022, Điều 24 khoản 1"),
            err("Luật TĐKT 2022, Điều 24 khoản 1"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 24 khoản 1"),
        ],
    },
    law_rule! {
        id: LdttDiscipline,
        default: Warning,
        citation: "NĐ 65/2014/NĐ-CP, Điều 5 khoản 6; NĐ 91/2017/NĐ-CP; Luật TĐKT 2022, Điều 24 (chưa có quy định riêng)",
        summary: ("Không xét LĐTT/CSTT cho người bị kỷ luật từ khiển trách trở lên trong năm", "No LDTT/CSTT for a person disciplined (khiển trách or heavier) that year"),
        explanation: (
            "Kiểm tra: người có LĐTT/CSTT năm Y không bị kỷ luật (cột `discipline` của đánh giá năm Y) từ khiển trách trở lên.\nVì sao: NĐ 65/2014 và NĐ 91/2017 loại trừ người bị kỷ luật khỏi LĐTT. Từ 2024 chưa tìm thấy quy định riêng (kỷ luật thường làm xếp loại không đạt), nên mặc định là cảnh báo.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 5 khoản 6 (lỗi); NĐ 91/2017/NĐ-CP (lỗi); Luật TĐKT 2022 (cảnh báo).\nVí dụ: LĐTT năm 2019, đánh giá 2019 ghi `discipline = khien_trach` → lỗi.\nCách sửa: kiểm tra năm của quyết định kỷ luật; nếu đúng, danh hiệu không đủ điều kiện. Quy chế của tỉnh có thể nâng mức: `[rules] ldtt-discipline = \"error\"`.",
            "Checks: a person holding LDTT/CSTT for year Y was not disciplined (the `discipline` of the Y evaluation) at khiển trách or heavier.\nWhy: NĐ 65/2014 and NĐ 91/2017 exclude disciplined people from LDTT. No explicit rule was found from 2024 on (discipline usually lowers the rating anyway), so the default there is a warning.\nLaw: NĐ 65/2014/NĐ-CP, Art. 5 k6 (error); NĐ 91/2017/NĐ-CP (error); Luật TĐKT 2022 (warning).\nExample: a 2019 LDTT whose 2019 evaluation has `discipline = khien_trach` → error.\nFix: check the year of the disciplinary decision; if it is right, the title is not eligible. A province's regulation may raise it: `[rules] ldtt-discipline = \"error\"`.",
        ),
        windows: [
            None,
            err("NĐ 65/2014/NĐ-CP, Điều 5 khoản 6"),
            err("NĐ 91/2017/NĐ-CP (loại trừ người bị kỷ luật từ khiển trách)"),
            warn("Luật TĐKT 2022, Điều 24; NĐ 98/2023/NĐ-CP (chưa có quy định riêng)"),
            warn("Luật TĐKT 2022, Điều 24; NĐ 152/2025/NĐ-CP (chưa có quy định riêng)"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 24 (chưa có quy định riêng)"),
        ],
    },
    law_rule! {
        id: LdttNewStaff,
        default: Warning,
        citation: "NĐ 65/2014/NĐ-CP, Điều 5 khoản 6; NĐ 91/2017/NĐ-CP (dưới 10 tháng); TT 01/2024/TT-BNV, TT 15/2025/TT-BNV (dưới 6 tháng)",
        summary: ("Không xét LĐTT/CSTT cho người mới tuyển dụng dưới N tháng tính đến hết năm", "No LDTT/CSTT for staff recruited less than N months before the end of the year"),
        explanation: (
            "Kiểm tra: từ ngày tuyển dụng (`hire_date` trong people.csv) đến hết năm Y có ít nhất N tháng; không có ngày tuyển dụng thì dùng `months_worked` của đánh giá năm Y. N = 10 tháng đến 31/12/2023 (`ldtt-min-months-old`), 6 tháng từ 01/01/2024 (`ldtt-min-months`).\nVì sao: người mới tuyển dụng chưa đủ thời gian để được đánh giá cả năm.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 5 khoản 6 và NĐ 91/2017/NĐ-CP (10 tháng, lỗi); TT 01/2024/TT-BNV (6 tháng, lỗi); TT 15/2025/TT-BNV từ 01/07/2025 (chưa kiểm chứng còn giữ quy định, cảnh báo).\nVí dụ: tuyển dụng 2023-05-02, LĐTT năm 2023 quyết định 2023-12-20 → chỉ 7 tháng → lỗi; cùng hồ sơ quyết định 2024-01-05 → đạt (6 tháng).\nCách sửa: kiểm tra ngày tuyển dụng; nếu đúng, không xét danh hiệu năm đó.",
            "Checks: from the recruitment date (`hire_date` in people.csv) to the end of year Y there are at least N months; without a hire date, the `months_worked` of the Y evaluation is used. N = 10 months up to 2023-12-31 (`ldtt-min-months-old`), 6 months from 2024-01-01 (`ldtt-min-months`).\nWhy: newly recruited staff have not worked long enough to be judged on the year.\nLaw: NĐ 65/2014/NĐ-CP, Art. 5 k6 and NĐ 91/2017/NĐ-CP (10 months, error); TT 01/2024/TT-BNV (6 months, error); TT 15/2025/TT-BNV from 2025-07-01 (not verified to keep it: warning).\nExample: recruited 2023-05-02, a 2023 LDTT decided 2023-12-20 → only 7 months → error; the same record decided 2024-01-05 → passes (6 months).\nFix: check the recruitment date; if it is right, the title cannot be given for that year.",
        ),
        windows: [
            None,
            err("NĐ 65/2014/NĐ-CP, Điều 5 khoản 6"),
            err("NĐ 91/2017/NĐ-CP; TT 08/2017/TT-BNV, TT 12/2019/TT-BNV"),
            err("TT 01/2024/TT-BNV"),
            warn("TT 15/2025/TT-BNV (chưa kiểm chứng)"),
            warn("TT 15/2025/TT-BNV (chưa kiểm chứng)"),
        ],
    },
    law_rule! {
        id: LdttAbsence,
        default: Error,
        citation: "NĐ 65/2014/NĐ-CP, Điều 5 khoản 6",
        summary: ("Không xét LĐTT khi nghỉ từ 40 ngày làm việc trở lên (chỉ 2014-08-20 – 2017-09-30)", "No LDTT for 40 or more working days absent (2014-08-20 – 2017-09-30 only)"),
        explanation: (
            "Kiểm tra: với quyết định từ 20/08/2014 đến 30/09/2017, người có LĐTT/CSTT năm Y không nghỉ từ 40 ngày làm việc trở lên (`absent_days` của đánh giá năm Y; ngưỡng `ldtt-max-absent-days`).\nVì sao: NĐ 65/2014 loại trừ người nghỉ nhiều; NĐ 91/2017 (từ 01/10/2017) đã bỏ điều kiện này.\nCăn cứ: NĐ 65/2014/NĐ-CP, Điều 5 khoản 6.\nVí dụ: LĐTT năm 2016 quyết định 2017-01-10, nghỉ 45 ngày → lỗi; cùng hồ sơ quyết định 2017-10-01 → không xét quy tắc này.\nCách sửa: kiểm tra số ngày nghỉ (nghỉ thai sản, điều trị thương tích do chiến đấu được tính là thời gian làm việc).",
            "Checks: for decisions from 2014-08-20 to 2017-09-30, a person holding LDTT/CSTT for year Y was not absent 40 or more working days (`absent_days` of the Y evaluation; threshold `ldtt-max-absent-days`).\nWhy: NĐ 65/2014 excluded people with long absences; NĐ 91/2017 (from 2017-10-01) dropped the condition.\nLaw: NĐ 65/2014/NĐ-CP, Art. 5 k6.\nExample: a 2016 LDTT decided 2017-01-10 with 45 days absent → error; the same record decided 2017-10-01 → the rule does not apply.\nFix: check the days absent (statutory maternity leave and treatment of combat injuries count as work time).",
        ),
        windows: [None, err("NĐ 65/2014/NĐ-CP, Điều 5 khoản 6"), None, None, None, None],
    },
    law_rule! {
        id: CstdcsRequiresLdtt,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 23; Luật TĐKT 2022, Điều 23",
        summary: ("CSTĐCS cần LĐTT/CSTT của cùng người, cùng năm", "CSTDCS needs an LDTT/CSTT for the same person and year"),
        explanation: (
            "Kiểm tra: mỗi Chiến sĩ thi đua cơ sở (CSTĐCS) năm Y có LĐTT hoặc CSTT năm Y của cùng người trong thư mục (với đề nghị đang chờ: cả đề nghị LĐTT cùng năm).\nVì sao: CSTĐCS chỉ xét trong số người đạt LĐTT. Khen thưởng là sự thật: không có trong thư mục nghĩa là không có, với các năm từ `records-from`.\nCăn cứ: Luật TĐKT 2003, Điều 23 (đến 2023); Luật TĐKT 2022, Điều 23 (từ 2024).\nVí dụ: CSTĐCS năm 2018 của Nguyễn Văn An nhưng không có LĐTT năm 2018 → lỗi.\nCách sửa: bổ sung quyết định LĐTT còn thiếu vào awards, hoặc thu hồi/không đề nghị CSTĐCS.",
            "Checks: every Chiến sĩ thi đua cơ sở (CSTDCS) for year Y has an LDTT or CSTT for Y of the same person in the folder (for a pending proposal, a pending LDTT proposal of the same year counts too).\nWhy: CSTDCS is chosen among those who hold LDTT. Awards are facts: not in the folder means not held, for years from `records-from`.\nLaw: Luật TĐKT 2003, Art. 23 (to 2023); Luật TĐKT 2022, Art. 23 (from 2024).\nExample: the 2018 CSTDCS of Nguyễn Văn An with no 2018 LDTT → error.\nFix: add the missing LDTT decision to awards, or withdraw / do not propose the CSTDCS.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 23; NĐ 65/2014/NĐ-CP, Điều 4"),
            err("Luật TĐKT 2003, Điều 23; NĐ 91/2017/NĐ-CP, Điều 9"),
            err("Luật TĐKT 2022, Điều 23"),
            err("Luật TĐKT 2022, Điều 23"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 23"),
        ],
    },
    law_rule! {
        id: CstdcsInitiative,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 23; NĐ 91/2017/NĐ-CP, Điều 9 khoản 3; Luật TĐKT 2022, Điều 23",
        summary: ("Điều kiện thứ hai của CSTĐCS: sáng kiến (đến 2023); HTXS hoặc sáng kiến (từ 2024)", "The second condition of CSTDCS: an initiative (to 2023); `htxs` or an initiative (from 2024)"),
        explanation: (
            "Kiểm tra: CSTĐCS năm Y — đến 31/12/2023: đánh giá năm Y có sáng kiến (`initiative = true`); từ 01/01/2024: xếp loại `htxs` hoặc có sáng kiến; từ 01/10/2026 (Luật 06/2026/QH16, dự thảo yêu cầu cả hai, chưa kiểm chứng) còn cảnh báo khi có `htxs` mà không có sáng kiến.\nVì sao: Luật 2003 bắt buộc sáng kiến; Luật 2022 cho phép hoàn thành xuất sắc nhiệm vụ thay cho sáng kiến.\nCăn cứ: Luật TĐKT 2003, Điều 23; NĐ 91/2017/NĐ-CP, Điều 9 khoản 3; Luật TĐKT 2022, Điều 23.\nVí dụ: đánh giá `htxs`, không có sáng kiến: CSTĐCS quyết định năm 2019 → lỗi; quyết định năm 2025 → đạt.\nCách sửa: ghi sáng kiến đã được công nhận vào cột `initiative` của đánh giá năm đó; nếu không có, danh hiệu không đủ điều kiện. Cột `initiative` để trống thì quy tắc chưa xét được khi kết quả phụ thuộc vào nó.",
            "Checks: a CSTDCS for year Y — up to 2023-12-31: the Y evaluation records an initiative (`initiative = true`); from 2024-01-01: rating `htxs` or an initiative; from 2026-10-01 (Luật 06/2026/QH16, whose draft required both; not verified) also a warning for `htxs` without an initiative.\nWhy: the 2003 law made an initiative compulsory; the 2022 law lets an excellent rating replace it.\nLaw: Luật TĐKT 2003, Art. 23; NĐ 91/2017/NĐ-CP, Art. 9 k3; Luật TĐKT 2022, Art. 23.\nExample: an evaluation `htxs` with no initiative: a CSTDCS decided in 2019 → error; decided in 2025 → passes.\nFix: record the recognised initiative in the `initiative` column of that year's evaluation; without one the title is not eligible. An empty `initiative` leaves the rule unchecked where the outcome depends on it.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 23; NĐ 65/2014/NĐ-CP, Điều 4 khoản 1"),
            err("Luật TĐKT 2003, Điều 23; NĐ 91/2017/NĐ-CP, Điều 9 khoản 3"),
            err("Luật TĐKT 2022, Điều 23"),
            err("Luật TĐKT 2022, Điều 23"),
            err("Luật TĐKT 2022, Điều 23 (sửa đổi bởi Luật 06/2026/QH16; dự thảo yêu cầu cả HTXS và sáng kiến — chưa kiểm chứng)"),
        ],
    },
    law_rule! {
        id: CstdcsRatio,
        default: Off,
        citation: "NĐ 91/2017/NĐ-CP, Điều 9 khoản 3",
        summary: ("Số CSTĐCS không quá 15 % số LĐTT, theo năm và cấp quyết định (2017-10-01 – 2023)", "CSTDCS count at most 15 % of the LDTT count, per year and issuer level (2017-10-01 – 2023)"),
        explanation: (
            "Kiểm tra: với quyết định từ 01/10/2017 đến 31/12/2023, số CSTĐCS của một năm do một cấp quyết định (`issuer`) không vượt quá `cstdcs-ratio-percent` (15 %) số LĐTT/CSTT cùng năm, cùng cấp, làm tròn xuống. Phạm vi: cả thư mục, hoặc từng đơn vị cấp cao nhất với `[rules] cstdcs-ratio-scope = \"unit\"`. Từ 2024 không có trần toàn quốc: quy tắc tắt, tỉnh có quy chế riêng bật bằng `[rules] cstdcs-ratio = \"warning\"` (hoặc \"error\") và đặt ngưỡng.\nVì sao: NĐ 91/2017 giới hạn tỷ lệ CSTĐCS để danh hiệu giữ giá trị.\nCăn cứ: NĐ 91/2017/NĐ-CP, Điều 9 khoản 3.\nVí dụ: năm 2019 huyện quyết định 20 LĐTT và 4 CSTĐCS: tối đa 3 → lỗi ở CSTĐCS thứ tư.\nCách sửa: kiểm tra các quyết định còn thiếu (LĐTT chưa nhập) hoặc giảm số CSTĐCS.",
            "Checks: for decisions from 2017-10-01 to 2023-12-31, the CSTDCS titles of one year decided at one issuer level (`issuer`) do not exceed `cstdcs-ratio-percent` (15 %) of the LDTT/CSTT of that year and level, rounded down. Scope: the whole folder, or each top-level unit with `[rules] cstdcs-ratio-scope = \"unit\"`. From 2024 there is no national cap: the rule is off; a province with its own regulation turns it on with `[rules] cstdcs-ratio = \"warning\"` (or \"error\") and sets the threshold.\nWhy: NĐ 91/2017 capped CSTDCS so the title keeps its worth.\nLaw: NĐ 91/2017/NĐ-CP, Art. 9 k3.\nExample: in 2019 the district decided 20 LDTT and 4 CSTDCS: at most 3 → error at the fourth CSTDCS.\nFix: look for missing decisions (LDTT not entered) or reduce the CSTDCS count.",
        ),
        windows: [
            None,
            off("NĐ 65/2014/NĐ-CP (không có trần toàn quốc; theo quy chế của tỉnh)"),
            err("NĐ 91/2017/NĐ-CP, Điều 9 khoản 3"),
            off("Luật TĐKT 2022, Điều 23 (không có trần toàn quốc; theo quy chế của tỉnh)"),
            off("Luật TĐKT 2022, Điều 23 (không có trần toàn quốc; theo quy chế của tỉnh)"),
            off("Luật TĐKT 2022, Điều 23 (không có trần toàn quốc; theo quy chế của tỉnh)"),
        ],
    },
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    for c in &ix.claims {
        if !c.recipient.is_person() {
            continue;
        }
        if c.code.is_ldtt_like() {
            rule(j, LDTT_RATING, c, ldtt_rating);
            rule(j, LDTT_DISCIPLINE, c, ldtt_discipline);
            rule(j, LDTT_NEW_STAFF, c, ldtt_new_staff);
            rule(j, LDTT_ABSENCE, c, ldtt_absence);
        } else if c.code == AwardCode::Cstdcs {
            rule(j, CSTDCS_REQUIRES_LDTT, c, cstdcs_requires_ldtt);
            cstdcs_initiative(j, c);
        }
    }
    cstdcs_ratio(j);
}

/// Judges `claim` by rule `RULES[i]` where it applies.
fn rule(j: &mut Judge<'_>, i: usize, c: &Claim, f: fn(&Judge<'_>, &Claim) -> Verdict) {
    if let Some(sev) = j.level(&RULES[i], c) {
        let v = f(j, c);
        j.judge(&RULES[i], c, sev, v);
    }
}

fn ldtt_rating(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) if e.rating >= Rating::Htt => Verdict::Pass,
        Some(e) => Verdict::fail(
            tr!(
                j.lang,
                "law.ldtt-rating",
                year = c.year,
                rating = e.rating.name(j.lang)
            ),
            j.lang.t("law.ldtt-rating.help"),
        ),
    }
}

fn ldtt_discipline(j: &Judge<'_>, c: &Claim) -> Verdict {
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.discipline {
            None => Verdict::Pass,
            Some(d) => Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-discipline",
                    year = c.year,
                    discipline = d.name(j.lang)
                ),
                j.lang.t("law.ldtt-discipline.help"),
            ),
        },
    }
}

fn ldtt_new_staff(j: &Judge<'_>, c: &Claim) -> Verdict {
    let era = windows::WINDOWS[c.window].era;
    let name = MIN_MONTHS
        .iter()
        .find(|(e, _)| *e == era)
        .map_or("ldtt-min-months", |(_, n)| n);
    let min = j.count(name) as i32;
    let help = j.lang.t("law.ldtt-new-staff.help");
    let Recipient::Person(p) = c.recipient else {
        return Verdict::Pass;
    };
    let hired = j.ix.person(p).and_then(|p| p.hire_date);
    if let (Some(h), Some(end)) = (hired, Date::start_of_year(i32::from(c.year) + 1)) {
        let months = h.months_until(end);
        return if months < min {
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-new-staff",
                    hired = h,
                    months = months.max(0),
                    year = c.year,
                    min = min
                ),
                help,
            )
        } else {
            Verdict::Pass
        };
    }
    match j.ix.eval(c.recipient, c.year).and_then(|e| e.months_worked) {
        Some(m) if i32::from(m) < min => Verdict::fail(
            tr!(
                j.lang,
                "law.ldtt-new-staff-worked",
                months = m,
                year = c.year,
                min = min
            ),
            help,
        ),
        Some(_) => Verdict::Pass,
        None => Verdict::Unknown(j.lang.t("law.reason.no-hire-date").to_string()),
    }
}

fn ldtt_absence(j: &Judge<'_>, c: &Claim) -> Verdict {
    let max = j.count("ldtt-max-absent-days");
    match j.ix.eval(c.recipient, c.year) {
        None => Verdict::Unknown(j.no_evaluation(c.year)),
        Some(e) => match e.absent_days {
            None => Verdict::Unknown(j.lang.t("law.reason.no-absent-days").to_string()),
            Some(d) if u32::from(d) >= max => Verdict::fail(
                tr!(
                    j.lang,
                    "law.ldtt-absence",
                    days = d,
                    year = c.year,
                    max = max
                ),
                j.lang.t("law.ldtt-absence.help"),
            ),
            Some(_) => Verdict::Pass,
        },
    }
}

fn cstdcs_requires_ldtt(j: &Judge<'_>, c: &Claim) -> Verdict {
    if j.ix.holds(c, c.recipient, c.year, LDTT_LIKE) {
        Verdict::Pass
    } else if !j.ix.facts(c.recipient, c.year) {
        Verdict::Unknown(j.no_history())
    } else {
        Verdict::fail(
            tr!(j.lang, "law.cstdcs-requires-ldtt", year = c.year),
            j.lang.t("law.cstdcs-requires-ldtt.help"),
        )
    }
}

fn cstdcs_initiative(j: &mut Judge<'_>, c: &Claim) {
    let rule = &RULES[CSTDCS_INITIATIVE];
    let Some(sev) = j.level(rule, c) else { return };
    let help = j.lang.t("law.cstdcs-initiative.help");
    let Some(e) = j.ix.eval(c.recipient, c.year) else {
        let v = Verdict::Unknown(j.no_evaluation(c.year));
        j.judge(rule, c, sev, v);
        return;
    };
    let rating = e.rating.name(j.lang);
    let unknown_initiative = || Verdict::Unknown(j.lang.t("law.reason.no-initiative").to_string());
    let (verdict, sev) = match (windows::WINDOWS[c.window].era, e.initiative) {
        (Era::Law2003, Some(true)) => (Verdict::Pass, sev),
        (Era::Law2003, Some(false)) => (
            Verdict::fail(
                tr!(j.lang, "law.cstdcs-initiative-old", year = c.year),
                help,
            ),
            sev,
        ),
        (Era::Law2003, None) => (unknown_initiative(), sev),
        (Era::Law2022, Some(true)) => (Verdict::Pass, sev),
        (Era::Law2022, init) if e.rating == Rating::Htxs => {
            if c.window >= HTXS_AND_INITIATIVE_FROM {
                match init {
                    None => (unknown_initiative(), sev),
                    _ => (
                        Verdict::fail(
                            tr!(j.lang, "law.cstdcs-initiative-both", year = c.year),
                            help,
                        ),
                        HTXS_AND_INITIATIVE_LEVEL,
                    ),
                }
            } else {
                (Verdict::Pass, sev)
            }
        }
        (Era::Law2022, Some(false)) => (
            Verdict::fail(
                tr!(
                    j.lang,
                    "law.cstdcs-initiative-new",
                    year = c.year,
                    rating = rating
                ),
                help,
            ),
            sev,
        ),
        (Era::Law2022, None) => (unknown_initiative(), sev),
    };
    j.judge(rule, c, sev, verdict);
}

/// One group of the ratio: a year, an issuer level, and a scope (the
/// top-level unit, or the whole folder).
type Group = (u16, Issuer, Option<Sym>);

fn cstdcs_ratio(j: &mut Judge<'_>) {
    let rule = &RULES[CSTDCS_RATIO];
    let ix = j.ix;
    let ds = ix.ds;
    let by_unit = j
        .settings
        .options
        .get("cstdcs-ratio-scope")
        .is_some_and(|s| s == "unit");
    let unit_index = if by_unit {
        ds.unit_index()
    } else {
        Default::default()
    };
    let mut tops: HashMap<Sym, Sym> = HashMap::new();
    let mut scope = |r: Recipient| -> Option<Sym> {
        if !by_unit {
            return None;
        }
        let Recipient::Person(p) = r else { return None };
        let unit = ix.person(p)?.unit;
        Some(
            *tops
                .entry(unit)
                .or_insert_with(|| ds.top_unit(unit, &unit_index)),
        )
    };
    let mut ldtt: HashMap<Group, usize> = HashMap::new();
    let mut cstdcs: HashMap<Group, Vec<(usize, Severity)>> = HashMap::new();
    let mut order: Vec<Group> = Vec::new();
    for (i, c) in ix.claims.iter().enumerate() {
        let (Source::Award(_), Some(issuer)) = (c.source, c.issuer) else {
            continue;
        };
        if c.code.is_ldtt_like() {
            *ldtt
                .entry((c.year, issuer, scope(c.recipient)))
                .or_default() += 1;
        } else if c.code == AwardCode::Cstdcs {
            let Some(sev) = j.level(rule, c) else {
                continue;
            };
            if !ix.facts(c.recipient, c.year) {
                let v = Verdict::Unknown(j.no_history());
                j.judge(rule, c, sev, v);
                continue;
            }
            let key = (c.year, issuer, scope(c.recipient));
            let list = cstdcs.entry(key).or_default();
            if list.is_empty() {
                order.push(key);
            }
            list.push((i, sev));
        }
    }
    let percent = j.settings.threshold("cstdcs-ratio-percent");
    for key in order {
        let list = &cstdcs[&key];
        let titles = ldtt.get(&key).copied().unwrap_or(0);
        let limit = (percent * titles as f64 / 100.0 + 1e-9).floor().max(0.0) as usize;
        for (n, &(i, sev)) in list.iter().enumerate() {
            let c = ix.claims[i];
            let v = if n == limit {
                let scope = key
                    .2
                    .map(|u| {
                        tr!(
                            j.lang,
                            "law.cstdcs-ratio-scope",
                            unit = ix.name(Recipient::Unit(u))
                        )
                    })
                    .unwrap_or_default();
                let finding = tr!(
                    j.lang,
                    "law.cstdcs-ratio",
                    count = list.len(),
                    year = key.0,
                    issuer = key.1.name(j.lang),
                    scope = scope,
                    ldtt = titles,
                    limit = limit,
                    percent = percent
                );
                Verdict::fail(finding, j.lang.t("law.cstdcs-ratio.help"))
            } else {
                Verdict::Pass
            };
            j.judge(rule, &c, sev, v);
        }
    }
}
