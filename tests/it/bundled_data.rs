//! The bundled An Biên folder: clean under every rule, and its 2018 report
//! reproduces the figures of the district's article (12/04/2019): 62
//! collectives and 178 individuals rewarded ad hoc by the district chair, and
//! 82.36 % of the individuals proposed being direct workers.

fn thidua(args: &[&str]) -> (i32, String) {
    let out = crate::support::thidua()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn data_is_clean_under_every_rule_with_full_evidence() {
    let (code, out) = thidua(&["check", "--format", "json", "--deny-warnings"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(code, 0, "{out}");
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(
        json["unchecked"],
        serde_json::json!({}),
        "every rule found its evidence"
    );
}

#[test]
fn report_2018_matches_the_article() {
    let (code, out) = thidua(&["report", "2018", "--format", "json"]);
    assert_eq!(code, 0);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["organisation"], "UBND huyện An Biên");
    assert_eq!(r["by_kind"]["dot_xuat"]["collectives"], 62);
    assert_eq!(r["by_kind"]["dot_xuat"]["individuals"], 178);
    assert_eq!(r["direct_workers"]["rate_percent"], 82.36);
    assert_eq!(r["law_findings"], 0);
    // The ad hoc awards are all the district chair's.
    let huyen_dot_xuat = r["by_issuer"]["huyen"]["collectives"].as_u64().unwrap();
    assert!(huyen_dot_xuat >= 62);

    // The same figures in the table a person reads.
    let (code, table) = thidua(&["report", "2018"]);
    assert_eq!(code, 0);
    let dot_xuat = table
        .lines()
        .find(|l| l.contains("Đột xuất"))
        .expect("a row for đột xuất");
    assert!(
        dot_xuat.contains(" 62 ") && dot_xuat.contains(" 178 "),
        "{dot_xuat}"
    );
    assert!(
        table.contains("82.36 %") || table.contains("82,36 %"),
        "{table}"
    );
}
