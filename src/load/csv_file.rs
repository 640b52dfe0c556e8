//! Streams one CSV file into the builder: UTF-8 with or without BOM, LF or
//! CRLF, header names matched case-insensitively after trimming. Rows are
//! read as byte records and only the mapped columns are decoded.

use std::cell::RefCell;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

use csv::{ByteRecord, ReaderBuilder};

use super::guard::Guard;
use super::schema::{
    column, fields, is_interned, unknown_field, Builder, Need, Values, MAX_FIELDS,
};
use super::sniff::{self, Quirks};
use super::unreadable;
use super::Progress;
use crate::diag::{Diagnostic, RuleId};
use crate::i18n::{Arg, Key, Msg};
use crate::model::{text, FileId, Interner, RecordType};
use crate::msg;

/// Reads the CSV file at `path` (file `file` of the dataset) into `b`;
/// `false` when the file was left out whole (a finding says why).
pub fn read(
    path: &Path,
    guard: &Guard,
    kind: RecordType,
    file: FileId,
    b: &mut Builder<'_>,
    progress: &mut Progress,
) -> bool {
    let rel = b.ds.file(file).path.clone();
    let Some(opened) = open(path, guard, kind, &rel, b) else {
        b.ds.unreadable.push(file);
        return false;
    };
    let Opened {
        input,
        mut quirks,
        delimiter,
    } = opened;
    b.dmy_dates = true;
    b.saw_dmy = false;
    let base = progress.done();
    let lines = LineIndex::default();
    let counted = LineCounter {
        inner: input,
        pos: 0,
        index: lines.clone(),
    };
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(counted);
    let mut rec = ByteRecord::new();

    // The header.
    match rdr.read_byte_record(&mut rec) {
        Ok(true) => {}
        Ok(false) => return true, // an empty file holds no records
        Err(e) => {
            b.diags.push(parse_error(&rel, unreadable(&e), Some(1)));
            return false;
        }
    }
    let header_line = lines.line_at(rec.position().map(|p| p.byte()).unwrap_or(0));
    let columns = columns(&rec, kind, &rel, header_line, b);
    quirks.vietnamese_headers = columns.vietnamese;
    if !columns.usable {
        b.ds.unreadable.push(file);
    }
    let mut rows = Rows::new(kind, file, columns);

    let mut count = 0u64;
    let mut batch: Vec<ByteRecord> = (0..BATCH).map(|_| ByteRecord::new()).collect();
    let mut failure = None;
    loop {
        // Read a batch of rows; a read error ends the file after the rows before it.
        let mut n = 0;
        while n < BATCH {
            match rdr.read_byte_record(&mut batch[n]) {
                Ok(true) => n += 1,
                Ok(false) => break,
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        // Each row's text, when all of it is UTF-8 (checked once, in one pass).
        let texts: Vec<Option<&str>> = batch[..n]
            .iter()
            .map(|r| std::str::from_utf8(r.as_slice()).ok())
            .collect();
        if rows.usable {
            prefetch(&batch[..n], &texts, &rows.interned, &b.ds.strings);
        }
        for (rec, text) in batch[..n].iter().zip(&texts) {
            count += 1;
            if count.is_multiple_of(8192) {
                let at = rec.position().map(|p| p.byte()).unwrap_or(0);
                progress.at(base, at);
            }
            let line = lines.line_at(rec.position().map(|p| p.byte()).unwrap_or(0));
            if rows.usable && rec.len() != rows.width && rec.iter().any(|f| f.contains(&b'\n')) {
                rows.recover(b, &rel, rec, line);
                continue;
            }
            rows.take(b, &rel, rec, *text, line);
        }
        if let Some(e) = failure.take() {
            b.ds.unreadable.push(file);
            let line = e.position().map(|p| lines.line_at(p.byte()));
            b.diags.push(parse_error(&rel, unreadable(&e), line));
            break;
        }
        if n < BATCH {
            break;
        }
    }
    if rows.bad_utf8 > 0 {
        let msg = msg!(Key::LoadNotUtf8, rows = rows.bad_utf8);
        b.diags
            .push(parse_error(&rel, msg, Some(rows.first_bad_utf8)).help(Key::LoadEncodingHelp));
    }
    let end = rdr.position().byte();
    progress.at(base, end);
    quirks.dmy_dates = b.saw_dmy;
    b.dmy_dates = false;
    if quirks.any() {
        b.diags.push(non_canonical(&rel, &quirks));
    }
    true
}

fn parse_error(rel: &str, msg: Msg, line: Option<u32>) -> Diagnostic {
    Diagnostic::new(RuleId::ParseError, msg).at(rel.to_string(), line)
}

/// The one warning for a file read despite not being in canonical form.
fn non_canonical(rel: &str, quirks: &Quirks) -> Diagnostic {
    let found = Arg::list(Key::ListComma, quirks.describe());
    let msg = msg!(Key::SniffNonCanonical, found = found);
    Diagnostic::new(RuleId::NonCanonicalFile, msg)
        .at(rel, None)
        .help(Key::SniffFmtHelp)
}

/// An opened CSV file: its text as UTF-8 (decoded first when it was not),
/// what was unusual about it, and its delimiter.
struct Opened {
    input: Box<dyn Read>,
    quirks: Quirks,
    delimiter: u8,
}

/// Opens `path` and sniffs it; `None` (the problem reported) when it cannot
/// be read or is not text.
fn open(
    path: &Path,
    guard: &Guard,
    kind: RecordType,
    rel: &str,
    b: &mut Builder<'_>,
) -> Option<Opened> {
    let cannot_read = |e: std::io::Error| parse_error(rel, unreadable(&e), None);
    let handle = match guard.open(path) {
        // The length was checked; `take` holds a file that grows meanwhile.
        Ok((f, _)) => f.take(guard.max_bytes()),
        Err(refusal) => {
            let msg = super::refusal_message(&refusal);
            b.diags.push(parse_error(rel, msg, None));
            return None;
        }
    };
    let mut input = BufReader::with_capacity(1 << 16, handle);
    let head = match input.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            b.diags.push(cannot_read(e));
            return None;
        }
    };
    if let Some(what) = sniff::not_text(head) {
        let help = Key::SniffNotTextHelp;
        b.diags
            .push(parse_error(rel, Msg::new(what.key()), None).help(help));
        return None;
    }
    let mut quirks = Quirks {
        crlf: sniff::crlf(head),
        ..Quirks::default()
    };
    let (input, first_line): (Box<dyn Read>, String) = if sniff::needs_decoding(head) {
        let mut bytes = Vec::new();
        if let Err(e) = input.read_to_end(&mut bytes) {
            b.diags.push(cannot_read(e));
            return None;
        }
        let (text, enc) = sniff::decode(&bytes);
        quirks.encoding = Some(enc);
        quirks.crlf = sniff::crlf(text.as_bytes());
        let first = text.lines().next().unwrap_or("").to_string();
        (Box::new(std::io::Cursor::new(text.into_bytes())), first)
    } else {
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            input.consume(3);
            quirks.bom = true;
        }
        let head = input.fill_buf().unwrap_or(&[]);
        let end = head.iter().position(|&c| c == b'\n').unwrap_or(head.len());
        let first = String::from_utf8_lossy(&head[..end]).into_owned();
        (Box::new(input), first)
    };
    let delimiter = sniff::delimiter(&first_line, kind);
    quirks.delimiter = (delimiter != b',').then_some(delimiter);
    Some(Opened {
        input,
        quirks,
        delimiter,
    })
}

