//! The domain: the six record types of the data format, held compactly, with
//! no I/O. The loader (`crate::load`) builds a [`Dataset`]; the rules and the
//! reports read it.

pub mod codes;
pub mod date;
pub mod intern;
pub mod settings;
pub mod text;

use std::collections::HashMap;
use std::path::PathBuf;

pub use codes::{
    AwardClass, AwardCode, AwardKind, CampaignKind, Code, CodeError, Discipline, Eligible, Gender,
    Issuer, ProposalStatus, Rating, UnitKind,
};
pub use date::Date;
pub use intern::{Interner, Sym};

/// The six record types of the data folder.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum RecordType {
    Campaign,
    Unit,
    Person,
    Evaluation,
    Award,
    Proposal,
}

impl RecordType {
    pub const ALL: [RecordType; 6] = [
        RecordType::Campaign,
        RecordType::Unit,
        RecordType::Person,
        RecordType::Evaluation,
        RecordType::Award,
        RecordType::Proposal,
    ];

    /// The plural stem of the files (`awards`, `awards/…`).
    pub fn plural(self) -> &'static str {
        match self {
            RecordType::Campaign => "campaigns",
            RecordType::Unit => "units",
            RecordType::Person => "people",
            RecordType::Evaluation => "evaluations",
            RecordType::Award => "awards",
            RecordType::Proposal => "proposals",
        }
    }

    /// The singular TOML table name (`[[award]]`).
    pub fn singular(self) -> &'static str {
        match self {
            RecordType::Campaign => "campaign",
            RecordType::Unit => "unit",
            RecordType::Person => "person",
            RecordType::Evaluation => "evaluation",
            RecordType::Award => "award",
            RecordType::Proposal => "proposal",
        }
    }

    pub fn from_plural(s: &str) -> Option<RecordType> {
        RecordType::ALL.into_iter().find(|t| t.plural() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Index of a source file in [`Dataset::files`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct FileId(pub u32);

/// Where a record (or a value) came from: a file and a physical line (1-based;
/// the CSV header is line 1).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Loc {
    pub file: FileId,
    pub line: u32,
}

/// A file that was read.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the data folder, with `/` separators; shared by
    /// the findings in the file (a folder may have a million).
    pub path: std::sync::Arc<str>,
    pub kind: RecordType,
}

/// The recipient of an award, the subject of an evaluation or proposal.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Recipient {
    Person(Sym),
    Unit(Sym),
}

impl Recipient {
    pub fn id(self) -> Sym {
        match self {
            Recipient::Person(s) | Recipient::Unit(s) => s,
        }
    }

    pub fn is_person(self) -> bool {
        matches!(self, Recipient::Person(_))
    }

    /// The column that names it: `person` or `unit`.
    pub fn field(self) -> &'static str {
        match self {
            Recipient::Person(_) => "person",
            Recipient::Unit(_) => "unit",
        }
    }
}

/// Phong trào thi đua.
#[derive(Clone, Debug)]
pub struct Campaign {
    pub id: Sym,
    pub name: Sym,
    pub kind: CampaignKind,
    pub start: Date,
    pub end: Option<Date>,
    pub plan: Option<Sym>,
    pub plan_date: Option<Date>,
    pub loc: Loc,
    /// Carries a structural error (§7): not to be trusted as data.
    pub flawed: bool,
}

/// Tập thể: a unit, agency, commune, school…
#[derive(Clone, Debug)]
pub struct Unit {
    pub id: Sym,
    pub name: Sym,
    pub kind: UnitKind,
    pub parent: Option<Sym>,
    pub loc: Loc,
    pub flawed: bool,
}

/// Cá nhân.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: Sym,
    pub name: Sym,
    pub unit: Sym,
    /// Người trực tiếp lao động, công tác (not a leader or manager).
    pub direct_worker: bool,
    pub gender: Option<Gender>,
    pub position: Option<Sym>,
    pub hire_date: Option<Date>,
    /// Ngày mất: the day the person died, for posthumous awards (truy tặng).
    pub died: Option<Date>,
    /// The person's stable code across records (rows sharing a code are one
    /// individual, e.g. after a transfer between units).
    pub code: Option<Sym>,
    pub loc: Loc,
    pub flawed: bool,
}

/// Đánh giá, xếp loại: one subject's yearly assessment.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub year: u16,
    pub subject: Recipient,
    pub rating: Rating,
    pub discipline: Option<Discipline>,
    pub initiative: Option<bool>,
    pub months_worked: Option<u8>,
    pub absent_days: Option<u16>,
    pub loc: Loc,
    pub flawed: bool,
}

/// Khen thưởng: a title or form conferred by a decision.
#[derive(Clone, Debug)]
pub struct Award {
    pub id: Sym,
    /// The year whose achievement is rewarded (năm xét).
    pub year: u16,
    pub recipient: Recipient,
    pub award: AwardCode,
    pub kind: AwardKind,
    pub campaign: Option<Sym>,
    pub decision: Sym,
    pub decision_date: Date,
    pub issuer: Issuer,
    /// Truy tặng: conferred after the recipient's death.
    pub posthumous: bool,
    pub loc: Loc,
    pub flawed: bool,
}

