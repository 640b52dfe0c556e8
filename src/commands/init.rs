//! `thidua init` (not yet built).

use crate::cli::InitArgs;
use crate::{Ctx, Error, Result};

pub fn run(_ctx: &mut Ctx<'_>, _args: &InitArgs) -> Result<i32> {
    Err(Error::Message("`init` is not built yet".into()))
}
