//! How fast and how lean is `thidua check` on a big folder?
//!
//! ```sh
//! cargo run --release --example bench -- [ROWS] [--runs N] [--only A,B]
//! # ROWS default 1,000,000; --only: the phases whose name contains A or B
//! ```
//!
//! Generates (deterministically, once, into `target/bench-data/ROWS/`) a data
//! folder of ROWS award rows split over one file per year, a few thousand
//! units, ROWS/3 people and one evaluation per person per year for three
//! years; then runs each phase in a fresh child process (this example
//! re-executed with `--phase`), so that neither the generator nor another
//! phase counts in its peak memory (VmHWM). The baseline is the csv crate
//! merely splitting the same CSV files into byte records. Beside it,
//! `target/bench-data/ROWS-many-findings/` holds the same files with a
//! `thidua.toml` that makes about two thirds of the award rows a finding, for
//! the cost of many findings. Where Python has `polars` or `duckdb`
//! (`pip install polars duckdb`), the report's main tallies computed by each
//! (`examples/tallies.py`) are measured beside thidua; otherwise those rows
//! say they were skipped.
//!
//! The snapshot cache (`thidua::cache`) is kept in `target/bench-data/cache/`
//! (`THIDUA_CACHE_DIR`), never in the user's: the cold phases run with
//! `--no-cache`, the warm ones after a run in another process has written
//! the folder's snapshot, and one phase times the cold run that writes it.
//!
//! Adding a phase is one line in [`PHASES`].

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use thidua::diag::Diagnostics;
use thidua::engine::{Checked, EngineInput};
use thidua::load::Progress;
use thidua::model::Dataset;
use thidua::rules::config::RuleConfig;
use thidua::rules::findings::LawFindings;
use thidua::rules::Scope;
use thidua::Lang;

/// A measured phase: runs in its own process and returns the time of the
/// part it measures, with a note on what it did.
struct Phase {
    name: &'static str,
    run: fn(&Path) -> (Times, String),
}

/// Wall-clock time, and the CPU time the process was on a core: on a busy
/// machine the second is the steadier measure, and the one compared.
#[derive(Clone, Copy)]
struct Times {
    wall: Duration,
    cpu: Duration,
}

/// Times `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (Times, T) {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    (
        Times {
            wall: wall.elapsed(),
            cpu: cpu_time().saturating_sub(cpu),
        },
        out,
    )
}

/// The CPU time of this (single-threaded) process so far, from
/// /proc/thread-self/schedstat; zero where there is no /proc.
fn cpu_time() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(
        text.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0),
    )
}

const PHASES: &[Phase] = &[
    Phase {
        name: "parse (csv ByteRecord, baseline)",
        run: parse_only,
    },
    Phase {
        name: LOAD,
        run: load_checked,
    },
    Phase {
        name: "law rules (after load)",
        run: |dir| {
            after_load(dir, |ds, settings, sink| {
                let mut law = LawFindings::with_overrides(sink.overrides().clone());
                let c = thidua::rules::check_law_in(ds, settings, Scope::All, &mut law);
                format!(
                    "{} findings, {} rules with unchecked records",
                    law.len(),
                    c.unchecked().len()
                )
            })
        },
    },
    Phase {
        name: "report 2018 (after load)",
        run: |dir| {
            after_load(dir, |ds, _, _| {
                let r = thidua::report::compute(ds, String::new(), &[2018], false, None);
                format!(
                    "{} awards in 2018, {} tables",
                    r.years[0].totals.awards,
                    thidua::report::tables::tables(&r, Lang::En).len()
                )
            })
        },
    },
    Phase {
        name: COLD_CHECK,
        run: |dir| cold(dir, &["check", "--format", "json"]),
    },
    Phase {
        name: COLD_REPORT,
        run: |dir| cold(dir, &["report", "2018", "--format", "json"]),
    },
    Phase {
        name: POLARS,
        run: |dir| tallies("polars", dir),
    },
    Phase {
        name: "DuckDB: the tallies of 2018",
        run: |dir| tallies("duckdb", dir),
    },
    Phase {
        name: "eligible 2018 (after load)",
        run: eligible_after_load,
    },
    Phase {
        name: "`thidua eligible 2018 --format json`",
        run: |dir| cold(dir, &["eligible", "2018", "--format", "json"]),
    },
    Phase {
        name: MANY_FINDINGS,
        run: |dir| cold(&many_findings(dir), &["check", "--format", "json"]),
    },
    Phase {
        name: "`thidua check`, writing the cache",
        run: |dir| {
            let _ = std::fs::remove_dir_all(cache_dir(dir));
            command(dir, &["check", "--format", "json"])
        },
    },
    Phase {
        name: WARM_LOAD,
        run: |dir| {
            prime(dir);
            let cache = cache_dir(dir);
            timed(|| engine_cached(dir, Some(&cache)))
                .0
                .note("from the snapshot")
        },
    },
    Phase {
        name: WARM_CHECK,
        run: |dir| {
            prime(dir);
            command(dir, &["check", "--format", "json"])
        },
    },
    Phase {
        name: WARM_REPORT,
        run: |dir| {
            prime(dir);
            command(dir, &["report", "2018", "--format", "json"])
        },
    },
];

