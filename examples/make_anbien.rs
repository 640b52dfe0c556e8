//! Writes the bundled example data folder: An Biên district (Kiên Giang),
//! years 2016–2018, with invented people and the 2018 figures of the district's
//! article of 12/04/2019 (62 collectives and 178 individuals rewarded ad hoc by
//! the district chair; 82.36 % of the individuals proposed being direct workers).
//!
//! Run with `cargo run --example make_anbien -- data`. The output is the same on
//! every run: the only randomness is a seeded linear congruential generator.
//! Every record is built to satisfy the law's rules by construction (see
//! `rules.md`): titles only where the person's rating, discipline, hire date
//! and absences allow, CSTĐCS within 15 % of the LĐTT per issuer level, unit
//! titles only where the members qualify, the province's awards only where
//! their prerequisites hold. Where a rule could count in more than one way,
//! the data satisfies the strictest reading (a unit's members are everyone on
//! file in it, whenever they were hired).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::Path;

const YEARS: [u16; 3] = [2016, 2017, 2018];
/// The year of the article.
const YEAR: u16 = 2018;
/// The article's tallies for [`YEAR`].
const AD_HOC_UNITS: usize = 62;
const AD_HOC_PEOPLE: usize = 178;
/// 82.36 % in hundredths of a percent.
const DIRECT_RATE: u64 = 8236;
/// CSTĐCS per 100 LĐTT that the generator aims at (the law's ceiling is 15).
const CSTDCS_PER_100: usize = 13;

// ---------------------------------------------------------------- randomness

/// Knuth's MMIX linear congruential generator: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    /// 31 random bits.
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next()) * n as u64) >> 31) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u32) -> bool {
        self.below(1000) < percent as usize * 10
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }

    /// An index into `weights`, chosen with those weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------- dates

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i32, u32, u32);

