//! Findings of an import summed up where one per row would bury the cause: a
//! required value that no row has (the sheet lacks the column and the title
//! block does not say) is one error with the `--set` line to copy, not one
//! error per row.

use crate::diag::{Diagnostic, RuleId};
use crate::i18n::Key;
use crate::model::RecordType;
use crate::msg;

/// An example value for `--set`, by field.
fn example(field: &str) -> &'static str {
    match field {
        "kind" => "thuong_xuyen",
        "issuer" => "huyen",
        "decision" => "123/QĐ-UBND",
        "decision_date" => "2025-01-10",
        "year" => "2024",
        "award" => "GK",
        "status" => "pending",
        "rating" => "htt",
        "direct_worker" => "true",
        _ => "…",
    }
}

/// Replaces the `missing-value` errors of a field missing from every one of
/// `rows` rows (two or more) by one error naming the field and the `--set`
/// line; other errors are kept as they are.
pub fn collapse_missing(
    errors: Vec<Diagnostic>,
    rows: usize,
    kind: RecordType,
    file: &str,
) -> Vec<Diagnostic> {
    if rows < 2 {
        return errors;
    }
    let mut out = Vec::with_capacity(errors.len());
    let mut summaries = Vec::new();
    for &(field, _) in crate::load::schema::fields(kind) {
        // The message the loader's builder makes for the field.
        let msg = msg!(Key::LoadMissingValue, field = field);
        let is_it = |d: &Diagnostic| d.rule == RuleId::MissingValue && d.message == msg;
        let mut lines: Vec<u32> = errors
            .iter()
            .filter(|d| is_it(d))
            .filter_map(|d| d.line)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        if lines.len() == rows {
            let set = format!("--set {field}={}", example(field));
            let everywhere = msg!(Key::ImportMissingEverywhere, field = field, rows = rows);
            let d = Diagnostic::new(RuleId::MissingValue, everywhere)
                .at(file, None)
                .help(msg!(Key::ImportMissingEverywhereHelp, set = set));
            summaries.push((msg, d));
        }
    }
    for d in errors {
        if !summaries
            .iter()
            .any(|(msg, _)| d.rule == RuleId::MissingValue && d.message == *msg)
        {
            out.push(d);
        }
    }
    let mut first: Vec<Diagnostic> = summaries.into_iter().map(|(_, d)| d).collect();
    first.extend(out);
    first
}
