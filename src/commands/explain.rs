//! `thidua explain RULE`: what a rule checks, why, the article of the law, an
//! example and the fix.

use crate::cli::ExplainArgs;
use crate::rules::{find, registry};
use crate::{tr, Ctx, Error, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &ExplainArgs) -> Result<i32> {
    let lang = ctx.lang;
    let id = args.rule.trim().to_ascii_lowercase();
    let Some(rule) = find(&id) else {
        let nearest = crate::model::text::nearest(&id, registry().iter().map(|r| r.id));
        return Err(Error::UnknownRule {
            rule: args.rule.clone(),
            nearest,
        });
    };
    writeln!(ctx.out, "{} — {}", rule.id, rule.summary.get(lang))?;
    writeln!(
        ctx.out,
        "{}: {}    {}: {}",
        lang.t("explain.family"),
        rule.family.as_str(),
        lang.t("explain.default"),
        rule.default
    )?;
    if !rule.citation.is_empty() {
        writeln!(ctx.out, "{}: {}", lang.t("explain.citation"), rule.citation)?;
    }
    if let Some(law) = crate::rules::find_law(rule.id) {
        writeln!(ctx.out, "{}:", lang.t("explain.windows"))?;
        for (w, applies) in crate::rules::windows::WINDOWS
            .iter()
            .zip(law.windows.iter())
        {
            let level = match applies {
                None => "—".to_string(),
                Some(a) => match a.since {
                    Some(d) => tr!(lang, "explain.since", level = a.level, date = d.date()),
                    None => a.level.to_string(),
                },
            };
            let cite = applies
                .map(|a| a.citation)
                .filter(|c| !c.is_empty())
                .unwrap_or("");
            let line = format!("  {:<14} {:<24} {}", w.id, level, cite);
            writeln!(ctx.out, "{}", line.trim_end())?;
        }
    }
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", rule.explanation.get(lang))?;
    Ok(EXIT_OK)
}
