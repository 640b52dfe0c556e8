//! `--format sarif`: one SARIF 2.1.0 log for GitHub code scanning (and any
//! SARIF viewer). The driver lists every rule of the registry with its
//! summary, explanation and default level; each diagnostic is a result
//! pointing at the repository's file (the data folder prefixed, relative to
//! `%SRCROOT%`, the checkout) and line.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::CheckOutput;
use crate::diag::{Diagnostic, Level, RuleId, Severity};
use crate::rules::registry;

/// The SARIF version written, and its schema.
pub const VERSION: &str = "2.1.0";
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base that relative artifact URIs are resolved against.
pub const SRCROOT: &str = "%SRCROOT%";

pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &log(out))?;
    writeln!(w)?;
    w.flush()
}

/// The SARIF log of one check run.
pub fn log(out: &CheckOutput<'_>) -> Value {
    let lang = out.lang;
    let mut rules: Vec<Value> = Vec::new();
    let mut index: HashMap<RuleId, usize> = HashMap::new();
    for r in registry() {
        index.insert(r.id, rules.len());
        let mut rule = json!({
            "id": r.id,
            "shortDescription": {"text": r.summary.get(lang)},
            "fullDescription": {"text": r.explanation.get(lang)},
            "help": {"text": r.explanation.get(lang)},
            "defaultConfiguration": {"level": level(r.default)},
            "properties": {"tags": [r.family.as_str()]},
        });
        if !r.citation.is_empty() {
            rule["properties"]["citation"] = json!(r.citation);
        }
        rules.push(rule);
    }
    // A rule that reports without being registered is a slip elsewhere; the
    // log stays valid by describing it from its id.
    for d in out.diagnostics.iter() {
        if let std::collections::hash_map::Entry::Vacant(e) = index.entry(d.rule) {
            e.insert(rules.len());
            rules.push(json!({"id": d.rule, "shortDescription": {"text": d.rule}, "defaultConfiguration": {"level": severity(d.severity)}}));
        }
    }
    let results: Vec<Value> = out
        .diagnostics
        .iter()
        .map(|d| result(out, &d, index[&d.rule]))
        .collect();
    let mut driver = json!({
        "name": "thidua",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    });
    if let Some(uri) = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
    {
        driver["informationUri"] = json!(uri);
    }
    json!({
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn result(out: &CheckOutput<'_>, d: &Diagnostic, rule_index: usize) -> Value {
    let lang = out.lang;
    let mut text = d.message.render(lang);
    if !d.citation.is_empty() {
        text.push_str(&format!("\n{}: {}", lang.t("check.law"), d.citation));
    }
    if let Some(h) = &d.help {
        text.push_str(&format!("\n{}: {}", lang.t("check.help"), h.render(lang)));
    }
    let mut m = Map::new();
    m.insert("ruleId".into(), json!(d.rule));
    m.insert("ruleIndex".into(), json!(rule_index));
    m.insert("level".into(), json!(severity(d.severity)));
    m.insert("message".into(), json!({"text": text}));
    if let Some(file) = &d.file {
        // A finding about a whole file is shown on its first line.
        m.insert(
            "locations".into(),
            json!([location(out, file, d.line.unwrap_or(1))]),
        );
    }
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut loc = location(out, &r.file, r.line);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({"text": r.note.render(lang)});
                loc
            })
            .collect();
        m.insert("relatedLocations".into(), Value::Array(related));
    }
    let mut props = Map::new();
    if let Some(r) = &d.record {
        props.insert("record".into(), json!(r));
    }
    if let Some(c) = &d.cell {
        props.insert("cell".into(), json!(c));
    }
    if !props.is_empty() {
        m.insert("properties".into(), Value::Object(props));
    }
    Value::Object(m)
}

fn location(out: &CheckOutput<'_>, file: &str, line: u32) -> Value {
    let path = out.repo_path(file);
    let artifact = if path.starts_with('/') {
        json!({"uri": format!("file://{}", encode_uri_path(&path))})
    } else {
        json!({"uri": encode_uri_path(&path), "uriBaseId": SRCROOT})
    };
    json!({"physicalLocation": {"artifactLocation": artifact, "region": {"startLine": line.max(1)}}})
}

/// Percent-encodes a `/`-separated path for a URI reference: everything but
/// unreserved characters and `/` (Vietnamese file names become UTF-8 escapes).
pub fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Off => "none",
        Level::Warning => "warning",
        Level::Error => "error",
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::rules::Coverage;

    fn log_of(diags: &[Diagnostic], root: &str) -> Value {
        let coverage = Coverage::default();
        let out = CheckOutput {
            wrap: None,
            diagnostics: crate::rules::findings::Findings::of(diags),
            errors: 0,
            warnings: 0,
            coverage: &coverage,
            records: 0,
            files: 0,
            lang: Lang::En,
            color: false,
            root_display: root.to_string(),
        };
        let mut buf = Vec::new();
        write(&mut buf, &out).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn results_point_at_repository_files_and_registered_rules() {
        let diags = vec![
            Diagnostic::new(RuleId::DuplicateId, "id `A-1` is used twice")
                .at("awards/Quyết định 1.csv", Some(7))
                .related("awards/2018.csv", 3, "first defined here")
                .record("A-1"),
            Diagnostic::new(RuleId::UnknownFile, "x").at("award.csv", None),
            Diagnostic::new(RuleId::ParseError, "y").at("units.csv", Some(2)),
        ];
        let log = log_of(&diags, "data");
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), registry().len());
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        for r in results {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
        let loc = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(
            loc["artifactLocation"]["uri"],
            "data/awards/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201.csv"
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], SRCROOT);
        assert_eq!(loc["region"]["startLine"], 7);
        assert_eq!(
            results[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
            3
        );
        assert_eq!(results[0]["properties"]["record"], "A-1");
        assert_eq!(results[1]["level"], "warning");
        assert_eq!(
            results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
            1
        );
    }

    #[test]
    fn files_outside_the_current_folder_are_file_uris() {
        let diags = vec![Diagnostic::new(RuleId::ParseError, "x").at("units.csv", Some(2))];
        let log = log_of(&diags, "/srv/hồ sơ");
        let art =
            &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(art["uri"], "file:///srv/h%E1%BB%93%20s%C6%A1/units.csv");
        assert!(art.get("uriBaseId").is_none());
    }
}
