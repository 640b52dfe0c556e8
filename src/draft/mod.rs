//! Documents the office signs, drafted from the records as .docx in the layout
//! of NĐ 30/2020/NĐ-CP: the decision (quyết định) with its annex list, the
//! submission (tờ trình) to the level above, and the report's tables. The
//! wording is data ([`template`]); the page and its blocks are in [`layout`].
//!
//! Nothing here prints: each draft returns its bytes and the warnings to show
//! (settings left blank, records that disagree), and the command writes them.

pub mod bases;
pub mod decision;
pub mod layout;
pub mod proposal;
pub mod template;

use std::collections::HashMap;

use docx_rs::{Paragraph, Table};

use crate::i18n::Lang;
use crate::model::{AwardClass, AwardCode, Code, Dataset, Issuer, Person, Recipient, Sym};
use crate::settings::{OrgLevel, Organisation};
use crate::tr;
use layout::{para, rule, ListCell, Style, BLANK, BODY, SMALL, TABLE, TEXT_WIDTH};
use template::Template;

pub use bases::legal_bases;

/// A drafted document and what the user should be told about it.
#[derive(Debug)]
pub struct Drafted {
    pub bytes: Vec<u8>,
    /// Warnings for stderr: blanks left for the user, disagreeing records.
    pub warnings: Vec<String>,
}

/// Who issues a document and who signs it, with blanks where the settings
/// say nothing.
#[derive(Clone, Debug)]
pub struct Office {
    /// The governing body printed above the name (cơ quan chủ quản).
    pub parent: Option<String>,
    /// The issuing body, as written in running text ("Ủy ban nhân dân huyện An Biên").
    pub body: String,
    pub place: String,
    pub signer: String,
    pub signer_title: String,
}

impl Office {
    /// The organisation of `[organisation]` as the issuing office. Each
    /// missing setting becomes a blank and a warning.
    pub fn new(org: &Organisation, lang: Lang) -> (Office, Vec<String>) {
        let mut warnings = Vec::new();
        let mut get = |value: &Option<String>, key: &str| match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => v.to_string(),
            _ => {
                warnings.push(tr!(lang, "draft.missing-setting", key = key));
                BLANK.to_string()
            }
        };
        let office = Office {
            parent: org.parent.clone().filter(|p| !p.trim().is_empty()),
            body: expand(&get(&org.name, "name")),
            place: get(&org.place, "place"),
            signer: get(&org.signer, "signer"),
            signer_title: get(&org.signer_title, "signer-title"),
        };
        (office, warnings)
    }

    /// Another body than the organisation (a decision taken at another
    /// level): its name and place where known, the signature left blank.
    pub fn other(body: Other) -> Office {
        Office {
            parent: None,
            body: body.body,
            place: body.place.unwrap_or_else(|| BLANK.to_string()),
            signer: BLANK.to_string(),
            signer_title: BLANK.to_string(),
        }
    }

    /// The letterhead: the body (and its parent) beside the national motto,
    /// then the number beside the place and date.
    pub fn letterhead(&self, number: &str, date_line: &str) -> Table {
        // The table reaches a little into the left margin, as offices set it,
        // so that the motto stands on one line.
        let widths = [3_700, TEXT_WIDTH - 3_300];
        let mut left = Vec::new();
        if let Some(parent) = &self.parent {
            left.push(para(&parent.to_uppercase(), Style::center().size(TABLE)));
        }
        left.push(para(
            &heading_lines(&self.body),
            Style::center().bold().size(TABLE),
        ));
        left.push(rule(widths[0], 1_300));
        let right = vec![
            para(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                Style::center().bold().size(24),
            ),
            para(
                "Độc lập - Tự do - Hạnh phúc",
                Style::center().bold().size(BODY),
            ),
            rule(widths[1], 3_000),
        ];
        let mut rows = vec![[left, right]];
        if !number.is_empty() || !date_line.is_empty() {
            rows.push([
                vec![para(number, Style::center().size(TABLE))],
                vec![para(date_line, Style::center().italic().size(BODY))],
            ]);
        }
        layout::two_columns(widths, rows).indent(-400)
    }

    /// "An Biên, ngày 18 tháng 01 năm 2019".
    pub fn date_line(&self, date_words: &str) -> String {
        format!("{}, {date_words}", self.place)
    }

    /// The signature block: "Nơi nhận" and its list beside the title and name.
    pub fn signature(&self, heading: &str, recipients: &[String]) -> Table {
        let mut left = vec![para(heading, Style::default().bold().italic().size(24))];
        left.extend(
            recipients
                .iter()
                .map(|r| para(r, Style::default().size(SMALL))),
        );
        let mut right = vec![para(
            &self.signer_title.to_uppercase(),
            Style::center().bold(),
        )];
        right.extend((0..4).map(|_| para("", Style::center())));
        right.push(para(&self.signer, Style::center().bold()));
        layout::two_columns([4_200, TEXT_WIDTH - 4_200], vec![[left, right]])
    }
}