impl Day {
    /// The date `n` days earlier (within a month, as the generator only needs).
    fn minus(self, n: u32) -> Day {
        assert!(self.2 > n, "{self} minus {n}");
        Day(self.0, self.1, self.2 - n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

// ---------------------------------------------------------------- units

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Group {
    Commune,
    Office,
    School,
    Hamlet,
}

struct Unit {
    id: String,
    name: String,
    kind: &'static str,
    parent: Option<usize>,
    group: Group,
}

/// Communes and the town: id, name, kind, staff, hamlets (ấp, khu phố) separated by `;`.
#[rustfmt::skip]
const COMMUNES: &[(&str, &str, &str, usize, &str)] = &[
    ("tt-thu-ba", "Thị trấn Thứ Ba", "thi_tran", 24, "Khu phố 1; Khu phố 2; Khu phố 3; Khu phố 4; Khu phố 5; Khu phố 6"),
    ("xa-tay-yen", "Xã Tây Yên", "xa", 22, "Ấp Xẻo Nhàu; Ấp Tây Bình; Ấp Thứ Nhất; Ấp Kênh Tắt; Ấp Bào Môn; Ấp Xẻo Vẹt"),
    ("xa-tay-yen-a", "Xã Tây Yên A", "xa", 22, "Ấp Xẻo Đước; Ấp Thạnh An; Ấp Kênh Làng; Ấp Xẻo Bần; Ấp Rọ Ghe; Ấp Tây Sơn"),
    ("xa-nam-yen", "Xã Nam Yên", "xa", 21, "Ấp Thứ Hai; Ấp Nam Hưng; Ấp Kênh Mới; Ấp Xẻo Cạn; Ấp Bình Lợi; Ấp Nam Lộc"),
    ("xa-nam-thai", "Xã Nam Thái", "xa", 22, "Ấp Thứ Tư; Ấp Xẻo Rô; Ấp Kênh Chùa; Ấp Nam Thành; Ấp Bàu Sen; Ấp Ngọn Xẻo; Ấp Rạch Tre"),
    ("xa-nam-thai-a", "Xã Nam Thái A", "xa", 21, "Ấp Thứ Năm; Ấp Xẻo Kè; Ấp Kênh Hai; Ấp Thái Hòa; Ấp Cầu Sắt; Ấp Miệt Thứ"),
    ("xa-dong-thai", "Xã Đông Thái", "xa", 22, "Ấp Thứ Sáu; Ấp Đông Hưng; Ấp Kênh Ba; Ấp Xẻo Lá; Ấp Lung Lớn; Ấp Cái Nước; Ấp Tràm Dưới"),
    ("xa-dong-yen", "Xã Đông Yên", "xa", 22, "Ấp Thứ Bảy; Ấp Đông An; Ấp Kênh Năm; Ấp Xẻo Sao; Ấp Thuận Hòa; Ấp Cạnh Đền"),
    ("xa-hung-yen", "Xã Hưng Yên", "xa", 21, "Ấp Hưng Thịnh; Ấp Hưng Lợi; Ấp Kênh Sáu; Ấp Bảy Biển; Ấp Xẻo Môn; Ấp Hưng Phú"),
];

/// District offices: id, name, staff, head, deputy.
#[rustfmt::skip]
const OFFICES: &[(&str, &str, usize, &str, &str)] = &[
    ("vp-hdnd-ubnd", "Văn phòng HĐND và UBND huyện", 22, "Chánh Văn phòng", "Phó Chánh Văn phòng"),
    ("p-noi-vu", "Phòng Nội vụ", 9, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-tc-kh", "Phòng Tài chính – Kế hoạch", 11, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-gd-dt", "Phòng Giáo dục và Đào tạo", 12, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-nn-ptnt", "Phòng Nông nghiệp và Phát triển nông thôn", 10, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-ld-tbxh", "Phòng Lao động – Thương binh và Xã hội", 9, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-tn-mt", "Phòng Tài nguyên và Môi trường", 9, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-vh-tt", "Phòng Văn hóa và Thông tin", 7, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-y-te", "Phòng Y tế", 5, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-tu-phap", "Phòng Tư pháp", 5, "Trưởng phòng", "Phó Trưởng phòng"),
    ("p-kt-ht", "Phòng Kinh tế và Hạ tầng", 8, "Trưởng phòng", "Phó Trưởng phòng"),
    ("thanh-tra", "Thanh tra huyện", 6, "Chánh Thanh tra", "Phó Chánh Thanh tra"),
];

/// Schools under Phòng GD&ĐT: id, name, staff.
#[rustfmt::skip]
const SCHOOLS: &[(&str, &str, usize)] = &[
    ("mn-thu-ba", "Trường Mầm non Thị trấn Thứ Ba", 18),
    ("mn-dong-thai", "Trường Mầm non Đông Thái", 15),
    ("th-thu-ba-1", "Trường Tiểu học Thị trấn Thứ Ba 1", 26),
    ("th-tay-yen-1", "Trường Tiểu học Tây Yên 1", 23),
    ("th-nam-yen-1", "Trường Tiểu học Nam Yên 1", 22),
    ("th-nam-thai-a", "Trường Tiểu học Nam Thái A", 20),
    ("th-dong-thai-1", "Trường Tiểu học Đông Thái 1", 21),
    ("th-hung-yen", "Trường Tiểu học Hưng Yên", 19),
    ("thcs-thu-ba", "Trường THCS Thị trấn Thứ Ba", 30),
    ("thcs-tay-yen-a", "Trường THCS Tây Yên A", 23),
    ("thcs-nam-thai", "Trường THCS Nam Thái", 22),
    ("thcs-dong-yen", "Trường THCS Đông Yên", 21),
];

// ---------------------------------------------------------------- people

/// Family names with their weights (`name*weight`); Danh and Thạch are
/// common among the district's Khmer families.
const FAMILY: &str =
    "Nguyễn*12 Trần*6 Lê*6 Phạm*3 Huỳnh*4 Võ*3 Phan*2 Trương*2 Đặng*2 Bùi*1 Đỗ*1 Hồ*2 \
                      Ngô*1 Dương*2 Lý*1 Danh*3 Thạch*1 Lâm*2 Châu*1 Tô*1 Mai*1 Đoàn*1 Quách*1";
const MIDDLE_M: &str = "Văn Văn Văn Văn Minh Quốc Thanh Hữu Công Đức Tấn Tấn Chí Phước Hoàng";
const MIDDLE_F: &str = "Thị Thị Thị Thị Thị Ngọc Ngọc Kim Kim Mỹ Thu Bích Hồng Thanh";
/// A second middle name after `Thị` (Nguyễn Thị Ngọc Hân).
const SECOND_F: &str = "Ngọc Kim Thanh Bích Mỹ Cẩm Diễm";
const GIVEN_M: &str = "Hùng Dũng Phúc Tài Khang Nghĩa Tuấn Hải Lộc Thắng Toàn Vinh Hiếu Nhân Trí Tâm Sang Phong \
                       Quang Khải Bình Cường Định Đạt Hậu Kiệt Luân Nam Phát Sơn Thành Tín Trung Vũ Duy Em \
                       Thiện Lực Hòa Khoa Lợi Nhựt Thuận Tính";
const GIVEN_F: &str = "Lan Hoa Hạnh Trang Thảo Nhung Yến Diễm Ngân Trinh Hằng Phương Loan Hương Thư Vy Tuyết \
                       Xuân Linh Mai Nga Oanh Quyên Thủy Tiên Uyên Vân Châu Duyên Giang Huyền Kiều My Nhi \
                       Phượng Thắm Bé Liên Đào Hân";

/// The name lists, split once.
struct Names {
    family: Vec<&'static str>,
    weights: Vec<u32>,
    middle_m: Vec<&'static str>,
    middle_f: Vec<&'static str>,
    second_f: Vec<&'static str>,
    given_m: Vec<&'static str>,
    given_f: Vec<&'static str>,
}

impl Names {
    fn new() -> Names {
        let (family, weights) = FAMILY
            .split_whitespace()
            .map(|f| {
                let (name, w) = f.split_once('*').expect("name*weight");
                (name, w.parse::<u32>().expect("weight"))
            })
            .unzip();
        let words = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        Names {
            family,
            weights,
            middle_m: words(MIDDLE_M),
            middle_f: words(MIDDLE_F),
            second_f: words(SECOND_F),
            given_m: words(GIVEN_M),
            given_f: words(GIVEN_F),
        }
    }
}

struct Person {
    id: String,
    name: String,
    unit: usize,
    direct: bool,
    female: bool,
    position: String,
    hire: Day,
    /// 0 strong, 1 average, 2 weak: how the yearly ratings fall.
    tier: u8,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Rating {
    Kht,
    Ht,
    Htt,
    Htxs,
}

impl Rating {
    fn code(self) -> &'static str {
        match self {
            Rating::Kht => "kht",
            Rating::Ht => "ht",
            Rating::Htt => "htt",
            Rating::Htxs => "htxs",
        }
    }
}

#[derive(Clone, Copy)]
struct Eval {
    rating: Rating,
    /// `khien_trach` or `canh_cao`.
    discipline: Option<&'static str>,
    initiative: bool,
    months: u8,
    absent: u16,
}

impl Eval {
    /// May hold LĐTT: rated htt or better, not disciplined, a full year with
    /// fewer than 40 days absent (the hire date is checked by the caller).
    fn ldtt_ok(&self) -> bool {
        self.rating >= Rating::Htt
            && self.discipline.is_none()
            && self.absent < 40
            && self.months == 12
    }

    /// Nothing against a commendation that year.
    fn clean(&self) -> bool {
        self.rating >= Rating::Htt && self.discipline.is_none()
    }

    /// Rated htxs with an initiative and no discipline (Bằng khen's yearly condition).
    fn excellent(&self) -> bool {
        self.rating == Rating::Htxs && self.initiative && self.discipline.is_none()
    }
}

// ---------------------------------------------------------------- awards

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum To {
    Person(usize),
    Unit(usize),
}

/// One decision (quyết định): what every award it confers shares.
#[derive(Clone)]
struct Decision {
    no: String,
    day: Day,
    issuer: &'static str,
    kind: &'static str,
    campaign: Option<&'static str>,
    /// File under `awards/`, without extension.
    file: String,
}

struct Award {
    id: String,
    year: u16,
    to: To,
    code: &'static str,
    decision: Decision,
}

struct Proposal {
    id: String,
    year: u16,
    to: To,
    code: &'static str,
    by: usize,
    status: &'static str,
    date: Day,
    award: Option<String>,
}

// ---------------------------------------------------------------- the district

struct District {
    rng: Rng,
    names: Names,
    units: Vec<Unit>,
    people: Vec<Person>,
    /// `evals[person][year - 2016]`.
    evals: Vec<[Option<Eval>; 3]>,
    unit_evals: BTreeMap<(u16, usize), Rating>,
    awards: Vec<Award>,
    proposals: Vec<Proposal>,
    seq: BTreeMap<String, usize>,
    /// (recipient, code, year) of every award, for quick look-ups.
    held: BTreeSet<(To, &'static str, u16)>,
}

fn yi(year: u16) -> usize {
    usize::from(year - YEARS[0])
}

impl District {
    fn new() -> District {
        District {
            rng: Rng(0x416e_4269_656e_2018),
            names: Names::new(),
            units: Vec::new(),
            people: Vec::new(),
            evals: Vec::new(),
            unit_evals: BTreeMap::new(),
            awards: Vec::new(),
            proposals: Vec::new(),
            seq: BTreeMap::new(),
            held: BTreeSet::new(),
        }
    }

    fn unit(&self, id: &str) -> usize {
        self.units
            .iter()
            .position(|u| u.id == id)
            .unwrap_or_else(|| panic!("no unit {id}"))
    }

    fn add_unit(
        &mut self,
        id: &str,
        name: &str,
        kind: &'static str,
        parent: Option<usize>,
        group: Group,
    ) -> usize {
        self.units.push(Unit {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            parent,
            group,
        });
        self.units.len() - 1
    }

    fn build_units(&mut self) {
        for (id, name, kind, _, hamlets) in COMMUNES {
            let c = self.add_unit(id, name, kind, None, Group::Commune);
            // Communes have hamlets (ấp), the town has street groups (khu phố).
            let short = if *kind == "thi_tran" { "kp" } else { "ap" };
            for (i, h) in hamlets.split(';').enumerate() {
                let hid = format!("{id}-{short}-{:02}", i + 1);
                self.add_unit(&hid, h.trim(), "thon_ap", Some(c), Group::Hamlet);
            }
        }
        for (id, name, ..) in OFFICES {
            self.add_unit(id, name, "co_quan", None, Group::Office);
        }
        let gd = self.unit("p-gd-dt");
        for (id, name, _) in SCHOOLS {
            self.add_unit(id, name, "truong_hoc", Some(gd), Group::School);
        }
    }

    /// An invented name not yet `taken` in the unit.
    fn name(&mut self, female: bool, taken: &BTreeSet<String>) -> String {
        let n = &self.names;
        loop {
            let family = n.family[self.rng.weighted(&n.weights)];
            let name = if female {
                let middle = *self.rng.pick(&n.middle_f);
                let second = if middle == "Thị" && self.rng.chance(25) {
                    format!(" {}", self.rng.pick(&n.second_f))
                } else {
                    String::new()
                };
                format!("{family} {middle}{second} {}", self.rng.pick(&n.given_f))
            } else {
                format!(
                    "{family} {} {}",
                    self.rng.pick(&n.middle_m),
                    self.rng.pick(&n.given_m)
                )
            };
            if !taken.contains(&name) {
                return name;
            }
        }
    }

    /// The positions of a unit's staff, leaders (not direct workers) first.
    fn positions(&self, u: usize, staff: usize) -> Vec<(String, bool)> {
        fn fill(out: &mut Vec<(String, bool)>, name: &str, direct: bool, n: usize) {
            out.extend(std::iter::repeat_n((name.to_string(), direct), n));
        }
        let mut out = Vec::new();
        let id = self.units[u].id.as_str();
        match self.units[u].group {
            Group::Commune => {
                fill(&mut out, "Chủ tịch UBND", false, 1);
                fill(&mut out, "Phó Chủ tịch UBND", false, 2);
                fill(&mut out, "Công chức Văn phòng – Thống kê", true, 2);
                fill(&mut out, "Công chức Tài chính – Kế toán", true, 2);
                fill(&mut out, "Công chức Tư pháp – Hộ tịch", true, 2);
                fill(&mut out, "Công chức Địa chính – Xây dựng", true, 2);
                fill(&mut out, "Công chức Văn hóa – Xã hội", true, 2);
                fill(&mut out, "Chỉ huy trưởng Quân sự", true, 1);
                fill(&mut out, "Cán bộ không chuyên trách", true, staff - 14);
            }
            Group::Office => {
                let (.., head, deputy) = OFFICES.iter().find(|o| o.0 == id).expect("office");
                fill(&mut out, head, false, 1);
                fill(&mut out, deputy, false, if staff >= 10 { 2 } else { 1 });
                if id == "vp-hdnd-ubnd" {
                    fill(&mut out, "Văn thư", true, 1);
                    fill(&mut out, "Lái xe", true, 2);
                }
                fill(&mut out, "Kế toán", true, usize::from(staff >= 9));
                let specialist = if id == "thanh-tra" {
                    "Thanh tra viên"
                } else {
                    "Chuyên viên"
                };
                let n = staff - out.len();
                fill(&mut out, specialist, true, n);
            }
            Group::School => {
                fill(&mut out, "Hiệu trưởng", false, 1);
                fill(
                    &mut out,
                    "Phó Hiệu trưởng",
                    false,
                    if staff >= 22 { 2 } else { 1 },
                );
                fill(&mut out, "Kế toán", true, 1);
                fill(&mut out, "Nhân viên văn thư", true, 1);
                if !id.starts_with("mn-") {
                    fill(&mut out, "Giáo viên – Tổng phụ trách Đội", true, 1);
                }
                let n = staff - out.len();
                fill(&mut out, "Giáo viên", true, n);
            }
            Group::Hamlet => {}
        }
        assert_eq!(out.len(), staff, "{id}");
        out
    }

    fn hire_date(&mut self, leader: bool) -> Day {
        // New staff join between May and September, so a newcomer never has
        // the ten months the LĐTT needs in the year of joining.
        let newcomer = !leader && self.rng.chance(13);
        let year = if newcomer {
            i32::from(YEARS[self.rng.below(3)])
        } else if leader {
            1992 + self.rng.below(16) as i32
        } else {
            1996 + self.rng.below(20) as i32
        };
        let month = if newcomer {
            5 + self.rng.below(5)
        } else {
            1 + self.rng.below(12)
        } as u32;
        Day(year, month, 1 + self.rng.below(28) as u32)
    }

    fn build_people(&mut self) {
        let staffed: Vec<(usize, usize)> = COMMUNES
            .iter()
            .map(|c| (c.0, c.3))
            .chain(OFFICES.iter().map(|o| (o.0, o.2)))
            .chain(SCHOOLS.iter().map(|s| (s.0, s.2)))
            .map(|(id, n)| (self.unit(id), n))
            .collect();
        for (u, staff) in staffed {
            let mut taken = BTreeSet::new();
            let school = self.units[u].group == Group::School;
            for (position, direct) in self.positions(u, staff) {
                let female = self.rng.chance(if school { 72 } else { 38 });
                let name = self.name(female, &taken);
                taken.insert(name.clone());
                let hire = self.hire_date(!direct);
                let tier = if direct {
                    self.rng.weighted(&[15, 70, 15])
                } else {
                    self.rng.weighted(&[40, 60, 0])
                };
                let id = format!("P{:04}", self.people.len() + 1);
                self.people.push(Person {
                    id,
                    name,
                    unit: u,
                    direct,
                    female,
                    position,
                    hire,
                    tier: tier as u8,
                });
            }
        }
    }

    fn build_evaluations(&mut self) {
        for p in 0..self.people.len() {
            let mut row = [None; 3];
            let (hire, tier) = (self.people[p].hire, self.people[p].tier);
            for year in YEARS {
                let y = i32::from(year);
                if hire.0 > y {
                    continue;
                }
                let rng = &mut self.rng;
                let e = if hire.0 == y {
                    let rating = if rng.chance(70) {
                        Rating::Htt
                    } else {
                        Rating::Ht
                    };
                    Eval {
                        rating,
                        discipline: None,
                        initiative: false,
                        months: (12 - hire.1) as u8,
                        absent: 0,
                    }
                } else {
                    let weights: [u32; 4] = match tier {
                        0 => [0, 2, 33, 65],
                        1 => [1, 11, 76, 12],
                        _ => [8, 42, 48, 2],
                    };
                    let mut rating = [Rating::Kht, Rating::Ht, Rating::Htt, Rating::Htxs]
                        [rng.weighted(&weights)];
                    let initiative = match rating {
                        Rating::Htxs => rng.chance(if tier == 0 { 85 } else { 55 }),
                        Rating::Htt => rng.chance(6),
                        _ => false,
                    };
                    let mut discipline = None;
                    if rng.chance(1) || (tier == 2 && rng.chance(2)) {
                        discipline = Some(if rng.chance(70) {
                            "khien_trach"
                        } else {
                            "canh_cao"
                        });
                        rating = rating.min(Rating::Ht);
                    }
                    let absent = if rng.chance(2) {
                        40 + rng.below(60) as u16
                    } else {
                        rng.below(9) as u16
                    };
                    Eval {
                        rating,
                        discipline,
                        initiative: initiative && discipline.is_none(),
                        months: 12,
                        absent,
                    }
                };
                row[yi(year)] = Some(e);
            }
            self.evals.push(row);
        }
    }

    fn eval(&self, p: usize, year: u16) -> Option<&Eval> {
        self.evals[p][yi(year)].as_ref()
    }

    /// May hold LĐTT in `year`: joined before that year, and an evaluation that allows it.
    fn ldtt_eligible(&self, p: usize, year: u16) -> bool {
        self.people[p].hire.0 < i32::from(year) && self.eval(p, year).is_some_and(Eval::ldtt_ok)
    }

    fn has(&self, to: To, code: &'static str, year: u16) -> bool {
        self.held.contains(&(to, code, year))
    }

    fn awarded_people(&self, year: u16) -> BTreeSet<usize> {
        self.awards
            .iter()
            .filter(|a| a.year == year)
            .filter_map(|a| match a.to {
                To::Person(p) => Some(p),
                To::Unit(_) => None,
            })
            .collect()
    }

    /// The unit and every unit below it.
    fn subtree(&self, u: usize) -> Vec<usize> {
        let mut out = vec![u];
        let mut i = 0;
        while i < out.len() {
            let cur = out[i];
            out.extend((0..self.units.len()).filter(|&c| self.units[c].parent == Some(cur)));
            i += 1;
        }
        out
    }

    /// Everyone on file in the unit or below it, whatever their hire date (so
    /// the shares below are never more generous than a rule could count them).
    fn members(&self, u: usize) -> Vec<usize> {
        let units = self.subtree(u);
        (0..self.people.len())
            .filter(|&p| units.contains(&self.people[p].unit))
            .collect()
    }

    fn next_id(&mut self, prefix: &str) -> String {
        let n = self.seq.entry(prefix.to_string()).or_insert(0);
        *n += 1;
        format!("{prefix}-{:04}", *n)
    }

    /// A decision of the district chair (or the province's, by `issuer`) on
    /// `day`, numbered as such decisions are: the numbers grow through the year.
    fn decision(
        &mut self,
        day: Day,
        issuer: &'static str,
        kind: &'static str,
        campaign: Option<&'static str>,
        file: &str,
    ) -> Decision {
        let day_of_year = (day.1 - 1) * 30 + day.2;
        let no = format!("{}/QĐ-UBND", day_of_year * 9 + self.rng.below(8) as u32 + 3);
        Decision {
            no,
            day,
            issuer,
            kind,
            campaign,
            file: file.to_string(),
        }
    }

    fn give(&mut self, year: u16, to: To, code: &'static str, decision: &Decision) {
        let tag = match decision.kind {
            "dot_xuat" => "DX",
            "chuyen_de" => "CD",
            _ => code,
        };
        let id = self.next_id(&format!("{year}-{tag}"));
        self.held.insert((to, code, year));
        self.awards.push(Award {
            id,
            year,
            to,
            code,
            decision: decision.clone(),
        });
    }

    // ------------------------------------------------------------ year-end titles

    fn year_end(&mut self, year: u16) {
        let next = i32::from(year) + 1;
        let file = format!("{year}-cuoi-nam");
        let tinh_file = format!("{year}-tinh");
        let all: Vec<usize> = (0..self.people.len()).collect();
        let day = Day(next, 1, 16 + self.rng.below(6) as u32);
        let ldtt = self.decision(day, "huyen", "thuong_xuyen", None, &file);

        // LĐTT: the commune chairs for commune staff, the district chair for the rest.
        for (ci, c) in COMMUNES.iter().enumerate() {
            let cu = self.unit(c.0);
            let no = format!("{:02}/QĐ-UBND", 3 + self.rng.below(9));
            let d = Decision {
                no,
                day: Day(next, 1, 8 + ci as u32),
                issuer: "xa",
                ..ldtt.clone()
            };
            for &p in &all {
                if self.people[p].unit == cu && self.ldtt_eligible(p, year) {
                    self.give(year, To::Person(p), "LDTT", &d);
                }
            }
        }
        for &p in &all {
            if self.units[self.people[p].unit].group != Group::Commune
                && self.ldtt_eligible(p, year)
            {
                self.give(year, To::Person(p), "LDTT", &ldtt);
            }
        }

        // CSTĐCS by the district chair, within the ratio to the LĐTT of the
        // same issuer level (NĐ 91/2017 Đ.9 k3): those with an initiative,
        // excellent ones and last year's holders first.
        let ldtt_huyen = self
            .awards
            .iter()
            .filter(|a| a.year == year && a.code == "LDTT" && a.decision.issuer == "huyen")
            .count();
        let target = ldtt_huyen * CSTDCS_PER_100 / 100;
        assert!(target <= ldtt_huyen * 15 / 100);
        let mut candidates: Vec<(u32, usize)> = Vec::new();
        for &p in &all {
            let e = match self.eval(p, year) {
                Some(e) if e.initiative && self.has(To::Person(p), "LDTT", year) => *e,
                _ => continue,
            };
            let mut score = self.rng.below(100) as u32;
            if e.rating == Rating::Htxs {
                score += 200;
            }
            if year > YEARS[0] && self.has(To::Person(p), "CSTDCS", year - 1) {
                score += 150;
            }
            candidates.push((score, p));
        }
        candidates.sort_by(|a, b| b.cmp(a));
        let cstdcs = self.decision(
            Day(next, 1, day.2 + 2),
            "huyen",
            "thuong_xuyen",
            None,
            &file,
        );
        for &(_, p) in candidates.iter().take(target) {
            self.give(year, To::Person(p), "CSTDCS", &cstdcs);
        }

        // Collective titles: TTLĐTT by the district, TTLĐXS by the province.
        let titled: Vec<usize> = (0..self.units.len())
            .filter(|&u| self.units[u].group != Group::Hamlet)
            .collect();
        let ttldtt = self.decision(
            Day(next, 1, day.2 + 3),
            "huyen",
            "thuong_xuyen",
            None,
            &file,
        );
        let mut xs_candidates = Vec::new();
        for &u in &titled {
            let members = self.members(u);
            let n = members.len();
            let ldtt = members
                .iter()
                .filter(|&&p| self.has(To::Person(p), "LDTT", year))
                .count();
            let ev = |p: usize| self.eval(p, year);
            let heavy = members
                .iter()
                .any(|&p| ev(p).is_some_and(|e| e.discipline == Some("canh_cao")));
            let any_discipline = members
                .iter()
                .any(|&p| ev(p).is_some_and(|e| e.discipline.is_some()));
            let all_rated = members
                .iter()
                .all(|&p| ev(p).is_some_and(|e| e.rating >= Rating::Ht));
            let cstdcs = members
                .iter()
                .any(|&p| self.has(To::Person(p), "CSTDCS", year));
            // TTLĐTT: more than half hold LĐTT (kept at 60 % for a margin).
            let tt = n > 0 && ldtt * 100 >= n * 60 && !heavy;
            let xs = tt && all_rated && !any_discipline && cstdcs && ldtt * 100 >= n * 75;
            let rating = match (tt, xs) {
                (_, true) => Rating::Htxs,
                (true, _) => Rating::Htt,
                _ => Rating::Ht,
            };
            self.unit_evals.insert((year, u), rating);
            if tt && self.rng.chance(90) {
                self.give(year, To::Unit(u), "TTLDTT", &ttldtt);
                if xs {
                    xs_candidates.push(u);
                }
            }
        }
        self.rng.shuffle(&mut xs_candidates);
        let tinh_day = Day(next, 3, 12 + self.rng.below(10) as u32);
        let tinh = self.decision(tinh_day, "tinh", "thuong_xuyen", None, &tinh_file);
        for &u in xs_candidates.iter().take(usize::from(year - 2014)) {
            self.give(year, To::Unit(u), "TTLDXS", &tinh);
        }

        // The district chair's Giấy khen for excellent work, to those rated
        // htxs who did not become CSTĐCS.
        let mut gk: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&p| {
                self.has(To::Person(p), "LDTT", year)
                    && !self.has(To::Person(p), "CSTDCS", year)
                    && self.eval(p, year).is_some_and(|e| e.rating == Rating::Htxs)
            })
            .collect();
        self.rng.shuffle(&mut gk);
        gk.truncate(18 + 4 * yi(year));
        gk.sort_unstable();
        let d = self.decision(
            Day(next, 1, day.2 + 4),
            "huyen",
            "thuong_xuyen",
            None,
            &file,
        );
        for &p in &gk {
            self.give(year, To::Person(p), "GK", &d);
        }

        // The head of Phòng GD&ĐT's Giấy khen at the end of the school year,
        // to teachers rated htt or better (from 2017, the office's own decision).
        if year > YEARS[0] {
            let schools: Vec<usize> = (0..self.units.len())
                .filter(|&u| self.units[u].group == Group::School)
                .collect();
            let mut teachers: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&p| {
                    schools.contains(&self.people[p].unit)
                        && !gk.contains(&p)
                        && self.has(To::Person(p), "LDTT", year)
                        && self.eval(p, year).is_some_and(Eval::clean)
                })
                .collect();
            self.rng.shuffle(&mut teachers);
            teachers.truncate(12 + 3 * yi(year));
            teachers.sort_unstable();
            let no = format!("{}/QĐ-PGDĐT", 140 + self.rng.below(40));
            let d = Decision {
                no,
                day: Day(i32::from(year), 6, 8),
                issuer: "co_quan",
                ..ldtt.clone()
            };
            let d = Decision {
                file: format!("{year}-gd-dt"),
                ..d
            };
            for p in teachers {
                self.give(year, To::Person(p), "GK", &d);
            }
        }

        // Province: Bằng khen for two consecutive years htxs with an
        // initiative each year (NĐ 65/2014 Đ.24), CSTĐ tỉnh for three
        // consecutive CSTĐCS (Luật TĐKT Đ.22).
        if year > YEARS[0] {
            let mut cstdt = Vec::new();
            if year >= YEARS[0] + 2 {
                cstdt = all
                    .iter()
                    .copied()
                    .filter(|&p| (year - 2..=year).all(|y| self.has(To::Person(p), "CSTDCS", y)))
                    .collect();
                self.rng.shuffle(&mut cstdt);
                cstdt.truncate(2);
                cstdt.sort_unstable();
            }
            for &p in &cstdt {
                self.give(year, To::Person(p), "CSTDT", &tinh);
            }
            let mut bkt: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&p| {
                    !cstdt.contains(&p)
                        && self.has(To::Person(p), "CSTDCS", year)
                        && (year - 1..=year).all(|y| self.eval(p, y).is_some_and(Eval::excellent))
                })
                .collect();
            self.rng.shuffle(&mut bkt);
            // The two years are not those of an earlier Bằng khen (rules.md
            // v2: years count once); those are passed over after the shuffle,
            // so the other draws stay as they were.
            bkt.retain(|&p| !self.has(To::Person(p), "BKT", year - 1));
            bkt.truncate(usize::from(year - 2014));
            bkt.sort_unstable();
            let d = self.decision(tinh.day.plus(2), "tinh", "thuong_xuyen", None, &tinh_file);
            for p in bkt {
                self.give(year, To::Person(p), "BKT", &d);
            }
        }
    }

    // ------------------------------------------------------------ campaigns

    /// People who may be commended in `year` (evaluated, rated htt or
    /// better, not disciplined), where `filter` holds.
    fn commendable(&self, year: u16, filter: impl Fn(&Person, &Unit) -> bool) -> Vec<usize> {
        (0..self.people.len())
            .filter(|&p| {
                self.eval(p, year).is_some_and(Eval::clean)
                    && filter(&self.people[p], &self.units[self.people[p].unit])
            })
            .collect()
    }

    fn pick_people(&mut self, mut pool: Vec<usize>, n: usize) -> Vec<usize> {
        self.rng.shuffle(&mut pool);
        pool.truncate(n);
        pool.sort_unstable();
        pool
    }

    fn pick_units(&mut self, groups: &[Group], n: usize, must: &[&str]) -> Vec<usize> {
        let mut out: Vec<usize> = must.iter().map(|id| self.unit(id)).collect();
        let mut pool: Vec<usize> = (0..self.units.len())
            .filter(|&u| groups.contains(&self.units[u].group) && !out.contains(&u))
            .collect();
        self.rng.shuffle(&mut pool);
        out.extend(pool.into_iter().take(n.saturating_sub(out.len())));
        out.sort_unstable();
        out
    }

    fn give_all(&mut self, year: u16, units: &[usize], people: &[usize], d: &Decision) {
        for &u in units {
            self.give(year, To::Unit(u), "GK", d);
        }
        for &p in people {
            self.give(year, To::Person(p), "GK", d);
        }
    }

    fn thematic(&mut self, year: u16) {
        let file = format!("{year}-chuyen-de");
        let y = i32::from(year);

        // Nông thôn mới 2016–2020: the yearly review (sơ kết) in December.
        let day = Day(y, 12, 12 + self.rng.below(8) as u32);
        let d = self.decision(day, "huyen", "chuyen_de", Some("ntm-2016-2020"), &file);
        let mut units = self.pick_units(&[Group::Commune], 2, &["xa-tay-yen-a"]);
        units.extend(self.pick_units(&[Group::Hamlet], 3, &[]));
        let offices = ["p-nn-ptnt", "p-kt-ht", "p-tc-kh"];
        let pool = self.commendable(year, |_, u| {
            u.group == Group::Commune || offices.contains(&u.id.as_str())
        });
        let people = self.pick_people(pool, 4 + yi(year));
        self.give_all(year, &units, &people, &d);

        // Chung tay vì người nghèo: on the Day for the Poor (17 October).
        if year >= 2017 {
            let d = self.decision(
                Day(y, 10, 17),
                "huyen",
                "chuyen_de",
                Some("chung-tay-2016-2020"),
                &file,
            );
            let mut units = self.pick_units(&[Group::Commune, Group::Hamlet], 3, &[]);
            units.push(self.unit("p-ld-tbxh"));
            let pool = self.commendable(year, |_, u| {
                u.group == Group::Commune || u.id == "p-ld-tbxh" || u.id == "p-vh-tt"
            });
            let people = self.pick_people(pool, 5);
            self.give_all(year, &units, &people, &d);
        }

        if year == YEAR {
            // The model conference of Kế hoạch 69/KH-UBND: typical examples.
            let d = self.decision(
                Day(y, 9, 21),
                "huyen",
                "chuyen_de",
                Some("dhtt-2018"),
                &file,
            );
            let units = self.pick_units(
                &[Group::Commune, Group::School, Group::Office, Group::Hamlet],
                6,
                &[],
            );
            let pool = self.commendable(year, |_, _| true);
            let pool = pool
                .into_iter()
                .filter(|&p| self.eval(p, year).is_some_and(|e| e.rating == Rating::Htxs))
                .collect();
            let people = self.pick_people(pool, 12);
            self.give_all(year, &units, &people, &d);
            // The province's Bằng khen to Tây Yên A for keeping the new-rural standard.
            let d = self.decision(
                Day(y, 12, 26),
                "tinh",
                "chuyen_de",
                Some("ntm-2016-2020"),
                &format!("{year}-tinh"),
            );
            let u = self.unit("xa-tay-yen-a");
            self.give(year, To::Unit(u), "BKT", &d);
        }
    }

    // ------------------------------------------------------------ ad hoc

    /// The district chair's ad hoc Giấy khen of `year`: `units` distinct
    /// collectives and the given people, spread over the year's decisions.
    fn ad_hoc(&mut self, year: u16, units: usize, people: &[usize]) {
        let y = i32::from(year);
        let file = format!("{year}-dot-xuat");
        let mut plan: Vec<(Day, Option<&'static str>)> = vec![
            (Day(y, 2, 9), None),
            (Day(y, 3, 22), None),
            (Day(y, 5, 15), Some("ntm-2016-2020")),
            (Day(y, 6, 26), None),
            (Day(y, 7, 27), None),
            (Day(y, 8, 24), None),
            (Day(y, 9, 18), None),
            (Day(y, 10, 25), Some("chung-tay-2016-2020")),
            (Day(y, 11, 20), None),
            (Day(y, 12, 14), None),
            (Day(y, 12, 27), None),
        ];
        if year == 2018 {
            // Outstanding results in the campaign of Kế hoạch 65/KH-UBND.
            for i in [3, 5, 8, 10] {
                plan[i].1 = Some("kh65-2018");
            }
        }
        let decisions: Vec<Decision> = plan
            .into_iter()
            .map(|(day, c)| self.decision(day, "huyen", "dot_xuat", c, &file))
            .collect();
        let chosen = self.pick_units(
            &[Group::Commune, Group::Hamlet, Group::Office, Group::School],
            units,
            &[],
        );
        let mut recipients: Vec<To> = chosen
            .iter()
            .map(|&u| To::Unit(u))
            .chain(people.iter().map(|&p| To::Person(p)))
            .collect();
        self.rng.shuffle(&mut recipients);
        let n = decisions.len();
        let mut entries: Vec<(usize, To)> = recipients
            .iter()
            .enumerate()
            .map(|(i, &to)| (i % n, to))
            .collect();
        // A few collectives and people are rewarded twice, in different decisions.
        for i in 0..chosen.len() / 15 {
            entries.push(((i * 5 + 2) % n, To::Unit(chosen[i * 7 % chosen.len()])));
        }
        for i in 0..people.len() / 35 {
            entries.push(((i * 3 + 1) % n, To::Person(people[i * 11 % people.len()])));
        }
        entries.sort();
        entries.dedup();
        for (d, to) in entries {
            self.give(year, to, "GK", &decisions[d]);
        }
    }

    /// History years: ad hoc awards to people who may be commended.
    fn ad_hoc_history(&mut self, year: u16, units: usize, people: usize) {
        let pool = self.commendable(year, |_, _| true);
        let chosen = self.pick_people(pool, people);
        self.ad_hoc(year, units, &chosen);
    }

    /// 2018: the article's ad hoc tallies, and proposals whose direct-worker
    /// share is the article's 82.36 %.
    fn article_year(&mut self) {
        let year = YEAR;
        let awarded = self.awarded_people(year);
        let direct0 = awarded.iter().filter(|&&p| self.people[p].direct).count();
        // People evaluated this year who hold no award yet: ad hoc awards to
        // some direct workers among them, rejected proposals for others.
        let mut outside: Vec<usize> = (0..self.people.len())
            .filter(|&p| self.eval(p, year).is_some() && !awarded.contains(&p))
            .collect();
        self.rng.shuffle(&mut outside);
        let newly: Vec<usize> = outside
            .iter()
            .copied()
            .filter(|&p| {
                self.people[p].direct
                    && self
                        .eval(p, year)
                        .is_some_and(|e| e.rating >= Rating::Ht && e.discipline.is_none())
            })
            .collect();
        // d direct workers from outside get an ad hoc award; r more people are
        // proposed and rejected. Find the smallest d with a fitting r.
        let mut found = None;
        'search: for d in 20..newly.len().min(AD_HOC_PEOPLE) {
            let a = (direct0 + d) as u64;
            let base = awarded.len() + d;
            for p in base..=base + (outside.len() - d) {
                let p = p as u64;
                // 100 a / p rounds to DIRECT_RATE hundredths, away from any tie.
                if (2 * DIRECT_RATE - 1) * p < 20_000 * a && 20_000 * a < (2 * DIRECT_RATE + 1) * p
                {
                    found = Some((d, p as usize - base));
                    break 'search;
                }
            }
        }
        let (d, r) = found.expect("no proposal count gives the article's rate");
        let fresh: Vec<usize> = newly[..d].to_vec();
        let mut already: Vec<usize> = awarded
            .iter()
            .copied()
            .filter(|&p| self.eval(p, year).is_some_and(Eval::clean))
            .collect();
        self.rng.shuffle(&mut already);
        let mut people: Vec<usize> = fresh
            .iter()
            .copied()
            .chain(already.into_iter().take(AD_HOC_PEOPLE - d))
            .collect();
        people.sort_unstable();
        self.ad_hoc(year, AD_HOC_UNITS, &people);
        let rejected: Vec<usize> = outside
            .iter()
            .copied()
            .filter(|p| !fresh.contains(p))
            .take(r)
            .collect();
        assert_eq!(rejected.len(), r);
        self.proposals_2018(&rejected);
    }

