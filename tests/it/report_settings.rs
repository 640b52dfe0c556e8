//! `report` runs on the valid part of `thidua.toml` and says, on stderr, that
//! the rest was left out (listing the problems is `check`'s job).

#[test]
fn invalid_settings_are_announced_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("thidua.toml"),
        "[organisation]\nname = \"UBND xã Thử\"\nnmae = \"typo\"\n",
    )
    .unwrap();
    std::fs::write(root.join("units.csv"), "id,name,kind\nU1,Xã Thử,xa\n").unwrap();
    std::fs::write(
        root.join("awards.csv"),
        "id,year,unit,award,kind,decision,decision_date,issuer\nA1,2018,U1,GK,dot_xuat,1/QĐ-UBND,2018-05-02,huyen\n",
    )
    .unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "thidua",
        "--lang",
        "en",
        "report",
        "2018",
        "--data",
        root.to_str().unwrap(),
        "--format",
        "json",
    ];
    assert_eq!(crate::support::run(args, &mut out, &mut err), 0);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        json["organisation"], "UBND xã Thử",
        "the valid settings are used"
    );
    assert_eq!(json["totals"]["awards"], 1);
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("1 invalid settings") && err.contains("thidua check"),
        "{err}"
    );
}
