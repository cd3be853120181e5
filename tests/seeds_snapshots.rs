//! Snapshots of what the pipeline makes of the seed articles: the claims of each seed (as
//! `claims.csv` text), the findings of the whole batch (as `findings.csv` text) and the terminal
//! diagnostics (plain ASCII, no colours, fixed width). Stored in the top-level `snapshots/`.
//!
//! Review changes with `cargo insta review` (or accept `.snap.new` files by hand). With
//! `CI=true` insta never writes snapshots, and a missing or different one fails the test.
mod common;

use claimcheck::report;
use miette::GraphicalTheme;
use polars::prelude::*;

/// Run `f` with snapshots stored in `snapshots/` at the project root, named by the name given.
fn in_snapshots_folder(f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file's folder (tests/).
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(f);
}

fn csv_text(write: impl FnOnce(&mut Vec<u8>) -> csv::Result<()>) -> String {
    let mut buf = Vec::new();
    write(&mut buf).expect("write csv");
    String::from_utf8(buf).expect("csv is UTF-8")
}

#[test]
fn claims_of_each_seed() {
    let batch = common::seeds_batch();
    let frame = report::claims_frame(&batch.claims, &batch.docs).expect("claims frame");
    for path in common::seed_files() {
        let name = path
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        assert!(
            batch.docs.iter().any(|d| d.name == name),
            "seed {name} is not among the documents read"
        );
        let of_doc = frame
            .clone()
            .lazy()
            .filter(col("doc").eq(lit(name.as_str())))
            .collect()
            .expect("filter claims of one document");
        let text = csv_text(|w| report::write_claims_frame_csv(&of_doc, w));
        let stem = path
            .file_stem()
            .expect("file stem")
            .to_string_lossy()
            .into_owned();
        in_snapshots_folder(|| insta::assert_snapshot!(format!("claims_{stem}"), text));
    }
}

#[test]
fn findings_of_the_seeds_batch() {
    let batch = common::seeds_batch();
    let text = csv_text(|w| report::write_findings_csv(&batch, w));
    in_snapshots_folder(|| insta::assert_snapshot!("findings_seeds", text));
}

#[test]
fn diagnostics_of_the_seeds_batch() {
    let batch = common::seeds_batch();
    let text = report::render_diagnostics_to_string(&batch, GraphicalTheme::none(), 100);
    in_snapshots_folder(|| insta::assert_snapshot!("diagnostics_seeds", text));
}
