//! The legal bases ("Căn cứ …" lines) of a decision, in force on its date.

use crate::model::Date;
use crate::rules::windows::{self, WINDOWS};

/// The "Căn cứ …" lines of a decision dated `date`: the local government law,
/// then the law on emulation and commendation with its amending laws, then its
/// decree, as the window table has them in force on that day.
///
/// The full dates of the texts are those of their promulgation (law-catalogue
/// §1); the local government laws are not in the window table and are chosen
/// here by the day each took effect.
// merge: replace by rules::windows::legal_bases
pub fn legal_bases(date: Date) -> Vec<String> {
    let on_or_after = |y, m, d| Date::from_ymd(y, m, d).is_some_and(|from| date >= from);
    let mut out = Vec::new();
    out.push(if on_or_after(2025, 7, 1) {
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;"
    } else if on_or_after(2025, 3, 1) {
        "Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15 ngày 19 tháng 02 năm 2025;"
    } else if on_or_after(2020, 7, 1) {
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"
    } else if on_or_after(2016, 1, 1) {
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
    } else {
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;"
    }
    .to_string());
    let law2003 = if on_or_after(2014, 6, 1) {
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;"
    } else {
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005;"
    };
    let law2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;";
    let decree = |text: &str| {
        format!("Căn cứ {text} của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;")
    };
    let i = windows::at(date);
    match i {
        windows::LAW2003_ND42 => {
            out.push(law2003.into());
            out.push(decree("Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010 và Nghị định số 39/2012/NĐ-CP ngày 27 tháng 4 năm 2012"));
        }
        windows::LAW2003_ND65 => {
            out.push(law2003.into());
            out.push(decree(
                "Nghị định số 65/2014/NĐ-CP ngày 01 tháng 7 năm 2014",
            ));
        }
        windows::LAW2003_ND91 => {
            out.push(law2003.into());
            out.push(decree(
                "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017",
            ));
        }
        windows::LAW2022_ND98 => {
            out.push(law2022.into());
            out.push(decree(
                "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023",
            ));
        }
        _ => {
            // From ND 152/2025 on; the amending law of 2026 is not yet verified
            // (law-catalogue §1), so its line says only what the window table says.
            out.push(law2022.into());
            if i >= windows::LAW2026 {
                out.push("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (Luật số 06/2026/QH16);".into());
            }
            out.push(decree("Nghị định số 152/2025/NĐ-CP"));
        }
    }
    debug_assert!(i < WINDOWS.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bases(s: &str) -> String {
        legal_bases(Date::parse_iso(s).unwrap()).join("\n")
    }

    #[test]
    fn each_window_cites_its_decree_and_law() {
        let cases = [
            ("2012-05-01", "42/2010/NĐ-CP", "năm 2005;"),
            ("2016-02-09", "65/2014/NĐ-CP", "16 tháng 11 năm 2013"),
            ("2019-01-18", "91/2017/NĐ-CP", "16 tháng 11 năm 2013"),
            ("2024-03-01", "98/2023/NĐ-CP", "15 tháng 6 năm 2022"),
            ("2025-08-01", "152/2025/NĐ-CP", "15 tháng 6 năm 2022"),
            ("2026-11-01", "06/2026/QH16", "152/2025/NĐ-CP"),
        ];
        for (date, decree, law) in cases {
            let text = bases(date);
            assert!(
                text.contains(decree) && text.contains(law),
                "{date}: {text}"
            );
            assert!(text.lines().all(|l| l.starts_with("Căn cứ ")), "{text}");
        }
        assert!(!bases("2019-01-18").contains("98/2023"));
        assert!(bases("2019-01-18").contains("19 tháng 6 năm 2015;"));
        assert!(bases("2021-01-18").contains("22 tháng 11 năm 2019"));
        assert!(bases("2015-01-18").contains("Hội đồng nhân dân"));
    }
}
