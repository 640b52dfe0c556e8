//! The README cannot lie: every `thidua …` line of its tour runs against a
//! copy of the repository's `data/` and `examples/`, and must succeed.

use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The commands of the README's shell blocks that start with `thidua `,
/// comments removed.
fn tour() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut in_sh = false;
    let mut cmds = Vec::new();
    // Lines continued with a trailing backslash are joined first.
    let joined = readme.replace("\\\n", " ");
    for line in joined.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if in_sh {
            if let Some(rest) = line.trim().strip_prefix("thidua ") {
                let cmd = rest.split(" #").next().unwrap_or(rest).trim();
                cmds.push(cmd.to_string());
            }
        }
    }
    cmds
}

/// Splits a command line on spaces, keeping `'quoted words'` together.
fn words(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in cmd.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn every_tour_command_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cmds = tour();
    assert!(cmds.len() >= 8, "the tour lost its commands: {cmds:?}");
    assert!(cmds.iter().any(|c| c.starts_with("report 2018")));
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root.join("data"), &work.path().join("data"));
    copy_dir(&root.join("examples"), &work.path().join("examples"));
    for cmd in &cmds {
        let out = Command::new(env!("CARGO_BIN_EXE_thidua"))
            .args(words(cmd))
            .current_dir(work.path())
            .env_remove("THIDUA_DATA")
            .env_remove("THIDUA_LANG")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "README command `thidua {cmd}` exited {:?}:\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
