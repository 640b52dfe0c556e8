//! The closed vocabularies of the data format (§3, §5): each code has its ASCII
//! code, its Vietnamese name and an English gloss, and is parsed from either
//! the code or the Vietnamese name (any case, Unicode form or spacing).

use crate::model::text;

/// What a code value parsed to, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// The value is none of the codes; the nearest code, if any is close.
    Unknown { suggestion: Option<&'static str> },
}

/// Behaviour shared by every code enum.
pub trait Code: Sized + Copy + Eq + 'static {
    /// Every value, in the order of the format's tables.
    const ALL: &'static [Self];
    /// The ASCII code used in files (`LDTT`, `dot_xuat`).
    fn code(self) -> &'static str;
    /// The full Vietnamese name (`Lao động tiên tiến`).
    fn name_vi(self) -> &'static str;
    /// An English gloss.
    fn name_en(self) -> &'static str;
    /// Both names, `[vi, en]`, as one static pair: what a message argument
    /// holds (`crate::i18n::Arg::name`), a pointer rather than two.
    fn names(self) -> &'static [&'static str; 2];
    /// Both names followed by the code in brackets, `[vi, en]`
    /// (`Lao động tiên tiến (LDTT)`): how a message names an award.
    fn labels(self) -> &'static [&'static str; 2];
    /// Other spellings accepted on input (abbreviations in common use).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }

    /// Parses a code or a Vietnamese name. Exact codes are matched first so that
    /// the common case costs a few comparisons.
    fn parse(s: &str) -> Result<Self, CodeError> {
        if let Some(v) = Self::ALL.iter().find(|v| v.code() == s) {
            return Ok(*v);
        }
        if let Some(v) = Self::ALL.iter().find(|v| v.code().eq_ignore_ascii_case(s)) {
            return Ok(*v);
        }
        let key = text::fold(s);
        let key_us = key.replace(' ', "_");
        for v in Self::ALL {
            if v.code().eq_ignore_ascii_case(&key_us)
                || text::fold(v.name_vi()) == key
                || text::fold(v.name_en()) == key
                || v.aliases().iter().any(|a| text::fold(a) == key)
            {
                return Ok(*v);
            }
        }
        // Typed without diacritics (`huyen`, `Lao dong tien tien`), or a
        // code with them (`huyện`): unambiguous for these closed lists.
        let ascii = text::fold_ascii(s);
        let ascii_us = ascii.replace(' ', "_");
        for v in Self::ALL {
            if v.code().eq_ignore_ascii_case(&ascii_us)
                || text::fold_ascii(v.name_vi()) == ascii
                || v.aliases().iter().any(|a| text::fold_ascii(a) == ascii)
            {
                return Ok(*v);
            }
        }
        let names = Self::ALL.iter().flat_map(|v| [v.code(), v.name_vi()]);
        let near = text::nearest(s, names);
        let suggestion = near
            .and_then(|n| Self::ALL.iter().find(|v| v.code() == n || v.name_vi() == n))
            .map(|v| v.code());
        Err(CodeError::Unknown { suggestion })
    }

    /// The codes, comma-separated, for messages.
    fn list() -> String {
        Self::ALL
            .iter()
            .map(|v| v.code())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The name in the given language.
    fn name(self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Vi => self.name_vi(),
            crate::i18n::Lang::En => self.name_en(),
        }
    }
}

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $vi:literal, $en:literal $(, [$($alias:literal),*])?) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl Code for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn name_vi(self) -> &'static str {
                match self { $($name::$variant => $vi),+ }
            }
            fn name_en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
            fn names(self) -> &'static [&'static str; 2] {
                match self { $($name::$variant => &[$vi, $en]),+ }
            }
            fn labels(self) -> &'static [&'static str; 2] {
                match self {
                    $($name::$variant => &[
                        concat!($vi, " (", $code, ")"),
                        concat!($en, " (", $code, ")"),
                    ]),+
                }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($alias),*)?]),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// Kind of campaign (hình thức tổ chức phong trào thi đua).
    pub enum CampaignKind {
        ThuongXuyen = ("thuong_xuyen", "Thường xuyên", "regular"),
        ChuyenDe = ("chuyen_de", "Chuyên đề", "thematic", ["Theo chuyên đề", "Theo đợt"]),
    }
}

