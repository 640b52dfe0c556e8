//! String interning: ids, codes and names are stored once and referred to by
//! a four-byte [`Sym`], which keeps a million award rows compact.
//!
//! The text lives once, in one growing buffer; the index over it is an
//! open-addressing table of symbols tagged with their hash (at most three quarters full)
//! rather than a map owning a second copy of every string, and the hash is a
//! fast multiply-mix over eight bytes at a time — the data is the user's own
//! folder, so there is no adversary to defend against with SipHash.
//!
//! An interner read back from a snapshot (`crate::cache`) has its text and
//! string ends but no index: the index is built on the first look-up by text
//! (`get`, `intern`), which `check` and `report` never make after loading.

use std::num::NonZeroU32;
use std::sync::OnceLock;

/// A handle to an interned string of one [`Interner`]: its index plus one,
/// so that an `Option<Sym>` takes four bytes like a `Sym` (records carry
/// several optional references).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Sym(NonZeroU32);

impl Sym {
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }

    /// The symbol at `index` (below `u32::MAX`, as every interner's are;
    /// a snapshot read back, `crate::cache`, checks it is below the
    /// interner's length).
    pub(crate) fn from_index(index: u32) -> Sym {
        Sym(NonZeroU32::MIN.saturating_add(index))
    }
}

/// Owns every distinct string once; all text is kept in one growing buffer,
/// each string where the one before it ends.
#[derive(Default, Debug, Clone)]
pub struct Interner {
    buf: String,
    /// Where each string ends in `buf` (it begins where the one before ends).
    ends: Vec<u32>,
    /// Slots holding the top 32 bits of a string's hash and its symbol's
    /// index + 1 (0: empty): a probe compares text only when the hashes
    /// agree. The length is a power of two, at most three quarters full;
    /// built on the first look-up by text when the interner was made from
    /// its parts.
    table: OnceLock<Vec<u64>>,
}

impl Interner {
    pub fn new() -> Self {
        Self::default()
    }

    /// An interner holding the strings of `buf` cut at `ends` (where each
    /// ends, in bytes; the first begins at 0), symbol `i` being string `i`:
    /// what a snapshot stores. `None` unless the ends rise, stay inside `buf`
    /// and fall on character boundaries. The index is left to be built when
    /// first needed.
    pub fn from_parts(buf: String, ends: Vec<u32>) -> Option<Interner> {
        let mut start = 0;
        for &end in &ends {
            let end = end as usize;
            if end < start || end > buf.len() || !buf.is_char_boundary(end) {
                return None;
            }
            start = end;
        }
        Some(Interner {
            buf,
            ends,
            table: OnceLock::new(),
        })
    }

