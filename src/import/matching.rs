//! Finds people and units by name. Names compare equal whatever their Unicode
//! form, case, spacing and tone-mark placement (`Hoà` / `Hòa`, `Thuý` /
//! `Thúy`); two people of one name are told apart by their unit.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::i18n::{Arg, Key, Msg};
use crate::model::{text, Dataset};

/// The key under which two spellings of a Vietnamese name are the same:
/// [`text::fold`], with each word's tone mark moved to the end of the word so
/// that old-style (`hoà`) and new-style (`hòa`) placement agree.
pub fn name_key(s: &str) -> String {
    let folded = text::fold(&fold_marks(s));
    let folded = strip_honorific(&folded);
    let mut out = String::with_capacity(folded.len());
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut tone = None;
        let mut base = String::with_capacity(word.len());
        for c in word.nfd() {
            if matches!(c as u32, 0x300 | 0x301 | 0x303 | 0x309 | 0x323) {
                tone = Some(c);
            } else {
                base.push(c);
            }
        }
        out.extend(base.nfc());
        if let Some(t) = tone {
            out.push('#');
            out.push(t);
        }
    }
    out
}

/// Dashes of every kind as `-` without spaces around, quotes dropped, so
/// that "Tài chính - Kế hoạch" typed with a hyphen is "Tài chính – Kế
/// hoạch" with an en dash, and `"Hoa Sen"` is `Hoa Sen`.
fn fold_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('-');
            }
            '"' | '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{ab}'
            | '\u{bb}' => {}
            ' ' if out.ends_with('-') => {}
            c => out.push(c),
        }
    }
    out
}

/// A name without the honorific an office writes before it (Ông, Bà, Đ/c,
/// Đồng chí); `folded` is already [`text::fold`]ed.
pub fn strip_honorific(folded: &str) -> &str {
    const HONORIFICS: &[&str] = &[
        "đồng chí ",
        "đ/c ",
        "đ/c.",
        "đ.c ",
        "ông ",
        "bà ",
        "anh ",
        "chị ",
    ];
    let mut s = folded;
    for h in HONORIFICS {
        if let Some(rest) = s.strip_prefix(h) {
            // A name is at least two words: "Bà Rịa" alone is not "Rịa".
            if rest.trim().contains(' ') {
                s = rest.trim_start();
            }
            break;
        }
    }
    s
}

/// The key of a unit's name: [`name_key`] without a leading "UBND" / "Ủy ban
/// nhân dân", so that "UBND xã Nam Thái" is the unit "Xã Nam Thái".
fn unit_key(s: &str) -> String {
    let key = name_key(s);
    for prefix in ["ubnd ", "uỷ ban nhân dân ", "ủy ban nhân dân "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    key
}

/// What looking a name up found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<T> {
    One(T),
    None,
    /// Several candidates: their indexes.
    Many(Vec<T>),
}

/// The folder's people and units, indexed by name.
pub struct Directory {
    units_by_id: HashMap<String, usize>,
    units_by_id_folded: HashMap<String, Vec<usize>>,
    units_by_name: HashMap<String, Vec<usize>>,
    people_by_id: HashMap<String, usize>,
    people_by_name: HashMap<String, Vec<usize>>,
}

impl Directory {
    pub fn new(ds: &Dataset) -> Self {
        let mut d = Directory {
            units_by_id: HashMap::new(),
            units_by_id_folded: HashMap::new(),
            units_by_name: HashMap::new(),
            people_by_id: HashMap::new(),
            people_by_name: HashMap::new(),
        };
        for (i, u) in ds.units.iter().enumerate() {
            d.units_by_id.entry(ds.str(u.id).to_string()).or_insert(i);
            d.units_by_id_folded
                .entry(text::fold(ds.str(u.id)))
                .or_default()
                .push(i);
            d.units_by_name
                .entry(unit_key(ds.str(u.name)))
                .or_default()
                .push(i);
        }
        for (i, p) in ds.people.iter().enumerate() {
            d.people_by_id.entry(ds.str(p.id).to_string()).or_insert(i);
            d.people_by_name
                .entry(name_key(ds.str(p.name)))
                .or_default()
                .push(i);
        }
        d
    }

    /// A unit given by id (exact, then case-insensitive) or by name.
    pub fn unit(&self, given: &str) -> Found<usize> {
        let given = text::clean(given);
        if let Some(&i) = self.units_by_id.get(given.as_ref()) {
            return Found::One(i);
        }
        if let Some(v) = self.units_by_id_folded.get(&text::fold(&given)) {
            return found(v.clone());
        }
        match self.units_by_name.get(&unit_key(&given)) {
            Some(v) => found(v.clone()),
            None => self.unit_inside(&given),
        }
    }

