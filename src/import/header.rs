//! Finds the header row below a sheet's title block and maps its columns to
//! the format's fields: the format's own column names, the Vietnamese headers
//! offices use (recognised case- and diacritic-insensitively), and what a
//! `--map` file says.

use std::collections::HashMap;

use super::source::{Grid, Value};
pub use crate::load::headers::{meaning, resolve, Target};
use crate::model::{text, RecordType};

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
