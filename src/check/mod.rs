//! Stage 3, check: claims → findings, driven by rule files.
//!
//! Input: the batch's documents and claims, and a [`RuleSet`] loaded from `rules/*.toml`
//! (see `rules/README.md` for the format). Output: one [`Finding`] per relation checked —
//! consistent, contradiction or unverifiable — sorted by document, line, rule and claims.
//!
//! 1. [`relate`]: rules find relations — regex patterns over claim skeletons
//!    ([`skeleton`]), or built-in builders (formulas, ranges, calendars, repeated figures);
//! 2. [`eval`]: each relation's arithmetic ([`expr`], parsed once per rule) is evaluated by
//!    interval arithmetic over its roles, and the stated interval is compared with the
//!    expected one at the stated precision.
pub mod builders;
pub mod calendar;
pub mod eval;
pub mod expr;
pub mod graph;
pub mod relate;
pub mod relation;
pub mod rule;
pub mod skeleton;
pub mod units;

use std::path::{Path, PathBuf};

use crate::ingest::Document;
use crate::model::{Claim, Finding};
pub use rule::{load_rule_str, Compare, Example, Rule, RuleError};

/// A name that carries a number but is not a quantity (`Llama-2-70B`), found by the extractor.
#[derive(Debug, Clone, PartialEq)]
pub struct Identifier {
    pub doc: usize,
    /// Byte offsets into `Document::text`.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The loaded rules, in id order (later directories override earlier ones by id).
#[derive(Debug, Default, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The rules shipped in the crate's `rules/` directory.
    pub fn bundled() -> (RuleSet, Vec<RuleError>) {
        load_rules(&[bundled_dir()])
    }

    /// The rule files compiled into the library (see build.rs): the binary's default when no
    /// `rules/` folder is at hand.
    pub fn embedded() -> (RuleSet, Vec<RuleError>) {
        let mut rules = Vec::new();
        let mut errors = Vec::new();
        for (name, text) in embedded::BUNDLED_RULES {
            match load_rule_str(name, text) {
                Ok(r) => rules.push(r),
                Err(e) => errors.push(e),
            }
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        (RuleSet { rules }, errors)
    }

    /// Add `other`'s rules; a rule with an id already present replaces it.
    pub fn extend(&mut self, other: RuleSet) {
        for r in other.rules {
            self.rules.retain(|x| x.id != r.id);
            self.rules.push(r);
        }
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// A set holding one rule (for tests of that rule).
    pub fn single(rule: Rule) -> RuleSet {
        RuleSet { rules: vec![rule] }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Where the bundled rule files live.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/bundled_rules.rs"));
}

pub fn bundled_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// Load every `*.toml` rule file of `dirs`. A malformed file is reported and skipped; a file
/// whose id (stem) repeats an earlier one replaces it, so `--rules DIR` can override a rule.
pub fn load_rules(dirs: &[PathBuf]) -> (RuleSet, Vec<RuleError>) {
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    for path in rule::rule_files(dirs) {
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(RuleError {
                    path: name.clone(),
                    message: format!("cannot read: {e}"),
                    line: 1,
                    column: 1,
                    src: miette::NamedSource::new(name, String::new()),
                    span: (0, 0).into(),
                    label: "here".into(),
                });
                continue;
            }
        };
        match load_rule_str(&name, &text) {
            Ok(r) => {
                rules.retain(|x| x.id != r.id);
                rules.push(r);
            }
            Err(e) => errors.push(e),
        }
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    (RuleSet { rules }, errors)
}

/// Check every rule over the batch.
pub fn check(docs: &[Document], claims: &[Claim], rules: &RuleSet) -> Vec<Finding> {
    check_with_identifiers(docs, claims, &[], rules)
}

/// [`check`], also given the identifiers the extractor set aside (for `name_size` rules).
pub fn check_with_identifiers(
    docs: &[Document],
    claims: &[Claim],
    identifiers: &[Identifier],
    rules: &RuleSet,
) -> Vec<Finding> {
    let relations = relate::relations(docs, claims, identifiers, &rules.rules);
    eval::evaluate(docs, claims, &relations, &rules.rules)
}
