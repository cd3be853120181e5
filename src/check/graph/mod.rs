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

    /// The claims inside `start..end`, found by binary search over the sorted claims (a
    /// builder reading span by span never scans the whole document per span).
    pub fn claims_in(&self, start: usize, end: usize) -> impl Iterator<Item = &'a Claim> + '_ {
        let from = self.claims.partition_point(|c| c.start < start);
        self.claims[from..].iter().copied().take_while(move |c| c.start < end).filter(move |c| c.end <= end)
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

/// The years a text names (2023年, 113學年度: ROC years have three digits), in order.
pub fn years_named(text: &str) -> Vec<i64> {
    static YEAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = YEAR.get_or_init(|| regex::Regex::new(r"([0-9]{2,4})\s*(?:学年度|學年度|学年|學年|年度|年)").expect("valid"));
    re.captures_iter(text).filter_map(|c| c[1].parse().ok()).collect()
}

/// The periods within a year a text names, normalised and sorted (1-7月, 7月, 一季度, 上半年, H1).
pub fn periods_named(text: &str) -> Vec<String> {
    static PERIOD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = PERIOD.get_or_init(|| {
        regex::Regex::new(r"(?i)[0-9一二三四五六七八九十]{1,3}\s*[-－—~～至到]\s*[0-9一二三四五六七八九十]{1,3}\s*月|[0-9]{1,2}\s*月(份)?|前?[一二三四1-4]\s*季度?|[上下]半年|全年|\b(?:h[12]|q[1-4])\b").expect("valid")
    });
    let mut out: Vec<String> = re
        .find_iter(text)
        .map(|m| m.as_str().split_whitespace().collect::<String>().replace(['－', '—', '~', '～', '至', '到'], "-").replace('份', ""))
        .collect();
    out.sort();
    out.dedup();
    out
}
