//! The CI examples shipped for users' data repositories are exercised: the
//! GitHub workflow's thidua commands and the pre-commit hook's entry run
//! against a real data folder laid out as a data repository would be.

use std::path::{Path, PathBuf};
use std::process::Output;

fn thidua(dir: &Path, args: &[&str]) -> Output {
    crate::support::thidua()
        .args(args)
        .current_dir(dir)
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .output()
        .expect("run thidua")
}

/// A repository with a fresh `data/` folder made by `thidua init`.
fn data_repo() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let out = thidua(repo.path(), &["init", "data"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    repo
}

/// The `thidua …` commands of the workflow's `run:` steps, shell redirections removed.
fn workflow_commands() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/thidua-check.yml"),
    )
    .unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("run: thidua "))
        .map(|cmd| {
            let cmd = cmd.split(['>', '|']).next().unwrap_or(cmd);
            cmd.split_whitespace().map(str::to_string).collect()
        })
        .collect()
}

#[test]
fn workflow_commands_pass_on_clean_data_and_annotate_problems() {
    let cmds = workflow_commands();
    assert!(
        cmds.iter().any(|c| c.join(" ").contains("--format github")),
        "{cmds:?}"
    );
    assert!(
        cmds.iter().any(|c| c.join(" ").contains("--format sarif")),
        "{cmds:?}"
    );
    let repo = data_repo();
    for cmd in &cmds {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let out = thidua(repo.path(), &args);
        assert!(
            out.status.success(),
            "`thidua {}` failed: {}",
            cmd.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A broken reference makes the github step fail with an annotation on the file.
    let awards = repo.path().join("data/awards.csv");
    let text = std::fs::read_to_string(&awards)
        .unwrap()
        .replace("KT-2025-001,2025,P-001", "KT-2025-001,2025,P-404");
    std::fs::write(&awards, text).unwrap();
    let github = cmds
        .iter()
        .find(|c| c.join(" ").contains("--format github"))
        .unwrap();
    let args: Vec<&str> = github.iter().map(String::as_str).collect();
    let out = thidua(repo.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("::error ")
            && l.contains("data/awards.csv")
            && l.contains("line=2")),
        "{stdout}"
    );
}

#[test]
fn pre_commit_hook_entry_checks_the_data_folder() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let field = |name: &str| {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .find_map(|l| {
                l.trim()
                    .trim_start_matches("- ")
                    .strip_prefix(&format!("{name}:"))
                    .map(|v| v.trim().to_string())
            })
            .unwrap_or_else(|| panic!("no `{name}` in the hook"))
    };
    assert_eq!(field("id"), "thidua-check");
    assert_eq!(field("language"), "rust");
    assert_eq!(field("pass_filenames"), "false");
    let entry = field("entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("thidua"));
    let args: Vec<&str> = words.collect();
    let repo = data_repo();
    let out = thidua(repo.path(), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::write(repo.path().join("data/award.csv"), "id\n").unwrap();
    let out = thidua(repo.path(), &[&args[..], &["--deny-warnings"]].concat());
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unknown file is a warning, denied"
    );
}
