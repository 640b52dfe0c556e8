//! Every structural rule of the data format (§7) and `invalid-setting`, on a
//! folder that breaks it and one that just passes:
//! `tests/fixtures/structural/<rule>/{bad,good}/`. The bad folder's findings
//! are asserted exactly — rule, file and physical line, in output order —
//! with words the message or help must contain; the good folder has none.
//! Checked through the library as a script would: `check --format json`.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// One expected finding: rule, file, line (`None`: the whole file), and
/// words its message, help or related places must contain.
struct Finding {
    rule: &'static str,
    file: &'static str,
    line: Option<u64>,
    says: &'static [&'static str],
}

const fn at(
    rule: &'static str,
    file: &'static str,
    line: u64,
    says: &'static [&'static str],
) -> Finding {
    Finding {
        rule,
        file,
        line: Some(line),
        says,
    }
}

const fn whole(rule: &'static str, file: &'static str, says: &'static [&'static str]) -> Finding {
    Finding {
        rule,
        file,
        line: None,
        says,
    }
}

struct Case {
    rule: &'static str,
    /// `THIDUA_TODAY`, for the fixtures about the future.
    today: Option<&'static str>,
    bad: &'static [Finding],
}

const CASES: &[Case] = &[
    Case {
        rule: "parse-error",
        today: None,
        bad: &[
            // A row saved in Windows-1258 among UTF-8 rows.
            at(
                "parse-error",
                "awards/2018.csv",
                3,
                &["not UTF-8", "windows-1258"],
            ),
            at("parse-error", "campaigns.toml", 4, &["TOML"]),
            // An Excel workbook renamed `.csv`: one finding that says what it is.
            whole(
                "parse-error",
                "evaluations.csv",
                &["Excel", "thidua import"],
            ),
            // A quote opened on line 3 and never closed swallows the rest.
            at("parse-error", "people.csv", 3, &["quote is left open"]),
            // BOM and CRLF, a quoted name over lines 2–3: the short row is line 4.
            whole(
                "non-canonical-file",
                "units.csv",
                &["BOM, CRLF", "thidua fmt"],
            ),
            at("parse-error", "units.csv", 4, &["3 fields", "header 4"]),
        ],
    },
    Case {
        rule: "identity-conflict",
        today: None,
        bad: &[at(
            "identity-conflict",
            "people.csv",
            3,
            &[
                "`079085000123`",
                "`Trần Thị Bình`",
                "`Nguyễn Văn An`",
                "people.csv:2",
            ],
        )],
    },
    Case {
        rule: "non-canonical-file",
        today: None,
        bad: &[
            // As Vietnamese-locale Excel saves it: one warning, the same records.
            whole(
                "non-canonical-file",
                "awards.csv",
                &["`;` delimiter, d/m/yyyy dates, BOM, CRLF", "thidua fmt"],
            ),
            whole(
                "non-canonical-file",
                "units.csv",
                &["tab delimiter, CRLF, Windows-1258, Vietnamese column names"],
            ),
        ],
    },
    Case {
        rule: "missing-column",
        today: None,
        bad: &[
            at(
                "missing-column",
                "awards.csv",
                1,
                &["`decision_date`", "decision_date,issuer"],
            ),
            at("missing-column", "evaluations.csv", 1, &["person / unit"]),
        ],
    },
    Case {
        rule: "missing-value",
        today: None,
        bad: &[
            // A cell of blanks is empty.
            at("missing-value", "awards.csv", 3, &["`decision`"]),
            // A TOML table without the key: the table's header line.
            at("missing-value", "people.toml", 8, &["`name`"]),
        ],
    },
    Case {
        rule: "invalid-value",
        today: None,
        bad: &[
            at(
                "invalid-value",
                "awards.csv",
                2,
                &["`LDT`", "did you mean `LDTT`?"],
            ),
            at(
                "invalid-value",
                "awards.csv",
                3,
                &["`20.12.2018`", "did you mean `2018-12-20`?"],
            ),
            at(
                "invalid-value",
                "awards.csv",
                4,
                &["`18`", "four-digit year"],
            ),
            at(
                "invalid-value",
                "awards.csv",
                4,
                &["`huyệnn`", "did you mean `huyen`?"],
            ),
            at("invalid-value", "evaluations.csv", 2, &["`13`", "0 to 12"]),
            at(
                "invalid-value",
                "evaluations.csv",
                3,
                &["`xuất sắc lắm`", "htxs"],
            ),
            // TOML findings point at the key's line.
            at(
                "invalid-value",
                "people.toml",
                5,
                &["`direct_worker`", "`thường`"],
            ),
            at(
                "invalid-value",
                "people.toml",
                13,
                &["`gender`", "single value"],
            ),
        ],
    },
    Case {
        rule: "unknown-column",
        today: None,
        bad: &[
            at("unknown-column", "awards.csv", 1, &["`ghi_chu`"]),
            at(
                "unknown-column",
                "units.toml",
                8,
                &["`nmae`", "did you mean `name`?"],
            ),
            at("unknown-column", "units.toml", 13, &["`award`", "[[unit]]"]),
        ],
    },
    Case {
        rule: "unknown-file",
        today: None,
        bad: &[
            whole("unknown-file", "award.csv", &["award.csv"]),
            whole("unknown-file", "ghi-chu/2018.toml", &["ghi-chu/2018.toml"]),
        ],
    },
    Case {
        rule: "duplicate-id",
        today: None,
        bad: &[
            // Across files: the second is reported, the first named.
            at(
                "duplicate-id",
                "awards/2019.csv",
                3,
                &["`KT-001`", "awards/2018.csv:2"],
            ),
            // One evaluation per subject and year, ids compared trimmed.
            at(
                "duplicate-id",
                "evaluations.csv",
                4,
                &["`P-001`", "2018", "evaluations.csv:2"],
            ),
        ],
    },
    Case {
        rule: "unknown-reference",
        today: None,
        bad: &[
            at(
                "unknown-reference",
                "awards.csv",
                2,
                &["`P-0001`", "did you mean `P-001`?"],
            ),
            at(
                "unknown-reference",
                "awards.csv",
                3,
                &["`campaign` = `PT-2019`", "did you mean `PT-2018`?"],
            ),
            at("unknown-reference", "people.csv", 4, &["`unit` = `X9`"]),
            at(
                "unknown-reference",
                "proposals.csv",
                2,
                &["`award_id` = `KT-01`", "did you mean `KT-001`?"],
            ),
            at(
                "unknown-reference",
                "units.csv",
                4,
                &["`parent` = `HH`", "did you mean `H`?"],
            ),
        ],
    },
    Case {
        rule: "recipient-conflict",
        today: None,
        bad: &[
            at("recipient-conflict", "awards.csv", 2, &["both"]),
            at("recipient-conflict", "evaluations.csv", 3, &["neither"]),
        ],
    },
    Case {
        rule: "wrong-recipient",
        today: None,
        bad: &[
            at(
                "wrong-recipient",
                "awards.csv",
                2,
                &["LDTT", "given to a unit"],
            ),
            at(
                "wrong-recipient",
                "awards.csv",
                3,
                &["TTLDTT", "given to a person"],
            ),
            at(
                "wrong-recipient",
                "proposals.csv",
                2,
                &["CSTDCS", "given to a unit"],
            ),
        ],
    },
    Case {
        rule: "unit-cycle",
        today: None,
        bad: &[
            at(
                "unit-cycle",
                "units.csv",
                2,
                &["H → X2 → X1 → H", "units.csv:3", "units.csv:4"],
            ),
            at("unit-cycle", "units.csv", 6, &["X3 → X3"]),
        ],
    },
    Case {
        rule: "date-order",
        today: Some("2020-06-30"),
        bad: &[
            at("date-order", "awards.csv", 2, &["2021", "future"]),
            at("date-order", "awards.csv", 3, &["2017-12-20", "before"]),
            at("date-order", "awards.csv", 4, &["2020-08-01", "future"]),
            at(
                "date-order",
                "campaigns.toml",
                1,
                &["2018-12-31", "2019-03-01"],
            ),
            at("date-order", "people.csv", 3, &["`hire_date`", "future"]),
        ],
    },
    Case {
        rule: "campaign-period",
        today: None,
        bad: &[
            at("campaign-period", "awards.csv", 2, &["2019", "2016–2018"]),
            at("campaign-period", "awards.csv", 3, &["2015", "`PT-1`"]),
        ],
    },
    Case {
        rule: "invalid-setting",
        today: None,
        bad: &[
            // The misspelt rule id does not switch `unknown-column` off.
            at("unknown-column", "awards.csv", 1, &["`ghi_chu`"]),
            at("invalid-setting", "thidua.toml", 4, &["organisation.level"]),
            at(
                "invalid-setting",
                "thidua.toml",
                7,
                &["`unknown-colum`", "`unknown-column`"],
            ),
            at("invalid-setting", "thidua.toml", 10, &["data.records-from"]),
        ],
    },
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structural")
}

