//! `after-death`: an award decided after the person's death must be
//! posthumous (truy tặng); an emulation title is never conferred after death;
//! and `posthumous` is only for awards decided after a recorded death.

use crate::diag::RuleId;
use crate::i18n::Key;
use crate::model::{AwardClass, Recipient};
use crate::msg;
use crate::rules::evidence::{Judge, Verdict};
use crate::rules::index::{Claim, Source};

pub fn check(j: &mut Judge<'_>) {
    j.each_award(RuleId::AfterDeath, |c| c.recipient.is_person(), judge);
}

fn judge(j: &Judge<'_>, c: &Claim) -> Verdict {
    let (Source::Award(ai), Recipient::Person(p)) = (c.source, c.recipient) else {
        return Verdict::Pass;
    };
    let posthumous = j.ix.ds.awards[ai].posthumous;
    let Some(person) = j.ix.person(p) else {
        return Verdict::Pass;
    };
    let finding = match person.died {
        Some(died) if c.date > died => {
            if c.code.class() == AwardClass::Title {
                msg!(Key::LawAfterDeathTitle, date = c.date, died = died)
            } else if !posthumous {
                msg!(Key::LawAfterDeath, date = c.date, died = died)
            } else {
                return Verdict::Pass;
            }
        }
        Some(died) if posthumous => {
            msg!(Key::LawPosthumousAlive, date = c.date, died = died)
        }
        None if posthumous => msg!(Key::LawPosthumousNoDeath, date = c.date),
        _ => return Verdict::Pass,
    };
    Verdict::fail(finding, Key::LawAfterDeathHelp)
}
