//! `thidua draft proposal YEAR`: the submission (tờ trình) to the level above,
//! with the list of the pending proposals of YEAR it is made from.

use crate::i18n::Lang;
use crate::model::{AwardCode, Dataset, Date, Proposal, ProposalStatus};
use crate::settings::{OrgLevel, Settings};
use crate::tr;

use super::layout::{self, body, para, Style, BLANK, TEXT_WIDTH};
use super::template::Template;
use super::{Drafted, Office};

/// The pending proposals of `year` (of `award` only, when given), left out
/// those with a structural error.
pub fn pending(ds: &Dataset, year: u16, award: Option<AwardCode>) -> Vec<&Proposal> {
    ds.proposals
        .iter()
        .filter(|p| p.year == year && p.status == ProposalStatus::Pending && !p.flawed)
        .filter(|p| award.is_none_or(|a| p.award == a))
        .collect()
}

/// The body the submission goes to: `[organisation] parent`, else the
/// province's committee above a district or commune, else a blank.
fn addressee(settings: &Settings, lang: Lang, warnings: &mut Vec<String>) -> String {
    let org = &settings.organisation;
    if let Some(parent) = org.parent.as_deref().filter(|p| !p.trim().is_empty()) {
        return super::expand(parent);
    }
    match (org.level, org.province.as_deref()) {
        (Some(OrgLevel::Huyen | OrgLevel::Xa), Some(p)) if !p.trim().is_empty() => {
            format!("Ủy ban nhân dân tỉnh {}", p.trim())
        }
        _ => {
            warnings.push(tr!(lang, "draft.missing-setting", key = "parent"));
            BLANK.to_string()
        }
    }
}

/// Drafts the submission over `proposals` (non-empty, from [`pending`]).
pub fn draft(
    ds: &Dataset,
    settings: &Settings,
    year: u16,
    proposals: &[&Proposal],
    today: Date,
    tpl: &Template,
    lang: Lang,
) -> std::io::Result<Drafted> {
    let mut warnings = Vec::new();
    let cap_tren = addressee(settings, lang, &mut warnings);
    let (office, blanks) = Office::new(&settings.organisation, lang);
    warnings.extend(blanks);
    let items: Vec<_> = proposals.iter().map(|p| (p.recipient, p.award)).collect();
    let entries = super::entries(ds, &items);
    let counts = super::counts_by_form(&entries);
    let (units, people) = super::split_counts(&entries);
    let forms: Vec<String> = counts
        .iter()
        .map(|(c, ..)| super::lower_first(&super::form_name(*c)))
        .collect();
    let hinh_thuc = super::join_and(&forms);
    let co_quan_upper = office.body.to_uppercase();
    let ngay_lap = layout::date_words(today);
    let count = proposals.len();
    let args: [(&str, &dyn std::fmt::Display); 10] = [
        ("co_quan", &office.body),
        ("CO_QUAN", &co_quan_upper),
        ("cap_tren", &cap_tren),
        ("nam", &year),
        ("hinh_thuc", &hinh_thuc),
        ("tap_the", &units),
        ("ca_nhan", &people),
        ("so_de_nghi", &count),
        ("ngay_lap", &ngay_lap),
        ("ngay", &ngay_lap),
    ];
    // The submission is dated when it is signed: the day is left blank.
    let date_line = office.date_line(&format!("ngày      tháng      năm {}", today.year()));
    let mut doc = layout::new_document()
        .add_table(office.letterhead(&tpl.text("so", &args), &date_line))
        .add_paragraph(para("", Style::default()))
        .add_paragraph(para(&tpl.text("loai", &args), Style::center().bold()))
        .add_paragraph(para(&tpl.text("trich_yeu", &args), Style::center().bold()))
        .add_paragraph(layout::rule(TEXT_WIDTH, 1_800))
        .add_paragraph(para(
            &tpl.text("kinh_gui", &args),
            Style::center().after(240),
        ))
        .add_paragraph(body(&tpl.text("mo_dau", &args)));
    for (code, u, p) in &counts {
        let name = super::form_name(*code);
        let so_luong = super::count_words(tpl, "", *u, *p);
        doc = doc.add_paragraph(body(
            &tpl.text("muc", &[("hinh_thuc", &name), ("so_luong", &so_luong)]),
        ));
    }
    doc = doc
        .add_paragraph(body(&tpl.text("co_so", &args)))
        .add_paragraph(body(&tpl.text("ket", &args)));
    let doc = super::close(doc, &office, tpl, &args, &entries, true, "");
    Ok(Drafted {
        bytes: layout::pack(doc)?,
        warnings,
    })
}
