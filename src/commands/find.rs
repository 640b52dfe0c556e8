//! `thidua find TEXT`: the people and units whose name, id or code contains
//! TEXT, case, diacritics, Unicode form, spacing and dashes ignored
//! (`crate::lookup`). Exit 0 when something was found, 1 when nothing was.

use crate::cli::{FindArgs, LookupFormat};
use crate::lookup;
use crate::report::history as render;
use crate::{tr, Ctx, Result, EXIT_FINDINGS, EXIT_OK};

pub fn run(ctx: &mut Ctx<'_>, args: &FindArgs) -> Result<i32> {
    let checked = super::history::load(ctx)?;
    let ds = &checked.dataset;
    let found = lookup::find(ds, &args.text);
    let json = args.format == LookupFormat::Json;
    if !json && found.is_empty() {
        let text = tr!(ctx.lang, "find.none", query = args.text);
        ctx.note(&text)?;
    } else {
        render::write_found(ctx.out, ds, &found, json, ctx.out_is_tty, ctx.lang)?;
    }
    Ok(if found.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
