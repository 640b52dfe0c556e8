//! `thidua fmt` (§9.6) and `thidua add` (§9.7): canonical form restored byte
//! for byte, never a change in what `check` says about the records; one record
//! added with every other byte kept, a bad one refused with the folder intact.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::excel::as_excel_saves_it;
use proptest::prelude::*;
use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut all = vec!["thidua"];
    all.extend_from_slice(args);
    let code = thidua::run(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn copy_of_data() -> tempfile::TempDir {
    crate::support::copy_of_bundled_data()
}

/// Every file of the folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// `check --format json`, without the `non-canonical-file` warnings (what
/// `fmt` is for).
fn findings(dir: &Path) -> Value {
    let (_, out, _) = run(&["check", "--data", dir.to_str().unwrap(), "--format", "json"]);
    let mut json: Value = serde_json::from_str(&out).unwrap();
    let kept: Vec<Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] != "non-canonical-file")
        .cloned()
        .collect();
    json["diagnostics"] = Value::Array(kept);
    json.as_object_mut().unwrap().remove("warnings");
    json
}

#[test]
fn fmt_restores_an_excel_saved_file_byte_for_byte() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("awards/2018-cuoi-nam.csv");
    let canonical = std::fs::read(&file).unwrap();
    std::fs::write(
        &file,
        as_excel_saves_it(std::str::from_utf8(&canonical).unwrap()),
    )
    .unwrap();
    let saved = snapshot(dir.path());

    let (code, out, _) = run(&["fmt", "--data", data, "--check"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("awards/2018-cuoi-nam.csv: "), "{out}");
    assert_eq!(snapshot(dir.path()), saved, "--check writes nothing");

    let (code, out, _) = run(&["--lang", "en", "fmt", "--data", data]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "awards/2018-cuoi-nam.csv: put in canonical form (`;` delimiter, d/m/yyyy dates, BOM, CRLF)\n"
    );
    assert_eq!(std::fs::read(&file).unwrap(), canonical);
    assert_eq!(snapshot(dir.path()), snapshot(&bundled()));
    let (code, out, _) = run(&["fmt", "--data", data, "--check"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn fmt_leaves_an_unreadable_file_alone_and_says_so() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let toml = dir.path().join("campaigns.toml");
    let broken = std::fs::read_to_string(&toml)
        .unwrap()
        .replacen("\"\n", "\n", 1);
    std::fs::write(&toml, &broken).unwrap();
    std::fs::write(dir.path().join("units/ghi-chu.csv"), b"PK\x03\x04xl/...").unwrap();
    let before = snapshot(dir.path());
    let (code, _, err) = run(&["--lang", "en", "fmt", "--data", data]);
    assert_eq!(code, 1);
    assert!(
        err.contains("campaigns.toml: cannot be read, left as it is"),
        "{err}"
    );
    assert!(err.contains("units/ghi-chu.csv: cannot be read"), "{err}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn fmt_rewrites_toml_values_in_place_keeping_comments() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# The district's units.\n[[unit]]\nid = \"H\"   # the district\nname = \"UBND huyện\"\nkind = \"Cơ quan\"\n";
    std::fs::write(dir.path().join("units.toml"), text).unwrap();
    let (code, _, _) = run(&["fmt", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("units.toml")).unwrap(),
        text.replace("\"Cơ quan\"", "\"co_quan\"")
    );
}

/// One cell of a generated file: its canonical text and a spelling of it
/// that the loader reads the same (or the same broken value).
fn cell(kind: &'static str) -> BoxedStrategy<(String, String)> {
    let pairs: &[(&str, &str)] = match kind {
        "award" => &[
            ("LDTT", "Lao động tiên tiến"),
            ("GK", "gk"),
            ("LDT", "LDT"),
            ("CSTDCS", " CSTDCS "),
        ],
        "date" => &[
            ("2018-12-20", "20/12/2018"),
            ("2019-01-08", "8/1/2019"),
            ("20.12.2018", "20.12.2018"),
        ],
        "bool" => &[
            ("true", "có"),
            ("false", "không"),
            ("true", "x"),
            ("maybe", "maybe"),
        ],
        "kind" => &[("xa", "Xã"), ("co_quan", "cơ quan"), ("tinh", "tinh")],
        _ => &[
            ("Nguyễn Văn An", "Nguye\u{302}\u{303}n Va\u{306}n An"),
            ("An", "An"),
        ],
    };
    proptest::sample::select(pairs.to_vec())
        .prop_map(|(a, b)| (a.to_string(), b.to_string()))
        .boxed()
}

fn write_csv(path: &Path, rows: &[Vec<String>], delimiter: u8, bom: bool, crlf: bool) {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(if bom {
            vec![0xEF, 0xBB, 0xBF]
        } else {
            Vec::new()
        });
    for r in rows {
        w.write_record(r).unwrap();
    }
    std::fs::write(path, w.into_inner().unwrap()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// `fmt` never changes what `check` reports about the records: only the
    /// `non-canonical-file` warnings go; and a second `fmt` changes nothing.
    #[test]
    fn fmt_never_changes_the_findings(
        unit_kinds in proptest::collection::vec(cell("kind"), 2),
        names in proptest::collection::vec(cell("name"), 2),
        workers in proptest::collection::vec(cell("bool"), 2),
        awards in proptest::collection::vec((cell("award"), cell("date")), 1..5),
        layout in (proptest::sample::select(vec![b',', b';', b'\t']), any::<bool>(), any::<bool>(), any::<bool>()),
    ) {
        let (delimiter, bom, crlf, vi_headers) = layout;
        let dir = tempfile::tempdir().unwrap();
        let mut units = vec![vec!["id".into(), "name".into(), "kind".into(), "parent".into()]];
        if vi_headers {
            units[0] = vec!["Mã".into(), "Tên đơn vị".into(), "Loại đơn vị".into(), "Trực thuộc".into()];
        }
        units.push(vec!["H".into(), "UBND huyện".into(), unit_kinds[0].1.clone(), String::new()]);
        units.push(vec!["X1".into(), "UBND xã".into(), unit_kinds[1].1.clone(), "H".into()]);
        write_csv(&dir.path().join("units.csv"), &units, delimiter, bom, crlf);
        let mut people = vec![["id", "name", "unit", "direct_worker"].map(String::from).to_vec()];
        for (i, (n, w)) in names.iter().zip(&workers).enumerate() {
            people.push(vec![format!("P-{i}"), n.1.clone(), "X1".into(), w.1.clone()]);
        }
        write_csv(&dir.path().join("people.csv"), &people, b',', false, crlf);
        let mut rows = vec![["id", "year", "person", "unit", "award", "kind", "campaign", "decision", "decision_date", "issuer"].map(String::from).to_vec()];
        for (i, (a, d)) in awards.iter().enumerate() {
            rows.push([format!("KT-{i}"), "2018".into(), format!("P-{}", i % 2), String::new(), a.1.clone(), "thuong_xuyen".into(), String::new(), "1/QĐ-UBND".into(), d.1.clone(), "huyen".into()].to_vec());
        }
        write_csv(&dir.path().join("awards.csv"), &rows, delimiter, bom, crlf);

        let before = findings(dir.path());
        let data = dir.path().to_str().unwrap();
        let (code, _, err) = run(&["fmt", "--data", data]);
        prop_assert_eq!(code, 0, "{}", err);
        prop_assert_eq!(findings(dir.path()), before);
        let once = snapshot(dir.path());
        let (code, out, _) = run(&["fmt", "--data", data, "--check"]);
        prop_assert_eq!((code, out.as_str()), (0, ""));
        prop_assert_eq!(snapshot(dir.path()), once);
    }
}

fn report_awards(dir: &Path) -> u64 {
    let (code, out, err) = run(&[
        "report",
        "2018",
        "--data",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    json["totals"]["awards"].as_u64().unwrap()
}

const GOOD: &[&str] = &[
    "person=P0001",
    "award=Giấy khen",
    "kind=dot_xuat",
    "decision=99/QĐ-UBND",
    "decision_date=1/10/2018",
    "issuer=huyen",
    "year=2018",
];

#[test]
fn add_a_good_record_changes_one_file_and_the_report_by_one() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let before = snapshot(dir.path());
    let awards = report_awards(dir.path());

    let (code, out, err) = run(&[&["add", "award", "--data", data], GOOD].concat());
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("award = GK") && out.contains("decision_date = 2018-10-01"),
        "{out}"
    );
    let after = snapshot(dir.path());
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(changed, ["awards/2018.csv"]);
    assert!(before.keys().all(|k| after.contains_key(k)));
    let written = String::from_utf8(after["awards/2018.csv"].clone()).unwrap();
    assert_eq!(
        written,
        "id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n\
         2018-GK-0045,2018,P0001,,GK,dot_xuat,,99/QĐ-UBND,2018-10-01,huyen\n"
    );
    assert_eq!(report_awards(dir.path()), awards + 1);
    let (code, _, _) = run(&["check", "--data", data]);
    assert_eq!(code, 0);
}

#[test]
fn add_appends_keeping_every_other_byte() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    // A file as Excel leaves it, without a final line break.
    let file = dir.path().join("awards/2018-dot-xuat.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut excel = as_excel_saves_it(&text);
    excel.truncate(excel.len() - 2);
    std::fs::write(&file, &excel).unwrap();
    let (code, out, err) = run(&[
        &[
            "add",
            "award",
            "--data",
            data,
            "--file",
            "awards/2018-dot-xuat.csv",
        ],
        GOOD,
    ]
    .concat());
    assert_eq!(code, 0, "{out}{err}");
    let now = std::fs::read(&file).unwrap();
    assert!(now.starts_with(&excel));
    let tail = String::from_utf8(now[excel.len()..].to_vec()).unwrap();
    assert!(
        tail.starts_with("\r\n") && tail.ends_with(";2018-10-01;huyen\r\n"),
        "{tail:?}"
    );
    assert_eq!(tail.matches("\r\n").count(), 2);
}

#[test]
fn add_a_bad_record_exits_1_and_leaves_the_folder_byte_identical() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let before = snapshot(dir.path());
    // An unknown person: a structural error, which --force does not pass.
    let bad = [
        &["add", "award", "--data", data, "--force"],
        &GOOD[1..],
        &["person=P9999"],
    ]
    .concat();
    let (code, out, err) = run(&bad);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("unknown-reference"), "{out}");
    assert_eq!(snapshot(dir.path()), before);

    // A second LDTT for one person and year: a law error, refused without --force.
    let twice = [
        "person=Danh Văn Tâm",
        "award=LDTT",
        "kind=thuong_xuyen",
        "decision=9/QĐ-UBND",
        "decision_date=2018-12-01",
        "issuer=huyen",
        "year=2018",
    ];
    let (code, out, _) = run(&[&["add", "award", "--data", data], &twice[..]].concat());
    assert_eq!(code, 1);
    assert!(
        out.contains("person = P0198") && out.contains("duplicate-title"),
        "{out}"
    );
    assert_eq!(snapshot(dir.path()), before);
    let (code, _, _) = run(&[&["add", "award", "--data", data, "--dry-run"], GOOD].concat());
    assert_eq!(code, 0);
    assert_eq!(snapshot(dir.path()), before, "--dry-run writes nothing");
    // A file outside the folder is refused before anything is read.
    for file in ["/tmp/x.csv", "../x.csv", "awards/2018.txt"] {
        let (code, _, err) =
            run(&[&["add", "award", "--data", data, "--file", file], GOOD].concat());
        assert_eq!(code, 2, "{file}: {err}");
    }
    assert_eq!(snapshot(dir.path()), before);
    let (code, _, _) = run(&[&["add", "award", "--data", data, "--force"], &twice[..]].concat());
    assert_eq!(code, 0);
    assert_ne!(snapshot(dir.path()), before);
}

#[test]
fn add_a_campaign_to_the_toml_file() {
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let file = dir.path().join("campaigns.toml");
    let before = std::fs::read(&file).unwrap();
    let args = [
        "add",
        "campaign",
        "--data",
        data,
        "name=Phong trào 2019",
        "kind=Chuyên đề",
        "start=2019-01-01",
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{out}{err}");
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(now.as_bytes().starts_with(&before));
    assert!(now.ends_with("[[campaign]]\nid = \"PT-0001\"\nname = \"Phong trào 2019\"\nkind = \"chuyen_de\"\nstart = \"2019-01-01\"\n"), "{now}");
    let (code, _, _) = run(&["check", "--data", data]);
    assert_eq!(code, 0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// `fmt`'s reading of a file, like the loader's: any bytes in, a canonical
    /// file, "already canonical" or a reason out — never a panic; and what it
    /// writes is canonical the second time.
    #[test]
    fn canonical_form_of_any_bytes(
        bytes in proptest::collection::vec(
            proptest::sample::select(b"id,name;kind\tparent\r\n\"x1 \xEF\xBB\xBF\xC3\xA1\xE3\xF0/2018-01-0112".to_vec()),
            0..200,
        ),
        kind in proptest::sample::select(thidua::model::RecordType::ALL.to_vec()),
    ) {
        use thidua::load::canonical;
        if let Ok(Some(r)) = canonical::csv(&bytes, kind) {
            prop_assert_eq!(canonical::csv(&r.bytes, kind), Ok(None));
        }
        if let Ok(Some(r)) = canonical::toml(&bytes, kind) {
            prop_assert_eq!(canonical::toml(&r.bytes, kind), Ok(None));
        }
    }
}

/// The second pre-commit hook runs `fmt --check`: quiet on a canonical
/// folder, exit 1 on a file as Excel saved it.
#[test]
fn pre_commit_hook_thidua_fmt_checks_the_form() {
    let hooks = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let hooks: String = hooks
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    let hook = hooks
        .split("- id: ")
        .find(|h| h.starts_with("thidua-fmt"))
        .expect("a thidua-fmt hook");
    let entry = hook
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .expect("an entry");
    let args: Vec<&str> = entry.split_whitespace().skip(1).collect();
    assert_eq!(args, ["fmt", "--check"]);
    let dir = copy_of_data();
    let data = dir.path().to_str().unwrap();
    let with_data = [&args[..], &["--data", data]].concat();
    assert_eq!(run(&with_data).0, 0);
    let file = dir.path().join("units/co-quan.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, as_excel_saves_it(&text)).unwrap();
    assert_eq!(run(&with_data).0, 1);
}
