//! `thidua import` (not yet built).

use crate::cli::ImportArgs;
use crate::{Ctx, Error, Result};

pub fn run(_ctx: &mut Ctx<'_>, _args: &ImportArgs) -> Result<i32> {
    Err(Error::Message("`import` is not built yet".into()))
}
