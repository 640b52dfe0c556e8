//! Messages as data (issue 15, "findings carry data"): a [`Msg`] is a typed
//! catalogue [`Key`] with typed [`Arg`]s, cheap to make (no formatting, no
//! language) and rendered only when written out, by [`Msg::render`].
//!
//! Make one with [`msg!`](crate::msg): `msg!(Key::LawLdttRating, year = c.year,
//! rating = Arg::name(e.rating))`. The keys are generated from the catalogue
//! by `build.rs`, so a misspelt key does not compile; a test holds keys and
//! entries together both ways.

use std::fmt::Write as _;
use std::sync::Arc;

use super::Lang;
use crate::model::{AwardCode, Code, Date};

include!(concat!(env!("OUT_DIR"), "/keys.rs"));

impl Key {
    /// The text of this key in `lang`, placeholders unfilled.
    pub fn text(self, lang: Lang) -> &'static str {
        // By position, not by name: a message is rendered per finding.
        static TEXTS: std::sync::OnceLock<Vec<[&'static str; 2]>> = std::sync::OnceLock::new();
        let texts = TEXTS.get_or_init(|| {
            Key::ALL
                .iter()
                .map(|k| [Lang::Vi.t(k.as_str()), Lang::En.t(k.as_str())])
                .collect()
        });
        let [vi, en] = texts[self as usize];
        lang.pick(vi, en)
    }
}

/// One argument of a message, rendered in the message's language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text quoted from a file or computed (an id, a name, a path).
    Str(Box<str>),
    /// The same, shared with the record it is quoted from (a file's path).
    Text(Arc<str>),
    /// A text that needs no translation and no copy.
    Static(&'static str),
    Int(i64),
    /// A figure that may have a fraction (a threshold: `50`, `12.5`), written
    /// as Rust writes an `f64`; kept by its bits so that a message stays `Eq`
    /// and `Hash`. Made by `From<f64>`.
    Real(u64),
    Year(u16),
    Date(Date),
    /// A code's full name: `[vi, en]`, the Vietnamese name or the English
    /// gloss (`Arg::name`), or the same followed by the code (`Arg::label`).
    Name(&'static [&'static str; 2]),
    /// Another message of the catalogue, without arguments.
    Key(Key),
    /// Another message with its own arguments.
    Msg(Box<Msg>),
    /// The same, shared by the findings that give it (the reason a record
    /// could not be judged: a few kinds, for a million records).
    Shared(Arc<Msg>),
    /// Another message with its first letter in upper case (a message that
    /// begins with it: "The LĐTT of …" from "the {award} of …").
    Capital(Box<Msg>),
    /// What a law finding is about, as [`Arg::subject`] makes it: the
    /// message of `key` (`Key::LawSubjectAward`, `Key::LawSubjectProposal`)
    /// with `{award}` the label of `award`, `{name}` and `{year}`,
    /// capitalised. One allocation (the name) instead of a message's three,
    /// for every law finding.
    Subject {
        key: Key,
        award: AwardCode,
        year: u16,
        name: Box<str>,
    },
    /// Arguments written one after another with the text of catalogue key
    /// `sep` between them (`Key::ListComma`; `Key::LawOr` differs by
    /// language), joined when rendered; without `sep`, written one after
    /// the other ([`Arg::concat`]).
    List {
        sep: Option<Key>,
        items: Box<[Arg]>,
    },
}

impl Arg {
    /// The full name of a code value, in the language of the output.
    pub fn name<C: Code>(c: C) -> Arg {
        Arg::Name(c.names())
    }

    /// A code's full name followed by its code in brackets, in the
    /// language of the output (`Lao động tiên tiến (LDTT)`).
    pub fn label<C: Code>(c: C) -> Arg {
        Arg::Name(c.labels())
    }

    /// `items` joined by the text of `sep` when rendered.
    pub fn list(sep: Key, items: impl IntoIterator<Item = impl Into<Arg>>) -> Arg {
        Arg::List {
            sep: Some(sep),
            items: items.into_iter().map(Into::into).collect(),
        }
    }

    /// `items` written one after the other, in one allocation: a text
    /// mostly the same in every language with a few words that are not.
    pub fn concat(items: Vec<Arg>) -> Arg {
        Arg::List {
            sep: None,
            items: items.into_boxed_slice(),
        }
    }

