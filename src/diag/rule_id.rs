//! The one declaration of every rule the tool knows: the data format's
//! structural rules, the settings rule and the law's rules. It yields the
//! [`RuleId`] enum with its stable kebab-case id, so that a misspelt rule does
//! not compile. The level of a structural rule is written here, once; the
//! level of a law rule is the law's business (`law/rules.toml`, per window).

use super::{Family, Level};

/// Declares [`RuleId`]: `Variant = "id"` with the family, and for the rules
/// whose level does not depend on the law, that level.
macro_rules! declare_rules {
    (
        format { $($fv:ident = $fid:literal : $flevel:ident,)* }
        law { $($lv:ident = $lid:literal,)* }
    ) => {
        /// A rule, by its stable id (never reused). Declaration order is the
        /// registry's order (`thidua rules`): the format's rules, then the law's.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum RuleId {
            $($fv,)*
            $($lv,)*
        }

        impl RuleId {
            /// Every rule, in registry order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$fv,)* $(RuleId::$lv,)*];

            /// The stable kebab-case id (`ldtt-rating`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$fv => $fid,)*
                    $(RuleId::$lv => $lid,)*
                }
            }

            /// The rule named `s` exactly, if there is one.
            pub fn parse(s: &str) -> Option<RuleId> {
                match s {
                    $($fid => Some(RuleId::$fv),)*
                    $($lid => Some(RuleId::$lv),)*
                    _ => None,
                }
            }

            /// The level of a rule of the data format (or the settings file);
            /// `None` for a law rule, whose level depends on the record's
            /// window (`crate::rules`).
            pub const fn format_level(self) -> Option<Level> {
                match self {
                    $(RuleId::$fv => Some(Level::$flevel),)*
                    $(RuleId::$lv => None,)*
                }
            }
        }
    };
}

declare_rules! {
    format {
        ParseError = "parse-error": Error,
        MissingColumn = "missing-column": Error,
        MissingValue = "missing-value": Error,
        InvalidValue = "invalid-value": Error,
        UnknownColumn = "unknown-column": Warning,
        UnknownFile = "unknown-file": Warning,
        DuplicateId = "duplicate-id": Error,
        UnknownReference = "unknown-reference": Error,
        RecipientConflict = "recipient-conflict": Error,
        WrongRecipient = "wrong-recipient": Error,
        UnitCycle = "unit-cycle": Error,
        DateOrder = "date-order": Error,
        CampaignPeriod = "campaign-period": Warning,
        InvalidSetting = "invalid-setting": Error,
        NonCanonicalFile = "non-canonical-file": Warning,
        IdentityConflict = "identity-conflict": Warning,
    }
    law {
        LdttRating = "ldtt-rating",
        LdttDiscipline = "ldtt-discipline",
        LdttNewStaff = "ldtt-new-staff",
        LdttAbsence = "ldtt-absence",
        CstdcsRequiresLdtt = "cstdcs-requires-ldtt",
        CstdcsInitiative = "cstdcs-initiative",
        CstdcsRatio = "cstdcs-ratio",
        CstdtConsecutive = "cstdt-consecutive",
        CstdtqConsecutive = "cstdtq-consecutive",
        TtldttMembers = "ttldtt-members",
        TtldttDiscipline = "ttldtt-discipline",
        TtldttRating = "ttldtt-rating",
        TtldxsMembers = "ttldxs-members",
        TtldxsDiscipline = "ttldxs-discipline",
        TtldxsRating = "ttldxs-rating",
        BktPrerequisites = "bkt-prerequisites",
        BkttgPrerequisites = "bkttg-prerequisites",
        Hcld3Prerequisites = "hcld3-prerequisites",
        HcldOrder = "hcld-order",
        IssuerAuthority = "issuer-authority",
        TitleKind = "title-kind",
        DuplicateTitle = "duplicate-title",
        StateAwardOnceAYear = "state-award-once-a-year",
        ChuyenDeCampaign = "chuyen-de-campaign",
        DisciplineDefers = "discipline-defers",
        AfterDeath = "after-death",
        MissingEvidence = "missing-evidence",
    }
}

impl RuleId {
    /// The family: the data format's rules are structural, the rest the law's.
    pub const fn family(self) -> Family {
        match self.format_level() {
            Some(_) => Family::Structural,
            None => Family::Law,
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &r in RuleId::ALL {
            assert_eq!(RuleId::parse(r.as_str()), Some(r));
            assert!(seen.insert(r.as_str()), "duplicate id {r}");
            let kebab = r
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(kebab, "{r} is not kebab-case");
        }
        assert_eq!(RuleId::parse("ldtt-ratings"), None);
    }
}
