//! The content of `thidua.toml` as written: the organisation and the data
//! window, validated, plus the `[rules]` and `[thresholds]` entries kept raw
//! with their lines. The load layer reads the file into this value; the rules
//! layer turns the raw entries into its configuration
//! (`crate::rules::config`), so that neither needs the other.

/// The file name of the settings in a data folder.
pub const FILE: &str = "thidua.toml";

/// Level of the organisation keeping the records.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OrgLevel {
    Xa,
    Huyen,
    Tinh,
    Bo,
}

impl OrgLevel {
    pub fn parse(s: &str) -> Option<OrgLevel> {
        match s.trim() {
            "xa" => Some(OrgLevel::Xa),
            "huyen" => Some(OrgLevel::Huyen),
            "tinh" => Some(OrgLevel::Tinh),
            "bo" => Some(OrgLevel::Bo),
            _ => None,
        }
    }
}

/// `[organisation]`.
#[derive(Clone, Debug, Default)]
pub struct Organisation {
    pub name: Option<String>,
    pub level: Option<OrgLevel>,
    pub province: Option<String>,
    /// `place`: the place name of the date line (địa danh), e.g. "An Biên".
    pub place: Option<String>,
    /// `parent`: the governing body printed above the name (cơ quan chủ quản).
    pub parent: Option<String>,
    /// `signer`: the name in the signature block of drafted documents.
    pub signer: Option<String>,
    /// `signer-title`: the signer's title, e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH".
    pub signer_title: Option<String>,
}

impl Organisation {
    /// The text setting named `key` (one of the string keys of `[organisation]`
    /// other than `name`).
    pub fn text_mut(&mut self, key: &str) -> &mut Option<String> {
        match key {
            "place" => &mut self.place,
            "parent" => &mut self.parent,
            "signer" => &mut self.signer,
            "signer-title" => &mut self.signer_title,
            _ => &mut self.province,
        }
    }
}

/// A TOML value as the settings file wrote it.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Str(String),
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An array, table or date: never a valid rule setting.
    Other,
}

impl RawValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            RawValue::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            RawValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A float, or an integer read as one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            RawValue::Float(f) => Some(*f),
            RawValue::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}

/// One `key = value` of `[rules]` or `[thresholds]`, with its line.
#[derive(Clone, Debug, PartialEq)]
pub struct RawEntry {
    pub key: String,
    pub value: RawValue,
    pub line: Option<u32>,
}

/// `thidua.toml` (defaults when there is none): the valid parts of
/// `[organisation]` and `[data]`, and `[rules]` and `[thresholds]` as written.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub organisation: Organisation,
    /// Awards before this year are not on file (`[data] records-from`).
    pub records_from: Option<u16>,
    /// The most one file of the folder may hold, in MiB (`[data]
    /// max-file-mb`; the loader's default when unset).
    pub max_file_mb: Option<u64>,
    /// `[rules]`, in file order.
    pub rules: Vec<RawEntry>,
    /// `[thresholds]`, in file order.
    pub thresholds: Vec<RawEntry>,
}
