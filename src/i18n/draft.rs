//! Messages of the `draft` area (see the module docs of `crate::i18n`).

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e("draft.template-unreadable", "cảnh báo: không dùng được mẫu `{path}` ({error}); dùng mẫu có sẵn", "warning: cannot use the template `{path}` ({error}); the built-in one is used"),
    e("draft.template-bad-value", "cảnh báo: `{path}`: khóa `{key}` phải cùng kiểu với mẫu có sẵn (chuỗi hoặc danh sách chuỗi); dùng lời văn có sẵn", "warning: `{path}`: `{key}` must have the built-in template's type (a string, or a list of strings); the built-in text is used"),
    e("draft.template-unknown-key", "cảnh báo: `{path}`: mẫu không có khóa `{key}`; khóa này bị bỏ qua", "warning: `{path}`: the template has no key `{key}`; it is ignored"),
    e("draft.missing-setting", "cảnh báo: thidua.toml chưa có `[organisation] {key}`; văn bản để trống chỗ này (………) để điền tay", "warning: thidua.toml has no `[organisation] {key}`; the document leaves a blank (………) to fill in"),
    e("draft.other-issuer", "cảnh báo: quyết định do {issuer} ban hành, không phải cơ quan trong thidua.toml; tên cơ quan ban hành để trống (………) để điền tay", "warning: the decision was issued by the {issuer}, not the organisation of thidua.toml; the issuing body is left blank (………) to fill in"),
    e("draft.disagree-date", "cảnh báo: các khen thưởng của quyết định {number} ghi ngày khác nhau: {values}; văn bản dùng ngày {chosen} và liệt kê mọi khen thưởng mang số này (chọn một quyết định bằng --date NGÀY)", "warning: the awards of decision {number} disagree on its date: {values}; the document uses {chosen} and lists every award of this number (choose one decision with --date DAY)"),
    e("draft.disagree-issuer", "cảnh báo: các khen thưởng của quyết định {number} ghi cấp quyết định khác nhau: {values}; văn bản dùng `{chosen}`", "warning: the awards of decision {number} disagree on its issuer: {values}; the document uses `{chosen}`"),
    e("draft.flawed", "cảnh báo: {count} khen thưởng có lỗi cấu trúc không được đưa vào; xem `thidua check`", "warning: {count} awards with a structural error are left out; see `thidua check`"),
    e("draft.unknown-decision", "không có quyết định `{number}` trong thư mục dữ liệu; gần nhất: {nearest}", "no decision `{number}` in the data folder; nearest: {nearest}"),
    e("draft.no-decisions", "không có quyết định `{number}`: thư mục dữ liệu chưa có khen thưởng nào", "no decision `{number}`: the data folder holds no award"),
    e("draft.no-pending", "không có đề nghị khen thưởng nào đang chờ xét (pending) của năm {year}{award}", "no pending proposal for {year}{award}"),
    e("draft.bad-date", "--date `{value}` không phải là một ngày YYYY-MM-DD", "--date `{value}` is not a date YYYY-MM-DD"),
    e("draft.bad-year", "`{value}` không phải là một năm (bốn chữ số)", "`{value}` is not a year (four digits)"),
    e("draft.bad-award", "không có mã khen thưởng `{value}`", "no award code `{value}`"),
    e("draft.need-output", "văn bản .docx không in ra màn hình được: dùng --output TỆP.docx", "a .docx document cannot go to the terminal: use --output FILE.docx"),
    e("draft.wrote", "Đã ghi {path}", "Wrote {path}"),
    // The report's tables as printed (crate::report::print).
    e("report.bad-delimiter", "--delimiter `{value}` không dùng được: chọn một dấu như `,` `;` hoặc tab", "--delimiter `{value}` cannot be used: choose a mark such as `,` `;` or a tab"),
    e("print.col.stt", "STT", "No."),
    e("print.row.total", "Tổng cộng", "Total"),
    e("print.col.since", "{column} (± so với {year})", "{column} (± vs {year})"),
    e(
        "print.note.recipients",
        "Ghi chú: {awards} lượt khen thưởng cho {collectives} tập thể và {individuals} cá nhân khác nhau: một tập thể, cá nhân có thể nhận nhiều hình thức khen thưởng trong năm.",
        "Note: {awards} awards went to {collectives} distinct collectives and {individuals} distinct individuals: one may receive several awards in a year.",
    ),
    e(
        "print.note.distinct",
        "Ghi chú: một tập thể, cá nhân nhận nhiều hình thức được đếm ở mỗi dòng, nên dòng Tổng cộng có thể lớn hơn số tập thể ({collectives}), cá nhân ({individuals}) khác nhau của năm.",
        "Note: a collective or individual with several awards is counted on each row, so the Total row may exceed the year's distinct collectives ({collectives}) and individuals ({individuals}).",
    ),
];
