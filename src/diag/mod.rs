//! The one diagnostic model: a problem found in the user's files is a
//! [`Diagnostic`] value, collected in a [`Diagnostics`] sink with its location,
//! never an early return. Which rules exist, and how severe they are by
//! default, is the registry's business (`crate::rules::registry`).
//!
//! How to make a finding:
//! `Diagnostic::new(RuleId::X, msg!(Key::Y, name = value)).at(file, line)`.
//! The message is a [`crate::i18n::Msg`]: a key generated from the catalogue
//! (`e("area.name", …)` → `Key::AreaName`) with typed arguments (`u16` year,
//! `Date`, `i64`/`usize` counts, `&'static str`, `String` quoted from a file,
//! `Arg::name(code)` for a code's name in the output's language, another
//! `Msg`, a list); it is rendered only by the emitters and the report
//! (`d.message.render(lang)`). No rendered text converts into a `Msg`: the
//! rules and the loader have no language to render in. `help` and a related
//! note are `Msg`s too (`Msg::new(Key::X)` for a catalogue text without
//! arguments); `cite` is the law's table text, the same in both languages,
//! borrowed as a `Cow<'static, str>`. A finding about one value of a record
//! names its field in `origin` ([`Origin`]: the loader sets it), which is how
//! `import` puts it in the spreadsheet cell the value came from.
//!
//! The law's findings are the exception while they are many: `check` keeps
//! them as `crate::rules::findings::LawFindings` (a claim, a rule and what
//! was found, shared) and makes each a `Diagnostic` only as it is written.

mod rule_id;

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::model::text::defanged;

pub use rule_id::RuleId;

/// How serious an emitted diagnostic is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's configured level: a severity, or off.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Level {
    Off,
    Warning,
    Error,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_ascii_lowercase().as_str() {
            "off" | "allow" | "none" => Some(Level::Off),
            "warning" | "warn" => Some(Level::Warning),
            "error" | "deny" => Some(Level::Error),
            _ => None,
        }
    }

    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family a rule belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Family {
    /// The data format itself (§7 of the data format).
    Structural,
    /// The law on emulation and commendation.
    Law,
    /// The settings file.
    Settings,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structural => "structural",
            Family::Law => "law",
            Family::Settings => "settings",
        }
    }
}

/// Text in both languages, for registry entries.
#[derive(Clone, Copy, Debug)]
pub struct Bilingual {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    pub fn get(self, lang: crate::i18n::Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

/// A registry entry: everything the tool knows about one rule.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable kebab-case id, never reused.
    pub id: RuleId,
    pub family: Family,
    /// The level where the rule applies and nothing more specific is said
    /// (law rules refine it per regime window in `crate::rules`).
    pub default: Level,
    /// The legal basis; empty for structural rules.
    pub citation: &'static str,
    /// One line: what it checks.
    pub summary: Bilingual,
    /// What it checks, why, an example and the fix (for `thidua explain`).
    pub explanation: Bilingual,
}

/// Another place that matters to a diagnostic (the first of two duplicates).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub file: String,
    pub line: u32,
    pub note: crate::i18n::Msg,
}

/// Which value of a record a finding is about, as the loader read it: the
/// field (its position in the record type's columns,
/// `crate::load::schema::fields`) whose value is at fault. It is what
/// `import` maps back to the spreadsheet cell the value came from; a finding
/// about a whole record has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub kind: crate::model::RecordType,
    pub field: u8,
}

impl Origin {
    /// Field number `field` of `kind` (fewer than `MAX_FIELDS`, so it fits).
    pub fn field(kind: crate::model::RecordType, field: usize) -> Origin {
        Origin {
            kind,
            field: field as u8,
        }
    }

    /// The field's position in its record type's columns.
    pub fn index(self) -> usize {
        usize::from(self.field)
    }
}

