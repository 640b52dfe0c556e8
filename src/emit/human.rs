//! `--format human`: `file:line: error[rule-id]: message`, the help beneath,
//! related places, then a coverage summary and one summary line. Colour only
//! when asked for (the command decides: a terminal, and no `NO_COLOR`).

use std::io::{self, Write};

use super::CheckOutput;
use crate::diag::Severity;
use crate::model::text::escape;
use crate::tr;
use unicode_width::UnicodeWidthStr;

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    write_findings(&mut buffered, out)?;
    write_summary(&mut buffered, out)?;
    buffered.flush()
}

/// The findings alone, without the coverage and summary lines (`-q`).
pub fn write_quiet(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    write_findings(&mut buffered, out)?;
    buffered.flush()
}

fn write_findings(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let lang = out.lang;
    let paint = |code: &'static str| if out.color { code } else { "" };
    for d in out.diagnostics.iter() {
        // Values quoted from the files must not drive the terminal or forge lines.
        let file = d.file.as_deref().map(escape);
        let place = match (&file, d.line, &d.cell) {
            (Some(f), _, Some(cell)) => format!("{f}:{cell}: "),
            (Some(f), Some(l), None) => format!("{f}:{l}: "),
            (Some(f), None, None) => format!("{f}: "),
            (None, _, _) => String::new(),
        };
        let (colour, word) = match d.severity {
            Severity::Error => (paint(RED), lang.t("check.error")),
            Severity::Warning => (paint(YELLOW), lang.t("check.warning")),
        };
        let rendered = d.message.render(lang);
        let message = escape(&rendered);
        let head = format!("{place}{word}[{}]: ", d.rule);
        let message = match out.wrap {
            Some(width) => wrap(&message, head.width(), width),
            None => message.into_owned(),
        };
        writeln!(
            w,
            "{}{place}{}{colour}{word}[{}]{}: {message}",
            paint(BOLD),
            paint(RESET),
            d.rule,
            paint(RESET),
        )?;
        for r in &d.related {
            writeln!(
                w,
                "  {}{}:{}{}: {}",
                paint(DIM),
                escape(&r.file),
                r.line,
                paint(RESET),
                escape(&r.note.render(lang))
            )?;
        }
        // `  = label: text`, wrapped like the message on a terminal.
        let note = |label: &str, text: &str| match out.wrap {
            Some(width) => wrap(text, 6 + label.width(), width).replace('\n', "\n  "),
            None => text.to_string(),
        };
        if !d.citation.is_empty() {
            let label = lang.t("check.law");
            writeln!(
                w,
                "  {}= {label}:{} {}",
                paint(CYAN),
                paint(RESET),
                note(label, d.citation)
            )?;
        }
        if let Some(h) = &d.help {
            let label = lang.t("check.help");
            writeln!(
                w,
                "  {}= {label}:{} {}",
                paint(CYAN),
                paint(RESET),
                note(label, &escape(&h.render(lang)))
            )?;
        }
    }
    Ok(())
}

/// The rules checked only in part, then the one summary line.
fn write_summary(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let lang = out.lang;
    let paint = |code: &'static str| if out.color { code } else { "" };
    let partial: Vec<_> = out
        .coverage
        .rules
        .iter()
        .filter(|(_, c)| c.unchecked > 0)
        .collect();
    if !partial.is_empty() {
        writeln!(w, "{}", lang.t("check.coverage"))?;
        for (id, c) in partial {
            // The most frequent reason, as rendered (the greatest text of
            // equal counts, as before they were messages).
            let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
            for (r, n) in &c.reasons {
                *reasons.entry(r.render(lang)).or_default() += n;
            }
            let why = reasons
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(r, _)| format!(" — {r}"))
                .unwrap_or_default();
            writeln!(
                w,
                "  {id}: {}{why}",
                tr!(
                    lang,
                    "check.coverage-line",
                    checked = c.checked,
                    unchecked = c.unchecked
                )
            )?;
        }
    }
    let summary = tr!(
        lang,
        "check.summary",
        files = out.files,
        records = out.records,
        errors = out.errors,
        warnings = out.warnings
    );
    let colour = if out.errors > 0 {
        paint(RED)
    } else if out.warnings > 0 {
        paint(YELLOW)
    } else {
        paint(BOLD)
    };
    writeln!(w, "{colour}{summary}{}", paint(RESET))
}

/// `text` broken at spaces so that no line passes `width` display columns,
/// the first line starting after `used` columns and the others indented by
/// two spaces; a word longer than a line stays whole.
fn wrap(text: &str, used: usize, width: usize) -> String {
    const INDENT: &str = "  ";
    let mut out = String::with_capacity(text.len() + 16);
    let mut col = used;
    for (i, word) in text.split(' ').enumerate() {
        let w = word.width();
        if i > 0 {
            if col + 1 + w > width && col > INDENT.len() {
                out.push('\n');
                out.push_str(INDENT);
                col = INDENT.len();
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(word);
        col += w;
    }
    out
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "Chiến sĩ thi đua cơ sở (CSTDCS) của Lê Văn Cường năm 2015: không có Lao động tiên tiến năm 2015";
        let wrapped = wrap(text, 40, 80);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(lines[0].width() + 40 <= 80);
        assert!(lines[1..]
            .iter()
            .all(|l| l.starts_with("  ") && l.width() <= 80));
        assert_eq!(
            wrapped.replace("\n  ", " "),
            text,
            "only spaces become breaks"
        );
        assert_eq!(wrap("ngắn", 10, 80), "ngắn");
    }
}
