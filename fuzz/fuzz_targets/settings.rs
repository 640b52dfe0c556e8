//! Any text as `thidua.toml`, through the settings reader and the rules'
//! configuration: diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (settings, _) = thidua::settings::parse(text, thidua::Lang::En);
    let _ = thidua::rules::config::configure(&settings, thidua::Lang::En);
});
