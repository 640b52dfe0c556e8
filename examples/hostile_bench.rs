//! Times the two CPU bombs of issue 13 on the real binary's pipeline:
//! a 1 MB reference cell (the "did you mean" search compares at most 64
//! characters) and a TOML file of 20,000 records (line numbers by binary
//! search, not counted from the top per key). Run with
//! `cargo run --release --example hostile_bench`; the numbers go in the
//! README's Reliability section. Not a test: timings belong here.

use std::path::Path;
use std::time::Instant;

fn write_base(dir: &Path) {
    std::fs::write(
        dir.join("units.csv"),
        "id,name,kind,parent\nU1,Xã Một,xa,\n",
    )
    .unwrap();
    let mut people = String::from("id,name,unit,direct_worker\n");
    for i in 0..2000 {
        people.push_str(&format!("P{i:05},Người {i},U1,true\n"));
    }
    std::fs::write(dir.join("people.csv"), people).unwrap();
}

fn check(dir: &Path) -> (f64, i32) {
    let args = [
        "thidua",
        "check",
        "--format",
        "json",
        "--data",
        dir.to_str().unwrap(),
    ];
    let started = Instant::now();
    let code = thidua::run(args, &mut std::io::sink(), &mut std::io::sink());
    (started.elapsed().as_secs_f64(), code)
}

fn main() {
    // A 1 MB reference: a person id nobody has, so "did you mean" runs.
    let dir = tempfile::tempdir().unwrap();
    write_base(dir.path());
    let huge = "P".repeat(1 << 20);
    let awards = format!(
        "id,year,person,unit,award,kind,campaign,decision,decision_date,issuer\nA1,2020,{huge},,LDTT,thuong_xuyen,,1/QĐ,2021-01-10,xa\n"
    );
    std::fs::write(dir.path().join("awards.csv"), awards).unwrap();
    let (secs, code) = check(dir.path());
    println!("1 MB reference cell against 2,000 people: {secs:.3} s (exit {code})");

    // 20,000 TOML records.
    let dir = tempfile::tempdir().unwrap();
    write_base(dir.path());
    let mut toml = String::new();
    for i in 0..20_000 {
        toml.push_str(&format!(
            "[[award]]\nid = \"A{i}\"\nyear = 2020\nperson = \"P{:05}\"\naward = \"LDTT\"\nkind = \"thuong_xuyen\"\ndecision = \"1/QĐ\"\ndecision_date = 2021-01-10\nissuer = \"xa\"\n\n",
            i % 2000
        ));
    }
    std::fs::write(dir.path().join("awards.toml"), toml).unwrap();
    let (secs, code) = check(dir.path());
    println!("20,000 TOML award records: {secs:.3} s (exit {code})");
}
