//! `thidua report` against a randomly generated data folder: the JSON report
//! must equal tallies computed here, independently, from the rows the test
//! wrote; the xlsx read back must hold the JSON's numbers; the HTML must be
//! well-formed with a chart per table.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;
use thidua::model::{AwardKind, Code};

fn thidua(args: &[&str]) -> std::process::Output {
    crate::support::thidua()
        .args(args)
        .env_remove("THIDUA_DATA")
        .env_remove("THIDUA_LANG")
        .env("THIDUA_TODAY", "2024-06-30")
        .output()
        .unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = thidua(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A small deterministic generator (xorshift64*), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const PERSON_CODES: &[&str] = &["LDTT", "CSTDCS", "CSTDT", "GK", "BKT", "HCLD3"];
const UNIT_CODES: &[&str] = &["TTLDTT", "TTLDXS", "CTDT", "GK", "BKT"];
const KINDS: &[&str] = &[
    "thuong_xuyen",
    "chuyen_de",
    "dot_xuat",
    "cong_hien",
    "nien_han",
];
const ISSUERS: &[&str] = &["xa", "huyen", "co_quan", "tinh", "thu_tuong"];
const YEARS: [u16; 4] = [2016, 2017, 2018, 2019];

struct Person {
    id: String,
    unit: usize,
    direct: bool,
    gender: Option<&'static str>,
}

/// An award row as written; `good` is false for the rows made to carry a
/// structural error (an unknown recipient).
struct AwardRow {
    year: u16,
    person: Option<usize>,
    unit: Option<usize>,
    code: &'static str,
    kind: &'static str,
    campaign: Option<usize>,
    issuer: &'static str,
    good: bool,
}

struct ProposalRow {
    year: u16,
    person: Option<usize>,
    good: bool,
}

struct Folder {
    units: Vec<(String, Option<usize>)>,
    people: Vec<Person>,
    campaigns: Vec<String>,
    awards: Vec<AwardRow>,
    proposals: Vec<ProposalRow>,
    /// Award rows that cannot be read at all (an unknown award code).
    unreadable: usize,
}

fn generate(seed: u64, dir: &Path) -> Folder {
    let mut rng = Rng(seed);
    // Three top-level units, each with sub-units, some with sub-sub-units.
    let mut units: Vec<(String, Option<usize>)> = (0..3).map(|i| (format!("U{i}"), None)).collect();
    for i in 3..12 {
        let parent = rng.below(units.len());
        units.push((format!("U{i}"), Some(parent)));
    }
    let people: Vec<Person> = (0..60)
        .map(|i| Person {
            id: format!("P{i:03}"),
            unit: rng.below(units.len()),
            direct: rng.chance(70),
            gender: *rng.pick(&[Some("nam"), Some("nu"), None]),
        })
        .collect();
    let campaigns: Vec<String> = (0..3).map(|i| format!("PT{i}")).collect();
    let mut awards = Vec::new();
    for _ in 0..600 {
        let year = *rng.pick(&YEARS);
        let to_person = rng.chance(65);
        let (person, unit, code) = if to_person {
            (Some(rng.below(people.len())), None, *rng.pick(PERSON_CODES))
        } else {
            (None, Some(rng.below(units.len())), *rng.pick(UNIT_CODES))
        };
        let campaign = rng.chance(40).then(|| rng.below(campaigns.len()));
        let good = !rng.chance(4);
        awards.push(AwardRow {
            year,
            person,
            unit,
            code,
            kind: KINDS[rng.below(KINDS.len())],
            campaign,
            issuer: ISSUERS[rng.below(ISSUERS.len())],
            good,
        });
    }
    // Proposals for 2018 and 2019 only: 2016 and 2017 fall back to the awarded.
    let mut proposals = Vec::new();
    for _ in 0..80 {
        let year = *rng.pick(&[2018u16, 2019]);
        let person = (!rng.chance(10)).then(|| rng.below(people.len()));
        proposals.push(ProposalRow {
            year,
            person,
            good: !rng.chance(5),
        });
    }

    let mut s = String::from("[organisation]\nname = \"UBND huyện Ngẫu Nhiên\"\n");
    std::fs::write(dir.join("thidua.toml"), &s).unwrap();
    s = String::from("id,name,kind,parent\n");
    for (id, parent) in &units {
        let parent = parent.map(|p| units[p].0.clone()).unwrap_or_default();
        writeln!(s, "{id},Đơn vị {id},co_quan,{parent}").unwrap();
    }
    std::fs::write(dir.join("units.csv"), &s).unwrap();
    s = String::from("id,name,unit,direct_worker,gender\n");
    for p in &people {
        writeln!(
            s,
            "{},Người {},{},{},{}",
            p.id,
            p.id,
            units[p.unit].0,
            p.direct,
            p.gender.unwrap_or("")
        )
        .unwrap();
    }
    std::fs::write(dir.join("people.csv"), &s).unwrap();
    s = String::from("id,name,kind,start,end\n");
    for c in &campaigns {
        writeln!(s, "{c},Phong trào {c},chuyen_de,2015-01-01,2020-12-31").unwrap();
    }
    std::fs::write(dir.join("campaigns.csv"), &s).unwrap();
    // Awards one file per year, in a folder.
    std::fs::create_dir(dir.join("awards")).unwrap();
    let header = "id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n";
    let mut files: BTreeMap<u16, String> = YEARS.iter().map(|y| (*y, header.to_string())).collect();
    for (i, a) in awards.iter().enumerate() {
        let person = match (a.person, a.good) {
            (Some(p), true) => people[p].id.clone(),
            (Some(_), false) => format!("NOBODY{i}"),
            (None, _) => String::new(),
        };
        let unit = match (a.unit, a.good) {
            (Some(u), true) => units[u].0.clone(),
            (Some(_), false) => format!("NOWHERE{i}"),
            (None, _) => String::new(),
        };
        let campaign = a.campaign.map(|c| campaigns[c].clone()).unwrap_or_default();
        let f = files.get_mut(&a.year).unwrap();
        writeln!(
            f,
            "A{i},{},{person},{unit},{},{},{campaign},{i}/QĐ-UBND,{}-12-20,{}",
            a.year, a.code, a.kind, a.year, a.issuer
        )
        .unwrap();
    }
    let unreadable = 3;
    for k in 0..unreadable {
        let f = files.get_mut(&2018).unwrap();
        writeln!(
            f,
            "BAD{k},2018,P000,,NOT-A-CODE,dot_xuat,,1/QĐ,2018-12-20,huyen"
        )
        .unwrap();
    }
    for (y, text) in files {
        std::fs::write(dir.join("awards").join(format!("{y}.csv")), text).unwrap();
    }
    s = String::from("id,year,person,unit,award,status\n");
    for (i, p) in proposals.iter().enumerate() {
        match (p.person, p.good) {
            (Some(x), true) => writeln!(s, "D{i},{},{},,LDTT,pending", p.year, people[x].id),
            (Some(_), false) => writeln!(s, "D{i},{},GHOST{i},,LDTT,pending", p.year),
            (None, _) => writeln!(s, "D{i},{},,U0,TTLDTT,approved", p.year),
        }
        .unwrap();
    }
    std::fs::write(dir.join("proposals.csv"), &s).unwrap();
    Folder {
        units,
        people,
        campaigns,
        awards,
        proposals,
        unreadable,
    }
}

/// (awards, collectives, individuals) of a group, computed with sets.
#[derive(Default)]
struct Tally {
    awards: u64,
    units: HashSet<usize>,
    people: HashSet<usize>,
}

impl Tally {
    fn add(&mut self, a: &AwardRow) {
        self.awards += 1;
        if let Some(p) = a.person {
            self.people.insert(p);
        }
        if let Some(u) = a.unit {
            self.units.insert(u);
        }
    }
    fn json(&self) -> Value {
        serde_json::json!({"awards": self.awards, "collectives": self.units.len(), "individuals": self.people.len()})
    }
}

fn top(units: &[(String, Option<usize>)], mut u: usize) -> usize {
    while let Some(p) = units[u].1 {
        u = p;
    }
    u
}

/// The report of `year` computed from the generated rows.
fn expected(f: &Folder, year: u16) -> BTreeMap<&'static str, Value> {
    let rows: Vec<&AwardRow> = f
        .awards
        .iter()
        .filter(|a| a.year == year && a.good)
        .collect();
    let mut totals = Tally::default();
    let mut by: BTreeMap<(&str, String), Tally> = BTreeMap::new();
    for a in &rows {
        totals.add(a);
        by.entry(("kind", a.kind.to_string())).or_default().add(a);
        by.entry(("award", a.code.to_string())).or_default().add(a);
        by.entry(("issuer", a.issuer.to_string()))
            .or_default()
            .add(a);
        if let Some(c) = a.campaign {
            by.entry(("campaign", f.campaigns[c].clone()))
                .or_default()
                .add(a);
        }
        let unit = a.unit.unwrap_or_else(|| f.people[a.person.unwrap()].unit);
        by.entry(("unit", f.units[top(&f.units, unit)].0.clone()))
            .or_default()
            .add(a);
        if let Some(p) = a.person {
            let g = f.people[p].gender.unwrap_or("unknown");
            by.entry(("gender", g.to_string())).or_default().add(a);
        }
    }
    let group = |name: &str| -> Value {
        Value::Object(
            by.iter()
                .filter(|((n, _), _)| *n == name)
                .map(|((_, k), t)| (k.clone(), t.json()))
                .collect(),
        )
    };
    let listed = |name: &str| -> Value {
        let mut m = serde_json::Map::new();
        for ((n, k), t) in &by {
            if *n == name {
                m.insert(k.clone(), t.json());
            }
        }
        Value::Object(m)
    };
    let direct = totals
        .people
        .iter()
        .filter(|&&p| f.people[p].direct)
        .count() as u64;
    let proposed: HashSet<usize> = f
        .proposals
        .iter()
        .filter(|p| p.year == year && p.good)
        .filter_map(|p| p.person)
        .collect();
    let (denominator, proposed) = if proposed.is_empty() {
        ("awarded", totals.people.len() as u64)
    } else {
        ("proposals", proposed.len() as u64)
    };
    let rate = if proposed == 0 {
        0.0
    } else {
        (direct as f64 * 100.0 / proposed as f64 * 100.0).round() / 100.0
    };
    let mut out = BTreeMap::new();
    out.insert("totals", totals.json());
    out.insert("by_kind", group("kind"));
    out.insert("by_award", group("award"));
    out.insert("by_issuer", group("issuer"));
    out.insert("campaigns", listed("campaign"));
    out.insert("by_unit", listed("unit"));
    out.insert("by_gender", group("gender"));
    out.insert(
        "direct_workers",
        serde_json::json!({"awarded": direct, "proposed": proposed, "rate_percent": rate, "denominator": denominator}),
    );
    let excluded_awards = f
        .awards
        .iter()
        .filter(|a| a.year == year && !a.good)
        .count();
    let excluded_proposals = f
        .proposals
        .iter()
        .filter(|p| p.year == year && !p.good && p.person.is_some())
        .count();
    out.insert(
        "excluded",
        serde_json::json!({"awards": excluded_awards, "proposals": excluded_proposals,
                           "unreadable_award_rows": f.unreadable, "unreadable_proposal_rows": 0,
                           "files": []}),
    );
    out
}

/// The JSON of one year, with its lists turned into maps by id for comparison.
fn actual(year: &Value) -> BTreeMap<&'static str, Value> {
    let by_id = |v: &Value| -> Value {
        Value::Object(
            v.as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let counts = serde_json::json!({"awards": r["awards"], "collectives": r["collectives"], "individuals": r["individuals"]});
                    (r["id"].as_str().unwrap().to_string(), counts)
                })
                .collect(),
        )
    };
    let mut out = BTreeMap::new();
    for key in [
        "totals",
        "by_kind",
        "by_award",
        "by_issuer",
        "by_gender",
        "direct_workers",
        "excluded",
    ] {
        out.insert(
            key,
            year.get(key)
                .cloned()
                .unwrap_or(Value::Object(Default::default())),
        );
    }
    out.insert("campaigns", by_id(&year["campaigns"]));
    out.insert("by_unit", by_id(&year["by_unit"]));
    out
}

