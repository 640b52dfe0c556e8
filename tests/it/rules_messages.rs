//! What the law's findings say and how settings shape them: the recipient's
//! name, the year, what was found and what the law asks, in Vietnamese by
//! default and in English with `--lang en`; the citation of the record's
//! window; proposals told apart; thresholds and levels from `thidua.toml`.

use std::path::Path;

use serde_json::Value;

/// A data folder written from `(file, text)` pairs.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut full = vec!["thidua"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--data", dir.to_str().unwrap()]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = crate::support::run(full, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap() + &String::from_utf8(err).unwrap(),
    )
}

fn json(dir: &Path, lang: &str) -> Value {
    let (_, out) = run(dir, &["--lang", lang, "check", "--format", "json"]);
    serde_json::from_str(&out).unwrap()
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

const UNITS: &str = "id,name,kind,parent\nU1,Phòng Giáo dục và Đào tạo,co_quan,\n";
const PEOPLE: &str = "id,name,unit,direct_worker,hire_date\nP1,Nguyễn Văn An,U1,true,2010-01-01\nP2,Trần Thị Bình,U1,true,2024-03-01\n";
const EVALS: &str = "year,person,rating,initiative,absent_days\n2018,P1,htxs,true,0\n2025,P1,htxs,true,0\n2024,P2,htt,,0\n";

/// From 2024 a CSTĐCS needs the LĐTT standard, not an LĐTT decision: the
/// 2025 and 2024 records fail it on their `ht` rating.
const CSTDCS_EVALS: &str = "year,person,rating,initiative,absent_days\n2018,P1,htxs,true,0\n2025,P1,ht,true,0\n2024,P2,ht,,0\n";

fn cstdcs_folder() -> tempfile::TempDir {
    let awards = "id,year,person,award,kind,decision,decision_date,issuer\n\
                  A1,2018,P1,CSTDCS,thuong_xuyen,12/QĐ-UBND,2018-12-20,huyen\n\
                  A2,2025,P1,CSTDCS,thuong_xuyen,7/QĐ-UBND,2025-12-20,xa\n";
    let proposals = "id,year,person,award,status\nD1,2024,P2,CSTDCS,pending\n";
    folder(&[
        ("units.csv", UNITS),
        ("people.csv", PEOPLE),
        ("evaluations.csv", CSTDCS_EVALS),
        ("awards.csv", awards),
        ("proposals.csv", proposals),
        ("thidua.toml", "[rules]\ncstdcs-ratio = \"off\"\n"),
    ])
}

#[test]
fn findings_name_the_recipient_year_finding_and_law_in_each_language() {
    let dir = cstdcs_folder();
    let vi = json(dir.path(), "vi");
    let f = findings(&vi, "cstdcs-requires-ldtt");
    assert_eq!(f.len(), 3, "{vi:#}");
    let first = f.iter().find(|d| d["record"] == "A1").unwrap();
    let msg = first["message"].as_str().unwrap();
    for part in [
        "Nguyễn Văn An",
        "2018",
        "Chiến sĩ thi đua cơ sở",
        "không có Lao động tiên tiến",
        "luật yêu cầu",
    ] {
        assert!(msg.contains(part), "`{part}` missing from: {msg}");
    }
    assert_eq!(first["file"], "awards.csv");
    assert_eq!(first["line"], 2);
    // The citation is the one of the record's window.
    assert!(
        first["citation"]
            .as_str()
            .unwrap()
            .contains("Luật TĐKT 2003, Điều 23"),
        "{first}"
    );
    let second = f.iter().find(|d| d["record"] == "A2").unwrap();
    assert!(
        second["citation"]
            .as_str()
            .unwrap()
            .contains("Luật TĐKT 2022, Điều 23"),
        "{second}"
    );

    let en = json(dir.path(), "en");
    let msg = findings(&en, "cstdcs-requires-ldtt")
        .iter()
        .find(|d| d["record"] == "A1")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    for part in [
        "Nguyễn Văn An",
        "2018",
        "there is no Lao động tiên tiến",
        "the law asks",
    ] {
        assert!(msg.contains(part), "`{part}` missing from: {msg}");
    }
}

#[test]
fn a_pending_proposal_is_told_not_eligible() {
    let dir = cstdcs_folder();
    let vi = json(dir.path(), "vi");
    let d = findings(&vi, "cstdcs-requires-ldtt")
        .into_iter()
        .find(|d| d["record"] == "D1")
        .unwrap();
    let msg = d["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Đề nghị")
            && msg.contains("Trần Thị Bình")
            && msg.contains("không đủ điều kiện"),
        "{msg}"
    );
    assert_eq!(d["file"], "proposals.csv");
    let en = json(dir.path(), "en");
    let d = findings(&en, "cstdcs-requires-ldtt")
        .into_iter()
        .find(|d| d["record"] == "D1")
        .unwrap();
    assert!(
        d["message"].as_str().unwrap().contains("is not eligible"),
        "{d}"
    );
}

