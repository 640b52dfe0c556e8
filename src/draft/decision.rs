//! `thidua draft decision NUMBER`: the decision (quyết định) of the awards whose
//! `decision` is NUMBER, with its annex list (danh sách kèm theo).

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

use docx_rs::Docx;

use crate::i18n::Lang;
use crate::model::{text, Award, AwardCode, AwardKind, Code, Dataset, Date, Issuer};
use crate::settings::Settings;
use crate::tr;

use super::layout::{self, body, para, Style, TEXT_WIDTH};
use super::template::Template;
use super::{Drafted, Entry, Office};

/// The awards of decision `number` (compared without regard to case, Unicode
/// form or surrounding spaces), of the day `date` when given; or, when there
/// is none, the nearest numbers in the folder (with their dates, when the
/// number exists but not on that day).
pub fn awards_of<'a>(
    ds: &'a Dataset,
    number: &str,
    date: Option<Date>,
) -> Result<Vec<&'a Award>, Vec<String>> {
    let key = text::fold(number);
    let same: Vec<&Award> = ds
        .awards
        .iter()
        .filter(|a| text::fold(ds.str(a.decision)) == key)
        .collect();
    let found: Vec<&Award> = same
        .iter()
        .copied()
        .filter(|a| date.is_none_or(|d| a.decision_date == d))
        .collect();
    if !found.is_empty() {
        return Ok(found);
    }
    if !same.is_empty() {
        let mut dates: Vec<Date> = same.iter().map(|a| a.decision_date).collect();
        dates.sort_unstable();
        dates.dedup();
        let number = ds.str(same[0].decision);
        return Err(dates
            .iter()
            .map(|d| format!("{number} --date {d}"))
            .collect());
    }
    Err(nearest_numbers(ds, number))
}

