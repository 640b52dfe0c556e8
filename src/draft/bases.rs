//! The legal bases ("Căn cứ …" lines) of a decision, in force on its date:
//! the formal titles of the window table (`law/windows.toml`, `bases`), each
//! made a "Căn cứ …;" line.

use crate::model::Date;

/// The "Căn cứ …" lines of a decision dated `date`, in the order the window
/// table lists them (local government law, the law on emulation and
/// commendation with its amending laws, its decree and circulars).
pub fn legal_bases(date: Date) -> Vec<String> {
    crate::rules::legal_bases(date)
        .into_iter()
        .map(|title| format!("Căn cứ {title};"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_base_is_one_line_of_the_window_in_force() {
        let d = |s| Date::parse_iso(s).unwrap();
        let old = legal_bases(d("2018-12-20"));
        assert!(old
            .iter()
            .all(|l| l.starts_with("Căn cứ ") && l.ends_with(';')));
        assert!(old.iter().any(|l| l.contains("Nghị định số 91/2017/NĐ-CP")));
        let new = legal_bases(d("2025-07-01"));
        assert!(new
            .iter()
            .any(|l| l.contains("Nghị định số 152/2025/NĐ-CP")));
        assert!(!new.iter().any(|l| l.contains("91/2017")));
    }
}
