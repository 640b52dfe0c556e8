//! A progress bar on stderr for big folders: shown only when stderr is a
//! terminal and loading has taken more than a moment; otherwise nothing.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long loading runs before a bar appears.
const DELAY: Duration = Duration::from_millis(400);

/// Tracks bytes read across all files.
pub struct Progress {
    enabled: bool,
    started: Option<Instant>,
    total: u64,
    done: u64,
    bar: Option<ProgressBar>,
    label: String,
}

impl Progress {
    /// A progress tracker that draws only if `enabled` (stderr is a terminal).
    pub fn new(enabled: bool, label: impl Into<String>) -> Self {
        Progress {
            enabled,
            started: None,
            total: 0,
            done: 0,
            bar: None,
            label: label.into(),
        }
    }

    /// A tracker that never draws.
    pub fn hidden() -> Self {
        Progress::new(false, "")
    }

    pub fn start(&mut self, total: u64) {
        self.total = total;
        self.done = 0;
        self.started = Some(Instant::now());
    }

    /// Sets the bytes read so far of the current file, on top of earlier files.
    pub fn at(&mut self, file_base: u64, in_file: u64) {
        self.done = file_base + in_file;
        if !self.enabled {
            return;
        }
        if self.bar.is_none() && self.started.is_some_and(|s| s.elapsed() >= DELAY) {
            // Set up out of sight, so that the first frame drawn already
            // shows how far reading has got rather than 0 B.
            let bar = ProgressBar::with_draw_target(Some(self.total), ProgressDrawTarget::hidden());
            let style =
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            bar.set_style(style);
            bar.set_message(self.label.clone());
            bar.set_position(self.done);
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.done);
        }
    }

    /// Bytes read so far across files.
    pub fn done(&self) -> u64 {
        self.done
    }

    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
