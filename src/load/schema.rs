//! The columns of each record type (§3 of the data format) and how a row of
//! text values becomes a record. Both readers (CSV and TOML) hand rows to
//! [`Builder::build`], so every value is checked the same way whatever the file.

use crate::diag::{Diagnostic, Origin, RuleId};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{
    text, Award, AwardCode, AwardKind, Campaign, CampaignKind, Code, CodeError, Dataset, Date,
    Discipline, Evaluation, FileId, Gender, Issuer, Loc, Person, Proposal, ProposalStatus, Rating,
    Recipient, RecordType, Unit, UnitKind,
};
use crate::msg;

/// Whether a column must be present.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Need {
    Required,
    Optional,
    /// `person` / `unit`: exactly one of the pair.
    OneOf,
}

/// The most columns any record type has.
pub const MAX_FIELDS: usize = 11;

/// The columns of `kind`, in the order of the format's tables.
pub fn fields(kind: RecordType) -> &'static [(&'static str, Need)] {
    use Need::*;
    match kind {
        RecordType::Campaign => &[
            ("id", Required),
            ("name", Required),
            ("kind", Required),
            ("start", Required),
            ("end", Optional),
            ("plan", Optional),
            ("plan_date", Optional),
        ],
        RecordType::Unit => &[
            ("id", Required),
            ("name", Required),
            ("kind", Required),
            ("parent", Optional),
        ],
        RecordType::Person => &[
            ("id", Required),
            ("name", Required),
            ("unit", Required),
            ("direct_worker", Required),
            ("gender", Optional),
            ("position", Optional),
            ("hire_date", Optional),
            ("died", Optional),
            ("code", Optional),
        ],
        RecordType::Evaluation => &[
            ("year", Required),
            ("person", OneOf),
            ("unit", OneOf),
            ("rating", Required),
            ("discipline", Optional),
            ("initiative", Optional),
            ("months_worked", Optional),
            ("absent_days", Optional),
        ],
        RecordType::Award => &[
            ("id", Required),
            ("year", Required),
            ("person", OneOf),
            ("unit", OneOf),
            ("award", Required),
            ("kind", Required),
            ("campaign", Optional),
            ("decision", Required),
            ("decision_date", Required),
            ("issuer", Required),
            ("posthumous", Optional),
        ],
        RecordType::Proposal => &[
            ("id", Required),
            ("year", Required),
            ("person", OneOf),
            ("unit", OneOf),
            ("award", Required),
            ("proposed_by", Optional),
            ("status", Required),
            ("date", Optional),
            ("award_id", Optional),
        ],
    }
}

/// Optional columns that files written by `thidua import` carry only when a
/// row fills them (added with the rules' second reading, so that imports of
/// lists without them keep the columns they always had).
pub const ON_DEMAND: &[&str] = &["died", "code", "posthumous"];

/// Whether the values of column `name` are interned (ids, names, references
/// and other free text), as opposed to parsed into codes, dates or numbers.
pub fn is_interned(name: &str) -> bool {
    matches!(
        name,
        "id" | "name"
            | "plan"
            | "parent"
            | "unit"
            | "person"
            | "position"
            | "campaign"
            | "decision"
            | "proposed_by"
            | "award_id"
            | "code"
    )
}

/// The position of column `name` (already trimmed and lower-cased) in `kind`.
pub fn field_index(kind: RecordType, name: &str) -> Option<usize> {
    fields(kind).iter().position(|(n, _)| *n == name)
}

/// The column of `kind` a CSV header names: the format's own name
/// (case-insensitive), else a Vietnamese header that `import` recognises
/// (`Số quyết định`, `Năm`); the flag says it was the latter.
pub fn column(kind: RecordType, header: &str) -> Option<(usize, bool)> {
    let key = text::clean(header).to_lowercase();
    if let Some(i) = field_index(kind, &key) {
        return Some((i, false));
    }
    use super::headers::{meaning, resolve, Target};
    match resolve(kind, meaning(&key)?, false) {
        Target::Field(name) => field_index(kind, name).map(|i| (i, true)),
        _ => None,
    }
}

/// One row's values by column position: the text (trimmed, not yet NFC) and
/// the line it sits on.
pub type Values<'a> = [Option<(&'a str, u32)>; MAX_FIELDS];

