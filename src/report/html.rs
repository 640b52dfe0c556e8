//! The report as one self-contained, printable HTML file: the tables, each
//! followed by a bar chart drawn as inline SVG. No scripts, fonts or images
//! are fetched; the text is UTF-8 and every element is closed, so the file is
//! also well-formed XML.

use std::fmt::Write as _;
use std::io::Write;

use crate::i18n::Lang;
use crate::tr;

use super::{Cell, Table};

const STYLE: &str = "body{font-family:\"Noto Sans\",\"Segoe UI\",Arial,sans-serif;margin:2em auto;max-width:60em;color:#222}\
h1{font-size:1.4em;margin:0}h2{font-size:1.1em;margin-top:2em}p.title{font-size:1.2em;font-weight:bold}\
p.note{background:#fff6dd;padding:.5em;border-left:4px solid #e0a800}\
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #999;padding:.25em .6em}\
th{background:#dde4ee}td.n{text-align:right;font-variant-numeric:tabular-nums}\
svg text{font-family:inherit;font-size:11px}\
@media print{body{margin:0;max-width:none}section{break-inside:avoid;page-break-inside:avoid}}";

const COLOURS: &[&str] = &[
    "#2f6db5", "#e07b24", "#3a9a4a", "#b53f3f", "#7b5bb5", "#8a6d3b", "#c25aa0", "#5a8f9c",
    "#999933", "#666666",
];

pub fn write(
    out: &mut dyn Write,
    organisation: &str,
    title: &str,
    notes: &[String],
    tables: &[Table],
    lang: Lang,
) -> std::io::Result<()> {
    let mut h = String::new();
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n<title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"title\">{}</p>\n</header>\n",
        esc(organisation),
        esc(title),
        esc(organisation),
        esc(title)
    );
    for n in notes {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    for t in tables {
        let _ = writeln!(h, "<section id=\"{}\">\n<h2>{}</h2>", t.name, esc(&t.title));
        table(&mut h, t, lang);
        chart(&mut h, t, lang);
        h.push_str("</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

fn table(h: &mut String, t: &Table, lang: Lang) {
    h.push_str("<table>\n<thead><tr>");
    for c in &t.headers {
        let _ = write!(h, "<th>{}</th>", esc(c));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        h.push_str("<tr>");
        for c in row {
            let class = if c.is_numeric() { " class=\"n\"" } else { "" };
            let _ = write!(h, "<td{class}>{}</td>", esc(&c.display_in(lang)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// A horizontal grouped bar chart: a group per row, a bar per count column.
fn chart(h: &mut String, t: &Table, lang: Lang) {
    let series: Vec<usize> = (0..t.headers.len())
        .filter(|&i| {
            t.rows
                .iter()
                .any(|r| matches!(r.get(i), Some(Cell::Count(..))))
        })
        .collect();
    let groups: Vec<(String, Vec<u64>)> = t
        .rows
        .iter()
        .filter(|r| r.iter().any(|c| matches!(c, Cell::Count(..))))
        .map(|r| {
            let label: Vec<&str> = r
                .iter()
                .filter_map(|c| {
                    if let Cell::Text(s) = c {
                        Some(s.as_str())
                    } else {
                        None
                    }
                })
                .collect();
            let values = series
                .iter()
                .map(|&i| {
                    if let Some(Cell::Count(n, _)) = r.get(i) {
                        *n
                    } else {
                        0
                    }
                })
                .collect();
            (label.join(" — "), values)
        })
        .collect();
    if groups.is_empty() || series.is_empty() {
        return;
    }
    let max = groups
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let (width, bar_area, bar, gap, label_h) = (720.0, 600.0, 12.0, 2.0, 16.0);
    let legend_h = 20.0;
    let group_h = label_h + series.len() as f64 * (bar + gap) + 6.0;
    let height = legend_h + groups.len() as f64 * group_h + 4.0;
    let caption = tr!(lang, "report.chart", title = t.title);
    let _ = write!(
        h,
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>\n",
        esc(&caption),
        esc(&caption)
    );
    let mut x = 0.0;
    for (k, &i) in series.iter().enumerate() {
        let colour = COLOURS[k % COLOURS.len()];
        let name = &t.headers[i];
        let _ = writeln!(h, "<rect x=\"{x}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{}\" y=\"13\">{}</text>", x + 14.0, esc(name));
        x += 24.0 + 7.0 * name.chars().count() as f64;
    }
    let mut y = legend_h;
    for (label, values) in &groups {
        let _ = writeln!(h, "<text x=\"0\" y=\"{}\">{}</text>", y + 12.0, esc(label));
        let mut by = y + label_h;
        for (k, v) in values.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            let w = (*v as f64 / max as f64 * bar_area).max(if *v > 0 { 1.0 } else { 0.0 });
            let _ = writeln!(
                h,
                "<rect x=\"0\" y=\"{by}\" width=\"{w:.1}\" height=\"{bar}\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{}\">{v}</text>",
                w + 4.0,
                by + bar - 2.0
            );
            by += bar + gap;
        }
        y += group_h;
    }
    let _ = write!(
        h,
        "</svg>\n<figcaption>{}</figcaption>\n</figure>\n",
        esc(&caption)
    );
}

/// Escapes text for HTML and XML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}
