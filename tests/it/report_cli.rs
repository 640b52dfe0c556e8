//! `thidua report` as users run it: each case in `tests/cmd/report/` runs the
//! real binary on a fixture folder and compares stdout, stderr and the exit
//! status with the snapshot beside it (`TRYCMD=overwrite` refreshes them).

#[test]
fn report_cases() {
    // Children inherit the environment: no other test changes it meanwhile.
    let _env = crate::support::env_lock();
    // The width and the borders of the tables come from these.
    for v in ["COLUMNS", "TERM", "THIDUA_ASCII"] {
        std::env::remove_var(v);
    }
    trycmd::TestCases::new()
        .env("THIDUA_NO_CACHE", "1")
        .case("tests/cmd/report/*.toml");
}

/// The basic fixture with its awards on file from 2016 only.
fn folder_from_2016() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/basic");
    copy(&src, dir.path());
    let toml = dir.path().join("thidua.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[data]\nrecords-from = 2016\n");
    std::fs::write(&toml, text).unwrap();
    dir
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn report(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = crate::support::thidua();
    cmd.args(args)
        .env_remove("THIDUA_LANG")
        .env_remove("THIDUA_ASCII")
        .env_remove("COLUMNS")
        .env_remove("TERM")
        .env("THIDUA_TODAY", "2024-06-30")
        .envs(env.iter().copied());
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn a_five_year_trend_fits_80_columns_with_unknown_years_as_dashes() {
    use unicode_width::UnicodeWidthStr;
    let dir = folder_from_2016();
    let data = dir.path().to_str().unwrap();
    for lang in ["vi", "en"] {
        let (code, out) = report(
            &["report", "2014..2018", "--data", data, "--lang", lang],
            &[("COLUMNS", "80")],
        );
        assert_eq!(code, 0, "{out}");
        for line in out.lines() {
            assert!(line.width() <= 80, "{} columns:\n{line}", line.width());
        }
        // One table per measure, the years as columns.
        let header = out
            .lines()
            .find(|l| l.contains("2014") && l.contains("2018") && l.contains('┆'))
            .expect("a header with the years");
        assert!(
            header.contains("2015") && header.contains("2017"),
            "{header}"
        );
        // 2014 and 2015 are before records-from: "—", never 0.
        let first_row = out
            .lines()
            .skip_while(|l| !l.starts_with('╞'))
            .nth(1)
            .unwrap();
        let cells: Vec<&str> = first_row.split('┆').map(str::trim).collect();
        assert_eq!(&cells[1..3], ["—", "—"], "{first_row}");
        assert_ne!(cells[4].trim_end_matches('│').trim(), "—", "{first_row}");
        // Long labels are cut with an ellipsis, not wrapped onto a second line.
        assert!(out.contains('…'), "{out}");
    }
}

#[test]
fn ascii_borders_where_the_console_cannot_draw_boxes() {
    let dir = folder_from_2016();
    let data = dir.path().to_str().unwrap();
    for env in [("THIDUA_ASCII", "1"), ("TERM", "dumb")] {
        let (code, out) = report(&["report", "2018", "--data", data], &[env]);
        assert_eq!(code, 0);
        assert!(
            out.contains("+--") && !out.contains('┌') && !out.contains('│'),
            "{out}"
        );
    }
}
