//! Any bytes as a TOML file of awards: findings, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("units.csv"), "id,name,kind,parent\nU1,X,xa,\n").unwrap();
    std::fs::write(dir.path().join("awards.toml"), data).unwrap();
    let input = thidua::engine::EngineInput {
        root: dir.path(),
        lang: thidua::Lang::Vi,
        today: thidua::env::clock_today(),
        law: true,
    };
    let _ = thidua::engine::run(&input, &mut thidua::load::Progress::hidden());
});
