//! Unseen-style articles (tests/articles/, other domains and registers than the seeds) with
//! hand-computed relations in tests/articles_expected.csv. Keeps the rules honest: a planted
//! contradiction must be flagged on its line and a correct relation must not be.
mod common;

use claimcheck::model::Verdict;

/// Planted contradictions that must be found (raise as the rules improve).
const MIN_CONTRADICTIONS_FOUND: usize = 193;
/// Correct relations that may be flagged by mistake (lower as the rules improve).
const MAX_FALSE_ALARMS: usize = 0;

#[test]
fn planted_contradictions_are_found_and_correct_relations_are_not_flagged() {
    let root = common::project_root();
    let batch = claimcheck::run_paths(&[root.join("tests/articles")], &common::project_rules());
    assert!(batch.errors.is_empty(), "input errors: {:?}", batch.errors);
    let flagged = |doc: &str, line: usize| {
        batch.findings.iter().any(|f| {
            f.verdict == Verdict::Contradiction && batch.docs[f.doc].name == doc && f.line == line
        })
    };
    let mut reader = csv::Reader::from_path(root.join("tests/articles_expected.csv")).unwrap();
    let (mut found, mut missed, mut false_alarms) = (0, Vec::new(), Vec::new());
    for row in reader.records() {
        let row = row.unwrap();
        let (doc, line, verdict) = (&row[0], row[1].parse::<usize>().unwrap(), &row[3]);
        match (verdict, flagged(doc, line)) {
            ("contradiction", true) => found += 1,
            ("contradiction", false) => missed.push(format!("{doc}:{line} {}", &row[4])),
            (_, true) => false_alarms.push(format!("{doc}:{line} {}", &row[4])),
            _ => {}
        }
    }
    // Any contradiction on a line with no expected row is a false alarm too.
    let mut reader = csv::Reader::from_path(root.join("tests/articles_expected.csv")).unwrap();
    let expected: Vec<(String, usize)> = reader
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_string(), r[1].parse().unwrap()))
        .collect();
    for f in batch.findings.iter().filter(|f| f.verdict == Verdict::Contradiction) {
        let key = (batch.docs[f.doc].name.clone(), f.line);
        if !expected.contains(&key) {
            false_alarms.push(format!("{}:{} unexpected {} ({})", key.0, key.1, f.kind, f.message));
        }
    }
    println!("found {found}; missed {missed:#?}; false alarms {false_alarms:#?}");
    assert!(found >= MIN_CONTRADICTIONS_FOUND, "found {found}, missed {missed:#?}");
    assert!(false_alarms.len() <= MAX_FALSE_ALARMS, "false alarms: {false_alarms:#?}");
}
