//! Cell values as the format writes them: dates (`dd/mm/yyyy`, `d/m/yyyy`,
//! `yyyy-mm-dd`, "ngày 5 tháng 3 năm 2025", Excel serial numbers and date
//! cells) to ISO, years, award names to codes; and what the title block says
//! (decision number and date, award, year).

use super::source::Value;
use crate::model::{text, AwardCode, Code, Date, Issuer};

/// The kind of value a field holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FieldType {
    Text,
    Date,
    Year,
    Award,
    Number,
    Bool,
}

pub fn field_type(field: &str) -> FieldType {
    match field {
        "decision_date" | "hire_date" | "died" | "start" | "end" | "plan_date" | "date" => {
            FieldType::Date
        }
        "year" => FieldType::Year,
        "award" => FieldType::Award,
        "months_worked" | "absent_days" => FieldType::Number,
        "direct_worker" | "initiative" | "posthumous" => FieldType::Bool,
        _ => FieldType::Text,
    }
}

/// The text the format expects for `value` in a field of type `ty`. What
/// cannot be read is passed on as typed, for the loader's checks to report.
pub fn normalise(value: &Value, ty: FieldType) -> String {
    match (ty, value) {
        (_, Value::Empty) => String::new(),
        (FieldType::Date, Value::Date(d)) => d.to_string(),
        (FieldType::Date, Value::Number(n)) => excel_serial(*n)
            .map(|d| d.to_string())
            .unwrap_or_else(|| value.text()),
        (FieldType::Date, Value::Text(t)) => parse_date(t)
            .map(|d| d.to_string())
            .unwrap_or_else(|| t.trim().to_string()),
        (FieldType::Year, Value::Date(d)) => d.year().to_string(),
        (FieldType::Year, Value::Text(t)) => year_in(t)
            .map(|y| y.to_string())
            .unwrap_or_else(|| t.trim().to_string()),
        (FieldType::Award, Value::Text(t)) => award_code(t)
            .map(|c| c.code().to_string())
            .unwrap_or_else(|| t.trim().to_string()),
        (FieldType::Bool, Value::Bool(b)) => b.to_string(),
        _ => value.text().trim().to_string(),
    }
}

/// An Excel serial date (1900 system, with its phantom 29 February 1900).
pub fn excel_serial(n: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let whole = n.floor() as i32;
    // Serial 60 is the 29 February 1900 Excel believes in; later serials are
    // one day ahead of the true count.
    let base = if whole > 60 {
        Date::from_ymd(1899, 12, 30)
    } else {
        Date::from_ymd(1899, 12, 31)
    };
    base.map(|b| Date::from_days(b.days() + whole))
}

/// A date as offices type it: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`,
/// `dd.mm.yyyy`, `yyyy-mm-dd`, `ngày 5 tháng 3 năm 2025`, or an Excel serial
/// number kept as text.
pub fn parse_date(s: &str) -> Option<Date> {
    let t = s.trim();
    if let Some(d) = Date::parse_iso(t) {
        return Some(d);
    }
    if let Some(d) = crate::load::schema::loose_date(t) {
        return Some(d);
    }
    let folded = text::fold_ascii(t);
    if folded.contains("thang") {
        let nums: Vec<u32> = folded
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect();
        if let [d, m, y] = nums[..] {
            return Date::from_ymd(y as i32, m, d);
        }
    }
    if t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<f64>().ok().and_then(excel_serial);
    }
    None
}

/// The one four-digit year in a text (`Năm 2024`, `2024`).
pub fn year_in(s: &str) -> Option<u16> {
    let years: Vec<u16> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse().ok())
        .filter(|y| (1900..=2999).contains(y))
        .collect();
    match years[..] {
        [y] => Some(y),
        _ => None,
    }
}

/// Award names as lists write them, longest first, by their
/// [`text::fold_ascii`] key.
const AWARD_PHRASES: &[(&str, AwardCode)] = &[
    ("tap the lao dong xuat sac", AwardCode::Ttldxs),
    ("tap the lao dong tien tien", AwardCode::Ttldtt),
    ("chien si thi dua toan quoc", AwardCode::Cstdtq),
    ("chien si thi dua co so", AwardCode::Cstdcs),
    ("chien si thi dua cap tinh", AwardCode::Cstdt),
    ("chien si thi dua cap bo", AwardCode::Cstdt),
    ("chien si thi dua tinh", AwardCode::Cstdt),
    ("co thi dua cua chinh phu", AwardCode::Ctdcp),
    ("co thi dua chinh phu", AwardCode::Ctdcp),
    ("huan chuong lao dong hang nhat", AwardCode::Hcld1),
    ("huan chuong lao dong hang nhi", AwardCode::Hcld2),
    ("huan chuong lao dong hang ba", AwardCode::Hcld3),
    ("bang khen cua thu tuong", AwardCode::Bkttg),
    ("bang khen thu tuong", AwardCode::Bkttg),
    ("lao dong tien tien", AwardCode::Ldtt),
    ("chien si tien tien", AwardCode::Cstt),
    ("co thi dua", AwardCode::Ctdt),
    ("bang khen", AwardCode::Bkt),
    ("giay khen", AwardCode::Gk),
];