    /// The subject of a law finding: `key`'s message about `award` of `name`
    /// for `year`, capitalised (see [`Arg::Subject`]).
    pub fn subject(key: Key, award: AwardCode, name: &str, year: u16) -> Arg {
        Arg::Subject {
            key,
            award,
            year,
            name: name.into(),
        }
    }

    /// Text quoted from a file or computed, copied once.
    pub fn str(s: &str) -> Arg {
        Arg::Str(s.into())
    }

    fn render(&self, lang: Lang, out: &mut String) {
        // Writing to a `String` cannot fail.
        match self {
            Arg::Str(s) => out.push_str(s),
            Arg::Text(s) => out.push_str(s),
            Arg::Static(s) => out.push_str(s),
            Arg::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Arg::Real(bits) => {
                let _ = write!(out, "{}", f64::from_bits(*bits));
            }
            Arg::Year(y) => push_year(out, *y),
            Arg::Date(d) => {
                let _ = write!(out, "{d}");
            }
            Arg::Name([vi, en]) => out.push_str(lang.pick(vi, en)),
            Arg::Key(k) => out.push_str(k.text(lang)),
            Arg::Msg(m) => m.render_into(lang, out),
            Arg::Shared(m) => m.render_into(lang, out),
            Arg::Capital(m) => {
                let start = out.len();
                m.render_into(lang, out);
                capitalise_from(out, start);
            }
            Arg::Subject {
                key,
                award,
                year,
                name,
            } => {
                let start = out.len();
                fill(key.parts(lang), out, &mut |arg, out| {
                    match arg {
                        "award" => Arg::label(*award).render(lang, out),
                        "name" => out.push_str(name),
                        "year" => push_year(out, *year),
                        _ => return false,
                    }
                    true
                });
                capitalise_from(out, start);
            }
            Arg::List { sep, items } => {
                for (i, a) in items.iter().enumerate() {
                    if let Some(sep) = sep.filter(|_| i > 0) {
                        out.push_str(sep.text(lang));
                    }
                    a.render(lang, out);
                }
            }
        }
    }

    /// Whether `test` holds for a text quoted in the argument.
    fn any_str(&self, test: &mut impl FnMut(&str) -> bool) -> bool {
        match self {
            Arg::Str(s) | Arg::Subject { name: s, .. } => test(s),
            Arg::Text(s) => test(s),
            Arg::Msg(m) | Arg::Capital(m) => m.any_str(test),
            Arg::Shared(m) => m.any_str(test),
            Arg::List { items, .. } => items.iter().any(|a| a.any_str(test)),
            _ => false,
        }
    }

    /// Replaces each quoted text of the argument (`Str`, `Text`, a
    /// subject's name) for which `f` gives a replacement; a shared message
    /// is copied only when one of its texts is replaced.
    fn each_str(&mut self, f: &mut impl FnMut(&str) -> Option<String>) {
        match self {
            Arg::Str(s) | Arg::Subject { name: s, .. } => {
                if let Some(t) = f(s) {
                    *s = t.into();
                }
            }
            Arg::Text(s) => {
                if let Some(t) = f(s) {
                    *s = t.into();
                }
            }
            Arg::Msg(m) | Arg::Capital(m) => m.each_str(f),
            Arg::Shared(m) if m.any_str(&mut |s| f(s).is_some()) => {
                Arc::make_mut(m).each_str(f);
            }
            Arg::List { items, .. } => items.iter_mut().for_each(|a| a.each_str(f)),
            _ => {}
        }
    }
}

/// Upper-cases the first letter of `out[start..]`, in place.
fn capitalise_from(out: &mut String, start: usize) {
    let Some(c) = out.get(start..).and_then(|s| s.chars().next()) else {
        return;
    };
    if c.is_ascii() {
        // An ASCII letter's capital is one ASCII byte.
        if let Some(first) = out.get_mut(start..start + 1) {
            first.make_ascii_uppercase();
        }
        return;
    }
    // At most three characters of at most four bytes each.
    let mut buf = [0u8; 12];
    let mut n = 0;
    for u in c.to_uppercase() {
        n += u.encode_utf8(&mut buf[n..]).len();
    }
    let old = start..start + c.len_utf8();
    match std::str::from_utf8(&buf[..n]) {
        // Already a capital ("Đề nghị"): nothing moves.
        Ok(upper) if upper == &out[old.clone()] => {}
        Ok(upper) => out.replace_range(old, upper),
        Err(_) => {}
    }
}

macro_rules! arg_from {
    ($($t:ty => $v:ident $(as $cast:ty)?),* $(,)?) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::$v(v $(as $cast)?)
            }
        }
    )*};
}

