//! What the test modules share now that they run in one process.

use std::sync::{Mutex, MutexGuard};

/// The process environment is shared by every test of this binary. Tests
/// give `thidua::run_in` their own environment rather than set variables;
/// the few that must change the process's (to start children from a known
/// one) hold this lock while they do.
pub fn env_lock() -> MutexGuard<'static, ()> {
    static ENV: Mutex<()> = Mutex::new(());
    ENV.lock().unwrap_or_else(|e| e.into_inner())
}

/// The engine's outcome for `dir` (in English, as of today by the clock),
/// with or without the law's rules.
pub fn engine(dir: &std::path::Path, law: bool) -> thidua::engine::Checked {
    engine_in(dir, law, None)
}

/// The engine's outcome for `dir` with the law judging only `years`.
pub fn engine_years(dir: &std::path::Path, years: &[u16]) -> thidua::engine::Checked {
    engine_in(dir, true, Some(years))
}

fn engine_in(
    dir: &std::path::Path,
    law: bool,
    law_years: Option<&[u16]>,
) -> thidua::engine::Checked {
    let input = thidua::engine::EngineInput {
        root: dir,
        lang: thidua::Lang::En,
        today: thidua::env::clock_today(),
        law,
        law_years,
    };
    thidua::engine::run(&input, &mut thidua::load::Progress::hidden())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}
