//! The data format's structural rules (§7 of the format, plus the settings
//! file): their registry entries, and the checks that need the whole folder
//! (ids, references, cycles, dates). Per-row checks (parse errors, missing and
//! invalid values) are made by the loader as it reads. Findings are typed
//! messages (`msg!`), rendered in a language only by the emitters.

use crate::diag::{Bilingual, Family, Level, RuleInfo};

macro_rules! structural {
    ($id:ident, $svi:literal, $sen:literal, $evi:literal, $een:literal) => {
        RuleInfo {
            id: RuleId::$id,
            family: Family::Structural,
            default: match RuleId::$id.format_level() {
                Some(level) => level,
                None => Level::Error,
            },
            citation: "",
            summary: Bilingual { vi: $svi, en: $sen },
            explanation: Bilingual { vi: $evi, en: $een },
        }
    };
}

pub static RULES: [RuleInfo; 16] = [
    structural!(
        ParseError,
        "Tệp không đọc được dưới dạng CSV/TOML/UTF-8, hoặc dòng bị lỗi cấu trúc",
        "A file that cannot be read as CSV/TOML/UTF-8, or a malformed row",
        "Kiểm tra: tệp phải là CSV (RFC 4180, dấu phẩy, UTF-8) hoặc TOML hợp lệ; mỗi dòng CSV có đúng số cột như dòng tiêu đề, mọi dấu ngoặc kép đều được đóng.\nVì sao: một dòng lệch cột làm mọi giá trị sau nó bị hiểu sai.\nVí dụ: `A-1,2018,P-1,LDTT` trong tệp có 9 cột.\nCách sửa: lưu lại tệp bằng UTF-8 (Excel: \"CSV UTF-8\"), thêm dấu phẩy còn thiếu hoặc đặt giá trị có dấu phẩy trong ngoặc kép. Phần còn lại của tệp vẫn được đọc.",
        "Checks: a file must be CSV (RFC 4180, comma, UTF-8) or valid TOML; each CSV row has as many fields as the header and every quote is closed.\nWhy: one shifted row makes every value after it mean something else.\nExample: `A-1,2018,P-1,LDTT` in a file with 9 columns.\nFix: save the file as UTF-8 (Excel: \"CSV UTF-8\"), add the missing commas or quote values that contain commas. The rest of the file is still read."
    ),
    structural!(
        MissingColumn,
        "Thiếu cột bắt buộc trong dòng tiêu đề CSV",
        "A required column is absent from a CSV header",
        "Kiểm tra: dòng tiêu đề của mỗi tệp CSV có mọi cột bắt buộc của loại bản ghi (ví dụ awards: id, year, person hoặc unit, award, kind, decision, decision_date, issuer).\nVì sao: thiếu cột thì không bản ghi nào của tệp đọc được.\nCách sửa: thêm cột vào dòng đầu tiên (tên cột không phân biệt hoa thường). Xem `docs/data-format.md`.",
        "Checks: the header of every CSV file has each required column of its record type (awards: id, year, person or unit, award, kind, decision, decision_date, issuer).\nWhy: without the column no record of the file can be read.\nFix: add the column to the first line (names are case-insensitive). See `docs/data-format.md`."
    ),
    structural!(
        MissingValue,
        "Trường bắt buộc bị bỏ trống",
        "A required field is empty",
        "Kiểm tra: mọi trường bắt buộc có giá trị (ô trống nghĩa là \"không có\").\nVì sao: bản ghi thiếu trường bắt buộc không được tính vào báo cáo.\nVí dụ: một khen thưởng không có `decision_date`.\nCách sửa: điền giá trị vào ô được chỉ ra.",
        "Checks: every required field has a value (an empty cell means \"absent\").\nWhy: a record without a required field is left out of reports.\nExample: an award with no `decision_date`.\nFix: fill in the cell named."
    ),
    structural!(
        InvalidValue,
        "Giá trị không phải ngày, năm, đúng/sai, số hoặc mã hợp lệ",
        "A value that is not a date, year, boolean, number or known code",
        "Kiểm tra: ngày dạng `YYYY-MM-DD`, năm bốn chữ số, đúng/sai (`true`/`false`, `có`/`không`, `x`…), số, và các mã (loại hình, xếp loại, danh hiệu…) là mã ASCII hoặc tên tiếng Việt đầy đủ.\nVì sao: một giá trị sai làm bản ghi không dùng được.\nVí dụ: `award = LDT` — gợi ý `LDTT`.\nCách sửa: dùng giá trị được gợi ý, hoặc xem danh sách mã trong `docs/data-format.md`.",
        "Checks: dates are `YYYY-MM-DD`, years four digits, booleans (`true`/`false`, `yes`/`no`, `x`…), numbers, and codes (kinds, ratings, awards…) an ASCII code or the full Vietnamese name.\nWhy: a wrong value makes the record unusable.\nExample: `award = LDT` — nearest `LDTT`.\nFix: use the suggested value, or see the code lists in `docs/data-format.md`."
    ),
    structural!(
        UnknownColumn,
        "Cột CSV hoặc khóa TOML không có trong định dạng",
        "A CSV column or TOML key the format does not define",
        "Kiểm tra: mọi cột/khóa đều thuộc định dạng.\nVì sao: một cột gõ sai tên (`decison`) bị bỏ qua trong im lặng nếu không được báo.\nCách sửa: sửa tên cột cho đúng, hoặc xóa cột không dùng.",
        "Checks: every column or key belongs to the format.\nWhy: a misspelt column (`decison`) would otherwise be ignored silently.\nFix: correct the name, or remove the column."
    ),
    structural!(
        UnknownFile,
        "Tệp .csv/.toml trong thư mục dữ liệu không thuộc loại bản ghi nào",
        "A .csv/.toml file in the data folder that belongs to no record type",
        "Kiểm tra: mọi tệp .csv/.toml trong thư mục dữ liệu có tên (hoặc thư mục) là campaigns, units, people, evaluations, awards, proposals, hoặc là thidua.toml.\nVì sao: tệp `award.csv` (thiếu chữ s) sẽ không được đọc.\nCách sửa: đổi tên tệp, hoặc chuyển nó ra khỏi thư mục dữ liệu.",
        "Checks: each .csv/.toml file in the folder is named (or sits in a folder named) campaigns, units, people, evaluations, awards or proposals, or is thidua.toml.\nWhy: a file `award.csv` (missing s) would not be read.\nFix: rename the file, or move it out of the data folder."
    ),
    structural!(
        DuplicateId,
        "Hai bản ghi cùng loại trùng mã",
        "Two records of one type with the same id",
        "Kiểm tra: mã (`id`) là duy nhất trong mỗi loại bản ghi, trên mọi tệp.\nVì sao: tham chiếu tới một mã trùng không biết là bản ghi nào.\nCách sửa: đổi mã của một trong hai bản ghi (cả hai vị trí đều được chỉ ra).",
        "Checks: ids are unique within each record type, across all files.\nWhy: a reference to a duplicated id is ambiguous.\nFix: give one of the two records a new id (both places are named)."
    ),
    structural!(
        UnknownReference,
        "Mã tham chiếu không trỏ tới bản ghi nào",
        "An id that names no record",
        "Kiểm tra: người → đơn vị, khen thưởng → người/đơn vị/phong trào, đánh giá → người/đơn vị, đề nghị → người/đơn vị/khen thưởng, đơn vị → đơn vị cấp trên.\nVì sao: bản ghi trỏ vào hư không không thể được tính đúng.\nVí dụ: `person = P-0999` khi không có người P-0999.\nCách sửa: sửa mã theo gợi ý, hoặc thêm bản ghi còn thiếu.",
        "Checks: person → unit, award → person/unit/campaign, evaluation → person/unit, proposal → person/unit/award, unit → parent.\nWhy: a record pointing nowhere cannot be counted right.\nExample: `person = P-0999` with no person P-0999.\nFix: correct the id as suggested, or add the missing record."
    ),
    structural!(
        RecipientConflict,
        "Khen thưởng, đánh giá hoặc đề nghị ghi cả hai hoặc không ghi `person`, `unit`",
        "An award, evaluation or proposal with both or neither of `person`, `unit`",
        "Kiểm tra: đúng một trong hai cột `person` (cá nhân) và `unit` (tập thể) có giá trị.\nVì sao: không biết khen thưởng dành cho cá nhân hay tập thể.\nCách sửa: xóa một trong hai, hoặc điền cái còn thiếu.",
        "Checks: exactly one of `person` (individual) and `unit` (collective) has a value.\nWhy: otherwise it is unknown whether the award went to a person or a collective.\nFix: clear one of them, or fill in the missing one."
    ),
    structural!(
        WrongRecipient,
        "Danh hiệu dành cho cá nhân trao cho tập thể, hoặc ngược lại",
        "An award for individuals given to a unit, or the reverse",
        "Kiểm tra: LĐTT, CSTT, CSTĐCS, CSTĐ tỉnh, CSTĐ toàn quốc chỉ cho cá nhân; TTLĐTT, TTLĐXS, Cờ thi đua chỉ cho tập thể.\nVí dụ: `unit = DV-01, award = LDTT`.\nCách sửa: chọn đúng danh hiệu tập thể (TTLDTT) hoặc ghi người nhận là cá nhân.",
        "Checks: LDTT, CSTT, CSTDCS, CSTDT, CSTDTQ go to individuals only; TTLDTT, TTLDXS and the emulation flags to collectives only.\nExample: `unit = DV-01, award = LDTT`.\nFix: use the collective title (TTLDTT), or make the recipient a person."
    ),
    structural!(
        UnitCycle,
        "Các đơn vị có quan hệ cấp trên tạo thành vòng lặp",
        "Units whose `parent` links form a loop",
        "Kiểm tra: đi theo cột `parent` từ bất kỳ đơn vị nào phải dừng ở một đơn vị không có cấp trên.\nVì sao: vòng lặp làm không xác định được đơn vị cấp cao nhất và thành viên của tập thể.\nCách sửa: xóa hoặc sửa `parent` của một đơn vị trong vòng.",
        "Checks: following `parent` from any unit ends at a unit with no parent.\nWhy: a loop leaves the top-level unit and a collective's members undefined.\nFix: clear or correct the `parent` of one unit in the loop."
    ),
    structural!(
        DateOrder,
        "Quyết định ký trước năm được khen, năm hoặc ngày ở tương lai, phong trào kết thúc trước khi bắt đầu",
        "A decision dated before the year it rewards began, a date in the future, a campaign ending before it starts",
        "Kiểm tra: ngày quyết định không trước ngày 1/1 của năm được khen; không có năm hoặc ngày nào sau hôm nay; ngày kết thúc phong trào không trước ngày bắt đầu.\nVí dụ: khen thưởng năm 2018 với quyết định ngày 2017-12-20.\nCách sửa: sửa năm hoặc ngày bị gõ nhầm.",
        "Checks: a decision is not dated before 1 January of the year it rewards; no year or date lies after today; a campaign does not end before it starts.\nExample: a 2018 award with a decision of 2017-12-20.\nFix: correct the mistyped year or date."
    ),
    structural!(
        CampaignPeriod,
        "Khen thưởng gắn với phong trào không diễn ra trong năm được khen",
        "An award linked to a campaign whose period does not cover the award's year",
        "Kiểm tra: năm được khen nằm trong thời gian của phong trào (từ năm bắt đầu tới năm kết thúc).\nVí dụ: khen thưởng năm 2021 cho phong trào 2016–2020.\nCách sửa: sửa mã phong trào hoặc năm.",
        "Checks: the award's year lies within the campaign's period (from its start year to its end year).\nExample: a 2021 award for a 2016–2020 campaign.\nFix: correct the campaign id or the year."
    ),
    structural!(
        InvalidSetting,
        "Khóa hoặc giá trị không hợp lệ trong thidua.toml",
        "An unknown key or invalid value in thidua.toml",
        "Kiểm tra: mọi khóa của thidua.toml thuộc các mục [organisation], [data], [rules], [thresholds] và có giá trị đúng kiểu.\nVì sao: một thiết lập gõ sai sẽ bị bỏ qua trong im lặng, làm quy tắc áp dụng khác với điều người dùng muốn.\nCách sửa: sửa tên khóa theo gợi ý; `thidua rules` liệt kê các quy tắc và ngưỡng.",
        "Checks: every key of thidua.toml belongs to [organisation], [data], [rules] or [thresholds] and has a value of the right type.\nWhy: a mistyped setting would be ignored silently, and the rules would not do what the user asked.\nFix: correct the key as suggested; `thidua rules` lists the rules and thresholds."
    ),
    structural!(
        NonCanonicalFile,
        "Tệp CSV được đọc nhưng không ở dạng chuẩn (dấu `;`, ngày d/m/yyyy, BOM, CRLF, bảng mã cũ, tên cột tiếng Việt)",
        "A CSV file read although it is not in canonical form (`;`, d/m/yyyy dates, BOM, CRLF, a legacy encoding, Vietnamese column names)",
        "Kiểm tra: mỗi tệp CSV có ở dạng chuẩn không — UTF-8 không BOM, dấu phẩy, xuống dòng LF, ngày YYYY-MM-DD, tên cột của định dạng.\nVì sao: Excel tiếng Việt lưu CSV với dấu `;`, ngày d/m/yyyy, BOM và CRLF, có khi bằng Windows-1258; thidua vẫn đọc được và cho đúng các bản ghi như tệp chuẩn, nhưng tệp chuẩn thì công cụ nào cũng đọc đúng và so sánh thay đổi (git diff) gọn hơn.\nVí dụ: `awards/2018.csv` lưu lại bằng Excel: `id;year;person;…` và `20/12/2018`.\nCách sửa: `thidua fmt` viết lại tệp ở dạng chuẩn mà không đổi giá trị nào.",
        "Checks: whether each CSV file is in canonical form — UTF-8 without BOM, commas, LF line ends, YYYY-MM-DD dates, the format's column names.\nWhy: Vietnamese-locale Excel saves CSV with `;`, d/m/yyyy dates, a BOM and CRLF, sometimes in Windows-1258; thidua still reads the same records as from the canonical file, but the canonical file reads right in every tool and diffs cleanly.\nExample: `awards/2018.csv` saved by Excel: `id;year;person;…` and `20/12/2018`.\nFix: `thidua fmt` rewrites the file in canonical form without changing any value."
    ),
    structural!(
        IdentityConflict,
        "Hai dòng người cùng mã định danh (`code`) nhưng khác họ tên",
        "Two people rows with one `code` but different names",
        "Kiểm tra: các dòng trong people có cùng `code` (mã công chức hoặc số CCCD) là một người — khi chuyển đơn vị, người đó có thêm một dòng mới cùng mã — nên phải cùng họ tên (không phân biệt hoa thường, khoảng trắng, dạng Unicode).\nVì sao: các quy tắc nhìn lại nhiều năm (CSTĐCS liên tục, Bằng khen trước Bằng khen Thủ tướng…), `history` và `eligible` gộp các dòng cùng mã thành một người; hai tên khác nhau thường là gõ nhầm mã, và hồ sơ của hai người bị gộp làm một.\nVí dụ: `P0001,Nguyễn Văn An,…,code=079085000123` và `P0456,Trần Thị Bình,…,code=079085000123`.\nCách sửa: sửa mã của dòng gõ nhầm; nếu đúng là một người đã đổi tên, ghi cùng một họ tên ở cả hai dòng.",
        "Checks: people rows sharing a `code` (civil-servant code or CCCD number) are one individual — a transfer to another unit is a new row with the same code — so they must carry the same name (ignoring case, spacing and Unicode form).\nWhy: the rules that look back across years (consecutive CSTĐCS, a Bằng khen before the Prime Minister's…), `history` and `eligible` merge rows sharing a code into one person; two different names are usually a mistyped code, and two people's records would be merged.\nExample: `P0001,Nguyễn Văn An,…,code=079085000123` and `P0456,Trần Thị Bình,…,code=079085000123`.\nFix: correct the mistyped code; if it really is one person whose name changed, write the same name on both rows."
    ),
];

