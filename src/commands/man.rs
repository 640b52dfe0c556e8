//! `thidua man`: the manual page as roff on stdout (`thidua man | man -l -`),
//! in the chosen language, with a section for each subcommand.

use crate::{Ctx, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>) -> Result<i32> {
    let lang = ctx.lang;
    let mut cmd = crate::help::command(lang);
    // clap adds -h and -V while building; their words then come from the
    // catalogue like the rest.
    cmd.build();
    let cmd = cmd
        .mut_arg("help", |a| a.help(lang.t("clap.help")).long_help(None))
        .mut_arg("version", |a| a.help(lang.t("clap.version")));
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    for sub in cmd.get_subcommands() {
        roff_subcommand(&mut page, sub, ctx.lang)?;
    }
    man.render_version_section(&mut page)?;
    let page = crate::help::translate(&String::from_utf8_lossy(&page), lang);
    ctx.out.write_all(page.as_bytes())?;
    ctx.out.flush()?;
    Ok(EXIT_OK)
}

/// One subcommand as a section: its about text and its help with examples.
fn roff_subcommand(
    page: &mut Vec<u8>,
    sub: &clap::Command,
    lang: crate::Lang,
) -> std::io::Result<()> {
    use std::io::Write;
    let name = format!("thidua {}", sub.get_name());
    writeln!(page, ".SH \"{}\"", name.to_uppercase())?;
    let help = sub.clone().bin_name(&name).render_long_help().to_string();
    let help = crate::help::translate(&help, lang);
    writeln!(page, ".nf")?;
    for line in help.lines() {
        writeln!(page, "{}", escape(line))?;
    }
    writeln!(page, ".fi")
}

/// A line of text safe in roff: backslashes doubled, no leading `.` or `'`.
fn escape(line: &str) -> String {
    let line = line.replace('\\', "\\e");
    if line.starts_with('.') || line.starts_with('\'') {
        format!("\\&{line}")
    } else {
        line
    }
}
