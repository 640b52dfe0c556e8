//! String interning: ids, codes and names are stored once and referred to by
//! a four-byte [`Sym`], which keeps a million award rows compact.

use std::collections::HashMap;

/// A handle to an interned string of one [`Interner`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Sym(u32);

impl Sym {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Owns every distinct string once; all text is kept in one growing buffer.
#[derive(Default, Debug, Clone)]
pub struct Interner {
    buf: String,
    spans: Vec<(u32, u32)>,
    map: HashMap<Box<str>, Sym>,
}

impl Interner {
    pub fn new() -> Self {
        Self::default()
    }

    /// The symbol for `s`, adding it on first sight.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        let sym = Sym(self.spans.len() as u32);
        self.spans.push((start, s.len() as u32));
        self.map.insert(s.into(), sym);
        sym
    }

    /// The symbol for `s` if it was ever interned.
    pub fn get(&self, s: &str) -> Option<Sym> {
        self.map.get(s).copied()
    }

    /// The text of `sym`.
    pub fn resolve(&self, sym: Sym) -> &str {
        let (start, len) = self.spans[sym.index()];
        &self.buf[start as usize..(start + len) as usize]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_symbol() {
        let mut i = Interner::new();
        let a = i.intern("P-001");
        let b = i.intern("Nguyễn Văn An");
        assert_eq!(i.intern("P-001"), a);
        assert_ne!(a, b);
        assert_eq!(i.resolve(b), "Nguyễn Văn An");
        assert_eq!(i.get("P-002"), None);
        assert_eq!(i.len(), 2);
    }
}
