//! Stage 3, check: claims → findings, driven by rule files.
use crate::ingest::Document;
use crate::model::{Claim, Finding};

#[derive(Debug, Default)]
pub struct RuleSet {}

pub fn check(docs: &[Document], claims: &[Claim], rules: &RuleSet) -> Vec<Finding> {
    let _ = (docs, claims, rules);
    Vec::new()
}
