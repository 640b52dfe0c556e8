//! `thidua report` (not yet built).

use crate::cli::ReportArgs;
use crate::{Ctx, Error, Result};

pub fn run(_ctx: &mut Ctx<'_>, _args: &ReportArgs) -> Result<i32> {
    Err(Error::Message("`report` is not built yet".into()))
}
