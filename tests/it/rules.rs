//! The law's rules, driven through the whole pipeline (`thidua check --format
//! json`) on the small data folders under `tests/fixtures/rules/<rule>/<case>/`.
//!
//! Each folder holds an `expected.txt`: one line per expected finding,
//! `RULE SEVERITY FILE:LINE`, and `unchecked RULE COUNT` for the coverage. An
//! optional `rules: a b` line limits the comparison to those rules (a fixture
//! about one rule need not satisfy every other); without it every law rule's
//! findings are compared. Structural findings are never allowed: a fixture
//! must be well-formed data.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;
use thidua::diag::{Family, Level};
use thidua::model::Date;
use thidua::rules::{self, windows};

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Every `<rule>/<case>` folder.
fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for rule in std::fs::read_dir(fixtures_root()).expect("fixtures folder") {
        let rule = rule.unwrap().path();
        if !rule.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&rule).unwrap() {
            let case = case.unwrap().path();
            if case.is_dir() {
                out.push((
                    rule.file_name().unwrap().to_string_lossy().into_owned(),
                    case,
                ));
            }
        }
    }
    out.sort();
    out
}

/// `thidua check --format json` on `dir`.
fn check_json(dir: &Path, lang: &str) -> Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = [
        "thidua",
        "--lang",
        lang,
        "check",
        "--format",
        "json",
        "--data",
        dir.to_str().unwrap(),
    ];
    let code = crate::support::run(args, &mut out, &mut err);
    assert!(
        code == 0 || code == 1,
        "{}: exit {code}: {}",
        dir.display(),
        String::from_utf8_lossy(&err)
    );
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{}: bad JSON: {e}", dir.display()))
}

struct Expected {
    rules: Option<BTreeSet<String>>,
    /// Sorted; a finding expected twice is listed twice.
    lines: Vec<String>,
}

fn expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap_or_else(|_| panic!("{}: no expected.txt", dir.display()));
    let mut rules = None;
    let mut lines = Vec::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(list) = line.strip_prefix("rules:") {
            rules = Some(list.split_whitespace().map(String::from).collect());
        } else {
            lines.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    lines.sort();
    Expected { rules, lines }
}

fn is_structural(rule: &str) -> bool {
    rules::find(rule).is_some_and(|r| r.family != Family::Law)
}

/// The findings and coverage of `json` as expected.txt lines, limited to `rules`.
fn actual(json: &Value, rules: &Option<BTreeSet<String>>) -> (Vec<String>, Vec<String>) {
    let keep = |rule: &str| rules.as_ref().is_none_or(|r| r.contains(rule));
    let mut lines = Vec::new();
    let mut structural = Vec::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap();
        let place = format!(
            "{}:{}",
            d["file"].as_str().unwrap_or("-"),
            d["line"].as_u64().unwrap_or(0)
        );
        if is_structural(rule) {
            structural.push(format!("{rule} {place}: {}", d["message"]));
        } else if keep(rule) {
            lines.push(format!(
                "{rule} {} {place}",
                d["severity"].as_str().unwrap()
            ));
        }
    }
    for (rule, n) in json["unchecked"].as_object().unwrap() {
        if keep(rule) {
            lines.push(format!("unchecked {rule} {n}"));
        }
    }
    lines.sort();
    (lines, structural)
}

