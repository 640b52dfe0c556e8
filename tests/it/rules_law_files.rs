//! The law files (`law/*.toml`) and the code agree both ways, the code cites
//! no article of the law any more, and an edit of the law files is what
//! `thidua explain` and `docs/rules.md` print.

use std::path::{Path, PathBuf};

use thidua::diag::{Family, RuleId};
use thidua::i18n::Lang;
use thidua::rules::{self, tables, ThresholdId, WindowId};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn law_file(name: &str) -> String {
    std::fs::read_to_string(root().join("law").join(name)).unwrap()
}

fn parse_with_rules(rules_toml: &str) -> tables::Law {
    tables::parse(
        &law_file("windows.toml"),
        rules_toml,
        &law_file("thresholds.toml"),
        &law_file("authority.toml"),
    )
    .unwrap()
}

#[test]
fn files_and_enums_agree_both_ways() {
    let law = rules::law_tables();
    assert_eq!(law.error, None);
    let from_files: Vec<RuleId> = law.rules.iter().map(|r| r.info.id).collect();
    let declared: Vec<RuleId> = RuleId::ALL
        .iter()
        .copied()
        .filter(|r| r.family() == Family::Law)
        .collect();
    assert_eq!(
        from_files, declared,
        "every law rule has a table, and no more"
    );
    let windows: Vec<WindowId> = law.windows.iter().map(|(_, w)| w.id).collect();
    assert_eq!(windows, WindowId::ALL);
    let ths: Vec<ThresholdId> = law.thresholds.iter().map(|t| t.id).collect();
    assert_eq!(ths, ThresholdId::ALL);
    for t in &law.thresholds {
        assert!(!t.windows.is_empty(), "{}: belongs to no window", t.name);
    }
    // Every rule has a slot in every window (the parser refuses a missing
    // one); show it on a copy without one.
    let text = law_file("rules.toml");
    let cut = text.replacen("law2026 = \"n/a\"\n", "", 1);
    assert_ne!(cut, text, "some rule is n/a in law2026");
    let err = tables::parse(
        &law_file("windows.toml"),
        &cut,
        &law_file("thresholds.toml"),
        &law_file("authority.toml"),
    )
    .unwrap_err();
    assert!(err.contains("window law2026: no slot"), "{err}");
}

/// Every `kebab-case` name in backticks in a rule's texts is a rule, a
/// threshold, or one of the few settings keys.
#[test]
fn every_name_in_the_texts_exists() {
    const SETTINGS: [&str; 4] = [
        "records-from",
        "require-evidence",
        "cstdcs-ratio-scope",
        "cstdcs-ratio-percent",
    ];
    let mut problems = Vec::new();
    for r in rules::law_table() {
        for text in [r.info.explanation.vi, r.info.explanation.en] {
            for (i, chunk) in text.split('`').enumerate() {
                let named = i % 2 == 1
                    && chunk.contains('-')
                    && chunk
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if named
                    && RuleId::parse(chunk).is_none()
                    && ThresholdId::parse(chunk).is_none()
                    && !SETTINGS.contains(&chunk)
                {
                    problems.push(format!("{}: `{chunk}`", r.info.id));
                }
            }
        }
    }
    for t in rules::thresholds() {
        let named =
            rules::law_table().any(|r| r.info.explanation.en.contains(&format!("`{}`", t.name)));
        if !named {
            problems.push(format!("threshold {} is named by no rule", t.name));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The law's articles are cited in `law/`, never in a Rust literal.
#[test]
fn no_source_file_cites_an_article() {
    let pattern = regex_lite(&["Điều ", "Art. ", "Art ", "NĐ ", "TT ", "Chương ", "khoản "]);
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if pattern(code) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, code));
            }
        }
    }
    assert!(found.is_empty(), "citations in code:\n{}", found.join("\n"));
}

/// True when `line` holds one of `prefixes` followed by a digit or a Roman
/// numeral (`Điều 24`, `NĐ 91/2017`, `Chương IV`).
fn regex_lite(prefixes: &'static [&'static str]) -> impl Fn(&str) -> bool {
    move |line: &str| {
        prefixes.iter().any(|p| {
            line.match_indices(p).any(|(i, _)| {
                line[i + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
            })
        })
    }
}

#[test]
fn the_scan_would_see_a_citation() {
    let scan = regex_lite(&["Điều ", "NĐ ", "Chương "]);
    assert!(scan(r#"err("Luật TĐKT 2022, Điều 24 khoản 1"),"#));
    assert!(scan(r#"x = "NĐ 91/2017/NĐ-CP""#));
    assert!(!scan(r#"let d = "Điều kiện";"#));
}

/// Changing one article number in `law/rules.toml` changes what `thidua
/// explain` and `docs/rules.md` say, and nothing in the code has to change.
#[test]
fn editing_an_article_changes_explain_and_docs() {
    let text = law_file("rules.toml");
    let original = "law2022-nd98 = { level = \"error\", cite = [{ in = \"luat-tdkt-2022\", article = \"24\", clause = 1 }] }";
    assert!(text.contains(original), "ldtt-rating's 2024 citation moved");
    let edited = text.replacen(original, &original.replace("\"24\"", "\"42\""), 1);
    let before = parse_with_rules(&text);
    let after = parse_with_rules(&edited);

    let explain = |law: &tables::Law| {
        let r = law
            .rules
            .iter()
            .find(|r| r.info.id == RuleId::LdttRating)
            .unwrap();
        let mut out = Vec::new();
        thidua::commands::explain::write_rule(&mut out, Lang::En, &r.info, Some(r)).unwrap();
        String::from_utf8(out).unwrap()
    };
    let (e1, e2) = (explain(&before), explain(&after));
    assert!(
        e1.contains("law2022-nd98   error                    Luật TĐKT 2022, Điều 24 khoản 1"),
        "{e1}"
    );
    assert!(
        e2.contains("law2022-nd98   error                    Luật TĐKT 2022, Điều 42 khoản 1"),
        "{e2}"
    );
    assert!(
        e2.contains("Legal basis:") && e2.contains("Luật TĐKT 2022, Điều 42 khoản 1;"),
        "{e2}"
    );

    let (d1, d2) = (
        rules::docs::render_law(&before),
        rules::docs::render_law(&after),
    );
    assert_eq!(
        d1,
        rules::docs::render(),
        "the files on disk are the embedded ones"
    );
    assert!(d2.contains("| `law2022-nd98` | error | Luật TĐKT 2022, Điều 42 khoản 1 |"));
    let changed: Vec<_> = d1.lines().zip(d2.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(
        changed.len(),
        2,
        "the window row and the derived legal basis: {changed:#?}"
    );
}
