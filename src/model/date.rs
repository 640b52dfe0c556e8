//! Calendar dates without time zones: what a decision date or a hire date is.
//!
//! A date is stored as the count of days since 1970-01-01 so that it is four
//! bytes, ordered, and easy to subtract; the civil conversions follow Howard
//! Hinnant's `days_from_civil` algorithm.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// Builds a date from its parts; `None` when the day does not exist.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1..=9999).contains(&y) {
            return None;
        }
        Some(Date(days_from_civil(y, m, d)))
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    ///
    /// ```
    /// use thidua::model::Date;
    /// let d = Date::parse_iso("2018-04-26").unwrap();
    /// assert_eq!(d.ymd(), (2018, 4, 26));
    /// assert_eq!(Date::parse_iso("26/04/2018"), None);
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &b[r];
            if part.iter().all(u8::is_ascii_digit) {
                Some(
                    part.iter()
                        .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0')),
                )
            } else {
                None
            }
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// The days since 1970-01-01 (negative before).
    pub fn days(self) -> i32 {
        self.0
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// Whole months from `self` up to `later` (negative when `later` is earlier):
    /// 2018-03-01 → 2018-12-31 is 9 months, 2018-03-01 → 2019-01-01 is 10.
    pub fn months_until(self, later: Date) -> i32 {
        let (y1, m1, d1) = self.ymd();
        let (y2, m2, d2) = later.ymd();
        let mut months = (y2 - y1) * 12 + (m2 as i32 - m1 as i32);
        if months > 0 && d2 < d1 {
            months -= 1;
        } else if months < 0 && d2 > d1 {
            months += 1;
        }
        months
    }

    /// 31 December of `year`.
    pub fn end_of_year(year: i32) -> Option<Date> {
        Date::from_ymd(year, 12, 31)
    }

    /// 1 January of `year`.
    pub fn start_of_year(year: i32) -> Option<Date> {
        Date::from_ymd(year, 1, 1)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_orders() {
        for (s, days) in [
            ("1970-01-01", 0),
            ("2000-02-29", 11_016),
            ("2018-04-26", 17_647),
        ] {
            let d = Date::parse_iso(s).unwrap();
            assert_eq!(d.days(), days, "{s}");
            assert_eq!(d.to_string(), s);
        }
        assert!(Date::parse_iso("2025-06-30").unwrap() < Date::parse_iso("2025-07-01").unwrap());
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2019-02-29",
            "2018-13-01",
            "2018-00-10",
            "18-01-01",
            "2018/01/01",
            "2018-1-01",
            "２０１８-01-01",
        ] {
            assert_eq!(Date::parse_iso(s), None, "{s}");
        }
        assert!(Date::parse_iso("2020-02-29").is_some());
    }

    #[test]
    fn counts_whole_months() {
        let d = |s| Date::parse_iso(s).unwrap();
        assert_eq!(d("2018-03-01").months_until(d("2018-12-31")), 9);
        assert_eq!(d("2018-03-01").months_until(d("2019-01-01")), 10);
        assert_eq!(d("2018-07-15").months_until(d("2018-12-31")), 5);
        assert_eq!(d("2018-12-31").months_until(d("2018-12-31")), 0);
    }
}