    fn proposer(&self, to: To) -> usize {
        match to {
            To::Person(p) => self.people[p].unit,
            To::Unit(u) => self.units[u].parent.unwrap_or(u),
        }
    }

    fn proposals_2018(&mut self, rejected: &[usize]) {
        let year = YEAR;
        let mut out = Vec::new();
        for a in self.awards.iter().filter(|a| a.year == year) {
            let day = a.decision.day;
            let lead = if day.0 > i32::from(year) && day.1 == 1 {
                6
            } else {
                5
            };
            out.push((
                a.to,
                a.code,
                self.proposer(a.to),
                "approved",
                day.minus(lead),
                Some(a.id.clone()),
            ));
        }
        for &p in rejected {
            out.push((
                To::Person(p),
                "LDTT",
                self.people[p].unit,
                "rejected",
                Day(2019, 1, 7),
                None,
            ));
        }
        // Dossiers for the province's Bằng khen, still pending: eligible
        // (htxs with an initiative in 2017 and 2018), not yet decided.
        let mut pending: Vec<usize> = (0..self.people.len())
            .filter(|&p| {
                !self.has(To::Person(p), "BKT", year)
                    && !self.has(To::Person(p), "CSTDT", year)
                    && self.has(To::Person(p), "LDTT", year)
                    && (year - 1..=year).all(|y| self.eval(p, y).is_some_and(Eval::excellent))
            })
            .collect();
        self.rng.shuffle(&mut pending);
        // Not on the years of an earlier Bằng khen (rules.md v2), as above.
        pending.retain(|&p| !self.has(To::Person(p), "BKT", year - 1));
        pending.truncate(2);
        pending.sort_unstable();
        for p in pending {
            out.push((
                To::Person(p),
                "BKT",
                self.people[p].unit,
                "pending",
                Day(2019, 4, 15),
                None,
            ));
        }
        for (to, code, by, status, date, award) in out {
            let id = self.next_id("DN-2018");
            self.proposals.push(Proposal {
                id,
                year,
                to,
                code,
                by,
                status,
                date,
                award,
            });
        }
    }
}

