//! The whole `check --format json` output, in both languages, of the bundled
//! `data/` and of every fixture folder, compared with snapshots stored under
//! `tests/snapshots/check-json/`. The snapshots were taken before the law
//! moved into data files (issue 15), so a refactoring that changes any
//! finding's rule, severity, file, line or message fails here.
//!
//! Regenerate (only when a change of findings is intended) with
//! `THIDUA_BLESS=1 cargo test --test it check_snapshots`.

use std::path::{Path, PathBuf};

/// The names that make a directory a data folder.
const MARKERS: &[&str] = &[
    "thidua.toml",
    "campaigns.toml",
    "campaigns.csv",
    "units.csv",
    "units.toml",
    "people.csv",
    "people.toml",
    "evaluations.csv",
    "evaluations",
    "awards.csv",
    "awards",
    "proposals.csv",
    "proposals",
];

pub(crate) fn data_folders(dir: &Path, out: &mut Vec<PathBuf>) {
    if MARKERS.iter().any(|m| dir.join(m).exists()) {
        out.push(dir.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => return,
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            data_folders(&p, out);
        }
    }
}

fn check_json(dir: &Path, lang: &str) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    // Every "today" in the fixtures is relative to this day.
    let code = thidua::run_in(
        &thidua::env::Env::today("2026-12-02"),
        [
            "thidua",
            "--lang",
            lang,
            "--data",
            dir.to_str().unwrap(),
            "check",
            "--format",
            "json",
        ],
        &mut out,
        &mut err,
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = String::from_utf8_lossy(&out).replace(root.to_str().unwrap(), "<root>");
    format!("exit {code}\n{text}")
}

#[test]
fn check_json_is_unchanged_on_every_fixture() {
    let stale = stale_snapshots();
    assert!(
        stale.is_empty(),
        "check --format json changed for {} folder(s): {}\n(regenerate with THIDUA_BLESS=1 only if the change is intended)",
        stale.len(),
        stale.join(", ")
    );
}

/// The folders whose fresh output differs from the stored snapshot.
fn stale_snapshots() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("data")];
    data_folders(&root.join("tests/fixtures"), &mut folders);
    assert!(folders.len() > 50, "only {} folders found", folders.len());
    let snap_dir = root.join("tests/snapshots/check-json");
    let bless = std::env::var_os("THIDUA_BLESS").is_some_and(|v| !v.is_empty());
    let mut stale = Vec::new();
    for dir in &folders {
        let rel = dir.strip_prefix(root).unwrap().to_str().unwrap();
        let name = rel.replace('/', "__");
        for lang in ["vi", "en"] {
            let fresh = check_json(dir, lang);
            let path = snap_dir.join(format!("{name}.{lang}.json"));
            if bless {
                std::fs::create_dir_all(&snap_dir).unwrap();
                std::fs::write(&path, &fresh).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
                stale.push(format!("{rel} ({lang})"));
            }
        }
    }
    stale
}