/// The header's columns: for each, the field it holds (`None`: ignored).
struct Columns {
    map: Vec<Option<usize>>,
    /// A column was named by a Vietnamese header (`Số quyết định`).
    vietnamese: bool,
    /// Every required column is there: rows can be read.
    usable: bool,
}

/// Maps the header `rec` to the type's fields, with a finding for each
/// repeated, unknown or missing column.
fn columns(
    rec: &ByteRecord,
    kind: RecordType,
    rel: &str,
    header_line: u32,
    b: &mut Builder<'_>,
) -> Columns {
    let schema = fields(kind);
    // column position → field position
    let mut map: Vec<Option<usize>> = Vec::with_capacity(rec.len());
    let mut seen = [false; MAX_FIELDS];
    let mut vietnamese = false;
    for raw in rec.iter() {
        let name = String::from_utf8_lossy(raw);
        let key = text::clean(&name).to_lowercase();
        let found = column(kind, &key);
        vietnamese |= found.is_some_and(|(_, vi)| vi);
        match found.map(|(i, _)| i) {
            Some(i) if !seen[i] => {
                seen[i] = true;
                map.push(Some(i));
            }
            Some(_) => {
                let msg = msg!(Key::LoadDuplicateColumn, column = key);
                b.diags.push(
                    Diagnostic::new(RuleId::UnknownColumn, msg)
                        .at(rel.to_string(), Some(header_line)),
                );
                map.push(None);
            }
            None => {
                b.diags.push(unknown_field(
                    kind,
                    Key::LoadUnknownColumn,
                    &key,
                    rel,
                    header_line,
                ));
                map.push(None);
            }
        }
    }
    let mut missing: Vec<&'static str> = Vec::new();
    for (i, (name, need)) in schema.iter().enumerate() {
        if *need == Need::Required && !seen[i] {
            missing.push(name);
        }
    }
    if let Some(p) = schema.iter().position(|(n, _)| *n == "person") {
        if !seen[p] && !seen[p + 1] {
            missing.push("person / unit");
        }
    }
    for &m in &missing {
        let msg = msg!(Key::LoadMissingColumn, column = m, kind = kind.plural());
        let columns = Arg::list(Key::ListCommaTight, schema.iter().map(|(n, _)| *n));
        let help = msg!(Key::LoadMissingColumnHelp, columns = columns);
        b.diags.push(
            Diagnostic::new(RuleId::MissingColumn, msg)
                .at(rel.to_string(), Some(header_line))
                .help(help),
        );
    }
    Columns {
        map,
        vietnamese,
        usable: missing.is_empty(),
    }
}

