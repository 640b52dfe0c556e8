//! Any bytes as a CSV file of awards, beside a small valid folder: the one
//! pipeline must return findings, never panic, hang or abort.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("units.csv"), "id,name,kind,parent\nU1,X,xa,\n").unwrap();
    std::fs::write(
        dir.path().join("people.csv"),
        "id,name,unit,direct_worker\nP1,A,U1,true\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("awards.csv"), data).unwrap();
    let input = thidua::engine::EngineInput {
        root: dir.path(),
        lang: thidua::Lang::En,
        today: thidua::env::clock_today(),
        law: true,
    };
    let _ = thidua::engine::run(&input, &mut thidua::load::Progress::hidden());
});
