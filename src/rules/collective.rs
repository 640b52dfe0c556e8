//! Collective titles: Tập thể lao động tiên tiến (TTLĐTT) and Tập thể lao
//! động xuất sắc (TTLĐXS), judged on the unit's members — the people of the
//! unit and of every unit below it (`parent` links).

use std::collections::{HashMap, HashSet};

use crate::model::{AwardCode, Code, Discipline, Rating, Recipient, Sym};
use crate::tr;

use super::evidence::{Check, Judge};
use super::index::{Claim, Codes, LDTT_LIKE};
use super::windows::{self, Era};
use super::{err, warn, LawRule};

const TTLDTT_MEMBERS: usize = 0;
const TTLDTT_DISCIPLINE: usize = 1;
const TTLDXS_MEMBERS: usize = 2;
const TTLDXS_DISCIPLINE: usize = 3;

const CSTDCS: Codes = Codes::of(&[AwardCode::Cstdcs]);

/// The lightest discipline that bars a collective title.
const BARRING_DISCIPLINE: Discipline = Discipline::CanhCao;

/// The share of LĐTT a TTLĐTT needs, by era: the threshold, and whether the
/// share must be strictly more (Luật 2003: "trên 50 %") or at least
/// (Luật 2022: "từ 70 % trở lên").
const TTLDTT_SHARE: [(Era, &str, bool); 2] = [
    (Era::Law2003, "ttldtt-min-percent-old", true),
    (Era::Law2022, "ttldtt-min-percent", false),
];

