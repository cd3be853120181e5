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
