//! Stage 2, extract: `Document` → `Vec<Claim>`.
//!
//! Input: a normalised document (digits ASCII, traditional folded to simplified, separators
//! dropped). Output: every numeric claim in reading order, with value, unit, hedge, precision
//! interval, sentence, subject and cited source. Numerals that are not claims (model names,
//! codes, phone numbers, ordinals, list markers, idioms) produce no claim.
//!
//! The scanner works on chars: at every numeral it reads the number, then looks left for a
//! currency sign and a hedge and right for a magnitude, a unit, a range end or a date part.

mod lexicon;
pub mod numeral;
mod scan;
mod source;

use crate::ingest::Document;
use crate::model::Claim;

pub use scan::Segmenter;

/// Every numeric claim of `doc`, in reading order, ids starting at `first_id`.
pub fn extract(doc: &Document, doc_index: usize, first_id: usize) -> Vec<Claim> {
    scan::extract_with(doc, doc_index, first_id, Segmenter::shared())
}

/// Convenience for tests: the claims of a single text.
pub fn extract_text(text: &str) -> Vec<Claim> {
    extract(&Document::from_text("text", text.to_string()), 0, 0)
}

/// Names that carry a size (Llama-2-70B, Mixtral 8x7B, LLaMA-65B): not claims, but the
/// checker compares the size in the name with the figure stated beside it.
pub fn sized_names(doc: &Document, doc_index: usize) -> Vec<crate::check::Identifier> {
    use regex::Regex;
    use std::sync::OnceLock;
    static NAME: OnceLock<Regex> = OnceLock::new();
    let re = NAME.get_or_init(|| {
        Regex::new(r"[A-Za-z][A-Za-z0-9.]*(?:-[A-Za-z0-9.]+)*[- ](?:[0-9]+[xX])?[0-9]+(?:\.[0-9]+)?[BMTbm](?-u:\b)")
            .expect("sized-name pattern")
    });
    re.find_iter(&doc.text)
        .filter(|m| m.as_str().chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .map(|m| crate::check::Identifier {
            doc: doc_index,
            start: m.start(),
            end: m.end(),
            text: m.as_str().to_string(),
        })
        .collect()
}
