//! The report's tables as printed for people (docx, HTML, xlsx, CSV for
//! Excel): a first column STT, a "Tổng cộng" row under each breakdown, the
//! change columns labelled with the year they are counted from, and a
//! footnote where collectives and individuals do not add up to the awards
//! (they count distinct recipients; one may receive several awards).

use crate::i18n::Lang;
use crate::tr;

use super::{Cell, Report, Table};

/// A table ready to print, with the footnotes that go under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Printed {
    pub table: Table,
    /// How many rows at the end are totals (bold when printed).
    pub total_rows: usize,
    pub notes: Vec<String>,
}

/// The tables whose rows are items of one kind, to which a total row adds
/// nothing (they are already the totals).
fn is_summary(t: &Table) -> bool {
    matches!(t.name, "summary" | "direct_workers")
}

/// `t` numbered, totalled and footnoted.
pub fn printable(t: &Table, r: &Report, lang: Lang) -> Printed {
    let mut table = t.clone();
    table.headers.insert(0, lang.t("print.col.stt").to_string());
    for (n, row) in table.rows.iter_mut().enumerate() {
        row.insert(0, Cell::Text((n + 1).to_string()));
    }
    let totals = if is_summary(t) || t.rows.is_empty() {
        Vec::new()
    } else if r.trend {
        trend_totals(t, lang)
    } else {
        vec![total_row(t, &t.rows.iter().collect::<Vec<_>>(), 1, lang)]
    };
    let total_rows = totals.len();
    table.rows.extend(totals);
    Printed {
        notes: notes(t, r, lang),
        table,
        total_rows,
    }
}

/// The same table with each column that holds a count and its change
/// labelled "(± so với YEAR)": for renderers that print both in one cell
/// (HTML, docx); xlsx and CSV give the change its own column instead.
pub fn label_changes(mut p: Printed, lang: Lang) -> Printed {
    let Some(year) = p.table.since else {
        return p;
    };
    let rows = &p.table.rows;
    for (i, h) in p.table.headers.iter_mut().enumerate().skip(1) {
        if rows
            .iter()
            .any(|row| row.get(i).is_some_and(Cell::is_numeric))
        {
            *h = tr!(lang, "print.col.since", column = h, year = year);
        }
    }
    p
}

/// A total row over `rows`: the STT cell empty, "Tổng cộng" and the first
/// `labels` text cells, then the sum of each numeric column.
fn total_row(t: &Table, rows: &[&Vec<Cell>], labels: usize, lang: Lang) -> Vec<Cell> {
    let mut out = vec![Cell::Text(String::new())];
    for i in 0..t.headers.len() {
        let column = rows.iter().filter_map(|r| r.get(i));
        let cell = if i == 0 {
            Cell::Text(lang.t("print.row.total").to_string())
        } else if i < labels {
            rows.first()
                .and_then(|r| r.get(i))
                .cloned()
                .unwrap_or(Cell::Text(String::new()))
        } else {
            let (mut sum, mut change, mut any) = (0u64, Some(0i64), false);
            for c in column {
                if let Cell::Count(n, d) = c {
                    any = true;
                    sum += n;
                    change = change.zip(*d).map(|(a, b)| a + b);
                }
            }
            if any {
                Cell::Count(sum, if t.changes { change } else { None })
            } else if rows.iter().any(|r| r.get(i) == Some(&Cell::Missing)) {
                Cell::Missing
            } else {
                Cell::Text(String::new())
            }
        };
        out.push(cell);
    }
    out
}

/// A range's breakdown has a row per group and measure: one total per measure.
fn trend_totals(t: &Table, lang: Lang) -> Vec<Vec<Cell>> {
    let mut measures: Vec<&str> = Vec::new();
    for row in &t.rows {
        if let Some(Cell::Text(m)) = row.get(1) {
            if !measures.contains(&m.as_str()) {
                measures.push(m);
            }
        }
    }
    // In the order of the measures, whichever group came first.
    let order = [
        "report.col.awards",
        "report.col.collectives",
        "report.col.individuals",
    ];
    measures.sort_by_key(|m| order.iter().position(|k| lang.t(k) == *m));
    measures
        .iter()
        .map(|m| {
            let rows: Vec<&Vec<Cell>> = t
                .rows
                .iter()
                .filter(|r| matches!(r.get(1), Some(Cell::Text(x)) if x == m))
                .collect();
            total_row(t, &rows, 2, lang)
        })
        .collect()
}