use crate::diag::{Diagnostic, Diagnostics, RuleId, Severity};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{text, Code, Dataset, Date, Eligible, Flaws, Loc, Recipient, RecordType, Sym};
use crate::msg;

/// Suggestions for unknown ids are computed for at most this many findings
/// (each costs a scan of the candidates), and only among this many candidates.
const SUGGEST_LIMIT: usize = 200;
const SUGGEST_CANDIDATES: usize = 50_000;

/// Runs the structural checks that need the whole folder and returns the
/// records that got an error (the law's rules and the reports leave those
/// out); the dataset itself is not changed.
pub fn check(ds: &Dataset, today: Date, sink: &mut Diagnostics) -> Flaws {
    let mut c = Checker {
        sink,
        suggested: 0,
        flaws: Flaws::default(),
        collapsed: Vec::new(),
    };
    c.duplicate_ids(ds);
    c.references(ds);
    c.recipients(ds);
    c.cycles(ds);
    c.dates(ds, today);
    c.identities(ds);
    c.flaws
}

/// Which record types have a record with each id: one byte of flags per
/// interned string, for membership tests over a million references without
/// hashing.
struct Known(Vec<u8>);

impl Known {
    const UNIT: u8 = 1;
    const PERSON: u8 = 2;
    const CAMPAIGN: u8 = 4;
    const AWARD: u8 = 8;

