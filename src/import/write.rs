//! Where an import's new files go: the first free name in each record
//! type's folder. The files are written by [`crate::fsutil::commit`], all or
//! nothing, never replacing an existing one.

use std::path::Path;

pub use crate::fsutil::{commit, FailPoint, NewFile};

/// The first free name `DIR/<stem>.csv`, `DIR/<stem>-2.csv`, … not on disk
/// and not in `taken`.
pub fn free_name(root: &Path, dir: &str, stem: &str, taken: &[String]) -> String {
    let mut n = 1;
    loop {
        let rel = if n == 1 {
            format!("{dir}/{stem}.csv")
        } else {
            format!("{dir}/{stem}-{n}.csv")
        };
        if !root.join(&rel).exists() && !taken.contains(&rel) {
            return rel;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_names_skip_files_on_disk_and_taken_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("awards")).unwrap();
        std::fs::write(root.join("awards/x.csv"), "old").unwrap();
        assert_eq!(free_name(root, "awards", "x", &[]), "awards/x-2.csv");
        assert_eq!(
            free_name(root, "awards", "x", &["awards/x-2.csv".into()]),
            "awards/x-3.csv"
        );
    }
}
