//! Rule files: every example of every rule runs through the whole pipeline; snapshots of the
//! findings per rule; the expression compiler, interval comparison, and rule-file diagnostics.
use std::path::PathBuf;

use claimcheck::check::{self, load_rule_str, load_rules, RuleSet};
use claimcheck::ingest::Document;
use claimcheck::model::{Finding, Verdict};

fn bundled() -> RuleSet {
    let (rules, errors) = RuleSet::bundled();
    let msgs: Vec<String> = errors.iter().map(|e| format!("{} at {}:{}", e, e.line, e.column)).collect();
    assert!(msgs.is_empty(), "bundled rule files must load: {msgs:#?}");
    rules
}

fn run(rules: &RuleSet, text: &str) -> Vec<Finding> {
    run_batch(rules, text, &[])
}

/// The example text as the first document of a batch, with `also` as further documents.
fn run_batch(rules: &RuleSet, text: &str, also: &[String]) -> Vec<Finding> {
    let mut docs = vec![Document::from_text("example", text.to_string())];
    docs.extend(also.iter().enumerate().map(|(i, t)| Document::from_text(&format!("also{}", i + 1), t.clone())));
    claimcheck::run_documents(docs, rules).findings
}

fn csv_line(f: &Finding) -> String {
    format!(
        "{},{},{},{},{},{:?},{},{},{}",
        f.line,
        f.rule,
        f.kind,
        f.verdict.as_str(),
        f.severity.as_str(),
        f.claims,
        f.stated,
        f.expected,
        f.message
    )
}