/// `thidua --lang en check --data DIR --format json`: the exit status and the JSON.
fn check(dir: &Path, today: Option<&str>) -> (i32, Value) {
    let env = thidua::env::Env {
        today: today.map(Into::into),
        ..Default::default()
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "thidua",
        "--lang",
        "en",
        "check",
        "--data",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ];
    let code = thidua::run_in(&env, args, &mut out, &mut err);
    assert!(
        err.is_empty(),
        "{}: stderr {}",
        dir.display(),
        String::from_utf8_lossy(&err)
    );
    (
        code,
        serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{}: {e}", dir.display())),
    )
}

/// The structural findings of a check's JSON, in output order. The law's
/// rules also run on these folders (they are written to satisfy them
/// today), but their findings are the business of the law's own fixtures.
fn structural(json: &Value) -> Vec<Value> {
    let is_structural = |id: &str| {
        thidua::rules::find(id).is_some_and(|r| r.family == thidua::diag::Family::Structural)
    };
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| is_structural(d["rule"].as_str().unwrap()))
        .cloned()
        .collect()
}

/// Everything a finding says, for the `says` words: message, help, related places.
fn said(d: &Value) -> String {
    let mut s = format!(
        "{} | {}",
        d["message"].as_str().unwrap_or(""),
        d["help"].as_str().unwrap_or("")
    );
    for r in d["related"].as_array().into_iter().flatten() {
        s.push_str(&format!(
            " | {}:{} {}",
            r["file"].as_str().unwrap(),
            r["line"],
            r["note"].as_str().unwrap()
        ));
    }
    s
}

