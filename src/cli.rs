//! The command line, as clap derive types and nothing else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::import::encoding::{self, TextEncoding};

/// thidua — hồ sơ thi đua, khen thưởng: kiểm tra theo luật và báo cáo tổng kết.
///
/// Keeps emulation and commendation records as plain CSV/TOML files, checks
/// them against the law, imports spreadsheets and prints year-end reports.
#[derive(Parser, Debug)]
#[command(name = "thidua", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The data folder [default: ./data]
    #[arg(long, global = true, env = "THIDUA_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Language of messages and labels
    #[arg(
        long,
        global = true,
        env = "THIDUA_LANG",
        value_enum,
        value_name = "LANG"
    )]
    pub lang: Option<Lang>,

    /// When to colour output (NO_COLOR turns `auto` off)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only findings and errors: no progress, notes or summaries on stderr
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say more about what is done: the folder read, how long it took
    #[arg(long, short, global = true)]
    pub verbose: bool,

    /// Parse every file, neither reading nor writing the snapshot cache
    #[arg(long, global = true)]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the data folder: format, references and the law's rules
    Check(CheckArgs),
    /// Year-end tallies and tables for YEAR (or a range, 2016..2020)
    Report(ReportArgs),
    /// Import a spreadsheet or CSV list into the data folder
    Import(ImportArgs),
    /// List every rule with its default severity
    Rules(RulesArgs),
    /// Explain one rule: what it checks, why, the law, an example, the fix
    Explain(ExplainArgs),
    /// Create a minimal, valid, commented data folder
    Init(InitArgs),
    /// Draft a document the office signs, as .docx (decision, submission)
    Draft(DraftArgs),
    /// Who meets the standard for which title or form in YEAR, by the law's rules
    Eligible(EligibleArgs),
    /// Everything one person or unit received, year by year, with the chains
    History(HistoryArgs),
    /// Find people and units by name or id (case, accents and spacing ignored)
    Find(FindArgs),
    /// Rewrite the data files in canonical form (UTF-8, commas, LF, ISO dates, codes)
    Fmt(FmtArgs),
    /// Add one record, checked with the folder before it is written
    Add(AddArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -`
    Man,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Html,
    Docx,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The year (2018) or an inclusive range of years (2016..2020)
    #[arg(value_name = "YEAR", value_parser = YearSpan::parse)]
    pub years: YearSpan,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write to this file (or folder, for all CSV tables) instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// For csv: the one table to print (default: all, into the --output folder)
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
    /// Refuse to report when records have structural errors
    #[arg(long)]
    pub strict: bool,
    /// For html: leave the charts out
    #[arg(long)]
    pub no_charts: bool,
    /// For csv: the column separator (`;` for Vietnamese-locale Excel)
    #[arg(long, value_name = "CHAR", default_value_t = ',')]
    pub delimiter: char,
    /// For csv: for people opening it in Excel — a UTF-8 BOM, CRLF, STT and total rows
    #[arg(long)]
    pub excel: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportType {
    Awards,
    People,
    Units,
    Evaluations,
    Proposals,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The file: .xlsx, .xls, .ods, .csv or .tsv
    pub file: PathBuf,
    /// What the rows are
    #[arg(long = "type", value_enum, default_value_t = ImportType::Awards)]
    pub kind: ImportType,
    /// The sheet to read (default: the first with data)
    #[arg(long)]
    pub sheet: Option<String>,
    /// Text encoding of a CSV file: utf-8, utf-16, windows-1258, tcvn3, vni (default: detected)
    #[arg(long, value_parser = encoding)]
    pub encoding: Option<TextEncoding>,
    /// Fill a field the sheet lacks, e.g. --set decision=123/QĐ-UBND
    #[arg(long = "set", value_name = "FIELD=VALUE", value_parser = FieldValue::parse)]
    pub set: Vec<FieldValue>,
    /// A TOML file mapping the sheet's headers to the format's fields
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// Create people not found in the folder
    #[arg(long)]
    pub create_people: bool,
    /// Write the valid rows and list the invalid ones
    #[arg(long)]
    pub skip_invalid: bool,
    /// Read a spreadsheet past the safety bounds (200,000 rows, 200 columns,
    /// 256 MiB inflated, compression ratio 200)
    #[arg(long)]
    pub allow_large_sheet: bool,
    /// Show what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Output format of the summary
    #[arg(long, value_enum, default_value_t = ImportFormat::Human)]
    pub format: ImportFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A rule id (or its beginning: cstdcs) or an award code (LDTT)
    #[arg(value_name = "RULE|CODE")]
    pub rule: String,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (must not exist or be empty)
    pub dir: PathBuf,
}

/// The years a report covers: one year (`2018`) or an inclusive range
/// (`2016..2020`, `2016..=2020`), which adds a trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSpan {
    pub years: Vec<u16>,
    /// A range was given: the report shows the trend over it.
    pub trend: bool,
}

impl YearSpan {
    /// clap's value parser; the message is in the language of the help.
    pub fn parse(s: &str) -> Result<YearSpan, String> {
        crate::report::parse_years(s)
            .map(|(years, trend)| YearSpan { years, trend })
            .ok_or_else(|| crate::help::parser_lang().t("arg.years").to_string())
    }
}

/// `--encoding`, by any of its usual names.
fn encoding(s: &str) -> Result<TextEncoding, String> {
    TextEncoding::parse(s).ok_or_else(|| {
        crate::tr!(
            crate::help::parser_lang(),
            "arg.encoding",
            names = encoding::NAMES
        )
    })
}

/// `--set FIELD=VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldValue {
    pub field: String,
    pub value: String,
}

impl FieldValue {
    /// clap's value parser: text before the first `=` is the field.
    pub fn parse(s: &str) -> Result<FieldValue, String> {
        let (field, value) = s
            .split_once('=')
            .filter(|(f, _)| !f.trim().is_empty())
            .ok_or_else(|| crate::help::parser_lang().t("arg.set").to_string())?;
        Ok(FieldValue {
            field: field.trim().to_string(),
            value: value.trim().to_string(),
        })
    }
}

#[derive(Args, Debug)]
pub struct DraftArgs {
    #[command(subcommand)]
    pub document: DraftDocument,
}

#[derive(Subcommand, Debug)]
pub enum DraftDocument {
    /// The decision (quyết định) NUMBER with its annex list
    Decision {
        /// The decision number, as in the awards' `decision` column (170/QĐ-UBND)
        number: String,
        /// Only the awards of that number dated this day (YYYY-MM-DD), when
        /// several decisions share a number (communes' "05/QĐ-UBND")
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Write to this .docx file [default: stdout when piped, else quyet-dinh-NUMBER.docx]
        #[arg(long, short, value_name = "FILE.docx")]
        output: Option<PathBuf>,
    },
    /// The submission (tờ trình) of the pending proposals of YEAR, with its list
    Proposal {
        /// The year of the proposals
        year: String,
        /// Only the proposals of this award code (BKT)
        #[arg(long, value_name = "CODE")]
        award: Option<String>,
        /// Write to this .docx file [default: stdout when piped, else to-trinh-YEAR.docx]
        #[arg(long, short, value_name = "FILE.docx")]
        output: Option<PathBuf>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum EligibleFormat {
    Table,
    Json,
    Csv,
    Xlsx,
}

#[derive(Args, Debug)]
pub struct EligibleArgs {
    /// The year judged (năm xét)
    #[arg(value_name = "YEAR")]
    pub year: String,
    /// Only this award code (repeatable; default: the yearly titles and forms)
    #[arg(long, value_name = "CODE")]
    pub award: Vec<String>,
    /// Only this person (id)
    #[arg(long, value_name = "ID", conflicts_with = "unit")]
    pub person: Option<String>,
    /// Only this unit (id)
    #[arg(long, value_name = "ID")]
    pub unit: Option<String>,
    /// The day the candidates are judged as proposed [default: 31 Dec of YEAR]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// List the candidates that are not eligible too, with the findings in the way
    #[arg(long)]
    pub all: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = EligibleFormat::Table)]
    pub format: EligibleFormat,
    /// Write to this file instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the eligible candidates as pending proposals to a new file
    /// proposals/du-dieu-kien-YEAR.csv
    #[arg(long)]
    pub write_proposals: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LookupFormat {
    Table,
    Json,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// A person's or unit's id, a person's code, or a name
    #[arg(value_name = "ID|NAME")]
    pub subject: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = LookupFormat::Table)]
    pub format: LookupFormat,
}