/// One problem found in the user's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// Path relative to the data folder (or the imported file's name),
    /// shared with the file's other findings.
    pub file: Option<Arc<str>>,
    /// Physical line, 1-based (the sheet's row, for the rows `import`
    /// checks); `None` for a whole-file problem.
    pub line: Option<u32>,
    /// A spreadsheet cell (`Sheet1!C12`), for imports.
    pub cell: Option<Box<str>>,
    /// The value of the record at fault, when the finding is about one.
    pub origin: Option<Origin>,
    /// The id of the record concerned.
    pub record: Option<Box<str>>,
    /// What was found: a catalogue key with typed arguments, rendered in a
    /// language only by the emitters.
    pub message: crate::i18n::Msg,
    /// How to fix it, as data like the message.
    pub help: Option<crate::i18n::Msg>,
    /// The legal basis (empty for structural rules), borrowed likewise.
    pub citation: &'static str,
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A finding of `rule` at the level the registry gives it. A law rule's
    /// level depends on the record's window: the law's judge sets it with
    /// [`Diagnostic::window_severity`].
    pub fn new(rule: RuleId, message: impl Into<crate::i18n::Msg>) -> Self {
        let severity = rule
            .format_level()
            .and_then(Level::severity)
            .unwrap_or(Severity::Error);
        Diagnostic {
            rule,
            severity,
            file: None,
            line: None,
            cell: None,
            origin: None,
            record: None,
            message: message.into(),
            help: None,
            citation: "",
            related: Vec::new(),
        }
    }

    /// The severity the law's table gives a law rule in the record's window.
    pub(crate) fn window_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn at(mut self, file: impl Into<Arc<str>>, line: Option<u32>) -> Self {
        self.file = Some(file.into());
        self.line = line;
        self
    }

    pub fn origin(mut self, origin: Origin) -> Self {
        self.origin = Some(origin);
        self
    }

    pub fn record(mut self, id: impl Into<String>) -> Self {
        self.record = Some(id.into().into_boxed_str());
        self
    }

    pub fn help(mut self, help: impl Into<crate::i18n::Msg>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn cite(mut self, citation: &'static str) -> Self {
        self.citation = citation;
        self
    }

    pub fn related(
        mut self,
        file: impl Into<String>,
        line: u32,
        note: impl Into<crate::i18n::Msg>,
    ) -> Self {
        self.related.push(Related {
            file: file.into(),
            line,
            note: note.into(),
        });
        self
    }

    /// An `invalid-setting` finding at `line` of `thidua.toml` (made by the
    /// settings reader and by the rules' configuration alike).
    pub fn invalid_setting(line: Option<u32>, message: crate::i18n::Msg) -> Self {
        Diagnostic::new(RuleId::InvalidSetting, message)
            .at(crate::model::settings::FILE, line)
            .help(crate::i18n::Key::SettingsHelp)
    }

    pub fn cell(mut self, cell: impl Into<String>) -> Self {
        self.cell = Some(cell.into().into_boxed_str());
        self
    }
}

/// Collects diagnostics, applying the user's per-rule levels from
/// `thidua.toml` `[rules]`.
#[derive(Debug, Default)]
pub struct Diagnostics {
    overrides: HashMap<RuleId, Level>,
    items: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    /// A sink whose levels for the named rules replace the rules' defaults.
    pub fn with_overrides(overrides: HashMap<RuleId, Level>) -> Self {
        Diagnostics {
            overrides,
            ..Self::default()
        }
    }

    /// The levels the user set, by rule.
    pub fn overrides(&self) -> &HashMap<RuleId, Level> {
        &self.overrides
    }

    /// The level configured for `rule`, if the user set one.
    pub fn configured(&self, rule: RuleId) -> Option<Level> {
        self.overrides.get(&rule).copied()
    }

