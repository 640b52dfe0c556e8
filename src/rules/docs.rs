//! `docs/rules.md`, generated from the registry so that it cannot drift from
//! the code: the windows, every law rule with its level and citation in each
//! window, its explanation in both languages, the thresholds and the
//! authority matrix. `tests/rules_docs.rs` fails when the file is stale.

use std::fmt::Write as _;

use crate::diag::Level;
use crate::model::Code;

use super::{authority, law_table, windows, THRESHOLDS};

/// How to regenerate the file, stated in its header.
pub const REGENERATE: &str = "THIDUA_BLESS=1 cargo test --test it rules_docs";

/// The text of `docs/rules.md`.
pub fn render() -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<!-- Generated from the rule registry in src/rules/ — do not edit by hand."
    );
    let _ = writeln!(s, "     Regenerate with: {REGENERATE} -->\n");
    s.push_str("# The law's rules\n\n");
    s.push_str("Every rule of Vietnam's law on emulation and commendation (thi đua, khen thưởng) that `thidua check` applies, ");
    s.push_str("with its severity and legal basis in each regime window. `thidua explain RULE` prints the same explanation; ");
    s.push_str("`[rules]` in `thidua.toml` changes a rule's level (`error`, `warning`, `off`) and `[thresholds]` its figures.\n\n");

    s.push_str("## Regime windows\n\nA record's window is chosen by its decision date (a proposal's `date`, else 31 December of its year).\n\n");
    s.push_str("| window | from | to | texts in force |\n|---|---|---|---|\n");
    for (i, w) in windows::WINDOWS.iter().enumerate() {
        let from = w
            .from
            .map(|f| f.date().to_string())
            .unwrap_or_else(|| "—".into());
        let to = windows::last_day(i)
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(s, "| `{}` | {from} | {to} | {} |", w.id, w.instruments.en);
    }

    s.push_str("\n## Summary\n\n| rule | default | ");
    s.push_str(
        &windows::WINDOWS
            .iter()
            .map(|w| format!("`{}`", w.id))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    s.push_str(" |\n|---|---|");
    s.push_str(&"---|".repeat(windows::COUNT));
    s.push('\n');
    for r in law_table() {
        let cells: Vec<String> = r
            .windows
            .iter()
            .map(|a| match a {
                None => "—".to_string(),
                Some(a) => {
                    let level = level_word(a.level);
                    match a.since {
                        Some(d) => format!("{level} from {}", d.date()),
                        None => level.to_string(),
                    }
                }
            })
            .collect();
        let _ = writeln!(
            s,
            "| [`{0}`](#{0}) | {1} | {2} |",
            r.info.id,
            r.info.default,
            cells.join(" | ")
        );
    }
    s.push_str("\n`off` in a window: the rule runs there only when `[rules]` names it.\n");

    s.push_str("\n## Rules\n");
    for r in law_table() {
        let i = &r.info;
        let _ = writeln!(s, "\n### {}\n", i.id);
        let _ = writeln!(s, "{}  \n*{}*\n", i.summary.en, i.summary.vi);
        let _ = writeln!(s, "Default: `{}`. Legal basis: {}\n", i.default, i.citation);
        s.push_str("| window | level | citation |\n|---|---|---|\n");
        for (w, a) in windows::WINDOWS.iter().zip(&r.windows) {
            if let Some(a) = a {
                let since = a
                    .since
                    .map(|d| format!(" (from {})", d.date()))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "| `{}` | {}{since} | {} |",
                    w.id,
                    level_word(a.level),
                    a.citation
                );
            }
        }
        s.push('\n');
        for line in i.explanation.en.lines() {
            let _ = writeln!(s, "{line}  ");
        }
        s.push_str("\n<details><summary>Tiếng Việt</summary>\n\n");
        for line in i.explanation.vi.lines() {
            let _ = writeln!(s, "{line}  ");
        }
        s.push_str("\n</details>\n");
    }

    s.push_str("\n## Thresholds\n\nSet in `[thresholds]` of `thidua.toml`; the default is the law's figure.\n\n");
    s.push_str("| name | default | what, and the window it belongs to |\n|---|---|---|\n");
    for t in THRESHOLDS {
        let _ = writeln!(s, "| `{}` | {} | {} |", t.name, t.default, t.summary.en);
    }

    let _ = write!(s, "\n## Authority matrix (`issuer-authority`)\n\n| codes | up to {} | from {} |\n|---|---|---|\n", {
        let d = authority::TWO_TIER_FROM.date();
        crate::model::Date::from_days(d.days() - 1)
    }, authority::TWO_TIER_FROM.date());
    for g in authority::MATRIX {
        let codes = g
            .codes
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(", ");
        let list = |is: &[crate::model::Issuer]| {
            is.iter()
                .map(|i| format!("`{}`", i.code()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(s, "| {codes} | {} | {} |", list(g.before), list(g.after));
    }
    s
}

fn level_word(level: Level) -> &'static str {
    level.as_str()
}
