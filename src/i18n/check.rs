//! Messages of `thidua check`, `rules`, `explain` and `init`.

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e("check.error", "lỗi", "error"),
    e("check.warning", "cảnh báo", "warning"),
    e("check.help", "cách sửa", "help"),
    e("check.law", "căn cứ", "law"),
    e(
        "check.coverage",
        "Phạm vi kiểm tra (bản ghi thiếu căn cứ để xét):",
        "Coverage (records without the evidence a rule needs):",
    ),
    e(
        "check.coverage-line",
        "{checked} đã xét, {unchecked} chưa xét được",
        "{checked} checked, {unchecked} unchecked",
    ),
    e(
        "check.summary",
        "Đã đọc {records} bản ghi trong {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
        "Read {records} records in {files} files — errors: {errors}, warnings: {warnings}.",
    ),
    e(
        "check.no-folder",
        "không tìm thấy thư mục dữ liệu `{path}` (dùng --data DIR hoặc biến THIDUA_DATA)",
        "no data folder `{path}` (use --data DIR or THIDUA_DATA)",
    ),
    e(
        "check.not-folder",
        "`{path}` không phải là thư mục",
        "`{path}` is not a folder",
    ),
    e(
        "rules.header",
        "Quy tắc | nhóm | mức mặc định | nội dung",
        "Rule | family | default | what it checks",
    ),
    e(
        "rules.thresholds",
        "Ngưỡng ([thresholds] trong thidua.toml):",
        "Thresholds ([thresholds] in thidua.toml):",
    ),
    e(
        "explain.unknown",
        "không có quy tắc `{rule}`{suggestion}",
        "no rule `{rule}`{suggestion}",
    ),
    e(
        "explain.did-you-mean",
        "; có phải `{name}`?",
        "; did you mean `{name}`?",
    ),
    e("explain.family", "Nhóm", "Family"),
    e("explain.default", "Mức mặc định", "Default"),
    e("explain.citation", "Căn cứ pháp lý", "Legal basis"),
    e(
        "init.not-empty",
        "thư mục `{path}` đã có tệp; hãy chọn một thư mục mới hoặc rỗng",
        "folder `{path}` is not empty; choose a new or empty folder",
    ),
    e(
        "init.done",
        "Đã tạo thư mục dữ liệu `{path}` ({files} tệp). Tiếp theo: thidua check --data {path}",
        "Created data folder `{path}` ({files} files). Next: thidua check --data {path}",
    ),
    e(
        "explain.windows",
        "Áp dụng theo giai đoạn (ngày quyết định)",
        "Where it applies (by decision date)",
    ),
    e("explain.since", "{level} từ {date}", "{level} from {date}"),
];