// One test for the whole table: every failure is listed at once.
#[test]
fn each_structural_rule_fires_on_bad_and_not_on_good() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = fixtures().join(case.rule);

        let (code, json) = check(&dir.join("bad"), case.today);
        let found = structural(&json);
        let got: Vec<(String, String, Option<u64>)> = found
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap().into(),
                    d["file"].as_str().unwrap_or("").into(),
                    d["line"].as_u64(),
                )
            })
            .collect();
        let want: Vec<(String, String, Option<u64>)> = case
            .bad
            .iter()
            .map(|f| (f.rule.into(), f.file.into(), f.line))
            .collect();
        if got != want {
            failures.push(format!(
                "{}/bad: found\n  {got:?}\nwanted\n  {want:?}",
                case.rule
            ));
            continue;
        }
        assert!(
            case.bad.iter().any(|f| f.rule == case.rule),
            "{}: the bad folder must show its rule",
            case.rule
        );
        for (d, f) in found.iter().zip(case.bad) {
            let text = said(d);
            for word in f.says {
                if !text.contains(word) {
                    failures.push(format!(
                        "{}/bad: {}:{:?} does not say `{word}`: {text}",
                        case.rule, f.file, f.line
                    ));
                }
            }
        }
        if found.iter().any(|d| d["severity"] == "error") {
            assert_eq!(code, 1, "{}/bad exit status", case.rule);
        }

        let (_, json) = check(&dir.join("good"), case.today);
        let found = structural(&json);
        if !found.is_empty() {
            failures.push(format!("{}/good: {found:#?}", case.rule));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The guard: every structural rule of the registry has both fixture folders
/// and a row in the table above, so a new rule cannot go untested.
#[test]
fn every_structural_rule_has_both_fixtures() {
    let rules: Vec<&str> = thidua::rules::registry()
        .iter()
        .filter(|r| r.family == thidua::diag::Family::Structural)
        .map(|r| r.id.as_str())
        .collect();
    assert!(rules.len() >= 14, "{rules:?}");
    for id in &rules {
        for side in ["bad", "good"] {
            let dir = fixtures().join(id).join(side);
            let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
            assert!(files > 0, "no fixture folder {}", dir.display());
        }
        assert!(
            CASES.iter().any(|c| c.rule == *id),
            "no case for {id} in tests/structural.rs"
        );
    }
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with('.') {
            continue; // .gitattributes
        }
        assert!(
            rules.contains(&name.as_str()),
            "fixture folder {name} names no structural rule"
        );
    }
}