/// The report's main tallies of 2018 by a dataframe library, through
/// `examples/tallies.py`, which prints the phase's `RESULT` line itself (its
/// own CPU over all threads and its peak memory), or a line saying it was
/// skipped when Python or the library is missing.
fn tallies(engine: &str, dir: &Path) -> (Times, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tallies.py");
    let status = Command::new("python3")
        .arg(script)
        .args([engine, &dir.to_string_lossy(), "2018"])
        .status();
    if !status.is_ok_and(|s| s.success()) {
        println!("RESULT nan nan 0 skipped: python3 could not run examples/tallies.py");
    }
    std::process::exit(0)
}

const LOAD: &str = "load + structural checks";
const MANY_FINDINGS: &str = "`thidua check`, many findings";
const WARM_LOAD: &str = "load + structural checks, warm";
const COLD_CHECK: &str = "`thidua check --format json`";
const COLD_REPORT: &str = "`thidua report 2018 --format json`";
const POLARS: &str = "polars: the tallies of 2018";
const WARM_CHECK: &str = "`thidua check --format json`, warm";
const WARM_REPORT: &str = "`thidua report 2018 --format json`, warm";

impl Times {
    fn note(self, note: &str) -> (Times, String) {
        (self, note.to_string())
    }
}

/// Where the bench keeps its snapshots: beside the data, not in the user's
/// cache directory.
fn cache_dir(dir: &Path) -> PathBuf {
    dir.with_file_name("cache")
}

/// Runs `thidua check` on `dir` in another process, with the cache on, so
/// that the folder's snapshot is there for a warm phase.
fn prime(dir: &Path) {
    let exe = std::env::current_exe().expect("current exe");
    let status = Command::new(exe)
        .arg("--prime")
        .arg(dir)
        .status()
        .expect("prime the cache");
    assert!(status.success(), "priming the cache failed");
}

/// `thidua ARGS --data DIR` with the cache on (in `cache_dir`), timed.
fn command(dir: &Path, args: &[&str]) -> (Times, String) {
    let mut argv = vec!["thidua", "--data", dir.to_str().expect("utf-8 path")];
    argv.extend_from_slice(args);
    let (t, code) = timed(|| thidua::run(argv, &mut std::io::sink(), &mut std::io::sink()));
    (t, format!("exit {code}"))
}

/// `thidua --no-cache ARGS --data DIR`, timed: the command end to end, as
/// a user runs it, parsing every file (output discarded).
fn cold(dir: &Path, args: &[&str]) -> (Times, String) {
    let mut argv = vec!["--no-cache"];
    argv.extend_from_slice(args);
    command(dir, &argv)
}