impl Day {
    /// The date `n` days later (within a month).
    fn plus(self, n: u32) -> Day {
        assert!(self.2 + n <= 28, "{self} plus {n}");
        Day(self.0, self.1, self.2 + n)
    }
}

// ---------------------------------------------------------------- writing

fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, cells: &[&str]) {
    let row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&row.join(","));
    out.push('\n');
}

fn write(root: &Path, rel: &str, text: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}

impl District {
    fn to_cells(&self, to: To) -> (&str, &str) {
        match to {
            To::Person(p) => (self.people[p].id.as_str(), ""),
            To::Unit(u) => ("", self.units[u].id.as_str()),
        }
    }

    fn write_all(&self, root: &Path) -> std::io::Result<()> {
        for dir in ["units", "people", "evaluations", "awards", "proposals"] {
            let d = root.join(dir);
            if d.is_dir() {
                fs::remove_dir_all(&d)?;
            }
        }
        write(root, "thidua.toml", SETTINGS)?;
        write(root, "campaigns.toml", CAMPAIGNS)?;
        let (awarded, proposed) = self.direct_workers();
        let readme = README
            .replace("{awarded}", &awarded.to_string())
            .replace("{proposed}", &proposed.to_string());
        write(root, "README.md", &readme)?;

        let groups: [(&str, &[Group]); 3] = [
            ("xa-thi-tran", &[Group::Commune, Group::Hamlet]),
            ("co-quan", &[Group::Office]),
            ("truong-hoc", &[Group::School]),
        ];
        for (file, gs) in groups {
            let mut units = String::new();
            line(&mut units, &["id", "name", "kind", "parent"]);
            for u in self.units.iter().filter(|u| gs.contains(&u.group)) {
                let parent = u.parent.map(|p| self.units[p].id.as_str()).unwrap_or("");
                line(&mut units, &[&u.id, &u.name, u.kind, parent]);
            }
            write(root, &format!("units/{file}.csv"), &units)?;
            let mut people = String::new();
            line(
                &mut people,
                &[
                    "id",
                    "name",
                    "unit",
                    "direct_worker",
                    "gender",
                    "position",
                    "hire_date",
                ],
            );
            for p in self
                .people
                .iter()
                .filter(|p| gs.contains(&self.units[p.unit].group))
            {
                let hire = p.hire.to_string();
                let gender = if p.female { "nu" } else { "nam" };
                line(
                    &mut people,
                    &[
                        &p.id,
                        &p.name,
                        &self.units[p.unit].id,
                        &p.direct.to_string(),
                        gender,
                        &p.position,
                        &hire,
                    ],
                );
            }
            write(root, &format!("people/{file}.csv"), &people)?;
        }

        for year in YEARS {
            let mut text = String::new();
            line(
                &mut text,
                &[
                    "year",
                    "person",
                    "rating",
                    "discipline",
                    "initiative",
                    "months_worked",
                    "absent_days",
                ],
            );
            for (p, row) in self.evals.iter().enumerate() {
                if let Some(e) = row[yi(year)] {
                    let init = if e.initiative { "true" } else { "" };
                    let (y, m, a) = (year.to_string(), e.months.to_string(), e.absent.to_string());
                    line(
                        &mut text,
                        &[
                            &y,
                            &self.people[p].id,
                            e.rating.code(),
                            e.discipline.unwrap_or(""),
                            init,
                            &m,
                            &a,
                        ],
                    );
                }
            }
            write(root, &format!("evaluations/{year}-ca-nhan.csv"), &text)?;
            let mut text = String::new();
            line(&mut text, &["year", "unit", "rating"]);
            for (&(y, u), r) in self.unit_evals.iter().filter(|((y, _), _)| *y == year) {
                line(&mut text, &[&y.to_string(), &self.units[u].id, r.code()]);
            }
            write(root, &format!("evaluations/{year}-tap-the.csv"), &text)?;
        }

        let mut files: BTreeMap<&str, String> = BTreeMap::new();
        for a in &self.awards {
            let d = &a.decision;
            let text = files.entry(d.file.as_str()).or_insert_with(|| {
                let mut t = String::new();
                line(
                    &mut t,
                    &[
                        "id",
                        "year",
                        "person",
                        "unit",
                        "award",
                        "kind",
                        "campaign",
                        "decision",
                        "decision_date",
                        "issuer",
                    ],
                );
                t
            });
            let (person, unit) = self.to_cells(a.to);
            let (y, day) = (a.year.to_string(), d.day.to_string());
            line(
                text,
                &[
                    &a.id,
                    &y,
                    person,
                    unit,
                    a.code,
                    d.kind,
                    d.campaign.unwrap_or(""),
                    &d.no,
                    &day,
                    d.issuer,
                ],
            );
        }
        for (file, text) in files {
            write(root, &format!("awards/{file}.csv"), &text)?;
        }

        let mut text = String::new();
        line(
            &mut text,
            &[
                "id",
                "year",
                "person",
                "unit",
                "award",
                "proposed_by",
                "status",
                "date",
                "award_id",
            ],
        );
        for p in &self.proposals {
            let (person, unit) = self.to_cells(p.to);
            let (y, d) = (p.year.to_string(), p.date.to_string());
            line(
                &mut text,
                &[
                    &p.id,
                    &y,
                    person,
                    unit,
                    p.code,
                    &self.units[p.by].id,
                    p.status,
                    &d,
                    p.award.as_deref().unwrap_or(""),
                ],
            );
        }
        write(root, &format!("proposals/{YEAR}.csv"), &text)?;
        Ok(())
    }

