//! What a column header means: the format's own column names and the
//! Vietnamese headers offices use (`Họ và tên`, `Số quyết định`, `Năm`…),
//! recognised case- and diacritic-insensitively. The loader accepts them as
//! column names of a CSV file as Excel leaves it; `import` maps a sheet's
//! columns with them (`crate::import::header`).

use super::schema::{field_index, fields};
use crate::model::{text, RecordType};

/// What a column of the sheet is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A column of the format for the imported type.
    Field(&'static str),
    /// A person's full name, to find the person by (award, evaluation and
    /// proposal lists).
    Name,
    /// The unit of the person named, to tell namesakes apart.
    PersonUnit,
    /// The person's position (chức vụ), kept for new people.
    Position,
    /// Whether the person works directly (for new people).
    DirectWorker,
    /// A column that means nothing to the type (STT, Ghi chú…).
    Ignore,
}

/// Vietnamese (and English) headers, by their [`text::fold_ascii`] key, and
/// the meaning they carry before the record type is known.
const DICTIONARY: &[(&str, &str)] = &[
    ("stt", "ignore"),
    ("tt", "ignore"),
    ("so tt", "ignore"),
    ("so thu tu", "ignore"),
    ("ghi chu", "ignore"),
    ("note", "ignore"),
    ("notes", "ignore"),
    ("ky nhan", "ignore"),
    ("ho va ten", "name"),
    ("ho ten", "name"),
    ("ho, ten", "name"),
    ("ho va ten ca nhan", "name"),
    ("ten ca nhan", "name"),
    ("ten can bo", "name"),
    ("ten", "name"),
    ("full name", "name"),
    ("ten tap the, ca nhan", "name"),
    ("tap the, ca nhan", "name"),
    ("ten tap the, ho ten ca nhan", "name"),
    ("ten don vi, ca nhan", "name"),
    ("name", "name"),
    ("chuc vu", "position"),
    ("chuc danh", "position"),
    ("chuc vu, chuc danh", "position"),
    // Position and unit in one cell ("Chủ tịch UBND xã Nam Thái"): the unit
    // is found inside it.
    ("chuc vu, don vi", "position_unit"),
    ("chuc vu - don vi", "position_unit"),
    ("chuc vu va don vi", "position_unit"),
    ("chuc vu, don vi cong tac", "position_unit"),
    ("chuc vu - don vi cong tac", "position_unit"),
    ("chuc vu va don vi cong tac", "position_unit"),
    ("chuc vu, co quan don vi", "position_unit"),
    ("chuc vu, noi cong tac", "position_unit"),
    ("chuc danh, don vi", "position_unit"),
    ("chuc danh, don vi cong tac", "position_unit"),
    ("position", "position"),
    ("don vi", "unit"),
    ("don vi cong tac", "unit"),
    ("noi cong tac", "unit"),
    ("co quan", "unit"),
    ("co quan, don vi", "unit"),
    ("co quan cong tac", "unit"),
    ("phong ban", "unit"),
    ("unit", "unit"),
    ("ten tap the", "unit_name"),
    ("tap the", "unit_name"),
    ("ten don vi", "unit_name"),
    ("danh hieu", "award"),
    ("danh hieu thi dua", "award"),
    ("hinh thuc khen thuong", "award"),
    ("hinh thuc", "award"),
    ("khen thuong", "award"),
    ("danh hieu, hinh thuc khen thuong", "award"),
    ("loai khen thuong", "award"),
    ("award", "award"),
    ("loai hinh", "kind"),
    ("loai hinh khen thuong", "kind"),
    ("so quyet dinh", "decision"),
    ("so qd", "decision"),
    ("quyet dinh so", "decision"),
    ("quyet dinh", "decision"),
    ("decision", "decision"),
    ("ngay quyet dinh", "decision_date"),
    ("ngay qd", "decision_date"),
    ("ngay ky", "decision_date"),
    ("ngay ky quyet dinh", "decision_date"),
    ("ngay ban hanh", "decision_date"),
    ("nam", "year"),
    ("nam xet", "year"),
    ("nam khen thuong", "year"),
    ("nam dat", "year"),
    ("nam danh gia", "year"),
    ("year", "year"),
    ("cap khen", "issuer"),
    ("cap quyet dinh", "issuer"),
    ("cap khen thuong", "issuer"),
    ("co quan quyet dinh", "issuer"),
    ("phong trao", "campaign"),
    ("phong trao thi dua", "campaign"),
    ("ma", "id"),
    ("ma so", "id"),
    ("ma khen thuong", "id"),
    ("ma ca nhan", "person"),
    ("ma can bo", "person"),
    ("ma nhan vien", "person"),
    ("ma don vi", "unit_id"),
    ("gioi tinh", "gender"),
    ("ngay tuyen dung", "hire_date"),
    ("truc tiep", "direct_worker"),
    ("truc tiep lao dong", "direct_worker"),
    ("nguoi truc tiep lao dong", "direct_worker"),
    ("xep loai", "rating"),
    ("muc do hoan thanh", "rating"),
    ("muc do hoan thanh nhiem vu", "rating"),
    ("xep loai danh gia", "rating"),
    ("ky luat", "discipline"),
    ("hinh thuc ky luat", "discipline"),
    ("sang kien", "initiative"),
    ("so thang cong tac", "months_worked"),
    ("so thang lam viec", "months_worked"),
    ("so ngay nghi", "absent_days"),
    ("trang thai", "status"),
    ("don vi de nghi", "proposed_by"),
    ("ngay de nghi", "date"),
    ("loai don vi", "unit_kind"),
    ("loai hinh don vi", "unit_kind"),
    ("don vi cap tren", "parent"),
    ("truc thuoc", "parent"),
    ("ten phong trao", "name"),
    ("ngay bat dau", "start"),
    ("ngay ket thuc", "end"),
    ("so ke hoach", "plan"),
    ("ngay ke hoach", "plan_date"),
];