    /// The unit whose name is the longest found, on word boundaries, inside
    /// `text` ("Phó Chủ tịch UBND xã Nam Thái" → Xã Nam Thái): how a
    /// combined "Chức vụ, đơn vị" cell names the unit.
    fn unit_inside(&self, text: &str) -> Found<usize> {
        let hay = format!(" {} ", name_key(text).replace(',', " "));
        let mut best: (usize, Vec<usize>) = (0, Vec::new());
        for (key, units) in &self.units_by_name {
            let words = key.split(' ').count();
            if words < 2 || key.len() < best.0 || !hay.contains(&format!(" {key} ")) {
                continue;
            }
            if key.len() > best.0 {
                best = (key.len(), Vec::new());
            }
            best.1.extend(units);
        }
        found(best.1)
    }

    /// The person with this id.
    pub fn person_by_id(&self, id: &str) -> Option<usize> {
        self.people_by_id.get(text::clean(id).as_ref()).copied()
    }

    /// The people of this name, narrowed to `unit` (an index into the
    /// units) when one is given.
    pub fn person(&self, ds: &Dataset, name: &str, unit: Option<usize>) -> Found<usize> {
        let Some(all) = self.people_by_name.get(&name_key(name)) else {
            return Found::None;
        };
        match unit {
            Some(u) => {
                let uid = ds.units[u].id;
                found(
                    all.iter()
                        .copied()
                        .filter(|&p| ds.people[p].unit == uid)
                        .collect(),
                )
            }
            None => found(all.clone()),
        }
    }
}

impl Directory {
    /// "Did you mean": the people whose names are nearest `name` (ties
    /// listed, look-alike characters near), within `unit` when given, each
    /// shown with id and unit so the right one can be told at a glance.
    pub fn suggest_people(&self, ds: &Dataset, name: &str, unit: Option<usize>) -> Option<Arg> {
        let in_unit = |p: &crate::model::Person| unit.is_none_or(|u| p.unit == ds.units[u].id);
        let names: Vec<&str> = ds
            .people
            .iter()
            .filter(|p| in_unit(p))
            .map(|p| ds.str(p.name))
            .collect();
        let folded = text::fold(name);
        let near = text::nearest_all(strip_honorific(&folded), names);
        let shown: Vec<Msg> = ds
            .people
            .iter()
            .filter(|p| in_unit(p) && near.contains(&ds.str(p.name)))
            .take(5)
            .map(|p| {
                let unit = ds.recipient_name(crate::model::Recipient::Unit(p.unit));
                crate::msg!(
                    Key::ImportPersonCandidate,
                    name = ds.str(p.name).to_string(),
                    id = ds.str(p.id).to_string(),
                    unit = unit.to_string()
                )
            })
            .collect();
        (!shown.is_empty()).then(|| Arg::list(Key::ListSemicolon, shown))
    }
}

fn found(mut v: Vec<usize>) -> Found<usize> {
    v.sort_unstable();
    v.dedup();
    match v.len() {
        0 => Found::None,
        1 => Found::One(v[0]),
        _ => Found::Many(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_dashes_and_quotes_are_folded() {
        assert_eq!(name_key("Bà Đặng Ngọc Tiên"), name_key("Đặng Ngọc Tiên"));
        assert_eq!(name_key("Đ/c  Phạm Hồng Hân"), name_key("Phạm Hồng Hân"));
        assert_eq!(
            name_key("Đồng chí Trần Đức Tuấn"),
            name_key("Trần Đức Tuấn")
        );
        assert_eq!(
            name_key("Phòng Tài chính - Kế hoạch"),
            name_key("Phòng Tài chính – Kế hoạch")
        );
        assert_eq!(
            name_key("Trường \u{201c}Hoa Sen\u{201d}"),
            name_key("Trường Hoa Sen")
        );
        assert_eq!(unit_key("UBND xã Nam Thái"), unit_key("Xã Nam Thái"));
    }

    #[test]
    fn tone_placement_and_form_do_not_matter() {
        assert_eq!(name_key("Nguyễn Thị Hoà"), name_key("nguyễn  thị HÒA"));
        assert_eq!(name_key("Lê Thuý"), name_key("Lê Thúy"));
        let nfd: String = "Trần Văn Bình".nfd().collect();
        assert_eq!(name_key(&nfd), name_key("TRẦN VĂN BÌNH"));
        assert_ne!(name_key("Lê Văn Ba"), name_key("Lê Văn Bá"));
        assert_ne!(name_key("Lê Văn Ba"), name_key("Lê Văn Bà"));
    }
}
