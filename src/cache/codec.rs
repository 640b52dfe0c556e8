//! The snapshot's payload: a [`Dataset`] as little-endian binary, field by
//! field. Records are plain ids, day counts and small enums, so writing them
//! out by hand is both the fastest and the most compact form, and reading
//! them back checks every value (a symbol names a string, a location a file,
//! a code a variant, a date a day of years 1–9999): bytes that pass the
//! checksum but not these checks give `None`, never a panic.
//!
//! Every record is taken apart by a pattern naming all its fields, so a field
//! added to the model does not compile until it is written here too (and
//! [`super::FORMAT`] is raised).

use std::collections::HashSet;
use std::io::Read;

use xxhash_rust::xxh3::Xxh3;

use crate::model::{
    Award, Campaign, Code, Dataset, Date, Evaluation, FileId, Interner, Loc, Person, Proposal,
    Recipient, RecordType, SourceFile, Sym, Unit,
};

/// The location of a record read back until its run is read.
const UNSET: Loc = Loc {
    file: FileId(0),
    line: 0,
};

/// `Option<Sym>` and the other optional numbers store `None` as this value.
const NONE: u32 = u32::MAX;
/// `Option<Date>` stores `None` as this day count, far outside years 1–9999
/// (`u32::MAX` would be 1969-12-31).
const NO_DATE: u32 = 0x8000_0000;

/// The dataset of `ds` as payload bytes (its `root` is not stored: it is the
/// folder the snapshot is read for).
#[cfg(test)]
pub fn encode(ds: &Dataset) -> Vec<u8> {
    encode_after(Vec::new(), ds)
}

/// [`encode`], written after the bytes of `head` (the snapshot's header),
/// so that the payload is not copied again to put the header before it.
pub fn encode_after(head: Vec<u8>, ds: &Dataset) -> Vec<u8> {
    let records = ds.campaigns.len()
        + ds.units.len()
        + ds.people.len()
        + ds.evaluations.len()
        + ds.awards.len()
        + ds.proposals.len();
    let (text, ends) = ds.strings.parts();
    let mut w = Writer(head);
    w.0.reserve(64 + text.len() + ends.len() * 4 + records * 40);
    w.u32(ds.files.len() as u32);
    for f in &ds.files {
        w.str(&f.path);
        w.u8(f.kind.index() as u8);
    }
    w.u32(ends.len() as u32);
    let mut start = 0;
    for &end in ends {
        w.u32(end - start);
        start = end;
    }
    w.0.extend_from_slice(&text.as_bytes()[..start as usize]);
    w.records(&ds.campaigns, Writer::campaign, |r| r.loc);
    w.records(&ds.units, Writer::unit, |r| r.loc);
    w.records(&ds.people, Writer::person, |r| r.loc);
    w.records(&ds.evaluations, Writer::evaluation, |r| r.loc);
    w.records(&ds.awards, Writer::award, |r| r.loc);
    w.records(&ds.proposals, Writer::proposal, |r| r.loc);
    for n in ds.dropped {
        w.u64(n as u64);
    }
    for ids in &ds.dropped_ids {
        let mut ids: Vec<Sym> = ids.iter().copied().collect();
        ids.sort();
        w.list(&ids, |w, &s| w.sym(s));
    }
    w.list(&ds.unreadable, |w, f| w.u32(f.0));
    w.list(&ds.left_out, |w, p| w.str(p));
    w.0
}

/// The dataset stored in `bytes`, for the folder `root`; `None` when the
/// bytes are not a payload [`encode`] wrote.
#[cfg(test)]
pub fn decode(bytes: &[u8], root: &std::path::Path) -> Option<Dataset> {
    decode_from(&mut &bytes[..], bytes.len() as u64, root).map(|(ds, _)| ds)
}

