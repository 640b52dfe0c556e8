//! Messages of the `import` area (see the module docs of `crate::i18n`).

use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
    e("import.bad-map", "tệp ánh xạ `{path}` không hợp lệ: {error}", "the map file `{path}` is not valid: {error}"),
    e("import.bad-set", "--set: `{field}` không phải là trường của loại bản ghi này (các trường: {fields})", "--set: `{field}` is not a field of this record type (fields: {fields})"),
    e("import.unreadable", "không đọc được `{path}`: {error}", "cannot read `{path}`: {error}"),
    e("import.no-sheet", "không có trang tính `{sheet}` (các trang: {sheets})", "no sheet `{sheet}` (the sheets are: {sheets})"),
    e("import.unsupported", "không nhập được tệp `.{ext}`: dùng .xlsx, .xls, .ods, .csv hoặc .tsv", "cannot import a `.{ext}` file: use .xlsx, .xls, .ods, .csv or .tsv"),
    e(
        "import.no-header",
        "không tìm thấy dòng tiêu đề cột trong `{path}` (cần ít nhất hai cột như Họ và tên, Đơn vị, Danh hiệu…); dùng --map để chỉ ra",
        "no header row found in `{path}` (at least two columns such as Họ và tên, Đơn vị, Danh hiệu are needed); use --map to say which",
    ),
    e("import.unknown-header", "cột `{header}` không được nhận ra nên bị bỏ qua", "column `{header}` is not recognised and is ignored"),
    e("import.repeated-header", "cột `{header}` lặp lại ý nghĩa của một cột trước nên bị bỏ qua", "column `{header}` repeats an earlier column's meaning and is ignored"),
    e("import.map-help", "dùng --map MAP.toml với mục [columns] để gán cột cho một trường", "use --map MAP.toml with a [columns] table to give the column a field"),
    e("import.unknown-unit", "không có đơn vị nào mang mã hoặc tên `{unit}`", "no unit has the id or name `{unit}`"),
    e("import.ambiguous-unit", "tên đơn vị `{unit}` ứng với nhiều đơn vị: {candidates}", "the unit name `{unit}` matches several units: {candidates}"),
    e("import.ambiguous-person", "có nhiều người tên `{name}`: {candidates}", "several people are named `{name}`: {candidates}"),
    e("import.ambiguous-help", "ghi đơn vị của người này vào cột Đơn vị, hoặc ghi mã cá nhân vào cột `person`", "give the person's unit in the Đơn vị column, or the person's id in a `person` column"),
    e("import.unknown-person", "không tìm thấy cá nhân `{name}` trong thư mục dữ liệu", "no person `{name}` in the data folder"),
    e("import.unknown-person-in", "không tìm thấy cá nhân `{name}` thuộc đơn vị `{unit}`", "no person `{name}` in unit `{unit}`"),
    e("import.create-help", "kiểm tra chính tả, hoặc thêm --create-people để tạo cá nhân mới", "check the spelling, or add --create-people to create new people"),
    e("import.create-needs-unit", "cần đơn vị để tạo cá nhân mới `{name}`", "a unit is needed to create the new person `{name}`"),
    e("import.header", "Nhập `{file}`{sheet}, dòng tiêu đề {row}", "Importing `{file}`{sheet}, header on row {row}"),
    e("import.sheet", ", trang tính `{sheet}`", ", sheet `{sheet}`"),
    e("import.encoding", "  bảng mã: {encoding}, dấu phân cách `{delimiter}`", "  encoding: {encoding}, delimiter `{delimiter}`"),
    e("import.legacy", "  văn bản gõ bằng bảng mã {name} đã được chuyển sang Unicode", "  text typed in the {name} encoding was converted to Unicode"),
    e("import.from-title", "  lấy từ phần đầu danh sách: {values}", "  taken from the title block: {values}"),
    e("import.guessed-direct", "  {count} cá nhân mới được coi là trực tiếp lao động hay không theo chức vụ (đặt rõ bằng --set direct_worker=…)", "  {count} new people were taken as direct workers or not by their position (say so with --set direct_worker=…)"),
    e("import.folder-errors", "  lưu ý: thư mục dữ liệu đã có {count} lỗi từ trước; chạy `thidua check`", "  note: the data folder already had {count} errors; run `thidua check`"),
    e("import.skipped-at", "  đã có, bỏ qua: {at}", "  already there, skipped: {at}"),
    e("import.would-write", "Chạy thử, sẽ ghi `{path}`:", "Dry run, would write `{path}`:"),
    e("import.wrote", "  đã ghi `{path}`", "  wrote `{path}`"),
    e(
        "import.summary",
        "Thêm {added} bản ghi, {people} cá nhân mới; bỏ qua {skipped} dòng đã có; từ chối {rejected} dòng.",
        "Added {added} records, {people} new people; skipped {skipped} rows already there; rejected {rejected} rows.",
    ),
    e("import.nothing-written", "Không ghi gì vì có dòng không hợp lệ (dùng --skip-invalid để ghi các dòng hợp lệ).", "Nothing was written because some rows are invalid (use --skip-invalid to write the valid ones)."),
    e("import.dry-run", "Chạy thử: không ghi gì.", "Dry run: nothing was written."),
];