#[derive(Args, Debug)]
pub struct FindArgs {
    /// Part of a name or an id
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = LookupFormat::Table)]
    pub format: LookupFormat,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Write nothing; exit 1 if a file is not in canonical form
    #[arg(long)]
    pub check: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum AddType {
    Award,
    Person,
    Unit,
    Evaluation,
    Proposal,
    Campaign,
}

impl AddType {
    pub fn record_type(self) -> crate::model::RecordType {
        use crate::model::RecordType;
        match self {
            AddType::Award => RecordType::Award,
            AddType::Person => RecordType::Person,
            AddType::Unit => RecordType::Unit,
            AddType::Evaluation => RecordType::Evaluation,
            AddType::Proposal => RecordType::Proposal,
            AddType::Campaign => RecordType::Campaign,
        }
    }
}

#[derive(Args, Debug)]
pub struct AddArgs {
    /// What the record is
    #[arg(value_enum)]
    pub kind: AddType,
    /// The record's values, e.g. person=P0001 award=GK year=2019
    #[arg(value_name = "FIELD=VALUE", required = true, value_parser = FieldValue::parse)]
    pub fields: Vec<FieldValue>,
    /// The file to append to, in the data folder (default: TYPE/<year>.csv or TYPE.csv)
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Show the record and its findings, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Add it despite errors of the law's rules (never despite structural errors)
    #[arg(long)]
    pub force: bool,
}
