//! The report as Markdown: a heading with the organisation, the title, the
//! notes, then one pipe table per report table.

use std::io::Write;

use super::{Cell, Table};
use crate::i18n::Lang;

pub fn write(
    out: &mut dyn Write,
    organisation: &str,
    title: &str,
    notes: &[String],
    tables: &[Table],
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out, "# {}", escape(organisation))?;
    writeln!(out)?;
    writeln!(out, "**{}**", escape(title))?;
    for n in notes {
        writeln!(out)?;
        writeln!(out, "> {}", escape(n))?;
    }
    for t in tables {
        writeln!(out)?;
        writeln!(out, "## {}", escape(&t.title))?;
        writeln!(out)?;
        let head: Vec<String> = t.headers.iter().map(|h| escape(h)).collect();
        writeln!(out, "| {} |", head.join(" | "))?;
        let align: Vec<&str> = (0..t.headers.len())
            .map(|i| {
                if t.rows
                    .first()
                    .and_then(|r| r.get(i))
                    .is_some_and(Cell::is_numeric)
                {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        writeln!(out, "| {} |", align.join(" | "))?;
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| escape(&c.display_in(lang))).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    Ok(())
}

/// Escapes the characters that would break a table cell or start markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            c => crate::model::text::push_escaped(&mut out, c),
        }
    }
    out
}
