//! The Vietnamese user guide (`docs/huong-dan.md`) cannot lie either: every
//! `thidua …` line of its ```sh and ```powershell blocks runs, in order,
//! against a copy of the repository's `data/` and `examples/`, and may find
//! problems (exit 1) but never fail to run (exit 2). The guide also names every
//! subcommand `thidua --help` lists, but for those left out on purpose.

use std::path::Path;

use crate::support::{copy_dir, words};

/// Subcommands the guide does not teach: `help` is clap's own, and shell
/// completions and the man page are for the people who install thidua, not
/// for the clerk (the README covers them when they exist).
const LEFT_OUT: &[&str] = &["help", "completions", "man"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn guide() -> String {
    std::fs::read_to_string(root().join("docs/huong-dan.md")).unwrap()
}

/// The arguments of every `thidua …` (or PowerShell's `.\thidua …`) line of
/// the guide's shell blocks, in the order they appear.
fn commands(text: &str) -> Vec<String> {
    crate::support::documented_commands(text, &["sh", "powershell"])
}

fn thidua(dir: &Path, args: &[String]) -> std::process::Output {
    crate::support::thidua()
        .args(args)
        .current_dir(dir)
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

#[test]
fn every_guide_command_runs() {
    let cmds = commands(&guide());
    assert!(cmds.len() >= 20, "the guide lost its commands: {cmds:?}");
    for must in ["init hoso", "check", "report 2018", "import ", "explain "] {
        assert!(
            cmds.iter().any(|c| c.starts_with(must)),
            "the guide no longer runs `thidua {must}…`: {cmds:?}"
        );
    }
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &work.path().join("data"));
    copy_dir(&root().join("examples"), &work.path().join("examples"));
    for cmd in &cmds {
        let out = thidua(work.path(), &words(cmd));
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "guide command `thidua {cmd}` exited {:?}:\n{}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // What the guide says the exports write, they write.
    for file in ["tong-ket-2018.xlsx", "tong-ket-2018.html", "bang-2018"] {
        assert!(work.path().join(file).exists(), "{file} was not written");
    }
}

/// The subcommands `thidua --help` lists: the indented lines of its first
/// section after the usage line, whatever language the headings are in.
fn subcommands() -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let out = thidua(tmp.path(), &["--help".to_string()]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    let mut names = Vec::new();
    let mut section = 0;
    for line in help.lines() {
        if !line.starts_with(' ') && line.ends_with(':') {
            section += 1;
            continue;
        }
        if section != 1 {
            continue;
        }
        let Some(rest) = line.strip_prefix("  ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.is_empty() && !rest.starts_with('-') {
            names.push(name);
        }
    }
    names
}

#[test]
fn the_guide_names_every_subcommand() {
    let subs = subcommands();
    for known in ["check", "report", "import", "rules", "explain", "init"] {
        assert!(
            subs.iter().any(|s| s == known),
            "could not read `{known}` from `thidua --help`: {subs:?}"
        );
    }
    let text = guide();
    let missing: Vec<_> = subs
        .iter()
        .filter(|s| !LEFT_OUT.contains(&s.as_str()))
        .filter(|s| !text.contains(&format!("`{s}`")) && !text.contains(&format!("thidua {s}")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/huong-dan.md does not mention {missing:?}; teach them, or add them to LEFT_OUT with a reason"
    );
}

#[test]
fn the_guide_does_not_teach_commands_that_do_not_exist() {
    let subs = subcommands();
    for cmd in commands(&guide()) {
        let first = words(&cmd)
            .into_iter()
            .find(|w| !w.starts_with('-') && w != "en" && w != "vi")
            .unwrap_or_default();
        assert!(
            cmd.starts_with("--version") || cmd.starts_with("--help") || subs.contains(&first),
            "the guide runs `thidua {cmd}`, but `{first}` is not a subcommand"
        );
    }
}

/// The short guide `init` writes into a new folder points to the full one, and
/// the two commands it gives for the folder itself (run from inside it) work.
#[test]
fn the_new_folder_readme_leads_to_the_guide() {
    let tmp = tempfile::tempdir().unwrap();
    let out = thidua(tmp.path(), &words("init hoso"));
    assert!(out.status.success());
    let dir = tmp.path().join("hoso");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    assert!(readme.contains("docs/huong-dan.md"), "{readme}");
    for cmd in ["check --data .", "report 2025 --data ."] {
        assert!(readme.contains(&format!("`thidua {cmd}`")), "{readme}");
        let out = thidua(&dir, &words(cmd));
        assert_eq!(
            out.status.code(),
            Some(0),
            "`thidua {cmd}` in a new folder:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