/// A record with an unusable optional value is kept but marked flawed (the
/// reports leave it out); one with an unusable required value is not built.
#[test]
fn records_with_invalid_values_are_flawed_or_dropped() {
    let dir = fixtures().join("invalid-value/bad");
    let ds = crate::support::engine(&dir, false).dataset;
    // people.toml: P-001's `direct_worker` (required) is invalid, P-002's `gender` is an array.
    assert_eq!(ds.people.len(), 1);
    assert_eq!(ds.str(ds.people[0].id), "P-002");
    assert!(ds.people[0].flawed);
    // evaluations.csv: `months_worked` 13 (optional) → flawed; an unknown rating → dropped.
    assert_eq!(ds.evaluations.len(), 1);
    assert!(ds.evaluations[0].flawed);
    assert_eq!(ds.dropped[thidua::model::RecordType::Evaluation.index()], 1);
    // Every award row has an invalid required value.
    assert!(ds.awards.is_empty());

    let good = crate::support::engine(&fixtures().join("invalid-value/good"), false).dataset;
    assert!(good.people.iter().all(|p| !p.flawed) && good.evaluations.iter().all(|e| !e.flawed));
    assert_eq!(
        (good.people.len(), good.evaluations.len(), good.awards.len()),
        (2, 2, 3)
    );
    // The rating's full name typed decomposed (NFD) is the code `htt`.
    let ratings: Vec<_> = good.evaluations.iter().map(|e| e.rating).collect();
    assert_eq!(
        ratings,
        [thidua::model::Rating::Htxs, thidua::model::Rating::Htt]
    );
}

/// Physical lines whatever the line ends — LF, CRLF, a lone CR (old Mac
/// files) — and with a quoted value over several lines before.
#[test]
fn line_numbers_with_every_kind_of_line_end() {
    let rows = [
        "id,name,kind,parent",
        "H,\"UBND huyện{nl}An Biên\",co_quan,",
        "X1,UBND xã Đông Thái,xa,H",
        "X2,UBND xã Tây Yên,tinh,H",
        "",
    ];
    for nl in ["\n", "\r\n", "\r"] {
        let dir = tempfile::tempdir().unwrap();
        let text = rows.join(nl).replace("{nl}", nl);
        std::fs::write(dir.path().join("units.csv"), format!("\u{feff}{text}")).unwrap();
        let (code, json) = check(dir.path(), None);
        assert_eq!(code, 1);
        // The BOM makes a `non-canonical-file` warning first; the row's error follows.
        let d = &json["diagnostics"][1];
        // The header is line 1, the quoted name lines 2–3, X1 line 4, X2 line 5.
        assert_eq!(
            (d["rule"].as_str(), d["line"].as_u64()),
            (Some("invalid-value"), Some(5)),
            "line ends {nl:?}: {json}"
        );
    }
}

