//! Development aid: run ingest + extract on paths and write claims.csv (and an empty
//! findings.csv) so score.py can be run before the full report stage exists.
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(&args[args.len() - 1]);
    let paths: Vec<PathBuf> = args[..args.len() - 1].iter().map(PathBuf::from).collect();
    let batch = claimcheck::run_paths(&paths, &claimcheck::check::RuleSet::default());
    std::fs::create_dir_all(&out).unwrap();
    let mut w = csv::Writer::from_path(out.join("claims.csv")).unwrap();
    w.write_record(["doc", "line", "col", "quote", "kind", "value", "unit", "approx", "source", "subject"]).unwrap();
    for c in &batch.claims {
        let doc = &batch.docs[c.doc].name;
        w.write_record([doc.as_str(), &c.line.to_string(), &c.col.to_string(), &c.quote, c.kind.as_str(), &c.value_text(), &c.unit, c.approx.as_str(), c.source.as_deref().unwrap_or(""), &c.subject]).unwrap();
    }
    std::fs::write(out.join("findings.csv"), "doc,line,rule,kind,severity,verdict,quotes,stated,expected,deviation,message\n").unwrap();
}
