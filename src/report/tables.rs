//! The report as labelled tables, in the user's language: what the table,
//! Markdown, CSV, xlsx and HTML renderers print. (JSON is rendered from the
//! [`Report`] itself: its keys are the contract, not labels.)
//!
//! A single year gives one table per breakdown with the change from the year
//! before beside each count; a range gives the same breakdowns with the years
//! as columns.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::Code;
use crate::tr;

use super::{Counts, Denominator, Report, Tallies};

/// The names of the tables, for `--table` and for file and sheet names.
pub const NAMES: &[&str] = &[
    "summary",
    "by_award",
    "by_kind",
    "by_issuer",
    "direct_workers",
    "campaigns",
    "by_unit",
    "by_gender",
];

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count and its change from the year before, when that year has data.
    Count(u64, Option<i64>),
    /// A percentage (2 decimals) and its change in points.
    Percent(f64, Option<f64>),
    /// A figure that is not known: a year before `records-from`.
    Missing,
}

impl Cell {
    /// The number of a numeric cell.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Text(_) | Cell::Missing => None,
            Cell::Count(n, _) => Some(*n as f64),
            Cell::Percent(p, _) => Some(*p),
        }
    }

    /// The cell as printed: `62 (+5)`, `82.36 % (-1.20)`.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Missing => "—".to_string(),
            Cell::Count(n, None) => n.to_string(),
            Cell::Count(n, Some(d)) => format!("{n} ({d:+})"),
            Cell::Percent(p, None) => format!("{p:.2} %"),
            Cell::Percent(p, Some(d)) => format!("{p:.2} % ({d:+.2})"),
        }
    }

    /// The text of the cell as a reader of `lang` writes numbers: Vietnamese
    /// uses a decimal comma (`82,36 %`).
    pub fn display_in(&self, lang: Lang) -> String {
        let text = self.display();
        match (self, lang) {
            (Cell::Percent(..), Lang::Vi) => text.replace('.', ","),
            _ => text,
        }
    }

    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

/// One table of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Stable name (one of [`NAMES`]).
    pub name: &'static str,
    pub title: String,
    /// Short title, for sheet names (at most 31 characters).
    pub short: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether count cells carry a change (a single year with data the year before).
    pub changes: bool,
    /// The year the changes are counted from ("so với 2017").
    pub since: Option<u16>,
}

/// The headline of every output: the report's title for its year or years.
pub fn title(r: &Report, lang: Lang) -> String {
    match (r.years.first(), r.years.last()) {
        (Some(a), Some(b)) if r.trend => {
            tr!(lang, "report.title-range", from = a.year, to = b.year)
        }
        (Some(a), _) => tr!(lang, "report.title", year = a.year),
        _ => String::new(),
    }
}

/// The notes to print with the tables: records left out, law findings.
pub fn notes(r: &Report, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let awards: u64 = r.years.iter().map(|t| t.excluded.awards).sum();
    let proposals: u64 = r.years.iter().map(|t| t.excluded.proposals).sum();
    let rows = r.unreadable.awards + r.unreadable.proposals;
    if awards + proposals + rows > 0 {
        out.push(tr!(
            lang,
            "report.excluded",
            awards = awards,
            proposals = proposals,
            rows = rows
        ));
    }
    if !r.trend {
        for t in r.years.iter().filter(|t| !t.has_data()) {
            out.push(tr!(lang, "report.no-data", year = t.year));
        }
    }
    if let Some(n) = r.law_findings.filter(|n| *n > 0) {
        out.push(tr!(lang, "report.law-findings", count = n));
    }
    out
}

/// Every table of the report, in the order of [`NAMES`], empty ones included.
pub fn tables(r: &Report, lang: Lang) -> Vec<Table> {
    if r.trend || r.years.len() != 1 {
        trend_tables(r, lang)
    } else {
        year_tables(&r.years[0], r.previous.as_ref(), lang)
    }
}

/// A breakdown as rows of (rank, key, label, counts); rank orders the rows.
type Groups = Vec<(usize, String, String, Counts)>;

