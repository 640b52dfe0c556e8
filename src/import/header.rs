//! Finds the header row below a sheet's title block and maps its columns to
//! the format's fields: the format's own column names, the Vietnamese headers
//! offices use (recognised case- and diacritic-insensitively), and what a
//! `--map` file says.

use std::collections::HashMap;

use super::source::{Grid, Value};
use crate::load::schema::field_index;
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
            return Some(crate::load::schema::fields(kind)[i].0);
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
    let field = |name: &str| {
        field_index(kind, name).map(|i| Target::Field(crate::load::schema::fields(kind)[i].0))
    };
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

/// Whether a row below the header closes the table: the closing line
/// ("Danh sách này có 25 cá nhân./.") or the signature block ("NGƯỜI LẬP
/// BIỂU", "KT. CHỦ TỊCH", "TM. UBND HUYỆN", "Nơi nhận:"). Nothing after it is
/// a row, however it looks (the signer's name sits under it).
pub fn ends_table(cells: &[Value]) -> bool {
    const CLOSERS: &[&str] = &[
        "danh sach nay co",
        "danh sach gom",
        "nguoi lap bieu",
        "nguoi lap danh sach",
        "kt. chu tich",
        "kt chu tich",
        "kt. giam doc",
        "kt. thu truong",
        "tm. ",
        "t/m ",
        "q. chu tich",
        "noi nhan",
    ];
    let texts = row_text(cells);
    texts.len() <= 4
        && texts.iter().any(|(_, t)| {
            let key = text::fold_ascii(t);
            CLOSERS.iter().any(|c| key.starts_with(c))
                || matches!(key.as_str(), "chu tich" | "giam doc" | "thu truong don vi")
        })
}

/// The header row found and what each column means.
#[derive(Clone, Debug)]
pub struct Header {
    /// Index in [`Grid::rows`] of the (last) header row.
    pub index: usize,
    /// The row number the user sees.
    pub number: u32,
    /// Column → target, for every column with a header.
    pub columns: Vec<(usize, String, Target)>,
    /// Headers recognised nowhere (ignored, with a warning).
    pub unknown: Vec<(usize, String)>,
    /// Targets given by two columns: the second is ignored.
    pub repeated: Vec<(usize, String)>,
}

impl Header {
    pub fn column_of(&self, t: &Target) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, _, x)| x == t)
            .map(|(c, _, _)| *c)
    }
}

fn row_text(cells: &[Value]) -> Vec<(usize, String)> {
    cells
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            Value::Text(t) if !t.trim().is_empty() => Some((i, t.clone())),
            _ => None,
        })
        .collect()
}

/// How many of a row's cells are known headers.
fn score(cells: &[Value], map: &HashMap<String, String>) -> usize {
    row_text(cells)
        .iter()
        .filter(|(_, t)| map.contains_key(&text::fold(t)) || meaning(t).is_some())
        .count()
}

