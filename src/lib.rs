//! thidua: emulation and commendation records (thi đua, khen thưởng) kept as
//! plain CSV/TOML files, checked against Vietnam's law, imported from the
//! spreadsheets offices already have, and summed up in year-end reports.
//!
//! The layers point one way: [`model`] ← [`load`], [`rules`], [`report`] ←
//! [`commands`]. The library never prints: commands write to the writers
//! they are given, so tests can call [`run`] directly.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod commands;
pub mod diag;
pub mod draft;
pub mod eligible;
pub mod emit;
pub mod engine;
pub mod env;
pub mod error;
pub mod fsutil;
pub mod i18n;
pub mod import;
pub mod load;
pub mod lookup;
pub mod model;
pub mod report;
pub mod rules;
pub mod settings;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::Parser;

pub use i18n::Lang;

/// Exit status: the command ran and found nothing wrong.
pub const EXIT_OK: i32 = 0;
/// Exit status: the command ran and found problems (or refused, under `--strict`).
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status: the command could not run.
pub const EXIT_FAILURE: i32 = 2;

pub use error::{Error, Result};

/// What every command is given: the language, the data folder and where to
/// write.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub data: PathBuf,
    /// The day the folder is checked as of (`THIDUA_TODAY`, else the clock).
    pub today: model::Date,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether stderr is a terminal (progress bars, colour).
    pub err_is_tty: bool,
    /// Whether stdout is a terminal.
    pub out_is_tty: bool,
}

/// Runs the command line `args` and returns the exit status.
///
/// ```
/// let (mut out, mut err) = (Vec::new(), Vec::new());
/// let code = thidua::run(["thidua", "--lang", "en", "explain", "duplicate-id"], &mut out, &mut err);
/// assert_eq!(code, thidua::EXIT_OK);
/// assert!(String::from_utf8(out).unwrap().starts_with("duplicate-id"));
/// ```
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_in(&env::Env::from_process(), args, out, err)
}

/// [`run`] with the environment given rather than read from the process
/// (tests that run in one process set `THIDUA_TODAY` this way).
pub fn run_in<I, T>(env: &env::Env, args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_FAILURE
            } else {
                EXIT_OK
            };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return code;
        }
    };
    let lang = cli.lang.unwrap_or_default();
    let data = cli.data.clone().unwrap_or_else(|| PathBuf::from("data"));
    let today = match env.resolve_today() {
        Ok(today) => today,
        Err(e) => {
            let _ = writeln!(err, "thidua: {}", e.render(lang));
            return EXIT_FAILURE;
        }
    };
    let mut ctx = Ctx {
        lang,
        data,
        today,
        out,
        err,
        err_is_tty: std::io::stderr().is_terminal(),
        out_is_tty: std::io::stdout().is_terminal(),
    };
    match commands::dispatch(&mut ctx, &cli.command) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(ctx.err, "thidua: {:#}", failure(e, &cli.command, lang));
            EXIT_FAILURE
        }
    }
}

/// Where the library meets the user: the error in the user's language, as
/// an `anyhow` chain with what thidua was doing when the error alone does
/// not say (a bare I/O failure).
fn failure(e: Error, command: &cli::Command, lang: Lang) -> anyhow::Error {
    let context = match &e {
        Error::Io { .. } => Some(tr!(lang, "error.while", command = command_name(command))),
        Error::Output(_) => Some(lang.t("error.output").to_string()),
        _ => None,
    };
    let err = anyhow::Error::msg(e.render(lang));
    match context {
        Some(c) => err.context(c),
        None => err,
    }
}

fn command_name(command: &cli::Command) -> &'static str {
    match command {
        cli::Command::Check(_) => "check",
        cli::Command::Report(_) => "report",
        cli::Command::Import(_) => "import",
        cli::Command::Rules(_) => "rules",
        cli::Command::Explain(_) => "explain",
        cli::Command::Init(_) => "init",
        cli::Command::Draft(_) => "draft",
        cli::Command::Eligible(_) => "eligible",
        cli::Command::History(_) => "history",
        cli::Command::Find(_) => "find",
        cli::Command::Fmt(_) => "fmt",
        cli::Command::Add(_) => "add",
    }
}