    fn new(ds: &Dataset) -> Self {
        let mut flags = vec![0u8; ds.strings.len()];
        let mut mark = |id: Sym, flag: u8| flags[id.index()] |= flag;
        ds.units.iter().for_each(|u| mark(u.id, Self::UNIT));
        ds.people.iter().for_each(|p| mark(p.id, Self::PERSON));
        ds.campaigns.iter().for_each(|c| mark(c.id, Self::CAMPAIGN));
        ds.awards.iter().for_each(|a| mark(a.id, Self::AWARD));
        Known(flags)
    }

    /// The ids of one record type.
    fn set(&self, flag: u8) -> KnownSet<'_> {
        KnownSet(&self.0, flag)
    }
}

#[derive(Clone, Copy)]
struct KnownSet<'k>(&'k [u8], u8);

impl KnownSet<'_> {
    fn contains(self, id: Sym) -> bool {
        self.0.get(id.index()).is_some_and(|f| f & self.1 != 0)
    }
}

struct Checker<'s> {
    sink: &'s mut Diagnostics,
    suggested: usize,
    flaws: Flaws,
    /// References into files that could not be read: the file, the type of
    /// the records that refer, and how many do.
    collapsed: Vec<(crate::model::FileId, RecordType, usize)>,
}

/// Which record a finding is about, so that it can be marked flawed.
#[derive(Clone, Copy)]
enum Rec {
    Campaign(usize),
    Unit(usize),
    Person(usize),
    Evaluation(usize),
    Award(usize),
    Proposal(usize),
}