/// The folder with many findings: the same files (hard links), with a
/// `thidua.toml` that turns every record a rule cannot judge into a finding
/// (`require-evidence`): the awards of the two years without evaluations
/// give about 0.66 findings per award row (657,410 at 1M rows).
fn many_findings(dir: &Path) -> PathBuf {
    let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("bench");
    dir.with_file_name(format!("{name}-many-findings"))
}

/// Writes the many-findings folder beside `dir` unless it is there.
fn link_many_findings(dir: &Path) -> std::io::Result<()> {
    let many = many_findings(dir);
    let settings = many.join("thidua.toml");
    if settings.exists() {
        return Ok(());
    }
    if many.exists() {
        std::fs::remove_dir_all(&many)?;
    }
    std::fs::create_dir_all(many.join("awards"))?;
    for file in csv_files(dir)
        .into_iter()
        .chain([dir.join("campaigns.toml")])
    {
        let rel = file.strip_prefix(dir).expect("inside the folder");
        std::fs::hard_link(&file, many.join(rel))
            .or_else(|_| std::fs::copy(&file, many.join(rel)).map(drop))?;
    }
    // Last, so that a half-made folder is made again.
    std::fs::write(settings, "[rules]\nrequire-evidence = true\n")
}

/// Years with awards; evaluations are written for the first three.
const YEARS: std::ops::RangeInclusive<u16> = 2016..=2020;
const EVALUATION_YEARS: std::ops::RangeInclusive<u16> = 2016..=2018;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, name, dir] = args.as_slice() {
        if flag == "--phase" {
            return child(name, Path::new(dir));
        }
    }
    if let [flag, dir] = args.as_slice() {
        if flag == "--prime" {
            let (_, note) = command(Path::new(dir), &["check", "-q"]);
            assert!(
                cache_dir(Path::new(dir)).exists(),
                "no snapshot written ({note})"
            );
            return;
        }
    }
    let mut rows: usize = 1_000_000;
    let mut runs: usize = 1;
    // Phases whose name contains one of these (the parse baseline always runs).
    let mut only: Option<Vec<String>> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
            "--only" => {
                only = it
                    .next()
                    .map(|s| s.split(',').map(str::to_string).collect())
            }
            n => {
                rows = n
                    .replace(['_', ','], "")
                    .parse()
                    .unwrap_or_else(|_| usage(n))
            }
        }
    }
    if cfg!(debug_assertions) {
        println!("note: a debug build; run with --release for real numbers");
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(rows.to_string());
    // Inherited by every phase: the snapshots stay beside the data.
    std::env::set_var("THIDUA_CACHE_DIR", cache_dir(&dir));
    std::env::remove_var("THIDUA_NO_CACHE");
    let started = Instant::now();
    let summary =
        generate(&dir, rows).unwrap_or_else(|e| panic!("cannot write {}: {e}", dir.display()));
    link_many_findings(&dir)
        .unwrap_or_else(|e| panic!("cannot write beside {}: {e}", dir.display()));
    println!(
        "data: {} ({summary}; ready in {:.1} s)",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    println!();
    println!(
        "{:<34} {:>9} {:>9} {:>11} {:>8}  note",
        "phase", "cpu", "wall", "peak memory", "× parse"
    );
    let exe = std::env::current_exe().expect("current exe");
    let mut baseline = None;
    let mut results = Vec::new();
    let wanted = |p: &Phase| {
        p.name == PHASES[0].name
            || only
                .as_ref()
                .is_none_or(|o| o.iter().any(|w| p.name.contains(w.as_str())))
    };
    for phase in PHASES.iter().filter(|p| wanted(p)) {
        // The fastest of the runs (by CPU time), and the highest peak.
        let mut best: Option<(f64, f64, u64, String)> = None;
        for _ in 0..runs {
            let out = Command::new(&exe)
                .args(["--phase", phase.name])
                .arg(&dir)
                .output()
                .expect("run a phase");
            let text = String::from_utf8_lossy(&out.stdout);
            let Some(line) = text.lines().find_map(|l| l.strip_prefix("RESULT ")) else {
                panic!(
                    "phase `{}` failed: {}{}",
                    phase.name,
                    text,
                    String::from_utf8_lossy(&out.stderr)
                );
            };
            let mut parts = line.splitn(4, ' ');
            let mut num = || {
                parts
                    .next()
                    .and_then(|s| s.parse::<f64>().ok())
                    .unwrap_or(f64::NAN)
            };
            let (cpu, wall, hwm) = (num(), num(), num() as u64);
            let note = parts.next().unwrap_or("").to_string();
            let peak = hwm.max(best.as_ref().map_or(0, |b| b.2));
            if best.as_ref().is_none_or(|b| cpu < b.0) {
                best = Some((cpu, wall, peak, note));
            } else if let Some(b) = best.as_mut() {
                b.2 = peak;
            }
        }
        let (cpu, wall, hwm, note) = best.expect("one run");
        if cpu.is_nan() {
            println!("{:<34} {:>41}  {note}", phase.name, "—");
            continue;
        }
        let base = *baseline.get_or_insert(cpu);
        let peak = hwm as f64 / 1024.0;
        println!(
            "{:<34} {cpu:>7.3} s {wall:>7.3} s {peak:>8.1} MB {:>7.2}×  {note}",
            phase.name,
            cpu / base
        );
        results.push((phase.name, cpu, wall, peak));
    }
    let Some(&(_, parse, parse_wall, _)) = results.first() else {
        return;
    };
    let find = |name: &str| results.iter().find(|r| r.0 == name);
    println!();
    // Issue 14's goals, CPU against the baseline of this run.
    let goal = |name: &str, what: &str, times: f64| {
        if let Some(&(_, cpu, wall, _)) = find(name) {
            println!(
                "{what}: {:.2}× the parse time in CPU, {:.2}× in wall (goal ≤ {times}×: {})",
                cpu / parse,
                wall / parse_wall,
                ok(cpu <= times * parse)
            );
        }
    };
    goal(COLD_CHECK, "`check`, cold", 8.0);
    goal(COLD_REPORT, "`report 2018`, cold", 6.0);
    goal(WARM_CHECK, "`check`, warm", 4.0);
    if let (Some(&(_, cpu, ..)), Some(&(_, polars, ..))) = (find(WARM_REPORT), find(POLARS)) {
        println!(
            "`report 2018`, warm: {cpu:.2} s CPU against polars {polars:.2} s (goal ≤ polars: {})",
            ok(cpu <= polars)
        );
    }
    // Many findings: what they add to `check` on the same rows, against
    // the load ("well under" it, read here as under half).
    if let (Some(many), Some(check), Some(load)) =
        (find(MANY_FINDINGS), find(COLD_CHECK), find(LOAD))
    {
        let (cpu, peak) = (many.1 - check.1, many.3 - check.3);
        println!(
            "many findings: {cpu:.2} s CPU and {peak:.0} MB more than `check`, against the load's {:.2} s and {:.0} MB (goal: well under, read as under half: {})",
            load.1,
            load.3,
            ok(cpu < load.1 / 2.0 && peak < load.3 / 2.0)
        );
    }
    // Memory: < 200 MB up to 1M award rows and < 1.5 GB at 10M, on the
    // line through both in between.
    let budget = if rows <= 1_000_000 {
        200.0
    } else {
        200.0 + (rows as f64 - 1e6) / 9e6 * 1300.0
    };
    for name in [COLD_CHECK, WARM_CHECK] {
        if let Some(&(_, _, _, peak)) = find(name) {
            println!(
                "{name}: peak {peak:.0} MB (goal < {budget:.0} MB at {rows} award rows: {})",
                ok(peak < budget)
            );
        }
    }
}

fn ok(b: bool) -> &'static str {
    if b {
        "met"
    } else {
        "MISSED"
    }
}