    /// The figures the data is built to show, counted from the records.
    fn summary(&self) -> String {
        let mut s = String::new();
        for year in YEARS {
            let mut by_code: BTreeMap<(&str, &str), usize> = BTreeMap::new();
            for a in self.awards.iter().filter(|a| a.year == year) {
                *by_code.entry((a.code, a.decision.kind)).or_default() += 1;
            }
            let list: Vec<String> = by_code
                .iter()
                .map(|((c, k), n)| format!("{c}/{k} {n}"))
                .collect();
            s.push_str(&format!("{year}: {}\n", list.join(", ")));
        }
        let mut units = BTreeSet::new();
        let mut people = BTreeSet::new();
        for a in self
            .awards
            .iter()
            .filter(|a| a.year == YEAR && a.decision.kind == "dot_xuat")
        {
            match a.to {
                To::Person(p) => people.insert(p),
                To::Unit(u) => units.insert(u),
            };
        }
        let (awarded, proposed) = self.direct_workers();
        let rate = (awarded as f64 * 10_000.0 / proposed as f64).round() / 100.0;
        s.push_str(&format!(
            "{YEAR} dot_xuat: {} collectives, {} individuals; direct workers awarded {awarded}, proposed {proposed}, rate {rate:.2} %\n",
            units.len(),
            people.len(),
        ));
        s
    }

