//! One law rule, one place: the judgement of each law rule is a file of its
//! own here (`ldtt_rating.rs` judges `ldtt-rating`), registered in [`JUDGES`].
//! The law's tables (levels, citations, thresholds) are data in `law/*.toml`;
//! what several rules share lives in `members` (collective titles),
//! `prerequisites` (commendations) and the shared `evidence` and `index`
//! modules. `missing-evidence` has no file: it is the judge's own
//! (`evidence::Judge`), made from the other rules' unknowns. A judgement
//! needs no language: its findings and reasons are messages as data
//! (`crate::i18n::Msg`, see `evidence`). Of the pending proposals, a rule
//! reads for a person's claim only that individual's, and for a unit's
//! only its members': `eligible` relies on it to judge again, round after
//! round, only the candidates whose recipient lost one.

mod after_death;
mod bkt_prerequisites;
mod bkttg_prerequisites;
mod chuyen_de_campaign;
mod cstdcs_initiative;
mod cstdcs_ratio;
mod cstdcs_requires_ldtt;
mod cstdt_consecutive;
mod cstdtq_consecutive;
mod discipline_defers;
mod duplicate_title;
mod hcld3_prerequisites;
mod hcld_order;
mod issuer_authority;
mod ldtt_absence;
mod ldtt_discipline;
mod ldtt_new_staff;
mod ldtt_rating;
mod members;
mod prerequisites;
mod state_award_once_a_year;
mod title_kind;
mod ttldtt_discipline;
mod ttldtt_members;
mod ttldtt_rating;
mod ttldxs_discipline;
mod ttldxs_members;
mod ttldxs_rating;

use crate::diag::RuleId;
use crate::rules::evidence::Judge;

pub(crate) use members::Tallies;

/// A law rule's judgement: it walks the claims it concerns and hands each
/// verdict to the judge.
pub type JudgeFn = fn(&mut Judge<'_>);

/// Every law rule's judgement, in registry order (the order findings of one
/// record are made in).
pub static JUDGES: [(RuleId, JudgeFn); 26] = [
    (RuleId::LdttRating, ldtt_rating::check),
    (RuleId::LdttDiscipline, ldtt_discipline::check),
    (RuleId::LdttNewStaff, ldtt_new_staff::check),
    (RuleId::LdttAbsence, ldtt_absence::check),
    (RuleId::CstdcsRequiresLdtt, cstdcs_requires_ldtt::check),
    (RuleId::CstdcsInitiative, cstdcs_initiative::check),
    (RuleId::CstdcsRatio, cstdcs_ratio::check),
    (RuleId::CstdtConsecutive, cstdt_consecutive::check),
    (RuleId::CstdtqConsecutive, cstdtq_consecutive::check),
    (RuleId::TtldttMembers, ttldtt_members::check),
    (RuleId::TtldttDiscipline, ttldtt_discipline::check),
    (RuleId::TtldttRating, ttldtt_rating::check),
    (RuleId::TtldxsMembers, ttldxs_members::check),
    (RuleId::TtldxsDiscipline, ttldxs_discipline::check),
    (RuleId::TtldxsRating, ttldxs_rating::check),
    (RuleId::BktPrerequisites, bkt_prerequisites::check),
    (RuleId::BkttgPrerequisites, bkttg_prerequisites::check),
    (RuleId::Hcld3Prerequisites, hcld3_prerequisites::check),
    (RuleId::HcldOrder, hcld_order::check),
    (RuleId::IssuerAuthority, issuer_authority::check),
    (RuleId::TitleKind, title_kind::check),
    (RuleId::DuplicateTitle, duplicate_title::check),
    (RuleId::StateAwardOnceAYear, state_award_once_a_year::check),
    (RuleId::ChuyenDeCampaign, chuyen_de_campaign::check),
    (RuleId::DisciplineDefers, discipline_defers::check),
    (RuleId::AfterDeath, after_death::check),
];

/// Runs every law rule.
pub fn run(j: &mut Judge<'_>) {
    for (_, judge) in &JUDGES {
        judge(j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Family;

    #[test]
    fn every_law_rule_has_one_judgement_in_registry_order() {
        let judged: Vec<RuleId> = JUDGES.iter().map(|(id, _)| *id).collect();
        let law: Vec<RuleId> = RuleId::ALL
            .iter()
            .copied()
            .filter(|r| r.family() == Family::Law && *r != RuleId::MissingEvidence)
            .collect();
        assert_eq!(judged, law);
    }
}