/// Finds the header among the first rows: the row with the most recognised
/// headers (at least two), or `forced` (a row number from the map file).
/// `map`: the `--map` columns, by [`text::fold`] of the header.
pub fn find(
    grid: &Grid,
    kind: RecordType,
    map: &HashMap<String, String>,
    forced: Option<u32>,
) -> Option<Header> {
    let index = match forced {
        Some(n) => grid.rows.iter().position(|r| r.number == n)?,
        None => {
            let mut best: Option<(usize, usize)> = None;
            for (i, row) in grid.rows.iter().enumerate().take(60) {
                let s = score(&row.cells, map);
                if s >= 2 && best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, i));
                }
            }
            best?.1
        }
    };
    let mut texts: Vec<(usize, String)> = row_text(&grid.rows[index].cells);
    let mut last = index;
    // A second header row under merged cells ("Khen thưởng" over "Danh
    // hiệu | Số QĐ"): its recognised headers fill the columns the first
    // row leaves without a known header.
    if let Some(next) = grid
        .rows
        .get(index + 1)
        .filter(|r| r.number == grid.rows[index].number + 1)
    {
        let below = row_text(&next.cells);
        let known = |t: &str| map.contains_key(&text::fold(t)) || meaning(t).is_some();
        let data_like = next
            .cells
            .iter()
            .any(|v| matches!(v, Value::Number(_) | Value::Date(_)));
        if !data_like && below.iter().any(|(_, t)| known(t)) && below.iter().all(|(_, t)| known(t))
        {
            for (c, t) in below {
                match texts.iter_mut().find(|(tc, _)| *tc == c) {
                    Some(slot) if !known(&slot.1) => slot.1 = t,
                    Some(_) => {}
                    None => texts.push((c, t)),
                }
            }
            texts.sort_by_key(|(c, _)| *c);
            last = index + 1;
        }
    }
    let meanings: Vec<(usize, String, Option<String>)> = texts
        .into_iter()
        .map(|(c, t)| {
            let m = map
                .get(&text::fold(&t))
                .cloned()
                .or_else(|| meaning(&t).map(str::to_string));
            (c, t, m)
        })
        .collect();
    let has_name = meanings
        .iter()
        .any(|(_, _, m)| m.as_deref() == Some("name"));
    let mut columns: Vec<(usize, String, Target)> = Vec::new();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for (c, t, m) in meanings {
        match m {
            Some(m) => {
                let target = resolve(kind, &m, has_name);
                if target != Target::Ignore && columns.iter().any(|(_, _, x)| *x == target) {
                    repeated.push((c, t));
                } else {
                    columns.push((c, t, target));
                }
            }
            None => unknown.push((c, t)),
        }
    }
    Some(Header {
        index: last,
        number: grid.rows[last].number,
        columns,
        unknown,
        repeated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Row;

    fn row(n: u32, cells: &[&str]) -> Row {
        Row {
            number: n,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(c.to_string())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn recognises_vietnamese_headers() {
        assert_eq!(meaning("Họ và tên"), Some("name"));
        assert_eq!(meaning("HỌ VÀ TÊN"), Some("name"));
        assert_eq!(meaning("Ho va ten"), Some("name"));
        assert_eq!(meaning("Số\nquyết định"), Some("decision"));
        assert_eq!(meaning("Đơn vị công tác"), Some("unit"));
        assert_eq!(meaning("Danh hiệu thi đua năm 2024"), Some("award"));
        assert_eq!(meaning("decision_date"), Some("decision_date"));
        assert_eq!(meaning("STT"), Some("ignore"));
        assert_eq!(
            meaning("Ngày quyết định (dd/mm/yyyy)"),
            Some("decision_date")
        );
        assert_eq!(meaning("Nơi sinh"), None);
    }

    #[test]
    fn closing_lines_and_signatures_end_the_table() {
        let cells = |v: &[&str]| row(1, v).cells;
        assert!(ends_table(&cells(&[
            "Danh sách này có 02 tập thể và 05 cá nhân./."
        ])));
        assert!(ends_table(&cells(&[
            "",
            "NGƯỜI LẬP BIỂU",
            "",
            "KT. CHỦ TỊCH"
        ])));
        assert!(ends_table(&cells(&["", "", "TM. ỦY BAN NHÂN DÂN"])));
        assert!(!ends_table(&cells(&[
            "1",
            "Trần Minh Tâm",
            "Chủ tịch UBND xã",
            "GK"
        ])));
        assert_eq!(meaning("Chức vụ, đơn vị"), Some("position_unit"));
        assert_eq!(
            resolve(RecordType::Award, "position_unit", true),
            Target::PersonUnit
        );
    }

    #[test]
    fn finds_header_below_title() {
        let grid = Grid {
            sheet: Some("Sheet1".into()),
            rows: vec![
                row(
                    1,
                    &[
                        "UBND HUYỆN AN BIÊN",
                        "",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    ],
                ),
                row(3, &["DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"]),
                row(4, &["(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/01/2025)"]),
                row(
                    6,
                    &[
                        "STT",
                        "Họ và tên",
                        "Chức vụ",
                        "Đơn vị",
                        "Ghi chú",
                        "Nơi sinh",
                    ],
                ),
                row(7, &["1", "Nguyễn Văn An", "Giáo viên", "Trường A", "", ""]),
            ],
            encoding: None,
            delimiter: None,
        };
        let h = find(&grid, RecordType::Award, &HashMap::new(), None).unwrap();
        assert_eq!(h.number, 6);
        assert_eq!(h.column_of(&Target::Name), Some(1));
        assert_eq!(h.column_of(&Target::PersonUnit), Some(3));
        assert_eq!(h.column_of(&Target::Position), Some(2));
        assert_eq!(h.unknown, vec![(5, "Nơi sinh".to_string())]);
        // Without a name column, "Đơn vị" is the recipient unit.
        assert_eq!(
            resolve(RecordType::Award, "unit", false),
            Target::Field("unit")
        );
        assert_eq!(
            resolve(RecordType::Person, "name", false),
            Target::Field("name")
        );
    }
}