    /// Records `d`, with its severity replaced by the configured level, or
    /// drops it when that level is `off`. Returns the severity it was kept at.
    pub fn push(&mut self, mut d: Diagnostic) -> Option<Severity> {
        if let Some(level) = self.overrides.get(&d.rule) {
            d.severity = level.severity()?;
        }
        // Text quoted from a file never reaches a terminal raw.
        defang(&mut d);
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        let sev = d.severity;
        self.items.push(d);
        Some(sev)
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        for d in ds {
            self.push(d);
        }
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    pub fn warnings(&self) -> usize {
        self.warnings
    }

    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts the causes first: findings that a file or row cannot be read, a
    /// column is missing or a file is not canonical; then the other findings
    /// about whole files (no line); then the rest by file, line and rule,
    /// keeping the order of equal ones, so that output is stable whatever
    /// order the checks ran in.
    pub fn sort(&mut self) {
        fn key(d: &Diagnostic) -> (u8, Option<&str>, Option<u32>, &'static str) {
            let tier = match d.rule {
                RuleId::ParseError | RuleId::MissingColumn | RuleId::NonCanonicalFile => 0,
                _ if d.line.is_none() => 1,
                _ => 2,
            };
            (tier, d.file.as_deref(), d.line, d.rule.as_str())
        }
        let items = &self.items;
        // The positions are sorted, not the findings: a stable sort needs
        // scratch room for half of what it sorts, and a finding is large.
        let mut order: Vec<u32> = (0..items.len() as u32).collect();
        order.sort_by(|&a, &b| key(&items[a as usize]).cmp(&key(&items[b as usize])));
        permute(&mut self.items, order);
    }

    pub fn into_items(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// Reorders `items` in place so that item `i` is the one that was at
/// `order[i]` (`order` a permutation of the positions), following each
/// cycle of the permutation with swaps.
pub(crate) fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Escapes the control characters of a finding's texts (line breaks of its
/// message and help excepted: the catalogue's own), so that what a file holds
/// cannot drive the terminal it is printed on. The file's path is left as it
/// is: it names the file, and `import` marks its own rows by it.
pub fn defang(d: &mut Diagnostic) {
    defang_msg(&mut d.message);
    if let Some(h) = d.help.as_mut() {
        defang_msg(h);
    }
    if let Some(r) = d.record.as_deref().and_then(|r| defanged(r, false)) {
        d.record = Some(r.into());
    }
}

/// Escapes the control characters of the texts quoted in a message, as
/// [`defang`] does for a finding's.
pub fn defang_msg(m: &mut crate::i18n::Msg) {
    m.each_str(&mut |s| defanged(s, true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_stays_small() {
        // A folder may have a million; what varies is shared or boxed.
        assert_eq!(std::mem::size_of::<crate::i18n::Msg>(), 24);
        let size = std::mem::size_of::<Diagnostic>();
        assert!(size <= 160, "a finding is {size} bytes");
    }

    #[test]
    fn defang_escapes_a_subject_and_a_shared_message_without_touching_the_shared_copy() {
        use crate::i18n::{Arg, Key, Lang};
        let reason = Arc::new(crate::msg!(
            Key::TestText,
            text = Arg::str("a\u{1b}]0;x\u{7}b")
        ));
        let message = crate::msg!(
            Key::LawMessage,
            subject = Arg::subject(
                Key::LawSubjectAward,
                crate::model::AwardCode::Ldtt,
                "X\u{1b}[2J",
                2018
            ),
            finding = Arg::Shared(Arc::clone(&reason))
        );
        let mut d = Diagnostic::new(RuleId::LdttRating, message).record("R\u{7}1");
        defang(&mut d);
        let text = d.message.render(Lang::En);
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(
            text.contains("X\\u{1b}[2J") && text.contains("a\\u{1b}]0;x\\u{7}b"),
            "{text}"
        );
        assert_eq!(d.record.as_deref(), Some("R\\u{7}1"));
        // The finding escaped its own copy; the one other findings share is
        // as it was.
        assert!(reason.render(Lang::En).contains('\u{1b}'));
        // Nothing to escape: the shared message is not copied.
        let clean = Arc::new(crate::msg!(Key::TestText, text = Arg::str("ab")));
        let mut d = Diagnostic::new(
            RuleId::LdttRating,
            crate::msg!(Key::TestText, text = Arg::Shared(Arc::clone(&clean))),
        );
        defang(&mut d);
        assert_eq!(Arc::strong_count(&clean), 2);
    }

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (0 → 2 → 4, 1 → 5) and a fixed point (3).
        permute(&mut items, vec![2, 5, 4, 3, 0, 1]);
        assert_eq!(items, ['c', 'f', 'e', 'd', 'a', 'b']);
    }

    #[test]
    fn sorting_keeps_the_order_of_equal_findings() {
        let mut sink = Diagnostics::new();
        for (file, line, text) in [
            ("b.csv", 2, "1"),
            ("a.csv", 2, "2"),
            ("b.csv", 2, "3"),
            ("a.csv", 1, "4"),
        ] {
            sink.push(Diagnostic::new(RuleId::InvalidValue, text).at(file, Some(line)));
        }
        sink.sort();
        let texts: Vec<String> = sink
            .items()
            .iter()
            .map(|d| d.message.render(crate::i18n::Lang::En))
            .collect();
        assert_eq!(texts, ["4", "2", "1", "3"]);
    }

    #[test]
    fn overrides_change_or_drop_severity() {
        let mut sink = Diagnostics::with_overrides(HashMap::from([
            (RuleId::DuplicateId, Level::Off),
            (RuleId::UnknownColumn, Level::Error),
        ]));
        assert_eq!(sink.push(Diagnostic::new(RuleId::DuplicateId, "x")), None);
        assert_eq!(
            sink.push(Diagnostic::new(RuleId::UnknownColumn, "y")),
            Some(Severity::Error)
        );
        assert_eq!(
            sink.push(Diagnostic::new(RuleId::UnknownFile, "z")),
            Some(Severity::Warning)
        );
        assert_eq!(
            (sink.errors(), sink.warnings(), sink.items().len()),
            (1, 1, 2)
        );
    }
}
