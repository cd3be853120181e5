//! The typed tables that flow between stages: `Claim` (one numeric expression) and
//! `Finding` (one check that ran). Both become Polars frames / CSV rows downstream.

use serde::Serialize;
use std::fmt;

/// What a numeric expression measures. Written lower-case in `claims.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Money,
    Percent,
    /// 个百分点 / pp: a difference of two percentages.
    PercentPoint,
    Multiple,
    Fraction,
    /// 八五折, 8折: price as a share of the original (value is the share, 0.85).
    Discount,
    Count,
    Params,
    Tokens,
    Duration,
    Date,
    Year,
    Power,
    Energy,
    Compute,
    PricePerUnit,
    Range,
    Formula,
    /// Physical quantities that are none of the above (length, mass, area, data size, …).
    Measure,
    Other,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::PercentPoint => "percent_point",
            ClaimKind::Multiple => "multiple",
            ClaimKind::Fraction => "fraction",
            ClaimKind::Discount => "discount",
            ClaimKind::Count => "count",
            ClaimKind::Params => "params",
            ClaimKind::Tokens => "tokens",
            ClaimKind::Duration => "duration",
            ClaimKind::Date => "date",
            ClaimKind::Year => "year",
            ClaimKind::Power => "power",
            ClaimKind::Energy => "energy",
            ClaimKind::Compute => "compute",
            ClaimKind::PricePerUnit => "price_per_unit",
            ClaimKind::Range => "range",
            ClaimKind::Formula => "formula",
            ClaimKind::Measure => "measure",
            ClaimKind::Other => "other",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the text hedges a figure. Drives the precision interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    Exact,
    About,
    AtLeast,
    AtMost,
    Over,
    Under,
    Vague,
}

impl Approx {
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::About => "about",
            Approx::AtLeast => "at_least",
            Approx::AtMost => "at_most",
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::Vague => "vague",
        }
    }
}

/// One numeric expression found in a document.
///
/// Offsets `start..end` are byte offsets into `Document::text` (the normalised view);
/// `line`/`col`/`quote` refer to the original text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Index of the claim in the batch (stable, in document then reading order).
    pub id: usize,
    /// Index of the document in the batch.
    pub doc: usize,
    /// Sentence index within the document (0-based).
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub col: usize,
    pub quote: String,
    pub kind: ClaimKind,
    /// Normalised value (low end for ranges); NaN for dates without a numeric anchor.
    pub value: f64,
    /// High end for ranges, equal to `value` otherwise.
    pub value_high: f64,
    /// ISO date text for `date` claims (`2024-06-14`, `2024-06`, `--04-10`).
    pub date: Option<String>,
    /// Normalised unit: `%`, `x`, `CNY`, `USD`, `kW`, `kWh`, `years`, `CNY/kWh`, `GPUs`, …
    pub unit: String,
    pub approx: Approx,
    /// Significant digits the figure was stated with (for tolerance); 0 when unknown.
    pub sig_digits: u32,
    /// Interval the stated figure stands for at its precision and hedge: [lo, hi].
    pub lo: f64,
    pub hi: f64,
    /// Who the figure is attributed to, if the sentence cites a source.
    pub source: Option<String>,
    /// A few words before the figure that say what it counts (cleaned of cue words).
    pub subject: String,
}

impl Claim {
    pub fn is_range(&self) -> bool {
        self.kind == ClaimKind::Range || self.value_high != self.value
    }

    /// The value column as written to `claims.csv`.
    pub fn value_text(&self) -> String {
        if let Some(d) = &self.date {
            return d.clone();
        }
        if self.value.is_nan() {
            return String::new();
        }
        if self.value_high != self.value && !self.value_high.is_nan() {
            format!("{}..{}", fmt_num(self.value), fmt_num(self.value_high))
        } else {
            fmt_num(self.value)
        }
    }
}

/// A plain decimal with no exponent and no float noise (12 significant digits).
pub fn fmt_num(x: f64) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x == 0.0 {
        return "0".into();
    }
    let mag = x.abs().log10().floor() as i32;
    let decimals = (11 - mag).max(0) as usize;
    let s = format!("{:.*}", decimals, x);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    // Round away the noise in the integer part of very large numbers.
    if mag > 11 {
        let scale = 10f64.powi(mag - 11);
        return format!("{:.0}", (x / scale).round() * scale);
    }
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Contradiction,
    Consistent,
    Unverifiable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contradiction => "contradiction",
            Verdict::Consistent => "consistent",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One check that ran over one group of claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Document of the stated figure (index into the batch).
    pub doc: usize,
    /// Line of the stated figure (1-based, original text).
    pub line: usize,
    /// Rule id (the rule file's stem).
    pub rule: String,
    /// Finding kind: formula_mismatch, percent_change_mismatch, …
    pub kind: String,
    pub severity: Severity,
    pub verdict: Verdict,
    /// Claim ids used by the check; the stated figure first.
    pub claims: Vec<usize>,
    pub stated: String,
    pub expected: String,
    /// Relative deviation of stated from expected (0 when inside the band).
    pub deviation: Option<f64>,
    pub message: String,
}

/// Whether a full stop after `word` (the letters right before it) ends an abbreviation, not a
/// sentence: initials (U.S., J.), titles and company suffixes (Mr., Inc.), months (Jan.).
pub fn is_abbreviation(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gov", "sen", "rep", "gen", "inc", "co", "corp", "ltd",
        "no", "nos", "vs", "etc", "approx", "fig", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd",
    ];
    let single_capital = word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    single_capital || WORDS.contains(&word.to_ascii_lowercase().as_str())
}
