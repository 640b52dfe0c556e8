//! The snapshot cache (`thidua::cache`): every output is the same cold (the
//! snapshot written), warm (read back) and with the cache off, on the bundled
//! data, on every fixture and on random folders; an edited file is read
//! again; a damaged or older snapshot is ignored and rewritten; the data
//! folder is never written to. Every run here keeps its snapshots in a
//! temporary folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use thidua::env::Env;

use crate::support::copy_dir;

const TODAY: &str = "2026-12-02";

/// Exit status, stdout and stderr of `thidua ARGS` on `dir`, with the cache
/// kept in `cache` (`None`: off).
fn run(dir: &Path, cache: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let env = Env {
        cache_dir: cache.map(Path::to_path_buf),
        ..Env::today(TODAY)
    };
    let mut argv = vec!["thidua", "--data", dir.to_str().unwrap()];
    argv.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = thidua::run_in(&env, argv, &mut out, &mut err);
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (code, text(out), text(err))
}

/// The outputs compared: `check` and `report 2018` as JSON, in both
/// languages.
const COMMANDS: &[&[&str]] = &[
    &["--lang", "vi", "check", "--format", "json"],
    &["--lang", "en", "check", "--format", "json"],
    &["--lang", "vi", "report", "2018", "--format", "json"],
    &["--lang", "en", "report", "2018", "--format", "json"],
];

/// Runs every command with the cache off, then twice with it on (cold,
/// warm), and checks the three give the same exit status and stdout.
fn same_with_and_without(dir: &Path, cache: &Path, commands: &[&[&str]]) {
    for args in commands {
        let (code, out, _) = run(dir, None, args);
        for pass in ["cold", "warm"] {
            let (c, o, _) = run(dir, Some(cache), args);
            assert_eq!(c, code, "{pass} exit of {args:?} on {}", dir.display());
            pretty_assertions::assert_eq!(o, out, "{pass} {args:?} on {}", dir.display());
        }
    }
}

/// Every file under `dir` with its bytes and modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let modified = p.metadata().unwrap().modified().unwrap();
                all.insert(p.clone(), (std::fs::read(&p).unwrap(), modified));
            }
        }
    }
    all
}

/// The snapshots in `cache` (every file but the cache tag).
fn snapshots(cache: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(cache) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "snapshot"))
        .collect();
    v.sort();
    v
}

/// A copy of the bundled data in a temporary folder, and a cache folder.
fn bundled() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &data);
    let cache = tmp.path().join("cache");
    (tmp, data, cache)
}

const VERBOSE: &[&str] = &["-v", "--lang", "en", "check", "--format", "json"];

#[test]
fn bundled_data_is_the_same_cold_warm_and_uncached_and_is_not_written_to() {
    let (_tmp, data, cache) = bundled();
    let before = tree(&data);
    let (_, _, err) = run(&data, Some(&cache), VERBOSE);
    assert!(err.contains("Wrote a snapshot"), "{err}");
    let (_, _, err) = run(&data, Some(&cache), VERBOSE);
    assert!(err.contains("Read from the snapshot"), "{err}");
    same_with_and_without(&data, &cache, COMMANDS);
    assert_eq!(snapshots(&cache).len(), 1, "one snapshot per folder");
    assert!(cache.join("CACHEDIR.TAG").is_file());
    assert!(tree(&data) == before, "the data folder was written to");
}

#[test]
fn failing_to_write_the_cache_is_not_an_error() {
    let (tmp, data, _) = bundled();
    // A file where the cache directory should be.
    let blocked = tmp.path().join("not-a-folder");
    std::fs::write(&blocked, "x").unwrap();
    let (code, out, err) = run(&data, Some(&blocked), VERBOSE);
    let (uncached_code, uncached, _) = run(&data, None, VERBOSE);
    assert_eq!((code, out), (uncached_code, uncached));
    assert!(err.contains("Could not write a snapshot"), "{err}");
    assert_eq!(std::fs::read(&blocked).unwrap(), b"x");
}

#[test]
fn the_cache_is_off_with_the_flag() {
    let (_tmp, data, cache) = bundled();
    let mut args = vec!["--no-cache"];
    args.extend_from_slice(VERBOSE);
    let (_, _, err) = run(&data, Some(&cache), &args);
    assert!(!err.contains("snapshot"), "{err}");
    assert!(!cache.exists());
}

