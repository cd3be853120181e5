//! The claim graph of one document, built once and read by every relation builder.
//!
//! Input: one document's normalised text and its claims. Output: a [`DocGraph`] — the claims in
//! reading order and one [`Segmentation`] (paragraphs, sentences, clauses, headings, brackets,
//! lists). Invariant: builders take text units only from here; none splits text itself.
pub mod lexicon;
pub mod segment;

use crate::model::Claim;
pub use lexicon::Lexicon;
pub use segment::Segmentation;

/// One document as the builders see it.
#[derive(Debug, Clone)]
pub struct DocGraph<'a> {
    pub doc: usize,
    pub text: &'a str,
    /// The document's claims, by start offset (then id).
    pub claims: Vec<&'a Claim>,
    pub seg: Segmentation,
}

impl<'a> DocGraph<'a> {
    pub fn new(doc: usize, text: &'a str, mut claims: Vec<&'a Claim>) -> DocGraph<'a> {
        claims.sort_by_key(|c| (c.start, c.id));
        DocGraph { doc, text, claims, seg: Segmentation::new(text, Lexicon::get()) }
    }
}

/// Up to `chars` characters before `end` (not before `floor`), lower-cased: where cue words sit.
pub fn text_before(text: &str, end: usize, floor: usize, chars: usize) -> String {
    let start = text[floor.min(end)..end].char_indices().rev().nth(chars.saturating_sub(1)).map(|(i, _)| floor + i).unwrap_or(floor);
    text[start.min(end)..end].to_lowercase()
}

/// Up to `chars` characters after `start` (not past `ceil`), lower-cased.
pub fn text_after(text: &str, start: usize, ceil: usize, chars: usize) -> String {
    let s = &text[start.min(ceil)..ceil];
    let end = s.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(s.len());
    s[..end].to_lowercase()
}
