//! Any bytes in, diagnostics or records out, never a panic: each loader (the
//! CSV reader, the TOML reader, `thidua.toml`) is fed arbitrary bytes and
//! arbitrary near-valid text, written into a fresh folder, and `check` must
//! end with status 0 or 1, print one JSON object whose counts agree with its
//! findings, and name only lines that exist in the file.

use proptest::prelude::*;
use serde_json::Value;

const CASES: u32 = 64;

/// Every file a record type may be read from, and the settings.
const CSV_FILES: &[&str] = &[
    "campaigns.csv",
    "units.csv",
    "people.csv",
    "evaluations.csv",
    "awards.csv",
    "proposals.csv",
    "awards/2018.csv",
];
const TOML_FILES: &[&str] = &[
    "campaigns.toml",
    "units.toml",
    "people.toml",
    "evaluations.toml",
    "awards.toml",
    "proposals.toml",
    "people/ấp-1.toml",
];

/// Writes `files` into a temporary folder and checks it.
fn check_files(files: &[(&str, Vec<u8>)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "thidua",
        "--lang",
        "en",
        "check",
        "--data",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ];
    let code = crate::support::run(args, &mut out, &mut err);
    prop_assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&err)
    );
    let json: Value =
        serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(format!("not JSON: {e}")))?;
    let diags = json["diagnostics"].as_array().unwrap();
    let errors = diags.iter().filter(|d| d["severity"] == "error").count() as u64;
    prop_assert_eq!(json["errors"].as_u64(), Some(errors));
    prop_assert_eq!(code == 1, errors > 0);
    for d in diags {
        let file = d["file"].as_str().unwrap_or("");
        if let (Some(line), Some((_, bytes))) =
            (d["line"].as_u64(), files.iter().find(|(n, _)| *n == file))
        {
            prop_assert!(
                line >= 1 && line <= physical_lines(bytes),
                "{file}:{line} beyond the file: {d}"
            );
        }
    }
    Ok(())
}

/// The number of lines a viewer shows: line breaks are `\n`, `\r\n` or a lone `\r`.
fn physical_lines(bytes: &[u8]) -> u64 {
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

/// A CSV cell: valid values, near misses and troublemakers.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("P-001".to_string()),
        Just("X1".to_string()),
        Just("2018".to_string()),
        Just("2018-12-20".to_string()),
        Just("20/12/2018".to_string()),
        Just("LDTT".to_string()),
        Just("Lao động tiên tiến".to_string()),
        Just("thuong_xuyen".to_string()),
        Just("huyen".to_string()),
        Just("true".to_string()),
        Just("htxs".to_string()),
        Just("\"quoted, with comma\"".to_string()),
        Just("\"over\r\ntwo lines\"".to_string()),
        Just("\"unclosed".to_string()),
        Just("a\"b".to_string()),
        Just("\u{feff}".to_string()),
        Just("Nguye\u{302}\u{303}n".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,8}",
    ]
}

/// A header: some of the format's columns, a few others, in any order and case.
fn header() -> impl Strategy<Value = Vec<String>> {
    let names = [
        "id",
        "name",
        "kind",
        "start",
        "end",
        "parent",
        "unit",
        "person",
        "direct_worker",
        "hire_date",
        "year",
        "rating",
        "months_worked",
        "award",
        "decision",
        "decision_date",
        "issuer",
        "campaign",
        "status",
        "award_id",
        "ID",
        " Year ",
        "ghi_chu",
    ];
    proptest::collection::vec(proptest::sample::select(names.to_vec()), 0..12)
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn near_valid_csv() -> impl Strategy<Value = Vec<u8>> {
    let rows = proptest::collection::vec(proptest::collection::vec(cell(), 0..12), 0..8);
    (header(), rows, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(head, rows, bom, crlf, trailing)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            text.push_str(&head.join(","));
            for row in rows {
                text.push_str(nl);
                text.push_str(&row.join(","));
            }
            if trailing {
                text.push_str(nl);
            }
            text.into_bytes()
        },
    )
}

/// A TOML value: right types, wrong types, and strings that need escaping.
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"P-001\"".to_string()),
        Just("\"X1\"".to_string()),
        Just("2018".to_string()),
        Just("2018-12-20".to_string()),
        Just("2018-12-20T10:00:00Z".to_string()),
        Just("\"2018-13-45\"".to_string()),
        Just("true".to_string()),
        Just("1.5".to_string()),
        Just("-7".to_string()),
        Just("99999999999".to_string()),
        Just("[\"a\", 1]".to_string()),
        Just("{ x = 1 }".to_string()),
        Just("\"LDTT\"".to_string()),
        Just("\"\"\"multi\nline\"\"\"".to_string()),
        Just("\"unclosed".to_string()),
        "\"[a-zA-Z0-9 ,.]{0,10}\"",
    ]
}

fn near_valid_toml() -> impl Strategy<Value = Vec<u8>> {
    let keys = [
        "id",
        "name",
        "kind",
        "start",
        "end",
        "unit",
        "person",
        "direct_worker",
        "year",
        "rating",
        "award",
        "decision",
        "decision_date",
        "issuer",
        "parent",
        "nmae",
        "\"quoted key\"",
    ];
    let table = proptest::collection::vec(
        (proptest::sample::select(keys.to_vec()), toml_value()),
        0..8,
    );
    let tables = proptest::collection::vec(
        (
            proptest::sample::select(vec![
                "[[award]]",
                "[[person]]",
                "[[unit]]",
                "[[campaign]]",
                "[[evaluation]]",
                "[award]",
                "x = 1",
            ]),
            table,
        ),
        0..5,
    );
    tables.prop_map(|tables| {
        let mut text = String::from("# near-valid\n");
        for (head, kvs) in tables {
            text.push_str(head);
            text.push('\n');
            for (k, v) in kvs {
                text.push_str(&format!("{k} = {v}\n"));
            }
            text.push('\n');
        }
        text.into_bytes()
    })
}

