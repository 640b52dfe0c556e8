//! `thidua report` as users run it: each case in `tests/cmd/report/` runs the
//! real binary on a fixture folder and compares stdout, stderr and the exit
//! status with the snapshot beside it (`TRYCMD=overwrite` refreshes them).

#[test]
fn report_cases() {
    // Children inherit the environment: no other test changes it meanwhile.
    let _env = crate::support::env_lock();
    trycmd::TestCases::new().case("tests/cmd/report/*.toml");
}
