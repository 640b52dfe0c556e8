//! The regime windows: which texts of the law govern a record, chosen by its
//! decision date (a proposal's `date`, else 31 December of its year). The
//! table is data (`law/windows.toml`): a later amendment, or a corrected date
//! once a text is verified, is a new or changed row there, and every law rule
//! must then say how it applies in it.

use crate::diag::Bilingual;
use crate::model::Date;

pub use super::ids::WindowId;
use super::tables::{law, Base};

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
    pub id: WindowId,
    /// First day (inclusive); `None` for the open start. A window ends the day
    /// before the next one begins.
    pub from: Option<Date>,
    pub era: Era,
    /// The texts in force.
    pub instruments: Bilingual,
    /// The instruments a decision of the window cites as its bases.
    pub bases: Vec<Base>,
}

/// Every window, oldest first.
pub fn all() -> impl DoubleEndedIterator<Item = &'static Window> {
    law().windows.iter().map(|(_, w)| w)
}

/// The row of window `id`.
pub fn get(id: WindowId) -> &'static Window {
    &law().windows[id]
}

/// The window in force on `date`.
pub fn at(date: Date) -> WindowId {
    all()
        .rev()
        .find(|w| w.from.is_none_or(|f| f <= date))
        .map_or(WindowId::ALL[0], |w| w.id)
}

/// The last day of window `id`, if it has ended.
pub fn last_day(id: WindowId) -> Option<Date> {
    WindowId::ALL
        .get(id.index() + 1)
        .and_then(|next| get(*next).from)
        .map(|f| Date::from_days(f.days() - 1))
}

/// The formal titles of the instruments a decision of `date` cites
/// ("Căn cứ …"): those of its window that are in force that day.
pub fn legal_bases(date: Date) -> Vec<&'static str> {
    get(at(date))
        .bases
        .iter()
        .filter(|b| b.from.is_none_or(|f| f <= date) && b.until.is_none_or(|u| date <= u))
        .map(|b| b.title)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn table_days_ascend() {
        let starts: Vec<Date> = all().filter_map(|w| w.from).collect();
        assert!(starts.windows(2).all(|p| p[0] < p[1]));
        let first = all().next().unwrap();
        assert!(first.from.is_none() && all().skip(1).all(|w| w.from.is_some()));
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
            assert_eq!(at(d(date)).as_str(), id, "{date}");
        }
        assert_eq!(last_day(WindowId::Law2003Nd91), Some(d("2023-12-31")));
        assert_eq!(last_day(WindowId::Law2026), None);
    }

    #[test]
    fn legal_bases_follow_the_date() {
        let bases = legal_bases(d("2024-05-10"));
        assert!(bases.contains(&"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"));
        assert!(bases
            .iter()
            .any(|b| b.starts_with("Nghị định số 98/2023/NĐ-CP")));
        assert!(!bases
            .iter()
            .any(|b| b.contains("ngày 26 tháng 11 năm 2003")));
        // Inside a window, an instrument counts from its own first day.
        let before = legal_bases(d("2017-12-14"));
        let after = legal_bases(d("2017-12-15"));
        assert!(!before.iter().any(|b| b.contains("08/2017/TT-BNV")));
        assert!(after.iter().any(|b| b.contains("08/2017/TT-BNV")));
        assert!(
            legal_bases(d("2025-07-01"))
                .iter()
                .any(|b| b
                    .starts_with("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"))
        );
    }
}
