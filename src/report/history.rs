//! `thidua history` and `thidua find` written out: terminal tables, and JSON
//! in the shapes of the data format §9.3.

use std::io::Write;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::ContentArrangement;
use serde_json::{json, Value};

use crate::i18n::Lang;
use crate::lookup::{self, Found, History};
use crate::model::{Code, Dataset, Evaluation, Loc, Recipient};
use crate::tr;

fn table(headers: Vec<&str>, fit: bool) -> comfy_table::Table {
    let mut ct = comfy_table::Table::new();
    ct.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if !fit {
        ct.force_no_tty();
    }
    ct.set_header(headers);
    ct
}

fn place(ds: &Dataset, loc: Loc) -> String {
    format!("{}:{}", ds.path(loc), loc.line)
}

/// The subject as JSON: `{"person": id, "name", "unit", "code"}` or
/// `{"unit": id, "name"}`; an individual of several rows lists them.
fn subject_json(ds: &Dataset, h: &History<'_>) -> Value {
    let Some(first) = h.subject.first().copied() else {
        return json!({});
    };
    match first {
        Recipient::Person(id) => {
            let p = ds.people.iter().find(|p| p.id == id);
            let mut v = json!({
                "person": ds.str(id),
                "name": p.map(|p| ds.str(p.name)),
                "unit": p.map(|p| ds.str(p.unit)),
            });
            if let Some(code) = p.and_then(|p| lookup::code(ds, p)) {
                v["code"] = json!(code);
            }
            if h.subject.len() > 1 {
                v["rows"] = h.subject.iter().map(|r| json!(ds.str(r.id()))).collect();
            }
            v
        }
        Recipient::Unit(id) => {
            let u = ds.units.iter().find(|u| u.id == id);
            json!({"unit": ds.str(id), "name": u.map(|u| ds.str(u.name))})
        }
    }
}

fn evaluation_json(ds: &Dataset, e: &Evaluation) -> Value {
    json!({
        "rating": e.rating.code(),
        "discipline": e.discipline.map(|d| d.code()),
        "initiative": e.initiative,
        "months_worked": e.months_worked,
        "absent_days": e.absent_days,
        "record": ds.str(e.subject.id()),
        "file": ds.path(e.loc),
        "line": e.loc.line,
    })
}