fn usage(arg: &str) -> ! {
    eprintln!(
        "usage: cargo run --release --example bench -- [ROWS] [--runs N] [--only A,B]   (not a number: {arg})"
    );
    std::process::exit(2)
}

/// In the child: run one phase and report `RESULT cpu-seconds wall-seconds VmHWM-kB note`.
fn child(name: &str, dir: &Path) {
    let phase = PHASES
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no phase {name}"));
    let (t, note) = (phase.run)(dir);
    println!(
        "RESULT {:.6} {:.6} {} {note}",
        t.cpu.as_secs_f64(),
        t.wall.as_secs_f64(),
        peak_kb()
    );
}

/// The process's peak resident memory (VmHWM), in kB; 0 where /proc is missing.
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

// ---------------------------------------------------------------- phases

/// The baseline: split every CSV file of the folder into byte records with
/// the csv crate, no decoding, no validation.
fn parse_only(dir: &Path) -> (Times, String) {
    let files = csv_files(dir);
    let (t, records) = timed(|| {
        let mut records = 0u64;
        for f in &files {
            let mut rdr = csv::ReaderBuilder::new()
                .flexible(true)
                .from_path(f)
                .expect("open");
            let mut rec = csv::ByteRecord::new();
            while rdr.read_byte_record(&mut rec).expect("csv") {
                records += 1;
            }
        }
        records
    });
    (t, format!("{records} rows, {:.0} MB/s", speed(&files, t)))
}

