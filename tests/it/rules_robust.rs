//! The law's rules never panic, whatever the records: random folders (unit
//! cycles, unknown ids, odd dates, extreme thresholds) go through `thidua
//! check`, which must end with a JSON report whose counts agree.

use proptest::prelude::*;

const CODES: &[&str] = &[
    "LDTT", "CSTT", "CSTDCS", "CSTDT", "CSTDTQ", "TTLDTT", "TTLDXS", "CTDT", "CTDCP", "GK", "BKT",
    "BKTTG", "HCLD3", "HCLD2", "HCLD1",
];
const KINDS: &[&str] = &[
    "thuong_xuyen",
    "chuyen_de",
    "dot_xuat",
    "cong_hien",
    "nien_han",
    "doi_ngoai",
];
const ISSUERS: &[&str] = &[
    "xa",
    "huyen",
    "co_quan",
    "tinh",
    "thu_tuong",
    "chu_tich_nuoc",
];
const RATINGS: &[&str] = &["htxs", "htt", "ht", "kht"];
const DISCIPLINE: &[&str] = &["", "khien_trach", "canh_cao", "buoc_thoi_viec"];
const BOOLS: &[&str] = &["", "true", "false"];
const STATUS: &[&str] = &["pending", "approved", "rejected"];

fn date(days: u32) -> String {
    // 2012-01-01 plus up to ~14 years: some before the first window, some in the future.
    let d = thidua::model::Date::from_ymd(2012, 1, 1).unwrap();
    thidua::model::Date::from_days(d.days() + days as i32).to_string()
}

type Row = (u8, u8, u8, u8, u8, u16, u8);

fn folder(
    units: &[u8],
    people: &[(u8, u16)],
    evals: &[Row],
    awards: &[Row],
    props: &[Row],
    toml: &str,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    let mut s = String::from("id,name,kind,parent\n");
    for (i, p) in units.iter().enumerate() {
        let parent = if (*p as usize).is_multiple_of(4) {
            String::new()
        } else {
            format!("U{}", *p as usize % (units.len() + 1))
        };
        s += &format!("U{i},Đơn vị {i},co_quan,{parent}\n");
    }
    w("units.csv", s);
    let mut s = String::from("id,name,unit,direct_worker,hire_date\n");
    for (i, (u, h)) in people.iter().enumerate() {
        let hire = if h.is_multiple_of(5) {
            String::new()
        } else {
            date(u32::from(*h) * 3)
        };
        s += &format!(
            "P{i},Người {i},U{},true,{hire}\n",
            *u as usize % units.len().max(1)
        );
    }
    w("people.csv", s);
    let mut s =
        String::from("year,person,unit,rating,discipline,initiative,months_worked,absent_days\n");
    for (who, y, r, d, b, n, u) in evals {
        let (p, un) = if u.is_multiple_of(3) {
            (String::new(), format!("U{}", who % 8))
        } else {
            (format!("P{}", who % 16), String::new())
        };
        s += &format!(
            "{},{p},{un},{},{},{},{},{}\n",
            2012 + u16::from(y % 15),
            RATINGS[*r as usize % 4],
            DISCIPLINE[*d as usize % 4],
            BOOLS[*b as usize % 3],
            n % 13,
            n % 60
        );
    }
    w("evaluations.csv", s);
    let mut s =
        String::from("id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\n");
    for (i, (who, y, c, k, iss, d, u)) in awards.iter().enumerate() {
        let (p, un) = if u.is_multiple_of(3) {
            (String::new(), format!("U{}", who % 8))
        } else {
            (format!("P{}", who % 16), String::new())
        };
        let year = 2012 + u16::from(y % 15);
        s += &format!(
            "A{i},{year},{p},{un},{},{},,1/QĐ,{},{}\n",
            CODES[*c as usize % CODES.len()],
            KINDS[*k as usize % KINDS.len()],
            date(u32::from(*d)),
            ISSUERS[*iss as usize % ISSUERS.len()]
        );
    }
    w("awards.csv", s);
    let mut s = String::from("id,year,person,unit,award,proposed_by,status,date,award_id\n");
    for (i, (who, y, c, st, _, d, u)) in props.iter().enumerate() {
        let (p, un) = if u.is_multiple_of(3) {
            (String::new(), format!("U{}", who % 8))
        } else {
            (format!("P{}", who % 16), String::new())
        };
        let when = if d.is_multiple_of(2) {
            String::new()
        } else {
            date(u32::from(*d))
        };
        s += &format!(
            "D{i},{},{p},{un},{},,{},{when},\n",
            2012 + u16::from(y % 15),
            CODES[*c as usize % CODES.len()],
            STATUS[*st as usize % 3]
        );
    }
    w("proposals.csv", s);
    w("thidua.toml", toml.to_string());
    dir
}

fn row() -> impl Strategy<Value = Row> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        0u16..5200,
        any::<u8>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
    #[test]
    fn random_folders_never_panic(
        units in prop::collection::vec(any::<u8>(), 0..8),
        people in prop::collection::vec((any::<u8>(), any::<u16>()), 0..16),
        evals in prop::collection::vec(row(), 0..40),
        awards in prop::collection::vec(row(), 0..40),
        props in prop::collection::vec(row(), 0..10),
        toml in prop::sample::select(vec![
            "",
            "[rules]\nrequire-evidence = true\ncstdcs-ratio = \"warning\"\ncstdcs-ratio-scope = \"unit\"\n",
            "[data]\nrecords-from = 2030\n[thresholds]\ncstdcs-ratio-percent = 0\nttldtt-min-percent = 1000\nbkttg-years = 0\ncstdtq-cycle-years = 100000\n",
        ]),
    ) {
        let dir = folder(&units, &people, &evals, &awards, &props, toml);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = crate::support::run(["thidua", "check", "--format", "json", "--data", dir.path().to_str().unwrap()], &mut out, &mut err);
        prop_assert!(code == 0 || code == 1, "exit {code}: {}", String::from_utf8_lossy(&err));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let diags = v["diagnostics"].as_array().unwrap();
        let errors = diags.iter().filter(|d| d["severity"] == "error").count();
        prop_assert_eq!(v["errors"].as_u64().unwrap() as usize, errors);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
    /// The law's findings are kept compact and made into diagnostics only as
    /// they are written: merged with the other findings, they come out as
    /// the same diagnostics, in the same order, as every finding made whole
    /// and sorted together.
    #[test]
    fn the_law_findings_merged_are_all_findings_sorted(
        units in prop::collection::vec(any::<u8>(), 0..8),
        people in prop::collection::vec((any::<u8>(), any::<u16>()), 0..16),
        evals in prop::collection::vec(row(), 0..40),
        awards in prop::collection::vec(row(), 0..40),
        props in prop::collection::vec(row(), 0..10),
        toml in prop::sample::select(vec![
            "",
            "[rules]\nrequire-evidence = true\nldtt-rating = \"warning\"\nduplicate-title = \"off\"\n",
        ]),
    ) {
        let dir = folder(&units, &people, &evals, &awards, &props, toml);
        let mut checked = crate::support::engine(dir.path(), true);
        let merged: Vec<thidua::diag::Diagnostic> =
            checked.findings().iter().map(|d| d.into_owned()).collect();
        let (errors, warnings) = (
            checked.diagnostics.errors() + checked.law.errors(),
            checked.diagnostics.warnings() + checked.law.warnings(),
        );
        let all = checked.all_findings();
        prop_assert_eq!((all.errors(), all.warnings()), (errors, warnings));
        prop_assert_eq!(merged.as_slice(), all.items());
    }
}
