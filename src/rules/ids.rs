//! The typed names of the law's tables: [`WindowId`] for the regime windows
//! and [`ThresholdId`] for the figures a province may change. Each is one
//! declaration yielding the enum, its stable kebab-case id, `parse` and
//! `ALL`; the files under `law/` name them by that id, and a test holds the
//! files and the enums together both ways.

/// Declares a kebab-case id enum: `Variant = "id"`.
macro_rules! declare_ids {
    ($(#[$doc:meta])* $name:ident { $($v:ident = $id:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        pub enum $name {
            $($v,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
            /// How many there are.
            pub const COUNT: usize = $name::ALL.len();

            /// The stable id, as the law files write it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $id,)*
                }
            }

            /// The value written `s`, if there is one.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($id => Some($name::$v),)*
                    _ => None,
                }
            }

            /// Its place in declaration order, for tables with one slot each.
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

declare_ids! {
    /// A regime window of the law, oldest first (`law/windows.toml`).
    WindowId {
        Law2003Nd42 = "law2003-nd42",
        Law2003Nd65 = "law2003-nd65",
        Law2003Nd91 = "law2003-nd91",
        Law2022Nd98 = "law2022-nd98",
        Law2022Nd152 = "law2022-nd152",
        Law2026 = "law2026",
    }
}

declare_ids! {
    /// A figure of the law that `[thresholds]` may change (`law/thresholds.toml`).
    ThresholdId {
        LdttMinMonthsOld = "ldtt-min-months-old",
        LdttMinMonths = "ldtt-min-months",
        LdttMaxAbsentDays = "ldtt-max-absent-days",
        CstdcsRatioPercent = "cstdcs-ratio-percent",
        TtldttMinPercentOld = "ttldtt-min-percent-old",
        TtldttMinPercent = "ttldtt-min-percent",
        TtldxsMinPercent = "ttldxs-min-percent",
        TtldxsMinCstdcs = "ttldxs-min-cstdcs",
        CstdtCstdcsYears = "cstdt-cstdcs-years",
        CstdtqCstdtCount = "cstdtq-cstdt-count",
        CstdtqCycleYears = "cstdtq-cycle-years",
        BktYears = "bkt-years",
        BktInitiatives = "bkt-initiatives",
        BktCstdcs = "bkt-cstdcs",
        BkttgYears = "bkttg-years",
        BkttgInitiativesOld = "bkttg-initiatives-old",
        BkttgCstdcs = "bkttg-cstdcs",
        Hcld3Years = "hcld3-years",
        Hcld3InitiativesOld = "hcld3-initiatives-old",
        Hcld3Cstdcs = "hcld3-cstdcs",
        Hcld3MinHtxs = "hcld3-min-htxs",
        HcldOrderYears = "hcld-order-years",
    }
}

declare_ids! {
    /// A named part of a law rule whose level in a window differs from the
    /// rule's (`variants` in `law/rules.toml`).
    Variant {
        HtxsWithoutInitiative = "htxs-without-initiative",
    }
}

/// One value per window, indexed by [`WindowId`] (never by a bare position).
#[derive(Debug, Clone)]
pub struct PerWindow<T>(pub(crate) Vec<T>);

impl<T> PerWindow<T> {
    /// The windows with their values, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (WindowId, &T)> {
        WindowId::ALL.iter().copied().zip(self.0.iter())
    }
}

impl<T> std::ops::Index<WindowId> for PerWindow<T> {
    type Output = T;
    fn index(&self, w: WindowId) -> &T {
        &self.0[w.index()]
    }
}
