//! Renderers of `thidua check`'s findings, one file per format (as ruff has
//! one emitter per format). Each writes to the writer it is given.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::rules::Coverage;

/// Everything a renderer needs about one check run.
pub struct CheckOutput<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub errors: usize,
    pub warnings: usize,
    pub coverage: &'a Coverage,
    /// Records read, by record type plural name, for the summary line.
    pub records: usize,
    pub files: usize,
    pub lang: Lang,
    pub color: bool,
}