/// Turns rows into records of a [`Dataset`], reporting what is wrong with them.
pub struct Builder<'d> {
    pub ds: &'d mut Dataset,
    pub diags: Vec<Diagnostic>,
    /// The last year that may be given (the current year).
    pub this_year: i32,
    /// Whether dates typed `d/m/yyyy` are read (CSV files, as Excel saves them).
    pub dmy_dates: bool,
    /// Whether such a date was read since the flag was last cleared.
    pub saw_dmy: bool,
}

/// Problems met while reading one row.
struct Row<'r, 'a> {
    values: &'r Values<'a>,
    kind: RecordType,
    file: FileId,
    line: u32,
    /// A required value is missing or invalid: the record cannot be built.
    fatal: bool,
    /// An optional value is invalid: the record is built but flawed.
    flawed: bool,
    /// Columns whose value the reader already reported as unusable.
    reported: &'r [bool; MAX_FIELDS],
}

impl<'d> Builder<'d> {
    pub fn new(ds: &'d mut Dataset, this_year: i32) -> Self {
        Builder {
            ds,
            diags: Vec::new(),
            this_year,
            dmy_dates: false,
            saw_dmy: false,
        }
    }

    fn path(&self, file: FileId) -> std::sync::Arc<str> {
        self.ds.file(file).path.clone()
    }

    /// Builds the record of `kind` from `values`, read at `line` of `file`.
    /// Returns false when the row could not become a record.
    pub fn build(
        &mut self,
        kind: RecordType,
        file: FileId,
        line: u32,
        values: &Values<'_>,
    ) -> bool {
        self.build_reported(kind, file, line, values, &[false; MAX_FIELDS])
    }

    /// As [`Builder::build`], for a row whose columns marked in `reported`
    /// held a value the reader could not use and has already reported (a TOML
    /// array where a single value belongs): the record is flawed, or not built
    /// when such a column is required, and the column is not reported again
    /// as missing.
    pub fn build_reported(
        &mut self,
        kind: RecordType,
        file: FileId,
        line: u32,
        values: &Values<'_>,
        reported: &[bool; MAX_FIELDS],
    ) -> bool {
        let mut row = Row {
            values,
            kind,
            file,
            line,
            fatal: false,
            flawed: false,
            reported,
        };
        for (col, (_, need)) in fields(kind).iter().enumerate() {
            if reported[col] {
                match need {
                    Need::Optional => row.flawed = true,
                    Need::Required | Need::OneOf => row.fatal = true,
                }
            }
        }
        let built = match kind {
            RecordType::Campaign => self.campaign(&mut row),
            RecordType::Unit => self.unit(&mut row),
            RecordType::Person => self.person(&mut row),
            RecordType::Evaluation => self.evaluation(&mut row),
            RecordType::Award => self.award(&mut row),
            RecordType::Proposal => self.proposal(&mut row),
        };
        if !built {
            self.ds.dropped[kind.index()] += 1;
            if fields(kind)[0].0 == "id" {
                if let Some((id, _)) = values[0] {
                    let id = text::clean(id);
                    if !id.is_empty() {
                        let sym = self.ds.strings.intern(&id);
                        self.ds.dropped_ids[kind.index()].insert(sym);
                    }
                }
            }
        }
        built
    }

    fn at(&self, row: &Row<'_, '_>, col: usize) -> u32 {
        row.values[col].map(|(_, l)| l).unwrap_or(row.line)
    }

    /// A finding on the row, about the value of field `col` when it is one.
    fn error(
        &mut self,
        row: &Row<'_, '_>,
        col: Option<usize>,
        rule: RuleId,
        msg: Msg,
        help: Option<Msg>,
    ) {
        let line = col.map(|c| self.at(row, c)).unwrap_or(row.line);
        let mut d = Diagnostic::new(rule, msg).at(self.path(row.file), Some(line));
        if let Some(c) = col {
            d = d.origin(Origin::field(row.kind, c));
        }
        if let Some(id) = row.values[0].filter(|_| fields(row.kind)[0].0 == "id") {
            d = d.record(text::clean(id.0).into_owned());
        }
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diags.push(d);
    }