code_enum! {
    /// Kind of collective (loại tập thể).
    pub enum UnitKind {
        Xa = ("xa", "Xã", "commune"),
        Phuong = ("phuong", "Phường", "ward"),
        ThiTran = ("thi_tran", "Thị trấn", "town"),
        CoQuan = ("co_quan", "Cơ quan", "agency"),
        TruongHoc = ("truong_hoc", "Trường học", "school"),
        DoanhNghiep = ("doanh_nghiep", "Doanh nghiệp", "enterprise"),
        ToChuc = ("to_chuc", "Tổ chức", "organisation"),
        ThonAp = ("thon_ap", "Thôn, ấp, tổ dân phố", "village or street group", ["Ấp", "Thôn", "Khu phố", "Tổ dân phố"]),
        Khac = ("khac", "Khác", "other"),
    }
}

code_enum! {
    /// Gender (giới tính).
    pub enum Gender {
        Nam = ("nam", "Nam", "male"),
        Nu = ("nu", "Nữ", "female"),
    }
}

code_enum! {
    /// Yearly rating (xếp loại mức độ hoàn thành nhiệm vụ), worst first so that
    /// `>=` compares quality.
    pub enum Rating {
        Kht = ("kht", "Không hoàn thành nhiệm vụ", "did not complete tasks", ["KHTNV", "Không hoàn thành"]),
        Ht = ("ht", "Hoàn thành nhiệm vụ", "completed tasks", ["HTNV", "Hoàn thành"]),
        Htt = ("htt", "Hoàn thành tốt nhiệm vụ", "completed tasks well", ["HTTNV", "Hoàn thành tốt"]),
        Htxs = ("htxs", "Hoàn thành xuất sắc nhiệm vụ", "completed tasks excellently", ["HTXSNV", "Hoàn thành xuất sắc"]),
    }
}

code_enum! {
    /// Disciplinary measure (hình thức kỷ luật), lightest first so that `>=`
    /// compares gravity.
    pub enum Discipline {
        KhienTrach = ("khien_trach", "Khiển trách", "reprimand"),
        CanhCao = ("canh_cao", "Cảnh cáo", "warning"),
        HaBacLuong = ("ha_bac_luong", "Hạ bậc lương", "salary downgrade"),
        GiangChuc = ("giang_chuc", "Giáng chức", "demotion"),
        CachChuc = ("cach_chuc", "Cách chức", "dismissal from post"),
        BuocThoiViec = ("buoc_thoi_viec", "Buộc thôi việc", "dismissal"),
    }
}

code_enum! {
    /// Kind of commendation (loại hình khen thưởng).
    pub enum AwardKind {
        ThuongXuyen = ("thuong_xuyen", "Thường xuyên", "regular (year-end)", ["Theo công trạng và thành tích đạt được"]),
        ChuyenDe = ("chuyen_de", "Chuyên đề", "thematic", ["Theo đợt, chuyên đề", "Theo chuyên đề", "Theo đợt"]),
        DotXuat = ("dot_xuat", "Đột xuất", "ad hoc"),
        CongHien = ("cong_hien", "Cống hiến", "lifetime dedication", ["Quá trình cống hiến"]),
        NienHan = ("nien_han", "Niên hạn", "length of service", ["Theo niên hạn"]),
        DoiNgoai = ("doi_ngoai", "Đối ngoại", "foreign affairs"),
    }
}

