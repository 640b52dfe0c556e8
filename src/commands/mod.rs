//! One file per subcommand; `dispatch` picks it.

pub mod add;
pub mod check;
pub mod completions;
pub mod draft;
pub mod eligible;
pub mod explain;
pub mod find;
pub mod fmt;
pub mod history;
pub mod import;
pub mod init;
pub mod man;
pub mod report;
pub mod rules;

use crate::cli::Command;
use crate::{Ctx, Result};

/// Runs `command` and returns its exit status.
pub fn dispatch(ctx: &mut Ctx<'_>, command: &Command) -> Result<i32> {
    match command {
        Command::Check(args) => check::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Rules(args) => rules::run(ctx, args),
        Command::Explain(args) => explain::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::Draft(args) => draft::run(ctx, args),
        Command::Eligible(args) => eligible::run(ctx, args),
        Command::History(args) => history::run(ctx, args),
        Command::Find(args) => find::run(ctx, args),
        Command::Fmt(args) => fmt::run(ctx, args),
        Command::Add(args) => add::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Man => man::run(ctx),
    }
}