    /// The data format's `direct_workers` of [`YEAR`]: distinct direct workers
    /// awarded, distinct people proposed.
    fn direct_workers(&self) -> (usize, usize) {
        let awarded = self
            .awarded_people(YEAR)
            .into_iter()
            .filter(|&p| self.people[p].direct)
            .count();
        let proposed: BTreeSet<usize> = self
            .proposals
            .iter()
            .filter(|p| p.year == YEAR)
            .filter_map(|p| match p.to {
                To::Person(x) => Some(x),
                To::Unit(_) => None,
            })
            .collect();
        (awarded, proposed.len())
    }
}

// ---------------------------------------------------------------- self-check

impl District {
    /// Re-counts what the data is built to satisfy, independently of how it
    /// was built: the article's figures and the law's rules (rules.md).
    /// Returns the problems found.
    fn verify(&self) -> Vec<String> {
        let mut bad = Vec::new();
        let of_year = |y: u16| self.awards.iter().filter(move |a| a.year == y);
        for year in YEARS {
            for a in of_year(year) {
                let d = &a.decision;
                let who = &a.id;
                if d.day.0 < i32::from(year) {
                    bad.push(format!("{who}: decided before its year"));
                }
                let allowed: &[&str] = match a.code {
                    "LDTT" | "GK" => &["xa", "huyen", "co_quan"],
                    "CSTDCS" | "TTLDTT" => &["huyen", "co_quan"],
                    _ => &["tinh"],
                };
                if !allowed.contains(&d.issuer) {
                    bad.push(format!("{who}: {} may not confer {}", d.issuer, a.code));
                }
                let title = !matches!(a.code, "GK" | "BKT");
                if title && d.kind != "thuong_xuyen" {
                    bad.push(format!("{who}: title of kind {}", d.kind));
                }
                if d.kind == "chuyen_de" && d.campaign.is_none() {
                    bad.push(format!("{who}: thematic award without campaign"));
                }
                let p = match a.to {
                    To::Person(p) => p,
                    To::Unit(u) => {
                        if title {
                            bad.extend(self.unit_problems(a, u));
                        }
                        continue;
                    }
                };
                let Some(e) = self.eval(p, year) else {
                    bad.push(format!("{who}: no evaluation"));
                    continue;
                };
                let held = |code: &'static str, y: u16| self.has(To::Person(p), code, y);
                let ok = match a.code {
                    "LDTT" => self.ldtt_eligible(p, year),
                    "CSTDCS" => held("LDTT", year) && e.initiative,
                    "CSTDT" => (year - 2..=year).all(|y| held("CSTDCS", y)),
                    "BKT" if d.kind == "thuong_xuyen" => {
                        (year - 1..=year).all(|y| self.eval(p, y).is_some_and(Eval::excellent))
                    }
                    _ => e.clean() || d.kind == "dot_xuat",
                };
                if !ok {
                    bad.push(format!("{who}: {} not earned", a.code));
                }
            }
            for issuer in ["xa", "huyen", "co_quan"] {
                let count = |code: &str| {
                    of_year(year)
                        .filter(|a| a.code == code && a.decision.issuer == issuer)
                        .count()
                };
                if count("CSTDCS") > count("LDTT") * 15 / 100 {
                    bad.push(format!(
                        "{year}: more CSTĐCS than 15 % of the LĐTT ({issuer})"
                    ));
                }
            }
            let mut titles = BTreeSet::new();
            for a in of_year(year)
                .filter(|a| a.decision.kind == "thuong_xuyen" && !matches!(a.code, "GK" | "BKT"))
            {
                if !titles.insert((a.to, a.code)) {
                    bad.push(format!("{}: {} twice in {year}", a.id, a.code));
                }
            }
        }
        let mut units = BTreeSet::new();
        let mut people = BTreeSet::new();
        for a in of_year(YEAR).filter(|a| a.decision.kind == "dot_xuat") {
            if a.decision.issuer != "huyen" {
                bad.push(format!("{}: ad hoc award not by the district", a.id));
            }
            match a.to {
                To::Person(p) => people.insert(p),
                To::Unit(u) => units.insert(u),
            };
        }
        if (units.len(), people.len()) != (AD_HOC_UNITS, AD_HOC_PEOPLE) {
            bad.push(format!(
                "{YEAR}: ad hoc awards to {} units and {} people",
                units.len(),
                people.len()
            ));
        }
        let (awarded, proposed) = self.direct_workers();
        if format!("{:.2}", awarded as f64 * 100.0 / proposed as f64)
            != format!("{}.{}", DIRECT_RATE / 100, DIRECT_RATE % 100)
        {
            bad.push(format!(
                "{YEAR}: {awarded} direct workers of {proposed} proposed"
            ));
        }
        bad
    }

