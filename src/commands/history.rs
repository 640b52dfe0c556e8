//! `thidua history ID|NAME`: load the folder (structural checks only), find
//! the one person or unit the argument names (`crate::lookup`) and print
//! everything the folder holds for it, year by year. A name that matches
//! several records lists them (exit 1) rather than guessing; nothing
//! matching is an error (exit 2).

use crate::cli::{HistoryArgs, LookupFormat};
use crate::engine::{self, Checked, EngineInput};
use crate::load::Progress;
use crate::lookup::{self, Resolved};
use crate::report::history as render;
use crate::{tr, Ctx, Error, Result, EXIT_FINDINGS, EXIT_OK};

/// Loads the folder with its structural checks, not the law; says on stderr
/// how many records a structural error leaves out.
pub fn load(ctx: &mut Ctx<'_>) -> Result<Checked> {
    let input = EngineInput {
        root: &ctx.data,
        today: ctx.today,
        law: false,
        law_years: None,
    };
    let mut progress = Progress::new(ctx.err_is_tty, ctx.lang.pick("Đang đọc", "Reading"));
    let checked = engine::run_cached(&input, ctx.cache.as_deref(), &mut progress)?;
    if !checked.flaws.is_empty() {
        let count = checked.flaws.len();
        let text = tr!(ctx.lang, "history.flawed", count = count);
        ctx.note(&text)?;
    }
    Ok(checked)
}

pub fn run(ctx: &mut Ctx<'_>, args: &HistoryArgs) -> Result<i32> {
    let checked = load(ctx)?;
    let ds = &checked.dataset;
    let fit = ctx.out_is_tty;
    match lookup::resolve(ds, &args.subject) {
        Resolved::None => Err(Error::NotFound {
            query: args.subject.clone(),
        }),
        Resolved::Many(found) => {
            let count = found.len();
            writeln!(
                ctx.err,
                "thidua: {}",
                tr!(
                    ctx.lang,
                    "history.several",
                    query = args.subject,
                    count = count
                )
            )?;
            let json = args.format == LookupFormat::Json;
            render::write_found(ctx.out, ds, &found, json, fit, ctx.lang)?;
            Ok(EXIT_FINDINGS)
        }
        Resolved::One(rows) => {
            let h = lookup::history(ds, rows);
            match args.format {
                LookupFormat::Table => render::history_table(ctx.out, ds, &h, fit, ctx.lang)?,
                LookupFormat::Json => {
                    let v = render::history_json(ds, &h);
                    writeln!(
                        ctx.out,
                        "{}",
                        serde_json::to_string_pretty(&v).unwrap_or_default()
                    )?;
                }
            }
            Ok(EXIT_OK)
        }
    }
}