#[test]
fn the_cache_is_off_with_the_environment_variable() {
    let (_tmp, data, cache) = bundled();
    let spawn = |no_cache: Option<&str>| {
        let mut cmd = crate::support::thidua();
        cmd.env_remove("THIDUA_NO_CACHE")
            .env("THIDUA_CACHE_DIR", &cache)
            .env("THIDUA_TODAY", TODAY)
            .args(["--data", data.to_str().unwrap(), "check", "-q"]);
        if let Some(v) = no_cache {
            cmd.env("THIDUA_NO_CACHE", v);
        }
        assert!(cmd.output().unwrap().status.success());
    };
    spawn(Some("1"));
    assert!(!cache.exists(), "THIDUA_NO_CACHE=1 wrote a snapshot");
    spawn(Some("0"));
    assert_eq!(
        snapshots(&cache).len(),
        1,
        "THIDUA_NO_CACHE=0 keeps the cache on"
    );
}

#[test]
fn an_edited_file_of_the_same_size_and_time_is_read_again() {
    let (_tmp, data, cache) = bundled();
    let report = &["--lang", "en", "report", "2018", "--format", "json"];
    let (_, before, _) = run(&data, Some(&cache), report);
    // One award moves from 2018 to 2017: the same size, the same time.
    let file = data.join("awards/2018-cuoi-nam.csv");
    let modified = file.metadata().unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("\n2018-LDTT-0001,2018,", "\n2018-LDTT-0001,2017,", 1);
    assert_ne!(edited, text);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, edited).unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let (_, uncached, _) = run(&data, None, report);
    assert_ne!(uncached, before, "the edit changes the report");
    let (_, _, err) = run(&data, Some(&cache), VERBOSE);
    assert!(!err.contains("Read from the snapshot"), "{err}");
    let (_, warm, _) = run(&data, Some(&cache), report);
    pretty_assertions::assert_eq!(warm, uncached);
}

#[test]
fn a_damaged_or_older_snapshot_is_ignored_and_rewritten() {
    let (_tmp, data, cache) = bundled();
    let (_, expected, _) = run(&data, None, COMMANDS[1]);
    run(&data, Some(&cache), COMMANDS[1]);
    let snapshot = snapshots(&cache).pop().unwrap();
    let good = std::fs::read(&snapshot).unwrap();
    let mut older = good.clone();
    // The format version follows the eight bytes of the signature.
    older[8] = older[8].wrapping_sub(1);
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x55;
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated in the key", good[..20].to_vec()),
        ("truncated in the payload", good[..good.len() / 2].to_vec()),
        ("a byte changed", flipped),
        ("an older format", older),
        ("longer", [good.as_slice(), b"tail"].concat()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&snapshot, &bytes).unwrap();
        let (code, out, err) = run(&data, Some(&cache), &VERBOSE[1..]);
        assert_eq!(code, 0, "{what}: {err}");
        assert_eq!(out, expected, "{what}");
        let (_, _, err) = run(&data, Some(&cache), VERBOSE);
        assert!(
            err.contains("Read from the snapshot"),
            "{what} was not rewritten: {err}"
        );
    }
}

#[test]
fn a_snapshot_that_still_reads_but_was_changed_is_refused_by_its_checksum() {
    let (_tmp, data, cache) = bundled();
    let history = ["--lang", "en", "history", "P0204", "--format", "json"];
    let (_, expected, _) = run(&data, None, &history);
    assert!(expected.contains("Nguyễn Văn Tín"), "{expected}");
    run(&data, Some(&cache), &history);
    let snapshot = snapshots(&cache).pop().unwrap();
    // One letter of the person's name: every value still decodes, only the
    // checksum (computed as the snapshot streams in) tells.
    let mut bytes = std::fs::read(&snapshot).unwrap();
    let name = "Nguyễn Văn Tín".as_bytes();
    let at = (bytes.windows(name.len()))
        .position(|w| w == name)
        .expect("the name in the snapshot");
    bytes[at] = b'M';
    std::fs::write(&snapshot, &bytes).unwrap();
    let (code, out, err) = run(&data, Some(&cache), &history);
    assert_eq!((code, out), (0, expected), "{err}");
}

#[test]
fn every_fixture_is_the_same_cold_warm_and_uncached() {
    let tmp = tempfile::tempdir().unwrap();
    let mut folders = Vec::new();
    crate::check_snapshots::data_folders(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut folders,
    );
    assert!(folders.len() > 20);
    for dir in &folders {
        same_with_and_without(dir, tmp.path(), &COMMANDS[1..2]);
    }
}

/// A value from a small pool.
fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(pool)
}