/// The rows of one file on their way into the builder.
struct Rows {
    kind: RecordType,
    file: FileId,
    map: Vec<Option<usize>>,
    width: usize,
    usable: bool,
    /// Columns whose values are interned: looked up ahead, a batch at a time.
    interned: Vec<usize>,
    bad_utf8: usize,
    first_bad_utf8: u32,
}

impl Rows {
    fn new(kind: RecordType, file: FileId, columns: Columns) -> Rows {
        let schema = fields(kind);
        let width = columns.map.len();
        let interned = (0..width)
            .filter(|&c| columns.map[c].is_some_and(|f| is_interned(schema[f].0)))
            .collect();
        Rows {
            kind,
            file,
            map: columns.map,
            width,
            usable: columns.usable,
            interned,
            bad_utf8: 0,
            first_bad_utf8: 0,
        }
    }

    /// One row (`text`: all of it, when it is UTF-8) at `line`: built, or
    /// dropped with a finding.
    fn take(
        &mut self,
        b: &mut Builder<'_>,
        rel: &str,
        rec: &ByteRecord,
        text: Option<&str>,
        line: u32,
    ) {
        let (kind, width) = (self.kind, self.width);
        if rec
            .iter()
            .all(|f| f.iter().all(|c| c.is_ascii_whitespace()))
        {
            return; // a row of empty cells, as spreadsheets leave behind
        }
        if !self.usable {
            b.ds.dropped[kind.index()] += 1;
            return;
        }
        if rec.len() != width {
            let spans_lines = rec.iter().any(|f| f.contains(&b'\n'));
            if spans_lines {
                // The rest of the file is in this one record.
                b.ds.unreadable.push(self.file);
            }
            let key = if spans_lines {
                Key::LoadOpenQuote
            } else {
                Key::LoadFieldCount
            };
            let msg = msg!(key, found = rec.len(), expected = width);
            b.diags
                .push(parse_error(rel, msg, Some(line)).help(Key::LoadFieldCountHelp));
            b.ds.dropped[kind.index()] += 1;
            return;
        }
        let mut values: Values<'_> = [None; MAX_FIELDS];
        let mut utf8_ok = true;
        for (col, f) in self.map.iter().enumerate() {
            let Some(f) = *f else { continue };
            let value = match text {
                Some(t) => rec.range(col).and_then(|r| t.get(r)),
                // Bytes that are not UTF-8 matter only in the columns read.
                None => rec.get(col).and_then(|raw| std::str::from_utf8(raw).ok()),
            };
            match value {
                Some(s) => values[f] = Some((s, line)),
                None => utf8_ok = false,
            }
        }
        if !utf8_ok {
            if self.bad_utf8 == 0 {
                self.first_bad_utf8 = line;
            }
            self.bad_utf8 += 1;
            b.ds.dropped[kind.index()] += 1;
            return;
        }
        b.build(kind, self.file, line, &values);
    }
}