    /// A value's text, NFC, or `None` when empty. Reports a missing required value.
    fn text<'a>(&mut self, row: &mut Row<'_, 'a>, col: usize) -> Option<std::borrow::Cow<'a, str>> {
        let v = row.values[col]
            .map(|(s, _)| clean(s))
            .filter(|s| !s.is_empty());
        if v.is_none() && fields(row.kind)[col].1 == Need::Required && !row.reported[col] {
            let name = fields(row.kind)[col].0;
            let msg = msg!(Key::LoadMissingValue, field = name);
            self.error(row, Some(col), RuleId::MissingValue, msg, None);
            row.fatal = true;
        }
        v
    }

    fn sym(&mut self, row: &mut Row<'_, '_>, col: usize) -> Option<crate::model::Sym> {
        let t = self.text(row, col)?;
        Some(self.ds.strings.intern(&t))
    }

    fn invalid(
        &mut self,
        row: &mut Row<'_, '_>,
        col: usize,
        value: &str,
        expected: impl Into<Arg>,
        suggestion: Option<Arg>,
    ) {
        let name = fields(row.kind)[col].0;
        let msg = msg!(
            Key::LoadInvalidValue,
            field = name,
            value = value.to_string(),
            expected = expected.into()
        );
        let help = suggestion.map(|s| msg!(Key::LoadDidYouMean, value = s));
        self.error(row, Some(col), RuleId::InvalidValue, msg, help);
        if fields(row.kind)[col].1 == Need::Optional {
            row.flawed = true;
        } else {
            row.fatal = true;
        }
    }

    fn code<T: Code>(&mut self, row: &mut Row<'_, '_>, col: usize) -> Option<T> {
        let t = self.text(row, col)?;
        match T::parse(&t) {
            Ok(v) => Some(v),
            Err(CodeError::Unknown { suggestion }) => {
                let codes = Arg::list(Key::ListComma, T::ALL.iter().map(|v| v.code()));
                let expected = msg!(Key::LoadExpectedCode, codes = codes);
                self.invalid(row, col, &t, expected, suggestion.map(Arg::Static));
                None
            }
        }
    }

    fn date(&mut self, row: &mut Row<'_, '_>, col: usize) -> Option<Date> {
        let t = self.text(row, col)?;
        match Date::parse_iso(&t) {
            Some(d) => Some(d),
            None if self.dmy_dates && dmy_date(&t).is_some() => {
                self.saw_dmy = true;
                dmy_date(&t)
            }
            None => {
                let suggestion = loose_date(&t).map(Arg::Date);
                self.invalid(row, col, &t, Key::LoadExpectedDate, suggestion);
                None
            }
        }
    }

    fn year(&mut self, row: &mut Row<'_, '_>, col: usize) -> Option<u16> {
        let t = self.text(row, col)?;
        let ok = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
        match t.parse::<u16>() {
            Ok(y) if ok && y >= 1000 => Some(y),
            _ => {
                self.invalid(row, col, &t, Key::LoadExpectedYear, None);
                None
            }
        }
    }

    fn boolean(&mut self, row: &mut Row<'_, '_>, col: usize) -> Option<bool> {
        // An empty cell is "absent", which for an `x`-style column means false.
        let present = row.values[col]
            .map(|(s, _)| !s.trim().is_empty())
            .unwrap_or(false);
        if !present && fields(row.kind)[col].1 == Need::Optional {
            return None;
        }
        let t = self.text(row, col)?;
        match parse_bool(&t) {
            Some(b) => Some(b),
            None => {
                self.invalid(row, col, &t, Key::LoadExpectedBool, None);
                None
            }
        }
    }

    fn number(&mut self, row: &mut Row<'_, '_>, col: usize, max: u32) -> Option<u32> {
        let t = self.text(row, col)?;
        match t.parse::<u32>() {
            Ok(n) if n <= max => Some(n),
            _ => {
                let expected = msg!(Key::LoadExpectedNumber, max = max);
                self.invalid(row, col, &t, expected, None);
                None
            }
        }
    }

