//! Any bytes as a workbook to import, within the default bounds: a grid or
//! an error, never a panic, an abort or an unbounded allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thidua::import::limits::Limits;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.xlsx");
    std::fs::write(&path, data).unwrap();
    let _ = thidua::import::source::read(&path, None, None, Limits::DEFAULT);
});