impl Rows {
    /// A record that runs over several lines with the wrong number of fields:
    /// a stray `"` opened a quote that swallowed the lines after it. The
    /// opening line is reported and dropped; the lines it swallowed are read
    /// again as plain rows (no quoting), so that one stray quote costs one
    /// row, not the rest of the file.
    fn recover(&mut self, b: &mut Builder<'_>, rel: &str, rec: &ByteRecord, line: u32) {
        let msg = msg!(Key::LoadOpenQuote, found = rec.len(), expected = self.width);
        b.diags
            .push(parse_error(rel, msg, Some(line)).help(Key::LoadFieldCountHelp));
        b.ds.dropped[self.kind.index()] += 1;
        // The record's bytes as they were, short of the quotes themselves.
        let mut joined = Vec::with_capacity(rec.as_slice().len() + rec.len());
        for (i, f) in rec.iter().enumerate() {
            if i > 0 {
                joined.push(b',');
            }
            joined.extend_from_slice(f);
        }
        let Some(nl) = joined.iter().position(|&c| c == b'\n') else {
            return;
        };
        let mut plain = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .quoting(false)
            .from_reader(&joined[nl + 1..]);
        let mut row = ByteRecord::new();
        while let Ok(true) = plain.read_byte_record(&mut row) {
            let at = line + row.position().map_or(1, |p| p.line() as u32);
            let text = std::str::from_utf8(row.as_slice()).ok();
            self.take(b, rel, &row, text, at);
        }
    }
}

/// Rows read ahead, so that the interner's lookups for them overlap.
const BATCH: usize = 64;

/// Touches the interner's memory for the interned values of `rows`, so that
/// the cache misses of a batch are waited for together rather than one by one
/// (a million references to random people would otherwise each wait in turn).
fn prefetch(rows: &[ByteRecord], texts: &[Option<&str>], columns: &[usize], strings: &Interner) {
    let mut values = Vec::with_capacity(rows.len() * columns.len());
    for (rec, text) in rows.iter().zip(texts) {
        let Some(text) = text else { continue };
        for &c in columns {
            if let Some(s) = rec.range(c).and_then(|r| text.get(r)) {
                values.push(crate::model::text::trim(s));
            }
        }
    }
    strings.prefetch(&values);
}

