//! Mutation test: documents written as real bulletins, releases and results are written
//! (tests/mutation/*.txt, every figure consistent) with the relations that hold in them
//! (tests/mutation/*.toml, verified by tests/mutation/check.py). For each relation one number
//! is changed so that it breaks beyond rounding; the tool must flag a contradiction on that
//! figure, and must flag nothing on the unchanged documents.
mod common;

use claimcheck::ingest::Document;
use claimcheck::model::Verdict;
use serde::Deserialize;

/// Mutations that must be flagged on the changed figure (raise as the checks improve).
const MIN_MUTATIONS_FOUND: usize = 39;
/// Contradictions the tool may report on the unchanged documents (lower as they are fixed).
const MAX_FALSE_ALARMS: usize = 0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationFile {
    relation: Vec<Relation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Relation {
    id: String,
    kind: String,
    quotes: Vec<String>,
    #[allow(dead_code)] // read by check.py
    arithmetic: String,
    mutate: Mutation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mutation {
    quote: usize,
    to: String,
}

/// Contradictions of a one-document batch, each with the original byte ranges of its claims.
fn contradictions(doc: Document, rules: &claimcheck::check::RuleSet) -> Vec<(String, Vec<std::ops::Range<usize>>)> {
    let batch = claimcheck::run_documents(vec![doc], rules);
    assert!(batch.errors.is_empty(), "{:?}", batch.errors);
    let d = &batch.docs[0];
    batch
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradiction)
        .map(|f| {
            let spans = f.claims.iter().map(|&id| d.original_range(batch.claims[id].start..batch.claims[id].end)).collect();
            (format!("{}:{} {} ({})", d.name, f.line, f.kind, f.message), spans)
        })
        .collect()
}

#[test]
fn broken_relations_are_flagged_on_the_changed_figure_and_intact_text_is_not() {
    let rules = common::project_rules();
    let dir = common::project_root().join("tests/mutation");
    let mut specs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 10, "mutation corpus missing: {specs:?}");
    let (mut total, mut found, mut missed, mut false_alarms) = (0, 0, Vec::new(), Vec::new());
    let mut by_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for spec in &specs {
        let text = std::fs::read_to_string(spec.with_extension("txt")).unwrap();
        let name = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let file: RelationFile = toml::from_str(&std::fs::read_to_string(spec).unwrap()).unwrap();
        false_alarms.extend(contradictions(Document::from_text(&format!("{name}.txt"), text.clone()), &rules).into_iter().map(|(m, _)| m));
        for r in &file.relation {
            let quote = &r.quotes[r.mutate.quote];
            assert_eq!(text.matches(quote.as_str()).count(), 1, "{}: quote {quote:?} must occur once", r.id);
            let at = text.find(quote.as_str()).unwrap();
            let mutated = text.replacen(quote.as_str(), &r.mutate.to, 1);
            let changed = at..at + r.mutate.to.len();
            let hit = contradictions(Document::from_text(&format!("{}.txt", r.id), mutated), &rules)
                .iter()
                .any(|(_, spans)| spans.iter().any(|s| s.start < changed.end && changed.start < s.end));
            total += 1;
            let k = by_kind.entry(r.kind.clone()).or_default();
            k.1 += 1;
            if hit {
                found += 1;
                k.0 += 1;
            } else {
                missed.push(format!("{} {}: {quote} → {}", r.id, r.kind, r.mutate.to));
            }
        }
    }
    println!("mutations found {found} of {total}; by kind (found, total) {by_kind:?}");
    println!("missed {missed:#?}");
    println!("false alarms on the unchanged documents {false_alarms:#?}");
    assert!(found >= MIN_MUTATIONS_FOUND, "found {found} of {total}; missed {missed:#?}");
    assert!(false_alarms.len() <= MAX_FALSE_ALARMS, "false alarms: {false_alarms:#?}");
}
