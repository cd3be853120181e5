//! Helpers shared by the integration tests that run the whole pipeline on the seed articles.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};

use claimcheck::check::RuleSet;
use claimcheck::Batch;

/// The project's own rule set, as the binary loads it by default; every bundled rule file
/// must load cleanly.
pub fn project_rules() -> RuleSet {
    let (rules, errors) = claimcheck::check::load_rules(&[project_root().join("rules")]);
    assert!(errors.is_empty(), "bundled rule files have errors: {errors:?}");
    rules
}

pub fn project_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds_dir() -> PathBuf {
    project_root().join("seeds")
}

/// The seed article files, sorted by name (listed here so that a seed the pipeline drops
/// shows up as a missing document, not as a silently absent snapshot).
pub fn seed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("read seeds/")
        .map(|e| e.expect("seeds/ entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no seed articles in {}",
        seeds_dir().display()
    );
    files
}

/// The whole pipeline over the seeds folder, with every seed read without error.
pub fn seeds_batch() -> Batch {
    let batch = claimcheck::run_paths(&[seeds_dir()], &project_rules());
    let errors: Vec<String> = batch.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "seed input errors: {errors:?}");
    batch
}
