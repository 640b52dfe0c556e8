//! `--format human`: `file:line: error[rule-id]: message`, the help beneath,
//! related places, then a coverage summary and one summary line. Colour only
//! when asked for (the command decides: a terminal, and no `NO_COLOR`).

use std::io::{self, Write};

use super::CheckOutput;
use crate::diag::Severity;
use crate::tr;

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
    for d in out.diagnostics {
        let place = match (&d.file, d.line, &d.cell) {
            (Some(f), _, Some(cell)) => format!("{f}:{cell}: "),
            (Some(f), Some(l), None) => format!("{f}:{l}: "),
            (Some(f), None, None) => format!("{f}: "),
            (None, _, _) => String::new(),
        };
        let (colour, word) = match d.severity {
            Severity::Error => (paint(RED), lang.t("check.error")),
            Severity::Warning => (paint(YELLOW), lang.t("check.warning")),
        };
        writeln!(
            w,
            "{}{place}{}{colour}{word}[{}]{}: {}",
            paint(BOLD),
            paint(RESET),
            d.rule,
            paint(RESET),
            d.message
        )?;
        for r in &d.related {
            writeln!(
                w,
                "  {}{}:{}{}: {}",
                paint(DIM),
                r.file,
                r.line,
                paint(RESET),
                r.note
            )?;
        }
        if !d.citation.is_empty() {
            writeln!(
                w,
                "  {}= {}:{} {}",
                paint(CYAN),
                lang.t("check.law"),
                paint(RESET),
                d.citation
            )?;
        }
        if let Some(h) = &d.help {
            writeln!(
                w,
                "  {}= {}:{} {}",
                paint(CYAN),
                lang.t("check.help"),
                paint(RESET),
                h
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
            let why = c
                .reasons
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
