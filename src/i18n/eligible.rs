//! Messages of `eligible`, `history` and `find` (see the module docs of
//! `crate::i18n`).

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e(
        "eligible.title",
        "Danh sách đủ điều kiện khen thưởng năm {year} (xét như đề nghị ngày {date}, giai đoạn {window})",
        "Eligible for awards for {year} (judged as proposed on {date}, window {window})",
    ),
    e("eligible.col.award", "Danh hiệu, hình thức", "Award"),
    e("eligible.col.unit", "Đơn vị", "Unit"),
    e("eligible.col.id", "Mã", "Id"),
    e("eligible.col.name", "Họ và tên / tên đơn vị", "Name"),
    e("eligible.col.issuer", "Cấp quyết định", "Issuer"),
    e("eligible.col.status", "Kết quả", "Status"),
    e("eligible.col.why", "Lý do / căn cứ còn thiếu", "Findings / missing evidence"),
    e("eligible.col.outlook", "Triển vọng", "Outlook"),
    e("eligible.status.eligible", "đủ điều kiện", "eligible"),
    e("eligible.status.unknown", "chưa đủ căn cứ", "unknown"),
    e("eligible.status.not-eligible", "không đủ điều kiện", "not eligible"),
    e(
        "eligible.outlook-cstdt",
        "{have}/{need} năm CSTĐCS liên tục → {award} có thể từ {from}",
        "CSTĐCS {have} of {need} consecutive years → {award} possible from {from}",
    ),
    e(
        "eligible.outlook-since",
        "{have}/{need} năm → {award} có thể từ {from}",
        "{have} of {need} years → {award} possible from {from}",
    ),
    e(
        "eligible.summary",
        "{eligible} đủ điều kiện, {unknown} chưa đủ căn cứ, {not} không đủ điều kiện (các quy tắc chạy {rounds} lượt).",
        "{eligible} eligible, {unknown} unknown, {not} not eligible (the rules ran {rounds} rounds).",
    ),
    e(
        "eligible.limit",
        "Giới hạn chung [{rule}]: tối đa {max} {award} trên {base} LĐTT; {eligible} đủ điều kiện, {held} đã có.",
        "Group limit [{rule}]: at most {max} {award} for {base} LĐTT; {eligible} eligible, {held} already held.",
    ),
    e("eligible.none", "Không có ứng viên nào.", "No candidates."),
    e(
        "eligible.written",
        "Đã ghi {count} đề nghị đang chờ xét vào `{path}`.",
        "Wrote {count} pending proposals to `{path}`.",
    ),
    e(
        "eligible.nothing-to-write",
        "Không có ứng viên đủ điều kiện: không ghi tệp nào.",
        "No eligible candidate: no file written.",
    ),
    e(
        "eligible.structural",
        "thư mục dữ liệu có {count} lỗi cấu trúc: kết quả xét sẽ không đáng tin; sửa chúng trước (xem `thidua check`)",
        "the data folder has {count} structural errors: the judgement could not be trusted; fix them first (see `thidua check`)",
    ),
    e(
        "eligible.bad-year",
        "năm `{value}` không hợp lệ: cần một năm từ {min} đến {max}",
        "`{value}` is not a valid year: give a year from {min} to {max}",
    ),
    e(
        "eligible.unknown-subject",
        "không có người hoặc đơn vị nào có mã `{id}`",
        "no person or unit has the id `{id}`",
    ),
    e(
        "history.not-found",
        "không tìm thấy người hoặc đơn vị nào ứng với `{query}` (thử `thidua find`)",
        "no person or unit matches `{query}` (try `thidua find`)",
    ),
    e(
        "history.several",
        "`{query}` ứng với {count} hồ sơ; ghi rõ mã:",
        "`{query}` matches {count} records; give the id:",
    ),
    e("history.person", "Cá nhân", "Person"),
    e("history.unit", "Tập thể", "Unit"),
    e("history.code", "mã định danh", "code"),
    e("history.rows", "các dòng", "rows"),
    e("history.col.year", "Năm", "Year"),
    e("history.col.what", "Nội dung", "Record"),
    e("history.col.decision", "Quyết định", "Decision"),
    e("history.col.where", "Tệp:dòng", "File:line"),
    e("history.evaluation", "Đánh giá: {rating}", "Evaluation: {rating}"),
    e("history.discipline", "kỷ luật {discipline}", "discipline {discipline}"),
    e("history.initiative", "có sáng kiến", "initiative"),
    e("history.proposal", "Đề nghị {award} ({status})", "Proposal {award} ({status})"),
    e(
        "history.chains",
        "Chuỗi đến {year}: LĐTT {ldtt} năm liên tục, CSTĐCS {cstdcs} năm liên tục; BKT/BKTTG thường xuyên gần nhất: {bkt}; BKTTG gần nhất: {bkttg}.",
        "Chains up to {year}: LĐTT {ldtt} consecutive years, CSTĐCS {cstdcs} consecutive years; last regular BKT/BKTTG: {bkt}; last BKTTG: {bkttg}.",
    ),
    e("history.none", "chưa có", "none"),
    e("history.flawed", "Lưu ý: {count} bản ghi có lỗi cấu trúc không được tính (xem `thidua check`).", "Note: {count} records with a structural error are left out (see `thidua check`)."),
    e("find.none", "Không tìm thấy gì ứng với `{query}`.", "Nothing matches `{query}`."),
];
