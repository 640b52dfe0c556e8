//! `thidua import -`: the list piped in on standard input, its kind detected
//! from its first bytes, imported as the same file named on the command line.

use std::io::Write;
use std::path::Path;

use crate::support::copy_dir;
use std::process::Stdio;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn import(data: &Path, file: &str, stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut cmd = crate::support::thidua();
    cmd.args(["--lang", "en", "import", file, "--data"])
        .arg(data)
        .args(["--set", "kind=thuong_xuyen", "--set", "issuer=huyen"])
        .args(["--create-people", "--dry-run", "--format", "json"])
        .env_remove("THIDUA_LANG")
        .env("THIDUA_TODAY", "2025-06-30")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_piped_list_imports_as_the_named_file_does() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("examples/import/data"), &data);
    let file = root().join("examples/import/danh-sach-giay-khen-2024.csv");
    let bytes = std::fs::read(&file).unwrap();
    let (named_code, named, _) = import(&data, file.to_str().unwrap(), None);
    let (piped_code, piped, err) = import(&data, "-", Some(&bytes));
    assert_eq!((named_code, piped_code), (0, 0), "{err}");
    let counts = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        (v["added"].clone(), v["rejected"].clone())
    };
    assert_eq!(counts(&named), counts(&piped), "{named}\n{piped}");
    assert_eq!(counts(&piped).0, 4, "{piped}");
}

#[test]
fn nothing_piped_in_is_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&root().join("examples/import/data"), &data);
    let (code, _, err) = import(&data, "-", Some(b""));
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("thidua: "), "{err}");
}
