//! The command line as people read it: clap's command tree with every about
//! text, argument help and example taken from the catalogue (`cli.*` keys,
//! see `i18n/cli.rs`), in the language chosen *before* help is rendered —
//! `--lang` pre-scanned from the raw arguments, else `THIDUA_LANG`.
//!
//! Localisation is applied in one walk over the built `clap::Command`, so a
//! new subcommand or argument needs only its catalogue entries (a test fails
//! until they exist). clap's own fixed words (`Usage:`, `Options:`,
//! `[default: …]`) are replaced in the rendered Vietnamese help; clap's error
//! messages for bad values stay in English.

use std::ffi::OsString;

use clap::{Command, CommandFactory};

use crate::cli::Cli;
use crate::i18n::Lang;

/// The language of help and messages from the raw arguments and the
/// environment value of `THIDUA_LANG`: the first `--lang X` / `--lang=X`
/// before `--`, else the environment, else Vietnamese. Unknown values are
/// left for clap to refuse.
pub fn lang_of(args: &[OsString], env_lang: Option<&str>) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value {
            return Lang::from_code(&v).unwrap_or_default();
        }
    }
    env_lang.and_then(Lang::from_code).unwrap_or_default()
}

/// The whole command tree in `lang`, its help wrapped to fit `width`
/// columns when known. The Vietnamese layout words replaced after clap has
/// wrapped the text are a little longer than clap's, hence the margin.
pub fn command_for(lang: Lang, width: Option<usize>) -> Command {
    let cmd = command(lang);
    match (width, lang) {
        (Some(w), Lang::Vi) => cmd.term_width(w.saturating_sub(4).max(40)),
        (Some(w), Lang::En) => cmd.term_width(w),
        (None, _) => cmd,
    }
}

/// The whole command tree in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    // Global options under their own heading, so that a subcommand's help
    // shows its own options first and the shared ones after.
    let heading = lang.t("cli.global-heading");
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in globals {
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading));
    }
    localise(cmd, lang, "")
}

/// The catalogue key of `what` (`about`, `examples`, `arg.ID`) for the
/// command at `path` (`""` for thidua itself, `report`, `draft.decision`).
pub fn key(path: &str, what: &str) -> String {
    if path.is_empty() {
        format!("cli.{what}")
    } else {
        format!("cli.{path}.{what}")
    }
}

/// Every (command path, argument id) of the tree, for the completeness test.
pub fn paths(cmd: &Command, path: &str, out: &mut Vec<(String, Option<String>)>) {
    out.push((path.to_string(), None));
    for a in cmd.get_arguments() {
        out.push((path.to_string(), Some(a.get_id().to_string())));
    }
    for s in cmd.get_subcommands() {
        paths(s, &sub_path(path, s.get_name()), out);
    }
}

fn sub_path(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

fn localise(mut cmd: Command, lang: Lang, path: &str) -> Command {
    if let Some(t) = lang.get(&key(path, "about")) {
        cmd = cmd.about(t).long_about(None);
    }
    if let Some(t) = lang.get(&key(path, "examples")) {
        cmd = cmd.after_help(format!("{}:\n{t}", lang.t("cli.examples-heading")));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(t) = lang.get(&key(path, &format!("arg.{id}"))) {
            // The catalogue's text names the environment variable itself.
            // The catalogue's text names the environment variable and the
            // values itself (clap's "[possible values: …]" would be cut
            // across lines where it cannot be translated).
            cmd = cmd.mut_arg(&id, |a| {
                let takes_values = a.get_action().takes_values();
                a.help(t)
                    .long_help(None)
                    .hide_env(true)
                    .hide_possible_values(takes_values)
            });
        }
        cmd = cmd.mut_arg(&id, |a| value_names(a, lang));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let p = sub_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| localise(s, lang, &p));
    }
    cmd
}