#[test]
fn json_equals_independent_tallies_of_a_random_folder() {
    for seed in [1u64, 0xC0FFEE, 20180411] {
        let tmp = tempfile::tempdir().unwrap();
        let f = generate(seed, tmp.path());
        let data = tmp.path().to_str().unwrap();
        for year in YEARS {
            let json = json_of(&[
                "report",
                &year.to_string(),
                "--data",
                data,
                "--format",
                "json",
            ]);
            assert_eq!(json["year"], year);
            assert_eq!(json["organisation"], "UBND huyện Ngẫu Nhiên");
            pretty_assertions::assert_eq!(
                actual(&json),
                expected(&f, year),
                "seed {seed}, year {year}"
            );
            match json.get("previous") {
                Some(prev) => pretty_assertions::assert_eq!(
                    actual(prev),
                    expected(&f, year - 1),
                    "seed {seed}, previous of {year}"
                ),
                None => assert!(
                    f.awards.iter().all(|a| a.year != year - 1 || !a.good),
                    "seed {seed}: {year} has no previous"
                ),
            }
        }
        // A range: one object per year, the same figures.
        let json = json_of(&["report", "2016..2019", "--data", data, "--format", "json"]);
        assert_eq!(json["years"], serde_json::json!(YEARS));
        let reports = json["reports"].as_array().unwrap();
        assert_eq!(reports.len(), YEARS.len());
        for (r, year) in reports.iter().zip(YEARS) {
            assert_eq!(r["year"], year);
            assert_eq!(
                actual(r),
                expected(&f, year),
                "seed {seed}, range year {year}"
            );
        }
    }
}

