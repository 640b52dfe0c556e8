//! `thidua completions SHELL`: the shell's completion script on stdout, with
//! the help texts in the chosen language (fish and zsh show them).

use crate::cli::CompletionsArgs;
use crate::{Ctx, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &CompletionsArgs) -> Result<i32> {
    let mut cmd = crate::help::command(ctx.lang);
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "thidua", &mut bytes);
    ctx.out.write_all(&bytes)?;
    ctx.out.flush()?;
    Ok(EXIT_OK)
}