/// The history as JSON.
pub fn history_json(ds: &Dataset, h: &History<'_>) -> Value {
    let years: Vec<Value> = h
        .years
        .iter()
        .map(|(year, y)| {
            json!({
                "year": year,
                "evaluation": y.evaluations.first().map(|e| evaluation_json(ds, e)),
                "awards": y.awards.iter().map(|a| json!({
                    "id": ds.str(a.id), "award": a.award.code(), "kind": a.kind.code(),
                    "decision": ds.str(a.decision), "decision_date": a.decision_date.to_string(),
                    "issuer": a.issuer.code(), "recipient": ds.str(a.recipient.id()),
                    "file": ds.path(a.loc), "line": a.loc.line,
                })).collect::<Vec<_>>(),
                "proposals": y.proposals.iter().map(|p| json!({
                    "id": ds.str(p.id), "award": p.award.code(), "status": p.status.code(),
                    "date": p.date.map(|d| d.to_string()), "recipient": ds.str(p.recipient.id()),
                    "file": ds.path(p.loc), "line": p.loc.line,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let c = &h.chains;
    json!({
        "subject": subject_json(ds, h),
        "years": years,
        "chains": {
            "upto": h.upto,
            "ldtt_consecutive": c.ldtt.years, "ldtt_last": (c.ldtt.years > 0).then_some(c.ldtt.last),
            "cstdcs_consecutive": c.cstdcs.years, "cstdcs_last": (c.cstdcs.years > 0).then_some(c.cstdcs.last),
            "last_bkt": c.last_bkt, "last_bkttg": c.last_bkttg,
            "years_since_bkt": c.last_bkt.map(|b| h.upto.saturating_sub(b)),
            "years_since_bkttg": c.last_bkttg.map(|b| h.upto.saturating_sub(b)),
        },
    })
}

/// The subject's heading line.
fn heading(ds: &Dataset, h: &History<'_>, lang: Lang) -> String {
    let s = subject_json(ds, h);
    let text = |k: &str| s[k].as_str().unwrap_or("").to_string();
    if s.get("person").is_some() {
        let mut line = format!(
            "{} {} — {} ({})",
            lang.t("history.person"),
            text("person"),
            text("name"),
            text("unit")
        );
        if let Some(code) = s["code"].as_str() {
            line.push_str(&format!(", {} {code}", lang.t("history.code")));
        }
        if let Some(rows) = s["rows"].as_array() {
            let rows: Vec<&str> = rows.iter().filter_map(|r| r.as_str()).collect();
            line.push_str(&format!(", {} {}", lang.t("history.rows"), rows.join(", ")));
        }
        line
    } else {
        format!(
            "{} {} — {}",
            lang.t("history.unit"),
            text("unit"),
            text("name")
        )
    }
}

/// The history as a table, year by year, with the chains below.
pub fn history_table(
    out: &mut dyn Write,
    ds: &Dataset,
    h: &History<'_>,
    fit: bool,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out, "{}", heading(ds, h, lang))?;
    let mut ct = table(
        [
            "history.col.year",
            "history.col.what",
            "history.col.decision",
            "history.col.where",
        ]
        .iter()
        .map(|k| lang.t(k))
        .collect(),
        fit,
    );
    for (year, y) in &h.years {
        for e in &y.evaluations {
            let mut what = tr!(lang, "history.evaluation", rating = e.rating.name(lang));
            if let Some(d) = e.discipline {
                what.push_str(&format!(
                    "; {}",
                    tr!(lang, "history.discipline", discipline = d.name(lang))
                ));
            }
            if e.initiative == Some(true) {
                what.push_str(&format!("; {}", lang.t("history.initiative")));
            }
            ct.add_row(vec![
                year.to_string(),
                what,
                String::new(),
                place(ds, e.loc),
            ]);
        }
        for a in &y.awards {
            let what = format!(
                "{} ({}, {})",
                a.award.name(lang),
                a.award.code(),
                a.kind.code()
            );
            let decision = format!(
                "{} {} ({})",
                ds.str(a.decision),
                a.decision_date,
                a.issuer.code()
            );
            ct.add_row(vec![year.to_string(), what, decision, place(ds, a.loc)]);
        }
        for p in &y.proposals {
            let what = tr!(
                lang,
                "history.proposal",
                award = p.award.code(),
                status = p.status.name(lang)
            );
            let date = p.date.map(|d| d.to_string()).unwrap_or_default();
            ct.add_row(vec![year.to_string(), what, date, place(ds, p.loc)]);
        }
    }
    writeln!(out, "{ct}")?;
    let none = lang.t("history.none");
    let year = |y: Option<u16>| y.map_or(none.to_string(), |y| y.to_string());
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "history.chains",
            year = h.upto,
            ldtt = h.chains.ldtt.years,
            cstdcs = h.chains.cstdcs.years,
            bkt = year(h.chains.last_bkt),
            bkttg = year(h.chains.last_bkttg)
        )
    )
}

/// `find`'s result as JSON: `{"people": [{"id", "name", "unit", "code"}],
/// "units": [{"id", "name"}]}`.
pub fn found_json(ds: &Dataset, f: &Found) -> Value {
    json!({
        "people": f.people.iter().map(|&i| {
            let p = &ds.people[i];
            json!({"id": ds.str(p.id), "name": ds.str(p.name), "unit": ds.str(p.unit),
                   "code": lookup::code(ds, p)})
        }).collect::<Vec<_>>(),
        "units": f.units.iter().map(|&i| {
            let u = &ds.units[i];
            json!({"id": ds.str(u.id), "name": ds.str(u.name)})
        }).collect::<Vec<_>>(),
    })
}

/// `find`'s result as a table.
pub fn found_table(
    out: &mut dyn Write,
    ds: &Dataset,
    f: &Found,
    fit: bool,
    lang: Lang,
) -> std::io::Result<()> {
    let mut ct = table(
        vec![
            "",
            lang.t("eligible.col.id"),
            lang.t("eligible.col.name"),
            lang.t("eligible.col.unit"),
            lang.t("history.code"),
        ],
        fit,
    );
    for &i in &f.people {
        let p = &ds.people[i];
        ct.add_row(vec![
            lang.t("history.person"),
            ds.str(p.id),
            ds.str(p.name),
            ds.str(p.unit),
            lookup::code(ds, p).unwrap_or(""),
        ]);
    }
    for &i in &f.units {
        let u = &ds.units[i];
        let parent = u.parent.map(|p| ds.str(p)).unwrap_or("");
        ct.add_row(vec![
            lang.t("history.unit"),
            ds.str(u.id),
            ds.str(u.name),
            parent,
            "",
        ]);
    }
    writeln!(out, "{ct}")
}

/// The people and units found, as a table or as JSON (`find`, and `history`
/// when a name matches several records).
pub fn write_found(
    out: &mut dyn Write,
    ds: &Dataset,
    f: &Found,
    json: bool,
    fit: bool,
    lang: Lang,
) -> std::io::Result<()> {
    if json {
        let v = found_json(ds, f);
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        )
    } else {
        found_table(out, ds, f, fit, lang)
    }
}