    /// `person` (column `p`) or `unit` (column `p + 1`): exactly one.
    fn recipient(&mut self, row: &mut Row<'_, '_>, p: usize) -> Option<Recipient> {
        let person = self.sym(row, p);
        let unit = self.sym(row, p + 1);
        match (person, unit) {
            (Some(p), None) => Some(Recipient::Person(p)),
            (None, Some(u)) => Some(Recipient::Unit(u)),
            (None, None) if row.reported[p] || row.reported[p + 1] => {
                row.fatal = true;
                None
            }
            (both_or_none_p, _) => {
                let key = if both_or_none_p.is_some() {
                    Key::LoadRecipientBoth
                } else {
                    Key::LoadRecipientNone
                };
                let help = Msg::new(Key::LoadRecipientHelp);
                self.error(row, None, RuleId::RecipientConflict, key.into(), Some(help));
                row.fatal = true;
                None
            }
        }
    }

    fn loc(row: &Row<'_, '_>) -> Loc {
        Loc {
            file: row.file,
            line: row.line,
        }
    }

    fn campaign(&mut self, row: &mut Row<'_, '_>) -> bool {
        let id = self.sym(row, 0);
        let name = self.sym(row, 1);
        let kind = self.code::<CampaignKind>(row, 2);
        let start = self.date(row, 3);
        let end = self.date(row, 4);
        let plan = self.sym(row, 5);
        let plan_date = self.date(row, 6);
        if row.fatal {
            return false;
        }
        let (Some(id), Some(name), Some(kind), Some(start)) = (id, name, kind, start) else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.campaigns.push(Campaign {
            id,
            name,
            kind,
            start,
            end,
            plan,
            plan_date,
            loc,
            flawed: row.flawed,
        });
        true
    }

    fn unit(&mut self, row: &mut Row<'_, '_>) -> bool {
        let id = self.sym(row, 0);
        let name = self.sym(row, 1);
        let kind = self.code::<UnitKind>(row, 2);
        let parent = self.sym(row, 3);
        if row.fatal {
            return false;
        }
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.units.push(Unit {
            id,
            name,
            kind,
            parent,
            loc,
            flawed: row.flawed,
        });
        true
    }

    fn person(&mut self, row: &mut Row<'_, '_>) -> bool {
        let id = self.sym(row, 0);
        let name = self.sym(row, 1);
        let unit = self.sym(row, 2);
        let direct_worker = self.boolean(row, 3);
        let gender = self.code::<Gender>(row, 4);
        let position = self.sym(row, 5);
        let hire_date = self.date(row, 6);
        let died = self.date(row, 7);
        let code = self.sym(row, 8);
        if row.fatal {
            return false;
        }
        let (Some(id), Some(name), Some(unit), Some(direct_worker)) =
            (id, name, unit, direct_worker)
        else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.people.push(Person {
            id,
            name,
            unit,
            direct_worker,
            gender,
            position,
            hire_date,
            died,
            code,
            loc,
            flawed: row.flawed,
        });
        true
    }

    fn evaluation(&mut self, row: &mut Row<'_, '_>) -> bool {
        let year = self.year(row, 0);
        let subject = self.recipient(row, 1);
        let rating = self.code::<Rating>(row, 3);
        let discipline = self.code::<Discipline>(row, 4);
        let initiative = self.boolean(row, 5);
        let months_worked = self.number(row, 6, 12).map(|n| n as u8);
        let absent_days = self.number(row, 7, 366).map(|n| n as u16);
        if row.fatal {
            return false;
        }
        let (Some(year), Some(subject), Some(rating)) = (year, subject, rating) else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.evaluations.push(Evaluation {
            year,
            subject,
            rating,
            discipline,
            initiative,
            months_worked,
            absent_days,
            loc,
            flawed: row.flawed,
        });
        true
    }

    fn award(&mut self, row: &mut Row<'_, '_>) -> bool {
        let id = self.sym(row, 0);
        let year = self.year(row, 1);
        let recipient = self.recipient(row, 2);
        let award = self.code::<AwardCode>(row, 4);
        let kind = self.code::<AwardKind>(row, 5);
        let campaign = self.sym(row, 6);
        let decision = self.sym(row, 7);
        let decision_date = self.date(row, 8);
        let issuer = self.code::<Issuer>(row, 9);
        let posthumous = self.boolean(row, 10).unwrap_or(false);
        if row.fatal {
            return false;
        }
        let (
            Some(id),
            Some(year),
            Some(recipient),
            Some(award),
            Some(kind),
            Some(decision),
            Some(decision_date),
            Some(issuer),
        ) = (
            id,
            year,
            recipient,
            award,
            kind,
            decision,
            decision_date,
            issuer,
        )
        else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.awards.push(Award {
            id,
            year,
            recipient,
            award,
            kind,
            campaign,
            decision,
            decision_date,
            issuer,
            posthumous,
            loc,
            flawed: row.flawed,
        });
        true
    }

