//! The seed articles scored against the hand gold (tests/fixtures/gold_*.csv) by the shared
//! scorer (tests/tools/score.py, a copy of the project's tools/score.py), with floors that
//! only go up: a change that makes extraction or checking worse fails here.
mod common;

use std::path::Path;
use std::process::Command;

use claimcheck::report;
use serde_json::Value;

// Floors and ceilings. Raise a floor (or lower a ceiling) to the measured value when a change
// improves it; never loosen one to make a change pass.
/// Claims: share of tool claims that match a gold quantity row.
const MIN_CLAIMS_PRECISION: f64 = 0.99;
/// Claims: share of gold quantity rows found.
const MIN_CLAIMS_RECALL: f64 = 0.97;
/// Claims: share of matched claims with the gold value.
const MIN_VALUE_ACCURACY: f64 = 0.97;
/// Claims: tool claims taken on gold identifier rows (model names, ordinals, idioms…).
const MAX_IDENTIFIER_HITS: u64 = 1;
/// Findings: share of gold contradictions found.
const MIN_FINDINGS_RECALL: f64 = 1.0;
/// Findings: contradictions reported that are not gold contradictions (false alarms on
/// consistent rows plus findings matching no gold row).
const MAX_FALSE_ALARMS: u64 = 0;

fn python3_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn number(v: &Value, path: &str) -> f64 {
    v.pointer(path).and_then(Value::as_f64).unwrap_or(0.0)
}

fn count(v: &Value, path: &str) -> u64 {
    v.pointer(path).and_then(Value::as_u64).unwrap_or(0)
}

#[test]
fn seeds_score_at_least_the_floors() {
    assert!(
        python3_available(),
        "python3 is needed to run tests/tools/score.py (the gold scorer); install python3 >= 3.11"
    );
    let batch = common::seeds_batch();

    let tmp = std::env::temp_dir().join(format!("claimcheck-gold-{}", std::process::id()));
    let (out, gold) = (tmp.join("out"), tmp.join("gold"));
    std::fs::create_dir_all(&out).expect("create output folder");
    std::fs::create_dir_all(&gold).expect("create gold folder");
    let create = |p: &Path| std::fs::File::create(p).expect("create output file");
    report::write_claims_csv(&batch, create(&out.join("claims.csv"))).expect("claims.csv");
    report::write_findings_csv(&batch, create(&out.join("findings.csv"))).expect("findings.csv");
    // score.py reads the gold as <DIR>/claims.csv and <DIR>/findings.csv.
    let fixtures = common::project_root().join("tests/fixtures");
    std::fs::copy(fixtures.join("gold_claims.csv"), gold.join("claims.csv")).expect("gold claims");
    std::fs::copy(
        fixtures.join("gold_findings.csv"),
        gold.join("findings.csv"),
    )
    .expect("gold findings");

    let scored = Command::new("python3")
        .arg(common::project_root().join("tests/tools/score.py"))
        .arg("seeds")
        .arg(&out)
        .arg("--json")
        .arg("--gold")
        .arg(&gold)
        .output()
        .expect("run score.py");
    let _ = std::fs::remove_dir_all(&tmp);
    let stdout = String::from_utf8_lossy(&scored.stdout);
    assert!(
        scored.status.success(),
        "score.py failed ({}): {}{}",
        scored.status,
        stdout,
        String::from_utf8_lossy(&scored.stderr)
    );
    let score: Value = serde_json::from_str(&stdout).expect("score.py --json prints JSON");

    let measured = [
        (
            "claims precision",
            number(&score, "/claims/precision"),
            MIN_CLAIMS_PRECISION,
        ),
        (
            "claims recall",
            number(&score, "/claims/recall"),
            MIN_CLAIMS_RECALL,
        ),
        (
            "value accuracy",
            number(&score, "/claims/value_accuracy"),
            MIN_VALUE_ACCURACY,
        ),
        (
            "findings recall",
            number(&score, "/recall"),
            MIN_FINDINGS_RECALL,
        ),
    ];
    let ceilings = [
        (
            "identifier hits",
            count(&score, "/claims/identifier_hits"),
            MAX_IDENTIFIER_HITS,
        ),
        ("false alarms", count(&score, "/fp"), MAX_FALSE_ALARMS),
    ];
    let mut report_lines = Vec::new();
    let mut failures = Vec::new();
    for (name, value, floor) in measured {
        report_lines.push(format!("{name:<16} {value:.4} (floor {floor})"));
        if value < floor {
            failures.push(format!("{name} {value:.4} < {floor}"));
        }
    }
    for (name, value, ceiling) in ceilings {
        report_lines.push(format!("{name:<16} {value} (ceiling {ceiling})"));
        if value > ceiling {
            failures.push(format!("{name} {value} > {ceiling}"));
        }
    }
    // Shown with --nocapture, and on failure: the numbers to raise the floors to.
    println!("{}", report_lines.join("\n"));
    assert!(
        failures.is_empty(),
        "below the gold floors: {}\n{}",
        failures.join("; "),
        report_lines.join("\n")
    );
}