/// The footnotes of a single year's table: where collectives + individuals
/// differ from the awards, and where a column of distinct recipients sums to
/// more than the year's distinct total.
fn notes(t: &Table, r: &Report, lang: Lang) -> Vec<String> {
    let (Some(year), false) = (r.years.first(), r.trend) else {
        return Vec::new();
    };
    let c = &year.totals;
    let mut out = Vec::new();
    if t.name == "summary" && c.collectives + c.individuals != c.awards {
        out.push(tr!(
            lang,
            "print.note.recipients",
            awards = c.awards,
            collectives = c.collectives,
            individuals = c.individuals
        ));
    }
    if !is_summary(t) {
        let sum_of = |label: &str| -> u64 {
            let Some(i) = t.headers.iter().position(|h| h == label) else {
                return 0;
            };
            t.rows
                .iter()
                .filter_map(|row| match row.get(i) {
                    Some(Cell::Count(n, _)) => Some(*n),
                    _ => None,
                })
                .sum()
        };
        let units = sum_of(lang.t("report.col.collectives"));
        let people = sum_of(lang.t("report.col.individuals"));
        if units > c.collectives || people > c.individuals {
            out.push(tr!(
                lang,
                "print.note.distinct",
                collectives = c.collectives,
                individuals = c.individuals
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Counts;

    fn report() -> Report {
        let mut r = crate::report::compute(
            &crate::model::Dataset::default(),
            "X".into(),
            &[2018],
            false,
            None,
        );
        r.years[0].totals = Counts {
            awards: 10,
            collectives: 2,
            individuals: 5,
        };
        r
    }

    fn table(name: &'static str, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            name,
            title: "T".into(),
            short: "T".into(),
            headers: vec!["Hình thức".into(), "Tập thể".into(), "Cá nhân".into()],
            rows,
            changes: true,
            since: Some(2017),
        }
    }

    #[test]
    fn breakdowns_get_stt_a_total_and_labelled_changes() {
        let t = table(
            "by_award",
            vec![
                vec![
                    Cell::Text("GK".into()),
                    Cell::Count(2, Some(1)),
                    Cell::Count(3, Some(-1)),
                ],
                vec![
                    Cell::Text("LĐTT".into()),
                    Cell::Count(0, Some(0)),
                    Cell::Count(4, Some(2)),
                ],
            ],
        );
        let p = printable(&t, &report(), Lang::Vi);
        assert_eq!(p.table.headers[0], "STT");
        assert_eq!(p.table.headers[2], "Tập thể");
        let labelled = label_changes(p.clone(), Lang::Vi);
        assert_eq!(labelled.table.headers[2], "Tập thể (± so với 2017)");
        assert_eq!(
            labelled.table.headers[1], "Hình thức",
            "a label column keeps its name"
        );
        assert_eq!(p.total_rows, 1);
        let total = p.table.rows.last().unwrap();
        assert_eq!(total[1], Cell::Text("Tổng cộng".into()));
        assert_eq!(total[2], Cell::Count(2, Some(1)));
        assert_eq!(total[3], Cell::Count(7, Some(1)));
        assert_eq!(p.table.rows[1][0], Cell::Text("2".into()));
        assert_eq!(
            p.notes.len(),
            1,
            "7 individuals in rows, 5 distinct: {:?}",
            p.notes
        );
    }

    #[test]
    fn the_summary_gets_no_total_but_a_note_when_recipients_differ_from_awards() {
        let t = table(
            "summary",
            vec![vec![Cell::Text("Lượt".into()), Cell::Count(10, None)]],
        );
        let p = printable(&t, &report(), Lang::En);
        assert_eq!(p.total_rows, 0);
        assert_eq!(p.table.rows.len(), 1);
        assert_eq!(p.notes.len(), 1);
        let note = &p.notes[0];
        assert!(
            note.contains("10 awards")
                && note.contains("2 distinct collectives")
                && note.contains("5 distinct individuals"),
            "{note}"
        );
    }

    #[test]
    fn a_range_gets_one_total_per_measure_in_the_measures_order() {
        let r = crate::report::compute(
            &crate::model::Dataset::default(),
            "X".into(),
            &[2017, 2018],
            true,
            None,
        );
        let row = |label: &str, measure: &str, a: u64, b: u64| {
            vec![
                Cell::Text(label.into()),
                Cell::Text(measure.into()),
                Cell::Count(a, None),
                Cell::Count(b, None),
            ]
        };
        let t = Table {
            name: "by_award",
            title: "T".into(),
            short: "T".into(),
            headers: vec![
                "Award".into(),
                "Measure".into(),
                "2017".into(),
                "2018".into(),
            ],
            rows: vec![
                row("LDTT", "Awards", 5, 6),
                row("LDTT", "Individuals", 5, 6),
                row("GK", "Awards", 2, 3),
                row("GK", "Collectives", 1, 1),
                row("GK", "Individuals", 1, 2),
            ],
            changes: false,
            since: None,
        };
        let p = printable(&t, &r, Lang::En);
        assert_eq!(p.total_rows, 3);
        let totals: Vec<(String, Vec<Cell>)> = p.table.rows[5..]
            .iter()
            .map(|r| (r[2].display(), r[3..].to_vec()))
            .collect();
        assert_eq!(
            totals[0],
            (
                "Awards".into(),
                vec![Cell::Count(7, None), Cell::Count(9, None)]
            )
        );
        assert_eq!(
            totals[1],
            (
                "Collectives".into(),
                vec![Cell::Count(1, None), Cell::Count(1, None)]
            )
        );
        assert_eq!(
            totals[2],
            (
                "Individuals".into(),
                vec![Cell::Count(6, None), Cell::Count(8, None)]
            )
        );
        assert!(
            p.notes.is_empty(),
            "a range has no year's distinct totals to compare"
        );
    }
}
