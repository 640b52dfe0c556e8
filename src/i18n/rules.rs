//! Messages of the `rules` area (see the module docs of `crate::i18n`): the
//! findings of the law's rules. Each finding reads "{subject}: {finding}",
//! where the subject names the award or proposal, the recipient and the year,
//! and the finding says what was found and what the law asks.

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e("law.subject-award", "{award} của {name} năm {year}", "the {award} of {name} for {year}"),
    e("law.subject-proposal", "đề nghị {award} cho {name} năm {year} không đủ điều kiện", "the proposal of {award} for {name} for {year} is not eligible"),
    e("law.message", "{subject}: {finding}", "{subject}: {finding}"),
    e("law.first-recorded", "bản ghi thứ nhất ở đây", "the first record is here"),
    e("law.none", "không có", "none"),
    e("law.or", "; cũng không: ", "; nor: "),
    e("law.with-initiative", " + sáng kiến", " + initiative"),
    // Why a record could not be judged (counted, so never one per person).
    e("law.reason.no-evaluation", "không có đánh giá năm {year}", "no evaluation for {year}"),
    e("law.reason.no-history", "khen thưởng trước năm {from} không có trong thư mục", "awards before {from} are not on file"),
    e("law.reason.no-hire-date", "không có ngày tuyển dụng (`hire_date`)", "no hire date (`hire_date`)"),
    e("law.reason.no-absent-days", "đánh giá không ghi số ngày nghỉ", "the evaluation gives no days absent"),
    e("law.reason.no-initiative", "đánh giá không ghi có hay không có sáng kiến", "the evaluation does not say whether there was an initiative"),
    e("law.reason.no-members", "đơn vị chưa có người nào trong people", "the unit has no people on file"),
    e("law.reason.members-no-evaluation", "có thành viên không có đánh giá năm {year}", "some members have no evaluation for {year}"),
    e(
        "law.missing-evidence",
        "{subject}: chưa xét được quy tắc `{rule}` — {reason}",
        "{subject}: rule `{rule}` could not be checked — {reason}",
    ),
    e(
        "law.missing-evidence-help",
        "bổ sung bản ghi còn thiếu, hoặc đặt `[data] records-from` đúng năm bắt đầu có hồ sơ; tắt bằng `require-evidence = false`",
        "add the missing records, or set `[data] records-from` to the year the files begin; turn off with `require-evidence = false`",
    ),
    // Individual titles.
    e(
        "law.ldtt-rating",
        "đánh giá năm {year} xếp loại “{rating}”; luật yêu cầu hoàn thành tốt nhiệm vụ trở lên",
        "the {year} evaluation is rated “{rating}”; the law asks for “completed tasks well” or better",
    ),
    e("law.ldtt-rating.help", "sửa xếp loại nếu nhập nhầm; nếu đúng, danh hiệu không đủ tiêu chuẩn", "correct the rating if mistyped; otherwise the title does not meet the standard"),
    e(
        "law.ldtt-discipline",
        "bị kỷ luật “{discipline}” năm {year}; luật không xét danh hiệu cho người bị kỷ luật từ khiển trách trở lên",
        "disciplined “{discipline}” in {year}; the law gives no title to a person disciplined at khiển trách or heavier",
    ),
    e("law.ldtt-discipline.help", "kiểm tra năm của quyết định kỷ luật", "check the year of the disciplinary decision"),
    e(
        "law.ldtt-new-staff",
        "tuyển dụng ngày {hired}, chỉ {months} tháng đến hết năm {year}; luật yêu cầu ít nhất {min} tháng",
        "recruited on {hired}, only {months} months to the end of {year}; the law asks for at least {min} months",
    ),
    e("law.ldtt-new-staff.help", "kiểm tra ngày tuyển dụng (`hire_date`) trong people", "check the hire date (`hire_date`) in people"),
    e(
        "law.ldtt-absence",
        "nghỉ {days} ngày làm việc năm {year}; luật không xét khi nghỉ từ {max} ngày trở lên",
        "absent {days} working days in {year}; the law excludes {max} days or more",
    ),
    e("law.ldtt-absence.help", "kiểm tra số ngày nghỉ (`absent_days`); nghỉ thai sản được tính là thời gian làm việc", "check `absent_days`; statutory maternity leave counts as work time"),
    e(
        "law.cstdcs-requires-ldtt",
        "không có Lao động tiên tiến (hoặc Chiến sĩ tiên tiến) năm {year}; luật yêu cầu CSTĐCS đạt LĐTT cùng năm",
        "there is no Lao động tiên tiến (or Chiến sĩ tiên tiến) for {year}; the law asks that a CSTDCS hold LDTT the same year",
    ),
    e(
        "law.cstdcs-requires-ldtt-standard",
        "không có LĐTT/CSTT năm {year} và không đạt tiêu chuẩn LĐTT: {finding}; luật yêu cầu CSTĐCS đạt tiêu chuẩn LĐTT cùng năm",
        "there is no LDTT/CSTT for {year} and the LDTT standard is not met: {finding}; the law asks that a CSTDCS meet the LDTT standard the same year",
    ),
    e("law.cstdcs-requires-ldtt.help", "bổ sung quyết định LĐTT còn thiếu, hoặc thu hồi CSTĐCS", "add the missing LDTT decision, or withdraw the CSTDCS"),
    e(
        "law.cstdcs-initiative-old",
        "đánh giá năm {year} không có sáng kiến; đến năm 2023 luật yêu cầu CSTĐCS có sáng kiến được công nhận",
        "the {year} evaluation has no initiative; up to 2023 the law asks a CSTDCS for a recognised initiative",
    ),
    e(
        "law.cstdcs-initiative-new",
        "đánh giá năm {year} xếp loại “{rating}” và không có sáng kiến; luật yêu cầu hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến",
        "the {year} evaluation is rated “{rating}” with no initiative; the law asks for “completed tasks excellently” or an initiative",
    ),
    e(
        "law.cstdcs-initiative-both",
        "đánh giá năm {year} hoàn thành xuất sắc nhiệm vụ nhưng không có sáng kiến; dự thảo năm 2025 của Luật 06/2026/QH16 yêu cầu cả hai (văn bản thông qua chưa kiểm chứng: chỉ cảnh báo)",
        "the {year} evaluation is “completed tasks excellently” but has no initiative; the 2025 draft of Luật 06/2026/QH16 asked for both (the enacted text is not verified: a warning only)",
    ),
    e("law.cstdcs-initiative.help", "ghi sáng kiến đã được công nhận vào cột `initiative` của đánh giá năm đó", "record the recognised initiative in the `initiative` column of that year's evaluation"),
    e("law.cstdcs-ratio-scope", " trong {unit}", " in {unit}"),
    e(
        "law.cstdcs-ratio",
        "năm {year} có {count} CSTĐCS{scope} trong khi chỉ có {ldtt} LĐTT/CSTT (mọi cấp quyết định); luật cho phép tối đa {limit} ({percent} % số LĐTT, làm tròn xuống)",
        "{year} has {count} CSTDCS{scope} against {ldtt} LDTT/CSTT (every issuer); the law allows at most {limit} ({percent} % of the LDTT, rounded down)",
    ),
    e("law.cstdcs-ratio.help", "kiểm tra các quyết định LĐTT chưa nhập, hoặc giảm số CSTĐCS", "look for LDTT decisions not yet entered, or reduce the CSTDCS count"),
    // Higher titles.
    e(
        "law.cstdt-consecutive",
        "không có CSTĐCS năm {missing}; luật yêu cầu {n} năm CSTĐCS liên tục {from}–{to}",
        "there is no CSTDCS for {missing}; the law asks for {n} consecutive CSTDCS years {from}–{to}",
    ),
    e("law.cstdt-consecutive.help", "bổ sung quyết định CSTĐCS còn thiếu", "add the missing CSTDCS decisions"),
    e(
        "law.cstdtq-consecutive",
        "CSTĐ cấp tỉnh tìm thấy: {held}; luật yêu cầu {need} lần liên tục, lần gần nhất trong {cycle} năm trước năm {year}",
        "CSTDT found: {held}; the law asks for {need} in a row, the latest within {cycle} years before {year}",
    ),
    e("law.cstdtq-consecutive.help", "bổ sung quyết định CSTĐ cấp tỉnh còn thiếu", "add the missing CSTDT decisions"),
    // Collective titles.
    e("law.share", "{held}/{total} thành viên ({percent} %)", "{held} of {total} members ({percent} %)"),
    e(
        "law.ttldtt-members-more",
        "{share} có LĐTT năm {year}; luật yêu cầu trên {percent} %",
        "{share} hold LDTT for {year}; the law asks for more than {percent} %",
    ),
    e(
        "law.ttldtt-members-least",
        "{share} có LĐTT năm {year}; luật yêu cầu từ {percent} % trở lên",
        "{share} hold LDTT for {year}; the law asks for at least {percent} %",
    ),
    e(
        "law.ttldxs-rating",
        "thành viên không hoàn thành nhiệm vụ năm {year}: {names}; luật yêu cầu mọi thành viên hoàn thành nhiệm vụ",
        "members who did not complete their tasks in {year}: {names}; the law asks that every member complete them",
    ),
    e(
        "law.ttldxs-cstdcs",
        "{count} thành viên có CSTĐCS năm {year}; luật yêu cầu ít nhất {min}",
        "{count} members hold CSTDCS for {year}; the law asks for at least {min}",
    ),
    e(
        "law.member-discipline",
        "thành viên {name} bị kỷ luật “{discipline}” năm {year}; luật yêu cầu không có thành viên bị kỷ luật từ cảnh cáo trở lên",
        "member {name} was disciplined “{discipline}” in {year}; the law asks that no member be disciplined at cảnh cáo or heavier",
    ),
    e("law.members.help", "bổ sung quyết định, đánh giá và danh sách người còn thiếu; nếu đúng, tập thể chưa đủ tiêu chuẩn", "add missing decisions, evaluations and people; if the data are right, the collective does not meet the standard"),
    e("law.member-discipline.help", "kiểm tra năm và đơn vị của người bị kỷ luật", "check the year and unit of the disciplined person"),
    // Commendations.
    e(
        "law.ratings",
        "xếp loại {span}: {found}; luật yêu cầu mọi năm từ “{rating}” trở lên",
        "ratings {span}: {found}; the law asks for “{rating}” or better every year",
    ),
    e(
        "law.initiatives",
        "{count} năm có sáng kiến trong {span} ({found}); luật yêu cầu {need}",
        "{count} years with an initiative in {span} ({found}); the law asks for {need}",
    ),
    e(
        "law.htxs-years",
        "{count} năm hoàn thành xuất sắc nhiệm vụ trong {span} ({found}); luật yêu cầu ít nhất {need}",
        "{count} years rated excellent in {span} ({found}); the law asks for at least {need}",
    ),
    e(
        "law.cstdcs-count",
        "CSTĐCS trong {span}: {held}; luật yêu cầu {need} lần",
        "CSTDCS in {span}: {held}; the law asks for {need}",
    ),
    e(
        "law.earlier",
        "không có {award} trước năm {year}; luật yêu cầu đã được tặng trước đó",
        "no {award} before {year}; the law asks that it was conferred earlier",
    ),
    e(
        "law.earlier-not-basis",
        "{award} năm {earlier} là khen {kind}, không làm căn cứ; luật yêu cầu đã được tặng {award} thường xuyên trước đó",
        "the {award} for {earlier} is {kind}, which is no basis; the law asks for an earlier regular {award}",
    ),
    e(
        "law.follows",
        "{award} gần nhất là năm {earlier}; luật yêu cầu {n} năm tiếp theo sau đó (đến năm {year} chưa đủ)",
        "the latest {award} is for {earlier}; the law asks for {n} following years after it (not reached by {year})",
    ),
    e(
        "law.interval",
        "các năm đến {earlier} đã được tính cho {award} năm {earlier}, không tính lại; luật yêu cầu {n} năm sau đó",
        "the years up to {earlier} were counted for the {award} for {earlier} and do not count again; the law asks for {n} years after it",
    ),
    e("law.commendation.help", "bổ sung quyết định và đánh giá còn thiếu; khen đột xuất hay cống hiến ghi đúng `kind`", "add the missing decisions and evaluations; record ad-hoc or dedication awards with their `kind`"),
    // Authority.
    e(
        "law.issuer-district-abolished",
        "do Chủ tịch UBND huyện quyết định ngày {date}, khi cấp huyện đã không còn (từ 01/07/2025); nay Chủ tịch UBND xã quyết định",
        "decided by the district chair on {date}, when the district level no longer existed (from 2025-07-01); the commune chair (Chủ tịch UBND xã) now decides",
    ),
    e("law.issuer-district-abolished.help", "nếu quyết định do xã ban hành, sửa `issuer = xa`", "if the commune issued the decision, set `issuer = xa`"),
    e(
        "law.issuer-authority",
        "do {issuer} (`{code}`) quyết định ngày {date}, cấp này không có thẩm quyền; thẩm quyền: {allowed}",
        "decided by the {issuer} (`{code}`) on {date}, which has no such power; competent: {allowed}",
    ),
    e("law.issuer-named", "{name} (`{code}`)", "{name} (`{code}`)"),
    e("law.issuer-authority.help", "sửa `issuer` nếu nhập nhầm; nếu đúng, quyết định phải do cấp có thẩm quyền ban hành", "correct `issuer` if mistyped; otherwise the competent authority must issue the decision"),
    // General.
    e(
        "law.title-kind",
        "ghi loại khen “{kind}” (`{code}`); danh hiệu thi đua xét hằng năm, loại phải là `thuong_xuyen`",
        "has kind “{kind}” (`{code}`); titles are yearly, the kind must be `thuong_xuyen`",
    ),
    e("law.title-kind.help", "sửa `kind = thuong_xuyen`, hoặc ghi đúng hình thức khen thưởng (GK, BKT)", "set `kind = thuong_xuyen`, or record the right form (GK, BKT)"),
    e(
        "law.duplicate-title",
        "đã có {award} cùng năm ({id}, quyết định {decision} ngày {date}); không khen nhiều lần cho một thành tích",
        "{award} was already given for that year ({id}, decision {decision} of {date}); one achievement is not rewarded twice",
    ),
    e("law.duplicate-title.help", "xóa dòng nhập trùng, hoặc thu hồi một quyết định", "delete the duplicated row, or withdraw one decision"),
    e(
        "law.state-award-once-a-year",
        "đã có {award} cùng năm ({id}, quyết định {decision} ngày {date}); mỗi năm chỉ một hình thức khen cấp Nhà nước",
        "{award} was already given for that year ({id}, decision {decision} of {date}); one State-level form a year",
    ),
    e("law.state-award-once-a-year.help", "kiểm tra năm của các quyết định; khen đột xuất ghi `kind = dot_xuat`", "check the years of the decisions; record an ad-hoc award with `kind = dot_xuat`"),
    e(
        "law.unit-rating",
        "đánh giá của tập thể năm {year} xếp loại “{rating}”; luật yêu cầu từ “{need}” trở lên",
        "the collective's own {year} evaluation is rated “{rating}”; the law asks for “{need}” or better",
    ),
    e("law.unit-rating.help", "kiểm tra đánh giá của tập thể (dòng `unit` trong evaluations); nếu đúng, tập thể chưa đủ tiêu chuẩn", "check the collective's evaluation (the `unit` row in evaluations); if right, the collective does not meet the standard"),
    e("law.hcld-order.help", "bổ sung quyết định Huân chương hạng dưới còn thiếu; khen theo quá trình cống hiến ghi `kind = cong_hien`", "add the missing decision of the class below; an award for lifetime dedication is `kind = cong_hien`"),
    e(
        "law.discipline-defers",
        "bị kỷ luật “{discipline}” năm {year}; từ 2024 không khen thưởng người bị kỷ luật trong năm đó (trừ khen cống hiến, niên hạn)",
        "disciplined “{discipline}” in {year}; from 2024 a person disciplined that year is not rewarded (except for dedication or length of service)",
    ),
    e("law.discipline-defers.help", "kiểm tra năm của quyết định kỷ luật; hoãn khen thưởng đến khi hết thời hạn kỷ luật", "check the year of the disciplinary decision; defer the award until the discipline has run its course"),
    e(
        "law.after-death",
        "quyết định ngày {date}, sau khi người này mất ({died}), nhưng không ghi truy tặng (`posthumous = true`)",
        "decided on {date}, after the person died ({died}), but not marked posthumous (`posthumous = true`)",
    ),
    e(
        "law.after-death-title",
        "danh hiệu thi đua quyết định ngày {date}, sau khi người này mất ({died}); danh hiệu thi đua không truy tặng",
        "an emulation title decided on {date}, after the person died ({died}); titles are not conferred posthumously",
    ),
    e(
        "law.posthumous-alive",
        "ghi truy tặng nhưng quyết định ngày {date}, trước hoặc đúng ngày mất ({died})",
        "marked posthumous but decided on {date}, on or before the day of death ({died})",
    ),
    e(
        "law.posthumous-no-death",
        "ghi truy tặng (quyết định ngày {date}) nhưng people không có ngày mất (`died`)",
        "marked posthumous (decided on {date}) but people gives no date of death (`died`)",
    ),
    e("law.after-death.help", "kiểm tra ngày mất (`died` trong people) và cột `posthumous` của khen thưởng", "check the date of death (`died` in people) and the award's `posthumous` column"),
    e("law.chuyen-de-campaign", "khen theo chuyên đề nhưng không ghi phong trào (`campaign`)", "thematic award with no campaign (`campaign`)"),
    e("law.chuyen-de-campaign.help", "thêm mã phong trào vào cột `campaign`", "put the campaign id in the `campaign` column"),
];