/// The name of an issuing body as running text: `UBND` spelled out.
pub fn expand(name: &str) -> String {
    let name = name.trim();
    for (short, long) in [
        ("UBND ", "Ủy ban nhân dân "),
        ("HĐND ", "Hội đồng nhân dân "),
    ] {
        if let Some(rest) = name.strip_prefix(short) {
            return format!("{long}{rest}");
        }
    }
    name.to_string()
}

/// The body's name in capitals on two lines, the kind of body above the
/// place ("ỦY BAN NHÂN DÂN" / "HUYỆN AN BIÊN").
pub fn heading_lines(body: &str) -> String {
    let upper = body.to_uppercase();
    for kind in ["ỦY BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "] {
        if let Some(rest) = upper.strip_prefix(kind) {
            return format!("{}\n{rest}", kind.trim_end());
        }
    }
    upper
}

/// A body other than the organisation that issued a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Other {
    pub body: String,
    pub place: Option<String>,
}

/// The issuing body of a decision taken at `issuer` level: `None` for the
/// organisation itself (its level matches, or is not set); the province's
/// committee for a provincial decision; else a blank to fill in, with a warning.
pub fn issuing_body(
    org: &Organisation,
    issuer: Issuer,
    lang: Lang,
) -> (Option<Other>, Option<String>) {
    let matches = match org.level {
        None => true,
        Some(level) => matches!(
            (level, issuer),
            (OrgLevel::Xa, Issuer::Xa)
                | (OrgLevel::Huyen, Issuer::Huyen)
                | (OrgLevel::Tinh, Issuer::Tinh)
                | (OrgLevel::Bo, Issuer::Tinh)
                | (_, Issuer::CoQuan)
        ),
    };
    if matches {
        return (None, None);
    }
    let province = org
        .province
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    if let (Issuer::Tinh, Some(p)) = (issuer, province) {
        let body = format!("Ủy ban nhân dân tỉnh {p}");
        let other = Other {
            body,
            place: Some(p.to_string()),
        };
        return (Some(other), None);
    }
    let warning = tr!(lang, "draft.other-issuer", issuer = issuer.name(lang));
    let other = Other {
        body: BLANK.to_string(),
        place: None,
    };
    (Some(other), Some(warning))
}

/// The title of the authority that decides at `issuer` level over `body`
/// ("Chủ tịch Ủy ban nhân dân huyện An Biên").
pub fn authority(issuer: Issuer, body: &str) -> String {
    match issuer {
        Issuer::Xa | Issuer::Huyen | Issuer::Tinh => format!("Chủ tịch {body}"),
        Issuer::CoQuan => format!("Thủ trưởng {body}"),
        Issuer::ThuTuong => "Thủ tướng Chính phủ".into(),
        Issuer::ChuTichNuoc => "Chủ tịch nước".into(),
    }
}

/// An award's name as a decision writes it: titles as `danh hiệu "…"`.
pub fn form_name(code: AwardCode) -> String {
    match code.class() {
        AwardClass::Title => format!("Danh hiệu “{}”", code.name_vi()),
        _ => code.name_vi().to_string(),
    }
}

/// `text` with a lower-case first letter, for use inside a sentence.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a, b và c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// One line of an annex: a recipient and the forms it receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub recipient: Recipient,
    pub name: String,
    /// Position and unit of a person; the unit above a collective.
    pub detail: String,
    pub forms: Vec<AwardCode>,
}

