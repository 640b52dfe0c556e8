//! What thidua reads from its process environment besides the variables
//! clap reads for the arguments: the day the folder is checked as of, the
//! table width and borders, where the snapshot cache is kept. Read
//! once, at the top of [`crate::run`], and passed down; tests give their own.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::model::Date;
use crate::{Error, Result};

/// The environment a run is given.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `THIDUA_TODAY` (YYYY-MM-DD): check a folder "as of" a day, and make
    /// tests reproducible. Absent: the system clock.
    pub today: Option<OsString>,
    /// `COLUMNS`: the width terminal tables must fit, also when piped (a
    /// test, a script that knows its page).
    pub columns: Option<usize>,
    /// `THIDUA_ASCII=1` or `TERM=dumb`: tables with ASCII borders, for a
    /// console that cannot draw box characters.
    pub ascii: bool,
    /// Where the snapshot cache is kept (`crate::cache`): `THIDUA_CACHE_DIR`,
    /// else the user's cache directory; `None` (the default, so that tests
    /// in one process never write one) when `THIDUA_NO_CACHE` is set to
    /// anything but `0`, or no directory is known.
    pub cache_dir: Option<PathBuf>,
}

impl Env {
    /// The environment of this process.
    pub fn from_process() -> Env {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Env {
            today: std::env::var_os("THIDUA_TODAY").filter(|v| !v.is_empty()),
            columns: var("COLUMNS").and_then(|v| v.trim().parse().ok()),
            ascii: var("THIDUA_ASCII").is_some_and(|v| v.trim() != "0")
                || var("TERM").is_some_and(|v| v == "dumb"),
            cache_dir: if var("THIDUA_NO_CACHE").is_some_and(|v| v.trim() != "0") {
                None
            } else {
                var("THIDUA_CACHE_DIR")
                    .map(PathBuf::from)
                    .or_else(|| crate::cache::user_dir(|name| std::env::var(name).ok()))
            },
        }
    }

    /// An environment with `THIDUA_TODAY` set to `day`.
    pub fn today(day: &str) -> Env {
        Env {
            today: Some(day.into()),
            ..Env::default()
        }
    }

    /// Today's date: `THIDUA_TODAY` when set, else the system clock. A value
    /// that is not a date is an error rather than silently ignored.
    pub fn resolve_today(&self) -> Result<Date> {
        let Some(raw) = &self.today else {
            return Ok(clock_today());
        };
        raw.to_str()
            .and_then(|s| Date::parse_iso(s.trim()))
            .ok_or_else(|| Error::BadToday {
                value: raw.to_string_lossy().into_owned(),
            })
    }
}

/// Today by the system clock (UTC).
pub fn clock_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_days((secs / 86_400) as i32)
}