/// The dataset stored in the `len` bytes `src` gives, read as they come
/// (a big folder's snapshot is never held whole beside its records), with
/// the XXH3-128 hash of those bytes for the caller to check; `None` when
/// they are not a payload [`encode`] wrote (read no further than needed to
/// tell).
pub fn decode_from(
    src: &mut dyn Read,
    len: u64,
    root: &std::path::Path,
) -> Option<(Dataset, u128)> {
    let mut r = Reader {
        src,
        buf: Vec::new(),
        pos: 0,
        left: len,
        hash: Xxh3::new(),
        strings: 0,
        files: 0,
    };
    let files = r.list(5, |r| {
        let path = r.str()?.into();
        let kind = *RecordType::ALL.get(usize::from(r.u8()?))?;
        Some(SourceFile { path, kind })
    })?;
    r.files = files.len() as u32;
    let strings = r.interner()?;
    r.strings = strings.len() as u32;
    let mut ds = Dataset {
        root: root.to_path_buf(),
        files,
        strings,
        campaigns: r.records(26, Reader::campaign, |x, loc| x.loc = loc)?,
        units: r.records(14, Reader::unit, |x, loc| x.loc = loc)?,
        people: r.records(31, Reader::person, |x, loc| x.loc = loc)?,
        evaluations: r.records(17, Reader::evaluation, |x, loc| x.loc = loc)?,
        awards: r.records(28, Reader::award, |x, loc| x.loc = loc)?,
        proposals: r.records(26, Reader::proposal, |x, loc| x.loc = loc)?,
        ..Dataset::default()
    };
    for n in &mut ds.dropped {
        *n = usize::try_from(r.u64()?).ok()?;
    }
    for ids in &mut ds.dropped_ids {
        *ids = r
            .list(4, Reader::sym)?
            .into_iter()
            .collect::<HashSet<Sym>>();
    }
    ds.unreadable = r.list(4, |r| r.file())?;
    ds.left_out = r.list(4, Reader::str)?;
    (r.remaining() == 0).then(|| (ds, r.hash.digest128()))
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.u32(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }

    /// The records of one type, then where they came from as runs of
    /// consecutive lines of one file (a CSV file's rows are one run), which
    /// spares eight bytes a record.
    fn records<T>(&mut self, items: &[T], each: impl FnMut(&mut Self, &T), loc: fn(&T) -> Loc) {
        self.list(items, each);
        let mut runs: Vec<(Loc, u32)> = Vec::new();
        for l in items.iter().map(loc) {
            match runs.last_mut() {
                Some((start, n))
                    if start.file == l.file && start.line.checked_add(*n) == Some(l.line) =>
                {
                    *n += 1
                }
                _ => runs.push((l, 1)),
            }
        }
        self.list(&runs, |w, &(start, n)| {
            w.loc(start);
            w.u32(n);
        });
    }

    fn sym(&mut self, s: Sym) {
        self.u32(s.index() as u32);
    }

    fn opt_sym(&mut self, s: Option<Sym>) {
        self.u32(s.map_or(NONE, |s| s.index() as u32));
    }

    fn date(&mut self, d: Date) {
        self.u32(d.days() as u32);
    }

    fn opt_date(&mut self, d: Option<Date>) {
        self.u32(d.map_or(NO_DATE, |d| d.days() as u32));
    }

    /// A code as its position in its table (255: none).
    fn code<T: Code>(&mut self, v: Option<T>) {
        let at = v.and_then(|v| T::ALL.iter().position(|&x| x == v));
        self.u8(at.map_or(u8::MAX, |i| i as u8));
    }

    fn flag(&mut self, v: Option<bool>) {
        self.u8(v.map_or(2, u8::from));
    }

    fn loc(&mut self, loc: Loc) {
        self.u32(loc.file.0);
        self.u32(loc.line);
    }

    fn recipient(&mut self, r: Recipient) {
        self.u8(u8::from(!r.is_person()));
        self.sym(r.id());
    }

    fn campaign(&mut self, c: &Campaign) {
        let Campaign {
            id,
            name,
            kind,
            start,
            end,
            plan,
            plan_date,
            loc: _,
            flawed,
        } = *c;
        self.sym(id);
        self.sym(name);
        self.code(Some(kind));
        self.date(start);
        self.opt_date(end);
        self.opt_sym(plan);
        self.opt_date(plan_date);
        self.flag(Some(flawed));
    }

    fn unit(&mut self, u: &Unit) {
        let Unit {
            id,
            name,
            kind,
            parent,
            loc: _,
            flawed,
        } = *u;
        self.sym(id);
        self.sym(name);
        self.code(Some(kind));
        self.opt_sym(parent);
        self.flag(Some(flawed));
    }

    fn person(&mut self, p: &Person) {
        let Person {
            id,
            name,
            unit,
            direct_worker,
            gender,
            position,
            hire_date,
            died,
            code,
            loc: _,
            flawed,
        } = *p;
        self.sym(id);
        self.sym(name);
        self.sym(unit);
        self.flag(Some(direct_worker));
        self.code(gender);
        self.opt_sym(position);
        self.opt_date(hire_date);
        self.opt_date(died);
        self.opt_sym(code);
        self.flag(Some(flawed));
    }

    fn evaluation(&mut self, e: &Evaluation) {
        let Evaluation {
            year,
            subject,
            rating,
            discipline,
            initiative,
            months_worked,
            absent_days,
            loc: _,
            flawed,
        } = *e;
        self.u16(year);
        self.recipient(subject);
        self.code(Some(rating));
        self.code(discipline);
        self.flag(initiative);
        self.u16(months_worked.map_or(u16::MAX, u16::from));
        self.u32(absent_days.map_or(NONE, u32::from));
        self.flag(Some(flawed));
    }

    fn award(&mut self, a: &Award) {
        let Award {
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
            loc: _,
            flawed,
        } = *a;
        self.sym(id);
        self.u16(year);
        self.recipient(recipient);
        self.code(Some(award));
        self.code(Some(kind));
        self.opt_sym(campaign);
        self.sym(decision);
        self.date(decision_date);
        self.code(Some(issuer));
        self.flag(Some(posthumous));
        self.flag(Some(flawed));
    }

    fn proposal(&mut self, p: &Proposal) {
        let Proposal {
            id,
            year,
            recipient,
            award,
            proposed_by,
            status,
            date,
            award_id,
            loc: _,
            flawed,
        } = *p;
        self.sym(id);
        self.u16(year);
        self.recipient(recipient);
        self.code(Some(award));
        self.opt_sym(proposed_by);
        self.code(Some(status));
        self.opt_date(date);
        self.opt_sym(award_id);
        self.flag(Some(flawed));
    }
}

