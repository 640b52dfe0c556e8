//! `thidua` run as users and scripts run it: the case files of `tests/cmd/`
//! (trycmd: arguments, environment, exit status, stdout and stderr), plus the
//! checks a snapshot cannot make (colour, the SARIF log's structure).
//!
//! The fixture folders are `tests/cmd/fixture/{data,clean,warn}`: findings of
//! both severities, nothing, and warnings only. Snapshots are refreshed with
//! `TRYCMD=overwrite cargo test --test it cli::`.

use std::collections::HashSet;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

/// Variables that would change what the binary prints.
const ENV: [&str; 8] = [
    "THIDUA_LANG",
    "THIDUA_DATA",
    "THIDUA_TODAY",
    "NO_COLOR",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "TERM",
    "THIDUA_ASCII",
];

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd/fixture"))
}

fn thidua(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = crate::support::thidua();
    cmd.args(args).current_dir(fixture());
    for v in ENV {
        cmd.env_remove(v);
    }
    cmd.envs(env.iter().copied());
    cmd.output().expect("run thidua")
}

#[test]
fn cli_cases() {
    // Children inherit the environment: the cases start from a known one,
    // and no other test changes it while they run.
    let _env = crate::support::env_lock();
    for v in ENV {
        std::env::remove_var(v);
    }
    trycmd::TestCases::new()
        .default_bin_path(env!("CARGO_BIN_EXE_thidua"))
        .env("THIDUA_NO_CACHE", "1")
        .case("tests/cmd/*.toml");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let ansi = |o: &Output| o.stdout.contains(&0x1b);
    let always = thidua(&["check", "--data", "data", "--color", "always"], &[]);
    assert_eq!(always.status.code(), Some(1));
    assert!(ansi(&always), "{}", String::from_utf8_lossy(&always.stdout));
    // `always` wins over NO_COLOR: it is an explicit request.
    assert!(ansi(&thidua(
        &["check", "--data", "data", "--color", "always"],
        &[("NO_COLOR", "1")]
    )));
    // Piped (as here), `auto` and `never` print plain text, the same text.
    let auto = thidua(&["check", "--data", "data"], &[]);
    let never = thidua(&["check", "--data", "data", "--color", "never"], &[]);
    assert!(!ansi(&auto) && !ansi(&never));
    assert_eq!(auto.stdout, never.stdout);
    // Removing the escapes from the coloured text gives the plain text.
    assert_eq!(
        strip_ansi(&String::from_utf8_lossy(&always.stdout)),
        String::from_utf8_lossy(&auto.stdout)
    );
    // Machine formats are never coloured.
    for format in ["json", "github", "sarif"] {
        assert!(
            !ansi(&thidua(
                &["check", "--data", "data", "--color", "always", "--format", format],
                &[]
            )),
            "{format}"
        );
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// What GitHub code scanning requires of an uploaded log, and what thidua
/// promises on top: every result's rule is described, levels are SARIF's,
/// locations are relative to the checkout and carry the data folder.
#[test]
fn sarif_log_is_fit_for_code_scanning() {
    let out = thidua(
        &[
            "--lang", "en", "check", "--data", "data", "--format", "sarif",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0")),
        "{}",
        log["$schema"]
    );
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "thidua");
    assert!(driver["version"].as_str().is_some_and(|v| !v.is_empty()));
    if let Some(uri) = driver.get("informationUri") {
        assert!(
            uri.as_str().is_some_and(|u| u.starts_with("https://")),
            "{uri}"
        );
    }
    let rules = driver["rules"].as_array().expect("driver.rules");
    let mut ids = HashSet::new();
    for r in rules {
        let id = r["id"].as_str().expect("rule id");
        assert!(ids.insert(id), "rule {id} twice");
        assert!(
            r["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        assert!(
            r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{id}"
        );
        let level = r["defaultConfiguration"]["level"]
            .as_str()
            .expect("default level");
        assert!(
            ["none", "note", "warning", "error"].contains(&level),
            "{id}: {level}"
        );
    }
    for r in thidua::rules::registry() {
        assert!(
            ids.contains(r.id.as_str()),
            "registry rule {} missing from the log",
            r.id
        );
    }
    let results = runs[0]["results"].as_array().expect("results");
    let mut seen = Vec::new();
    for res in results {
        let id = res["ruleId"].as_str().expect("ruleId");
        let i = res["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], id, "ruleIndex points at the rule");
        assert!(
            ["note", "warning", "error"].contains(&res["level"].as_str().unwrap()),
            "{res}"
        );
        assert!(res["message"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        let locs = res["locations"].as_array().expect("locations");
        assert_eq!(locs.len(), 1);
        let phys = &locs[0]["physicalLocation"];
        let uri = phys["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri.starts_with("data/") && !uri.contains("//"), "{uri}");
        assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let line = phys["region"]["startLine"].as_u64().expect("startLine");
        assert!(line >= 1);
        seen.push((
            id.to_string(),
            res["level"].as_str().unwrap().to_string(),
            uri.to_string(),
            line,
        ));
    }
    // The same findings as the JSON output, in the same order.
    let json: Value = serde_json::from_slice(
        &thidua(&["check", "--data", "data", "--format", "json"], &[]).stdout,
    )
    .unwrap();
    let expected: Vec<(String, String, String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = format!("data/{}", d["file"].as_str().unwrap());
            (
                d["rule"].as_str().unwrap().into(),
                d["severity"].as_str().unwrap().into(),
                file,
                d["line"].as_u64().unwrap_or(1),
            )
        })
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(
        seen.iter().filter(|s| s.1 == "error").count() as u64,
        json["errors"].as_u64().unwrap()
    );
}

/// The github format's annotations name the same places as the JSON output,
/// with the data folder as given before each file.
#[test]
fn github_annotations_match_the_json_findings() {
    let json: Value = serde_json::from_slice(
        &thidua(&["check", "--data", "data", "--format", "json"], &[]).stdout,
    )
    .unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.len() >= 3);
    let abs = fixture().join("data");
    for data in ["data", "./data", abs.to_str().unwrap()] {
        let out = thidua(&["check", "--data", data, "--format", "github"], &[]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        let commands: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
        assert_eq!(commands.len(), diags.len(), "{text}");
        for (c, d) in commands.iter().zip(diags) {
            let head = format!(
                "::{} file=data/{},line={},title={}::",
                d["severity"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap_or(1),
                d["rule"].as_str().unwrap()
            );
            assert!(c.starts_with(&head), "{c}\nwanted {head}");
        }
        assert_eq!(
            text.lines().count(),
            commands.len() + 1,
            "one summary line at the end"
        );
    }
}

/// `THIDUA_TODAY` that is not a date stops the run (exit 2) and says so,
/// in the chosen language, rather than being ignored for the clock.
#[test]
fn an_invalid_thidua_today_is_an_error() {
    let env = thidua::env::Env::today("2026-02-30");
    for (lang, text) in [("en", "is not a date"), ("vi", "không phải một ngày")] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = ["thidua", "--lang", lang, "check", "--data", "data"];
        let code = thidua::run_in(&env, args, &mut out, &mut err);
        let err = String::from_utf8(err).unwrap();
        assert_eq!(code, thidua::EXIT_FAILURE, "{err}");
        assert!(err.contains("`2026-02-30`") && err.contains(text), "{err}");
        assert!(out.is_empty());
    }
}