/// A row dropped for a bad required value is reported once: the awards that
/// name it are left out of the tallies (flawed), not reported again as
/// unknown references.
#[test]
fn a_dropped_row_is_not_reported_again_by_its_references() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("units.csv"), "id,name,kind\nU1,Xã Một,xa\n").unwrap();
    std::fs::write(
        root.join("people.csv"),
        "id,name,unit,direct_worker\nP1,Nguyễn Văn An,U1,true\nP2,Lê Thị Bình,U1,maybe\n",
    )
    .unwrap();
    std::fs::write(
        root.join("awards.csv"),
        "id,year,person,award,kind,decision,decision_date,issuer\n\
         A1,2018,P1,GK,dot_xuat,1/QĐ-UBND,2018-05-02,huyen\n\
         A2,2018,P2,GK,dot_xuat,1/QĐ-UBND,2018-05-02,huyen\n\
         A3,2018,P9,GK,dot_xuat,1/QĐ-UBND,2018-05-02,huyen\n",
    )
    .unwrap();
    let (code, json) = check(root, None);
    assert_eq!(code, 1);
    let found: Vec<(String, String, u64)> = structural(&json)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("unknown-reference".to_string(), "awards.csv".to_string(), 4),
            ("invalid-value".to_string(), "people.csv".to_string(), 3),
        ]
    );
    // The report leaves out both awards whose recipient cannot be trusted.
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "thidua",
        "report",
        "2018",
        "--data",
        root.to_str().unwrap(),
        "--format",
        "json",
    ];
    assert_eq!(crate::support::run(args, &mut out, &mut err), 0);
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["totals"]["awards"], 1);
    assert_eq!(report["excluded"]["awards"], 2);
}

/// The structural rules hand their flaws back as a value: the loaded
/// dataset is left as it was, and the engine marks exactly those records,
/// which the law's rules and the reports then leave out.
#[test]
fn structural_flaws_are_a_value_the_engine_marks() {
    use thidua::model::RecordType;
    let dir = fixtures().join("duplicate-id/bad");
    let today = thidua::env::clock_today();
    let (mut sink, mut progress) = (
        thidua::diag::Diagnostics::new(),
        thidua::load::Progress::hidden(),
    );
    let loaded = thidua::load::load(&dir, today, &mut sink, &mut progress).unwrap();
    let flawed = |ds: &thidua::model::Dataset| {
        ds.campaigns.iter().filter(|r| r.flawed).count()
            + ds.units.iter().filter(|r| r.flawed).count()
            + ds.people.iter().filter(|r| r.flawed).count()
            + ds.evaluations.iter().filter(|r| r.flawed).count()
            + ds.awards.iter().filter(|r| r.flawed).count()
            + ds.proposals.iter().filter(|r| r.flawed).count()
    };
    let flaws = thidua::rules::structural::check(&loaded, today, &mut sink);
    assert!(!flaws.is_empty(), "duplicate-id/bad has flawed records");
    assert_eq!(flawed(&loaded), 0, "checking marks nothing itself");

    let checked = crate::support::engine(&dir, false);
    assert_eq!(checked.flaws, flaws);
    for (kind, i) in checked.flaws.iter() {
        let ds = &checked.dataset;
        let marked = match kind {
            RecordType::Campaign => ds.campaigns[i].flawed,
            RecordType::Unit => ds.units[i].flawed,
            RecordType::Person => ds.people[i].flawed,
            RecordType::Evaluation => ds.evaluations[i].flawed,
            RecordType::Award => ds.awards[i].flawed,
            RecordType::Proposal => ds.proposals[i].flawed,
        };
        assert!(marked, "{kind:?} {i}");
    }
    let distinct: std::collections::HashSet<_> = checked.flaws.iter().collect();
    assert_eq!(flawed(&checked.dataset), distinct.len());
}