pub static RULES: [LawRule; 4] = [
    law_rule! {
        id: TtldttMembers,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 28 khoản 1; Luật TĐKT 2022, Điều 28 khoản 1",
        summary: ("TTLĐTT: trên 50 % (đến 2023) hoặc từ 70 % (từ 2024) thành viên đạt LĐTT năm đó", "TTLDTT: more than 50 % (to 2023) or at least 70 % (from 2024) of members hold LDTT that year"),
        explanation: (
            "Kiểm tra: Tập thể lao động tiên tiến (TTLĐTT) năm Y: trong số thành viên (người của đơn vị và các đơn vị trực thuộc, đã tuyển dụng trước hết năm Y), tỷ lệ người có LĐTT/CSTT năm Y trên `ttldtt-min-percent-old` (50 %) với quyết định đến 31/12/2023, từ `ttldtt-min-percent` (70 %) trở lên từ 01/01/2024.\nVì sao: tiêu chuẩn TTLĐTT đòi hỏi phần lớn thành viên đạt LĐTT; Luật 2022 nâng tỷ lệ.\nCăn cứ: Luật TĐKT 2003, Điều 28 khoản 1; Luật TĐKT 2022, Điều 28 khoản 1 (70 % theo văn bản hướng dẫn ngành; là ngưỡng có thể đặt lại).\nVí dụ: đơn vị 10 người, 6 LĐTT năm 2019: đạt (60 % > 50 %); cùng số liệu năm 2024: lỗi (60 % < 70 %).\nCách sửa: bổ sung quyết định LĐTT còn thiếu hoặc danh sách người của đơn vị; nếu đúng, tập thể chưa đủ tiêu chuẩn. Đơn vị chưa có người trong people.csv thì quy tắc chưa xét được.",
            "Checks: a Tập thể lao động tiên tiến (TTLDTT) for year Y: among its members (the people of the unit and of the units below it, recruited before the end of Y), the share holding LDTT/CSTT for Y is more than `ttldtt-min-percent-old` (50 %) for decisions up to 2023-12-31, at least `ttldtt-min-percent` (70 %) from 2024-01-01.\nWhy: a TTLDTT needs most members to be LDTT; the 2022 law raised the share.\nLaw: Luật TĐKT 2003, Art. 28 k1; Luật TĐKT 2022, Art. 28 k1 (70 % as quoted by sector circulars; a setting).\nExample: a unit of 10 people with 6 LDTT in 2019: passes (60 % > 50 %); the same figures in 2024: error (60 % < 70 %).\nFix: add missing LDTT decisions or the unit's people; if the data are right, the collective does not meet the standard. A unit with nobody in people.csv leaves the rule unchecked.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 28 khoản 1"),
            err("Luật TĐKT 2003, Điều 28 khoản 1"),
            err("Luật TĐKT 2022, Điều 28 khoản 1"),
            err("Luật TĐKT 2022, Điều 28 khoản 1"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 28 khoản 1"),
        ],
    },
    law_rule! {
        id: TtldttDiscipline,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 28 khoản 1; Luật TĐKT 2022, Điều 28 khoản 1",
        summary: ("TTLĐTT: không có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm", "TTLDTT: no member disciplined cảnh cáo or heavier that year"),
        explanation: (
            "Kiểm tra: không thành viên nào của tập thể có TTLĐTT năm Y bị kỷ luật từ cảnh cáo trở lên (cột `discipline` của đánh giá năm Y).\nVì sao: tiêu chuẩn TTLĐTT loại trừ tập thể có cá nhân bị kỷ luật từ cảnh cáo.\nCăn cứ: Luật TĐKT 2003, Điều 28 khoản 1; Luật TĐKT 2022, Điều 28 khoản 1.\nVí dụ: TTLĐTT năm 2020 của Trường TH An Biên, giáo viên Trần Thị B bị cảnh cáo năm 2020 → lỗi.\nCách sửa: kiểm tra năm và đơn vị của người bị kỷ luật; nếu đúng, tập thể không đủ tiêu chuẩn. Có thành viên chưa có đánh giá năm đó (và không thấy vi phạm) thì quy tắc chưa xét được.",
            "Checks: no member of a collective holding TTLDTT for year Y was disciplined at cảnh cáo or heavier (the `discipline` of the Y evaluation).\nWhy: the TTLDTT standard excludes collectives with a member under a warning or heavier.\nLaw: Luật TĐKT 2003, Art. 28 k1; Luật TĐKT 2022, Art. 28 k1.\nExample: the 2020 TTLDTT of Trường TH An Biên while teacher Trần Thị B got cảnh cáo in 2020 → error.\nFix: check the year and unit of the disciplined person; if right, the collective is not eligible. Members without an evaluation that year (and no breach seen) leave the rule unchecked.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 28 khoản 1"),
            err("Luật TĐKT 2003, Điều 28 khoản 1"),
            err("Luật TĐKT 2022, Điều 28 khoản 1"),
            err("Luật TĐKT 2022, Điều 28 khoản 1"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 28 khoản 1"),
        ],
    },
    law_rule! {
        id: TtldxsMembers,
        default: Error,
        citation: "Luật TĐKT 2003, Điều 27; Luật TĐKT 2022, Điều 27 khoản 1",
        summary: ("TTLĐXS: mọi thành viên hoàn thành nhiệm vụ, từ 70 % LĐTT, ít nhất một CSTĐCS", "TTLDXS: every member rated `ht` or better, at least 70 % LDTT, at least one CSTDCS"),
        explanation: (
            "Kiểm tra: Tập thể lao động xuất sắc (TTLĐXS) năm Y: 100 % thành viên xếp loại từ `ht` trở lên; từ `ttldxs-min-percent` (70 %) thành viên có LĐTT/CSTT năm Y; ít nhất `ttldxs-min-cstdcs` (1) thành viên có CSTĐCS năm Y.\nVì sao: đây là các tiêu chuẩn về thành viên của TTLĐXS, không đổi giữa hai luật.\nCăn cứ: Luật TĐKT 2003, Điều 27 (sửa đổi 2013); Luật TĐKT 2022, Điều 27 khoản 1.\nVí dụ: TTLĐXS năm 2021, không thành viên nào có CSTĐCS năm 2021 → lỗi.\nCách sửa: bổ sung quyết định và đánh giá còn thiếu; nếu đúng, tập thể chưa đủ tiêu chuẩn.",
            "Checks: a Tập thể lao động xuất sắc (TTLDXS) for year Y: every member rated `ht` or better; at least `ttldxs-min-percent` (70 %) of members hold LDTT/CSTT for Y; at least `ttldxs-min-cstdcs` (1) member holds CSTDCS for Y.\nWhy: these are the member standards of TTLDXS, the same under both laws.\nLaw: Luật TĐKT 2003, Art. 27 (amended 2013); Luật TĐKT 2022, Art. 27 k1.\nExample: a 2021 TTLDXS where no member holds a 2021 CSTDCS → error.\nFix: add the missing decisions and evaluations; if the data are right, the collective does not meet the standard.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 27 (sửa đổi 2013)"),
            err("Luật TĐKT 2003, Điều 27 (sửa đổi 2013)"),
            err("Luật TĐKT 2022, Điều 27 khoản 1"),
            err("Luật TĐKT 2022, Điều 27 khoản 1"),
            err("Luật TĐKT 2022 (sửa đổi 2026), Điều 27 khoản 1"),
        ],
    },
    law_rule! {
        id: TtldxsDiscipline,
        default: Warning,
        citation: "Luật TĐKT 2003, Điều 27; Luật TĐKT 2022, Điều 27 (không còn nêu rõ)",
        summary: ("TTLĐXS: không có thành viên bị kỷ luật từ cảnh cáo trở lên", "TTLDXS: no member disciplined cảnh cáo or heavier"),
        explanation: (
            "Kiểm tra: không thành viên nào của tập thể có TTLĐXS năm Y bị kỷ luật từ cảnh cáo trở lên trong năm Y.\nVì sao: Luật 2003 (Điều 27) nêu rõ điều kiện này (lỗi); văn bản Luật 2022 Điều 27 đã xem không còn nêu (cảnh báo; quy chế tỉnh có thể nâng lên lỗi).\nCăn cứ: Luật TĐKT 2003, Điều 27; Luật TĐKT 2022, Điều 27.\nVí dụ: TTLĐXS năm 2022, một thành viên bị hạ bậc lương năm 2022 → lỗi; cùng hồ sơ quyết định năm 2024 → cảnh báo.\nCách sửa: kiểm tra năm và đơn vị của người bị kỷ luật.",
            "Checks: no member of a collective holding TTLDXS for year Y was disciplined at cảnh cáo or heavier in Y.\nWhy: the 2003 law (Art. 27) states it (error); the 2022 text of Art. 27 seen no longer does (warning; a province may raise it).\nLaw: Luật TĐKT 2003, Art. 27; Luật TĐKT 2022, Art. 27.\nExample: a 2022 TTLDXS with a member whose salary was downgraded in 2022 → error; the same record decided in 2024 → warning.\nFix: check the year and unit of the disciplined person.",
        ),
        windows: [
            None,
            err("Luật TĐKT 2003, Điều 27 (sửa đổi 2013)"),
            err("Luật TĐKT 2003, Điều 27 (sửa đổi 2013)"),
            warn("Luật TĐKT 2022, Điều 27 (không còn nêu rõ; theo quy chế của tỉnh)"),
            warn("Luật TĐKT 2022, Điều 27 (không còn nêu rõ; theo quy chế của tỉnh)"),
            warn("Luật TĐKT 2022 (sửa đổi 2026), Điều 27 (chưa kiểm chứng)"),
        ],
    },
];