#[test]
fn every_rule_example_holds() {
    let rules = bundled();
    assert!(rules.rules.len() >= 20, "expected the bundled rules, got {}", rules.rules.len());
    let mut failures = Vec::new();
    let mut ran = 0;
    for rule in &rules.rules {
        let single = RuleSet::single(rule.clone());
        for ex in &rule.examples {
            ran += 1;
            let findings = run_batch(&single, &ex.text, &ex.also);
            let flagged = findings.iter().any(|f| f.rule == rule.id && f.verdict == Verdict::Contradiction);
            if flagged != ex.flag {
                failures.push(format!(
                    "{}: expected flag={} for {:?}\n    findings: {:#?}",
                    rule.id,
                    ex.flag,
                    ex.text,
                    findings.iter().map(csv_line).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(ran > 80, "only {ran} examples");
    assert!(failures.is_empty(), "{} of {ran} examples failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rule_examples_snapshots() {
    let rules = bundled();
    for rule in &rules.rules {
        let single = RuleSet::single(rule.clone());
        let mut out = String::from("line,rule,kind,verdict,severity,claims,stated,expected,message\n");
        for ex in &rule.examples {
            out.push_str(&format!("# {} (flag={})\n", ex.text.replace('\n', "⏎"), ex.flag));
            for f in run_batch(&single, &ex.text, &ex.also) {
                out.push_str(&csv_line(&f));
                out.push('\n');
            }
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots/rules");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(rule.id.clone(), out));
    }
}

/// Run one bundled rule over `text` and return its verdicts.
fn verdicts(rule: &str, text: &str) -> Vec<Verdict> {
    let rules = bundled();
    let single = RuleSet::single(rules.get(rule).expect("rule exists").clone());
    run(&single, text).into_iter().filter(|f| f.rule == rule).map(|f| f.verdict).collect()
}

#[test]
fn precision_intervals_decide() {
    // 48.6% stands for [48.55, 48.65): consistent with 48.63%.
    assert_eq!(verdicts("approx_restatement", "合格率为48.63%，即48.6%。"), vec![Verdict::Consistent]);
    assert_eq!(verdicts("approx_restatement", "合格率为48.63%，即47.6%。"), vec![Verdict::Contradiction]);
    // 约四成 holds 41% (as a share of a whole).
    assert_eq!(
        verdicts("ratio_share", "其中女性职工410人，占全部职工1000人的约四成。"),
        vec![Verdict::Consistent]
    );
    // 约一万五千元 holds 14960.
    assert_eq!(verdicts("approx_restatement", "每户平均补贴14960元，约一万五千元。"), vec![Verdict::Consistent]);
    // about twice holds 2.1.
    assert_eq!(
        verdicts("multiple_of", "Exports reached $21 million, about twice the $10 million of 2019."),
        vec![Verdict::Consistent]
    );
}

#[test]
fn unit_slips_are_unit_errors() {
    let rules = bundled();
    let single = RuleSet::single(rules.get("approx_restatement").unwrap().clone());
    let f = run(&single, "全年发电量达到12.6亿千瓦时，即12.6万千瓦时。");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].verdict, Verdict::Contradiction);
    assert_eq!(f[0].kind, "unit_error");
}

#[test]
fn bad_rule_files_point_at_the_problem() {
    // TOML syntax: the parser's span.
    let e = load_rule_str("rules/x.toml", "kind = \"ratio_mismatch\"\ndescription = \"d\nexpected = 1\n").unwrap_err();
    assert_eq!(e.line, 2, "{e:?}");
    // Unknown field.
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"ratio_mismatch\"\ndescription = \"d\"\npatern = '{a:money}'\nexpected = \"a\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (3, 1), "{e:?}");
    assert!(e.message.contains("patern"), "{}", e.message);
    // Bad regex inside a pattern: points at the pattern string.
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"ratio_mismatch\"\ndescription = \"d\"\npatterns = ['{stated:money}(占']\nexpected = \"1\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (3, 13), "{e:?}");
    // Unknown claim kind in a role macro: points at the macro.
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"ratio_mismatch\"\ndescription = \"d\"\npatterns = ['从{stated:dollars}']\nexpected = \"1\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (3, 15), "{e:?}");
    // Unknown builder, kind, severity.
    let e = load_rule_str("rules/x.toml", "kind = \"range_order\"\ndescription = \"d\"\nbuilder = \"ranges\"\nexpected = \"low\"\n")
        .unwrap_err();
    assert_eq!((e.line, e.column), (3, 11), "{e:?}");
    let e = load_rule_str("rules/x.toml", "kind = \"typo_kind\"\ndescription = \"d\"\nbuilder = \"range_order\"\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 8), "{e:?}");
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"range_order\"\nseverity = \"fatal\"\ndescription = \"d\"\nbuilder = \"range_order\"\nexpected = \"low\"\nstated = \"high\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (2, 12), "{e:?}");
    // Expression syntax and unknown roles: point inside the string.
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"ratio_mismatch\"\ndescription = \"d\"\npatterns = ['{a:money}{stated:percent}']\nexpected = \"a / (a + \"\n",
    )
    .unwrap_err();
    assert_eq!(e.line, 4, "{e:?}");
    assert!(e.column >= 20, "{e:?}");
    let e = load_rule_str(
        "rules/x.toml",
        "kind = \"ratio_mismatch\"\ndescription = \"d\"\npatterns = ['{a:money}{stated:percent}']\nexpected = \"a / whole\"\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (4, 17), "{e:?}");
    // The diagnostic renders with its label.
    let report = format!("{:?}", miette::Report::new(e));
    assert!(report.contains("unknown role"), "{report}");
}

#[test]
fn a_bad_file_is_skipped_and_the_rest_load() {
    let dir = std::env::temp_dir().join(format!("claimcheck-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.toml"), "kind = \"range_order\"\ndescription = \"d\"\nbuilder = \"range_order\"\nexpected = \"low\"\nstated = \"high\"\ncompare = \"ge\"\n").unwrap();
    std::fs::write(dir.join("bad.toml"), "kind = \"range_order\"\ndescription = \n").unwrap();
    let (rules, errors) = load_rules(&[PathBuf::from(&dir)]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(rules.rules.len(), 1);
    assert_eq!(rules.rules[0].id, "good");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].path.ends_with("bad.toml"));
    assert_eq!(errors[0].line, 2);
}

#[test]
fn cross_document_conflicts_compare_normalised_values() {
    let rules = bundled();
    let single = RuleSet::single(rules.get("cross_doc_conflict").unwrap().clone());
    let docs = |a: &str, b: &str| {
        claimcheck::run_documents(
            vec![Document::from_text("a", a.to_string()), Document::from_text("b", b.to_string())],
            &single,
        )
        .findings
    };
    let f = docs("2023年该市地区生产总值为4530亿元。", "2023年该市地区生产总值为4.53千亿元。");
    assert!(f.iter().all(|f| f.verdict != Verdict::Contradiction), "{f:?}");
    let f = docs("2023年该市地区生产总值为4530亿元。", "2023年该市地区生产总值为5120亿元。");
    assert_eq!(f.iter().filter(|f| f.verdict == Verdict::Contradiction).count(), 1, "{f:?}");
    assert_eq!(f[0].doc, 1);
    // Different years are different quantities.
    let f = docs("2023年该市地区生产总值为4530亿元。", "2022年该市地区生产总值为4120亿元。");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn name_sizes_against_parameter_figures() {
    let rules = bundled();
    let text = "Mixtral 8x7B（70亿参数量）与LLaMA-65B（650亿参数量）。";
    let doc = Document::from_text("n", text.to_string());
    let claims = claimcheck::extract::extract(&doc, 0, 0);
    let ident = |name: &str| {
        let start = doc.text.find(name).unwrap();
        check::Identifier { doc: 0, start, end: start + name.len(), text: name.to_string() }
    };
    let ids = vec![ident("Mixtral 8x7B"), ident("LLaMA-65B")];
    let single = RuleSet::single(rules.get("name_size").unwrap().clone());
    let f = check::check_with_identifiers(&[doc], &claims, &ids, &single);
    let v: Vec<Verdict> = f.iter().map(|f| f.verdict).collect();
    assert_eq!(v, vec![Verdict::Contradiction, Verdict::Consistent], "{f:#?}");
}
