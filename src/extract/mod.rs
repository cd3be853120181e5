//! Stage 2, extract: `Document` → `Vec<Claim>`.
use crate::ingest::Document;
use crate::model::Claim;

/// Every numeric claim of `doc`, in reading order, ids starting at `first_id`.
pub fn extract(doc: &Document, doc_index: usize, first_id: usize) -> Vec<Claim> {
    let _ = (doc, doc_index, first_id);
    Vec::new()
}

/// Convenience for tests: the claims of a single text.
pub fn extract_text(text: &str) -> Vec<Claim> {
    extract(&Document::from_text("text", text.to_string()), 0, 0)
}