/// What `report` and `import` do first: load the folder and run the
/// structural checks.
fn load_checked(dir: &Path) -> (Times, String) {
    let (t, (ds, sink)) = timed(|| load_folder(dir));
    let note = format!(
        "{} records, {} findings, {:.0} MB/s",
        records(&ds),
        sink.items().len(),
        speed(&csv_files(dir), t)
    );
    (t, note)
}

/// `eligible` on a loaded folder: every candidate judged as a pending
/// proposal by the law's rules, in rounds.
fn eligible_after_load(dir: &Path) -> (Times, String) {
    let mut checked = engine(dir);
    let req = thidua::eligible::Request {
        year: 2018,
        date: thidua::model::Date::from_ymd(2018, 12, 31).expect("a date"),
        awards: Vec::new(),
        subject: None,
        level: checked.settings.organisation.level,
        // As `eligible 2018` without `--all`.
        findings: false,
    };
    let (t, e) = timed(|| {
        thidua::eligible::judge(
            &mut checked.dataset,
            &checked.config,
            &req,
            "proposals/du-dieu-kien-2018.csv",
        )
    });
    let count = |s: thidua::eligible::Status| e.candidates.iter().filter(|c| c.status == s).count();
    let note = format!(
        "{} candidates, {} rounds: {} eligible, {} unknown, {} not",
        e.candidates.len(),
        e.rounds,
        count(thidua::eligible::Status::Eligible),
        count(thidua::eligible::Status::Unknown),
        count(thidua::eligible::Status::NotEligible)
    );
    (t, note)
}

/// Loads the folder untimed, then times `f` on the dataset (for the phases
/// that come after loading: the law's rules, the report).
fn after_load(
    dir: &Path,
    f: impl FnOnce(&Dataset, &RuleConfig, &mut Diagnostics) -> String,
) -> (Times, String) {
    let checked = engine(dir);
    let mut sink = checked.diagnostics;
    timed(|| f(&checked.dataset, &checked.config, &mut sink))
}

/// MB of CSV per CPU second.
fn speed(files: &[PathBuf], t: Times) -> f64 {
    mb(dir_size(files)) / t.cpu.as_secs_f64().max(1e-9)
}

/// The pipeline without the law: settings, load, structural checks.
fn engine(dir: &Path) -> Checked {
    engine_cached(dir, None)
}

/// [`engine`], through the snapshot cache in `cache` (`None`: parsed).
fn engine_cached(dir: &Path, cache: Option<&Path>) -> Checked {
    let input = EngineInput {
        root: dir,
        today: thidua::env::clock_today(),
        law: false,
        law_years: None,
    };
    thidua::engine::run_cached(&input, cache, &mut Progress::hidden()).expect("load")
}

