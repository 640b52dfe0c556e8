//! Finds people and units by name. Names compare equal whatever their Unicode
//! form, case, spacing and tone-mark placement (`Hoà` / `Hòa`, `Thuý` /
//! `Thúy`); two people of one name are told apart by their unit.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::{text, Dataset};

/// The key under which two spellings of a Vietnamese name are the same:
/// [`text::fold`], with each word's tone mark moved to the end of the word so
/// that old-style (`hoà`) and new-style (`hòa`) placement agree.
pub fn name_key(s: &str) -> String {
    let folded = text::fold(s);
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
                .entry(name_key(ds.str(u.name)))
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
        match self.units_by_name.get(&name_key(&given)) {
            Some(v) => found(v.clone()),
            None => Found::None,
        }
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
    fn tone_placement_and_form_do_not_matter() {
        assert_eq!(name_key("Nguyễn Thị Hoà"), name_key("nguyễn  thị HÒA"));
        assert_eq!(name_key("Lê Thuý"), name_key("Lê Thúy"));
        let nfd: String = "Trần Văn Bình".nfd().collect();
        assert_eq!(name_key(&nfd), name_key("TRẦN VĂN BÌNH"));
        assert_ne!(name_key("Lê Văn Ba"), name_key("Lê Văn Bá"));
        assert_ne!(name_key("Lê Văn Ba"), name_key("Lê Văn Bà"));
    }
}