/// Đề nghị khen thưởng.
#[derive(Clone, Debug)]
pub struct Proposal {
    pub id: Sym,
    pub year: u16,
    pub recipient: Recipient,
    pub award: AwardCode,
    pub proposed_by: Option<Sym>,
    pub status: ProposalStatus,
    pub date: Option<Date>,
    pub award_id: Option<Sym>,
    pub loc: Loc,
    pub flawed: bool,
}

impl Proposal {
    /// The date that chooses the law's window: `date`, else 31 December.
    pub fn effective_date(&self) -> Option<Date> {
        self.date
            .or_else(|| Date::end_of_year(i32::from(self.year)))
    }
}

/// The records the structural checks found an error in, by type and position
/// in the dataset: a value of its own, so that checking never changes the
/// records it checks.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Flaws(Vec<(RecordType, usize)>);

impl Flaws {
    pub fn add(&mut self, kind: RecordType, index: usize) {
        self.0.push((kind, index));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The flawed records, by type and position, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = (RecordType, usize)> + '_ {
        self.0.iter().copied()
    }

    /// Marks the flawed records of `ds`, which the law's rules and the
    /// reports leave out.
    pub fn mark(&self, ds: &mut Dataset) {
        for &(kind, i) in &self.0 {
            match kind {
                RecordType::Campaign => ds.campaigns[i].flawed = true,
                RecordType::Unit => ds.units[i].flawed = true,
                RecordType::Person => ds.people[i].flawed = true,
                RecordType::Evaluation => ds.evaluations[i].flawed = true,
                RecordType::Award => ds.awards[i].flawed = true,
                RecordType::Proposal => ds.proposals[i].flawed = true,
            }
        }
    }
}

/// Everything loaded from one data folder.
#[derive(Default, Debug, Clone)]
pub struct Dataset {
    /// The data folder itself.
    pub root: PathBuf,
    pub files: Vec<SourceFile>,
    pub strings: Interner,
    pub campaigns: Vec<Campaign>,
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
    pub evaluations: Vec<Evaluation>,
    pub awards: Vec<Award>,
    pub proposals: Vec<Proposal>,
    /// Rows that could not become records (missing or invalid required
    /// values, malformed rows), by record type.
    pub dropped: [usize; 6],
    /// The ids of those rows, where they had one: a reference to such an id
    /// is not reported again as unknown (the row's own error says it all).
    pub dropped_ids: [std::collections::HashSet<Sym>; 6],
    /// Files that could not be read, wholly or from some row on: a reference
    /// that names no record of their type is counted against them rather
    /// than reported row by row.
    pub unreadable: Vec<FileId>,
    /// Files of a record type left out whole (unreadable, refused, not
    /// parsed), by path: their records are missing from every count.
    pub left_out: Vec<String>,
}

impl Dataset {
    pub fn str(&self, sym: Sym) -> &str {
        self.strings.resolve(sym)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// `file:line` of a location, relative to the data folder.
    pub fn path(&self, loc: Loc) -> &str {
        &self.file(loc.file).path
    }

    /// [`Self::path`], shared: what a finding keeps.
    pub fn shared_path(&self, loc: Loc) -> std::sync::Arc<str> {
        self.file(loc.file).path.clone()
    }

    /// Position of each unit by id (first record wins for duplicates).
    pub fn unit_index(&self) -> HashMap<Sym, usize> {
        let mut m = HashMap::with_capacity(self.units.len());
        for (i, u) in self.units.iter().enumerate() {
            m.entry(u.id).or_insert(i);
        }
        m
    }

    /// One identity per person (data format §9.1): each people row sharing
    /// a non-empty `code` with an earlier row, mapped to the id of the first
    /// row of that code (file order). Rows absent from the map are their own
    /// identity; rows with a structural error take no part.
    pub fn identities(&self) -> HashMap<Sym, Sym> {
        let mut first: HashMap<Sym, Sym> = HashMap::new();
        let mut map = HashMap::new();
        for p in self.people.iter().filter(|p| !p.flawed) {
            let Some(code) = p.code else { continue };
            let head = *first.entry(code).or_insert(p.id);
            if head != p.id {
                map.insert(p.id, head);
            }
        }
        map
    }

    /// Position of each campaign by id.
    pub fn campaign_index(&self) -> HashMap<Sym, usize> {
        let mut m = HashMap::with_capacity(self.campaigns.len());
        for (i, c) in self.campaigns.iter().enumerate() {
            m.entry(c.id).or_insert(i);
        }
        m
    }

    /// The name of a recipient, or its id when it names no record.
    pub fn recipient_name(&self, r: Recipient) -> &str {
        let id = r.id();
        let found = match r {
            Recipient::Person(_) => self.people.iter().find(|p| p.id == id).map(|p| p.name),
            Recipient::Unit(_) => self.units.iter().find(|u| u.id == id).map(|u| u.name),
        };
        self.str(found.unwrap_or(id))
    }

    /// The top-level unit above `unit` (itself when it has no parent), following
    /// `parent` links and stopping on a loop or an unknown parent.
    pub fn top_unit(&self, unit: Sym, index: &HashMap<Sym, usize>) -> Sym {
        let mut cur = unit;
        for _ in 0..=self.units.len() {
            match index.get(&cur).and_then(|&i| self.units[i].parent) {
                Some(p) if index.contains_key(&p) => cur = p,
                _ => return cur,
            }
        }
        cur
    }
}
