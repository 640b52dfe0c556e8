//! Any bytes as a CSV/TSV file to import: the encoding sniffer and the
//! delimiter sniffer must give a grid, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = thidua::import::source::read_csv(data, None, None);
    let _ = thidua::import::source::read_csv(data, None, Some(b'\t'));
});
