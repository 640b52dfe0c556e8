//! `--format github` (not yet built).

use std::io::{self, Write};

use super::CheckOutput;

pub fn write(_w: &mut dyn Write, _out: &CheckOutput<'_>) -> io::Result<()> {
    Err(io::Error::other("the github format is not built yet"))
}
