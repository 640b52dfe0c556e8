//! `thidua explain RULE`: what a rule checks, why, the article of the law, an
//! example and the fix.

use crate::cli::ExplainArgs;
use crate::rules::{find, registry};
use crate::{tr, Ctx, Error, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &ExplainArgs) -> Result<i32> {
    let lang = ctx.lang;
    let id = args.rule.trim().to_ascii_lowercase();
    let Some(rule) = find(&id) else {
        let near = crate::model::text::nearest(&id, registry().iter().map(|r| r.id));
        let suggestion = near.map(|n| tr!(lang, "explain.did-you-mean", name = n)).unwrap_or_default();
        return Err(Error::Message(tr!(lang, "explain.unknown", rule = args.rule, suggestion = suggestion)));
    };
    writeln!(ctx.out, "{} — {}", rule.id, rule.summary.get(lang))?;
    writeln!(ctx.out, "{}: {}    {}: {}", lang.t("explain.family"), rule.family.as_str(), lang.t("explain.default"), rule.default)?;
    if !rule.citation.is_empty() {
        writeln!(ctx.out, "{}: {}", lang.t("explain.citation"), rule.citation)?;
    }
    writeln!(ctx.out)?;
    writeln!(ctx.out, "{}", rule.explanation.get(lang))?;
    Ok(EXIT_OK)
}

