//! How an import's [`Outcome`] is written out: the human summary (what was
//! read, every finding at its cell, what was or would be written) and the
//! JSON document. The command chooses; this module formats.

use std::io::Write;

use serde_json::json;

use super::{Options, Outcome};
use crate::diag::{Diagnostic, Severity};
use crate::model::text::escape;
use crate::{tr, Lang};

/// Where a finding is, escaped (a sheet's name comes from the file).
fn place(d: &Diagnostic) -> String {
    let at = match (&d.file, d.line, &d.cell) {
        (_, _, Some(cell)) => cell.to_string(),
        (Some(f), Some(l), None) => format!("{f}:{l}"),
        (Some(f), None, None) => f.to_string(),
        (None, _, _) => String::new(),
    };
    escape(&at).into_owned()
}

fn write_diag(w: &mut dyn Write, d: &Diagnostic, lang: Lang) -> std::io::Result<()> {
    let word = match d.severity {
        Severity::Error => lang.t("check.error"),
        Severity::Warning => lang.t("check.warning"),
    };
    writeln!(
        w,
        "{}: {word}[{}]: {}",
        place(d),
        d.rule,
        escape(&d.message.render(lang))
    )?;
    if !d.citation.is_empty() {
        writeln!(w, "  = {}: {}", lang.t("check.law"), d.citation)?;
    }
    if let Some(h) = &d.help {
        writeln!(
            w,
            "  = {}: {}",
            lang.t("check.help"),
            escape(&h.render(lang))
        )?;
    }
    Ok(())
}

pub fn human(w: &mut dyn Write, o: &Outcome, opts: &Options, lang: Lang) -> std::io::Result<()> {
    let sheet = o
        .sheet
        .as_ref()
        .map(|s| tr!(lang, "import.sheet", sheet = escape(s)))
        .unwrap_or_default();
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "import.header",
            file = escape(&o.file),
            sheet = sheet,
            row = o.header_row
        )
    )?;
    if let (Some(enc), Some(delim)) = (o.encoding, o.delimiter) {
        let delim = if delim == '\t' {
            "\\t".to_string()
        } else {
            delim.to_string()
        };
        writeln!(
            w,
            "{}",
            tr!(lang, "import.encoding", encoding = enc, delimiter = delim)
        )?;
    }
    if let Some(l) = o.legacy {
        writeln!(w, "{}", tr!(lang, "import.legacy", name = l.name()))?;
    }
    if !o.from_title.is_empty() {
        let values = o
            .from_title
            .iter()
            .map(|(k, v)| format!("{k} = {}", escape(v)))
            .collect::<Vec<_>>()
            .join(", ");
        writeln!(w, "{}", tr!(lang, "import.from-title", values = values))?;
    }
    if o.folder_errors > 0 {
        writeln!(
            w,
            "{}",
            tr!(lang, "import.folder-errors", count = o.folder_errors)
        )?;
    }
    for d in o.warnings.iter().chain(o.errors.iter()) {
        write_diag(w, d, lang)?;
    }
    for s in &o.skipped {
        writeln!(w, "{}", tr!(lang, "import.skipped-at", at = escape(&s.at)))?;
    }
    if o.guessed_direct > 0 {
        writeln!(
            w,
            "{}",
            tr!(lang, "import.guessed-direct", count = o.guessed_direct)
        )?;
    }
    if opts.dry_run {
        for f in &o.files {
            writeln!(w, "{}", tr!(lang, "import.would-write", path = f.rel))?;
            // The preview shows values as they are, but never drives the terminal.
            for line in String::from_utf8_lossy(&f.bytes).split_inclusive('\n') {
                let body = line.strip_suffix('\n').unwrap_or(line);
                let body = body.strip_suffix('\r').unwrap_or(body);
                writeln!(w, "{}", escape(body))?;
            }
        }
    } else {
        for f in o.files.iter().filter(|_| o.written) {
            writeln!(w, "{}", tr!(lang, "import.wrote", path = f.rel))?;
        }
    }
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "import.summary",
            added = o.added,
            people = o.created_people,
            skipped = o.skipped.len(),
            rejected = o.rejected_rows
        )
    )?;
    if o.has_rejections() && !opts.skip_invalid {
        writeln!(w, "{}", lang.t("import.nothing-written"))?;
    } else if opts.dry_run {
        writeln!(w, "{}", lang.t("import.dry-run"))?;
    }
    Ok(())
}

pub fn json(w: &mut dyn Write, o: &Outcome, opts: &Options, lang: Lang) -> std::io::Result<()> {
    let diags = |v: &[Diagnostic]| {
        v.iter()
            .map(|d| crate::emit::json::diagnostic(d, lang))
            .collect::<Vec<_>>()
    };
    let skipped: Vec<_> = o
        .skipped
        .iter()
        .map(|s| json!({"at": s.at, "row": s.row}))
        .collect();
    let files: Vec<_> = o.files.iter().map(|f| f.rel.clone()).collect();
    let from_title: serde_json::Map<String, serde_json::Value> = o
        .from_title
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    let doc = json!({
        "file": o.file,
        "sheet": o.sheet,
        "header_row": o.header_row,
        "encoding": o.encoding,
        "legacy_encoding": o.legacy.map(|l| l.name()),
        "from_title": from_title,
        "added": o.added,
        "created_people": o.created_people,
        "skipped": skipped,
        "rejected": o.rejected_rows,
        "errors": diags(&o.errors),
        "warnings": diags(&o.warnings),
        "files": files,
        "written": o.written,
        "dry_run": opts.dry_run,
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
