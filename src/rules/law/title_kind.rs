//! `title-kind`: emulation titles are yearly, of kind `thuong_xuyen`.

use crate::diag::RuleId;
use crate::model::{AwardClass, AwardKind, Code};
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::Claim;
use crate::rules::index::Source;
use crate::tr;

pub fn check(j: &mut Judge<'_>) {
    j.each(
        RuleId::TitleKind,
        |c| matches!(c.source, Source::Award(_)) && c.code.class() == AwardClass::Title,
        judge,
    );
}

fn judge(j: &Judge<'_>, c: &Claim) -> Verdict {
    if c.kind == AwardKind::ThuongXuyen {
        Verdict::Pass
    } else {
        Verdict::fail(
            tr!(
                j.lang,
                "law.title-kind",
                kind = c.kind.name(j.lang),
                code = c.kind.code()
            ),
            j.lang.t("law.title-kind.help"),
        )
    }
}
