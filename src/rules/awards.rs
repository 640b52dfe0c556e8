//! What the law says about one award code, for `thidua explain CODE`: the law
//! rules whose subject it is (its criteria, and what it requires before), the
//! rules every award is held to, and who may confer it in each period of the
//! authority table (`law/authority.toml`).
//!
//! A rule's subject is read from the registry, not kept in a second table:
//! the rule id begins with the code (`cstdcs-ratio`), and codes written
//! together with it in the rule's summary (`LDTT/CSTT needs …`) share it.

use crate::diag::RuleId;
use crate::model::{AwardCode, Code, Date, Issuer};

use super::{authority, law_table, LawRule};

/// One award code as the law sees it.
pub struct AwardLaw {
    pub code: AwardCode,
    /// The rules whose subject it is, in registry order.
    pub rules: Vec<&'static LawRule>,
    /// Law rules that concern every award (authority, kind, duplicates).
    pub general: Vec<&'static LawRule>,
    /// Who may confer it: (first day, last day, issuers), oldest first.
    pub authority: Vec<(Option<Date>, Option<Date>, &'static [Issuer])>,
}

/// The law about `code`.
pub fn about(code: AwardCode) -> AwardLaw {
    let mut rules = Vec::new();
    let mut general = Vec::new();
    for rule in law_table() {
        let subjects = subjects(rule);
        if subjects.contains(&code) {
            rules.push(rule);
        } else if subjects.is_empty() && rule.info.id != RuleId::MissingEvidence {
            general.push(rule);
        }
    }
    AwardLaw {
        code,
        rules,
        general,
        authority: periods(code),
    }
}

/// The award codes a law rule judges (empty for rules about every award).
pub fn subjects(rule: &LawRule) -> Vec<AwardCode> {
    let id = rule.info.id.as_str();
    let first = id.split('-').next().unwrap_or(id);
    let code_of = |c: &AwardCode| c.code().to_ascii_lowercase();
    // `cstdcs-…` is about CSTDCS; `hcld-…`, naming no one class, about them all.
    let exact: Vec<AwardCode> = AwardCode::ALL
        .iter()
        .copied()
        .filter(|c| code_of(c) == first)
        .collect();
    let mut out = if exact.is_empty() {
        AwardCode::ALL
            .iter()
            .copied()
            .filter(|c| first.len() >= 3 && code_of(c).starts_with(first))
            .collect()
    } else {
        exact
    };
    let Some(own) = out.first().copied() else {
        return out;
    };
    let summary = rule.info.summary.en;
    let together = summary
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '/'))
        .find(|t| t.split('/').any(|p| p == own.code()))
        .unwrap_or("");
    for part in together.split('/') {
        if let Some(c) = AwardCode::ALL.iter().find(|c| c.code() == part) {
            if !out.contains(c) {
                out.push(*c);
            }
        }
    }
    out
}

fn periods(code: AwardCode) -> Vec<(Option<Date>, Option<Date>, &'static [Issuer])> {
    let before = authority::allowed(code, false);
    let after = authority::allowed(code, true);
    match authority::two_tier_from() {
        Some(day) if before != after => {
            vec![
                (None, Some(Date::from_days(day.days() - 1)), before),
                (Some(day), None, after),
            ]
        }
        _ => vec![(None, None, after)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(code: AwardCode) -> Vec<&'static str> {
        about(code)
            .rules
            .iter()
            .map(|r| r.info.id.as_str())
            .collect()
    }

    #[test]
    fn an_award_is_the_subject_of_the_rules_named_after_it() {
        assert_eq!(
            ids(AwardCode::Cstdcs),
            ["cstdcs-requires-ldtt", "cstdcs-initiative", "cstdcs-ratio"]
        );
        // CSTT shares the LDTT rules (`LDTT/CSTT needs …`), but not the
        // absence rule, which is about LDTT alone.
        let cstt = ids(AwardCode::Cstt);
        assert!(cstt.contains(&"ldtt-rating") && !cstt.contains(&"ldtt-absence"));
        assert!(ids(AwardCode::Gk).is_empty());
        // A rule named after a family of codes is about each of them.
        assert!(ids(AwardCode::Hcld2).contains(&"hcld-order"));
        assert!(!ids(AwardCode::Bkttg).contains(&"bkt-prerequisites"));
        assert!(about(AwardCode::Gk)
            .general
            .iter()
            .any(|r| r.info.id.as_str() == "issuer-authority"));
    }

    #[test]
    fn authority_changes_with_two_tier_government_where_the_table_says_so() {
        let ldtt = about(AwardCode::Ldtt).authority;
        assert_eq!(ldtt.len(), 2);
        assert!(ldtt[0].2.contains(&Issuer::Huyen) && !ldtt[1].2.contains(&Issuer::Huyen));
        assert_eq!(about(AwardCode::Bkt).authority.len(), 1);
    }
}
