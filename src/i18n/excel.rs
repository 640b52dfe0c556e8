//! Messages about files as Excel leaves them, `fmt` and `add` (see the
//! module docs of `crate::i18n`).

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e("sniff.non-canonical", "tệp không ở dạng chuẩn ({found}); vẫn được đọc như tệp chuẩn", "the file is not in canonical form ({found}); it is read as the canonical file would be"),
    e("sniff.fmt-help", "chạy `thidua fmt` để đưa tệp về dạng chuẩn (UTF-8, dấu phẩy, LF, ngày YYYY-MM-DD)", "run `thidua fmt` to put the file in canonical form (UTF-8, commas, LF, YYYY-MM-DD dates)"),
    e("sniff.delimiter", "dấu `{delimiter}`", "`{delimiter}` delimiter"),
    e("sniff.tab", "dấu tab", "tab delimiter"),
    e("sniff.dmy", "ngày d/m/yyyy", "d/m/yyyy dates"),
    e("sniff.vi-headers", "tên cột tiếng Việt", "Vietnamese column names"),
    e("sniff.xlsx", "tệp Excel (.xlsx), không phải CSV: dùng `thidua import`", "an Excel workbook (.xlsx), not CSV: use `thidua import`"),
    e("sniff.ods", "tệp bảng tính OpenDocument (.ods), không phải CSV: dùng `thidua import`", "an OpenDocument spreadsheet (.ods), not CSV: use `thidua import`"),
    e("sniff.xls", "tệp Excel cũ (.xls), không phải CSV: dùng `thidua import`", "an old Excel workbook (.xls), not CSV: use `thidua import`"),
    e("sniff.zip", "tệp nén ZIP, không phải văn bản", "a ZIP archive, not text"),
    e("sniff.picture", "tệp hình ảnh, không phải văn bản", "a picture, not text"),
    e("sniff.pdf", "tệp PDF, không phải văn bản", "a PDF document, not text"),
    e("sniff.binary", "tệp nhị phân (có byte NUL), không phải văn bản", "a binary file (it has NUL bytes), not text"),
    e("sniff.not-text-help", "bảng tính được đưa vào bằng `thidua import TỆP`; tệp khác hãy chuyển ra khỏi thư mục dữ liệu", "bring spreadsheets in with `thidua import FILE`; move other files out of the data folder"),
    e("sniff.spreadsheet", "bảng tính `{path}` nằm trong thư mục dữ liệu nhưng không được đọc", "the spreadsheet `{path}` lies in the data folder but is not read"),
    e("sniff.spreadsheet-help", "đưa các dòng của nó vào bằng `thidua import {path}`, rồi chuyển tệp ra khỏi thư mục dữ liệu", "bring its rows in with `thidua import {path}`, then move the file out of the data folder"),
    e("sniff.collapsed", "{count} {source} tham chiếu {target} trong {path}, tệp không đọc được", "{count} {source} refer to {target} in {path}, a file that could not be read"),
    e("sniff.collapsed-help", "sửa lỗi đọc tệp {path} trước; các tham chiếu này sẽ được kiểm tra lại", "fix the error reading {path} first; these references are checked again then"),
    e("sniff.type-campaigns", "phong trào", "campaigns"),
    e("sniff.type-units", "đơn vị", "units"),
    e("sniff.type-people", "cá nhân", "people"),
    e("sniff.type-evaluations", "đánh giá", "evaluations"),
    e("sniff.type-awards", "khen thưởng", "awards"),
    e("sniff.type-proposals", "đề nghị", "proposals"),
    e("sniff.left-out", "thidua: tệp `{path}` bị bỏ ra ngoài báo cáo (toàn bộ hoặc một phần): {why}", "thidua: the file `{path}` is left out of the report (wholly or in part): {why}"),
];