/// The meaning of a header text before the type is known, if any.
pub fn meaning(header: &str) -> Option<&'static str> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    if let Some((_, m)) = DICTIONARY.iter().find(|(k, _)| *k == key) {
        return Some(m);
    }
    // The format's own names (`decision_date`).
    let raw = text::fold(header).replace(' ', "_");
    for kind in RecordType::ALL {
        if let Some(i) = field_index(kind, &raw) {
            return Some(fields(kind)[i].0);
        }
    }
    // "Danh hiệu thi đua năm 2024": the longest dictionary entry of two words
    // or more that the header begins with.
    DICTIONARY
        .iter()
        .filter(|(k, _)| {
            k.contains(' ') && key.starts_with(k) && key.as_bytes().get(k.len()) == Some(&b' ')
        })
        .max_by_key(|(k, _)| k.len())
        .map(|(_, m)| *m)
}

/// The key a header is looked up by: without diacritics, case, parenthesised
/// notes, numbering and trailing punctuation.
fn header_key(header: &str) -> String {
    let mut s = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    let folded = text::fold_ascii(&s);
    folded
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .replace(" / ", "/")
        .to_string()
}

/// Resolves a meaning for the imported type. `has_name`: the sheet has a
/// person-name column.
pub fn resolve(kind: RecordType, meaning: &str, has_name: bool) -> Target {
    let person_list = matches!(
        kind,
        RecordType::Award | RecordType::Evaluation | RecordType::Proposal
    );
    let field = |name: &str| field_index(kind, name).map(|i| Target::Field(fields(kind)[i].0));
    match meaning {
        "ignore" => Target::Ignore,
        "name" if person_list => Target::Name,
        "position" if person_list => Target::Position,
        "direct_worker" if person_list => Target::DirectWorker,
        "unit" | "position_unit" if person_list && has_name => Target::PersonUnit,
        "unit_name" | "unit_id" if kind == RecordType::Unit => {
            field(if meaning == "unit_id" { "id" } else { "name" }).unwrap_or(Target::Ignore)
        }
        "unit" if kind == RecordType::Unit => field("name").unwrap_or(Target::Ignore),
        "unit_name" | "unit_id" => field("unit").unwrap_or(Target::Ignore),
        "unit_kind" if kind == RecordType::Unit => field("kind").unwrap_or(Target::Ignore),
        "person" if kind == RecordType::Person => field("id").unwrap_or(Target::Ignore),
        other => field(other).unwrap_or(Target::Ignore),
    }
}
