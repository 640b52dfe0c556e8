//! `--format github`: one GitHub Actions workflow command per diagnostic,
//! `::error file=data/awards/2018.csv,line=12,title=unknown-reference::message`
//! (`::warning` for warnings), so that each finding is an annotation on the
//! repository's file; then the summary line as plain text.
//!
//! The file is prefixed with the data folder as given (see
//! [`super::root_display`]), since GitHub resolves it against the checkout.
//! A finding about a whole file is put on its line 1, where GitHub can show
//! it beside the file's changes.

use std::io::{self, Write};

use super::CheckOutput;
use crate::diag::{Diagnostic, Severity};
use crate::model::text::escape;
use crate::tr;

pub fn write(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    write_to(&mut buffered, out)?;
    buffered.flush()
}

fn write_to(w: &mut dyn Write, out: &CheckOutput<'_>) -> io::Result<()> {
    for d in out.diagnostics.iter() {
        writeln!(w, "{}", command(out, &d))?;
    }
    let summary = tr!(
        out.lang,
        "check.summary",
        files = out.files,
        records = out.records,
        errors = out.errors,
        warnings = out.warnings
    );
    writeln!(w, "{summary}")
}

/// The workflow command for one diagnostic.
pub fn command(out: &CheckOutput<'_>, d: &Diagnostic) -> String {
    let lang = out.lang;
    let name = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = Vec::new();
    if let Some(file) = &d.file {
        let path = out.repo_path(file);
        props.push(format!("file={}", escape_property(&escape(&path))));
        props.push(format!("line={}", d.line.unwrap_or(1)));
    }
    props.push(format!("title={}", escape_property(d.rule.as_str())));
    // Values quoted from the files are escaped first; the line breaks
    // between the parts are the command's own.
    let mut text = escape(&d.message.render(lang)).into_owned();
    for r in &d.related {
        text.push_str(&format!(
            "\n  {}:{}: {}",
            escape(&out.repo_path(&r.file)),
            r.line,
            escape(&r.note.render(lang))
        ));
    }
    if !d.citation.is_empty() {
        text.push_str(&format!("\n= {}: {}", lang.t("check.law"), d.citation));
    }
    if let Some(h) = &d.help {
        text.push_str(&format!(
            "\n= {}: {}",
            lang.t("check.help"),
            escape(&h.render(lang))
        ));
    }
    format!("::{name} {}::{}", props.join(","), escape_data(&text))
}

/// Escapes a command's message: `%`, `\r` and `\n` (GitHub's runner
/// `escapeData`).
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as [`escape_data`], and `:` and `,` too
/// (GitHub's runner `escapeProperty`).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::RuleId;
    use crate::i18n::Lang;
    use crate::rules::Coverage;

    fn output<'a>(diags: &'a [Diagnostic], coverage: &'a Coverage, root: &str) -> CheckOutput<'a> {
        CheckOutput {
            wrap: None,
            diagnostics: crate::rules::findings::Findings::of(diags),
            errors: 1,
            warnings: 1,
            coverage,
            records: 3,
            files: 2,
            lang: Lang::En,
            color: false,
            root_display: root.to_string(),
        }
    }

    #[test]
    fn one_command_per_diagnostic_with_the_folder_prefixed() {
        let diags = vec![
            Diagnostic::new(
                RuleId::UnknownReference,
                "`person` = `P-9`: 100% wrong\nsecond line",
            )
            .at("awards/2018.csv", Some(12))
            .help("did you mean `P-1`?"),
            Diagnostic::new(RuleId::UnknownFile, "file `award.csv`").at("a,b:c.csv", None),
        ];
        let coverage = Coverage::default();
        let out = output(&diags, &coverage, "data");
        let mut buf = Vec::new();
        write(&mut buf, &out).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert_eq!(
            lines[0],
            "::error file=data/awards/2018.csv,line=12,title=unknown-reference::`person` = `P-9`: 100%25 wrong\\nsecond line%0A= help: did you mean `P-1`?"
        );
        assert_eq!(
            lines[1],
            "::warning file=data/a%2Cb%3Ac.csv,line=1,title=unknown-file::file `award.csv`"
        );
        assert_eq!(
            lines[2],
            "Read 3 records in 2 files — errors: 1, warnings: 1."
        );
    }

    #[test]
    fn no_prefix_for_the_current_folder_and_no_file_for_folder_findings() {
        let diags = vec![
            Diagnostic::new(RuleId::ParseError, "x").at("units.csv", Some(2)),
            Diagnostic::new(RuleId::ParseError, "y"),
        ];
        let coverage = Coverage::default();
        let out = output(&diags, &coverage, "");
        assert_eq!(
            command(&out, &diags[0]),
            "::error file=units.csv,line=2,title=parse-error::x"
        );
        assert_eq!(command(&out, &diags[1]), "::error title=parse-error::y");
    }

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }
}
