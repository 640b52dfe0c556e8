//! `thidua.toml`: kept at its old path for callers; the value lives in
//! [`crate::model::settings`], the reader in [`crate::load::settings`] and
//! the validation of `[rules]` and `[thresholds]` in [`crate::rules::config`].

pub use crate::load::settings::{line_of, parse, read};
pub use crate::model::settings::*;
