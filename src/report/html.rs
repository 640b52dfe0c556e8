//! The report as one self-contained, printable HTML file: an official
//! header (the body beside the national motto), the tables with STT and a
//! total row, each followed by a bar chart drawn as inline SVG where it says
//! something (two rows or more; `--no-charts` leaves them out). It prints on
//! A4 in a 13 pt serif, and no table or chart is split across pages. No
//! scripts, fonts or images are fetched; the text is UTF-8 and every element
//! is closed, so the file is also well-formed XML.

use std::fmt::Write as _;
use std::io::Write;

use crate::i18n::Lang;
use crate::model::text;
use crate::tr;

use super::print::Printed;
use super::{Cell, Table};

const STYLE: &str = "@page{size:A4;margin:20mm 15mm 20mm 30mm}\
body{font-family:\"Times New Roman\",Times,\"Liberation Serif\",\"Noto Serif\",serif;font-size:13pt;line-height:1.35;margin:2em auto;max-width:46em;color:#000}\
header.official{display:flex;justify-content:space-between;text-align:center;font-weight:bold;font-size:12.5pt}\
header.official div{flex:0 0 auto}header.official .parent{font-weight:normal}header.official .body{width:38%}header.official .motto{width:60%}\
header.official .motto span{display:block;font-size:13pt;text-decoration:underline;text-underline-offset:4px}\
h1{font-size:14pt;text-align:center;margin:1.2em 0 .2em}h2{font-size:13pt;margin:1.2em 0 .3em}\
p.note{font-style:italic}p.foot{font-style:italic;font-size:11.5pt;margin:.2em 0}\
table{border-collapse:collapse;margin:.3em 0;width:100%}th,td{border:1px solid #000;padding:.15em .4em}\
th{font-weight:bold;text-align:center}td.n{text-align:right;font-variant-numeric:tabular-nums}td.stt{text-align:center;width:2.5em}\
tr.total td{font-weight:bold}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}\
figure{margin:.5em 0;break-inside:avoid;page-break-inside:avoid}figure svg{width:100%;height:auto;max-width:15cm}\
figcaption{font-size:11pt;font-style:italic;text-align:center}svg text{font-family:inherit;font-size:14px}\
h2{break-after:avoid;page-break-after:avoid}\
@media print{body{margin:0;max-width:none}}";

const COLOURS: &[&str] = &[
    "#2f6db5", "#e07b24", "#3a9a4a", "#b53f3f", "#7b5bb5", "#8a6d3b", "#c25aa0", "#5a8f9c",
    "#999933", "#666666",
];

/// Writes the report. `body` is the issuing body's name as running text,
/// `parent` the body above it (printed over its name) when there is one.
#[allow(clippy::too_many_arguments)]
pub fn write(
    out: &mut dyn Write,
    parent: Option<&str>,
    body: &str,
    title: &str,
    notes: &[String],
    tables: &[Printed],
    charts: bool,
    lang: Lang,
) -> std::io::Result<()> {
    let mut h = String::new();
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut lines: Vec<String> = parent
        .map(|p| format!("<span class=\"parent\">{}</span>", esc(&p.to_uppercase())))
        .into_iter()
        .collect();
    lines.extend(crate::draft::heading_lines(body).split('\n').map(esc));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n<title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header class=\"official\">\n<div class=\"body\">{}</div>\n<div class=\"motto\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<span>Độc lập - Tự do - Hạnh phúc</span></div>\n</header>\n<h1>{}</h1>\n",
        esc(body),
        esc(title),
        lines.join("<br/>"),
        esc(title)
    );
    for n in notes {
        let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    for p in tables {
        let t = &p.table;
        let _ = writeln!(h, "<section id=\"{}\">\n<h2>{}</h2>", t.name, esc(&t.title));
        table(&mut h, p, lang);
        for n in &p.notes {
            let _ = writeln!(h, "<p class=\"foot\">{}</p>", esc(n));
        }
        if charts {
            chart(&mut h, t, &t.rows[..t.rows.len() - p.total_rows], lang);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

fn table(h: &mut String, p: &Printed, lang: Lang) {
    let t = &p.table;
    h.push_str("<table>\n<thead><tr>");
    for c in &t.headers {
        let _ = write!(h, "<th>{}</th>", esc(c));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    let first_total = t.rows.len() - p.total_rows;
    for (r, row) in t.rows.iter().enumerate() {
        h.push_str(if r >= first_total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, c) in row.iter().enumerate() {
            let class = match (i, c.is_numeric()) {
                (0, _) => " class=\"stt\"",
                (_, true) => " class=\"n\"",
                _ => "",
            };
            let _ = write!(h, "<td{class}>{}</td>", esc(&c.display_in(lang)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// A horizontal grouped bar chart: a group per row, a bar per count column.
/// Nothing is drawn for fewer than two rows: one bar says nothing the table
/// does not. The first column (STT) is not part of the label.
fn chart(h: &mut String, t: &Table, rows: &[Vec<Cell>], lang: Lang) {
    if rows.len() < 2 {
        return;
    }
    let series: Vec<usize> = (1..t.headers.len())
        .filter(|&i| {
            rows.iter()
                .any(|r| matches!(r.get(i), Some(Cell::Count(..))))
        })
        .collect();
    let groups: Vec<(String, Vec<u64>)> = rows
        .iter()
        .filter(|r| r.iter().any(|c| matches!(c, Cell::Count(..))))
        .map(|r| {
            let label: Vec<&str> = r
                .iter()
                .skip(1)
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
    // Drawn at about 16 cm wide: 14-unit text prints near 10 pt.
    let (width, bar_area, bar, gap, label_h) = (600.0, 520.0, 11.0, 1.0, 18.0);
    let legend_h = 24.0;
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
        // The measure, without the "(± so với 2017)" of its column.
        let name = t.headers[i].split(" (±").next().unwrap_or_default();
        let _ = writeln!(h, "<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"15\">{}</text>", x + 16.0, esc(name));
        x += 28.0 + 7.5 * name.chars().count() as f64;
    }
    let mut y = legend_h;
    for (label, values) in &groups {
        let _ = writeln!(h, "<text x=\"0\" y=\"{}\">{}</text>", y + 15.0, esc(label));
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
            // Not allowed in XML 1.0 (a name pasted from a spreadsheet), or
            // reordering what the reader sees: shown as escapes.
            c if text::is_unsafe(c) && c != '\n' && c != '\t' => text::push_escaped(&mut out, c),
            _ => out.push(ch),
        }
    }
    out
}