/// The recipients of `items` (recipient, form), each once, collectives first,
/// in the order they first appear; each with its forms in code order.
pub fn entries(ds: &Dataset, items: &[(Recipient, AwardCode)]) -> Vec<Entry> {
    let people: HashMap<Sym, &Person> = ds.people.iter().map(|p| (p.id, p)).collect();
    let units = ds.unit_index();
    let unit_name = |id: Sym| {
        units
            .get(&id)
            .map_or(ds.str(id), |&i| ds.str(ds.units[i].name))
    };
    let mut out: Vec<Entry> = Vec::new();
    let mut at: HashMap<Recipient, usize> = HashMap::new();
    for &(recipient, form) in items {
        let i = *at.entry(recipient).or_insert_with(|| {
            let detail = match recipient {
                Recipient::Person(id) => people.get(&id).map_or(String::new(), |p| {
                    let unit = unit_name(p.unit).to_string();
                    match p.position {
                        Some(pos) => format!("{}, {unit}", ds.str(pos)),
                        None => unit,
                    }
                }),
                Recipient::Unit(id) => units
                    .get(&id)
                    .and_then(|&i| ds.units[i].parent)
                    .map_or(String::new(), |p| unit_name(p).to_string()),
            };
            out.push(Entry {
                recipient,
                name: ds.recipient_name(recipient).to_string(),
                detail,
                forms: Vec::new(),
            });
            out.len() - 1
        });
        if !out[i].forms.contains(&form) {
            out[i].forms.push(form);
        }
    }
    for e in &mut out {
        e.forms
            .sort_by_key(|f| AwardCode::ALL.iter().position(|c| c == f));
    }
    out.sort_by_key(|e| e.recipient.is_person());
    out
}

/// Distinct collectives and individuals per form, in code order.
pub fn counts_by_form(entries: &[Entry]) -> Vec<(AwardCode, u64, u64)> {
    AwardCode::ALL
        .iter()
        .filter_map(|&code| {
            let with = entries.iter().filter(|e| e.forms.contains(&code));
            let (units, people) = with.fold((0, 0), |(u, p), e| {
                if e.recipient.is_person() {
                    (u, p + 1)
                } else {
                    (u + 1, p)
                }
            });
            (units + people > 0).then_some((code, units, people))
        })
        .collect()
}

/// "12 tập thể và 3 cá nhân", leaving out a zero.
pub fn count_words(tpl: &Template, prefix: &str, units: u64, people: u64) -> String {
    let mut parts = Vec::new();
    if units > 0 {
        parts.push(tpl.text(&format!("{prefix}tap_the"), &[("n", &units)]));
    }
    if people > 0 {
        parts.push(tpl.text(&format!("{prefix}ca_nhan"), &[("n", &people)]));
    }
    join_and(&parts)
}

/// The annex table: STT | name | position and unit [| forms], grouped
/// I. collectives / II. individuals, each recipient once.
pub fn annex_table(tpl: &Template, entries: &[Entry], show_forms: bool) -> Table {
    let mut widths = vec![800, 3_300, 5_255];
    if show_forms {
        widths = vec![800, 2_800, 3_355, 2_400];
    }
    let head = Style::center().bold();
    let mut header = vec![
        ListCell::new(tpl.text("cot_stt", &[]), head),
        ListCell::new(tpl.text("cot_ten", &[]), head),
        ListCell::new(tpl.text("cot_don_vi", &[]), head),
    ];
    if show_forms {
        header.push(ListCell::new(tpl.text("cot_hinh_thuc", &[]), head));
    }
    let mut rows = vec![header];
    let groups = [
        (false, tpl.text("nhom_tap_the", &[])),
        (true, tpl.text("nhom_ca_nhan", &[])),
    ];
    let mut numeral = 0;
    for (is_person, title) in groups {
        let members: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.recipient.is_person() == is_person)
            .collect();
        if members.is_empty() {
            continue;
        }
        numeral += 1;
        let roman = ["I", "II"][numeral - 1];
        rows.push(vec![ListCell {
            text: format!("{roman}. {title}"),
            style: Style::default().bold(),
            span: widths.len(),
        }]);
        for (n, e) in members.iter().enumerate() {
            let mut row = vec![
                ListCell::new((n + 1).to_string(), Style::center()),
                ListCell::new(e.name.clone(), Style::default()),
                ListCell::new(e.detail.clone(), Style::default()),
            ];
            if show_forms {
                let forms: Vec<String> = e.forms.iter().map(|f| form_name(*f)).collect();
                row.push(ListCell::new(forms.join("; "), Style::default()));
            }
            rows.push(row);
        }
    }
    layout::list_table(&widths, rows)
}