    /// What stands against a collective title `a` for unit `u`.
    fn unit_problems(&self, a: &Award, u: usize) -> Vec<String> {
        let mut bad = Vec::new();
        let members = self.members(u);
        let year = a.year;
        let ldtt = members
            .iter()
            .filter(|&&p| self.has(To::Person(p), "LDTT", year))
            .count();
        let ev = |p: usize| self.eval(p, year);
        if members.is_empty() || ldtt * 2 <= members.len() {
            bad.push(format!(
                "{}: {ldtt} of {} members hold LĐTT",
                a.id,
                members.len()
            ));
        }
        if members
            .iter()
            .any(|&p| ev(p).is_some_and(|e| e.discipline == Some("canh_cao")))
        {
            bad.push(format!("{}: a member was disciplined", a.id));
        }
        if a.code == "TTLDXS"
            && (ldtt * 100 < members.len() * 70
                || !members
                    .iter()
                    .all(|&p| ev(p).is_some_and(|e| e.rating >= Rating::Ht))
                || !members
                    .iter()
                    .any(|&p| self.has(To::Person(p), "CSTDCS", year)))
        {
            bad.push(format!(
                "{}: members do not make an excellent collective",
                a.id
            ));
        }
        bad
    }
}

const SETTINGS: &str = r#"# The bundled example: An Biên district, Kiên Giang (see README.md).
[organisation]
name = "UBND huyện An Biên"
level = "huyen"
province = "Kiên Giang"
place = "An Biên"             # địa danh of the date line in drafted documents
signer-title = "Chủ tịch"     # printed in capitals above the signature
# signer = "Nguyễn Văn A"     # left out here: drafts show a blank (………) and a warning

