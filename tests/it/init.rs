//! `thidua init`: a new folder is valid under `check`, and nothing is
//! overwritten.

fn thidua(args: &[&str]) -> std::process::Output {
    crate::support::thidua()
        .args(args)
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .output()
        .unwrap()
}

#[test]
fn new_folder_is_clean_and_commented() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("hoso");
    let dir_s = dir.to_str().unwrap();
    let out = thidua(&["init", dir_s]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in [
        "thidua.toml",
        "campaigns.toml",
        "units.csv",
        "people.csv",
        "evaluations.csv",
        "awards.csv",
        "proposals.csv",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    assert!(
        std::fs::read_to_string(dir.join("thidua.toml"))
            .unwrap()
            .contains("# "),
        "settings are commented"
    );
    let out = thidua(&[
        "check",
        "--data",
        dir_s,
        "--deny-warnings",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{json}");
    assert_eq!(out.status.code(), Some(0));
    // No temporary folder is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn refuses_a_folder_with_files_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("awards.csv"), "mine").unwrap();
    let out = thidua(&["--lang", "en", "init", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("awards.csv")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn fills_an_existing_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = thidua(&["init", tmp.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tmp.path().join("awards.csv").is_file());
}
