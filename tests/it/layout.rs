//! The layering issue 15 asks for, held in code: the rules import nothing
//! from the loader, neither the rules nor the loader render text (no
//! language reaches them), and no function under `src/` is longer than 150
//! lines.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src(sub: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(sub);
    let files = if root.is_dir() {
        sources(&root)
    } else {
        vec![root]
    };
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read source");
            (p, text)
        })
        .collect()
}

/// The code of a file before its unit tests.
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

fn offenders(files: &[(PathBuf, String)], bad: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        for (n, line) in code(text).lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            if bad.iter().any(|b| line.contains(b)) {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn the_rules_import_nothing_from_the_loader() {
    let found = offenders(&src("rules"), &["crate::load", "super::load"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_loader_the_rules_and_the_engine_render_no_text() {
    let mut files = src("load");
    // `docs.rs` and `tables.rs` write `docs/rules.md` and `explain`: output.
    files.extend(
        src("rules")
            .into_iter()
            .filter(|(p, _)| !p.ends_with("docs.rs") && !p.ends_with("tables.rs")),
    );
    files.extend(src("engine.rs"));
    files.extend(src("cache"));
    let found = offenders(&files, &["tr!(", "lang.t(", ".render(", "Lang::"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn no_function_under_src_is_longer_than_150_lines() {
    let mut long = Vec::new();
    for (path, text) in src("") {
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let l = lines[i].trim_start();
            let is_fn = (l.starts_with("fn ")
                || l.starts_with("pub fn ")
                || l.starts_with("pub(crate) fn ")
                || l.starts_with("pub(super) fn "))
                && !l.ends_with(';');
            if !is_fn {
                i += 1;
                continue;
            }
            let indent = lines[i].len() - l.len();
            let close = " ".repeat(indent) + "}";
            let end = (i + 1..lines.len())
                .find(|&j| lines[j] == close || (lines[i].trim_end().ends_with('}') && j == i + 1));
            let end = end.unwrap_or(i);
            if end - i + 1 > 150 {
                long.push(format!(
                    "{}:{} ({} lines)",
                    path.display(),
                    i + 1,
                    end - i + 1
                ));
            }
            i += 1;
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}