/// Physical line numbers by byte offset. The csv crate's own line count does
/// not count CRLF breaks inside quoted fields, and it reports a record's start
/// at the line break before it; so the runs of `\r`/`\n` bytes are noted as
/// they stream past, and runs before the current record are dropped, keeping
/// memory constant.
#[derive(Default, Clone)]
struct LineIndex(Rc<RefCell<LineState>>);

#[derive(Default)]
struct LineState {
    /// Line breaks already passed.
    before: u32,
    /// Runs of line-break bytes read but not yet passed: start, end, breaks.
    runs: Runs,
    /// The run still being read, if the last byte read was a line break:
    /// its start, the breaks counted so far, and whether the last byte was a
    /// `\r` (a break of its own unless a `\n` follows: old Mac files end
    /// lines with `\r` alone, and the csv crate splits records there too).
    open: Option<(u64, u32, bool)>,
}

impl LineIndex {
    /// The 1-based line of the record csv says starts at byte `offset`.
    /// A record never starts on a line-break byte, so an offset inside a run
    /// means the record starts where the run ends. Offsets must not go backwards.
    fn line_at(&self, offset: u64) -> u32 {
        let mut st = self.0.borrow_mut();
        while let Some((start, end, nl)) = st.runs.front() {
            if start > offset {
                break;
            }
            st.before += nl;
            st.runs.pop_front();
            if end > offset {
                break;
            }
        }
        st.before + 1
    }
}

/// The runs of line-break bytes not yet passed, as a compact queue: a quoted
/// cell of a million short lines must not cost 24 bytes a line. Each run is
/// its gap from the previous run, its length and its breaks: one byte when
/// they are small (gap < 32, length and breaks 1 or 2: a CSV's usual `\n` or
/// `\r\n`), else a marker byte and three LEB128 numbers.
#[derive(Default)]
struct Runs {
    bytes: Vec<u8>,
    /// Where the first run not yet popped starts in `bytes`.
    at: usize,
    /// The end of the last run pushed, and of the last popped: the bases of
    /// the gaps when writing and when reading.
    pushed_end: u64,
    popped_end: u64,
}

impl Runs {
    const WIDE: u8 = 0x80;

    fn push(&mut self, start: u64, end: u64, breaks: u32) {
        let (gap, len) = (start - self.pushed_end, end - start);
        if gap < 32 && (1..=2).contains(&len) && (1..=2).contains(&breaks) {
            let packed = (gap as u8) << 2 | ((len - 1) as u8) << 1 | (breaks - 1) as u8;
            self.bytes.push(packed);
        } else {
            self.bytes.push(Self::WIDE);
            for v in [gap, len, u64::from(breaks)] {
                put_leb128(&mut self.bytes, v);
            }
        }
        self.pushed_end = end;
    }

    /// The first run not yet popped (start, end, breaks) and where the next
    /// one starts in `bytes`.
    fn peek(&self) -> Option<((u64, u64, u32), usize)> {
        let &first = self.bytes.get(self.at)?;
        let (gap, len, breaks, next) = if first == Self::WIDE {
            let (gap, i) = get_leb128(&self.bytes, self.at + 1);
            let (len, i) = get_leb128(&self.bytes, i);
            let (breaks, i) = get_leb128(&self.bytes, i);
            (gap, len, breaks as u32, i)
        } else {
            let gap = u64::from(first >> 2);
            let len = u64::from(first >> 1 & 1) + 1;
            (gap, len, u32::from(first & 1) + 1, self.at + 1)
        };
        let start = self.popped_end + gap;
        Some(((start, start + len, breaks), next))
    }

    fn front(&self) -> Option<(u64, u64, u32)> {
        self.peek().map(|(run, _)| run)
    }

    fn pop_front(&mut self) {
        let Some(((_, end, _), next)) = self.peek() else {
            return;
        };
        self.popped_end = end;
        self.at = next;
        if self.at == self.bytes.len() {
            self.bytes.clear();
            self.at = 0;
        } else if self.at > 4096 && self.at * 2 > self.bytes.len() {
            self.bytes.drain(..self.at);
            self.at = 0;
        }
    }
}

