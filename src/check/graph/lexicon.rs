//! The cue-word lists of `rules/lexicon/*.toml`, compiled into the library and parsed once.
//! Word lists are data, as typos keeps its dictionary: a new cue word needs no Rust.
use std::sync::OnceLock;

use serde::Deserialize;

/// Cue words, lower-cased.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Words that open a list of parts (其中, 分地区看, of which).
    pub list_cues: Vec<String>,
    /// Words that open a list of some parts only (其中：, 包括：, including:).
    pub subset_cues: Vec<String>,
    /// Words opening a sentence about the prior period (上年同期, 去年, a year earlier).
    pub prior_period_cues: Vec<String>,
    /// Words that point back to a figure just named (这一数字, the figure).
    pub anaphors: Vec<String>,
    /// Labels of a table's total row (合计, 總數, total).
    pub total_labels: Vec<String>,
}

const CUES: &str = include_str!("../../../rules/lexicon/cues.toml");

impl Lexicon {
    /// The bundled lexicon. It is part of the build: a malformed file fails the
    /// `lexicon_parses` test, never a user's run.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex: Lexicon = toml::from_str(CUES).unwrap_or_else(|e| panic!("rules/lexicon/cues.toml: {e}"));
            for w in lex.list_cues.iter_mut().chain(lex.total_labels.iter_mut()).chain(lex.subset_cues.iter_mut()).chain(lex.prior_period_cues.iter_mut()).chain(lex.anaphors.iter_mut()) {
                *w = w.to_lowercase();
            }
            lex
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicon_parses() {
        assert!(super::Lexicon::get().list_cues.iter().any(|w| w == "其中"));
    }
}
