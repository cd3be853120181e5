//! claimcheck: finds numbers in articles that contradict each other.
//!
//! The whole pipeline, top to bottom:
//!
//! 1. [`ingest`]: files → [`ingest::Document`] (decoded, normalised, mapped back to the original);
//! 2. [`extract`]: documents → [`model::Claim`]s, gathered into a Polars frame;
//! 3. [`check`]: claims + rule files → [`model::Finding`]s;
//! 4. [`report`]: findings and claims → CSV files and terminal diagnostics (the binary prints).
pub mod check;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod report;

use std::path::PathBuf;

use ingest::{Document, IngestError};
use model::{Claim, Finding};

/// Everything one run produced. Per-file input errors are kept, never fatal.
#[derive(Debug, Default)]
pub struct Batch {
    pub docs: Vec<Document>,
    pub errors: Vec<IngestError>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

/// Run the pipeline over already-read documents.
pub fn run_documents(docs: Vec<Document>, rules: &check::RuleSet) -> Batch {
    use rayon::prelude::*;
    // Documents are independent: extract them in parallel, then number the claims in batch
    // order so ids stay deterministic.
    // A panic in one document (a bug) must not lose the batch: that document is reported.
    let per_doc: Vec<Result<(Vec<Claim>, Vec<check::Identifier>), String>> = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                (extract::extract(doc, i, 0), extract::sized_names(doc, i))
            }))
            .map_err(|e| {
                e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
            })
        })
        .collect();
    let mut claims = Vec::new();
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for (i, result) in per_doc.into_iter().enumerate() {
        let (found, sized) = match result {
            Ok(x) => x,
            Err(message) => {
                errors.push(IngestError::Internal { path: docs[i].name.clone().into(), message });
                continue;
            }
        };
        let base = claims.len();
        claims.extend(found.into_iter().map(|mut c| {
            c.id += base;
            c
        }));
        names.extend(sized);
    }
    let findings = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check::check_with_identifiers(&docs, &claims, &names, rules)
    })) {
        Ok(f) => f,
        Err(_) => {
            // A bug in a rule or builder: keep the claims, report the check as failed.
            errors.push(IngestError::Internal { path: "(check stage)".into(), message: "the check stage failed; no findings".into() });
            Vec::new()
        }
    };
    Batch { docs, errors, claims, findings }
}

/// Run the pipeline over files and folders (folders walked recursively in sorted order).
pub fn run_paths(paths: &[PathBuf], rules: &check::RuleSet) -> Batch {
    use rayon::prelude::*;
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    // Decoding and normalising are per file: read in parallel, keep the walk's order.
    let read: Vec<_> = ingest::collect_inputs(paths)
        .into_par_iter()
        .map(|input| input.and_then(|(path, name)| ingest::read_document(&path, &name)))
        .collect();
    for result in read {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    let mut batch = run_documents(docs, rules);
    errors.append(&mut batch.errors);
    batch.errors = errors;
    batch
}
