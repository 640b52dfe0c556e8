//! `thidua eligible` written out: a terminal table grouped by award, then
//! unit; JSON as the data format §9.2 gives it; CSV; and an xlsx sheet. The
//! rows are built once ([`rows`]) and every format writes the same ones.

use std::io::Write;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::ContentArrangement;
use serde_json::{json, Value};

use crate::eligible::{Candidate, Eligibility, Status};
use crate::emit::json::string as json_string;
use crate::i18n::{Lang, Msg};
use crate::model::{Code, Dataset, Recipient, Sym};
use crate::rules::chains::Outlook;
use crate::{tr, Error, Result};

/// One candidate as text cells.
pub struct Row {
    pub award: String,
    pub unit: String,
    pub id: String,
    pub name: String,
    pub issuer: String,
    pub status: String,
    /// The findings, or the rules unchecked and the evidence missing.
    pub why: String,
    /// Where the person's chains lead.
    pub outlook: String,
}

/// The candidates to show (not-eligible ones only with `all`), sorted by
/// award, unit and id.
fn shown<'a>(e: &'a Eligibility, ds: &Dataset, all: bool) -> Vec<&'a Candidate> {
    let v: Vec<&Candidate> = e
        .candidates
        .iter()
        .filter(|c| all || c.status != Status::NotEligible)
        .collect();
    let units = units(ds);
    let unit = |r: Recipient| unit_sym(&units, r);
    // The texts compared, ranked once: a million candidates sort on numbers
    // (no unit: first, as the empty text was).
    let mut seen = vec![false; ds.strings.len()];
    let mut texts: Vec<(u128, Sym)> = Vec::new();
    for s in v
        .iter()
        .flat_map(|c| [unit(c.recipient), Some(c.recipient.id())])
        .flatten()
    {
        if !std::mem::replace(&mut seen[s.index()], true) {
            texts.push((prefix(ds.str(s)), s));
        }
    }
    // By their first sixteen bytes, then whole: the same order as the
    // texts', as a shorter text pads with zeros and ties on its prefix.
    // Distinct symbols are distinct texts, so no two compare equal.
    texts.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| ds.str(a.1).cmp(ds.str(b.1))));
    let mut rank = vec![0u32; ds.strings.len()];
    for (i, (_, s)) in texts.iter().enumerate() {
        rank[s.index()] = i as u32 + 1;
    }
    let rank = |s: Option<Sym>| u128::from(s.map_or(0, |s| rank[s.index()]));
    // Award, unit, id, then the position: all in one number, and none
    // equal, so an unstable sort keeps candidates of equal keys in order.
    let mut keys: Vec<u128> = v
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (c.award as u128) << 96
                | rank(unit(c.recipient)) << 64
                | rank(Some(c.recipient.id())) << 32
                | i as u128
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| v[k as u32 as usize]).collect()
}

/// The first sixteen bytes of `text`, big-endian, padded with zeros.
fn prefix(text: &str) -> u128 {
    let mut head = [0u8; 16];
    let n = text.len().min(16);
    head[..n].copy_from_slice(&text.as_bytes()[..n]);
    u128::from_be_bytes(head)
}

/// The unit of each person (their first record), by the person's interned
/// id: a dense table, as every candidate looks theirs up.
fn units(ds: &Dataset) -> Vec<Option<Sym>> {
    let mut m = vec![None; ds.strings.len()];
    for p in ds.people.iter().rev() {
        m[p.id.index()] = Some(p.unit);
    }
    m
}

/// The unit a recipient belongs to (a unit: itself).
fn unit_of<'d>(ds: &'d Dataset, units: &[Option<Sym>], r: Recipient) -> &'d str {
    unit_sym(units, r).map_or("", |u| ds.str(u))
}

/// [`unit_of`], interned (`None`: a person of no record).
fn unit_sym(units: &[Option<Sym>], r: Recipient) -> Option<Sym> {
    match r {
        Recipient::Person(p) => units.get(p.index()).copied().flatten(),
        Recipient::Unit(u) => Some(u),
    }
}

