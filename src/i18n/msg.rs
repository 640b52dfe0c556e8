//! Messages as data (issue 15, "findings carry data"): a [`Msg`] is a typed
//! catalogue [`Key`] with typed [`Arg`]s, cheap to make (no formatting, no
//! language) and rendered only when written out, by [`Msg::render`].
//!
//! Make one with [`msg!`](crate::msg): `msg!(Key::LawLdttRating, year = c.year,
//! rating = Arg::name(e.rating))`. The keys are generated from the catalogue
//! by `build.rs`, so a misspelt key does not compile; a test holds keys and
//! entries together both ways.

use std::fmt::Write as _;

use super::Lang;
use crate::model::{Code, Date};

include!(concat!(env!("OUT_DIR"), "/keys.rs"));

impl Key {
    /// The text of this key in `lang`, placeholders unfilled.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.t(self.as_str())
    }
}

/// One argument of a message, rendered in the message's language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text quoted from a file or computed (an id, a name, a path).
    Str(Box<str>),
    /// A text that needs no translation and no copy.
    Static(&'static str),
    Int(i64),
    Year(u16),
    Date(Date),
    /// A code's full name (Vietnamese or English gloss).
    Name {
        vi: &'static str,
        en: &'static str,
    },
    /// Another message of the catalogue, without arguments.
    Key(Key),
    /// Another message with its own arguments.
    Msg(Box<Msg>),
    /// Arguments written one after another with `sep` between them (a list
    /// of columns, of what makes a file non-canonical), joined when rendered.
    List {
        sep: &'static str,
        items: Box<[Arg]>,
    },
}

impl Arg {
    /// The full name of a code value, in the language of the output.
    pub fn name<C: Code>(c: C) -> Arg {
        Arg::Name {
            vi: c.name_vi(),
            en: c.name_en(),
        }
    }

    /// `items` joined by `sep` when rendered.
    pub fn list(sep: &'static str, items: impl IntoIterator<Item = impl Into<Arg>>) -> Arg {
        Arg::List {
            sep,
            items: items.into_iter().map(Into::into).collect(),
        }
    }

    /// Applies `f` to every quoted text (`Str`) in this argument.
    fn each_str(&mut self, f: &mut impl FnMut(&mut String)) {
        match self {
            Arg::Str(s) => {
                let mut owned = std::mem::take(s).into_string();
                f(&mut owned);
                *s = owned.into_boxed_str();
            }
            Arg::Msg(m) => m.each_str(f),
            Arg::List { items, .. } => items.iter_mut().for_each(|a| a.each_str(f)),
            _ => {}
        }
    }

    fn render(&self, lang: Lang, out: &mut String) {
        let _ = match self {
            Arg::Str(s) => write!(out, "{s}"),
            Arg::Static(s) => write!(out, "{s}"),
            Arg::Int(n) => write!(out, "{n}"),
            Arg::Year(y) => write!(out, "{y}"),
            Arg::Date(d) => write!(out, "{d}"),
            Arg::Name { vi, en } => write!(out, "{}", lang.pick(vi, en)),
            Arg::Key(k) => write!(out, "{}", k.text(lang)),
            Arg::Msg(m) => {
                m.render_into(lang, out);
                Ok(())
            }
            Arg::List { sep, items } => {
                for (i, a) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    a.render(lang, out);
                }
                Ok(())
            }
        };
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

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s.into_boxed_str())
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::raw(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::raw(s)
    }
}

impl From<std::borrow::Cow<'static, str>> for Msg {
    fn from(s: std::borrow::Cow<'static, str>) -> Msg {
        match s {
            std::borrow::Cow::Borrowed(s) => Msg::new(Key::Raw).arg("text", Arg::Static(s)),
            std::borrow::Cow::Owned(s) => Msg::raw(s),
        }
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
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(key: Key) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// A text rendered where the finding was made (the transition to typed
    /// keys; see `crate::diag`).
    pub fn raw(text: impl Into<String>) -> Msg {
        Msg::new(Key::Raw).arg("text", text.into())
    }

    /// Applies `f` to every quoted text (`Str`) of the message and of the
    /// messages in it: what `defang` escapes.
    pub fn each_str(&mut self, f: &mut impl FnMut(&mut String)) {
        for (_, a) in &mut self.args {
            a.each_str(f);
        }
    }

    /// Adds argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`, its `{name}` placeholders filled.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        let mut rest = self.key.text(lang);
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return;
            };
            let name = &after[..close];
            match self.args.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => v.render(lang, out),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
    }
}

/// `msg!(Key::X, name = value, …)`: a [`Msg`] whose arguments are converted
/// with `Into<Arg>`; nothing is formatted until it is rendered.
#[macro_export]
macro_rules! msg {
    ($key:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::i18n::Msg {
            key: $key,
            args: vec![$((stringify!($name), $crate::i18n::Arg::from($val))),*],
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rating;

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
    fn lists_are_joined_in_the_language_of_the_output() {
        let found = Arg::list(", ", [Arg::Key(Key::SniffDmy), Arg::Static("BOM")]);
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
        let cols = Arg::list(",", ["id", "name"]);
        let mut m = crate::msg!(Key::LoadMissingColumnHelp, columns = cols);
        assert_eq!(m.render(Lang::En), "the header needs the columns: id,name");
        assert_eq!(m.render(Lang::Vi), "dòng tiêu đề cần các cột: id,name");
        let quoted = Arg::list(" → ", [String::from("A\u{1b}"), String::from("B")]);
        m = crate::msg!(Key::StructUnitCycle, chain = quoted);
        m.each_str(&mut |s| *s = s.replace('\u{1b}', "?"));
        assert_eq!(
            m.render(Lang::En),
            "the units' parent links form a loop: A? → B"
        );
    }
}