arg_from!(
    i64 => Int, i32 => Int as i64, u32 => Int as i64, usize => Int as i64,
    u16 => Year, Date => Date, &'static str => Static, Key => Key,
);

impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Real(v.to_bits())
    }
}

impl From<Arc<str>> for Arg {
    fn from(s: Arc<str>) -> Arg {
        Arg::Text(s)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s.into_boxed_str())
    }
}

/// The emitters' unit tests write findings as plain text.
#[cfg(test)]
impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::new(Key::TestText).arg("text", s.to_string())
    }
}

impl From<Key> for Msg {
    fn from(k: Key) -> Msg {
        Msg::new(k)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A catalogue message with its arguments, not yet in any language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Msg {
    pub key: Key,
    /// Boxed, not a `Vec`: every finding holds one or two messages, made
    /// once with all their arguments.
    pub args: Box<[(&'static str, Arg)]>,
}

impl Msg {
    pub fn new(key: Key) -> Msg {
        Msg {
            key,
            args: Box::new([]),
        }
    }

    /// Replaces each quoted text of the message and of the messages in it
    /// for which `f` gives a replacement: what `defang` escapes (see
    /// [`Arg::each_str`]).
    pub fn each_str(&mut self, f: &mut impl FnMut(&str) -> Option<String>) {
        for (_, a) in self.args.iter_mut() {
            a.each_str(f);
        }
    }

    /// Whether `test` holds for a text quoted in the message.
    fn any_str(&self, test: &mut impl FnMut(&str) -> bool) -> bool {
        self.args.iter().any(|(_, a)| a.any_str(test))
    }

    /// The messages joined by the text of `sep` when rendered; one message
    /// is itself.
    pub fn join(mut items: Vec<Msg>, sep: Key) -> Msg {
        if items.len() == 1 {
            if let Some(m) = items.pop() {
                return m;
            }
        }
        crate::msg!(Key::ListItems, items = Arg::list(sep, items))
    }

    /// Adds argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        let mut args = std::mem::take(&mut self.args).into_vec();
        args.push((name, value.into()));
        self.args = args.into_boxed_slice();
        self
    }

    /// The message in `lang`, its `{name}` placeholders filled.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    /// [`Msg::render`], written at the end of `out`.
    pub fn render_into(&self, lang: Lang, out: &mut String) {
        fill(self.key.parts(lang), out, &mut |name, out| {
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => v.render(lang, out),
                None => return false,
            }
            true
        });
    }
}

/// A piece of a template: text as it is, or the name of a placeholder.
#[derive(Debug, PartialEq, Eq)]
enum Part {
    Text(&'static str),
    Arg(&'static str),
}

/// `template` cut at its placeholders: each `{name}` is an [`Part::Arg`];
/// a `{` without a `}` after it is text, as is everything else.
fn parts(template: &'static str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        if open > 0 {
            out.push(Part::Text(&rest[..open]));
        }
        out.push(Part::Arg(&after[..close]));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    out
}

impl Key {
    /// The text of this key in `lang`, cut at its placeholders once for the
    /// run: a message is rendered per finding.
    fn parts(self, lang: Lang) -> &'static [Part] {
        static PARTS: std::sync::OnceLock<Vec<[Vec<Part>; 2]>> = std::sync::OnceLock::new();
        let all = PARTS.get_or_init(|| {
            Key::ALL
                .iter()
                .map(|k| [parts(k.text(Lang::Vi)), parts(k.text(Lang::En))])
                .collect()
        });
        let [vi, en] = &all[self as usize];
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// Writes a template (cut by [`parts`]) to `out`, each placeholder
/// replaced by what `arg(name, out)` writes; a placeholder it does not know
/// (it returns `false`) is written as it is, `{name}`.
fn fill(template: &[Part], out: &mut String, arg: &mut dyn FnMut(&str, &mut String) -> bool) {
    for part in template {
        match *part {
            Part::Text(text) => out.push_str(text),
            Part::Arg(name) => {
                if !arg(name, out) {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
    }
}

/// Writes `year` in decimal, as `{year}` writes it, without the
/// formatting machinery (a year is at most five digits): messages and the
/// law's texts of years write one per finding.
pub(crate) fn push_year(out: &mut String, year: u16) {
    let mut digits = [0u8; 5];
    let mut n = year;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// `msg!(Key::X, name = value, …)`: a [`Msg`] whose arguments are converted
/// with `Into<Arg>`; nothing is formatted until it is rendered.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::i18n::Msg {
            key: $key,
            args: ::std::boxed::Box::new([$((stringify!($name), $crate::i18n::Arg::from($val))),*]),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rating;

    #[test]
    fn a_key_gives_its_catalogue_text_and_its_parts_make_it_again() {
        for (i, k) in Key::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i, "{}", k.as_str());
            for lang in [Lang::Vi, Lang::En] {
                let text = lang.t(k.as_str());
                assert_eq!(k.text(lang), text);
                let again: String = k
                    .parts(lang)
                    .iter()
                    .map(|p| match p {
                        Part::Text(t) => t.to_string(),
                        Part::Arg(a) => format!("{{{a}}}"),
                    })
                    .collect();
                assert_eq!(again, text, "{}", k.as_str());
            }
        }
    }

    #[test]
    fn a_template_is_cut_at_its_placeholders_and_a_lone_brace_is_text() {
        use Part::{Arg as A, Text as T};
        assert_eq!(parts("a {x} b {y}"), [T("a "), A("x"), T(" b "), A("y")]);
        assert_eq!(parts("{x}{y}"), [A("x"), A("y")]);
        assert_eq!(parts("a { b"), [T("a { b")]);
        assert_eq!(parts("{x} {"), [A("x"), T(" {")]);
        assert_eq!(parts(""), []);
    }

    #[test]
    fn a_year_is_written_as_format_writes_it() {
        for y in [0u16, 7, 10, 99, 100, 2018, 10_000, u16::MAX] {
            let mut text = String::from("x");
            push_year(&mut text, y);
            assert_eq!(text, format!("x{y}"));
        }
    }

    #[test]
    fn arguments_stay_small() {
        // A message holds a few of them; every finding is one.
        assert!(std::mem::size_of::<Arg>() <= 24);
    }

    #[test]
    fn keys_and_entries_match_both_ways() {
        let keys: std::collections::HashSet<&str> = Key::ALL.iter().map(|k| k.as_str()).collect();
        let entries: std::collections::HashSet<&str> =
            super::super::entries().map(|e| e.key).collect();
        assert_eq!(keys, entries);
    }

    #[test]
    fn renders_like_tr_in_both_languages() {
        let m = crate::msg!(
            Key::LawLdttRating,
            year = 2018u16,
            rating = Arg::name(Rating::Ht)
        );
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(
                m.render(lang),
                crate::tr!(
                    lang,
                    "law.ldtt-rating",
                    year = 2018,
                    rating = Rating::Ht.name(lang)
                )
            );
        }
        let nested = crate::msg!(Key::LawMessage, subject = "X", finding = m.clone());
        assert_eq!(
            nested.render(Lang::En),
            format!("X: {}", m.render(Lang::En))
        );
    }
    #[test]
    fn lists_join_with_a_separator_of_the_output_language() {
        let years = Arg::list(Key::ListComma, vec![Arg::Year(2016), Arg::Year(2018)]);
        let m = crate::msg!(
            Key::LawCstdcsCount,
            span = 2018u16,
            held = years,
            need = 3u32
        );
        assert_eq!(
            m.render(Lang::Vi),
            "CSTĐCS trong 2018: 2016, 2018; luật yêu cầu 3 lần"
        );
        assert_eq!(
            m.render(Lang::En),
            "CSTDCS in 2018: 2016, 2018; the law asks for 3"
        );
        let a = Msg::new(Key::LawReasonNoMembers);
        let b = crate::msg!(Key::LawReasonNoEvaluation, year = 2016u16);
        let or = Msg::join(vec![a.clone(), b.clone()], Key::LawOr);
        assert_eq!(
            or.render(Lang::Vi),
            "đơn vị chưa có người nào trong people; cũng không: không có đánh giá năm 2016"
        );
        assert_eq!(
            or.render(Lang::En),
            "the unit has no people on file; nor: no evaluation for 2016"
        );
        // One message joined is itself; none is empty.
        assert_eq!(Msg::join(vec![b.clone()], Key::ListSemicolon), b);
        assert_eq!(
            Msg::join(Vec::new(), Key::ListSemicolon).render(Lang::En),
            ""
        );
    }

    #[test]
    fn a_capital_upper_cases_the_first_letter_in_either_language() {
        let subject = crate::msg!(
            Key::LawSubjectAward,
            award = Arg::label(crate::model::AwardCode::Ldtt),
            name = Arg::str("Nguyễn Văn An"),
            year = 2018u16
        );
        let m = crate::msg!(
            Key::LawMessage,
            subject = Arg::Capital(Box::new(subject)),
            finding = Msg::new(Key::LawChuyenDeCampaign)
        );
        assert_eq!(
            m.render(Lang::En),
            "The Advanced Worker (LDTT) of Nguyễn Văn An for 2018: thematic award with no campaign (`campaign`)"
        );
        assert!(m
            .render(Lang::Vi)
            .starts_with("Lao động tiên tiến (LDTT) của Nguyễn Văn An năm 2018: "));
        let proposal = crate::msg!(
            Key::LawSubjectProposal,
            award = "x (X)",
            name = "N",
            year = 2018u16
        );
        let m = crate::msg!(
            Key::LawMessage,
            subject = Arg::Capital(Box::new(proposal)),
            finding = "f"
        );
        assert_eq!(
            m.render(Lang::Vi),
            "Đề nghị x (X) cho N năm 2018 không đủ điều kiện: f"
        );
        // A letter whose capital is longer ("ß" → "SS"), and nothing to do.
        let mut out = String::from("a ßx");
        capitalise_from(&mut out, 2);
        assert_eq!(out, "a SSx");
        let end = out.len();
        capitalise_from(&mut out, end);
        assert_eq!(out, "a SSx");
    }

    #[test]
    fn reals_render_as_rust_writes_them_and_quoted_texts_are_reached() {
        let least = |percent: f64| {
            crate::msg!(
                Key::LawTtldttMembersLeast,
                share = "6/10",
                year = 2018u16,
                percent = percent
            )
        };
        assert_eq!(
            least(12.5).render(Lang::Vi),
            "6/10 có LĐTT năm 2018; luật yêu cầu từ 12.5 % trở lên"
        );
        assert_eq!(
            least(50.0).render(Lang::En),
            "6/10 hold LDTT for 2018; the law asks for at least 50 %"
        );
        assert_eq!(least(50.0), least(50.0));
        // A text cut where words of the output language come in.
        let found = Arg::concat(vec![
            Arg::str("2018: htt, 2019: htxs"),
            Arg::Key(Key::LawWithInitiative),
            Arg::str(", 2020: —"),
        ]);
        let m = crate::msg!(Key::ListItems, items = found);
        assert_eq!(
            m.render(Lang::Vi),
            "2018: htt, 2019: htxs + sáng kiến, 2020: —"
        );
        assert_eq!(
            m.render(Lang::En),
            "2018: htt, 2019: htxs + initiative, 2020: —"
        );
        let mut m = crate::msg!(
            Key::ListItems,
            items = Arg::list(
                Key::ListComma,
                [
                    Arg::str("a"),
                    Arg::Capital(Box::new(crate::msg!(Key::ListItems, items = Arg::str("b"))))
                ]
            )
        );
        m.each_str(&mut |s| Some(format!("{s}!")));
        assert_eq!(m.render(Lang::En), "a!, B!");
    }

    #[test]
    fn lists_are_joined_in_the_language_of_the_output() {
        let found = Arg::list(
            Key::ListComma,
            [Arg::Key(Key::SniffDmy), Arg::Static("BOM")],
        );
        let m = crate::msg!(Key::SniffNonCanonical, found = found);
        assert_eq!(
            m.render(Lang::En),
            "the file is not in canonical form (d/m/yyyy dates, BOM); \
             it is read as the canonical file would be"
        );
        assert_eq!(
            m.render(Lang::Vi),
            "tệp không ở dạng chuẩn (ngày d/m/yyyy, BOM); vẫn được đọc như tệp chuẩn"
        );
        let cols = Arg::list(Key::ListCommaTight, ["id", "name"]);
        let mut m = crate::msg!(Key::LoadMissingColumnHelp, columns = cols);
        assert_eq!(m.render(Lang::En), "the header needs the columns: id,name");
        assert_eq!(m.render(Lang::Vi), "dòng tiêu đề cần các cột: id,name");
        let quoted = Arg::list(Key::ListArrow, [String::from("A\u{1b}"), String::from("B")]);
        m = crate::msg!(Key::StructUnitCycle, chain = quoted);
        m.each_str(&mut |s| Some(s.replace('\u{1b}', "?")));
        assert_eq!(
            m.render(Lang::En),
            "the units' parent links form a loop: A? → B"
        );
    }
}
