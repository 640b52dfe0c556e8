//! `thidua explain RULE|CODE`: a rule (what it checks, why, the article of the
//! law, an example and the fix), every rule starting with a prefix
//! (`explain cstdcs`), or an award code (`explain LDTT`: who receives it, who
//! may confer it in each period, and the rules that hold its criteria).
//!
//! Rule ids are lowercase and award codes capitals, as in the data: an exact
//! rule id wins, then a code typed in capitals (or an award's Vietnamese
//! name), then rule ids by prefix, then a code in any case.

use std::io::Write;

use crate::cli::ExplainArgs;
use crate::diag::{Level, RuleInfo};
use crate::i18n::Lang;
use crate::model::{AwardCode, Code, Eligible};
use crate::rules::awards::{self, AwardLaw};
use crate::rules::{find, registry, LawRule};
use crate::{tr, Ctx, Error, Result, EXIT_OK};

/// What the argument of `explain` names.
enum Subject {
    Rule(&'static RuleInfo),
    Award(AwardCode),
    Prefix(Vec<&'static RuleInfo>, Option<AwardCode>),
}

pub fn run(ctx: &mut Ctx<'_>, args: &ExplainArgs) -> Result<i32> {
    let lang = ctx.lang;
    let Some(subject) = resolve(&args.rule) else {
        let id = args.rule.trim().to_ascii_lowercase();
        let nearest = crate::model::text::nearest(&id, registry().iter().map(|r| r.id.as_str()));
        return Err(Error::UnknownRule {
            rule: args.rule.clone(),
            nearest,
        });
    };
    match subject {
        Subject::Rule(rule) => write_rule(ctx.out, lang, rule, crate::rules::find_law(rule.id))?,
        Subject::Award(code) => write_award(ctx.out, lang, &awards::about(code))?,
        Subject::Prefix(rules, code) => {
            write_prefix(ctx.out, lang, args.rule.trim(), &rules, code)?
        }
    }
    Ok(EXIT_OK)
}

fn resolve(arg: &str) -> Option<Subject> {
    let typed = arg.trim();
    let id = typed.to_ascii_lowercase();
    if let Some(rule) = find(&id) {
        return Some(Subject::Rule(rule));
    }
    let code = AwardCode::parse(typed).ok();
    let capitals = typed.chars().any(|c| !c.is_ascii_lowercase() && c != '-');
    if let (Some(code), true) = (code, capitals) {
        return Some(Subject::Award(code));
    }
    let matching: Vec<&'static RuleInfo> = registry()
        .iter()
        .copied()
        .filter(|r| !id.is_empty() && r.id.as_str().starts_with(&id))
        .collect();
    match (matching.len(), code) {
        (1, _) => Some(Subject::Rule(matching[0])),
        (0, Some(code)) => Some(Subject::Award(code)),
        (0, None) => None,
        _ => Some(Subject::Prefix(matching, code)),
    }
}

/// Writes the explanation of `rule` (with its windows, for a law rule `law`).
pub fn write_rule(
    out: &mut dyn Write,
    lang: Lang,
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
        write_windows(out, lang, law, "  ")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", rule.explanation.get(lang))?;
    Ok(())
}

/// One line per window of the law: the rule's level there and its basis.
fn write_windows(
    out: &mut dyn Write,
    lang: Lang,
    law: &LawRule,
    indent: &str,
) -> std::io::Result<()> {
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
        let line = format!("{indent}{:<14} {:<24} {}", w.as_str(), level, cite);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The periods where `law` applies, by their dates, with the level in words
/// and the basis: what a clerk reads in the award's page.
fn write_periods(out: &mut dyn Write, lang: Lang, law: &LawRule) -> std::io::Result<()> {
    for (w, applies) in law.windows.iter() {
        let Some(a) = applies else { continue };
        let from = a.since.or(crate::rules::windows::get(w).from);
        let to = crate::rules::windows::last_day(w);
        let period = match (from, to) {
            (Some(f), Some(t)) => format!("{f} – {t}"),
            (Some(f), None) => tr!(lang, "explain.award.from", date = f),
            (None, Some(t)) => tr!(lang, "explain.award.until", date = t),
            (None, None) => lang.t("explain.award.always").to_string(),
        };
        let level = match a.level {
            Level::Error => lang.t("check.error"),
            Level::Warning => lang.t("check.warning"),
            Level::Off => lang.t("explain.award.off"),
        };
        let line = format!("    {period:<24} {level:<9} {}", a.citation);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// An award code: who receives it, who may confer it, and its rules.
fn write_award(out: &mut dyn Write, lang: Lang, law: &AwardLaw) -> std::io::Result<()> {
    let code = law.code;
    writeln!(
        out,
        "{} — {} ({})",
        code.code(),
        code.name_vi(),
        code.name_en()
    )?;
    let who = match code.eligible() {
        Eligible::Person => "explain.award.person",
        Eligible::Unit => "explain.award.unit",
        Eligible::Both => "explain.award.both",
    };
    writeln!(out, "{}", tr!(lang, "explain.award.for", who = lang.t(who)))?;
    writeln!(out)?;
    writeln!(out, "{}", lang.t("explain.award.authority"))?;
    for (from, to, issuers) in &law.authority {
        let when = match (from, to) {
            (None, None) => lang.t("explain.award.always").to_string(),
            (None, Some(d)) => tr!(lang, "explain.award.until", date = d),
            (Some(d), _) => tr!(lang, "explain.award.from", date = d),
        };
        let names: Vec<String> = issuers
            .iter()
            .map(|i| format!("{} (`{}`)", i.name(lang), i.code()))
            .collect();
        writeln!(out, "  {when}: {}", names.join(", "))?;
    }
    writeln!(out)?;
    if law.rules.is_empty() {
        writeln!(out, "{}", lang.t("explain.award.no-rules"))?;
    } else {
        writeln!(out, "{}", lang.t("explain.award.rules"))?;
        for rule in &law.rules {
            writeln!(out)?;
            writeln!(out, "  {} — {}", rule.info.id, rule.info.summary.get(lang))?;
            write_periods(out, lang, rule)?;
        }
    }
    writeln!(out)?;
    let general: Vec<&str> = law.general.iter().map(|r| r.info.id.as_str()).collect();
    writeln!(
        out,
        "{}",
        tr!(lang, "explain.award.general", rules = general.join(", "))
    )?;
    let example = law
        .rules
        .first()
        .or(law.general.first())
        .map_or("", |r| r.info.id.as_str());
    writeln!(out, "{}", tr!(lang, "explain.award.more", rule = example))
}

/// Every rule starting with `prefix`, one line each.
fn write_prefix(
    out: &mut dyn Write,
    lang: Lang,
    prefix: &str,
    rules: &[&RuleInfo],
    code: Option<AwardCode>,
) -> std::io::Result<()> {
    writeln!(out, "{}", tr!(lang, "explain.prefix", prefix = prefix))?;
    let width = rules.iter().map(|r| r.id.as_str().len()).max().unwrap_or(0);
    for r in rules {
        writeln!(out, "  {:<width$}  {}", r.id.as_str(), r.summary.get(lang))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", lang.t("explain.prefix-more"))?;
    if let Some(code) = code {
        writeln!(
            out,
            "{}",
            tr!(lang, "explain.prefix-award", code = code.code())
        )?;
    }
    Ok(())
}