/// The award code for a code, a full name, or a longer phrase that begins
/// with one ("Giấy khen của Chủ tịch UBND huyện").
pub fn award_code(s: &str) -> Option<AwardCode> {
    if let Ok(c) = AwardCode::parse(s.trim()) {
        return Some(c);
    }
    let key = text::fold_ascii(s);
    if let Ok(c) = AwardCode::parse(&key.replace(['.', ' '], "")) {
        return Some(c);
    }
    let key = key
        .trim_start_matches("danh hieu ")
        .trim_start_matches("tang ");
    AWARD_PHRASES
        .iter()
        .find(|(p, _)| key.starts_with(p))
        .map(|(_, c)| *c)
}

/// What a list's title block tells about all its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TitleFacts {
    pub decision: Option<String>,
    pub decision_date: Option<Date>,
    pub award: Option<AwardCode>,
    pub year: Option<u16>,
    /// The level of who decided: "của Chủ tịch UBND huyện …" is `huyen`.
    pub issuer: Option<Issuer>,
}

impl TitleFacts {
    /// The facts as field values.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(d) = &self.decision {
            out.push(("decision", d.clone()));
        }
        if let Some(d) = self.decision_date {
            out.push(("decision_date", d.to_string()));
        }
        if let Some(a) = self.award {
            out.push(("award", a.code().to_string()));
        }
        if let Some(y) = self.year {
            out.push(("year", y.to_string()));
        }
        if let Some(i) = self.issuer {
            out.push(("issuer", i.code().to_string()));
        }
        out
    }
}

/// Reads the title lines above the header: "Kèm theo Quyết định số
/// 12/QĐ-UBND ngày 10/01/2025", "… tặng Giấy khen …", "… năm 2024".
pub fn title_facts(lines: &[String]) -> TitleFacts {
    let mut facts = TitleFacts::default();
    let mut years = Vec::new();
    for line in lines {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        let keys: Vec<String> = tokens.iter().map(|t| text::fold_ascii(t)).collect();
        for i in 0..tokens.len() {
            let after_decision = i >= 1 && keys[i] == "so" && keys[i - 1].ends_with("dinh");
            if after_decision && facts.decision.is_none() {
                if let Some(num) = tokens.get(i + 1) {
                    let num =
                        num.trim_matches(|c: char| matches!(c, ',' | ';' | ')' | '(' | '.' | ':'));
                    if num.chars().any(|c| c.is_ascii_digit()) {
                        facts.decision = Some(text::clean(num).into_owned());
                    }
                }
            }
            if keys[i] == "ngay" && facts.decision.is_some() && facts.decision_date.is_none() {
                let rest = tokens[i..tokens.len().min(i + 6)].join(" ");
                let rest = rest.trim_end_matches(|c: char| !c.is_ascii_digit());
                facts.decision_date = parse_date(rest).or_else(|| {
                    tokens
                        .get(i + 1)
                        .and_then(|t| parse_date(t.trim_matches(|c: char| !c.is_ascii_digit())))
                });
            }
            if keys[i] == "nam" && (i == 0 || keys[i - 1].chars().any(|c| !c.is_ascii_digit())) {
                let prev_is_month = i >= 2 && keys[i - 2] == "thang";
                if let Some(y) = tokens.get(i + 1).and_then(|t| year_in(t)) {
                    if !prev_is_month {
                        years.push(y);
                    }
                }
            }
        }
        if facts.issuer.is_none() {
            facts.issuer = issuer_in(&text::fold_ascii(line));
        }
        if facts.award.is_none() {
            let key = text::fold_ascii(line);
            facts.award = AWARD_PHRASES
                .iter()
                .find(|(p, _)| contains_words(&key, p))
                .map(|(_, c)| *c);
        }
    }
    years.dedup();
    if let [y] = years[..] {
        facts.year = Some(y);
    }
    facts
}