    /// The text buffer and where each symbol's text ends, for
    /// [`Self::from_parts`].
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.buf, &self.ends)
    }

    /// Makes room for `additional` more strings without rebuilding the index
    /// (the loader estimates how many a folder holds from its size).
    pub fn reserve(&mut self, additional: usize) {
        let want = Self::slots_for(self.ends.len() + additional);
        if want > self.table.get().map_or(0, Vec::len) {
            self.rebuild(want);
        }
        self.ends.reserve(additional);
    }

    /// The symbol for `s`, adding it on first sight.
    pub fn intern(&mut self, s: &str) -> Sym {
        let size = self.index().len();
        if (self.ends.len() + 1) * 4 > size * 3 {
            self.rebuild(size * 2);
        }
        let h = hash(s.as_bytes());
        let Interner { buf, ends, table } = self;
        let Some(table) = table.get_mut() else {
            unreachable!("the index was built above");
        };
        let (mut i, tag) = probe_start(table, h);
        loop {
            let slot = table[i];
            if slot == 0 {
                break;
            }
            if slot >> 32 == tag && text(buf, ends, slot as u32 - 1) == s {
                return Sym::from_index(slot as u32 - 1);
            }
            i = (i + 1) & (table.len() - 1);
        }
        buf.push_str(s);
        let sym = ends.len() as u32;
        ends.push(buf.len() as u32);
        table[i] = tag << 32 | u64::from(sym + 1);
        Sym::from_index(sym)
    }

    /// The symbol for `s` if it was ever interned.
    pub fn get(&self, s: &str) -> Option<Sym> {
        let table = self.index();
        let (mut i, tag) = probe_start(table, hash(s.as_bytes()));
        loop {
            let slot = table[i];
            if slot == 0 {
                return None;
            }
            if slot >> 32 == tag && self.text(slot as u32 - 1) == s {
                return Some(Sym::from_index(slot as u32 - 1));
            }
            i = (i + 1) & (table.len() - 1);
        }
    }

    /// Reads, without changing anything, the memory that interning each of
    /// `strs` will look at: their slots of the index, then the candidates'
    /// ends, then their text — each level for the whole batch before the
    /// next, with no branch on a value still on its way from memory, so that
    /// the fetches overlap instead of waiting for each other. A loader calls
    /// this for a batch of rows before interning their values.
    pub fn prefetch(&self, strs: &[&str]) {
        let Some(table) = self.table.get() else {
            return;
        };
        let mask = table.len() - 1;
        let slots: Vec<usize> = strs
            .iter()
            .map(|s| hash(s.as_bytes()) as usize & mask)
            .collect();
        let mut touched = 0u64;
        for &i in &slots {
            touched ^= table[i];
        }
        let mut starts = Vec::with_capacity(slots.len());
        for &i in &slots {
            let slot = table[i] as u32;
            if slot != 0 {
                starts.push(start(&self.ends, slot - 1));
            }
        }
        let bytes = self.buf.as_bytes();
        for &start in &starts {
            touched ^= u64::from(bytes.get(start).copied().unwrap_or(0));
        }
        std::hint::black_box(touched);
    }

    /// The text of `sym`.
    pub fn resolve(&self, sym: Sym) -> &str {
        self.text(sym.index() as u32)
    }

    fn text(&self, index: u32) -> &str {
        text(&self.buf, &self.ends, index)
    }

    /// The table size that holds `n` symbols at most three quarters full.
    fn slots_for(n: usize) -> usize {
        (n * 4 / 3 + 1).next_power_of_two().max(64)
    }

    /// Frees the index (built again on the next look-up by text): what a
    /// command that only resolves symbols from here on gives back before
    /// the law's rules build their own tables.
    pub fn drop_index(&mut self) {
        self.table = OnceLock::new();
    }

    /// The index, built now if it was not yet.
    fn index(&self) -> &[u64] {
        self.table
            .get_or_init(|| self.built(Self::slots_for(self.ends.len())))
    }

    /// Makes the table `size` slots and puts every symbol back in its place.
    fn rebuild(&mut self, size: usize) {
        self.table = OnceLock::from(self.built(size));
    }

    /// A table of `size` slots (a power of two) holding every symbol.
    fn built(&self, size: usize) -> Vec<u64> {
        let mut table = vec![0u64; size];
        let mask = size - 1;
        for index in 0..self.ends.len() as u32 {
            let h = hash(self.text(index).as_bytes());
            let mut i = h as usize & mask;
            while table[i] != 0 {
                i = (i + 1) & mask;
            }
            table[i] = (h >> 32) << 32 | u64::from(index + 1);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// The text of symbol `index`.
fn text<'a>(buf: &'a str, ends: &[u32], index: u32) -> &'a str {
    &buf[start(ends, index)..ends[index as usize] as usize]
}

/// Where the text of symbol `index` begins: where the one before ends.
fn start(ends: &[u32], index: u32) -> usize {
    match index.checked_sub(1) {
        Some(before) => ends[before as usize] as usize,
        None => 0,
    }
}