/// The placeholders of an argument's values (`<NĂM>`) in `lang`; a value
/// name the catalogue lacks is left as it is.
fn value_names(arg: clap::Arg, lang: Lang) -> clap::Arg {
    let names: Vec<clap::builder::Str> = arg
        .get_value_names()
        .unwrap_or_default()
        .iter()
        .map(|n| {
            lang.get(&format!("cli.value.{n}"))
                .map_or_else(|| n.clone(), clap::builder::Str::from)
        })
        .collect();
    if names.is_empty() {
        return arg;
    }
    arg.value_names(names)
}

/// clap's fixed words, English as clap writes them, with their catalogue key.
const CLAP_WORDS: &[&str] = &[
    "clap.help-sub",
    "clap.help-more",
    "clap.help-less",
    "clap.help",
    "clap.version",
    "clap.usage",
    "clap.commands",
    "clap.arguments",
    "clap.options",
    "clap.options-usage",
    "clap.command-usage",
    "clap.default",
    "clap.possible-long",
    "clap.possible",
    "clap.env",
    "clap.error",
    "clap.invalid-value",
    "clap.for",
    "clap.more-info",
    "clap.unrecognized-subcommand",
    "clap.similar-subcommand",
    "clap.similar-argument",
    "clap.unexpected-argument",
    "clap.required",
    "clap.tip",
    "clap.found",
];

thread_local! {
    static PARSER_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Sets the language the value parsers of `cli` answer in, for this thread's
/// parse (clap's parsers take no context).
pub fn set_parser_lang(lang: Lang) {
    PARSER_LANG.with(|l| l.set(lang));
}

/// The language of a value parser's message (see [`set_parser_lang`]).
pub fn parser_lang() -> Lang {
    PARSER_LANG.with(|l| l.get())
}

/// Rendered help, usage or argument error in `lang`: clap writes its layout words in
/// English; in Vietnamese they are replaced by the catalogue's.
pub fn translate(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    CLAP_WORDS.iter().fold(text.to_string(), |acc, key| {
        acc.replace(Lang::En.t(key), lang.t(key))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_wins_over_the_environment_and_vietnamese_is_the_default() {
        assert_eq!(
            lang_of(&os(&["thidua", "--lang", "en", "-h"]), Some("vi")),
            Lang::En
        );
        assert_eq!(
            lang_of(&os(&["thidua", "check", "--lang=en"]), None),
            Lang::En
        );
        assert_eq!(lang_of(&os(&["thidua", "--help"]), Some("en")), Lang::En);
        assert_eq!(lang_of(&os(&["thidua", "--help"]), None), Lang::Vi);
        assert_eq!(
            lang_of(&os(&["thidua", "--", "--lang", "en"]), None),
            Lang::Vi
        );
        assert_eq!(lang_of(&os(&["thidua", "--lang"]), Some("en")), Lang::En);
    }

    #[test]
    fn every_command_and_argument_has_its_words_in_both_languages() {
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        let mut missing = Vec::new();
        for (path, arg) in &all {
            let wanted = match arg {
                None if path.is_empty() => vec![key(path, "about"), key(path, "examples")],
                None => vec![key(path, "about"), key(path, "examples")],
                Some(id) => vec![key(path, &format!("arg.{id}"))],
            };
            for k in wanted {
                for lang in [Lang::Vi, Lang::En] {
                    if lang.get(&k).is_none_or(|t| t.trim().is_empty()) {
                        missing.push(format!("{k} ({lang:?})"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no catalogue text for: {missing:#?}");
    }

    #[test]
    fn vietnamese_help_has_no_english_layout_words_left() {
        let mut cmd = command(Lang::Vi);
        let help = translate(&cmd.render_long_help().to_string(), Lang::Vi);
        for word in ["Usage:", "Options:", "Commands:", "[default:", "Print help"] {
            assert!(!help.contains(word), "{word} in\n{help}");
        }
        assert!(
            help.contains("Cách dùng:") && help.contains("Thư mục hồ sơ"),
            "{help}"
        );
    }
}