/// Who decided, from a title line naming the signer ("của Chủ tịch UBND
/// huyện An Biên", "Chủ tịch Ủy ban nhân dân tỉnh", "Thủ tướng Chính phủ");
/// `key` is [`text::fold_ascii`]ed. The organisation's name alone at the top
/// ("UBND HUYỆN AN BIÊN") says who issued the list, not who decided.
fn issuer_in(key: &str) -> Option<Issuer> {
    const SIGNERS: &[(&str, Issuer)] = &[
        ("chu tich nuoc", Issuer::ChuTichNuoc),
        ("thu tuong chinh phu", Issuer::ThuTuong),
    ];
    if let Some((_, i)) = SIGNERS.iter().find(|(p, _)| contains_words(key, p)) {
        return Some(*i);
    }
    let key = key.replace("uy ban nhan dan", "ubnd");
    let at = key.find("chu tich ubnd ")? + "chu tich ubnd ".len();
    let level = &key[at..];
    const LEVELS: &[(&str, Issuer)] = &[
        ("huyen", Issuer::Huyen),
        ("quan", Issuer::Huyen),
        ("thi xa", Issuer::Huyen),
        ("xa", Issuer::Xa),
        ("phuong", Issuer::Xa),
        ("thi tran", Issuer::Xa),
        ("tinh", Issuer::Tinh),
    ];
    LEVELS
        .iter()
        .find(|(p, _)| level.starts_with(p) && level[p.len()..].starts_with([' ', ')', ',', '.']))
        .or_else(|| LEVELS.iter().find(|(p, _)| level == *p))
        .map(|(_, i)| *i)
}

fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[i + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn reads_the_issuer_from_the_title() {
        let facts = |l: &str| title_facts(&[l.to_string()]).issuer;
        let title =
            "(Kèm theo Quyết định số 2222/QĐ-UBND ngày 20/12/2018 của Chủ tịch UBND huyện An Biên)";
        assert_eq!(facts(title), Some(Issuer::Huyen));
        assert_eq!(
            facts("của Chủ tịch Ủy ban nhân dân xã Nam Thái"),
            Some(Issuer::Xa)
        );
        assert_eq!(
            facts("Quyết định của Thủ tướng Chính phủ"),
            Some(Issuer::ThuTuong)
        );
        assert_eq!(facts("UBND HUYỆN AN BIÊN"), None);
    }

    #[test]
    fn reads_dates() {
        assert_eq!(parse_date("26/04/2018"), Some(d("2018-04-26")));
        assert_eq!(parse_date("6/4/2018"), Some(d("2018-04-06")));
        assert_eq!(parse_date("2018-04-26"), Some(d("2018-04-26")));
        assert_eq!(parse_date("26.04.2018"), Some(d("2018-04-26")));
        assert_eq!(parse_date("ngày 5 tháng 3 năm 2025"), Some(d("2025-03-05")));
        assert_eq!(parse_date("31/02/2018"), None);
        assert_eq!(parse_date("43216"), Some(d("2018-04-26")));
        assert_eq!(excel_serial(43216.0), Some(d("2018-04-26")));
        assert_eq!(excel_serial(1.0), Some(d("1900-01-01")));
        assert_eq!(excel_serial(61.0), Some(d("1900-03-01")));
        assert_eq!(
            normalise(&Value::Number(45667.0), FieldType::Date),
            "2025-01-10"
        );
        assert_eq!(
            normalise(&Value::Text("soon".into()), FieldType::Date),
            "soon"
        );
    }

    #[test]
    fn reads_awards_and_years() {
        assert_eq!(award_code("Lao động tiên tiến"), Some(AwardCode::Ldtt));
        assert_eq!(award_code("LĐTT"), Some(AwardCode::Ldtt));
        assert_eq!(award_code("CSTĐCS"), Some(AwardCode::Cstdcs));
        assert_eq!(
            award_code("Giấy khen của Chủ tịch UBND huyện"),
            Some(AwardCode::Gk)
        );
        assert_eq!(
            award_code("Bằng khen của Thủ tướng Chính phủ"),
            Some(AwardCode::Bkttg)
        );
        assert_eq!(
            award_code("Danh hiệu Chiến sĩ thi đua cơ sở"),
            Some(AwardCode::Cstdcs)
        );
        assert_eq!(award_code("Kỷ niệm chương"), None);
        assert_eq!(year_in("Năm 2024"), Some(2024));
        assert_eq!(normalise(&Value::Number(2024.0), FieldType::Year), "2024");
    }

    #[test]
    fn reads_the_title_block() {
        let lines = vec![
            "UBND HUYỆN AN BIÊN".to_string(),
            "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN NĂM 2024".to_string(),
            "(Kèm theo Quyết định số 12/QĐ-UBND ngày 10/01/2025 của Chủ tịch UBND huyện)"
                .to_string(),
        ];
        let f = title_facts(&lines);
        assert_eq!(f.decision.as_deref(), Some("12/QĐ-UBND"));
        assert_eq!(f.decision_date, Some(d("2025-01-10")));
        assert_eq!(f.award, Some(AwardCode::Gk));
        assert_eq!(f.year, Some(2024));
        let f =
            title_facts(&["Kèm theo Quyết định số 7/QĐ-UBND ngày 5 tháng 2 năm 2025".to_string()]);
        assert_eq!(f.decision_date, Some(d("2025-02-05")));
        assert_eq!(f.year, None);
    }
}