#[test]
fn strict_refuses_a_folder_with_structural_errors() {
    let tmp = tempfile::tempdir().unwrap();
    generate(7, tmp.path());
    let out = thidua(&[
        "--lang",
        "en",
        "report",
        "2018",
        "--data",
        tmp.path().to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("thidua check"));
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn xlsx_holds_the_numbers_of_the_json() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    generate(42, &data);
    let data = data.to_str().unwrap();
    let json = json_of(&["report", "2018", "--data", data, "--format", "json"]);
    let file = tmp.path().join("bao-cao.xlsx");
    let out = thidua(&[
        "report",
        "2018",
        "--data",
        data,
        "--format",
        "xlsx",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Written through a temporary file and a rename: nothing else is left.
    let mut left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["bao-cao.xlsx", "data"]);
    let mut wb: Xlsx<_> = open_workbook(&file).unwrap();
    let names = wb.sheet_names();
    assert_eq!(
        names,
        [
            "Tổng hợp",
            "Hình thức",
            "Loại hình",
            "Cấp quyết định",
            "Trực tiếp lao động",
            "Phong trào",
            "Đơn vị",
            "Giới tính"
        ]
    );
    let header = thidua::report::xlsx::HEADER_ROW as usize;

    let summary = wb.worksheet_range("Tổng hợp").unwrap();
    let rows: Vec<&[Data]> = summary.rows().collect();
    assert_eq!(
        rows[0][0].to_string(),
        "UBND huyện Ngẫu Nhiên",
        "the organisation heads the sheet"
    );
    assert!(rows[1][0].to_string().contains("2018"));
    assert_eq!(rows[header][0].to_string(), "STT");
    assert_eq!(rows[header][1].to_string(), "Chỉ tiêu");
    let prev = &json["previous"]["totals"];
    for (i, key) in ["awards", "collectives", "individuals"]
        .into_iter()
        .enumerate()
    {
        let row = rows[header + 1 + i];
        assert_eq!(
            number(&row[2]),
            json["totals"][key].as_f64().unwrap(),
            "{key}"
        );
        assert_eq!(
            number(&row[3]),
            json["totals"][key].as_f64().unwrap() - prev[key].as_f64().unwrap(),
            "change of {key}"
        );
    }
    // The rate is stored as a fraction, formatted as a percentage.
    let rate = number(&rows[header + 4][2]) * 100.0;
    assert!((rate - json["direct_workers"]["rate_percent"].as_f64().unwrap()).abs() < 1e-9);

    // By kind: each row's label is the Vietnamese name; columns are awards,
    // its change, collectives, its change, individuals, its change.
    let kinds = wb.worksheet_range("Loại hình").unwrap();
    let mut seen = 0;
    // STT first, then the label; the last row is the total.
    let rows: Vec<_> = kinds.rows().skip(header + 1).collect();
    let at = rows.iter().position(|r| r[1] == "Tổng cộng").unwrap();
    let (body, total) = (&rows[..at], rows[at]);
    assert_eq!(
        number(&total[2]),
        json["totals"]["awards"].as_f64().unwrap()
    );
    for row in body {
        let kind = AwardKind::parse(&row[1].to_string()).unwrap();
        let want = &json["by_kind"][kind.code()];
        if want.is_null() {
            assert_eq!(number(&row[2]), 0.0, "a kind only in the year before");
            continue;
        }
        seen += 1;
        assert_eq!(number(&row[2]), want["awards"].as_f64().unwrap());
        assert_eq!(number(&row[4]), want["collectives"].as_f64().unwrap());
        assert_eq!(number(&row[6]), want["individuals"].as_f64().unwrap());
    }
    assert_eq!(seen, json["by_kind"].as_object().unwrap().len());

    // By unit, matched by name.
    let units = wb.worksheet_range("Đơn vị").unwrap();
    let want: HashMap<String, f64> = json["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["name"].as_str().unwrap().to_string(),
                u["awards"].as_f64().unwrap(),
            )
        })
        .collect();
    let got: HashMap<String, f64> = units
        .rows()
        .skip(header + 1)
        .filter(|r| r[1] != "Tổng cộng")
        .map(|r| (r[1].to_string(), number(&r[2])))
        .filter(|(_, n)| *n > 0.0)
        .collect();
    assert_eq!(got, want);
}

