//! The report as JSON.
//!
//! One year (`thidua report 2018`) is the object of §6 of the data format —
//! `year`, `totals`, `by_kind`, `by_award`, `by_issuer` (keyed by code, only
//! groups with awards), `direct_workers` {`awarded`, `proposed`,
//! `rate_percent`}, `campaigns` [{`id`, `awards`, `collectives`,
//! `individuals`}] — with these additions:
//! - `organisation`: the name heading the report;
//! - `direct_workers.denominator`: `"proposals"` (people proposed for the
//!   year) or `"awarded"` (no proposal named a person that year);
//! - `campaigns[].name`;
//! - `by_unit`: [{`id`, `name`, counts}] per top-level unit, rolled up from its
//!   sub-units and their people; `id` is `null` for recipients whose unit is
//!   unknown;
//! - `by_gender`: {`nam`, `nu`, `unknown`} for awards to people, present only
//!   when some awarded person has a gender;
//! - `excluded`: {`awards`, `proposals`} records of the year left out for a
//!   structural error, `files` left out whole (by path), and `unreadable_award_rows`, `unreadable_proposal_rows`
//!   (rows of any year that never became records);
//! - `law_findings`: the number of findings of the law's rules, when they were
//!   run (they never change the tallies);
//! - `previous`: the year before, in the same shape (without `organisation`),
//!   when that year has awards.
//!
//! A range (`thidua report 2016..2020`) is
//! `{"organisation", "years": [2016, …], "reports": [one year object per year]}`,
//! the year objects without `previous`.

use std::io::Write;

use serde_json::{json, Map, Value};

use crate::model::Code;

use super::{Counts, Named, Report, Tallies};

/// The JSON value of a report.
pub fn value(r: &Report) -> Value {
    if r.trend {
        let years: Vec<u16> = r.years.iter().map(|t| t.year).collect();
        let reports: Vec<Value> = r
            .years
            .iter()
            .map(|t| Value::Object(year_object(t, r)))
            .collect();
        let mut top = Map::new();
        top.insert("organisation".into(), json!(r.organisation));
        top.insert("years".into(), json!(years));
        top.insert("reports".into(), Value::Array(reports));
        if let Some(n) = r.law_findings {
            top.insert("law_findings".into(), json!(n));
        }
        return Value::Object(top);
    }
    let mut obj = Map::new();
    obj.insert("organisation".into(), json!(r.organisation));
    if let Some(t) = r.years.first() {
        obj.extend(year_object(t, r));
    }
    if let Some(n) = r.law_findings {
        obj.insert("law_findings".into(), json!(n));
    }
    if let Some(p) = &r.previous {
        obj.insert("previous".into(), Value::Object(year_object(p, r)));
    }
    Value::Object(obj)
}

/// Writes the report as pretty-printed JSON and a final newline.
pub fn write(out: &mut dyn Write, r: &Report) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &value(r))?;
    writeln!(out)
}

fn counts(c: &Counts) -> Value {
    json!({"awards": c.awards, "collectives": c.collectives, "individuals": c.individuals})
}

fn coded<C: Code>(v: &[(C, Counts)]) -> Value {
    Value::Object(
        v.iter()
            .map(|(k, c)| (k.code().to_string(), counts(c)))
            .collect(),
    )
}

fn named(v: &[Named]) -> Value {
    Value::Array(
        v.iter()
            .map(|n| {
                let id = if n.id.is_empty() {
                    Value::Null
                } else {
                    json!(n.id)
                };
                json!({"id": id, "name": n.name, "awards": n.counts.awards,
                       "collectives": n.counts.collectives, "individuals": n.counts.individuals})
            })
            .collect(),
    )
}

fn year_object(t: &Tallies, r: &Report) -> Map<String, Value> {
    let dw = &t.direct_workers;
    let mut m = Map::new();
    m.insert("year".into(), json!(t.year));
    m.insert("totals".into(), counts(&t.totals));
    m.insert("by_kind".into(), coded(&t.by_kind));
    m.insert("by_award".into(), coded(&t.by_award));
    m.insert("by_issuer".into(), coded(&t.by_issuer));
    m.insert(
        "direct_workers".into(),
        json!({"awarded": dw.awarded, "proposed": dw.proposed, "rate_percent": dw.rate_percent,
               "denominator": dw.denominator.code()}),
    );
    m.insert("campaigns".into(), named(&t.campaigns));
    m.insert("by_unit".into(), named(&t.by_unit));
    if !t.by_gender.is_empty() {
        let g: Map<String, Value> = t
            .by_gender
            .iter()
            .map(|(g, c)| (g.map_or("unknown", |g| g.code()).to_string(), counts(c)))
            .collect();
        m.insert("by_gender".into(), Value::Object(g));
    }
    m.insert(
        "excluded".into(),
        json!({"awards": t.excluded.awards, "proposals": t.excluded.proposals,
               "unreadable_award_rows": r.unreadable.awards, "unreadable_proposal_rows": r.unreadable.proposals,
               "files": r.left_out}),
    );
    m
}