/// "CSTĐCS 2/3 năm liên tục → CSTĐ tỉnh có thể từ 2020".
pub fn outlook_text(o: &[Outlook], lang: Lang) -> String {
    o.iter()
        .map(|o| {
            let key = match o.award {
                crate::model::AwardCode::Cstdt => "eligible.outlook-cstdt",
                _ => "eligible.outlook-since",
            };
            tr!(
                lang,
                key,
                have = o.have,
                need = o.need,
                award = o.award.code(),
                from = o.from
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rows, in the order shown.
pub fn rows(e: &Eligibility, ds: &Dataset, all: bool, lang: Lang) -> Vec<Row> {
    let names = names(ds);
    let units = units(ds);
    let mut reasons = Reasons::new(lang);
    shown(e, ds, all)
        .into_iter()
        .map(|c| {
            let why = match c.status {
                Status::NotEligible => c
                    .findings
                    .iter()
                    .map(|f| format!("[{}] {}", f.rule, f.message(ds, c, e.year).render(lang)))
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => c
                    .unchecked
                    .iter()
                    .map(|u| format!("[{}] {}", u.rule, reasons.text(&u.reason)))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            let id = c.recipient.id();
            Row {
                award: c.award.code().to_string(),
                unit: unit_of(ds, &units, c.recipient).to_string(),
                id: ds.str(id).to_string(),
                name: names
                    .get(&c.recipient)
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                issuer: c.issuer.map(|i| i.code().to_string()).unwrap_or_default(),
                status: lang.t(status_key(c.status)).to_string(),
                why,
                outlook: e
                    .outlook
                    .get(&id)
                    .filter(|_| c.recipient.is_person())
                    .map(|o| outlook_text(o, lang))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn names(ds: &Dataset) -> std::collections::HashMap<Recipient, &str> {
    let people = ds
        .people
        .iter()
        .map(|p| (Recipient::Person(p.id), ds.str(p.name)));
    let units = ds
        .units
        .iter()
        .map(|u| (Recipient::Unit(u.id), ds.str(u.name)));
    people.chain(units).collect()
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Eligible => "eligible.status.eligible",
        Status::Unknown => "eligible.status.unknown",
        Status::NotEligible => "eligible.status.not-eligible",
    }
}

fn headers(lang: Lang) -> Vec<&'static str> {
    [
        "eligible.col.award",
        "eligible.col.unit",
        "eligible.col.id",
        "eligible.col.name",
        "eligible.col.issuer",
        "eligible.col.status",
        "eligible.col.why",
        "eligible.col.outlook",
    ]
    .iter()
    .map(|k| lang.t(k))
    .collect()
}

impl Row {
    fn cells(&self) -> [&str; 8] {
        [
            &self.award,
            &self.unit,
            &self.id,
            &self.name,
            &self.issuer,
            &self.status,
            &self.why,
            &self.outlook,
        ]
    }
}

/// The lines under the tables: the group limits and the counts.
pub fn summary(e: &Eligibility, lang: Lang) -> Vec<String> {
    let count = |s: Status| e.candidates.iter().filter(|c| c.status == s).count();
    let mut lines = vec![tr!(
        lang,
        "eligible.summary",
        eligible = count(Status::Eligible),
        unknown = count(Status::Unknown),
        not = count(Status::NotEligible),
        rounds = e.rounds
    )];
    for l in &e.limits {
        lines.push(tr!(
            lang,
            "eligible.limit",
            rule = l.rule,
            max = l.max,
            award = l.award.code(),
            base = l.base,
            eligible = l.eligible,
            held = l.held
        ));
    }
    lines
}

/// The table: a heading, then one table per award, grouped by unit.
pub fn table(
    out: &mut dyn Write,
    e: &Eligibility,
    ds: &Dataset,
    all: bool,
    fit: bool,
    lang: Lang,
) -> Result<()> {
    let rows = rows(e, ds, all, lang);
    let unit_names: std::collections::HashMap<&str, &str> = ds
        .units
        .iter()
        .map(|u| (ds.str(u.id), ds.str(u.name)))
        .collect();
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "eligible.title",
            year = e.year,
            date = e.date,
            window = e.window
        )
    )?;
    let mut start = 0;
    while start < rows.len() {
        let award = &rows[start].award;
        let end = rows[start..]
            .iter()
            .position(|r| &r.award != award)
            .map_or(rows.len(), |n| start + n);
        let mut ct = comfy_table::Table::new();
        ct.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !fit {
            ct.force_no_tty();
        }
        // A clerk reads the unit's name, not its id; the reason and outlook
        // columns only where some row has one; values from the files escaped.
        let group = &rows[start..end];
        let keep: Vec<usize> = (1..8)
            .filter(|&i| i < 6 || group.iter().any(|r| !r.cells()[i].is_empty()))
            .collect();
        let heads = headers(lang);
        ct.set_header(keep.iter().map(|&i| heads[i]).collect::<Vec<_>>());
        for r in group {
            let cells = r.cells();
            ct.add_row(
                keep.iter()
                    .map(|&i| match i {
                        1 => unit_names.get(cells[1]).copied().unwrap_or(cells[1]),
                        _ => cells[i],
                    })
                    .map(|c| crate::model::text::escape(c).into_owned())
                    .collect::<Vec<_>>(),
            );
        }
        let code = crate::model::AwardCode::parse(award).ok();
        let title = code.map(|c| c.name(lang)).unwrap_or(award.as_str());
        writeln!(out, "\n{title} ({award}): {}", end - start)?;
        writeln!(out, "{ct}")?;
        start = end;
    }
    if rows.is_empty() {
        writeln!(out, "{}", lang.t("eligible.none"))?;
    }
    writeln!(out)?;
    for line in summary(e, lang) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Candidate `c` as one line of JSON, in the order the data format gives:
/// `award`, `issuer`, `status`, `findings`, `unchecked`, then `person` or
/// `unit`, then a person's `outlook`; compact, as `serde_json` writes it.
/// Written by hand: a million candidates share a few reasons, which are
/// escaped once (`quoted[which[k]]` is the reason of the `k`-th unchecked
/// rule), and the codes are plain ASCII.
fn write_candidate(
    line: &mut Vec<u8>,
    e: &Eligibility,
    ds: &Dataset,
    c: &Candidate,
    lang: Lang,
    which: &[usize],
    quoted: &[String],
) {
    // `"name":` after the field before it (`,`), or opening the `k`-th
    // object of a list (`open: Some(k)`: `{`, or `,{` after the first).
    let key = |line: &mut Vec<u8>, open: Option<usize>, name: &str| {
        match open {
            Some(0) => line.push(b'{'),
            Some(_) => line.extend_from_slice(b",{"),
            None => line.push(b','),
        }
        line.push(b'"');
        line.extend_from_slice(name.as_bytes());
        line.extend_from_slice(b"\":");
    };
    let code = |line: &mut Vec<u8>, s: &str| {
        line.push(b'"');
        line.extend_from_slice(s.as_bytes());
        line.push(b'"');
    };
    key(line, Some(0), "award");
    code(line, c.award.code());
    key(line, None, "issuer");
    match c.issuer {
        Some(i) => code(line, i.code()),
        None => line.extend_from_slice(b"null"),
    }
    key(line, None, "status");
    code(line, c.status.as_str());
    key(line, None, "findings");
    line.push(b'[');
    for (k, f) in c.findings.iter().enumerate() {
        key(line, Some(k), "rule");
        code(line, f.rule.as_str());
        key(line, None, "severity");
        code(line, f.severity.as_str());
        key(line, None, "message");
        json_string(line, &f.message(ds, c, e.year).render(lang));
        line.push(b'}');
    }
    line.push(b']');
    key(line, None, "unchecked");
    line.push(b'[');
    for (k, (u, &i)) in c.unchecked.iter().zip(which).enumerate() {
        key(line, Some(k), "rule");
        code(line, u.rule.as_str());
        key(line, None, "reason");
        line.extend_from_slice(quoted[i].as_bytes());
        line.push(b'}');
    }
    line.push(b']');
    let id = c.recipient.id();
    let person = c.recipient.is_person();
    key(line, None, if person { "person" } else { "unit" });
    json_string(line, ds.str(id));
    if let Some(o) = e.outlook.get(&id).filter(|_| person) {
        key(line, None, "outlook");
        line.push(b'[');
        for (k, o) in o.iter().enumerate() {
            key(line, Some(k), "award");
            code(line, o.award.code());
            for (name, n) in [("have", o.have), ("need", o.need), ("from", o.from)] {
                key(line, None, name);
                line.extend_from_slice(n.to_string().as_bytes());
            }
            line.push(b'}');
        }
        line.push(b']');
    }
    line.push(b'}');
}

/// The reasons a rule could not judge, each rendered once: a million
/// candidates lack the same few kinds of evidence. Those lacking the same
/// one in the same round share it (one `Arc`), so a reason is found by its
/// address, and by its content only when the address is new (each round
/// has its own copy).
struct Reasons<'m> {
    lang: Lang,
    /// The last few addresses seen: neighbours in the list lack the same
    /// evidence.
    recent: [(*const Msg, usize); 4],
    by_address: std::collections::HashMap<*const Msg, usize>,
    by_content: std::collections::HashMap<&'m Msg, usize>,
    texts: Vec<String>,
    /// The same, as JSON strings (quoted and escaped).
    quoted: Vec<String>,
}

impl<'m> Reasons<'m> {
    fn new(lang: Lang) -> Reasons<'m> {
        Reasons {
            lang,
            recent: [(std::ptr::null(), 0); 4],
            by_address: Default::default(),
            by_content: Default::default(),
            texts: Vec::new(),
            quoted: Vec::new(),
        }
    }

    /// The position of `reason`'s text in `texts`, rendered if new.
    fn index(&mut self, reason: &'m std::sync::Arc<Msg>) -> usize {
        let address = std::sync::Arc::as_ptr(reason);
        if let Some(&(_, i)) = self.recent.iter().find(|(a, _)| *a == address) {
            return i;
        }
        let i = match self.by_address.get(&address) {
            Some(&i) => i,
            None => {
                let (texts, quoted) = (&mut self.texts, &mut self.quoted);
                let lang = self.lang;
                let i = *self.by_content.entry(&**reason).or_insert_with(|| {
                    let text = reason.render(lang);
                    let mut q = Vec::new();
                    json_string(&mut q, &text);
                    quoted.push(String::from_utf8(q).unwrap_or_default());
                    texts.push(text);
                    texts.len() - 1
                });
                self.by_address.insert(address, i);
                i
            }
        };
        self.recent.rotate_right(1);
        self.recent[0] = (address, i);
        i
    }

    /// `reason`, rendered.
    fn text(&mut self, reason: &'m std::sync::Arc<Msg>) -> &str {
        let i = self.index(reason);
        &self.texts[i]
    }
}

/// JSON as in the data format §9.2: one object, written candidate by
/// candidate (one per line) so that a million of them need not be held as
/// one value.
pub fn json(
    out: &mut dyn Write,
    e: &Eligibility,
    ds: &Dataset,
    all: bool,
    lang: Lang,
) -> Result<()> {
    let text = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    writeln!(
        out,
        "{{\"year\": {}, \"date\": \"{}\", \"window\": \"{}\",\n \"candidates\": [",
        e.year,
        e.date,
        e.window.as_str()
    )?;
    let mut reasons = Reasons::new(lang);
    let mut which = Vec::new();
    let mut line = Vec::with_capacity(1024);
    for (n, c) in shown(e, ds, all).into_iter().enumerate() {
        which.clear();
        which.extend(c.unchecked.iter().map(|u| reasons.index(&u.reason)));
        // Made in a buffer and written whole: the writer is behind a `dyn`.
        line.clear();
        line.extend_from_slice(if n == 0 { b"  " } else { b" ," });
        write_candidate(&mut line, e, ds, c, lang, &which, &reasons.quoted);
        line.push(b'\n');
        out.write_all(&line)?;
    }
    let limits: Vec<Value> = e
        .limits
        .iter()
        .map(|l| {
            json!({"rule": l.rule.as_str(), "award": l.award.code(), "max": l.max,
                   "eligible": l.eligible, "held": l.held, "base": l.base})
        })
        .collect();
    writeln!(out, " ],\n \"limits\": {}}}", text(&Value::Array(limits)))?;
    Ok(())
}

/// CSV: a header row, then one row per candidate.
pub fn csv(e: &Eligibility, ds: &Dataset, all: bool, lang: Lang) -> Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let fail = |e: ::csv::Error| Error::Csv(e.to_string());
    w.write_record([
        "award", "unit", "id", "name", "issuer", "status", "why", "outlook",
    ])
    .map_err(fail)?;
    let statuses = shown(e, ds, all);
    for (r, c) in rows(e, ds, all, lang).iter().zip(statuses) {
        let mut cells = r.cells();
        cells[5] = c.status.as_str();
        w.write_record(cells).map_err(fail)?;
    }
    w.into_inner().map_err(|e| Error::Csv(e.to_string()))
}

/// One xlsx sheet with the same rows as the table, and the summary below.
pub fn xlsx(e: &Eligibility, ds: &Dataset, all: bool, lang: Lang) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Xlsx(e.to_string());
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Du dieu kien", "Eligible"))
        .map_err(fail)?;
    ws.write_string_with_format(
        0,
        0,
        tr!(
            lang,
            "eligible.title",
            year = e.year,
            date = e.date,
            window = e.window
        ),
        &bold,
    )
    .map_err(fail)?;
    for (i, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(2, i as u16, *h, &bold)
            .map_err(fail)?;
    }
    let rows = rows(e, ds, all, lang);
    for (n, r) in rows.iter().enumerate() {
        for (i, c) in r.cells().iter().enumerate() {
            ws.write_string(3 + n as u32, i as u16, *c).map_err(fail)?;
        }
    }
    ws.set_freeze_panes(3, 0).map_err(fail)?;
    for (i, w) in [8, 10, 10, 24, 10, 16, 60, 40].iter().enumerate() {
        ws.set_column_width(i as u16, *w).map_err(fail)?;
    }
    let below = 4 + rows.len() as u32;
    for (n, line) in summary(e, lang).iter().enumerate() {
        ws.write_string(below + n as u32, 0, line).map_err(fail)?;
    }
    wb.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::prefix;
    use proptest::prelude::*;

    /// A candidate's line is the JSON the data format gives, in its order,
    /// with texts escaped and an issuer not found written as `null`.
    #[test]
    fn a_candidate_is_written_as_json() {
        use crate::diag::{RuleId, Severity};
        use crate::eligible::{Candidate, Eligibility, Finding, Missing, Status};
        use crate::i18n::{Key, Lang, Msg};
        use crate::model::{AwardCode, Dataset, Date, Recipient};
        use crate::rules::chains::Outlook;
        use std::sync::Arc;

        let mut ds = Dataset::default();
        let id = ds.strings.intern("CN-\"1\"");
        let name = ds.strings.intern("Nguyễn Văn A");
        let reason = Arc::new(Msg::new(Key::LawReasonNoMembers));
        let c = Candidate {
            recipient: Recipient::Person(id),
            award: AwardCode::Ldtt,
            issuer: None,
            status: Status::NotEligible,
            findings: vec![Finding {
                rule: RuleId::LdttRating,
                severity: Severity::Error,
                finding: Msg::new(Key::LawReasonNoMembers),
                name,
            }],
            unchecked: vec![Missing {
                rule: RuleId::LdttNewStaff,
                reason: reason.clone(),
            }]
            .into(),
        };
        let date = Date::parse_iso("2018-12-31").unwrap();
        let outlook = Outlook {
            award: AwardCode::Cstdt,
            have: 1,
            need: 3,
            from: 2020,
        };
        let e = Eligibility {
            year: 2018,
            date,
            window: crate::rules::windows::at(date),
            candidates: vec![c.clone()],
            limits: Vec::new(),
            rounds: 1,
            file: String::new(),
            id_prefix: String::new(),
            outlook: [(id, vec![outlook])].into_iter().collect(),
        };
        let mut reasons = super::Reasons::new(Lang::Vi);
        let which = [reasons.index(&c.unchecked[0].reason)];
        let mut line = Vec::new();
        super::write_candidate(&mut line, &e, &ds, &c, Lang::Vi, &which, &reasons.quoted);
        let text = String::from_utf8(line).unwrap();
        assert!(
            text.starts_with(r#"{"award":"LDTT","issuer":null,"status":"not_eligible","findings":[{"rule":"ldtt-rating","severity":"error","message":"#),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let message = c.findings[0].message(&ds, &c, 2018).render(Lang::Vi);
        let expected = serde_json::json!({
            "award": "LDTT", "issuer": null, "status": "not_eligible",
            "findings": [{"rule": "ldtt-rating", "severity": "error", "message": message}],
            "unchecked": [{"rule": "ldtt-new-staff", "reason": reason.render(Lang::Vi)}],
            "person": "CN-\"1\"",
            "outlook": [{"award": "CSTDT", "have": 1, "need": 3, "from": 2020}],
        });
        assert_eq!(v, expected);
    }

    proptest! {
        /// Ordering by the sixteen-byte prefix, then by the whole text, is
        /// the texts' own order (what `shown` relies on to rank ids).
        #[test]
        fn prefix_then_text_is_text_order(a in "[A-Za-z0-9Đđ -]{0,24}", b in "[A-Za-z0-9Đđ -]{0,24}") {
            let by_prefix = prefix(&a).cmp(&prefix(&b)).then_with(|| a.cmp(&b));
            prop_assert_eq!(by_prefix, a.cmp(&b));
        }
    }

    #[test]
    fn a_shorter_text_ties_on_its_prefix() {
        assert_eq!(prefix("CN-1"), prefix("CN-1\0"));
        assert!(prefix("CN-1") < prefix("CN-10"));
        assert!(prefix("CN-0000000000000009") == prefix("CN-0000000000000008"));
    }
}