/// Distinct collectives and individuals among `entries`.
pub fn split_counts(entries: &[Entry]) -> (u64, u64) {
    let people = entries.iter().filter(|e| e.recipient.is_person()).count() as u64;
    (entries.len() as u64 - people, people)
}

/// The end of a decision or a submission: "Nơi nhận" and the signature, then
/// the annex on its own page and the line that counts it.
pub fn close(
    doc: docx_rs::Docx,
    office: &Office,
    tpl: &Template,
    args: &[(&str, &dyn std::fmt::Display)],
    entries: &[Entry],
    show_forms: bool,
    count_prefix: &str,
) -> docx_rs::Docx {
    let (units, people) = split_counts(entries);
    let so_luong = count_words(tpl, count_prefix, units, people);
    let mut end_args: Vec<(&str, &dyn std::fmt::Display)> = args.to_vec();
    end_args.push(("so_luong", &so_luong));
    let mut doc = doc
        .add_paragraph(para("", Style::default()))
        .add_table(office.signature(
            &tpl.text("noi_nhan", args),
            &tpl.lines("noi_nhan_danh_sach", args),
        ));
    for p in annex_heading(tpl, args) {
        doc = doc.add_paragraph(p);
    }
    doc.add_table(annex_table(tpl, entries, show_forms))
        .add_paragraph(para("", Style::default()))
        .add_paragraph(para(
            &tpl.text("danh_sach_ket", &end_args),
            Style::default().italic().size(BODY),
        ))
}

/// The title block of an annex, on a new page.
pub fn annex_heading(tpl: &Template, args: &[(&str, &dyn std::fmt::Display)]) -> Vec<Paragraph> {
    vec![
        para(&tpl.text("danh_sach", args), Style::center().bold()).page_break_before(true),
        para(
            &tpl.text("danh_sach_trich_yeu", args),
            Style::center().bold(),
        ),
        para(
            &tpl.text("danh_sach_kem_theo", args),
            Style::center().italic(),
        ),
        rule(TEXT_WIDTH, 2_000),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_spelled_out_and_set_on_two_lines() {
        assert_eq!(
            expand("UBND huyện An Biên"),
            "Ủy ban nhân dân huyện An Biên"
        );
        assert_eq!(
            heading_lines("Ủy ban nhân dân huyện An Biên"),
            "ỦY BAN NHÂN DÂN\nHUYỆN AN BIÊN"
        );
        assert_eq!(heading_lines("Phòng Nội vụ"), "PHÒNG NỘI VỤ");
        assert_eq!(join_and(&["a".into(), "b".into(), "c".into()]), "a, b và c");
        assert_eq!(lower_first("Danh hiệu “LĐTT”"), "danh hiệu “LĐTT”");
    }

    #[test]
    fn missing_settings_are_blanks_with_a_warning_each() {
        let org = Organisation {
            name: Some("UBND xã Ví Dụ".into()),
            place: Some("Ví Dụ".into()),
            ..Organisation::default()
        };
        let (office, warnings) = Office::new(&org, Lang::En);
        assert_eq!(office.body, "Ủy ban nhân dân xã Ví Dụ");
        assert_eq!(
            (office.signer.as_str(), office.signer_title.as_str()),
            (BLANK, BLANK)
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("signer") && warnings[1].contains("signer-title"));
    }

    #[test]
    fn a_provincial_decision_is_issued_by_the_province() {
        let org = Organisation {
            level: Some(OrgLevel::Huyen),
            province: Some("Kiên Giang".into()),
            ..Organisation::default()
        };
        let (other, warning) = issuing_body(&org, Issuer::Tinh, Lang::Vi);
        let office = Office::other(other.unwrap());
        assert_eq!(office.body, "Ủy ban nhân dân tỉnh Kiên Giang");
        assert_eq!(
            office.place, "Kiên Giang",
            "the province's place, not the district's"
        );
        assert_eq!(office.signer, BLANK, "not the district's signer");
        assert!(warning.is_none());
        assert_eq!(issuing_body(&org, Issuer::Huyen, Lang::Vi), (None, None));
        let (other, warning) = issuing_body(&org, Issuer::Xa, Lang::Vi);
        assert_eq!(other.unwrap().body, BLANK);
        assert!(warning.is_some());
    }
}
