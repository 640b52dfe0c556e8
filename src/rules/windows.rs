//! The regime windows: which texts of the law govern a record, chosen by its
//! decision date (a proposal's `date`, else 31 December of its year). The
//! table is data: a later amendment, or a corrected date once a text is
//! verified, is a new or changed row, and every law rule must then say how it
//! applies there (its per-window array has one slot per row).

use crate::diag::Bilingual;
use crate::model::Date;

/// A calendar day written as data (`Ymd(2024, 1, 1)`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Ymd(pub i32, pub u32, pub u32);

impl Ymd {
    /// The date; the table's days are checked by a test to exist.
    pub fn date(self) -> Date {
        Date::from_ymd(self.0, self.1, self.2).unwrap_or(Date::from_days(0))
    }
}

/// Which law a window belongs to: rules that only differ by law (the figures
/// of Luật 2003 against those of Luật 2022) choose their figure by era.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Era {
    /// Luật TĐKT 2003 and its amendments.
    Law2003,
    /// Luật TĐKT 06/2022/QH15 and its amendments.
    Law2022,
}

/// One row of the window table.
#[derive(Debug)]
pub struct Window {
    /// Stable id, as in `rules.md`.
    pub id: &'static str,
    /// First day (inclusive); `None` for the open start. A window ends the day
    /// before the next one begins.
    pub from: Option<Ymd>,
    pub era: Era,
    /// The texts in force.
    pub instruments: Bilingual,
}

/// The number of windows; every law rule has one slot per window.
pub const COUNT: usize = 6;

/// Index of each window, for the rules that name one.
pub const LAW2003_ND42: usize = 0;
pub const LAW2003_ND65: usize = 1;
pub const LAW2003_ND91: usize = 2;
pub const LAW2022_ND98: usize = 3;
pub const LAW2022_ND152: usize = 4;
pub const LAW2026: usize = 5;

/// The window table (rules.md, "Regime windows"), oldest first.
pub static WINDOWS: [Window; COUNT] = [
    Window {
        id: "law2003-nd42",
        from: None,
        era: Era::Law2003,
        instruments: Bilingual {
            vi: "Luật TĐKT 2003 (sửa đổi 2005, 2009); NĐ 42/2010/NĐ-CP, NĐ 39/2012/NĐ-CP — chỉ kiểm tra thẩm quyền",
            en: "Luật TĐKT 2003 (amended 2005, 2009); NĐ 42/2010/NĐ-CP, NĐ 39/2012/NĐ-CP — only the authority matrix is checked",
        },
    },
    Window {
        id: "law2003-nd65",
        from: Some(Ymd(2014, 8, 20)),
        era: Era::Law2003,
        instruments: Bilingual {
            vi: "Luật TĐKT 2003 sửa đổi bởi Luật 39/2013/QH13; NĐ 65/2014/NĐ-CP",
            en: "Luật TĐKT 2003 as amended by Luật 39/2013/QH13; NĐ 65/2014/NĐ-CP",
        },
    },
    Window {
        id: "law2003-nd91",
        from: Some(Ymd(2017, 10, 1)),
        era: Era::Law2003,
        instruments: Bilingual {
            vi: "Luật TĐKT 2003 (sửa đổi 2013); NĐ 91/2017/NĐ-CP; TT 08/2017/TT-BNV, từ 01/01/2020 TT 12/2019/TT-BNV",
            en: "Luật TĐKT 2003 (amended 2013); NĐ 91/2017/NĐ-CP; TT 08/2017/TT-BNV, from 2020-01-01 TT 12/2019/TT-BNV",
        },
    },
    Window {
        id: "law2022-nd98",
        from: Some(Ymd(2024, 1, 1)),
        era: Era::Law2022,
        instruments: Bilingual {
            vi: "Luật TĐKT 06/2022/QH15; NĐ 98/2023/NĐ-CP; TT 01/2024/TT-BNV",
            en: "Luật TĐKT 06/2022/QH15; NĐ 98/2023/NĐ-CP; TT 01/2024/TT-BNV",
        },
    },
    Window {
        id: "law2022-nd152",
        from: Some(Ymd(2025, 7, 1)),
        era: Era::Law2022,
        instruments: Bilingual {
            vi: "Luật TĐKT 06/2022/QH15; NĐ 152/2025/NĐ-CP; NĐ 129/2025/NĐ-CP (chính quyền hai cấp, không còn cấp huyện); TT 15/2025/TT-BNV",
            en: "Luật TĐKT 06/2022/QH15; NĐ 152/2025/NĐ-CP; NĐ 129/2025/NĐ-CP (two-tier local government, no district level); TT 15/2025/TT-BNV",
        },
    },
    Window {
        id: "law2026",
        from: Some(Ymd(2026, 10, 1)),
        era: Era::Law2022,
        instruments: Bilingual {
            vi: "Luật 06/2026/QH16 sửa đổi Luật 06/2022 (chưa kiểm chứng văn bản chi tiết); các nghị định như trên",
            en: "Luật 06/2026/QH16 amending Luật 06/2022 (detailed text not yet verified); decrees as above",
        },
    },
];

/// The window in force on `date`.
pub fn at(date: Date) -> usize {
    WINDOWS
        .iter()
        .rposition(|w| w.from.is_none_or(|f| f.date() <= date))
        .unwrap_or(0)
}

/// The last day of window `i`, if it has ended.
pub fn last_day(i: usize) -> Option<Date> {
    WINDOWS
        .get(i + 1)
        .and_then(|w| w.from)
        .map(|f| Date::from_days(f.date().days() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn table_days_exist_and_ascend() {
        let starts: Vec<Date> = WINDOWS
            .iter()
            .filter_map(|w| w.from)
            .map(|f| {
                assert!(Date::from_ymd(f.0, f.1, f.2).is_some(), "{f:?}");
                f.date()
            })
            .collect();
        assert!(starts.windows(2).all(|p| p[0] < p[1]));
        assert!(WINDOWS[0].from.is_none() && WINDOWS[1..].iter().all(|w| w.from.is_some()));
    }

    #[test]
    fn each_boundary_on_both_sides() {
        let cases = [
            ("2014-08-19", "law2003-nd42"),
            ("2014-08-20", "law2003-nd65"),
            ("2017-09-30", "law2003-nd65"),
            ("2017-10-01", "law2003-nd91"),
            ("2023-12-31", "law2003-nd91"),
            ("2024-01-01", "law2022-nd98"),
            ("2025-06-30", "law2022-nd98"),
            ("2025-07-01", "law2022-nd152"),
            ("2026-09-30", "law2022-nd152"),
            ("2026-10-01", "law2026"),
            ("1999-01-01", "law2003-nd42"),
        ];
        for (date, id) in cases {
            assert_eq!(WINDOWS[at(d(date))].id, id, "{date}");
        }
        assert_eq!(last_day(LAW2003_ND91), Some(d("2023-12-31")));
        assert_eq!(last_day(LAW2026), None);
    }
}