pub fn check(j: &mut Judge<'_>) {
    let ix = j.ix;
    let targets: HashSet<Sym> = ix
        .claims
        .iter()
        .filter(|c| matches!(c.code, AwardCode::Ttldtt | AwardCode::Ttldxs))
        .filter_map(|c| match c.recipient {
            Recipient::Unit(u) => Some(u),
            Recipient::Person(_) => None,
        })
        .collect();
    if targets.is_empty() {
        return;
    }
    let members = members_of(j, &targets);
    let empty = Vec::new();
    // The members' record, once per unit, year and kind of claim (a pending
    // proposal also counts pending proposals of the same year).
    let mut tallies: HashMap<(Sym, u16, bool), Tally> = HashMap::new();
    for c in &ix.claims {
        let Recipient::Unit(u) = c.recipient else {
            continue;
        };
        let rules: [usize; 2] = match c.code {
            AwardCode::Ttldtt => [TTLDTT_MEMBERS, TTLDTT_DISCIPLINE],
            AwardCode::Ttldxs => [TTLDXS_MEMBERS, TTLDXS_DISCIPLINE],
            _ => continue,
        };
        if rules.iter().all(|&i| j.level(&RULES[i], c).is_none()) {
            continue;
        }
        let tally = tallies
            .entry((u, c.year, c.is_proposal()))
            .or_insert_with(|| Tally::of(j, c, members.get(&u).unwrap_or(&empty)));
        for i in rules {
            let Some(sev) = j.level(&RULES[i], c) else {
                continue;
            };
            let check = if tally.members == 0 {
                Check::Unknown(j.lang.t("law.reason.no-members").to_string())
            } else {
                match i {
                    TTLDTT_MEMBERS => ttldtt_share(j, c, tally),
                    TTLDXS_MEMBERS => ttldxs_members(j, c, tally),
                    _ => discipline(j, c, tally),
                }
            };
            let help = j.lang.t(if i == TTLDTT_MEMBERS || i == TTLDXS_MEMBERS {
                "law.members.help"
            } else {
                "law.member-discipline.help"
            });
            j.judge(&RULES[i], c, sev, check.verdict(help));
        }
    }
}