[data]
records-from = 2016
"#;

const CAMPAIGNS: &str = r#"# Phong trào thi đua named in the district's article of 12/04/2019.

[[campaign]]
id = "kh65-2018"
name = "Phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế – xã hội, bảo đảm quốc phòng – an ninh năm 2018"
kind = "thuong_xuyen"
start = 2018-04-26
end = 2018-12-31
plan = "65/KH-UBND"
plan_date = 2018-04-26

[[campaign]]
id = "ntm-2016-2020"
name = "Phong trào thi đua xây dựng nông thôn mới giai đoạn 2016–2020"
kind = "chuyen_de"
start = 2016-01-01
end = 2020-12-31

[[campaign]]
id = "chung-tay-2016-2020"
name = "Phong trào “Chung tay vì người nghèo và công tác từ thiện xã hội”"
kind = "chuyen_de"
start = 2016-10-17
end = 2020-12-31

[[campaign]]
id = "dhtt-2018"
name = "Hội nghị điển hình tiên tiến năm 2018"
kind = "chuyen_de"
start = 2018-04-26
end = 2018-12-31
plan = "69/KH-UBND"
plan_date = 2018-04-26
"#;

const README: &str = "# Example data: An Biên district, 2016–2018

The data folder bundled with thidua: the emulation and commendation records of
UBND huyện An Biên (Kiên Giang) for 2016, 2017 and 2018, as the district's
Phòng Nội vụ might keep them.

**The people are invented.** Names, positions, hire dates, ratings and every
award to a person are synthetic; any likeness to a real person is chance. The
communes, the town of Thứ Ba and the district offices are the district's own;
hamlet and school names are illustrative.

The campaigns and the 2018 figures come from the district's article of
12/04/2019 on its 2018 review conference (hội nghị tổng kết công tác thi đua
khen thưởng năm 2018):

- Kế hoạch 65/KH-UBND of 26/4/2018 (the 2018 socio-economic campaign), the
  new-rural campaign 2016–2020, “Chung tay vì người nghèo”, and the model
  conference of Kế hoạch 69/KH-UBND of 26/4/2018 (`campaigns.toml`);
- the district chair's ad hoc awards (`dot_xuat`) of 2018: 62 collectives and
  178 individuals (`awards/2018-dot-xuat.csv`);
- the rate of 82.36 % of direct workers (người trực tiếp lao động, công tác)
  among the individuals proposed for 2018: {awarded} direct workers awarded,
  {proposed} people in `proposals/2018.csv` (`direct_workers` in
  `thidua report 2018`).

The article gives no plan numbers or dates for the new-rural and “Chung tay”
campaigns: their periods in `campaigns.toml` are assumed.

Everything else (year-end titles, evaluations, the province's awards) is made
up, and built to satisfy the law's rules, so `thidua check --data data` is clean.

| path | what |
|---|---|
| `thidua.toml` | the organisation; records kept from 2016 |
| `campaigns.toml` | the four campaigns |
| `units/` | communes and their hamlets, district offices, schools |
| `people/` | the staff of each group of units |
| `evaluations/` | yearly ratings of people (`*-ca-nhan.csv`) and of units (`*-tap-the.csv`) |
| `awards/` | one file per year and decision maker: year-end (`cuoi-nam`), the province (`tinh`), Phòng GD&ĐT (`gd-dt`), campaigns (`chuyen-de`), ad hoc (`dot-xuat`) |
| `proposals/2018.csv` | the 2018 proposals: approved, rejected, pending |

The folder is generated; do not edit it by hand. To rebuild it:

    cargo run --example make_anbien -- data

The generator (`examples/make_anbien.rs`) is deterministic (a seeded linear
congruential generator): the output is the same on every run. It re-counts
the article's figures and the law's conditions before writing, and runs
`thidua check --deny-warnings` on the result (its exit status is the check's).
";

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data".to_string());
    let mut d = District::new();
    d.build_units();
    d.build_people();
    d.build_evaluations();
    for year in YEARS {
        d.year_end(year);
        d.thematic(year);
    }
    d.ad_hoc_history(2016, 31, 84);
    d.ad_hoc_history(2017, 43, 121);
    d.article_year();
    let problems = d.verify();
    for p in &problems {
        eprintln!("make_anbien: {p}");
    }
    if !problems.is_empty() {
        std::process::exit(1);
    }
    let path = Path::new(&root);
    if let Err(e) = d.write_all(path) {
        eprintln!("make_anbien: cannot write {}: {e}", path.display());
        std::process::exit(2);
    }
    print!("{}", d.summary());
    // The folder must be clean under the checker too, whatever rules it has.
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let code = thidua::run(
        [
            "thidua",
            "check",
            "--deny-warnings",
            "--data",
            root.as_str(),
        ],
        &mut out,
        &mut err,
    );
    std::process::exit(code);
}