code_enum! {
    /// Level of the deciding authority (cấp quyết định khen thưởng).
    pub enum Issuer {
        Xa = ("xa", "Chủ tịch UBND xã", "commune chair", ["Cấp xã", "UBND xã"]),
        Huyen = ("huyen", "Chủ tịch UBND huyện", "district chair", ["Cấp huyện", "UBND huyện"]),
        CoQuan = ("co_quan", "Thủ trưởng cơ quan, đơn vị", "head of agency or unit", ["Cơ quan", "Thủ trưởng đơn vị"]),
        Tinh = ("tinh", "Chủ tịch UBND tỉnh, Bộ trưởng", "province chair or minister", ["Cấp tỉnh", "UBND tỉnh", "Chủ tịch UBND tỉnh"]),
        ThuTuong = ("thu_tuong", "Thủ tướng Chính phủ", "Prime Minister"),
        ChuTichNuoc = ("chu_tich_nuoc", "Chủ tịch nước", "State President"),
    }
}

code_enum! {
    /// Status of a proposal (trạng thái đề nghị).
    pub enum ProposalStatus {
        Pending = ("pending", "Chờ xét", "pending", ["Đang xét"]),
        Approved = ("approved", "Đã duyệt", "approved", ["Được duyệt"]),
        Rejected = ("rejected", "Không duyệt", "rejected", ["Không được duyệt"]),
    }
}

