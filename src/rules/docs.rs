//! `docs/rules.md`, generated from the law's tables (`law/*.toml`, read by
//! `rules::tables`) so that it cannot drift from them: the windows, every law
//! rule with its level and citation in each window, its explanation in both
//! languages, the thresholds and the authority matrix — and what changed in
//! the law's second reading (`law/changes.md`). `tests/it/rules_docs.rs` fails
//! when the file is stale.

use std::fmt::Write as _;

use crate::diag::Level;
use crate::model::{Code, Date, Issuer};

use super::tables::{law, Law};
use super::{LawRule, WindowId};

/// What changed in the latest reading of the law (a legal officer's text in
/// `law/changes.md`, as citations never sit in Rust literals).
const CHANGES_MD: &str = include_str!("../../law/changes.md");

/// How to regenerate the file, stated in its header.
pub const REGENERATE: &str = "THIDUA_BLESS=1 cargo test --test it rules_docs";

/// The text of `docs/rules.md`.
pub fn render() -> String {
    render_law(law())
}

/// The text of `docs/rules.md` for the law tables `law`.
pub fn render_law(law: &Law) -> String {
    let mut s = String::new();
    intro(&mut s);
    windows(&mut s, law);
    summary(&mut s, law);
    s.push('\n');
    s.push_str(CHANGES_MD);
    s.push_str("\n## Rules\n");
    for r in &law.rules {
        rule(&mut s, r);
    }
    thresholds(&mut s, law);
    authority(&mut s, law);
    s
}

fn intro(s: &mut String) {
    let _ = writeln!(
        s,
        "<!-- Generated from the law's tables in law/*.toml — do not edit by hand."
    );
    let _ = writeln!(s, "     Regenerate with: {REGENERATE} -->\n");
    s.push_str("# The law's rules\n\n");
    s.push_str("Every rule of Vietnam's law on emulation and commendation (thi đua, khen thưởng) that `thidua check` applies, ");
    s.push_str("with its severity and legal basis in each regime window. `thidua explain RULE` prints the same explanation; ");
    s.push_str("`[rules]` in `thidua.toml` changes a rule's level (`error`, `warning`, `off`) and `[thresholds]` its figures.\n\n");
    s.push_str("The law is data: the windows and instruments are in `law/windows.toml`, each rule's levels, citations and texts in `law/rules.toml`, ");
    s.push_str("the figures in `law/thresholds.toml` and the authority matrix in `law/authority.toml` (each file says how to amend it). ");
    s.push_str("The judgement of each rule is code, in `src/rules/`.\n\n");
}

fn windows(s: &mut String, law: &Law) {
    s.push_str("## Regime windows\n\nA record's window is chosen by its decision date (a proposal's `date`, else 31 December of its year).\n\n");
    s.push_str("| window | from | to | texts in force |\n|---|---|---|---|\n");
    let all: Vec<_> = law.windows.iter().map(|(_, w)| w).collect();
    for (i, w) in all.iter().enumerate() {
        let from = w.from.map(|f| f.to_string()).unwrap_or_else(|| "—".into());
        let to = all
            .get(i + 1)
            .and_then(|next| next.from)
            .map(|f| Date::from_days(f.days() - 1).to_string())
            .unwrap_or_else(|| "—".into());
        let _ = writeln!(s, "| `{}` | {from} | {to} | {} |", w.id, w.instruments.en);
    }
}

fn summary(s: &mut String, law: &Law) {
    s.push_str("\n## Summary\n\n| rule | default | ");
    s.push_str(
        &WindowId::ALL
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    s.push_str(" |\n|---|---|");
    s.push_str(&"---|".repeat(WindowId::COUNT));
    s.push('\n');
    for r in &law.rules {
        let cells: Vec<String> = r
            .windows
            .iter()
            .map(|(_, a)| match a {
                None => "—".to_string(),
                Some(a) => {
                    let level = level_word(a.level);
                    match a.since {
                        Some(d) => format!("{level} from {d}"),
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
}

fn rule(s: &mut String, r: &LawRule) {
    let i = &r.info;
    let _ = writeln!(s, "\n### {}\n", i.id);
    let _ = writeln!(s, "{}  \n*{}*\n", i.summary.en, i.summary.vi);
    let _ = writeln!(s, "Default: `{}`. Legal basis: {}\n", i.default, i.citation);
    s.push_str("| window | level | citation |\n|---|---|---|\n");
    for (w, a) in r.windows.iter() {
        if let Some(a) = a {
            let since = a.since.map(|d| format!(" (from {d})")).unwrap_or_default();
            let _ = writeln!(
                s,
                "| `{w}` | {}{since} | {} |",
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

fn thresholds(s: &mut String, law: &Law) {
    s.push_str("\n## Thresholds\n\nSet in `[thresholds]` of `thidua.toml`; the default is the law's figure.\n\n");
    s.push_str("| name | default | what, and the window it belongs to |\n|---|---|---|\n");
    for t in &law.thresholds {
        let _ = writeln!(s, "| `{}` | {} | {} |", t.name, t.default, t.summary.en);
    }
}

fn authority(s: &mut String, law: &Law) {
    if let Some(from) = law.two_tier_from {
        let _ = write!(
            s,
            "\n## Authority matrix (`issuer-authority`)\n\n| codes | up to {} | from {from} |\n|---|---|---|\n",
            Date::from_days(from.days() - 1)
        );
    }
    let list = |is: &[Issuer]| {
        is.iter()
            .map(|i| format!("`{}`", i.code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for g in &law.matrix {
        let codes = g
            .codes
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(s, "| {codes} | {} | {} |", list(&g.before), list(&g.after));
    }
}

fn level_word(level: Level) -> &'static str {
    level.as_str()
}
