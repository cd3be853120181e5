//! Development aid: run the whole pipeline on each line of stdin (one document per line)
//! with the bundled rules and print the findings (claims when there are none).
use std::io::BufRead;

fn main() {
    let (rules, errors) = claimcheck::check::load_rules(&[std::path::PathBuf::from("rules")]);
    for e in errors {
        eprintln!("{:?}", miette::Report::new(e));
    }
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let doc = claimcheck::ingest::Document::from_text("probe", line.clone());
        let batch = claimcheck::run_documents(vec![doc], &rules);
        println!("== {line}");
        for f in &batch.findings {
            println!("   {} {} {} | stated {} expected {} | {}", f.verdict.as_str(), f.rule, f.kind, f.stated, f.expected, f.message);
        }
        if batch.findings.is_empty() {
            let claims: Vec<String> = batch.claims.iter().map(|c| format!("{}={}{}", c.quote, c.value_text(), c.unit)).collect();
            println!("   (none) claims: {}", claims.join(", "));
        }
    }
}