fn load_folder(dir: &Path) -> (Dataset, Diagnostics) {
    let checked = engine(dir);
    (checked.dataset, checked.diagnostics)
}

fn records(ds: &Dataset) -> usize {
    ds.campaigns.len()
        + ds.units.len()
        + ds.people.len()
        + ds.evaluations.len()
        + ds.awards.len()
        + ds.proposals.len()
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "csv") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn dir_size(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

// ---------------------------------------------------------------- the data

/// The generator's version, kept in the folder's marker: a folder written by
/// another version is written again.
const GENERATOR: &str = "v2:";

/// Person `i`'s rating in year `y`, and whether they had an initiative: a
/// function of both, so that evaluations and awards agree.
fn assessment(i: usize, y: u16) -> (&'static str, bool) {
    let r = Rng((i as u64) << 16 | u64::from(y)).next();
    let rating = match r % 100 {
        0..=4 => "kht",
        5..=14 => "ht",
        15..=69 => "htt",
        _ => "htxs",
    };
    (rating, (r >> 32) % 100 < 30)
}

/// A small fast generator (splitmix64): the same folder every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Linh", "Mai", "Nam",
    "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Yến",
];
const POSITIONS: &[&str] = &[
    "",
    "",
    "",
    "Giáo viên",
    "Công chức Văn hóa - Xã hội",
    "Trưởng ấp",
    "Kế toán",
    "Chủ tịch",
    "Phó Chủ tịch",
];