    fn proposal(&mut self, row: &mut Row<'_, '_>) -> bool {
        let id = self.sym(row, 0);
        let year = self.year(row, 1);
        let recipient = self.recipient(row, 2);
        let award = self.code::<AwardCode>(row, 4);
        let proposed_by = self.sym(row, 5);
        let status = self.code::<ProposalStatus>(row, 6);
        let date = self.date(row, 7);
        let award_id = self.sym(row, 8);
        if row.fatal {
            return false;
        }
        let (Some(id), Some(year), Some(recipient), Some(award), Some(status)) =
            (id, year, recipient, award, status)
        else {
            return false;
        };
        let loc = Self::loc(row);
        self.ds.proposals.push(Proposal {
            id,
            year,
            recipient,
            award,
            proposed_by,
            status,
            date,
            award_id,
            loc,
            flawed: row.flawed,
        });
        true
    }
}

/// [`text::clean`] with a fast path for ASCII text (ids, codes, dates:
/// most cells), which is already NFC and needs only its blanks trimmed.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        std::borrow::Cow::Borrowed(text::trim(s))
    } else {
        text::clean(s)
    }
}

/// The `unknown-column` warning for a CSV column or TOML key (`message_key`
/// says which) that `kind` does not define, with the nearest field name.
pub fn unknown_field(
    kind: RecordType,
    message_key: Key,
    name: &str,
    file: &str,
    line: u32,
) -> Diagnostic {
    let near = text::nearest(name, fields(kind).iter().map(|(n, _)| *n));
    let msg = msg!(message_key, column = name.to_string(), kind = kind.plural());
    let d = Diagnostic::new(RuleId::UnknownColumn, msg).at(file, Some(line));
    match near {
        Some(n) => d.help(msg!(Key::LoadDidYouMean, value = n)),
        None => d,
    }
}

/// The format's boolean spellings: `true`/`false`, `yes`/`no`, `1`/`0`,
/// `có`/`không`, `x`.
pub fn parse_bool(s: &str) -> Option<bool> {
    // The spellings files mostly hold, without folding.
    match s {
        "true" | "TRUE" | "True" | "x" | "X" | "1" => return Some(true),
        "false" | "FALSE" | "False" | "0" => return Some(false),
        _ => {}
    }
    match text::fold(s).as_str() {
        "true" | "yes" | "1" | "có" | "co" | "x" | "đúng" => Some(true),
        "false" | "no" | "0" | "không" | "khong" | "sai" => Some(false),
        _ => None,
    }
}

/// A date as Vietnamese-locale Excel writes it: `d/m/yyyy` or `dd/mm/yyyy`,
/// day first (Vietnam never writes the month first).
pub fn dmy_date(s: &str) -> Option<Date> {
    let mut parts = s.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1, 2) || !digits(m, 1, 2) || !digits(y, 4, 4) {
        return None;
    }
    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date typed the Vietnamese way (`26/4/2018`), for suggesting the ISO form.
pub fn loose_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split(['/', '.', '-']).map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        Date::from_ymd(n[0] as i32, n[1], n[2])
    } else if parts[2].len() == 4 {
        Date::from_ymd(n[2] as i32, n[1], n[0])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_clean_agrees_with_text_clean() {
        let cases = [
            "",
            " ",
            "P-001",
            "  P-001\t",
            "\u{b}X1\u{c}\r\n",
            "a b",
            "\u{1f}x\u{7f}",
            " Nguyễn Văn An ",
            "Nguye\u{302}\u{303}n",
            "\u{a0}x\u{a0}",
        ];
        for s in cases {
            assert_eq!(clean(s), text::clean(s), "{s:?}");
        }
    }
}
