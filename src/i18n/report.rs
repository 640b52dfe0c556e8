//! Messages of the `report` area (see the module docs of `crate::i18n`).

#[allow(unused_imports)]
use super::{e, Entry};

pub const ENTRIES: &[Entry] = &[
];
