//! The README cannot lie: every `thidua …` line of its tour runs against a
//! copy of the repository's `data/` and `examples/`, and must succeed.

use std::path::Path;

use crate::support::{copy_dir, words};

/// The commands of the README's shell blocks that start with `thidua `.
fn tour() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    crate::support::documented_commands(&readme, &["sh"])
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
        let out = crate::support::thidua()
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