impl Rec {
    fn split(self) -> (RecordType, usize) {
        match self {
            Rec::Campaign(i) => (RecordType::Campaign, i),
            Rec::Unit(i) => (RecordType::Unit, i),
            Rec::Person(i) => (RecordType::Person, i),
            Rec::Evaluation(i) => (RecordType::Evaluation, i),
            Rec::Award(i) => (RecordType::Award, i),
            Rec::Proposal(i) => (RecordType::Proposal, i),
        }
    }
}

/// The plural label of a record type (`sniff.type-*`).
fn type_label(t: RecordType) -> Key {
    match t {
        RecordType::Campaign => Key::SniffTypeCampaigns,
        RecordType::Unit => Key::SniffTypeUnits,
        RecordType::Person => Key::SniffTypePeople,
        RecordType::Evaluation => Key::SniffTypeEvaluations,
        RecordType::Award => Key::SniffTypeAwards,
        RecordType::Proposal => Key::SniffTypeProposals,
    }
}

impl Checker<'_> {
    fn emit(&mut self, _ds: &Dataset, rec: Rec, d: Diagnostic) {
        if self.sink.push(d) == Some(Severity::Error) {
            let (kind, i) = rec.split();
            self.flaws.add(kind, i);
        }
    }

    fn diag(
        &self,
        ds: &Dataset,
        rule: RuleId,
        loc: Loc,
        record: Option<Sym>,
        msg: impl Into<Msg>,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(rule, msg).at(ds.shared_path(loc), Some(loc.line));
        if let Some(r) = record {
            d = d.record(ds.str(r).to_string());
        }
        d
    }

    /// People rows sharing a `code` whose names differ (after folding):
    /// `identity-conflict` on each later row, naming the first.
    fn identities(&mut self, ds: &Dataset) {
        let mut first: std::collections::HashMap<Sym, usize> = std::collections::HashMap::new();
        for (i, p) in ds.people.iter().enumerate() {
            let Some(code) = p.code else { continue };
            let j = *first.entry(code).or_insert(i);
            let q = &ds.people[j];
            if j == i || text::fold(ds.str(p.name)) == text::fold(ds.str(q.name)) {
                continue;
            }
            let msg = msg!(
                Key::StructIdentityConflict,
                code = ds.str(code).to_string(),
                name = ds.str(p.name).to_string(),
                other = ds.str(q.name).to_string(),
                first = ds.str(q.id).to_string()
            );
            let note = Key::StructFirstDefined;
            let d = self
                .diag(ds, RuleId::IdentityConflict, p.loc, Some(p.id), msg)
                .related(ds.path(q.loc).to_string(), q.loc.line, note)
                .help(Key::StructIdentityConflictHelp);
            self.emit(ds, Rec::Person(i), d);
        }
    }

    fn duplicate_ids(&mut self, ds: &Dataset) {
        // The first record of each id, by symbol (`NONE`: none yet): a flat
        // table rather than a hash map, as a folder may hold a million ids.
        // Entries are reset after each record type, so one table serves all.
        const NONE: u32 = u32::MAX;
        let mut first = vec![NONE; ds.strings.len()];
        macro_rules! dups {
            ($vec:ident, $rec:ident, $kind:literal) => {{
                let mut found = Vec::new();
                for (i, r) in ds.$vec.iter().enumerate() {
                    let slot = &mut first[r.id.index()];
                    if *slot == NONE {
                        *slot = i as u32;
                    } else {
                        found.push((i, *slot as usize));
                    }
                }
                for r in &ds.$vec {
                    first[r.id.index()] = NONE;
                }
                for (i, j) in found {
                    let (id, loc, prev) = (ds.$vec[i].id, ds.$vec[i].loc, ds.$vec[j].loc);
                    let msg = msg!(
                        Key::StructDuplicateId,
                        kind = $kind,
                        id = ds.str(id).to_string()
                    );
                    let d = self
                        .diag(ds, RuleId::DuplicateId, loc, Some(id), msg)
                        .related(
                            ds.path(prev).to_string(),
                            prev.line,
                            Key::StructFirstDefined,
                        )
                        .help(Key::StructDuplicateIdHelp);
                    self.emit(ds, Rec::$rec(i), d);
                }
            }};
        }
        dups!(campaigns, Campaign, "campaigns");
        dups!(units, Unit, "units");
        dups!(people, Person, "people");
        dups!(awards, Award, "awards");
        dups!(proposals, Proposal, "proposals");

        // One evaluation per subject and year: sorted by (subject, year,
        // position), each run of equals is its first and duplicates of it.
        let mut order: Vec<u32> = (0..ds.evaluations.len() as u32).collect();
        let key = |i: u32| {
            let e = &ds.evaluations[i as usize];
            (e.subject, e.year)
        };
        order.sort_unstable_by_key(|&i| (key(i), i));
        let mut found = Vec::new();
        for run in order.chunk_by(|&a, &b| key(a) == key(b)) {
            for &i in &run[1..] {
                found.push((i as usize, run[0] as usize));
            }
        }
        found.sort_unstable();
        for (i, j) in found {
            let (e, prev) = (&ds.evaluations[i], ds.evaluations[j].loc);
            let msg = msg!(
                Key::StructDuplicateEvaluation,
                id = ds.str(e.subject.id()).to_string(),
                year = e.year
            );
            let d = self
                .diag(ds, RuleId::DuplicateId, e.loc, None, msg)
                .related(
                    ds.path(prev).to_string(),
                    prev.line,
                    Key::StructFirstDefined,
                );
            self.emit(ds, Rec::Evaluation(i), d);
        }
    }

    fn unknown(
        &mut self,
        ds: &Dataset,
        loc: Loc,
        record: Option<Sym>,
        field: &'static str,
        target: Sym,
    ) -> Option<Diagnostic> {
        let target_type = match field {
            "person" => RecordType::Person,
            "campaign" => RecordType::Campaign,
            "award_id" => RecordType::Award,
            _ => RecordType::Unit,
        };
        if ds.dropped_ids[target_type.index()].contains(&target) {
            return None;
        }
        if let Some(&file) = ds
            .unreadable
            .iter()
            .find(|f| ds.file(**f).kind == target_type)
        {
            let source = ds.file(loc.file).kind;
            match self
                .collapsed
                .iter_mut()
                .find(|c| c.0 == file && c.1 == source)
            {
                Some(c) => c.2 += 1,
                None => self.collapsed.push((file, source, 1)),
            }
            return None;
        }
        let kind = match field {
            "person" => Key::StructAPerson,
            "campaign" => Key::StructACampaign,
            "award_id" => Key::StructAnAward,
            _ => Key::StructAUnit,
        };
        let msg = msg!(
            Key::StructUnknownReference,
            field = field,
            id = ds.str(target).to_string(),
            kind = kind
        );
        let mut d = self.diag(ds, RuleId::UnknownReference, loc, record, msg);
        let count = match target_type {
            RecordType::Person => ds.people.len(),
            RecordType::Campaign => ds.campaigns.len(),
            RecordType::Award => ds.awards.len(),
            _ => ds.units.len(),
        };
        if self.suggested < SUGGEST_LIMIT && count <= SUGGEST_CANDIDATES {
            self.suggested += 1;
            let ids: Vec<&str> = match target_type {
                RecordType::Person => ds.people.iter().map(|r| ds.str(r.id)).collect(),
                RecordType::Campaign => ds.campaigns.iter().map(|r| ds.str(r.id)).collect(),
                RecordType::Award => ds.awards.iter().map(|r| ds.str(r.id)).collect(),
                _ => ds.units.iter().map(|r| ds.str(r.id)).collect(),
            };
            let near = text::nearest_all(ds.str(target), ids);
            if !near.is_empty() {
                let near = near.into_iter().map(str::to_string);
                d = d.help(msg!(
                    Key::LoadDidYouMean,
                    value = Arg::list(Key::ListCodeComma, near)
                ));
            }
        }
        Some(d)
    }

    fn references(&mut self, ds: &Dataset) {
        let known = Known::new(ds);
        let units = known.set(Known::UNIT);
        let people = known.set(Known::PERSON);
        let campaigns = known.set(Known::CAMPAIGN);
        let award_ids = known.set(Known::AWARD);
        let mut out: Vec<(Rec, Option<Diagnostic>)> = Vec::new();

        let recipient_ok = |r: Recipient| match r {
            Recipient::Person(p) => people.contains(p),
            Recipient::Unit(u) => units.contains(u),
        };
        for (i, u) in ds.units.iter().enumerate() {
            if let Some(p) = u.parent.filter(|p| !units.contains(*p)) {
                out.push((
                    Rec::Unit(i),
                    self.unknown(ds, u.loc, Some(u.id), "parent", p),
                ));
            }
        }
        for (i, p) in ds.people.iter().enumerate() {
            if !units.contains(p.unit) {
                out.push((
                    Rec::Person(i),
                    self.unknown(ds, p.loc, Some(p.id), "unit", p.unit),
                ));
            }
        }
        for (i, e) in ds.evaluations.iter().enumerate() {
            if !recipient_ok(e.subject) {
                let field = e.subject.field();
                out.push((
                    Rec::Evaluation(i),
                    self.unknown(ds, e.loc, None, field, e.subject.id()),
                ));
            }
        }
        for (i, a) in ds.awards.iter().enumerate() {
            if !recipient_ok(a.recipient) {
                let field = a.recipient.field();
                out.push((
                    Rec::Award(i),
                    self.unknown(ds, a.loc, Some(a.id), field, a.recipient.id()),
                ));
            }
            if let Some(c) = a.campaign.filter(|c| !campaigns.contains(*c)) {
                out.push((
                    Rec::Award(i),
                    self.unknown(ds, a.loc, Some(a.id), "campaign", c),
                ));
            }
        }
        for (i, p) in ds.proposals.iter().enumerate() {
            if !recipient_ok(p.recipient) {
                let field = p.recipient.field();
                out.push((
                    Rec::Proposal(i),
                    self.unknown(ds, p.loc, Some(p.id), field, p.recipient.id()),
                ));
            }
            if let Some(u) = p.proposed_by.filter(|u| !units.contains(*u)) {
                out.push((
                    Rec::Proposal(i),
                    self.unknown(ds, p.loc, Some(p.id), "proposed_by", u),
                ));
            }
            if let Some(a) = p.award_id.filter(|a| !award_ids.contains(*a)) {
                out.push((
                    Rec::Proposal(i),
                    self.unknown(ds, p.loc, Some(p.id), "award_id", a),
                ));
            }
        }
        for (rec, d) in out {
            match d {
                Some(d) => self.emit(ds, rec, d),
                // A reference to a row that could not be read: that row's
                // error is reported; this record cannot be trusted either.
                None => {
                    let (kind, i) = rec.split();
                    self.flaws.add(kind, i);
                }
            }
        }
        self.collapsed_references(ds);
    }

    /// One finding per unreadable file and referring type, with the count,
    /// instead of one per row that refers into it.
    fn collapsed_references(&mut self, ds: &Dataset) {
        for (file, source, count) in std::mem::take(&mut self.collapsed) {
            let path = ds.file(file).path.clone();
            let msg = msg!(
                Key::SniffCollapsed,
                count = count,
                source = type_label(source),
                target = type_label(ds.file(file).kind),
                path = path.clone()
            );
            let help = msg!(Key::SniffCollapsedHelp, path = path.clone());
            let d = Diagnostic::new(RuleId::UnknownReference, msg)
                .at(path, None)
                .help(help);
            self.sink.push(d);
        }
    }

    fn recipients(&mut self, ds: &Dataset) {
        let mut out = Vec::new();
        let wrong = |code: crate::model::AwardCode, r: Recipient| {
            matches!(
                (code.eligible(), r),
                (Eligible::Person, Recipient::Unit(_)) | (Eligible::Unit, Recipient::Person(_))
            )
        };
        let msg = |code: crate::model::AwardCode, r: Recipient| {
            let key = if r.is_person() {
                Key::StructUnitAwardToPerson
            } else {
                Key::StructPersonAwardToUnit
            };
            msg!(key, award = code.code(), name = Arg::name(code))
        };
        for (i, a) in ds.awards.iter().enumerate() {
            if wrong(a.award, a.recipient) {
                let d = self.diag(
                    ds,
                    RuleId::WrongRecipient,
                    a.loc,
                    Some(a.id),
                    msg(a.award, a.recipient),
                );
                out.push((Rec::Award(i), d));
            }
        }
        for (i, p) in ds.proposals.iter().enumerate() {
            if wrong(p.award, p.recipient) {
                let d = self.diag(
                    ds,
                    RuleId::WrongRecipient,
                    p.loc,
                    Some(p.id),
                    msg(p.award, p.recipient),
                );
                out.push((Rec::Proposal(i), d));
            }
        }
        for (rec, d) in out {
            let d = d.help(Key::StructWrongRecipientHelp);
            self.emit(ds, rec, d);
        }
    }

    fn cycles(&mut self, ds: &Dataset) {
        let index = ds.unit_index();
        // 0 = unvisited, 1 = on the current path, 2 = done.
        let mut state = vec![0u8; ds.units.len()];
        let mut cycles: Vec<Vec<usize>> = Vec::new();
        for start in 0..ds.units.len() {
            if state[start] != 0 {
                continue;
            }
            let mut path = Vec::new();
            let mut cur = Some(start);
            while let Some(i) = cur {
                if state[i] == 1 {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    cycles.push(path[from..].to_vec());
                    break;
                }
                if state[i] == 2 {
                    break;
                }
                state[i] = 1;
                path.push(i);
                cur = ds.units[i].parent.and_then(|p| index.get(&p).copied());
            }
            for i in path {
                state[i] = 2;
            }
        }
        for cycle in cycles {
            let first = *cycle
                .iter()
                .min_by_key(|&&i| ds.units[i].loc)
                .unwrap_or(&cycle[0]);
            // The loop closes on the unit it starts from.
            let names = cycle.iter().chain(cycle.first());
            let names = names.map(|&i| ds.str(ds.units[i].id).to_string());
            let msg = msg!(
                Key::StructUnitCycle,
                chain = Arg::list(Key::ListArrow, names)
            );
            let u = &ds.units[first];
            let mut d = self
                .diag(ds, RuleId::UnitCycle, u.loc, Some(u.id), msg)
                .help(Key::StructUnitCycleHelp);
            for &i in cycle.iter().filter(|&&i| i != first) {
                let loc = ds.units[i].loc;
                let id = ds.str(ds.units[i].id).to_string();
                let note = msg!(Key::StructInLoop, id = id);
                d = d.related(ds.path(loc).to_string(), loc.line, note);
            }
            if self.sink.push(d) == Some(Severity::Error) {
                for &i in &cycle {
                    self.flaws.add(RecordType::Unit, i);
                }
            }
        }
    }

    fn dates(&mut self, ds: &Dataset, today: Date) {
        let this_year = today.year() as u16;
        let mut out: Vec<(Rec, Diagnostic)> = Vec::new();
        let future_year = |y: u16| msg!(Key::StructFutureYear, year = y, today = today);
        let future_date = |field: &'static str, d: Date| {
            msg!(
                Key::StructFutureDate,
                field = field,
                date = d,
                today = today
            )
        };
        for (i, c) in ds.campaigns.iter().enumerate() {
            if let Some(end) = c.end.filter(|e| *e < c.start) {
                let msg = msg!(Key::StructCampaignEndsEarly, end = end, start = c.start);
                out.push((
                    Rec::Campaign(i),
                    self.diag(ds, RuleId::DateOrder, c.loc, Some(c.id), msg),
                ));
            }
            for (field, d) in [("start", Some(c.start)), ("plan_date", c.plan_date)] {
                if let Some(d) = d.filter(|d| *d > today) {
                    out.push((
                        Rec::Campaign(i),
                        self.diag(
                            ds,
                            RuleId::DateOrder,
                            c.loc,
                            Some(c.id),
                            future_date(field, d),
                        ),
                    ));
                }
            }
        }
        for (i, p) in ds.people.iter().enumerate() {
            if let Some(d) = p.hire_date.filter(|d| *d > today) {
                out.push((
                    Rec::Person(i),
                    self.diag(
                        ds,
                        RuleId::DateOrder,
                        p.loc,
                        Some(p.id),
                        future_date("hire_date", d),
                    ),
                ));
            }
        }
        for (i, e) in ds.evaluations.iter().enumerate() {
            if e.year > this_year {
                out.push((
                    Rec::Evaluation(i),
                    self.diag(ds, RuleId::DateOrder, e.loc, None, future_year(e.year)),
                ));
            }
        }
        self.award_dates(ds, today, &mut out);
        for (i, p) in ds.proposals.iter().enumerate() {
            if p.year > this_year {
                out.push((
                    Rec::Proposal(i),
                    self.diag(
                        ds,
                        RuleId::DateOrder,
                        p.loc,
                        Some(p.id),
                        future_year(p.year),
                    ),
                ));
            } else if let Some(d) = p.date.filter(|d| *d > today) {
                out.push((
                    Rec::Proposal(i),
                    self.diag(
                        ds,
                        RuleId::DateOrder,
                        p.loc,
                        Some(p.id),
                        future_date("date", d),
                    ),
                ));
            }
        }
        for (rec, d) in out {
            self.emit(ds, rec, d);
        }
    }

    /// The dates of the awards: not in the future, not before their year,
    /// within their campaign.
    fn award_dates(&self, ds: &Dataset, today: Date, out: &mut Vec<(Rec, Diagnostic)>) {
        let this_year = today.year() as u16;
        let future_year = |y: u16| msg!(Key::StructFutureYear, year = y, today = today);
        let future_date = |field: &'static str, d: Date| {
            msg!(
                Key::StructFutureDate,
                field = field,
                date = d,
                today = today
            )
        };
        let campaigns = ds.campaign_index();
        for (i, a) in ds.awards.iter().enumerate() {
            if a.year > this_year {
                out.push((
                    Rec::Award(i),
                    self.diag(
                        ds,
                        RuleId::DateOrder,
                        a.loc,
                        Some(a.id),
                        future_year(a.year),
                    ),
                ));
            } else if a.decision_date > today {
                let msg = future_date("decision_date", a.decision_date);
                out.push((
                    Rec::Award(i),
                    self.diag(ds, RuleId::DateOrder, a.loc, Some(a.id), msg),
                ));
            }
            if Date::start_of_year(i32::from(a.year)).is_some_and(|start| a.decision_date < start) {
                let msg = msg!(
                    Key::StructDecisionBeforeYear,
                    date = a.decision_date,
                    year = a.year
                );
                let d = self
                    .diag(ds, RuleId::DateOrder, a.loc, Some(a.id), msg)
                    .help(Key::StructDecisionBeforeYearHelp);
                out.push((Rec::Award(i), d));
            }
            if let Some(c) = a
                .campaign
                .and_then(|c| campaigns.get(&c))
                .map(|&ci| &ds.campaigns[ci])
            {
                let from = c.start.year();
                let to = c.end.map(|e| e.year());
                let y = i32::from(a.year);
                if y < from || to.is_some_and(|t| y > t) {
                    let period = match to {
                        Some(t) => msg!(Key::StructPeriod, from = from, to = t),
                        None => msg!(Key::StructPeriodOpen, from = from),
                    };
                    let msg = msg!(
                        Key::StructCampaignPeriod,
                        year = a.year,
                        campaign = ds.str(c.id).to_string(),
                        period = period
                    );
                    out.push((
                        Rec::Award(i),
                        self.diag(ds, RuleId::CampaignPeriod, a.loc, Some(a.id), msg),
                    ));
                }
            }
        }
    }
}