fn put_leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The number at `at` and where the next one starts; a truncated number
/// (never written so) reads as what was there.
fn get_leb128(bytes: &[u8], mut at: usize) -> (u64, usize) {
    let (mut v, mut shift) = (0u64, 0u32);
    while let Some(&b) = bytes.get(at) {
        at += 1;
        if shift < 64 {
            v |= u64::from(b & 0x7f) << shift;
        }
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    (v, at)
}

/// A reader that notes where the line breaks are.
struct LineCounter<R> {
    inner: R,
    pos: u64,
    index: LineIndex,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut st = self.index.0.borrow_mut();
        let mut i = 0;
        while i < n {
            if st.open.is_none() {
                match find_break(&buf[i..n]) {
                    Some(k) => {
                        i += k;
                        st.open = Some((self.pos + i as u64, 0, false));
                    }
                    None => break,
                }
            }
            // Inside a run of line-break bytes.
            match buf[i] {
                b'\n' => {
                    if let Some((_, nl, cr)) = st.open.as_mut() {
                        *nl += 1;
                        *cr = false;
                    }
                }
                b'\r' => {
                    if let Some((_, nl, cr)) = st.open.as_mut() {
                        *nl += u32::from(*cr);
                        *cr = true;
                    }
                }
                _ => {
                    if let Some((start, nl, cr)) = st.open.take() {
                        st.runs.push(start, self.pos + i as u64, nl + u32::from(cr));
                    }
                    continue;
                }
            }
            i += 1;
        }
        self.pos += n as u64;
        Ok(n)
    }
}

/// The position of the first `\n` or `\r` in `s`, eight bytes at a time
/// (the zero-byte test of "Bit Twiddling Hacks": its lowest flag is exact).
fn find_break(s: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    let mut chunks = s.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let found = zero(w ^ (LO * u64::from(b'\n'))) | zero(w ^ (LO * u64::from(b'\r')));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_come_back_as_they_were_pushed() {
        let mut runs = Runs::default();
        let mut want = std::collections::VecDeque::new();
        let mut pos = 0u64;
        // Small and wide runs, gaps of every size, popped as they go.
        for i in 0..20_000u64 {
            let gap = [0, 1, 31, 32, 1000, 70_000][(i % 6) as usize];
            let len = 1 + i % 3;
            let breaks = 1 + (i % 4) as u32;
            let start = pos + gap;
            runs.push(start, start + len, breaks);
            want.push_back((start, start + len, breaks));
            pos = start + len;
            if i % 7 == 0 {
                assert_eq!(runs.front(), want.front().copied());
                runs.pop_front();
                want.pop_front();
            }
        }
        while let Some(w) = want.pop_front() {
            assert_eq!(runs.front(), Some(w));
            runs.pop_front();
        }
        assert_eq!(runs.front(), None);
    }

    #[test]
    fn finds_the_first_line_break() {
        let naive = |s: &[u8]| s.iter().position(|&b| b == b'\n' || b == b'\r');
        let mut cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"abc".to_vec(),
            b"\n".to_vec(),
            b"abcdefgh\r\n".to_vec(),
        ];
        for len in 0..20 {
            for at in 0..len {
                for brk in [b'\n', b'\r'] {
                    // Bytes around the break that could fool a sloppy test.
                    let mut v: Vec<u8> = (0..len)
                        .map(|i| [0x0b, 0x0c, 0x8a, 0x8d, b'a', 0xff][i % 6])
                        .collect();
                    v[at] = brk;
                    if at + 1 < len {
                        v[at + 1] = b'\n';
                    }
                    cases.push(v);
                }
            }
        }
        for c in &cases {
            assert_eq!(find_break(c), naive(c), "{c:?}");
        }
    }
}
