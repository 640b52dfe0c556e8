//! `thidua history` lists, award for award, what the folder holds for one
//! subject; `thidua find` equals a folded substring match computed here
//! independently; ambiguous and unknown names are told apart.

use std::collections::BTreeSet;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::eligible::{folder, thidua};

/// Case, diacritics, Unicode form, spaces and dashes dropped — written here
/// without thidua's own folding.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '–' | '—' | '‐'))
        .collect()
}

fn csv_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn history_holds_every_award_of_the_person() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 11, 25);
    let awards = csv_rows(&dir.join("awards.csv"));
    for person in ["P000", "P007", "P013", "P024"] {
        let (code, out, err) = thidua(dir, &["history", person, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["subject"]["person"], person);
        let got: BTreeSet<String> = v["years"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|y| y["awards"].as_array().unwrap().iter())
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect();
        let want: BTreeSet<String> = awards
            .iter()
            .filter(|f| f[2] == person)
            .map(|f| f[0].clone())
            .collect();
        assert_eq!(got, want, "{person}");
        // Years ascending, one evaluation each, with file and line.
        let years: Vec<u64> = v["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| y["year"].as_u64().unwrap())
            .collect();
        assert!(years.windows(2).all(|w| w[0] < w[1]));
        for y in v["years"].as_array().unwrap() {
            for a in y["awards"].as_array().unwrap() {
                assert_eq!(a["file"], "awards.csv");
                assert!(a["line"].as_u64().unwrap() >= 2);
                assert!(a["decision"].as_str().unwrap().ends_with("/QĐ-UBND"));
            }
        }
        assert!(v["chains"]["ldtt_consecutive"].is_u64());
    }
    let (code, out, _) = thidua(dir, &["history", "P007"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Cá nhân P007 — "), "{out}");
    assert!(out.contains("Chuỗi đến"), "{out}");
    let (_, out, _) = thidua(dir, &["--lang", "en", "history", "U2"]);
    assert!(
        out.starts_with("Unit U2 — Trường Tiểu học Đông Thái"),
        "{out}"
    );
}

#[test]
fn find_is_a_folded_substring_match() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 12, 40);
    let people = csv_rows(&dir.join("people.csv"));
    for query in [
        "nguyen",
        "NGUYỄN",
        "Nguye\u{302}\u{303}n",
        "van an",
        "vănan",
        "thi-dao",
        "  le   thu ",
        "P01",
        "quyen",
        "zzz",
    ] {
        let (code, out, _) = thidua(dir, &["find", query, "--format", "json"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        let got: BTreeSet<String> = v["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect();
        let key = fold(query);
        let want: BTreeSet<String> = people
            .iter()
            .filter(|f| fold(&f[1]).contains(&key) || fold(&f[0]).contains(&key))
            .map(|f| f[0].clone())
            .collect();
        assert_eq!(got, want, "{query}");
        assert_eq!(code, if want.is_empty() { 1 } else { 0 }, "{query}");
    }
    let (_, out, _) = thidua(dir, &["find", "dong thai", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["units"][0]["id"], "U2");
}

#[test]
fn a_name_matching_several_is_listed_and_unknown_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 13, 40);
    let (code, out, err) = thidua(dir, &["history", "nguyen"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("ứng với") && err.contains("ghi rõ mã"),
        "{err}"
    );
    assert!(out.contains("P0"), "{out}");
    let (code, _, err) = thidua(dir, &["--lang", "en", "history", "Không Có Ai"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no person or unit matches `Không Có Ai`"),
        "{err}"
    );
    let (code, _, err) = thidua(dir, &["history", "Không Có Ai"]);
    assert_eq!(code, 2);
    assert!(err.contains("không tìm thấy"), "{err}");
    // A full name typed without accents finds its one holder.
    let people = csv_rows(&dir.join("people.csv"));
    let unique = people
        .iter()
        .find(|f| people.iter().filter(|g| fold(&g[1]) == fold(&f[1])).count() == 1)
        .unwrap();
    let ascii: String = fold(&unique[1]);
    let (code, out, err) = thidua(dir, &["history", &ascii, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["subject"]["person"], unique[0].as_str());
}
