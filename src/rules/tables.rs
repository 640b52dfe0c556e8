//! The law's tables, read from the files under `law/` (embedded in the binary
//! with `include_str!`) once, into typed statics: the instruments and the
//! regime windows, each law rule's levels and citations per window, the
//! thresholds and the authority matrix. The files are ours, not the user's:
//! a mistake in them fails the tests (`law_files_parse`), and at run time
//! leaves the law's tables empty with the reason kept, never a panic.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diag::{Bilingual, Family, Level, RuleId, RuleInfo};
use crate::model::{AwardCode, Code, Date, Issuer};

use super::ids::{PerWindow, ThresholdId, Variant, WindowId};
use super::windows::{Era, Window};
use super::{Applies, LawRule, Threshold};

const WINDOWS_TOML: &str = include_str!("../../law/windows.toml");
const RULES_TOML: &str = include_str!("../../law/rules.toml");
const THRESHOLDS_TOML: &str = include_str!("../../law/thresholds.toml");
const AUTHORITY_TOML: &str = include_str!("../../law/authority.toml");

/// A legal instrument, written once in `law/windows.toml`.
#[derive(Debug)]
pub struct Instrument {
    pub key: &'static str,
    /// As citations print it (`NĐ 91/2017/NĐ-CP`); `None` for instruments
    /// only cited as a basis of decisions.
    pub short: Option<&'static str>,
    /// The formal title a decision cites ("Căn cứ …").
    pub title: &'static str,
    /// The days it is in force, where known.
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// One part of a citation: instruments, then where in them.
#[derive(Debug, Clone, PartialEq)]
pub struct CitePart {
    /// The instruments' short names; empty for a note on its own.
    pub instruments: Vec<&'static str>,
    pub chapter: Option<String>,
    /// One or more articles (`24`, `19–28`), each printed "Điều …".
    pub articles: Vec<String>,
    pub clause: Option<u32>,
    pub point: Option<String>,
    pub note: Option<String>,
}

impl CitePart {
    /// "Luật TĐKT 2022, Điều 74 khoản 1 điểm d (note)".
    pub fn render(&self) -> String {
        if self.instruments.is_empty() {
            return self.note.clone().unwrap_or_default();
        }
        let mut s = self.instruments.join(", ");
        if let Some(c) = &self.chapter {
            s.push_str(", Chương ");
            s.push_str(c);
        }
        for a in &self.articles {
            s.push_str(", Điều ");
            s.push_str(a);
        }
        if let Some(k) = self.clause {
            s.push_str(&format!(" khoản {k}"));
        }
        if let Some(p) = &self.point {
            s.push_str(" điểm ");
            s.push_str(p);
        }
        if let Some(n) = &self.note {
            s.push_str(&format!(" ({n})"));
        }
        s
    }
}

/// A row of the authority matrix.
#[derive(Debug)]
pub struct Grant {
    pub codes: Vec<AwardCode>,
    /// Issuers allowed up to the day before two-tier local government.
    pub before: Vec<Issuer>,
    /// Issuers allowed from that day.
    pub after: Vec<Issuer>,
}

/// Everything the law files say, typed.
#[derive(Debug)]
pub struct Law {
    pub instruments: Vec<Instrument>,
    pub windows: PerWindow<Window>,
    /// The law rules, in `RuleId::ALL` order.
    pub rules: Vec<LawRule>,
    /// The place in `rules` of each `RuleId` (as `usize`), for lookups in
    /// the hot loop of the law's judge.
    by_id: Vec<Option<usize>>,
    /// In `ThresholdId::ALL` order.
    pub thresholds: Vec<Threshold>,
    pub two_tier_from: Option<Date>,
    pub matrix: Vec<Grant>,
    /// Why the files could not be read (a test keeps this `None`).
    pub error: Option<String>,
}

/// The law's tables, parsed on first use.
pub fn law() -> &'static Law {
    static LAW: OnceLock<Law> = OnceLock::new();
    LAW.get_or_init(|| {
        parse(WINDOWS_TOML, RULES_TOML, THRESHOLDS_TOML, AUTHORITY_TOML).unwrap_or_else(Law::empty)
    })
}

impl Law {
    /// The law rule `id`, if it is one.
    pub fn rule(&self, id: RuleId) -> Option<&LawRule> {
        let i = (*self.by_id.get(id as usize)?)?;
        self.rules.get(i)
    }