/// The people (indexes) of each target unit and of every unit below it.
/// Units in a `parent` cycle are flawed and end the walk.
fn members_of(j: &Judge<'_>, targets: &HashSet<Sym>) -> HashMap<Sym, Vec<usize>> {
    let ds = j.ix.ds;
    let index = ds.unit_index();
    let mut out: HashMap<Sym, Vec<usize>> = HashMap::new();
    for (pi, p) in ds.people.iter().enumerate().filter(|(_, p)| !p.flawed) {
        let mut cur = Some(p.unit);
        let mut steps = 0;
        while let Some(u) = cur {
            let Some(&ui) = index.get(&u) else { break };
            let unit = &ds.units[ui];
            if unit.flawed || steps > ds.units.len() {
                break;
            }
            if targets.contains(&u) {
                out.entry(u).or_default().push(pi);
            }
            cur = unit.parent;
            steps += 1;
        }
    }
    out
}

/// What a collective's members hold and were rated in one year.
struct Tally {
    /// Members recruited by the end of the year.
    members: usize,
    ldtt: usize,
    cstdcs: usize,
    /// Members rated below `ht` (names).
    below: Vec<String>,
    /// Members without an evaluation for the year.
    unrated: usize,
    /// The first member disciplined at cảnh cáo or heavier.
    disciplined: Option<(String, Discipline)>,
}

impl Tally {
    fn of(j: &Judge<'_>, c: &Claim, people: &[usize]) -> Tally {
        let ix = j.ix;
        let year_end = crate::model::Date::end_of_year(i32::from(c.year));
        let mut t = Tally {
            members: 0,
            ldtt: 0,
            cstdcs: 0,
            below: Vec::new(),
            unrated: 0,
            disciplined: None,
        };
        for &p in people {
            let person = &ix.ds.people[p];
            if person
                .hire_date
                .is_some_and(|h| year_end.is_some_and(|e| h > e))
            {
                continue;
            }
            t.members += 1;
            let r = Recipient::Person(person.id);
            t.ldtt += usize::from(ix.holds(c, r, c.year, LDTT_LIKE));
            t.cstdcs += usize::from(ix.holds(c, r, c.year, CSTDCS));
            match ix.eval(r, c.year) {
                None => t.unrated += 1,
                Some(e) => {
                    if e.rating < Rating::Ht {
                        t.below.push(ix.name(r).to_string());
                    }
                    if let Some(d) = e.discipline.filter(|d| *d >= BARRING_DISCIPLINE) {
                        t.disciplined
                            .get_or_insert_with(|| (ix.name(r).to_string(), d));
                    }
                }
            }
        }
        t
    }
}