/// Up to three decision numbers of the folder nearest to `number`: those that
/// begin with it first, then by edit distance.
fn nearest_numbers(ds: &Dataset, number: &str) -> Vec<String> {
    let key = text::fold_ascii(number);
    let mut all: Vec<&str> = ds.awards.iter().map(|a| ds.str(a.decision)).collect();
    all.sort_unstable();
    all.dedup();
    let mut scored: Vec<((bool, usize), &str)> = all
        .into_iter()
        .map(|n| {
            let folded = text::fold_ascii(n);
            (
                (
                    !folded.starts_with(&key),
                    text::edit_distance(&key, &folded),
                ),
                n,
            )
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// The most common value and, when the values disagree, each with its count.
fn most_common<T: Copy + Eq + Hash + Ord>(
    values: impl Iterator<Item = T>,
) -> Option<(T, Vec<(T, usize)>)> {
    let mut counts: HashMap<T, usize> = HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut all: Vec<(T, usize)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let first = all.first()?.0;
    Some((first, if all.len() > 1 { all } else { Vec::new() }))
}

/// The placeholders of the template and their values.
type Args<'a> = [(&'a str, &'a dyn Display)];

/// What the decision says about itself, agreed by its awards.
struct Facts {
    date: Date,
    issuer: Issuer,
    year: u16,
    kind: AwardKind,
    campaign: Option<String>,
}

/// The facts of the awards, with a warning for each that they disagree on.
fn facts(
    ds: &Dataset,
    awards: &[&Award],
    number: &str,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Option<Facts> {
    let (date, dates) = most_common(awards.iter().map(|a| a.decision_date))?;
    if !dates.is_empty() {
        let values: Vec<String> = dates.iter().map(|(d, n)| format!("{d} ({n})")).collect();
        warnings.push(tr!(
            lang,
            "draft.disagree-date",
            number = number,
            values = values.join(", "),
            chosen = date
        ));
    }
    let (issuer, issuers) = most_common(awards.iter().map(|a| a.issuer))?;
    if !issuers.is_empty() {
        let values: Vec<String> = issuers
            .iter()
            .map(|(i, n)| format!("{} ({n})", i.code()))
            .collect();
        warnings.push(tr!(
            lang,
            "draft.disagree-issuer",
            number = number,
            values = values.join(", "),
            chosen = issuer.code()
        ));
    }
    let (year, _) = most_common(awards.iter().map(|a| a.year))?;
    let (kind, _) = most_common(awards.iter().map(|a| a.kind))?;
    let campaigns = ds.campaign_index();
    let campaign = most_common(awards.iter().filter_map(|a| a.campaign)).map(|(c, _)| {
        campaigns
            .get(&c)
            .map_or(ds.str(c), |&i| ds.str(ds.campaigns[i].name))
            .to_string()
    });
    Some(Facts {
        date,
        issuer,
        year,
        kind,
        campaign,
    })
}

/// Drafts the decision `number` over `awards` (non-empty, from [`awards_of`]).
pub fn draft(
    ds: &Dataset,
    settings: &Settings,
    number: &str,
    awards: &[&Award],
    tpl: &Template,
    lang: Lang,
) -> std::io::Result<Drafted> {
    let mut warnings = Vec::new();
    let flawed = awards.iter().filter(|a| a.flawed).count();
    if flawed > 0 {
        warnings.push(tr!(lang, "draft.flawed", count = flawed));
    }
    let good: Vec<&Award> = awards.iter().copied().filter(|a| !a.flawed).collect();
    let used = if good.is_empty() {
        awards.to_vec()
    } else {
        good
    };
    let Some(f) = facts(ds, &used, number, lang, &mut warnings) else {
        return Err(std::io::Error::other("no award"));
    };
    let org = &settings.organisation;
    let (other, warning) = super::issuing_body(org, f.issuer, lang);
    warnings.extend(warning);
    let office = match other {
        Some(other) => Office::other(other),
        None => {
            let (office, blanks) = Office::new(org, lang);
            warnings.extend(blanks);
            office
        }
    };

    let items: Vec<_> = used.iter().map(|a| (a.recipient, a.award)).collect();
    let entries = super::entries(ds, &items);
    let doc = document(&office, tpl, number, &f, &entries);
    Ok(Drafted {
        bytes: layout::pack(doc)?,
        warnings,
    })
}

/// The decision's pages and its annex.
fn document(office: &Office, tpl: &Template, number: &str, f: &Facts, entries: &[Entry]) -> Docx {
    let counts = super::counts_by_form(entries);
    let forms: Vec<String> = counts
        .iter()
        .map(|(c, ..)| super::lower_first(&super::form_name(*c)))
        .collect();
    let chuc_danh = super::authority(f.issuer, &office.body);
    let ngay = layout::date_words(f.date);
    let (units, people) = super::split_counts(entries);
    let co_quan_upper = office.body.to_uppercase();
    let chuc_danh_upper = chuc_danh.to_uppercase();
    let hinh_thuc = super::join_and(&forms);
    let phong_trao = f
        .campaign
        .clone()
        .unwrap_or_else(|| layout::BLANK.to_string());
    let args: [(&str, &dyn Display); 11] = [
        ("co_quan", &office.body),
        ("CO_QUAN", &co_quan_upper),
        ("so", &number),
        ("ngay", &ngay),
        ("nam", &f.year),
        ("hinh_thuc", &hinh_thuc),
        ("phong_trao", &phong_trao),
        ("tap_the", &units),
        ("ca_nhan", &people),
        ("chuc_danh", &chuc_danh),
        ("CHUC_DANH", &chuc_danh_upper),
    ];
    let doc = heading(office, tpl, number, f, &args);
    let doc = articles(doc, tpl, &args, &counts);
    super::close(
        doc,
        office,
        tpl,
        &args,
        entries,
        counts.len() > 1,
        "dieu_1_",
    )
}

/// From the letterhead to the last legal basis.
fn heading(office: &Office, tpl: &Template, number: &str, f: &Facts, args: &Args) -> Docx {
    let subject_key = match f.kind {
        AwardKind::ThuongXuyen => "trich_yeu_thuong_xuyen",
        AwardKind::ChuyenDe if f.campaign.is_some() => "trich_yeu_chuyen_de",
        _ => "trich_yeu_khac",
    };
    let date_line = office.date_line(&layout::date_words(f.date));
    let mut doc = layout::new_document()
        .add_table(office.letterhead(&format!("Số: {number}"), &date_line))
        .add_paragraph(para("", Style::default()))
        .add_paragraph(para(&tpl.text("loai", args), Style::center().bold()))
        .add_paragraph(para(&tpl.text(subject_key, args), Style::center().bold()))
        .add_paragraph(layout::rule(TEXT_WIDTH, 1_800))
        .add_paragraph(para(
            &tpl.text("tham_quyen", args),
            Style::center().bold().after(120),
        ));
    let bases = super::legal_bases(f.date);
    for line in bases.iter().chain(&tpl.lines("can_cu_them", args)) {
        doc = doc.add_paragraph(layout::body_in(line, Style::default().italic()));
    }
    doc
}

/// "QUYẾT ĐỊNH:" and the articles: Điều 1 with a line per form and its counts.
fn articles(mut doc: Docx, tpl: &Template, args: &Args, counts: &[(AwardCode, u64, u64)]) -> Docx {
    doc = doc
        .add_paragraph(para(
            &tpl.text("quyet_dinh", args),
            Style::center().bold().after(120),
        ))
        .add_paragraph(body(&tpl.text("dieu_1", args)));
    for (code, u, p) in counts {
        let name = super::form_name(*code);
        let so_luong = super::count_words(tpl, "dieu_1_", *u, *p);
        let line = tpl.text(
            "dieu_1_muc",
            &[("hinh_thuc", &name), ("so_luong", &so_luong)],
        );
        doc = doc.add_paragraph(body(&line));
    }
    doc.add_paragraph(body(&tpl.text("dieu_1_ket", args)))
        .add_paragraph(body(&tpl.text("dieu_2", args)))
        .add_paragraph(body(&tpl.text("dieu_3", args)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_value_wins_and_the_others_are_listed() {
        assert_eq!(
            most_common([3, 1, 3].into_iter()),
            Some((3, vec![(3, 2), (1, 1)]))
        );
        assert_eq!(most_common([2, 2].into_iter()), Some((2, vec![])));
        assert_eq!(most_common(std::iter::empty::<u8>()), None);
    }
}