/// Where a probe for hash `h` starts in `table` (its low bits), and its tag
/// (the high ones).
fn probe_start(table: &[u64], h: u64) -> (usize, u64) {
    (h as usize & (table.len() - 1), h >> 32)
}

/// A fast, well-mixed 64-bit hash of short strings: a multiply-rotate step per
/// eight bytes, then the MurmurHash3 finaliser so that the low bits (the
/// table index) depend on every input bit.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(31);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_symbol_is_four_bytes() {
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 4);
    }

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

    #[test]
    fn many_strings_survive_growth() {
        let mut i = Interner::new();
        assert_eq!(i.get("x"), None);
        let syms: Vec<Sym> = (0..10_000)
            .map(|n| i.intern(&format!("KT-2018-{n:07}")))
            .collect();
        let empty = i.intern("");
        assert_eq!(i.len(), 10_001);
        for (n, s) in syms.iter().enumerate() {
            let text = format!("KT-2018-{n:07}");
            assert_eq!(i.resolve(*s), text);
            assert_eq!(i.get(&text), Some(*s));
            assert_eq!(i.intern(&text), *s);
        }
        assert_eq!(i.intern(""), empty);
        assert_eq!(i.resolve(empty), "");
        assert_eq!(i.len(), 10_001);
        // Strings that differ only past the first eight bytes, or in length.
        let a = i.intern("abcdefgh1");
        let b = i.intern("abcdefgh2");
        let c = i.intern("abcdefgh");
        assert!(a != b && b != c && a != c);
    }

    #[test]
    fn reserving_keeps_every_symbol() {
        let mut i = Interner::new();
        let a = i.intern("a");
        i.reserve(1000);
        let b = i.intern("b");
        assert_eq!(
            (i.get("a"), i.get("b"), i.intern("a")),
            (Some(a), Some(b), a)
        );
        i.reserve(0);
        assert_eq!(i.len(), 2);
    }

    #[test]
    fn a_dropped_index_is_built_again_when_asked() {
        let mut i = Interner::new();
        let a = i.intern("Nguyễn Văn An");
        i.drop_index();
        assert!(i.table.get().is_none());
        assert_eq!(i.resolve(a), "Nguyễn Văn An");
        assert_eq!(i.get("Nguyễn Văn An"), Some(a));
        assert_eq!(i.intern("Nguyễn Văn An"), a);
        assert_eq!(i.intern("Lê Thị Hà"), Sym::from_index(1));
    }

    #[test]
    fn from_parts_builds_its_index_when_first_asked() {
        let mut i = Interner::from_parts("P-1Nguyễn".into(), vec![3, 11]).unwrap();
        assert_eq!(i.resolve(Sym::from_index(1)), "Nguyễn");
        assert!(i.table.get().is_none(), "resolving needs no index");
        assert_eq!(i.get("P-1"), Some(Sym::from_index(0)));
        assert_eq!(i.intern("Nguyễn"), Sym::from_index(1));
        assert_eq!(i.intern("new"), Sym::from_index(2));
        let mut lazy = Interner::from_parts("ab".into(), vec![1, 2]).unwrap();
        assert_eq!(
            lazy.intern("c"),
            Sym::from_index(2),
            "interning builds the index too"
        );
        assert_eq!(lazy.get("a"), Some(Sym::from_index(0)));
        // Ends past the text, inside a character or falling back are refused.
        assert!(Interner::from_parts("ab".into(), vec![3]).is_none());
        assert!(Interner::from_parts("ễ".into(), vec![1]).is_none());
        assert!(Interner::from_parts("ab".into(), vec![2, 1]).is_none());
        assert!(Interner::from_parts(String::new(), vec![u32::MAX]).is_none());
        let empty = Interner::from_parts("a".into(), vec![0, 0, 1]).unwrap();
        assert_eq!(
            (
                empty.resolve(Sym::from_index(1)),
                empty.resolve(Sym::from_index(2))
            ),
            ("", "a")
        );
    }
}