/// "6 of 10 members (60 %)".
fn share_text(j: &Judge<'_>, held: usize, total: usize) -> String {
    let pct = if total == 0 {
        0.0
    } else {
        held as f64 * 100.0 / total as f64
    };
    tr!(
        j.lang,
        "law.share",
        held = held,
        total = total,
        percent = format!("{pct:.0}")
    )
}

/// Whether `count` of `total` reaches `percent` (strictly more, or at least).
fn reaches(count: usize, total: usize, percent: f64, strictly: bool) -> bool {
    let have = count as f64 * 100.0;
    let need = percent * total as f64;
    if strictly {
        have > need + 1e-9
    } else {
        have + 1e-9 >= need
    }
}

fn ttldtt_share(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if !j.ix.facts(c.recipient, c.year) {
        return Check::Unknown(j.no_history());
    }
    let era = windows::WINDOWS[c.window].era;
    let (name, strictly) = TTLDTT_SHARE
        .iter()
        .find(|(e, _, _)| *e == era)
        .map_or(("ttldtt-min-percent", false), |(_, n, s)| (*n, *s));
    let percent = j.settings.threshold(name);
    if reaches(t.ldtt, t.members, percent, strictly) {
        Check::Holds
    } else {
        let key = if strictly {
            "law.ttldtt-members-more"
        } else {
            "law.ttldtt-members-least"
        };
        Check::Fails(tr!(
            j.lang,
            key,
            share = share_text(j, t.ldtt, t.members),
            year = c.year,
            percent = percent
        ))
    }
}

fn ttldxs_members(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    let mut parts = Vec::new();
    parts.push(if !t.below.is_empty() {
        Check::Fails(tr!(
            j.lang,
            "law.ttldxs-rating",
            names = t.below.join(", "),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(tr!(
            j.lang,
            "law.reason.members-no-evaluation",
            year = c.year
        ))
    } else {
        Check::Holds
    });
    if !j.ix.facts(c.recipient, c.year) {
        parts.push(Check::Unknown(j.no_history()));
    } else {
        let percent = j.settings.threshold("ttldxs-min-percent");
        parts.push(if reaches(t.ldtt, t.members, percent, false) {
            Check::Holds
        } else {
            Check::Fails(tr!(
                j.lang,
                "law.ttldtt-members-least",
                share = share_text(j, t.ldtt, t.members),
                year = c.year,
                percent = percent
            ))
        });
        let min = j.count("ttldxs-min-cstdcs") as usize;
        parts.push(if t.cstdcs >= min {
            Check::Holds
        } else {
            Check::Fails(tr!(
                j.lang,
                "law.ttldxs-cstdcs",
                count = t.cstdcs,
                year = c.year,
                min = min
            ))
        });
    }
    Check::all(parts)
}

fn discipline(j: &Judge<'_>, c: &Claim, t: &Tally) -> Check {
    if let Some((name, d)) = &t.disciplined {
        Check::Fails(tr!(
            j.lang,
            "law.member-discipline",
            name = name,
            discipline = d.name(j.lang),
            year = c.year
        ))
    } else if t.unrated > 0 {
        Check::Unknown(tr!(
            j.lang,
            "law.reason.members-no-evaluation",
            year = c.year
        ))
    } else {
        Check::Holds
    }
}