/// A folder of random valid records, as files; now and then with a row the
/// loader refuses, so that most folders load clean (and are cached) and some
/// do not.
fn folder() -> impl Strategy<Value = Vec<(String, String)>> {
    let unit = (
        0..4usize,
        pick(&["xa", "co_quan", "truong_hoc", "xã", "xa"]),
    );
    let person = (
        0..6usize,
        0..4usize,
        pick(&["", "1999-05-01", "2017-03-01"]),
    );
    let eval = (
        0..6usize,
        pick(&["2017", "2018"]),
        pick(&["htxs", "htt", "ht", "kht"]),
    );
    let award = (
        0..6usize,
        0..4usize,
        pick(&["LDTT", "CSTDCS", "GK", "TTLDTT", "BKT", "LDTT"]),
        pick(&["2016", "2017", "2018", "2018"]),
        pick(&["2018-12-20", "2019-01-08"]),
    );
    (
        proptest::collection::vec(unit, 1..4),
        proptest::collection::vec(person, 0..8),
        proptest::collection::vec(eval, 0..10),
        proptest::collection::vec(award, 0..12),
        any::<bool>(),
        proptest::bool::weighted(0.3),
    )
        .prop_map(|(units, people, evals, awards, toml, defect)| {
            let mut u = String::from("id,name,kind,parent\n");
            for (i, (n, kind)) in units.iter().enumerate() {
                let parent = if i == 0 { String::new() } else { format!("U{}", n % i) };
                u.push_str(&format!("U{i},Đơn vị {i},{kind},{parent}\n"));
            }
            let mut files = vec![("units.csv".to_string(), u)];
            let mut p = String::new();
            for (i, (_, unit, hired)) in people.iter().enumerate() {
                let unit = unit % units.len();
                if toml {
                    let hired = if hired.is_empty() { String::new() } else { format!("hire_date = {hired}\n") };
                    p.push_str(&format!("[[person]]\nid = \"P{i}\"\nname = \"Người {i}\"\nunit = \"U{unit}\"\ndirect_worker = true\n{hired}\n"));
                } else {
                    p.push_str(&format!("P{i},Người {i},U{unit},true,,,{hired}\n"));
                }
            }
            if toml {
                files.push(("people.toml".into(), p));
            } else {
                files.push(("people.csv".into(), format!("id,name,unit,direct_worker,gender,position,hire_date\n{p}")));
            }
            let mut e = String::from("year,person,rating,discipline,initiative,months_worked,absent_days\n");
            for (who, year, rating) in &evals {
                if !people.is_empty() {
                    e.push_str(&format!("{year},P{},{rating},,true,12,3\n", who % people.len()));
                }
            }
            files.push(("evaluations/ca-nhan.csv".into(), e));
            let mut a = String::from("id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n");
            for (i, (who, unit, code, year, date)) in awards.iter().enumerate() {
                let (person, unit) = if people.is_empty() || i % 3 == 0 {
                    (String::new(), format!("U{}", unit % units.len()))
                } else {
                    (format!("P{}", who % people.len()), String::new())
                };
                a.push_str(&format!("KT-{i},{year},{person},{unit},{code},thuong_xuyen,,{i}/QĐ-UBND,{date},huyen\n"));
            }
            if defect {
                // A date that does not exist: a loading finding, not cached.
                a.push_str("KT-X,2018,,U0,GK,thuong_xuyen,,9/QĐ-UBND,2019-02-29,huyen\n");
            }
            files.push(("awards/2018.csv".into(), a));
            files
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random folders, clean or not: the cache never changes an output.
    #[test]
    fn random_folders_are_the_same_cold_warm_and_uncached(files in folder()) {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        for (rel, text) in &files {
            let path = data.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let before = tree(&data);
        same_with_and_without(&data, &tmp.path().join("cache"), COMMANDS);
        prop_assert!(tree(&data) == before);
        // A folder without the refused row loads clean, and is cached.
        let clean = files.iter().all(|(_, text)| !text.contains("2019-02-29"));
        prop_assert_eq!(snapshots(&tmp.path().join("cache")).len(), usize::from(clean));
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Any bytes where the snapshot is: ignored, never a panic.
    #[test]
    fn any_bytes_as_a_snapshot_are_ignored(bytes in proptest::collection::vec(any::<u8>(), 0..300), keep in 0usize..4000) {
        let (_tmp, data, cache) = bundled();
        let (_, expected, _) = run(&data, None, COMMANDS[1]);
        run(&data, Some(&cache), COMMANDS[1]);
        let snapshot = snapshots(&cache).pop().unwrap();
        // The snapshot's own key (so that the payload is read), then noise.
        let good = std::fs::read(&snapshot).unwrap();
        for prefix in [&good[..keep.min(good.len())], &[][..]] {
            std::fs::write(&snapshot, [prefix, &bytes].concat()).unwrap();
            let (_, out, _) = run(&data, Some(&cache), COMMANDS[1]);
            prop_assert_eq!(&out, &expected);
        }
    }
}
