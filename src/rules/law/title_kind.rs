//! `title-kind`: emulation titles are yearly, of kind `thuong_xuyen`.

use crate::diag::RuleId;
use crate::i18n::{Arg, Key};
use crate::model::{AwardClass, AwardKind, Code};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Source;

pub fn check(j: &mut Judge<'_>) {
    j.each_of(
        RuleId::TitleKind,
        |c| c.class() == AwardClass::Title,
        |c| matches!(c.source, Source::Award(_)),
        judge,
    );
}

fn judge(_: &Judge<'_>, c: &Claim) -> Verdict {
    if c.kind == AwardKind::ThuongXuyen {
        Verdict::Pass
    } else {
        Verdict::fail(
            msg!(
                Key::LawTitleKind,
                kind = Arg::name(c.kind),
                code = c.kind.code()
            ),
            Key::LawTitleKindHelp,
        )
    }
}