/// How much of the payload the reader holds at a time.
const CHUNK: usize = 1 << 18;

/// Reads a payload, checking each value as it goes, a chunk at a time.
struct Reader<'a> {
    src: &'a mut dyn Read,
    /// Bytes read and not yet consumed from `pos` on.
    buf: Vec<u8>,
    pos: usize,
    /// Payload bytes not yet read from `src`.
    left: u64,
    /// The hash of every byte read from `src`.
    hash: Xxh3,
    /// How many strings the interner holds (a symbol must be below).
    strings: u32,
    /// How many files the dataset names (a location's file must be below).
    files: u32,
}

impl Reader<'_> {
    /// The payload bytes not yet consumed.
    fn remaining(&self) -> u64 {
        (self.buf.len() - self.pos) as u64 + self.left
    }

    /// Reads `n` more bytes of the payload from `src`, hashing them, onto
    /// the end of `into`.
    fn read_into(&mut self, into: &mut Vec<u8>, n: usize) -> Option<()> {
        if n as u64 > self.left {
            return None;
        }
        let old = into.len();
        into.resize(old + n, 0);
        self.src.read_exact(&mut into[old..]).ok()?;
        self.hash.update(&into[old..]);
        self.left -= n as u64;
        Some(())
    }

    /// Makes sure `n` unconsumed bytes are in `buf`.
    fn fill(&mut self, n: usize) -> Option<()> {
        let held = self.buf.len() - self.pos;
        if held >= n {
            return Some(());
        }
        self.buf.drain(..self.pos);
        self.pos = 0;
        let want = (n - held).max(CHUNK).min(self.left as usize);
        let mut buf = std::mem::take(&mut self.buf);
        let read = self.read_into(&mut buf, want);
        self.buf = buf;
        read?;
        (self.buf.len() >= n).then_some(())
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.fill(N)?;
        let head = self.buf[self.pos..].first_chunk::<N>()?;
        self.pos += N;
        Some(*head)
    }

    /// The next `n` bytes, owned: what the buffer holds, then the rest
    /// straight from `src` (a big interner's text is not buffered twice).
    fn bytes(&mut self, n: usize) -> Option<Vec<u8>> {
        if n as u64 > self.remaining() {
            return None;
        }
        let held = (self.buf.len() - self.pos).min(n);
        let mut out = Vec::with_capacity(n);
        out.extend_from_slice(&self.buf[self.pos..self.pos + held]);
        self.pos += held;
        self.read_into(&mut out, n - held)?;
        Some(out)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }

    fn u16(&mut self) -> Option<u16> {
        self.take().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.bytes(n)?).ok()
    }

    /// A count of items of at least `min` bytes each, refused when the
    /// bytes left could not hold them (no allocation is sized by a lie).
    fn list<T>(
        &mut self,
        min: usize,
        mut each: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = self.u32()? as usize;
        if n.checked_mul(min)? as u64 > self.remaining() {
            return None;
        }
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    /// Records [`Writer::records`] wrote, each given its location by `set`;
    /// `None` unless the runs name exactly one location a record.
    fn records<T>(
        &mut self,
        min: usize,
        each: impl FnMut(&mut Self) -> Option<T>,
        set: fn(&mut T, Loc),
    ) -> Option<Vec<T>> {
        let mut items = self.list(min, each)?;
        let runs = self.list(12, |r| Some((r.loc()?, r.u32()?)))?;
        let mut rest = items.iter_mut();
        for (start, n) in runs {
            for k in 0..n {
                let line = start.line.checked_add(k)?;
                set(rest.next()?, Loc { line, ..start });
            }
        }
        rest.next().is_none().then_some(items)
    }

    fn interner(&mut self) -> Option<Interner> {
        let n = self.u32()? as usize;
        if n.checked_mul(4)? as u64 > self.remaining() {
            return None;
        }
        let mut ends = Vec::with_capacity(n);
        let mut end = 0u32;
        for _ in 0..n {
            end = end.checked_add(self.u32()?)?;
            ends.push(end);
        }
        let text = String::from_utf8(self.bytes(end as usize)?).ok()?;
        Interner::from_parts(text, ends)
    }

    fn sym(&mut self) -> Option<Sym> {
        let i = self.u32()?;
        (i < self.strings).then(|| Sym::from_index(i))
    }

    fn opt_sym(&mut self) -> Option<Option<Sym>> {
        match self.u32()? {
            NONE => Some(None),
            i if i < self.strings => Some(Some(Sym::from_index(i))),
            _ => None,
        }
    }

    fn date(&mut self) -> Option<Date> {
        let days = self.u32()? as i32;
        let first = Date::from_ymd(1, 1, 1)?.days();
        let last = Date::from_ymd(9999, 12, 31)?.days();
        (first..=last)
            .contains(&days)
            .then(|| Date::from_days(days))
    }

    fn opt_date(&mut self) -> Option<Option<Date>> {
        self.fill(4)?;
        if self.buf[self.pos..].first_chunk() == Some(&NO_DATE.to_le_bytes()) {
            self.pos += 4;
            return Some(None);
        }
        self.date().map(Some)
    }

    fn code<T: Code>(&mut self) -> Option<T> {
        T::ALL.get(usize::from(self.u8()?)).copied()
    }

    fn opt_code<T: Code>(&mut self) -> Option<Option<T>> {
        match self.u8()? {
            u8::MAX => Some(None),
            i => T::ALL.get(usize::from(i)).copied().map(Some),
        }
    }

    fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn opt_flag(&mut self) -> Option<Option<bool>> {
        match self.u8()? {
            0 => Some(Some(false)),
            1 => Some(Some(true)),
            2 => Some(None),
            _ => None,
        }
    }

    fn file(&mut self) -> Option<FileId> {
        let f = self.u32()?;
        (f < self.files).then_some(FileId(f))
    }

    fn loc(&mut self) -> Option<Loc> {
        Some(Loc {
            file: self.file()?,
            line: self.u32()?,
        })
    }

    fn recipient(&mut self) -> Option<Recipient> {
        match self.u8()? {
            0 => self.sym().map(Recipient::Person),
            1 => self.sym().map(Recipient::Unit),
            _ => None,
        }
    }

    fn campaign(&mut self) -> Option<Campaign> {
        Some(Campaign {
            id: self.sym()?,
            name: self.sym()?,
            kind: self.code()?,
            start: self.date()?,
            end: self.opt_date()?,
            plan: self.opt_sym()?,
            plan_date: self.opt_date()?,
            loc: UNSET,
            flawed: self.flag()?,
        })
    }

    fn unit(&mut self) -> Option<Unit> {
        Some(Unit {
            id: self.sym()?,
            name: self.sym()?,
            kind: self.code()?,
            parent: self.opt_sym()?,
            loc: UNSET,
            flawed: self.flag()?,
        })
    }

    fn person(&mut self) -> Option<Person> {
        Some(Person {
            id: self.sym()?,
            name: self.sym()?,
            unit: self.sym()?,
            direct_worker: self.flag()?,
            gender: self.opt_code()?,
            position: self.opt_sym()?,
            hire_date: self.opt_date()?,
            died: self.opt_date()?,
            code: self.opt_sym()?,
            loc: UNSET,
            flawed: self.flag()?,
        })
    }

    fn evaluation(&mut self) -> Option<Evaluation> {
        Some(Evaluation {
            year: self.u16()?,
            subject: self.recipient()?,
            rating: self.code()?,
            discipline: self.opt_code()?,
            initiative: self.opt_flag()?,
            months_worked: match self.u16()? {
                u16::MAX => None,
                m => Some(u8::try_from(m).ok()?),
            },
            absent_days: match self.u32()? {
                NONE => None,
                d => Some(u16::try_from(d).ok()?),
            },
            loc: UNSET,
            flawed: self.flag()?,
        })
    }

    fn award(&mut self) -> Option<Award> {
        Some(Award {
            id: self.sym()?,
            year: self.u16()?,
            recipient: self.recipient()?,
            award: self.code()?,
            kind: self.code()?,
            campaign: self.opt_sym()?,
            decision: self.sym()?,
            decision_date: self.date()?,
            issuer: self.code()?,
            posthumous: self.flag()?,
            loc: UNSET,
            flawed: self.flag()?,
        })
    }

    fn proposal(&mut self) -> Option<Proposal> {
        Some(Proposal {
            id: self.sym()?,
            year: self.u16()?,
            recipient: self.recipient()?,
            award: self.code()?,
            proposed_by: self.opt_sym()?,
            status: self.code()?,
            date: self.opt_date()?,
            award_id: self.opt_sym()?,
            loc: UNSET,
            flawed: self.flag()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bundled data, loaded.
    fn bundled() -> Dataset {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut sink = crate::diag::Diagnostics::new();
        let today = Date::from_ymd(2026, 12, 2).unwrap();
        let mut progress = crate::load::Progress::hidden();
        crate::load::load(&root, today, &mut sink, &mut progress).unwrap()
    }

    /// Everything of a dataset but its root and the interner's index.
    fn contents(ds: &Dataset) -> String {
        let mut dropped_ids: Vec<Vec<Sym>> = ds
            .dropped_ids
            .iter()
            .map(|s| s.iter().copied().collect())
            .collect();
        dropped_ids.iter_mut().for_each(|v| v.sort());
        format!(
            "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
            ds.files,
            ds.strings.parts(),
            ds.campaigns,
            ds.units,
            ds.people,
            ds.evaluations,
            ds.awards,
            ds.proposals,
            ds.dropped,
            dropped_ids,
            ds.unreadable,
            ds.left_out,
        )
    }

    #[test]
    fn a_dataset_reads_back_as_it_was_written() {
        let mut ds = bundled();
        // Values a clean load does not make, so that they are written too.
        ds.dropped = [1, 2, 3, 4, 5, 6];
        let sym = ds.awards[0].id;
        ds.dropped_ids[4].insert(sym);
        ds.unreadable.push(FileId(0));
        ds.left_out.push("awards/x.csv".into());
        ds.people[0].died = Some(Date::from_days(-1));
        ds.people[0].hire_date = None;
        let bytes = encode(&ds);
        let back = decode(&bytes, &ds.root).unwrap();
        assert_eq!(contents(&back), contents(&ds));
        assert_eq!(back.root, ds.root);
        // The index is built when first asked for.
        let id = ds.str(sym).to_string();
        assert_eq!(back.strings.get(&id), Some(sym));
        assert_eq!(back.strings.get("no such id"), None);
        let mut back = back;
        assert_eq!(back.strings.intern(&id), sym);
        let new = back.strings.intern("new");
        assert_eq!(back.strings.resolve(new), "new");
        assert_eq!(new.index(), ds.strings.len());
    }

    #[test]
    fn every_cut_of_a_payload_is_refused() {
        let ds = bundled();
        let bytes = encode(&ds);
        let step = (bytes.len() / 2000).max(1);
        for end in (0..bytes.len()).step_by(step) {
            assert!(decode(&bytes[..end], &ds.root).is_none(), "cut at {end}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any bytes, and a payload with bytes changed (as if the checksum
        /// had not caught it): `None` or a dataset, never a panic.
        #[test]
        fn any_bytes_decode_without_a_panic(
            noise in proptest::collection::vec(any::<u8>(), 0..2000),
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let root = std::path::Path::new("x");
            let _ = decode(&noise, root);
            let mut ds = Dataset::default();
            let a = ds.strings.intern("a");
            ds.files.push(SourceFile { path: "units.csv".into(), kind: RecordType::Unit });
            ds.units.push(Unit {
                id: a,
                name: ds.strings.intern("Đơn vị"),
                kind: crate::model::UnitKind::ALL[0],
                parent: Some(a),
                loc: Loc { file: FileId(0), line: 2 },
                flawed: false,
            });
            let mut bytes = encode(&ds);
            for (at, b) in changes {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
            let _ = decode(&bytes, root);
        }
    }
}
