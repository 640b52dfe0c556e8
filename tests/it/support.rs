//! What the test modules share now that they run in one process.

use std::sync::{Mutex, MutexGuard};

/// The process environment is shared by every test of this binary: a test
/// that sets or removes a variable (or starts children that must inherit a
/// known environment) holds this lock for as long as the change lasts and
/// undoes it before letting go.
pub fn env_lock() -> MutexGuard<'static, ()> {
    static ENV: Mutex<()> = Mutex::new(());
    ENV.lock().unwrap_or_else(|e| e.into_inner())
}

/// Sets `key` to `value` (or removes it) until dropped, then removes it, so a
/// failing test cannot leave it behind for the others. Hold [`env_lock`].
pub struct EnvVar(&'static str);

impl EnvVar {
    pub fn set(key: &'static str, value: Option<&str>) -> Self {
        match value {
            Some(v) => std::env::set_var(key, v),
            None => std::env::remove_var(key),
        }
        EnvVar(key)
    }
}

impl Drop for EnvVar {
    fn drop(&mut self) {
        std::env::remove_var(self.0);
    }
}