/// Checks that every element is closed in order (void elements written as
/// `<x/>`), and returns the element names seen.
fn balanced(html: &str) -> Result<Vec<String>, String> {
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').ok_or("a tag is not closed")?;
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(top) if top == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            return Err(format!("bad tag <{tag}>"));
        }
        seen.push(name.clone());
        if !tag.ends_with('/') {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(seen)
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

#[test]
fn html_is_well_formed_with_a_chart_per_table() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    generate(99, &data);
    let file = tmp.path().join("bao-cao.html");
    let out = thidua(&[
        "report",
        "2018",
        "--data",
        data.to_str().unwrap(),
        "--format",
        "html",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&file).unwrap();
    let tags = balanced(&html).unwrap();
    let sections = tags.iter().filter(|t| *t == "section").count();
    let charts = tags.iter().filter(|t| *t == "svg").count();
    assert_eq!(sections, 8);
    // A chart for each table of two rows or more (one bar says nothing).
    assert!(
        charts >= 1 && charts <= sections,
        "{charts} charts, {sections} tables"
    );
    assert!(html.contains("<meta charset=\"utf-8\"/>"));
    assert!(
        html.contains("ỦY BAN NHÂN DÂN<br/>HUYỆN NGẪU NHIÊN")
            && html.contains("Lao động tiên tiến")
    );
    for external in ["<script", "<link", "src=", "url("] {
        assert!(!html.contains(external), "external asset {external}");
    }
    assert!(
        balanced("<p><b></p></b>").is_err() && balanced("<p>").is_err(),
        "the checker itself rejects bad nesting"
    );
}

#[test]
fn csv_without_a_table_writes_every_table_into_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    generate(5, &data);
    let dir = tmp.path().join("bang");
    let out = thidua(&[
        "report",
        "2018",
        "--data",
        data.to_str().unwrap(),
        "--format",
        "csv",
        "--output",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut want: Vec<String> = thidua::report::tables::NAMES
        .iter()
        .map(|n| format!("{n}.csv"))
        .collect();
    want.sort();
    assert_eq!(files, want);
    let json = json_of(&[
        "report",
        "2018",
        "--data",
        data.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let kinds = std::fs::read_to_string(dir.join("by_kind.csv")).unwrap();
    let mut lines = kinds.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("Loại hình khen thưởng,Lượt khen thưởng,"));
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let kind = AwardKind::parse(cells[0]).unwrap();
        let want = json["by_kind"][kind.code()]["awards"].as_u64().unwrap_or(0);
        assert_eq!(cells[1].parse::<u64>().unwrap(), want, "{line}");
    }
}

/// `--output` replaces a regular file atomically, keeping its permissions,
/// and refuses a symlink (exit 2, the link and its target untouched).
#[cfg(unix)]
#[test]
fn output_replaces_regular_files_and_refuses_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    generate(3, &data);
    let report = |file: &Path| {
        thidua(&[
            "--lang",
            "en",
            "report",
            "2018",
            "--data",
            data.to_str().unwrap(),
            "--format",
            "md",
            "--output",
            file.to_str().unwrap(),
        ])
    };
    let file = tmp.path().join("report.md");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = report(&file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(std::fs::read_to_string(&file).unwrap(), "old");
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let link = tmp.path().join("link.md");
    let target = tmp.path().join("target.md");
    std::fs::write(&target, "kept").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = report(&link);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is not a regular file"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

/// A failed write exits 2 and says, in the user's language, which command
/// could not finish, then the path and the system's reason.
#[test]
fn a_failed_write_names_the_command_and_the_path() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("no-such-folder/report.md");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/basic");
    for (lang, said) in [
        ("en", "`thidua report` could not finish: "),
        ("vi", "`thidua report` không làm xong được: "),
    ] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args = [
            "thidua",
            "--lang",
            lang,
            "report",
            "2018",
            "--data",
            data.to_str().unwrap(),
            "--format",
            "md",
            "--output",
            target.to_str().unwrap(),
        ];
        let code = thidua::run_in(
            &thidua::env::Env::today("2024-06-30"),
            args,
            &mut out,
            &mut err,
        );
        let err = String::from_utf8(err).unwrap();
        assert_eq!(code, thidua::EXIT_FAILURE, "{err}");
        let last = err.lines().last().unwrap_or_default();
        let want = format!("thidua: {said}{}: ", target.display());
        assert!(last.starts_with(&want), "{last}");
        assert!(!target.parent().unwrap().exists());
    }
}

/// `report YEAR` judges only the claims of its years (issue 14): on the
/// bundled data and every fixture, the law's findings with the pass limited
/// to one year are exactly the full pass's findings on that year's records.
#[test]
fn law_pass_limited_to_years_finds_what_the_full_pass_finds_there() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("data")];
    crate::check_snapshots::data_folders(&root.join("tests/fixtures"), &mut folders);
    let mut compared = 0;
    for dir in &folders {
        let full = crate::support::engine(dir, true);
        let ds = &full.dataset;
        let years: std::collections::BTreeSet<u16> = ds
            .awards
            .iter()
            .map(|a| a.year)
            .chain(ds.proposals.iter().map(|p| p.year))
            .collect();
        for year in years {
            let places: HashSet<(String, u32)> = ds
                .awards
                .iter()
                .filter(|a| a.year == year)
                .map(|a| a.loc)
                .chain(
                    ds.proposals
                        .iter()
                        .filter(|p| p.year == year)
                        .map(|p| p.loc),
                )
                .map(|loc| (ds.path(loc).to_string(), loc.line))
                .collect();
            let expected: Vec<_> = full
                .law
                .diagnostics(&full.dataset)
                .filter(|d| {
                    let place = (
                        d.file.as_deref().unwrap_or_default().to_string(),
                        d.line.unwrap_or(0),
                    );
                    places.contains(&place)
                })
                .collect();
            let limited = crate::support::engine_years(dir, &[year]);
            assert_eq!(
                limited
                    .law
                    .diagnostics(&limited.dataset)
                    .collect::<Vec<_>>(),
                expected,
                "{} {year}",
                dir.display()
            );
            compared += expected.len();
        }
    }
    assert!(compared > 100, "only {compared} findings compared");
}