fn groups(t: &Tallies, name: &str, lang: Lang) -> Groups {
    fn coded<C: Code>(v: &[(C, Counts)], lang: Lang) -> Groups {
        v.iter()
            .map(|(k, c)| (rank(*k), k.code().to_string(), capitalise(k.name(lang)), *c))
            .collect()
    }
    match name {
        "by_award" => coded(&t.by_award, lang),
        "by_kind" => coded(&t.by_kind, lang),
        "by_issuer" => coded(&t.by_issuer, lang),
        "by_gender" => t
            .by_gender
            .iter()
            .map(|(g, c)| match g {
                Some(g) => (rank(*g), g.code().to_string(), capitalise(g.name(lang)), *c),
                None => (
                    usize::MAX,
                    String::new(),
                    lang.t("report.unknown-gender").to_string(),
                    *c,
                ),
            })
            .collect(),
        "campaigns" => t
            .campaigns
            .iter()
            .map(|n| (n.rank, n.id.clone(), n.name.clone(), n.counts))
            .collect(),
        "by_unit" => t
            .by_unit
            .iter()
            .map(|n| {
                let name = if n.id.is_empty() {
                    lang.t("report.unknown-unit").to_string()
                } else {
                    n.name.clone()
                };
                (n.rank, n.id.clone(), name, n.counts)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A label with a capital first letter (the English glosses of the codes are
/// lower-case).
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The position of a code in its table.
fn rank<C: Code>(c: C) -> usize {
    C::ALL.iter().position(|x| *x == c).unwrap_or(usize::MAX)
}

/// The rows of several years' breakdowns: every group of any of them, ordered
/// by rank, with the counts of each year (zero where it had none).
fn union(per_year: &[&Groups]) -> Vec<(String, Vec<Counts>)> {
    let mut rows: Vec<(usize, &str, Vec<Counts>)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (y, g) in per_year.iter().enumerate() {
        for (r, k, l, c) in g.iter() {
            let i = *at.entry(k.as_str()).or_insert_with(|| {
                rows.push((*r, l.as_str(), vec![Counts::default(); per_year.len()]));
                rows.len() - 1
            });
            rows[i].2[y] = *c;
        }
    }
    rows.sort_by_key(|(r, _, _)| *r);
    rows.into_iter()
        .map(|(_, l, c)| (l.to_string(), c))
        .collect()
}

/// The label column's header of a breakdown.
fn label_header(name: &str, lang: Lang) -> String {
    lang.t(&format!("report.col.{name}")).to_string()
}

fn measures(name: &str) -> &'static [Measure] {
    match name {
        "by_gender" => &[Measure::Awards, Measure::Individuals],
        _ => &[Measure::Awards, Measure::Collectives, Measure::Individuals],
    }
}

#[derive(Clone, Copy)]
enum Measure {
    Awards,
    Collectives,
    Individuals,
}

impl Measure {
    fn of(self, c: &Counts) -> u64 {
        match self {
            Measure::Awards => c.awards,
            Measure::Collectives => c.collectives,
            Measure::Individuals => c.individuals,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Measure::Awards => lang.t("report.col.awards"),
            Measure::Collectives => lang.t("report.col.collectives"),
            Measure::Individuals => lang.t("report.col.individuals"),
        }
    }
}

fn new_table(name: &'static str, lang: Lang, headers: Vec<String>, since: Option<u16>) -> Table {
    Table {
        changes: since.is_some(),
        since,
        name,
        title: lang.t(&format!("report.table.{name}")).to_string(),
        short: lang.t(&format!("report.sheet.{name}")).to_string(),
        headers,
        rows: Vec::new(),
    }
}

fn change(now: u64, before: Option<u64>) -> Option<i64> {
    before.map(|b| now as i64 - b as i64)
}

fn year_tables(t: &Tallies, prev: Option<&Tallies>, lang: Lang) -> Vec<Table> {
    let changes = prev.map(|p| p.year);
    let value_headers = || {
        vec![
            lang.t("report.col.item").to_string(),
            lang.t("report.col.value").to_string(),
        ]
    };
    let count = |now: u64, before: Option<u64>| Cell::Count(now, change(now, before));
    let dw = &t.direct_workers;
    let pdw = prev.map(|p| &p.direct_workers);
    let rate = Cell::Percent(
        dw.rate_percent,
        pdw.map(|p| ((dw.rate_percent - p.rate_percent) * 100.0).round() / 100.0),
    );

    let mut summary = new_table("summary", lang, value_headers(), changes);
    for m in measures("") {
        summary.rows.push(vec![
            Cell::Text(m.label(lang).to_string()),
            count(m.of(&t.totals), prev.map(|p| m.of(&p.totals))),
        ]);
    }
    summary.rows.push(vec![
        Cell::Text(lang.t("report.row.rate").to_string()),
        rate.clone(),
    ]);

    let mut out = vec![summary];
    for name in ["by_award", "by_kind", "by_issuer"] {
        out.push(breakdown(t, prev, name, lang));
    }

    let mut direct = new_table("direct_workers", lang, value_headers(), changes);
    let denominator = match dw.denominator {
        Denominator::Proposals => lang.t("report.row.denominator-proposals"),
        Denominator::Awarded => lang.t("report.row.denominator-awarded"),
    };
    direct.rows.push(vec![
        Cell::Text(lang.t("report.row.direct-awarded").to_string()),
        count(dw.awarded, pdw.map(|p| p.awarded)),
    ]);
    direct.rows.push(vec![
        Cell::Text(denominator.to_string()),
        count(dw.proposed, pdw.map(|p| p.proposed)),
    ]);
    direct.rows.push(vec![
        Cell::Text(lang.t("report.row.rate").to_string()),
        rate,
    ]);
    out.push(direct);

    for name in ["campaigns", "by_unit", "by_gender"] {
        out.push(breakdown(t, prev, name, lang));
    }
    out
}

/// A single year's breakdown: one row per group, a column per measure.
/// With a previous year, groups present only then are listed with 0.
fn breakdown(t: &Tallies, prev: Option<&Tallies>, name: &'static str, lang: Lang) -> Table {
    let ms = measures(name);
    let mut headers = vec![label_header(name, lang)];
    headers.extend(ms.iter().map(|m| m.label(lang).to_string()));
    let mut table = new_table(name, lang, headers, prev.map(|p| p.year));
    let now = groups(t, name, lang);
    let before = prev.map(|p| groups(p, name, lang));
    let years: Vec<&Groups> = [Some(&now), before.as_ref()]
        .into_iter()
        .flatten()
        .collect();
    for (label, counts) in union(&years) {
        let (c, p) = (counts[0], counts.get(1));
        let mut row = vec![Cell::Text(label)];
        row.extend(
            ms.iter()
                .map(|m| Cell::Count(m.of(&c), change(m.of(&c), p.map(|p| m.of(p))))),
        );
        table.rows.push(row);
    }
    table
}

/// A range: the same breakdowns with a row per group and measure, the years
/// as columns.
fn trend_tables(r: &Report, lang: Lang) -> Vec<Table> {
    let years: Vec<String> = r.years.iter().map(|t| t.year.to_string()).collect();
    let headers = |first: String| {
        let mut h = vec![first, lang.t("report.col.measure").to_string()];
        h.extend(years.iter().cloned());
        h
    };
    let mut out = Vec::new();

    let mut summary = new_table(
        "summary",
        lang,
        headers(lang.t("report.col.item").to_string()),
        None,
    );
    for m in measures("") {
        let mut row = vec![
            Cell::Text(lang.t("report.row.total").to_string()),
            Cell::Text(m.label(lang).to_string()),
        ];
        row.extend(
            r.years
                .iter()
                .map(|t| known(r, t.year, Cell::Count(m.of(&t.totals), None))),
        );
        summary.rows.push(row);
    }
    summary.rows.push(rate_row(r, lang));
    out.push(summary);

    for name in ["by_award", "by_kind", "by_issuer"] {
        out.push(trend_breakdown(
            r,
            name,
            lang,
            headers(label_header(name, lang)),
        ));
    }

    let mut direct = new_table(
        "direct_workers",
        lang,
        headers(lang.t("report.col.item").to_string()),
        None,
    );
    let item = lang.t("report.table.direct_workers").to_string();
    let mut awarded = vec![
        Cell::Text(item.clone()),
        Cell::Text(lang.t("report.row.direct-awarded").to_string()),
    ];
    awarded.extend(
        r.years
            .iter()
            .map(|t| known(r, t.year, Cell::Count(t.direct_workers.awarded, None))),
    );
    let mut proposed = vec![
        Cell::Text(item),
        Cell::Text(lang.t("report.row.denominator").to_string()),
    ];
    proposed.extend(
        r.years
            .iter()
            .map(|t| known(r, t.year, Cell::Count(t.direct_workers.proposed, None))),
    );
    direct.rows.extend([awarded, proposed, rate_row(r, lang)]);
    out.push(direct);

    for name in ["campaigns", "by_unit", "by_gender"] {
        out.push(trend_breakdown(
            r,
            name,
            lang,
            headers(label_header(name, lang)),
        ));
    }
    out
}

/// `cell`, or "—" for a year whose awards are not on file.
fn known(r: &Report, year: u16, cell: Cell) -> Cell {
    if r.on_file(year) {
        cell
    } else {
        Cell::Missing
    }
}

fn rate_row(r: &Report, lang: Lang) -> Vec<Cell> {
    let mut row = vec![
        Cell::Text(lang.t("report.table.direct_workers").to_string()),
        Cell::Text(lang.t("report.row.rate").to_string()),
    ];
    row.extend(r.years.iter().map(|t| {
        known(
            r,
            t.year,
            Cell::Percent(t.direct_workers.rate_percent, None),
        )
    }));
    row
}

fn trend_breakdown(r: &Report, name: &'static str, lang: Lang, headers: Vec<String>) -> Table {
    let mut table = new_table(name, lang, headers, None);
    let per_year: Vec<Groups> = r.years.iter().map(|t| groups(t, name, lang)).collect();
    let refs: Vec<&Groups> = per_year.iter().collect();
    for (label, counts) in union(&refs) {
        for (i, m) in measures(name).iter().enumerate() {
            // A measure that is zero every year says nothing (LĐTT has no collectives).
            if i > 0 && counts.iter().all(|c| m.of(c) == 0) {
                continue;
            }
            let mut row = vec![
                Cell::Text(label.clone()),
                Cell::Text(m.label(lang).to_string()),
            ];
            row.extend(
                counts
                    .iter()
                    .zip(&r.years)
                    .map(|(c, t)| known(r, t.year, Cell::Count(m.of(c), None))),
            );
            table.rows.push(row);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn cells_print_their_change() {
        assert_eq!(Cell::Count(62, Some(5)).display(), "62 (+5)");
        assert_eq!(Cell::Count(62, Some(-3)).display(), "62 (-3)");
        assert_eq!(Cell::Count(62, None).display(), "62");
        assert_eq!(Cell::Percent(82.36, Some(0.5)).display(), "82.36 % (+0.50)");
        assert_eq!(
            Cell::Percent(82.36, Some(0.5)).display_in(Lang::Vi),
            "82,36 % (+0,50)"
        );
        assert_eq!(Cell::Percent(82.36, None).display_in(Lang::En), "82.36 %");
        assert_eq!(Cell::Count(1234, None).display_in(Lang::Vi), "1234");
    }

    #[test]
    fn notes_point_to_check_for_law_findings_and_say_when_a_year_is_empty() {
        let r = crate::report::compute(&Dataset::default(), "X".into(), &[2018], false, Some(3));
        let said = notes(&r, Lang::En);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("2018"));
        assert!(said[1].contains('3') && said[1].contains("thidua check"));
        let quiet = crate::report::compute(&Dataset::default(), "X".into(), &[2018], true, None);
        assert!(
            notes(&quiet, Lang::Vi).is_empty(),
            "a range shows empty years as zeros"
        );
    }

    #[test]
    fn every_table_is_named_in_names() {
        let r = crate::report::compute(&Dataset::default(), "X".into(), &[2017, 2018], true, None);
        let names: Vec<&str> = tables(&r, Lang::Vi).iter().map(|t| t.name).collect();
        assert_eq!(names, NAMES);
        let one = crate::report::compute(&Dataset::default(), "X".into(), &[2018], false, None);
        let names: Vec<&str> = tables(&one, Lang::En).iter().map(|t| t.name).collect();
        assert_eq!(names, NAMES);
    }
}