/// The optional columns of the rules' second reading — `people.died`,
/// `people.code`, `awards.posthumous` — are read from CSV and TOML alike and
/// never reported as unknown.
#[test]
fn died_code_and_posthumous_are_known_columns_in_both_readers() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "units.csv",
        "id,name,kind\nU1,Trường Tiểu học An Biên,truong_hoc\n",
    );
    write(
        "people.csv",
        "id,name,unit,direct_worker,died,code\nP1,Nguyễn Văn An,U1,true,2024-12-19,GV-0042\nP2,NGUYỄN VĂN AN,U1,true,,GV-0042\n",
    );
    write(
        "awards.toml",
        "[[award]]\nid = \"A1\"\nyear = 2024\nperson = \"P1\"\naward = \"BKT\"\nkind = \"thuong_xuyen\"\n\
         decision = \"1/QĐ-UBND\"\ndecision_date = \"2024-12-20\"\nissuer = \"tinh\"\nposthumous = true\n\n\
         [[award]]\nid = \"A2\"\nyear = 2024\nperson = \"P2\"\naward = \"GK\"\nkind = \"dot_xuat\"\n\
         decision = \"2/QĐ-UBND\"\ndecision_date = \"2024-12-20\"\nissuer = \"co_quan\"\n",
    );
    let checked = crate::support::engine(dir.path(), false);
    let ds = &checked.dataset;
    let rules: Vec<_> = checked.diagnostics.items().iter().map(|d| d.rule).collect();
    assert!(rules.is_empty(), "{rules:?}");
    let died: Vec<_> = ds
        .people
        .iter()
        .map(|p| p.died.map(|d| d.to_string()))
        .collect();
    assert_eq!(died, [Some("2024-12-19".to_string()), None]);
    let codes: Vec<_> = ds
        .people
        .iter()
        .map(|p| p.code.map(|c| ds.str(c)))
        .collect();
    assert_eq!(codes, [Some("GV-0042"), Some("GV-0042")]);
    // Interned once: the two rows share one string.
    assert_eq!(ds.people[0].code, ds.people[1].code);
    let posthumous: Vec<_> = ds.awards.iter().map(|a| a.posthumous).collect();
    assert_eq!(posthumous, [true, false]);
}

/// Whether `m` and every message in it has a key of its own: no text
/// passed through as it is (`Key::TestText`, for the emitters' tests only).
fn typed(m: &thidua::i18n::Msg) -> bool {
    use thidua::i18n::{Arg, Key};
    fn arg(a: &Arg) -> bool {
        match a {
            Arg::Msg(m) => typed(m),
            Arg::List { items, .. } => items.iter().all(arg),
            _ => true,
        }
    }
    m.key != Key::TestText && m.args.iter().all(|(_, a)| arg(a))
}

#[test]
fn settings_load_and_structural_findings_are_typed_messages() {
    let mut seen = 0;
    for case in CASES {
        for side in ["bad", "good"] {
            let dir = fixtures().join(case.rule).join(side);
            let checked = crate::support::engine(&dir, false);
            for d in checked.diagnostics.items() {
                seen += 1;
                let notes = d.related.iter().map(|r| &r.note);
                let all = std::iter::once(&d.message).chain(&d.help).chain(notes);
                for m in all {
                    assert!(typed(m), "{}/{side}: {} says {m:?}", case.rule, d.rule);
                }
            }
        }
    }
    assert!(seen > CASES.len(), "the bad folders have findings");
}