/// Writes the folder unless a complete one is there already; returns a summary.
fn generate(dir: &Path, rows: usize) -> std::io::Result<String> {
    let marker = dir.join(".complete");
    if let Ok(summary) = std::fs::read_to_string(&marker) {
        if summary.starts_with(GENERATOR) {
            return Ok(summary);
        }
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir.join("awards"))?;
    let mut rng = Rng(0x7468_6964_7561);
    let n_units = (rows / 300).clamp(30, 5_000);
    let n_people = (rows / 3).max(10);
    let out = |name: &str| -> std::io::Result<BufWriter<File>> {
        Ok(BufWriter::with_capacity(
            1 << 20,
            File::create(dir.join(name))?,
        ))
    };

    let mut c = out("campaigns.toml")?;
    writeln!(c, "# Phong trào thi đua")?;
    for (i, y) in YEARS.enumerate() {
        writeln!(c, "\n[[campaign]]\nid = \"PT-{y}\"\nname = \"Phong trào thi đua năm {y}\"\nkind = \"chuyen_de\"\nstart = {y}-02-0{}\nend = {y}-12-31", i + 1)?;
    }
    c.flush()?;

    // A district, its communes, then hamlets, schools and agencies under them.
    let mut u = out("units.csv")?;
    writeln!(u, "id,name,kind,parent")?;
    let communes = (n_units / 20).max(2);
    writeln!(u, "DV-0000,UBND huyện An Biên,co_quan,")?;
    for i in 1..n_units {
        if i <= communes {
            writeln!(u, "DV-{i:04},UBND xã {} {i},xa,DV-0000", rng.pick(GIVEN))?;
        } else {
            let kind = *rng.pick(&["thon_ap", "thon_ap", "truong_hoc", "co_quan"]);
            let parent = 1 + rng.below(communes);
            writeln!(
                u,
                "DV-{i:04},Đơn vị {} số {i},{kind},DV-{parent:04}",
                rng.pick(GIVEN)
            )?;
        }
    }
    u.flush()?;

    let mut p = out("people.csv")?;
    writeln!(p, "id,name,unit,direct_worker,gender,position,hire_date")?;
    let mut e = out("evaluations.csv")?;
    writeln!(
        e,
        "year,person,unit,rating,discipline,initiative,months_worked,absent_days"
    )?;
    for i in 0..n_people {
        let (s, m, g) = (rng.pick(SURNAMES), rng.pick(MIDDLE), rng.pick(GIVEN));
        let gender = if *m == "Thị" {
            "nu"
        } else {
            *rng.pick(&["nam", "nu"])
        };
        let direct = rng.chance(80);
        let hired = format!(
            "{}-{:02}-{:02}",
            1990 + rng.below(25),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        writeln!(
            p,
            "CN-{i:07},{s} {m} {g},DV-{:04},{direct},{gender},{},{hired}",
            rng.below(n_units),
            rng.pick(POSITIONS)
        )?;
        for y in EVALUATION_YEARS {
            let (rating, initiative) = assessment(i, y);
            let initiative = if initiative { "x" } else { "" };
            writeln!(
                e,
                "{y},CN-{i:07},,{rating},,{initiative},12,{}",
                rng.below(5)
            )?;
        }
    }
    p.flush()?;
    e.flush()?;

    // Awards as an office would decide them, so that the law's rules find
    // little: a yearly title (LDTT) for each person rated "completed tasks
    // well" or better, CSTDCS for some of them with an initiative (within the
    // 15 % ratio), commendations (GK) for units and for campaign work; all
    // decided by the district, person by person and year by year until ROWS
    // awards are written.
    let years: Vec<u16> = YEARS.collect();
    let mut written = 0;
    for &y in &years {
        let mut a = out(&format!("awards/{y}.csv"))?;
        writeln!(
            a,
            "id,year,person,unit,award,kind,campaign,decision,decision_date,issuer"
        )?;
        let mut line = String::with_capacity(128);
        let (mut n, mut ldtt, mut cstdcs) = (0usize, 0usize, 0usize);
        let left = rows - written;
        let quota = left.div_ceil(years.iter().filter(|&&z| z >= y).count());
        let award = |line: &mut String,
                     n: &mut usize,
                     recipient: &str,
                     code: &str,
                     kind: &str,
                     campaign: &str,
                     date: &str| {
            *n += 1;
            let _ = writeln!(
                line,
                "KT-{y}-{n:07},{y},{recipient},{code},{kind},{campaign},{}/QĐ-UBND,{date},huyen",
                1 + *n / 200
            );
        };
        let mut i = 0;
        while n < quota && i < n_people {
            line.clear();
            let (rating, initiative) = assessment(i, y);
            let date = format!("{}-01-{:02}", y + 1, 5 + rng.below(20));
            let person = format!("CN-{i:07},");
            if matches!(rating, "htt" | "htxs") {
                award(
                    &mut line,
                    &mut n,
                    &person,
                    "LDTT",
                    "thuong_xuyen",
                    "",
                    &date,
                );
                ldtt += 1;
                if initiative && rating == "htxs" && (cstdcs + 1) * 100 <= ldtt * 10 && n < quota {
                    award(
                        &mut line,
                        &mut n,
                        &person,
                        "CSTDCS",
                        "thuong_xuyen",
                        "",
                        &date,
                    );
                    cstdcs += 1;
                }
            }
            if rng.chance(12) && n < quota {
                let campaign = format!("PT-{y}");
                award(
                    &mut line,
                    &mut n,
                    &person,
                    "GK",
                    "chuyen_de",
                    &campaign,
                    &format!("{y}-11-{:02}", 1 + rng.below(28)),
                );
            }
            if rng.chance(3) && n < quota {
                let unit = format!(",DV-{:04}", 1 + rng.below(n_units - 1));
                award(
                    &mut line,
                    &mut n,
                    &unit,
                    "GK",
                    "dot_xuat",
                    "",
                    &format!("{y}-09-{:02}", 1 + rng.below(28)),
                );
            }
            a.write_all(line.as_bytes())?;
            i += 1;
        }
        written += n;
        a.flush()?;
    }
    let size = mb(dir_size(&csv_files(dir)));
    let summary = format!(
        "{GENERATOR} {written} awards in {} files, {n_units} units, {n_people} people, {} evaluations; {size:.0} MB of CSV",
        years.len(),
        n_people * EVALUATION_YEARS.len()
    );
    std::fs::write(&marker, &summary)?;
    Ok(summary)
}