#[test]
fn fixtures_give_the_expected_findings() {
    let mut failures = Vec::new();
    let all = cases();
    assert!(!all.is_empty());
    for (_, dir) in &all {
        let exp = expected(dir);
        let json = check_json(dir, "en");
        let (got, structural) = actual(&json, &exp.rules);
        let name = dir
            .strip_prefix(fixtures_root())
            .unwrap()
            .display()
            .to_string();
        if !structural.is_empty() {
            failures.push(format!(
                "{name}: structural findings:\n  {}",
                structural.join("\n  ")
            ));
        }
        if got != exp.lines {
            let missing: Vec<_> = exp.lines.iter().filter(|l| !got.contains(l)).collect();
            let extra: Vec<_> = got.iter().filter(|l| !exp.lines.contains(l)).collect();
            failures.push(format!(
                "{name}:\n  missing: {missing:?}\n  unexpected: {extra:?}\n  got: {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The decision date of every award and proposal of a fixture, by id.
fn record_dates(dir: &Path) -> HashMap<String, Date> {
    let ds = crate::support::engine(dir, false).dataset;
    let mut out: HashMap<String, Date> = ds
        .awards
        .iter()
        .map(|a| (ds.str(a.id).to_string(), a.decision_date))
        .collect();
    for p in &ds.proposals {
        if let Some(d) = p.effective_date() {
            out.insert(ds.str(p.id).to_string(), d);
        }
    }
    out
}

/// Every law rule (but `missing-evidence`, which judges nothing itself) has
/// fixtures where it is checked and satisfied: more records checked than found
/// wanting.
#[test]
fn every_law_rule_is_also_satisfied_somewhere() {
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    let mut found: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, dir) in cases() {
        let outcome = crate::support::engine(&dir, true);
        let (coverage, law) = (outcome.coverage, outcome.law);
        for (id, c) in &coverage.rules {
            *checked.entry(id).or_default() += c.checked;
        }
        for d in law.diagnostics(&outcome.dataset) {
            *found.entry(d.rule.as_str()).or_default() += 1;
        }
    }
    let mut problems = Vec::new();
    for law in rules::law_table().filter(|r| r.info.id.as_str() != "missing-evidence") {
        let id = law.info.id.as_str();
        let (c, f) = (
            checked.get(id).copied().unwrap_or(0),
            found.get(id).copied().unwrap_or(0),
        );
        if c <= f {
            problems.push(format!(
                "{id}: {c} checked, {f} found wanting: no fixture satisfies it"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every law rule has fixtures that break it in every window where it is on
/// by default, a citation for each window, and an explanation in both
/// languages that says what, why, the law, an example and the fix.
#[test]
fn every_law_rule_has_fixtures_citation_and_explanation() {
    let all = cases();
    // Windows in which each rule was seen to fire.
    let mut fired: BTreeMap<String, BTreeSet<windows::WindowId>> = BTreeMap::new();
    for (_, dir) in &all {
        let json = check_json(dir, "en");
        let dates = record_dates(dir);
        for d in json["diagnostics"].as_array().unwrap() {
            let rule = d["rule"].as_str().unwrap().to_string();
            if let Some(date) = d["record"].as_str().and_then(|r| dates.get(r)) {
                fired.entry(rule).or_default().insert(windows::at(*date));
            }
        }
    }
    let mut problems = Vec::new();
    for law in rules::law_table() {
        let info = &law.info;
        let id = info.id.as_str();
        assert_eq!(info.family, Family::Law);
        if !all.iter().any(|(r, _)| r == id) {
            problems.push(format!(
                "{id}: no fixture folder tests/fixtures/rules/{id}/<case>/"
            ));
        }
        if info.citation.trim().is_empty() {
            problems.push(format!("{id}: no citation"));
        }
        for (w, applies) in law.windows.iter() {
            let Some(a) = applies else { continue };
            if a.citation.trim().is_empty() {
                problems.push(format!("{id}: no citation in {w}"));
            }
        }
        for (w, applies) in law.windows.iter() {
            let on = applies.is_some_and(|a| a.level != Level::Off);
            if on && !fired.get(id).is_some_and(|s| s.contains(&w)) {
                problems.push(format!("{id}: no fixture breaks it in window {w}"));
            }
        }
        if !fired.contains_key(id) {
            problems.push(format!("{id}: no fixture makes it fire"));
        }
        let newest = law
            .windows
            .iter()
            .rev()
            .find_map(|(_, a)| a.map(|a| a.level));
        if newest != Some(info.default) {
            problems.push(format!(
                "{id}: default {} is not the newest window's level {newest:?}",
                info.default
            ));
        }
        for (text, parts) in [
            (
                info.explanation.vi,
                ["Kiểm tra:", "Vì sao:", "Căn cứ:", "Ví dụ:", "Cách sửa:"],
            ),
            (
                info.explanation.en,
                ["Checks:", "Why:", "Law:", "Example:", "Fix:"],
            ),
        ] {
            for p in parts {
                if !text.contains(p) {
                    problems.push(format!("{id}: explanation lacks `{p}`"));
                }
            }
        }
        if info.summary.vi.trim().is_empty() || info.summary.en.trim().is_empty() {
            problems.push(format!("{id}: no summary"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