#[test]
fn human_output_cites_the_law_and_ends_with_coverage() {
    let dir = cstdcs_folder();
    let (code, out) = run(dir.path(), &["check", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("lỗi[cstdcs-requires-ldtt]")
            && out.contains("căn cứ: Luật TĐKT 2003, Điều 23"),
        "{out}"
    );
    // P2's 2024 proposal: the initiative column is empty and the rating is ht.
    assert!(
        out.contains("cstdcs-initiative: 2 đã xét, 1 chưa xét được"),
        "{out}"
    );
}

fn new_staff_folder(toml: &str) -> tempfile::TempDir {
    let awards = "id,year,person,award,kind,decision,decision_date,issuer\nA1,2024,P2,LDTT,thuong_xuyen,3/QĐ-UBND,2024-12-20,huyen\n";
    folder(&[
        ("units.csv", UNITS),
        ("people.csv", PEOPLE),
        ("evaluations.csv", EVALS),
        ("awards.csv", awards),
        ("thidua.toml", toml),
    ])
}

#[test]
fn thresholds_tighten_the_law() {
    // Recruited 2024-03-01: 10 months to the end of 2024, enough under the law (6).
    let v = json(new_staff_folder("").path(), "en");
    assert!(findings(&v, "ldtt-new-staff").is_empty(), "{v:#}");
    // A province's regulation asking for 12 months.
    let v = json(
        new_staff_folder("[thresholds]\nldtt-min-months = 12\n").path(),
        "en",
    );
    let f = findings(&v, "ldtt-new-staff");
    assert_eq!(f.len(), 1, "{v:#}");
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("at least 12 months"),
        "{}",
        f[0]
    );
}

#[test]
fn rule_levels_from_settings() {
    let v = json(
        new_staff_folder(
            "[rules]\nldtt-new-staff = \"error\"\n[thresholds]\nldtt-min-months = 12\n",
        )
        .path(),
        "en",
    );
    assert_eq!(findings(&v, "ldtt-new-staff")[0]["severity"], "error");
    let v = json(
        new_staff_folder("[rules]\nldtt-new-staff = \"off\"\n[thresholds]\nldtt-min-months = 12\n")
            .path(),
        "en",
    );
    assert!(findings(&v, "ldtt-new-staff").is_empty());
}

#[test]
fn flawed_records_and_unit_cycles_are_left_to_the_structural_rules() {
    let units = "id,name,kind,parent\nU1,Phòng Giáo dục và Đào tạo,co_quan,U2\nU2,Tổ Văn phòng,co_quan,U1\n";
    let awards = "id,year,person,unit,award,kind,decision,decision_date,issuer\n\
                  A1,2024,P9,,LDTT,thuong_xuyen,3/QĐ-UBND,2024-12-20,huyen\n\
                  A2,2024,,U1,TTLDTT,thuong_xuyen,3/QĐ-UBND,2024-12-20,huyen\n";
    let dir = folder(&[
        ("units.csv", units),
        ("people.csv", PEOPLE),
        ("awards.csv", awards),
    ]);
    let v = json(dir.path(), "en");
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"unknown-reference") && rules.contains(&"unit-cycle"),
        "{rules:?}"
    );
    assert!(!rules.iter().any(|r| r.starts_with("ldtt-")), "{rules:?}");
}

#[test]
fn rules_and_explain_show_the_law() {
    let dir = folder(&[]);
    let (code, out) = run(dir.path(), &["--lang", "en", "rules"]);
    assert_eq!(code, 0);
    for r in thidua::rules::law_table() {
        assert!(
            out.contains(r.info.id.as_str()),
            "{} missing from `thidua rules`",
            r.info.id
        );
    }
    assert!(
        out.contains("cstdcs-ratio-percent") && out.contains("ttldtt-min-percent"),
        "{out}"
    );
    let (code, out) = run(dir.path(), &["explain", "cstdcs-initiative"]);
    assert_eq!(code, 0);
    for part in [
        "Căn cứ pháp lý",
        "Luật TĐKT 2022, Điều 23",
        "Ví dụ:",
        "Cách sửa:",
    ] {
        assert!(out.contains(part), "`{part}` missing from: {out}");
    }
}

/// From 2024 a CSTĐCS rests on the LĐTT standard: an evaluation that fails
/// it is an error, unless an LĐTT proposal for that year is pending.
#[test]
fn cstdcs_from_2024_rests_on_the_ldtt_standard() {
    let people = "id,name,unit,direct_worker,hire_date\nP1,Nguyễn Văn An,U1,true,2000-01-01\n";
    let evals = "year,person,rating\n2024,P1,ht\n";
    let awards = "id,year,person,award,kind,decision,decision_date,issuer\nA1,2024,P1,CSTDCS,thuong_xuyen,1/QĐ-UBND,2024-12-20,co_quan\n";
    let base = [
        ("units.csv", UNITS),
        ("people.csv", people),
        ("evaluations.csv", evals),
        ("awards.csv", awards),
    ];
    let v = json(folder(&base).path(), "en");
    let f = findings(&v, "cstdcs-requires-ldtt");
    assert_eq!(f.len(), 1, "{v:#}");
    let msg = f[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("the LDTT standard is not met") && msg.contains("“completed tasks”"),
        "{msg}"
    );
    let mut with_proposal = base.to_vec();
    with_proposal.push((
        "proposals.csv",
        "id,year,person,award,status\nD1,2024,P1,LDTT,pending\n",
    ));
    let v = json(folder(&with_proposal).path(), "en");
    assert!(findings(&v, "cstdcs-requires-ldtt").is_empty(), "{v:#}");
}
