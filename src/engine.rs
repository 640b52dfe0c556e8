//! The one check pipeline every command runs: settings → load → structural
//! → law. It returns the dataset, the settings and the rules' configuration,
//! the findings, the records the structural rules found flawed and the law's
//! coverage; `check`, `report` and `import` call it rather than assembling
//! the steps themselves.

use std::path::Path;

use crate::cache;
use crate::diag::Diagnostics;
use crate::load::{self, Progress};
use crate::model::{Dataset, Date, Flaws};
use crate::rules::config::{self, RuleConfig};
use crate::rules::findings::{Findings, LawFindings};
use crate::rules::{self, Coverage, Scope};
use crate::settings::Settings;
use crate::Result;

/// What the pipeline runs on.
pub struct EngineInput<'a> {
    pub root: &'a Path,
    /// The day the folder is checked as of (future dates).
    pub today: Date,
    /// Whether to run the law's rules after the structural ones.
    pub law: bool,
    /// The law judges only claims of these years (`report`); `None`: all.
    /// Earlier years are read as evidence either way.
    pub law_years: Option<&'a [u16]>,
}

/// The outcome of the pipeline, before anything is rendered.
pub struct Checked {
    /// The records, with the flawed ones marked.
    pub dataset: Dataset,
    pub settings: Settings,
    pub config: RuleConfig,
    /// Findings of the settings, the loader and the structural rules, sorted.
    pub diagnostics: Diagnostics,
    /// Findings of the law's rules, sorted (empty when the law was not run).
    pub law: LawFindings,
    /// How many `invalid-setting` problems `thidua.toml` has.
    pub settings_problems: usize,
    /// The records the structural rules found an error in.
    pub flaws: Flaws,
    /// How many records each law rule could judge.
    pub coverage: Coverage,
    /// Whether the folder was read from its snapshot, for `-v`.
    pub cache: cache::Outcome,
}

impl Checked {
    /// Every finding, the law's included, in the order `check` writes
    /// them; a law finding is made into a [`crate::diag::Diagnostic`] only
    /// when it is read.
    pub fn findings(&self) -> Findings<'_> {
        Findings {
            other: self.diagnostics.items(),
            law: Some((&self.law, &self.dataset)),
        }
    }

    /// Every finding, the law's included, in one sorted list of
    /// [`crate::diag::Diagnostic`]s (a few: `add` reads those about its
    /// record); they are moved out of `diagnostics` and `law`, which are
    /// left empty.
    pub fn all_findings(&mut self) -> Diagnostics {
        let mut all = std::mem::take(&mut self.diagnostics);
        let law = std::mem::take(&mut self.law);
        all.extend(law.diagnostics(&self.dataset));
        all.sort();
        all
    }
}

/// Runs the pipeline on the folder of `input`. Problems in the data are
/// findings; only a folder that cannot be read is an error.
pub fn run(input: &EngineInput<'_>, progress: &mut Progress) -> Result<Checked> {
    run_cached(input, None, progress)
}

/// [`run`], loading the folder through the snapshot cache kept in
/// `cache_dir` (`None`: parse it): what the commands that only read use.
pub fn run_cached(
    input: &EngineInput<'_>,
    cache_dir: Option<&Path>,
    progress: &mut Progress,
) -> Result<Checked> {
    let EngineInput { root, today, .. } = *input;
    load::ensure_folder(root)?;
    let (settings, mut setting_problems) = load::settings::read(root);
    let (config, config_problems) = config::configure(&settings);
    setting_problems.extend(config_problems);
    let settings_problems = setting_problems.len();
    let mut diagnostics = Diagnostics::with_overrides(config.levels.clone());
    diagnostics.extend(setting_problems);
    let max_mb = settings
        .max_file_mb
        .unwrap_or(load::guard::DEFAULT_MAX_FILE_MB);
    let load_input = cache::LoadInput {
        root,
        today,
        max_mb,
    };
    let (mut dataset, cache) = cache::load(cache_dir, &load_input, &mut diagnostics, progress)?;
    let flaws = structural(&mut dataset, today, &mut diagnostics);
    let mut law = LawFindings::with_overrides(config.levels.clone());
    let coverage = if input.law {
        // `check` and `report` look nothing up by text after loading.
        dataset.strings.drop_index();
        let scope = input.law_years.map_or(Scope::All, Scope::Years);
        rules::check_law_in(&dataset, &config, scope, &mut law)
    } else {
        Coverage::default()
    };
    diagnostics.sort();
    law.sort(&dataset);
    Ok(Checked {
        dataset,
        settings,
        config,
        diagnostics,
        law,
        settings_problems,
        flaws,
        coverage,
        cache,
    })
}

/// The structural rules over a loaded dataset; the records they find flawed
/// are marked, for the law's rules and the reports to leave out.
pub fn structural(ds: &mut Dataset, today: Date, sink: &mut Diagnostics) -> Flaws {
    let flaws = rules::structural::check(ds, today, sink);
    flaws.mark(ds);
    flaws
}
