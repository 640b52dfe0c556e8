//! `thidua rules`: every rule with its family, default level and summary, and
//! the thresholds a province may change.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::json;

use crate::cli::{ListFormat, RulesArgs};
use crate::rules::{registry, thresholds};
use crate::{Ctx, Result, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &RulesArgs) -> Result<i32> {
    let lang = ctx.lang;
    match args.format {
        ListFormat::Json => {
            let rules: Vec<_> = registry()
                .iter()
                .map(|r| {
                    json!({"id": r.id, "family": r.family.as_str(), "default": r.default.as_str(),
                           "citation": r.citation, "summary": r.summary.get(lang)})
                })
                .collect();
            let thresholds: Vec<_> =
                thresholds().iter().map(|t| json!({"name": t.name, "default": t.default, "summary": t.summary.get(lang)})).collect();
            serde_json::to_writer_pretty(
                &mut *ctx.out,
                &json!({"rules": rules, "thresholds": thresholds}),
            )
            .map_err(std::io::Error::from)?;
            writeln!(ctx.out)?;
        }
        ListFormat::Human => {
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            if let Some((w, _)) = terminal_width(ctx) {
                table.set_width(w);
            }
            table.set_header(lang.t("rules.header").split(" | ").collect::<Vec<_>>());
            for r in registry() {
                table.add_row(vec![
                    r.id.as_str(),
                    r.family.as_str(),
                    r.default.as_str(),
                    r.summary.get(lang),
                ]);
            }
            writeln!(ctx.out, "{table}")?;
            if !thresholds().is_empty() {
                writeln!(ctx.out, "{}", lang.t("rules.thresholds"))?;
                for t in thresholds() {
                    writeln!(
                        ctx.out,
                        "  {} = {} — {}",
                        t.name,
                        t.default,
                        t.summary.get(lang)
                    )?;
                }
            }
        }
    }
    Ok(EXIT_OK)
}

fn terminal_width(ctx: &Ctx<'_>) -> Option<(u16, u16)> {
    if !ctx.out_is_tty {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .map(|w| (w, 0))
}
