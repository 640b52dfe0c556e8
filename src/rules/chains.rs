//! The running chains the law counts across years for one individual —
//! consecutive LĐTT and CSTĐCS years, the years since the last regular
//! Bằng khen — and how far they lead ("CSTĐCS 2 of 3 consecutive years →
//! CSTĐ tỉnh possible from 2020"). This is an outlook for `eligible` and
//! `history`, not a judgement: whether an award may be given is always the
//! law's rules' answer. The figures are the law's thresholds
//! (`law/thresholds.toml`, `[thresholds]`).

use super::config::RuleConfig;
use super::ThresholdId;
use crate::model::{Award, AwardCode, AwardKind};

/// A run of consecutive years holding a title, ending at `last`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub years: u16,
    pub last: u16,
}

/// One individual's (or unit's) chains up to a year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Chains {
    /// LĐTT (or CSTT) in consecutive years.
    pub ldtt: Run,
    /// CSTĐCS in consecutive years.
    pub cstdcs: Run,
    /// The year of the last regular (`thuong_xuyen`) BKT or BKTTG.
    pub last_bkt: Option<u16>,
    /// The year of the last regular BKTTG.
    pub last_bkttg: Option<u16>,
}

/// The years of `code` in `held`, newest run ending at or before `upto`.
fn run(mut years: Vec<u16>, upto: u16) -> Run {
    years.retain(|y| *y <= upto);
    years.sort_unstable();
    years.dedup();
    let Some(&last) = years.last() else {
        return Run::default();
    };
    let mut n = 1;
    for w in years.windows(2).rev() {
        if w[1] == w[0] + 1 {
            n += 1;
        } else {
            break;
        }
    }
    Run { years: n, last }
}

/// The chains up to `upto` of the awards `held` (of one individual, across
/// their rows, or of one unit), plus `extra`: codes taken as held for `upto`
/// (the candidates found eligible that year).
pub fn chains<'a>(
    held: impl IntoIterator<Item = &'a Award>,
    upto: u16,
    extra: &[AwardCode],
) -> Chains {
    let mut ldtt = Vec::new();
    let mut cstdcs = Vec::new();
    let (mut bkt, mut bkttg) = (None::<u16>, None::<u16>);
    let held = held
        .into_iter()
        .filter(|a| !a.flawed && a.year <= upto)
        .map(|a| (a.award, a.kind, a.year));
    let extra = extra.iter().map(|c| (*c, AwardKind::ThuongXuyen, upto));
    for (code, kind, year) in held.chain(extra) {
        match code {
            AwardCode::Ldtt | AwardCode::Cstt => ldtt.push(year),
            AwardCode::Cstdcs => cstdcs.push(year),
            AwardCode::Bkt | AwardCode::Bkttg if kind == AwardKind::ThuongXuyen => {
                bkt = bkt.max(Some(year));
                if code == AwardCode::Bkttg {
                    bkttg = bkttg.max(Some(year));
                }
            }
            _ => {}
        }
    }
    Chains {
        ldtt: run(ldtt, upto),
        cstdcs: run(cstdcs, upto),
        last_bkt: bkt,
        last_bkttg: bkttg,
    }
}

/// Where a chain leads: `award` possible from `from`, with `have` of the
/// `need` years counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outlook {
    pub award: AwardCode,
    pub have: u16,
    pub need: u16,
    pub from: u16,
}

/// The awards the chains of a person lead to, seen from `year`: a CSTĐCS run
/// still alive (held the year before or this year) towards CSTĐ tỉnh; the
/// years since the last regular BKT towards BKTTG, and since the last BKTTG
/// towards HCLĐ hạng Ba.
pub fn outlook(c: &Chains, year: u16, config: &RuleConfig) -> Vec<Outlook> {
    let count = |id: ThresholdId| {
        let v = config.threshold(id.as_str());
        if v.is_finite() && v > 0.0 {
            v.round().min(100.0) as u16
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let need = count(ThresholdId::CstdtCstdcsYears);
    if c.cstdcs.years > 0 && c.cstdcs.last + 1 >= year && need > 0 {
        out.push(Outlook {
            award: AwardCode::Cstdt,
            have: c.cstdcs.years.min(need),
            need,
            from: (c.cstdcs.last + need.saturating_sub(c.cstdcs.years)).max(year),
        });
    }
    let mut since = |base: Option<u16>, award, need: u16| {
        if let Some(b) = base {
            out.push(Outlook {
                award,
                have: year.saturating_sub(b).min(need),
                need,
                from: b + need,
            });
        }
    };
    since(c.last_bkt, AwardCode::Bkttg, count(ThresholdId::BkttgYears));
    since(
        c.last_bkttg,
        AwardCode::Hcld3,
        count(ThresholdId::Hcld3Years),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_count_back_from_the_newest_year() {
        assert_eq!(
            run(vec![2015, 2017, 2018, 2019], 2019),
            Run {
                years: 3,
                last: 2019
            }
        );
        assert_eq!(
            run(vec![2015, 2017, 2018, 2019], 2017),
            Run {
                years: 1,
                last: 2017
            }
        );
        assert_eq!(run(vec![], 2019), Run::default());
    }

    #[test]
    fn outlook_counts_towards_the_next_award() {
        let c = Chains {
            cstdcs: Run {
                years: 2,
                last: 2019,
            },
            last_bkt: Some(2016),
            ..Chains::default()
        };
        let o = outlook(&c, 2019, &RuleConfig::default());
        assert_eq!(
            o[0],
            Outlook {
                award: AwardCode::Cstdt,
                have: 2,
                need: 3,
                from: 2020
            }
        );
        assert_eq!(
            o[1],
            Outlook {
                award: AwardCode::Bkttg,
                have: 3,
                need: 5,
                from: 2021
            }
        );
    }
}
