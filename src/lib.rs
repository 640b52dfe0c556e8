//! thidua: emulation and commendation records (thi đua, khen thưởng) kept as
//! plain CSV/TOML files, checked against Vietnam's law, imported from the
//! spreadsheets offices already have, and summed up in year-end reports.
//!
//! The layers point one way: [`model`] ← [`load`], [`rules`], [`report`] ←
//! [`commands`]. The library never prints: commands write to the writers
//! they are given, so tests can call [`run`] directly.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cache;
pub mod cli;
pub mod commands;
pub mod console;
pub mod diag;
pub mod draft;
pub mod eligible;
pub mod emit;
pub mod engine;
pub mod env;
pub mod error;
pub mod fsutil;
pub mod help;
pub mod i18n;
pub mod import;
pub mod load;
pub mod lock;
pub mod lookup;
pub mod model;
pub mod report;
pub mod rules;
pub mod settings;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

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
    /// Colour the human output (`--color`, `NO_COLOR` and the terminal).
    pub color: bool,
    /// `-q`: only findings and errors — no progress, notes or summaries.
    pub quiet: bool,
    /// `-v`: say what was read and how long it took.
    pub verbose: bool,
    /// The width terminal tables must fit (`COLUMNS`, else the terminal's
    /// when stdout is one); `None`: lines are not wrapped.
    pub width: Option<usize>,
    /// Draw tables with ASCII borders (`THIDUA_ASCII=1`, `TERM=dumb`).
    pub ascii: bool,
    /// Where the snapshot cache is kept; `None` under `--no-cache`,
    /// `THIDUA_NO_CACHE=1` or with no cache directory.
    pub cache: Option<PathBuf>,
}

impl Ctx<'_> {
    /// Writes a note for the person at the terminal (what was written,
    /// what the report left out) on stderr, unless `-q` asked for quiet.
    pub fn note(&mut self, text: &str) -> std::io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        writeln!(self.err, "{text}")
    }

    /// Writes a detail only `-v` asked for.
    pub fn detail(&mut self, text: &str) -> std::io::Result<()> {
        if !self.verbose {
            return Ok(());
        }
        writeln!(self.err, "{text}")
    }

    /// Whether progress bars may be drawn (stderr is a terminal, not `-q`).
    pub fn progress(&self) -> bool {
        self.err_is_tty && !self.quiet
    }
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
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let env_lang = std::env::var("THIDUA_LANG").ok();
    let help_lang = help::lang_of(&args, env_lang.as_deref());
    let width = env.columns.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| comfy_table::Table::new().width().map(usize::from))
            .flatten()
    });
    let cli = match parse(&args, help_lang, width) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_FAILURE
            } else {
                EXIT_OK
            };
            let text = help::translate(&e.render().to_string(), help_lang);
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
    let out_is_tty = std::io::stdout().is_terminal();
    let color = match cli.color {
        cli::ColorChoice::Always => true,
        cli::ColorChoice::Never => false,
        cli::ColorChoice::Auto => {
            out_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut ctx = Ctx {
        lang,
        data,
        today,
        out,
        err,
        err_is_tty: std::io::stderr().is_terminal(),
        out_is_tty,
        color,
        quiet: cli.quiet,
        verbose: cli.verbose,
        width: env.columns.or_else(|| {
            out_is_tty
                .then(|| comfy_table::Table::new().width().map(usize::from))
                .flatten()
        }),
        ascii: env.ascii,
        cache: env.cache_dir.clone().filter(|_| !cli.no_cache),
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

/// The arguments through the command tree localised in `lang`.
fn parse(
    args: &[OsString],
    lang: Lang,
    width: Option<usize>,
) -> std::result::Result<cli::Cli, clap::Error> {
    use clap::FromArgMatches;
    help::set_parser_lang(lang);
    let matches = help::command_for(lang, width).try_get_matches_from(args)?;
    cli::Cli::from_arg_matches(&matches)
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
        cli::Command::Completions(_) => "completions",
        cli::Command::Man => "man",
    }
}
