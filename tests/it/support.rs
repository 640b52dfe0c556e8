//! What the test modules share now that they run in one process.

use std::sync::{Mutex, MutexGuard};

/// The process environment is shared by every test of this binary. Tests
/// give `thidua::run_in` their own environment rather than set variables;
/// the few that must change the process's (to start children from a known
/// one) hold this lock while they do.
pub fn env_lock() -> MutexGuard<'static, ()> {
    static ENV: Mutex<()> = Mutex::new(());
    ENV.lock().unwrap_or_else(|e| e.into_inner())
}

/// The engine's outcome for `dir` (in English, as of today by the clock),
/// with or without the law's rules.
pub fn engine(dir: &std::path::Path, law: bool) -> thidua::engine::Checked {
    engine_in(dir, law, None)
}

/// The engine's outcome for `dir` with the law judging only `years`.
pub fn engine_years(dir: &std::path::Path, years: &[u16]) -> thidua::engine::Checked {
    engine_in(dir, true, Some(years))
}

fn engine_in(
    dir: &std::path::Path,
    law: bool,
    law_years: Option<&[u16]>,
) -> thidua::engine::Checked {
    let input = thidua::engine::EngineInput {
        root: dir,
        today: thidua::env::clock_today(),
        law,
        law_years,
    };
    thidua::engine::run(&input, &mut thidua::load::Progress::hidden())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Copies the folder `from` into `to`, recursively (tests work on copies of
/// the bundled `data/` and `examples/`).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

/// The arguments of every `thidua …` line (or PowerShell's `.\thidua …`)
/// in a document's code blocks fenced with one of `fences`, comments
/// removed, lines continued with a backslash joined, in order.
pub fn documented_commands(text: &str, fences: &[&str]) -> Vec<String> {
    let joined = text.replace("\\\n", " ");
    let mut in_shell = false;
    let mut cmds = Vec::new();
    for line in joined.lines() {
        if let Some(fence) = line.strip_prefix("```") {
            in_shell = fences.contains(&fence);
            continue;
        }
        if !in_shell {
            continue;
        }
        let line = line.trim();
        let rest = line
            .strip_prefix("thidua ")
            .or_else(|| line.strip_prefix(".\\thidua "));
        if let Some(rest) = rest {
            let cmd = rest.split(" #").next().unwrap_or(rest).trim();
            cmds.push(cmd.to_string());
        }
    }
    cmds
}

/// Splits a command line on spaces, keeping quoted words (`'…'` or `"…"`)
/// together.
pub fn words(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in cmd.chars() {
        match c {
            '"' | '\'' => quoted = !quoted,
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

/// A copy of the bundled `data/` folder, to break or to write into.
pub fn copy_of_bundled_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    dir
}

/// The `thidua` binary as a command to spawn, with the snapshot cache off:
/// a test never writes into the real user's cache directory (the cache's
/// own tests point `THIDUA_CACHE_DIR` at a temporary folder instead).
pub fn thidua() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"));
    cmd.env("THIDUA_NO_CACHE", "1");
    cmd
}

/// [`thidua::run`] in this process, with the environment of the process but
/// the snapshot cache off, for the same reason as [`thidua()`].
pub fn run<I, T>(args: I, out: &mut dyn std::io::Write, err: &mut dyn std::io::Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let env = thidua::env::Env {
        cache_dir: None,
        ..thidua::env::Env::from_process()
    };
    thidua::run_in(&env, args, out, err)
}
