//! The import example (`examples/import/`): the commands of its `import.sh`
//! run against a copy of its data folder; the list goes in, the folder checks
//! clean, and running the import again changes nothing.

use crate::support::copy_dir;

use std::path::{Path, PathBuf};
use std::process::Output;

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import")
}

fn files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

/// The `thidua …` lines of `import.sh`, split into arguments.
fn commands() -> Vec<Vec<String>> {
    let script = std::fs::read_to_string(example_dir().join("import.sh")).unwrap();
    let cmds: Vec<Vec<String>> = script
        .lines()
        .filter_map(|l| l.trim().strip_prefix("thidua "))
        .map(|c| c.split_whitespace().map(str::to_string).collect())
        .collect();
    assert_eq!(cmds.len(), 2, "import.sh should import, then check");
    cmds
}

fn thidua(dir: &Path, args: &[String]) -> Output {
    crate::support::thidua()
        .args(args)
        .current_dir(dir)
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .output()
        .unwrap()
}

#[test]
fn the_example_imports_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&example_dir(), tmp.path());
    let cmds = commands();
    let out = thidua(tmp.path(), &cmds[0]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let awards =
        std::fs::read_to_string(tmp.path().join("data/awards/danh-sach-giay-khen-2024.csv"))
            .unwrap();
    let people: Vec<&str> = awards
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(
        people,
        ["GV-001", "GV-002", "GV-003", "danh-sach-giay-khen-2024-p11"],
        "{awards}"
    );
    assert!(
        awards
            .lines()
            .skip(1)
            .all(|l| l.ends_with(",GK,thuong_xuyen,,25/QĐ-UBND,2025-01-15,huyen")),
        "{awards}"
    );
    let new_people =
        std::fs::read_to_string(tmp.path().join("data/people/danh-sach-giay-khen-2024.csv"))
            .unwrap();
    assert!(
        new_people.contains("danh-sach-giay-khen-2024-p11,Lê Thị Mai,THCS-NY,true,,Giáo viên,"),
        "{new_people}"
    );

    let check = thidua(tmp.path(), &cmds[1]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let report = thidua(
        tmp.path(),
        &["report", "2024", "--data", "data", "--format", "json"].map(String::from),
    );
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(report["totals"]["awards"], 4, "{report}");
    assert_eq!(report["by_award"]["GK"]["individuals"], 4, "{report}");

    let before = files(tmp.path());
    let again = thidua(tmp.path(), &cmds[0]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(files(tmp.path()), before, "a second import changes nothing");
}
