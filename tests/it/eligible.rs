//! `thidua eligible` held to the property of the data format §9.2 on
//! generated folders with ten years of history, some lawful, some not:
//! every `eligible` candidate written as a pending proposal raises no
//! finding but a group limit; every `not_eligible` candidate added raises a
//! finding of a rule it named. Plus an independent check of the simplest
//! title (LĐTT), the formats, `--write-proposals` and bad input.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// A small deterministic generator (an LCG): the same seed, the same folder.
pub struct Gen(u64);

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen(seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

pub const FIRST_YEAR: u16 = 2015;
pub const LAST_YEAR: u16 = 2024;
pub const TODAY: &str = "2026-12-01";

/// Writes a folder: a district office with four units, `people` people
/// hired over the years, an evaluation a year each, and the awards of ten
/// years — mostly lawful (LĐTT for good ratings, CSTĐCS for the best with an
/// initiative, a Bằng khen now and then), some not (LĐTT for a poor rating
/// or despite a discipline). With `codes`, people share a `code` in pairs
/// (a transfer: a second row in another unit from a later year).
pub fn folder(dir: &Path, seed: u64, people: usize) {
    folder_with(dir, seed, people, false);
}

/// [`folder`], where with `transfers` every person has a `code` and about a
/// third move to another unit in some year: a second row with the same code
/// and name, which their later evaluations and awards name.
pub fn folder_with(dir: &Path, seed: u64, people: usize, transfers: bool) {
    let mut g = Gen::new(seed);
    let w = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    w(
        "thidua.toml",
        "[organisation]\nname = \"UBND huyện Thử\"\nlevel = \"huyen\"\n",
    );
    w(
        "units.csv",
        "id,name,kind,parent\nU0,UBND huyện Thử,co_quan,\nU1,Phòng Nội vụ,co_quan,U0\nU2,Trường Tiểu học Đông Thái,truong_hoc,U0\nU3,Trường Mầm non Thứ Ba,truong_hoc,U0\nU4,UBND xã Nam Thái,xa,U0\n",
    );
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Võ"];
    let middle = ["Văn", "Thị", "Minh", "Hồng", "Thu"];
    let given = ["An", "Bình", "Đào", "Hải", "Lan", "Quyên", "Thắm", "Út"];
    let units = ["U1", "U2", "U3", "U4"];
    let mut ppl = String::from("id,name,unit,direct_worker,hire_date,code\n");
    let mut evals = String::from("year,person,unit,rating,discipline,initiative\n");
    let mut awards = String::from("id,year,person,unit,award,kind,decision,decision_date,issuer\n");
    let mut n_award = 0;
    for i in 0..people {
        let id = format!("P{i:03}");
        let name = format!("{} {} {}", g.pick(&family), g.pick(&middle), g.pick(&given));
        let hire_year = 2008 + (g.next() % 17) as u16;
        let hire = format!("{hire_year}-{:02}-01", 1 + g.next() % 12);
        let direct = g.chance(70);
        let unit = g.pick(&units);
        let code = if transfers {
            format!("C{i:04}")
        } else {
            String::new()
        };
        writeln!(ppl, "{id},{name},{unit},{direct},{hire},{code}").unwrap();
        let moved = (transfers && g.chance(35)).then(|| 2017 + (g.next() % 7) as u16);
        if moved.is_some() {
            let other = units.iter().find(|u| **u != unit).unwrap();
            writeln!(ppl, "{id}T,{name},{other},{direct},{hire},{code}").unwrap();
        }
        let base = id.clone();
        for year in FIRST_YEAR.max(hire_year)..=LAST_YEAR {
            let id = if moved.is_some_and(|m| year >= m) {
                format!("{base}T")
            } else {
                base.clone()
            };
            let rating = match g.next() % 10 {
                0..=2 => "htxs",
                3..=6 => "htt",
                7..=8 => "ht",
                _ => "kht",
            };
            let discipline = if g.chance(6) { "khien_trach" } else { "" };
            let initiative = g.chance(45);
            writeln!(evals, "{year},{id},,{rating},{discipline},{initiative}").unwrap();
            let good = matches!(rating, "htt" | "htxs") && discipline.is_empty();
            let mut award = |code: &str, issuer: &str, n: &mut usize| {
                *n += 1;
                let next = year + 1;
                writeln!(
                    awards,
                    "A{n:05},{year},{id},,{code},thuong_xuyen,{n}/QĐ-UBND,{next}-01-15,{issuer}"
                )
                .unwrap();
            };
            let ldtt = (good && g.chance(75)) || g.chance(4);
            if ldtt {
                award("LDTT", "huyen", &mut n_award);
                if rating == "htxs" && initiative && g.chance(60) {
                    award("CSTDCS", "huyen", &mut n_award);
                }
            }
            if g.chance(5) {
                award("BKT", "tinh", &mut n_award);
            }
        }
    }
    for year in FIRST_YEAR..=LAST_YEAR {
        for u in units {
            let rating = if g.chance(50) { "htxs" } else { "htt" };
            writeln!(evals, "{year},,{u},{rating},,").unwrap();
        }
    }
    w("people.csv", &ppl);
    w("evaluations.csv", &evals);
    w("awards.csv", &awards);
}

/// Runs thidua on `dir` as of [`TODAY`]: exit status, stdout, stderr.
pub fn thidua(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let env = thidua::env::Env::today(TODAY);
    let mut full = vec!["thidua", "--data", dir.to_str().unwrap()];
    full.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = thidua::run_in(&env, full, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn eligible_json(dir: &Path, year: u16) -> Value {
    let (code, out, err) = thidua(
        dir,
        &[
            "--lang",
            "en",
            "eligible",
            &year.to_string(),
            "--all",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

/// The law's findings on the records of `dir`, by record id: (rule, severity).
fn law_findings(dir: &Path) -> HashMap<String, Vec<String>> {
    let checked = crate::support::engine(dir, true);
    let mut by: HashMap<String, Vec<String>> = HashMap::new();
    for d in checked.law.diagnostics(&checked.dataset) {
        if let Some(r) = &d.record {
            by.entry(r.to_string())
                .or_default()
                .push(d.rule.as_str().to_string());
        }
    }
    by
}

/// The law's findings on record `id` of `dir`: (rule, message in English).
fn law_messages(dir: &Path, id: &str) -> BTreeSet<(String, String)> {
    let checked = crate::support::engine(dir, true);
    checked
        .law
        .diagnostics(&checked.dataset)
        .filter(|d| d.record.as_deref() == Some(id))
        .map(|d| {
            let text = d.message.render(thidua::Lang::En);
            (d.rule.as_str().to_string(), text)
        })
        .collect()
}

fn recipient(c: &Value) -> (&str, &str) {
    match c.get("person") {
        Some(p) => ("person", p.as_str().unwrap()),
        None => ("unit", c["unit"].as_str().unwrap()),
    }
}

/// The property of §9.2 on one folder and year.
fn property(seed: u64, year: u16, transfers: bool) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder_with(dir, seed, 40, transfers);
    let json = eligible_json(dir, year);
    let date = json["date"].as_str().unwrap().to_string();
    let cands = json["candidates"].as_array().unwrap();
    assert!(
        cands.iter().any(|c| c["status"] == "eligible"),
        "seed {seed}"
    );
    assert!(
        cands.iter().any(|c| c["status"] == "not_eligible"),
        "seed {seed}"
    );
    // Every eligible candidate, written as a pending proposal: no finding
    // but a group limit.
    let (code, _, err) = thidua(dir, &["eligible", &year.to_string(), "--write-proposals"]);
    assert_eq!(code, 0, "{err}");
    let written = format!("proposals/du-dieu-kien-{year}.csv");
    let text = std::fs::read_to_string(dir.join(&written)).unwrap();
    let ids: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let eligible = cands.iter().filter(|c| c["status"] == "eligible").count();
    assert_eq!(
        ids.len(),
        eligible,
        "seed {seed}: one row per eligible candidate"
    );
    let findings = law_findings(dir);
    for id in &ids {
        let rules: Vec<&String> = findings
            .get(id)
            .into_iter()
            .flatten()
            .filter(|r| *r != "cstdcs-ratio")
            .collect();
        assert!(
            rules.is_empty(),
            "seed {seed} {year}: {id} raised {rules:?}"
        );
    }
    // Every not-eligible candidate, added alone beside them: a finding of a
    // rule it named.
    for c in cands
        .iter()
        .filter(|c| c["status"] == "not_eligible")
        .take(25)
    {
        let named: BTreeSet<&str> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let (field, id) = recipient(c);
        let (person, unit) = if field == "person" {
            (id, "")
        } else {
            ("", id)
        };
        let award = c["award"].as_str().unwrap();
        std::fs::write(
            dir.join("proposals/zz-one.csv"),
            format!("id,year,person,unit,award,status,date\nT-ONE,{year},{person},{unit},{award},pending,{date}\n"),
        )
        .unwrap();
        let f = law_findings(dir);
        let got: BTreeSet<&str> = f
            .get("T-ONE")
            .into_iter()
            .flatten()
            .map(|s| s.as_str())
            .collect();
        assert!(
            got.iter().any(|r| named.contains(r)),
            "seed {seed} {year}: {id} {award} named {named:?}, raised {got:?}"
        );
        // In `check`'s own words: the message `eligible` makes when it shows
        // a finding opens as `check`'s on the same proposal (what was found
        // may differ: there the other candidates counted as proposals).
        let subject = |m: &str| m.split_once(": ").map_or(m, |(s, _)| s).to_string();
        let told: BTreeSet<(String, String)> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let rule = f["rule"].as_str().unwrap().to_string();
                (rule, subject(f["message"].as_str().unwrap()))
            })
            .collect();
        let checked: BTreeSet<(String, String)> = law_messages(dir, "T-ONE")
            .into_iter()
            .map(|(rule, m)| (rule, subject(&m)))
            .collect();
        assert!(
            told.iter().any(|m| checked.contains(m)),
            "seed {seed} {year}: {id} {award} told {told:?}, check says {checked:?}"
        );
    }
}

#[test]
fn eligible_candidates_raise_no_finding_and_the_others_do() {
    for seed in 1..=4 {
        property(seed, 2019, false);
        property(seed + 100, 2024, false);
        property(seed + 200, 2021, true);
    }
}

/// Rating of each person in `year`, with discipline, from the generated CSV.
fn evaluations(dir: &Path, year: u16) -> HashMap<String, (String, bool)> {
    let text = std::fs::read_to_string(dir.join("evaluations.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[0] == year.to_string() && !f[1].is_empty())
        .map(|f| (f[1].to_string(), (f[3].to_string(), !f[4].is_empty())))
        .collect()
}

#[test]
fn everyone_meeting_the_ldtt_standard_is_listed() {
    for (seed, year) in [(7, 2019), (8, 2024), (9, 2021)] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        folder(dir, seed, 60);
        let json = eligible_json(dir, year);
        let listed: BTreeSet<String> = json["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["award"] == "LDTT" && c["status"] == "eligible")
            .map(|c| c["person"].as_str().unwrap().to_string())
            .collect();
        // Computed here from the files, not by thidua.
        let evals = evaluations(dir, year);
        let people = std::fs::read_to_string(dir.join("people.csv")).unwrap();
        let awards = std::fs::read_to_string(dir.join("awards.csv")).unwrap();
        let holding: BTreeSet<&str> = awards
            .lines()
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| f[1] == year.to_string() && f[4] == "LDTT")
            .map(|f| f[2])
            .collect();
        let min_months = if year <= 2023 { 10 } else { 6 };
        let expected: BTreeSet<String> = people
            .lines()
            .skip(1)
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| {
                let (hy, hm): (i32, i32) =
                    (f[4][..4].parse().unwrap(), f[4][5..7].parse().unwrap());
                let months = (i32::from(year) - hy) * 12 + (12 - hm) + 1;
                let good = evals
                    .get(f[0])
                    .is_some_and(|(r, disc)| (r == "htt" || r == "htxs") && !disc);
                good && months >= min_months && !holding.contains(f[0])
            })
            .map(|f| f[0].to_string())
            .collect();
        assert!(!expected.is_empty());
        let missing: Vec<_> = expected.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "seed {seed} {year}: not listed {missing:?}"
        );
    }
}

/// Without `--all` the list is the one `--all` gives less the candidates
/// not eligible: their findings are not kept then, and nothing else changes.
#[test]
fn the_default_list_is_the_full_one_without_the_candidates_not_eligible() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 5, 40);
    let all = eligible_json(dir, 2019);
    let (code, out, err) = thidua(
        dir,
        &["--lang", "en", "eligible", "2019", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let shown: Value = serde_json::from_str(&out).unwrap();
    let full = all["candidates"].as_array().unwrap();
    assert!(full.iter().any(|c| c["status"] == "not_eligible"));
    let kept: Vec<&Value> = full
        .iter()
        .filter(|c| c["status"] != "not_eligible")
        .collect();
    let listed: Vec<&Value> = shown["candidates"].as_array().unwrap().iter().collect();
    assert_eq!(listed, kept);
    assert_eq!(shown["limits"], all["limits"]);
}

#[test]
fn formats_and_write_proposals() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 3, 20);
    let (code, out, _) = thidua(dir, &["eligible", "2019", "--all"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Danh sách đủ điều kiện khen thưởng năm 2019"),
        "{out}"
    );
    assert!(out.contains("Lao động tiên tiến (LDTT)"));
    // The table names units as a clerk knows them; ids are for CSV and JSON.
    assert!(
        [
            "Phòng Nội vụ",
            "Trường Tiểu học Đông Thái",
            "Trường Mầm non Thứ Ba"
        ]
        .iter()
        .any(|name| out.contains(name)),
        "{out}"
    );
    assert!(!out.contains("│ U1 "), "a unit id in the table: {out}");
    let (_, out, _) = thidua(
        dir,
        &[
            "--lang", "en", "eligible", "2019", "--award", "LDTT", "--all",
        ],
    );
    assert!(out.contains("Eligible for awards for 2019"), "{out}");
    assert!(out.contains("Advanced Worker (LDTT)"), "{out}");
    assert!(!out.contains("CSTDCS)"), "only the award asked: {out}");
    let (code, csv, _) = thidua(dir, &["eligible", "2019", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("award,unit,id,name,issuer,status,why,outlook\n"));
    assert!(csv.lines().skip(1).all(|l| !l.contains("not_eligible")));
    let xlsx = dir.join("out.xlsx");
    let (code, _, err) = thidua(
        dir,
        &[
            "eligible",
            "2019",
            "--format",
            "xlsx",
            "--output",
            xlsx.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    assert!(range.rows().count() > 3);
    // Written twice: a new file each time, the first never rewritten.
    let (code, _, err) = thidua(dir, &["eligible", "2019", "--write-proposals"]);
    assert_eq!(code, 0, "{err}");
    let first = std::fs::read(dir.join("proposals/du-dieu-kien-2019.csv")).unwrap();
    let (code, _, _) = thidua(dir, &["eligible", "2019", "--write-proposals"]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(dir.join("proposals/du-dieu-kien-2019.csv")).unwrap(),
        first
    );
    assert!(dir.join("proposals/du-dieu-kien-2019-2.csv").exists());
    // The proposals just written are pending for 2019: their recipients are
    // still candidates (they hold no award), and the folder checks cleanly.
    let (code, out, _) = thidua(dir, &["check", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["file"]
                .as_str()
                .is_none_or(|f| !f.starts_with("proposals/"))
                || d["rule"] == "cstdcs-ratio"),
        "{code} {out}"
    );
}

#[test]
fn one_person_and_json_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 5, 10);
    let (code, out, err) = thidua(
        dir,
        &[
            "eligible", "2020", "--person", "P003", "--format", "json", "--all",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2020);
    assert_eq!(v["date"], "2020-12-31");
    assert_eq!(v["window"], "law2003-nd91");
    let cands = v["candidates"].as_array().unwrap();
    assert!(!cands.is_empty());
    for c in cands {
        assert_eq!(c["person"], "P003");
        for key in ["award", "issuer", "status", "findings", "unchecked"] {
            assert!(c.get(key).is_some(), "{key} in {c}");
        }
    }
    let issuer = |award: &str| {
        cands
            .iter()
            .find(|c| c["award"] == award)
            .map(|c| c["issuer"].as_str().unwrap().to_string())
    };
    assert_eq!(issuer("CSTDT").as_deref(), Some("tinh"));
    assert_eq!(issuer("HCLD3").as_deref(), Some("chu_tich_nuoc"));
    assert_eq!(issuer("BKTTG").as_deref(), Some("thu_tuong"));
    assert!(v["limits"].is_array());
}

#[test]
fn bad_input_is_told_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    folder(dir, 6, 5);
    let (code, _, err) = thidua(dir, &["eligible", "2019", "--person", "NOPE"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("không có người hoặc đơn vị nào có mã `NOPE`"),
        "{err}"
    );
    let (code, _, err) = thidua(dir, &["--lang", "en", "eligible", "2019", "--unit", "NOPE"]);
    assert_eq!(code, 2);
    assert!(err.contains("no person or unit has the id `NOPE`"), "{err}");
    for year in ["1800", "2999", "20x9", "19"] {
        let (code, _, err) = thidua(dir, &["--lang", "en", "eligible", year]);
        assert_eq!(code, 2, "{year}");
        assert!(
            err.contains(&format!("`{year}` is not a valid year")),
            "{err}"
        );
    }
    let (code, _, err) = thidua(dir, &["--lang", "en", "eligible", "2019", "--award", "XYZ"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = thidua(
        dir,
        &["--lang", "en", "eligible", "2019", "--date", "31/12/2019"],
    );
    assert_eq!(code, 2, "{err}");
    // A folder with a structural error: refused, exit 1, pointing at check.
    let mut awards = std::fs::read_to_string(dir.join("awards.csv")).unwrap();
    awards.push_str("BAD1,2018,NOBODY,,LDTT,thuong_xuyen,1/QĐ,2019-01-15,huyen\n");
    std::fs::write(dir.join("awards.csv"), awards).unwrap();
    let (code, out, err) = thidua(dir, &["--lang", "en", "eligible", "2019"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("structural error") && err.contains("thidua check"),
        "{err}"
    );
    let (code, _, err) = thidua(dir, &["eligible", "2019"]);
    assert_eq!(code, 1);
    assert!(err.contains("lỗi cấu trúc"), "{err}");
}
