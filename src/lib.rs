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
pub mod emit;
pub mod i18n;
pub mod import;
pub mod load;
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

/// "thidua could not do its job": the only errors; problems in the user's
/// data are diagnostics, not errors.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Message(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Output(#[from] std::io::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What every command is given: the language, the data folder and where to
/// write.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub data: PathBuf,
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
    let mut ctx = Ctx {
        lang,
        data,
        out,
        err,
        err_is_tty: std::io::stderr().is_terminal(),
        out_is_tty: std::io::stdout().is_terminal(),
    };
    match commands::dispatch(&mut ctx, &cli.command) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(ctx.err, "thidua: {e}");
            EXIT_FAILURE
        }
    }
}
