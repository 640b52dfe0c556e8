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

#[test]
fn history_follows_one_individual_across_rows_sharing_a_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    crate::eligible::folder_with(dir, 21, 30, true);
    let people = csv_rows(&dir.join("people.csv"));
    let awards = csv_rows(&dir.join("awards.csv"));
    let moved: Vec<&Vec<String>> = people.iter().filter(|f| f[0].ends_with('T')).collect();
    assert!(moved.len() >= 3);
    for row in moved {
        let base = row[0].trim_end_matches('T').to_string();
        let want: BTreeSet<String> = awards
            .iter()
            .filter(|f| f[2] == base || f[2] == row[0])
            .map(|f| f[0].clone())
            .collect();
        for query in [base.as_str(), row[0].as_str(), row[5].as_str()] {
            let (code, out, err) = thidua(dir, &["history", query, "--format", "json"]);
            assert_eq!(code, 0, "{query}: {err}");
            let v: Value = serde_json::from_str(&out).unwrap();
            let got: BTreeSet<String> = v["years"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|y| y["awards"].as_array().unwrap().iter())
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{query}");
            assert_eq!(v["subject"]["code"], row[5].as_str());
            assert_eq!(v["subject"]["rows"].as_array().unwrap().len(), 2);
        }
    }
}

/// A person with CSTĐCS in 2017 and 2018 in one unit, transferred in 2019
/// (a new row with the same code), CSTĐCS and CSTĐ tỉnh there in 2019.
fn transfer_folder(dir: &std::path::Path, code: &str) {
    let w = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    w("units.csv", "id,name,kind,parent\nH,UBND huyện Thử,co_quan,\nX1,UBND xã Một,xa,H\nX2,UBND xã Hai,xa,H\n");
    w(
        "people.csv",
        &format!("id,name,unit,direct_worker,hire_date,code\nP1,Nguyễn Văn An,X1,true,2010-03-01,{code}\nP2,Nguyễn Văn An,X2,true,2010-03-01,{code}\n"),
    );
    let mut evals = String::from("year,person,rating,initiative\n");
    let mut awards = String::from("id,year,person,award,kind,decision,decision_date,issuer\n");
    for (year, who) in [(2016, "P1"), (2017, "P1"), (2018, "P1"), (2019, "P2")] {
        evals.push_str(&format!("{year},{who},htxs,true\n"));
        let next = year + 1;
        awards.push_str(&format!(
            "L{year},{year},{who},LDTT,thuong_xuyen,{year}1/QĐ-UBND,{next}-01-10,huyen\n"
        ));
        if year >= 2017 {
            awards.push_str(&format!(
                "C{year},{year},{who},CSTDCS,thuong_xuyen,{year}2/QĐ-UBND,{next}-01-12,huyen\n"
            ));
        }
    }
    awards.push_str("T2019,2019,P2,CSTDT,thuong_xuyen,55/QĐ-UBND,2020-03-01,tinh\n");
    w("evaluations.csv", &evals);
    w("awards.csv", &awards);
}

#[test]
fn a_transfer_does_not_break_a_run_of_cstdcs() {
    let rules_on = |dir: &std::path::Path, id: &str| -> Vec<String> {
        let checked = crate::support::engine(dir, true);
        let mut all = checked.diagnostics.items().to_vec();
        all.extend(checked.law.diagnostics(&checked.dataset));
        all.iter()
            .filter(|d| d.record.as_deref() == Some(id))
            .map(|d| d.rule.as_str().to_string())
            .collect()
    };
    let tmp = tempfile::tempdir().unwrap();
    transfer_folder(tmp.path(), "079085000123");
    assert!(!rules_on(tmp.path(), "T2019").contains(&"cstdt-consecutive".to_string()));
    // The control: without a code, the two rows are two people and the run breaks.
    let tmp2 = tempfile::tempdir().unwrap();
    transfer_folder(tmp2.path(), "");
    assert!(rules_on(tmp2.path(), "T2019").contains(&"cstdt-consecutive".to_string()));
    // `eligible` sees one individual: one candidate, under the current row,
    // whose run of CSTĐCS counts both units.
    let (code, out, err) = thidua(
        tmp.path(),
        &["eligible", "2020", "--award", "LDTT", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let cands = v["candidates"].as_array().unwrap();
    assert_eq!(cands.len(), 1, "{out}");
    assert_eq!(cands[0]["person"], "P2");
    assert!(cands[0]["outlook"][0]["have"] == 3, "{out}");
}

#[test]
fn report_and_init_know_the_new_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    crate::eligible::folder_with(dir, 22, 20, true);
    let (code, out, err) = thidua(dir, &["report", "2020", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["totals"]["awards"].as_u64().unwrap() > 0);
    let (code, out, _) = thidua(dir, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "unknown-column" && d["rule"] != "identity-conflict"),
        "{code} {out}"
    );
    let made = tempfile::tempdir().unwrap();
    let target = made.path().join("du-lieu");
    let (code, _, err) = thidua(dir, &["init", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let people = std::fs::read_to_string(target.join("people.csv")).unwrap();
    assert!(
        people.lines().next().unwrap().ends_with(",died,code"),
        "{people}"
    );
    let awards = std::fs::read_to_string(target.join("awards.csv")).unwrap();
    assert!(
        awards.lines().next().unwrap().ends_with(",posthumous"),
        "{awards}"
    );
}