code_enum! {
    /// Award codes (§5): titles (danh hiệu thi đua), commendations and orders
    /// (hình thức khen thưởng).
    pub enum AwardCode {
        /// Lao động tiên tiến — Advanced Worker.
        Ldtt = ("LDTT", "Lao động tiên tiến", "Advanced Worker"),
        /// Chiến sĩ tiên tiến — Advanced Soldier.
        Cstt = ("CSTT", "Chiến sĩ tiên tiến", "Advanced Soldier"),
        /// Chiến sĩ thi đua cơ sở — Grassroots Emulation Fighter.
        Cstdcs = ("CSTDCS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter"),
        /// Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh — Provincial Emulation Fighter.
        Cstdt = ("CSTDT", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh", "Ministerial or Provincial Emulation Fighter", ["Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua tỉnh"]),
        /// Chiến sĩ thi đua toàn quốc — National Emulation Fighter.
        Cstdtq = ("CSTDTQ", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter"),
        /// Tập thể lao động tiên tiến — Advanced Labour Collective.
        Ttldtt = ("TTLDTT", "Tập thể lao động tiên tiến", "Advanced Labour Collective"),
        /// Tập thể lao động xuất sắc — Excellent Labour Collective.
        Ttldxs = ("TTLDXS", "Tập thể lao động xuất sắc", "Excellent Labour Collective"),
        /// Cờ thi đua cấp bộ, ban, ngành, tỉnh — Provincial Emulation Flag.
        Ctdt = ("CTDT", "Cờ thi đua cấp bộ, ban, ngành, tỉnh", "Ministerial or Provincial Emulation Flag", ["Cờ thi đua của UBND tỉnh", "Cờ thi đua tỉnh"]),
        /// Cờ thi đua của Chính phủ — Government Emulation Flag.
        Ctdcp = ("CTDCP", "Cờ thi đua của Chính phủ", "Government Emulation Flag"),
        /// Giấy khen — Certificate of Merit.
        Gk = ("GK", "Giấy khen", "Certificate of Merit"),
        /// Bằng khen cấp bộ, ban, ngành, tỉnh — Ministerial or Provincial Certificate of Merit.
        Bkt = ("BKT", "Bằng khen cấp bộ, ban, ngành, tỉnh", "Ministerial or Provincial Certificate of Merit", ["Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen tỉnh", "Bằng khen của UBND tỉnh"]),
        /// Bằng khen của Thủ tướng Chính phủ — Prime Minister's Certificate of Merit.
        Bkttg = ("BKTTG", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit", ["Bằng khen Thủ tướng"]),
        /// Huân chương Lao động hạng Ba — Labour Order, third class.
        Hcld3 = ("HCLD3", "Huân chương Lao động hạng Ba", "Labour Order, third class"),
        /// Huân chương Lao động hạng Nhì — Labour Order, second class.
        Hcld2 = ("HCLD2", "Huân chương Lao động hạng Nhì", "Labour Order, second class"),
        /// Huân chương Lao động hạng Nhất — Labour Order, first class.
        Hcld1 = ("HCLD1", "Huân chương Lao động hạng Nhất", "Labour Order, first class"),
    }
}

/// Who may receive an award.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Eligible {
    Person,
    Unit,
    Both,
}

/// The class of an award (§5).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AwardClass {
    /// Danh hiệu thi đua: yearly emulation titles.
    Title,
    /// Hình thức khen thưởng: Giấy khen, Bằng khen.
    Commendation,
    /// Huân chương.
    Order,
}

impl AwardCode {
    pub fn eligible(self) -> Eligible {
        use AwardCode::*;
        match self {
            Ldtt | Cstt | Cstdcs | Cstdt | Cstdtq => Eligible::Person,
            Ttldtt | Ttldxs | Ctdt | Ctdcp => Eligible::Unit,
            Gk | Bkt | Bkttg | Hcld3 | Hcld2 | Hcld1 => Eligible::Both,
        }
    }

    pub fn class(self) -> AwardClass {
        use AwardCode::*;
        match self {
            Ldtt | Cstt | Cstdcs | Cstdt | Cstdtq | Ttldtt | Ttldxs | Ctdt | Ctdcp => {
                AwardClass::Title
            }
            Gk | Bkt | Bkttg => AwardClass::Commendation,
            Hcld3 | Hcld2 | Hcld1 => AwardClass::Order,
        }
    }

    /// Whether the award is a State-level form of commendation (hình thức
    /// khen thưởng cấp Nhà nước): BKTTG and the Labour Orders. CSTĐTQ and Cờ
    /// thi đua của Chính phủ are titles (danh hiệu thi đua), not forms.
    pub fn is_state_form(self) -> bool {
        use AwardCode::*;
        matches!(self, Bkttg | Hcld3 | Hcld2 | Hcld1)
    }

    /// LĐTT and its armed-forces twin CSTT count alike for the prerequisites.
    pub fn is_ldtt_like(self) -> bool {
        matches!(self, AwardCode::Ldtt | AwardCode::Cstt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn parses_codes_and_vietnamese_names() {
        assert_eq!(AwardCode::parse("LDTT"), Ok(AwardCode::Ldtt));
        assert_eq!(AwardCode::parse("ldtt"), Ok(AwardCode::Ldtt));
        assert_eq!(AwardCode::parse("Lao động tiên tiến"), Ok(AwardCode::Ldtt));
        let nfd: String = "LAO ĐỘNG  TIÊN TIẾN".nfd().collect();
        assert_eq!(AwardCode::parse(&nfd), Ok(AwardCode::Ldtt));
        assert_eq!(AwardKind::parse("Đột xuất"), Ok(AwardKind::DotXuat));
        assert_eq!(AwardKind::parse("dot xuat"), Ok(AwardKind::DotXuat));
        assert_eq!(Rating::parse("HTXSNV"), Ok(Rating::Htxs));
        assert_eq!(Rating::parse("hoàn thành tốt"), Ok(Rating::Htt));
        assert_eq!(Issuer::parse("huyện"), Ok(Issuer::Huyen));
        assert_eq!(AwardCode::parse("Lao dong tien tien"), Ok(AwardCode::Ldtt));
        assert_eq!(Discipline::parse("canh cao"), Ok(Discipline::CanhCao));
    }

    #[test]
    fn suggests_nearest_code() {
        assert_eq!(
            AwardCode::parse("LDT"),
            Err(CodeError::Unknown {
                suggestion: Some("LDTT")
            })
        );
        assert_eq!(
            Issuer::parse("huyện x"),
            Err(CodeError::Unknown {
                suggestion: Some("huyen")
            })
        );
    }

    #[test]
    fn every_code_round_trips() {
        for c in AwardCode::ALL {
            assert_eq!(AwardCode::parse(c.code()), Ok(*c));
            assert_eq!(AwardCode::parse(c.name_vi()), Ok(*c));
        }
    }

    #[test]
    fn orders_by_quality_and_gravity() {
        assert!(Rating::Htxs > Rating::Htt && Rating::Ht > Rating::Kht);
        assert!(Discipline::CanhCao > Discipline::KhienTrach);
    }
}
