//! Every integration test in one binary, so a cold `cargo test` links once.
//! One module per area; fixtures stay under `tests/fixtures/` and
//! `tests/cmd/`, found from `CARGO_MANIFEST_DIR`. Run one area with
//! `cargo test --test it report::` (module path filter).

mod support;

mod bundled_data;
mod cache;
mod check_snapshots;
mod ci_examples;
mod cli;
mod draft;
mod eligible;
mod excel;
mod fmt_add;
mod guide;
mod history;
mod hostile;
mod import;
mod import_example;
mod import_props;
mod import_stdin;
mod init;
mod layout;
mod proptest_loaders;
mod readme;
mod report;
mod report_cli;
mod report_settings;
mod rules;
mod rules_docs;
mod rules_law_files;
mod rules_messages;
mod rules_robust;
mod structural;