fn near_valid_settings() -> impl Strategy<Value = Vec<u8>> {
    let lines = [
        "[organisation]",
        "[data]",
        "[rules]",
        "[thresholds]",
        "[colours]",
        "name = \"UBND huyện An Biên\"",
        "level = \"huyen\"",
        "level = 3",
        "records-from = 2016",
        "records-from = \"x\"",
        "unknown-column = \"off\"",
        "unknown-column = \"loud\"",
        "require-evidence = true",
        "cstdcs-ratio-scope = \"unit\"",
        "cstdcs-ratio-percent = 15",
        "x = [1, 2]",
        "= broken",
    ];
    proptest::collection::vec(proptest::sample::select(lines.to_vec()), 0..12)
        .prop_map(|l| l.join("\n").into_bytes())
}

fn id() -> impl Strategy<Value = String> {
    proptest::sample::select(vec!["H", "X1", "X2", "X3", "", " X1 "]).prop_map(String::from)
}

fn person_id() -> impl Strategy<Value = String> {
    proptest::sample::select(vec!["P-1", "P-2", "P-3", "P-4"]).prop_map(String::from)
}

fn unit_kind() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["xa", "co_quan", "thon_ap", "xã"])
}

fn award_code() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["LDTT", "TTLDTT", "GK", "CSTDCS", "Giấy khen", "LDT"])
}

fn year() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec!["2016", "2018", "2019", "2999", "0", "20188"])
}

fn maybe_date() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "2018-12-20",
        "2015-01-01",
        "2019-02-29",
        "2020-02-29",
        "2999-01-01",
        "",
        "31/12/2018",
    ])
}

fn csv_file() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(CSV_FILES.to_vec())
}

fn toml_file() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(TOML_FILES.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn csv_loader_takes_any_bytes(name in csv_file(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_files(&[(name, bytes)])?;
    }

    #[test]
    fn csv_loader_takes_near_valid_text(name in csv_file(), bytes in near_valid_csv()) {
        check_files(&[(name, bytes)])?;
    }

    #[test]
    fn toml_loader_takes_any_bytes(name in toml_file(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_files(&[(name, bytes)])?;
    }

    #[test]
    fn toml_loader_takes_near_valid_text(name in toml_file(), bytes in near_valid_toml()) {
        check_files(&[(name, bytes)])?;
    }

    #[test]
    fn settings_take_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_files(&[("thidua.toml", bytes)])?;
    }

    #[test]
    fn settings_take_near_valid_text(bytes in near_valid_settings()) {
        check_files(&[("thidua.toml", bytes)])?;
    }

    /// Rows that are mostly valid, with ids from small pools, so that the
    /// whole-folder checks meet duplicates, dangling references, loops of
    /// units and dates out of order.
    #[test]
    fn whole_folder_of_mostly_valid_records(
        units in proptest::collection::vec((id(), id(), unit_kind()), 0..8),
        people in proptest::collection::vec((person_id(), id(), maybe_date()), 0..8),
        awards in proptest::collection::vec((person_id(), id(), award_code(), year(), maybe_date()), 0..12),
    ) {
        let mut u = String::from("id,name,kind,parent\n");
        for (id, parent, kind) in units {
            u.push_str(&format!("{id},Đơn vị {id},{kind},{parent}\n"));
        }
        let mut p = String::new();
        for (id, unit, hired) in people {
            p.push_str(&format!("[[person]]\nid = \"{id}\"\nname = \"Người {id}\"\nunit = \"{unit}\"\ndirect_worker = true\nhire_date = \"{hired}\"\n\n"));
        }
        let mut a = String::from("id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n");
        for (i, (person, unit, code, year, date)) in awards.into_iter().enumerate() {
            let id = format!("KT-{}", i % 5);
            let (person, unit) = if i % 3 == 0 { ("", unit.as_str()) } else { (person.as_str(), "") };
            a.push_str(&format!("{id},{year},{person},{unit},{code},thuong_xuyen,PT-1,1/QĐ-UBND,{date},huyen\n"));
        }
        let c = "id,name,kind,start,end\nPT-1,Phong trào,chuyen_de,2017-01-01,2019-12-31\n";
        check_files(&[
            ("units.csv", u.into_bytes()),
            ("people.toml", p.into_bytes()),
            ("awards/2018.csv", a.into_bytes()),
            ("campaigns.csv", c.as_bytes().to_vec()),
        ])?;
    }

    /// Several near-valid files together, so that the whole-folder checks
    /// run on what the loaders let through.
    #[test]
    fn whole_folder_of_near_valid_files(
        units in near_valid_csv(),
        people in near_valid_toml(),
        awards in near_valid_csv(),
        evaluations in near_valid_csv(),
        settings in near_valid_settings(),
    ) {
        check_files(&[
            ("units.csv", units),
            ("people.toml", people),
            ("awards/2018.csv", awards),
            ("evaluations.csv", evaluations),
            ("thidua.toml", settings),
        ])?;
    }
}

#[test]
fn physical_lines_counts_every_kind_of_break() {
    assert_eq!(physical_lines(b""), 1);
    assert_eq!(physical_lines(b"a\nb\r\nc\rd"), 4);
    assert_eq!(physical_lines(b"a\n"), 2);
}