    fn empty(error: String) -> Law {
        Law {
            instruments: Vec::new(),
            windows: PerWindow(Vec::new()),
            rules: Vec::new(),
            by_id: Vec::new(),
            thresholds: Vec::new(),
            two_tier_from: None,
            matrix: Vec::new(),
            error: Some(error),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bi {
    vi: String,
    en: String,
}

impl Bi {
    fn leak(self) -> Bilingual {
        Bilingual {
            vi: self.vi.leak(),
            en: self.en.leak(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowsFile {
    instrument: BTreeMap<String, InstrumentRaw>,
    window: Vec<WindowRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentRaw {
    short: Option<String>,
    title: String,
    from: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowRaw {
    id: String,
    from: Option<String>,
    era: String,
    instruments: Bi,
    bases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleRaw {
    default: String,
    summary: Bi,
    explanation: Bi,
    windows: BTreeMap<String, SlotRaw>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SlotRaw {
    /// "n/a": the rule does not apply in the window.
    NotApplicable(String),
    Applies(AppliesRaw),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppliesRaw {
    level: String,
    since: Option<String>,
    #[serde(default)]
    variants: BTreeMap<String, String>,
    cite: Vec<PartRaw>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartRaw {
    #[serde(rename = "in")]
    instrument: Option<OneOrMany>,
    chapter: Option<String>,
    article: Option<String>,
    clause: Option<u32>,
    point: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Num {
    Int(i64),
    Float(f64),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdRaw {
    default: Num,
    windows: Vec<String>,
    summary: Bi,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorityFile {
    #[serde(rename = "two-tier-from")]
    two_tier_from: String,
    grant: Vec<GrantRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrantRaw {
    codes: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
}

type Parsed<T> = Result<T, String>;

fn date(s: &str, what: &str) -> Parsed<Date> {
    Date::parse_iso(s).ok_or_else(|| format!("{what}: `{s}` is not a YYYY-MM-DD date"))
}

fn level(s: &str, what: &str) -> Parsed<Level> {
    Level::parse(s).ok_or_else(|| format!("{what}: `{s}` is not error, warning or off"))
}

fn window_id(s: &str, what: &str) -> Parsed<WindowId> {
    WindowId::parse(s).ok_or_else(|| format!("{what}: unknown window `{s}`"))
}

/// Reads the four law files into the typed tables, or says what is wrong.
/// The tables' texts are leaked to `'static`: `law()` calls this once for
/// the life of the program (tests call it on edited copies).
pub fn parse(windows: &str, rules: &str, thresholds: &str, authority: &str) -> Parsed<Law> {
    let wf: WindowsFile = toml::from_str(windows).map_err(|e| format!("law/windows.toml: {e}"))?;
    let instruments = parse_instruments(wf.instrument)?;
    let windows = parse_windows(wf.window, &instruments)?;
    let rf: BTreeMap<String, RuleRaw> =
        toml::from_str(rules).map_err(|e| format!("law/rules.toml: {e}"))?;
    let rules = parse_rules(rf, &instruments)?;
    let tf: BTreeMap<String, ThresholdRaw> =
        toml::from_str(thresholds).map_err(|e| format!("law/thresholds.toml: {e}"))?;
    let thresholds = parse_thresholds(tf)?;
    let af: AuthorityFile =
        toml::from_str(authority).map_err(|e| format!("law/authority.toml: {e}"))?;
    let (two_tier_from, matrix) = parse_authority(af)?;
    let mut by_id = vec![None; RuleId::ALL.len()];
    for (i, r) in rules.iter().enumerate() {
        by_id[r.info.id as usize] = Some(i);
    }
    Ok(Law {
        instruments: instruments.into_values().collect(),
        windows,
        rules,
        by_id,
        thresholds,
        two_tier_from: Some(two_tier_from),
        matrix,
        error: None,
    })
}

fn parse_instruments(raw: BTreeMap<String, InstrumentRaw>) -> Parsed<BTreeMap<String, Instrument>> {
    let mut out = BTreeMap::new();
    for (key, r) in raw {
        let what = format!("instrument {key}");
        let i = Instrument {
            key: key.clone().leak(),
            short: r.short.map(|s| &*s.leak()),
            title: r.title.leak(),
            from: r.from.map(|d| date(&d, &what)).transpose()?,
            until: r.until.map(|d| date(&d, &what)).transpose()?,
        };
        out.insert(key, i);
    }
    Ok(out)
}

fn parse_windows(
    raw: Vec<WindowRaw>,
    instruments: &BTreeMap<String, Instrument>,
) -> Parsed<PerWindow<Window>> {
    let ids: Vec<&str> = raw.iter().map(|w| w.id.as_str()).collect();
    let want: Vec<&str> = WindowId::ALL.iter().map(|w| w.as_str()).collect();
    if ids != want {
        return Err(format!(
            "law/windows.toml: windows {ids:?}, WindowId declares {want:?} (same order)"
        ));
    }
    let mut out = Vec::new();
    for (id, w) in WindowId::ALL.iter().copied().zip(raw) {
        let what = format!("window {id}");
        let era = match w.era.as_str() {
            "law2003" => Era::Law2003,
            "law2022" => Era::Law2022,
            e => return Err(format!("{what}: unknown era `{e}`")),
        };
        let mut bases = Vec::new();
        for b in &w.bases {
            let i = instruments
                .get(b)
                .ok_or_else(|| format!("{what}: unknown instrument `{b}` in bases"))?;
            bases.push(Base {
                title: i.title,
                from: i.from,
                until: i.until,
            });
        }
        out.push(Window {
            id,
            from: w.from.map(|d| date(&d, &what)).transpose()?,
            era,
            instruments: w.instruments.leak(),
            bases,
        });
    }
    Ok(PerWindow(out))
}

/// A basis of a decision in a window: an instrument's formal title, with the
/// days it is in force.
#[derive(Debug)]
pub struct Base {
    pub title: &'static str,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

fn parse_rules(
    mut raw: BTreeMap<String, RuleRaw>,
    instruments: &BTreeMap<String, Instrument>,
) -> Parsed<Vec<LawRule>> {
    let mut out = Vec::new();
    for &id in RuleId::ALL.iter().filter(|r| r.family() == Family::Law) {
        let r = raw
            .remove(id.as_str())
            .ok_or_else(|| format!("law/rules.toml: no table for rule `{id}`"))?;
        out.push(parse_rule(id, r, instruments)?);
    }
    if let Some(extra) = raw.keys().next() {
        return Err(format!(
            "law/rules.toml: `{extra}` is not a law rule of RuleId"
        ));
    }
    Ok(out)
}

fn parse_rule(
    id: RuleId,
    mut r: RuleRaw,
    instruments: &BTreeMap<String, Instrument>,
) -> Parsed<LawRule> {
    let mut slots = Vec::new();
    for w in WindowId::ALL {
        let what = format!("rule {id}, window {w}");
        let slot = r
            .windows
            .remove(w.as_str())
            .ok_or_else(|| format!("{what}: no slot (a table, or \"n/a\")"))?;
        slots.push(match slot {
            SlotRaw::NotApplicable(s) if s == "n/a" => None,
            SlotRaw::NotApplicable(s) => return Err(format!("{what}: `{s}` is not \"n/a\"")),
            SlotRaw::Applies(a) => Some(parse_applies(a, &what, instruments)?),
        });
    }
    if let Some(extra) = r.windows.keys().next() {
        return Err(format!("rule {id}: unknown window `{extra}`"));
    }
    let citation = derived_citation(&slots);
    Ok(LawRule {
        info: RuleInfo {
            id,
            family: Family::Law,
            default: level(&r.default, &format!("rule {id}"))?,
            citation,
            summary: r.summary.leak(),
            explanation: r.explanation.leak(),
        },
        windows: PerWindow(slots),
    })
}

fn parse_applies(
    a: AppliesRaw,
    what: &str,
    instruments: &BTreeMap<String, Instrument>,
) -> Parsed<Applies> {
    let mut cite = Vec::new();
    for p in a.cite {
        let keys = match p.instrument {
            None => Vec::new(),
            Some(OneOrMany::One(k)) => vec![k],
            Some(OneOrMany::Many(ks)) => ks,
        };
        let mut shorts = Vec::new();
        for k in keys {
            let short = instruments
                .get(&k)
                .and_then(|i| i.short)
                .ok_or_else(|| format!("{what}: `{k}` is no instrument with a short name"))?;
            shorts.push(short);
        }
        let articles = p
            .article
            .map(|a| a.split(", ").map(str::to_string).collect())
            .unwrap_or_default();
        cite.push(CitePart {
            instruments: shorts,
            chapter: p.chapter,
            articles,
            clause: p.clause,
            point: p.point,
            note: p.note,
        });
    }
    let citation: &'static str = cite
        .iter()
        .map(CitePart::render)
        .collect::<Vec<_>>()
        .join("; ")
        .leak();
    let mut variants = Vec::new();
    for (k, v) in &a.variants {
        let variant = Variant::parse(k).ok_or_else(|| format!("{what}: unknown variant `{k}`"))?;
        variants.push((variant, level(v, what)?));
    }
    Ok(Applies {
        level: level(&a.level, what)?,
        citation,
        since: a.since.map(|d| date(&d, what)).transpose()?,
        cite: cite.leak(),
        variants: variants.leak(),
    })
}

/// The rule's citation across windows: each distinct part once, oldest first.
fn derived_citation(slots: &[Option<Applies>]) -> &'static str {
    let mut parts: Vec<String> = Vec::new();
    for a in slots.iter().flatten() {
        for p in a.cite {
            let r = p.render();
            if !parts.contains(&r) {
                parts.push(r);
            }
        }
    }
    parts.join("; ").leak()
}

fn parse_thresholds(mut raw: BTreeMap<String, ThresholdRaw>) -> Parsed<Vec<Threshold>> {
    let mut out = Vec::new();
    for &id in ThresholdId::ALL {
        let what = format!("threshold {id}");
        let t = raw
            .remove(id.as_str())
            .ok_or_else(|| format!("law/thresholds.toml: no table for `{id}`"))?;
        let windows = t
            .windows
            .iter()
            .map(|w| window_id(w, &what))
            .collect::<Parsed<Vec<_>>>()?;
        out.push(Threshold {
            id,
            name: id.as_str(),
            default: match t.default {
                Num::Int(i) => i as f64,
                Num::Float(f) => f,
            },
            windows,
            summary: t.summary.leak(),
        });
    }
    if let Some(extra) = raw.keys().next() {
        return Err(format!(
            "law/thresholds.toml: `{extra}` is not a ThresholdId"
        ));
    }
    Ok(out)
}

fn parse_authority(a: AuthorityFile) -> Parsed<(Date, Vec<Grant>)> {
    let from = date(&a.two_tier_from, "law/authority.toml two-tier-from")?;
    let mut matrix = Vec::new();
    for g in a.grant {
        let codes = g
            .codes
            .iter()
            .map(|c| {
                AwardCode::parse(c).map_err(|_| format!("law/authority.toml: award code `{c}`"))
            })
            .collect::<Parsed<Vec<_>>>()?;
        let issuers = |v: &[String]| {
            v.iter()
                .map(|c| Issuer::parse(c).map_err(|_| format!("law/authority.toml: issuer `{c}`")))
                .collect::<Parsed<Vec<_>>>()
        };
        matrix.push(Grant {
            codes,
            before: issuers(&g.before)?,
            after: issuers(&g.after)?,
        });
    }
    Ok((from, matrix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn law_files_parse() {
        assert_eq!(law().error, None);
        assert_eq!(
            law().rules.len(),
            RuleId::ALL
                .iter()
                .filter(|r| r.family() == Family::Law)
                .count()
        );
    }

    #[test]
    fn a_broken_file_is_an_error_not_a_panic() {
        let broken = RULES_TOML.replacen("law2003-nd42 = \"n/a\"", "law2003-nd42 = \"na\"", 1);
        let e = parse(WINDOWS_TOML, &broken, THRESHOLDS_TOML, AUTHORITY_TOML).unwrap_err();
        assert!(e.contains("is not \"n/a\""), "{e}");
        let e = parse("[[window]]", RULES_TOML, THRESHOLDS_TOML, AUTHORITY_TOML).unwrap_err();
        assert!(e.contains("law/windows.toml"), "{e}");
        let missing = RULES_TOML.replacen("[ldtt-rating]", "[ldtt-ratings]", 1);
        let e = parse(WINDOWS_TOML, &missing, THRESHOLDS_TOML, AUTHORITY_TOML).unwrap_err();
        assert!(e.contains("ldtt-rating"), "{e}");
    }
}
