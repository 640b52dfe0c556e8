//! `thidua explain RULE`: what a rule checks, why, the article of the law, an
//! example and the fix.

use crate::cli::ExplainArgs;
use crate::diag::RuleInfo;
use crate::rules::{find, registry, LawRule};
use crate::{tr, Ctx, Error, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &ExplainArgs) -> Result<i32> {
    let lang = ctx.lang;
    let id = args.rule.trim().to_ascii_lowercase();
    let Some(rule) = find(&id) else {
        let nearest = crate::model::text::nearest(&id, registry().iter().map(|r| r.id.as_str()));
        return Err(Error::UnknownRule {
            rule: args.rule.clone(),
            nearest,
        });
    };
    let law = crate::rules::find_law(rule.id);
    write_rule(ctx.out, lang, rule, law)?;
    Ok(EXIT_OK)
}

/// Writes the explanation of `rule` (with its windows, for a law rule `law`).
pub fn write_rule(
    out: &mut dyn std::io::Write,
    lang: crate::i18n::Lang,
    rule: &RuleInfo,
    law: Option<&LawRule>,
) -> std::io::Result<()> {
    writeln!(out, "{} — {}", rule.id, rule.summary.get(lang))?;
    writeln!(
        out,
        "{}: {}    {}: {}",
        lang.t("explain.family"),
        rule.family.as_str(),
        lang.t("explain.default"),
        rule.default
    )?;
    if !rule.citation.is_empty() {
        writeln!(out, "{}: {}", lang.t("explain.citation"), rule.citation)?;
    }
    if let Some(law) = law {
        writeln!(out, "{}:", lang.t("explain.windows"))?;
        for (w, applies) in law.windows.iter() {
            let level = match applies {
                None => "—".to_string(),
                Some(a) => match a.since {
                    Some(d) => tr!(lang, "explain.since", level = a.level, date = d),
                    None => a.level.to_string(),
                },
            };
            let cite = applies
                .map(|a| a.citation)
                .filter(|c| !c.is_empty())
                .unwrap_or("");
            let line = format!("  {:<14} {:<24} {}", w.as_str(), level, cite);
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", rule.explanation.get(lang))?;
    Ok(())
}
