//! Throughput on the seed articles repeated to a given size (default 50 MB), in memory:
//!
//!     cargo run --release --example throughput            # 50 MB
//!     cargo run --release --example throughput -- 5       # 5 MB
//!
//! Prints MB/s (1 MB = 10^6 bytes of UTF-8 input) for ingest + extract, and for the whole
//! pipeline (ingest, extract, check, and writing both CSVs to a sink). Each repetition of a
//! seed is its own document, so cross-document checks see a realistic batch shape.
use std::path::Path;
use std::time::Instant;

use claimcheck::check::RuleSet;
use claimcheck::ingest::Document;
use claimcheck::{extract, report};

/// The bundled rules (malformed files are skipped here; the test suite reports them).
fn load_rules(rules_dir: &Path) -> RuleSet {
    claimcheck::check::load_rules(&[rules_dir.to_path_buf()]).0
}

fn main() {
    let megabytes: f64 = match std::env::args().nth(1) {
        None => 50.0,
        Some(arg) => match arg.parse() {
            Ok(mb) if mb > 0.0 => mb,
            _ => {
                eprintln!("usage: throughput [MEGABYTES]  (a positive number, default 50)");
                std::process::exit(2);
            }
        },
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(root.join("seeds"))
        .expect("read seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("seed is UTF-8"))
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seed articles");

    // Seeds repeated until the batch reaches the target size.
    let target = (megabytes * 1e6) as usize;
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut total = 0;
    'fill: for round in 0.. {
        for (name, text) in &seeds {
            if total >= target {
                break 'fill;
            }
            total += text.len();
            inputs.push((format!("{round:05}_{name}"), text.clone()));
        }
    }
    let mb = total as f64 / 1e6;
    println!("input: {} documents, {mb:.1} MB", inputs.len());

    // Ingest + extract.
    let started = Instant::now();
    let mut claims = 0;
    for (i, (name, text)) in inputs.iter().enumerate() {
        let doc = Document::from_text(name, text.clone());
        claims += extract::extract(&doc, i, claims).len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "ingest+extract: {secs:.2} s, {:.2} MB/s, {claims} claims",
        mb / secs
    );

    // The whole pipeline, CSV writing included.
    let rules = load_rules(&root.join("rules"));
    let started = Instant::now();
    let docs: Vec<Document> = inputs
        .into_iter()
        .map(|(name, text)| Document::from_text(&name, text))
        .collect();
    let batch = claimcheck::run_documents(docs, &rules);
    report::write_claims_csv(&batch, std::io::sink()).expect("write claims");
    report::write_findings_csv(&batch, std::io::sink()).expect("write findings");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "whole pipeline: {secs:.2} s, {:.2} MB/s, {} claims, {} findings",
        mb / secs,
        batch.claims.len(),
        batch.findings.len()
    );
}
