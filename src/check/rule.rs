//! Rule files: one TOML file per rule, validated once at load time.
//!
//! A malformed file becomes a [`RuleError`] (a miette diagnostic pointing at the line and
//! column of the problem) and is skipped; the other rules still load.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::expr::{self, Ast};
use super::skeleton::{self, PatternRole, Scope};
use crate::model::Severity;

/// Finding kinds a rule may report (the `kind` field).
pub const FINDING_KINDS: [&str; 17] = [
    "percent_change_mismatch",
    "ratio_mismatch",
    "multiple_mismatch",
    "formula_mismatch",
    "approx_mismatch",
    "unit_error",
    "sum_mismatch",
    "part_exceeds_whole",
    "share_over_100",
    "range_order",
    "growth_mismatch",
    "internal_conflict",
    "cross_doc_conflict",
    "name_vs_value",
    "date_order",
    "rate_consistency",
    "ok_checked",
];

/// A malformed rule file, pointing at the problem.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("rule file {path}: {message}")]
#[diagnostic(code(claimcheck::rule))]
pub struct RuleError {
    pub path: String,
    pub message: String,
    /// 1-based line and column of the problem in the rule file.
    pub line: usize,
    pub column: usize,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
}

impl RuleError {
    fn new(path: &str, text: &str, span: std::ops::Range<usize>, message: String, label: &str) -> RuleError {
        let start = span.start.min(text.len());
        let len = span.end.saturating_sub(span.start).min(text.len() - start);
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        RuleError {
            path: path.to_string(),
            message,
            line,
            column,
            src: NamedSource::new(path, text.to_string()),
            span: SourceSpan::new(start.into(), len),
            label: label.to_string(),
        }
    }
}

/// How the stated interval is compared with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Consistent when the intervals meet.
    Overlap,
    /// Consistent when the stated figure can be ≤ / ≥ / < / > the expected one.
    Le,
    Ge,
    Lt,
    Gt,
}

/// The built-in relation builders (relations a regex cannot express).
#[derive(Debug, Clone, PartialEq)]
pub enum Builder {
    /// Every `formula` claim: its parts, operators and result.
    /// Roles: `left` (the left side as written), `result`, `unit_factor`, `p1..pn`.
    Formula { require_unit_factor: bool },
    /// Every range claim. Roles: `low`, `high`.
    RangeOrder,
    /// A weekday written next to a full date. Roles: `stated` (1 = Monday … 7 = Sunday,
    /// as written), `calendar` (the weekday of the date).
    Weekday,
    /// `M月D日` / ISO dates whose day does not exist. Roles: `day`, `month_days`.
    CalendarDate,
    /// The same quantity (same subject, unit dimension, kind and year context) stated twice.
    /// Roles: `stated` (the later figure), `other` (the earlier one).
    SameQuantity { across_documents: bool, min_subject_chars: usize },
    /// A unit price, a quantity and a total in one sentence (售价26.35万元…销量3.87万辆…销售额
    /// 102亿元; 1,200 tickets at $45 each brought in $54,000). Roles: `price`, `quantity`,
    /// `total`.
    Product,
    /// One ratio claimed for several components that each changed (降至原来的四分之一 after
    /// two prices that fell): a blend lies between the components' ratios, and a ratio
    /// claimed for each (均降至) must hold for every one. Roles: `stated`, `components`.
    Blend(super::builders::blend::BlendParams),
    /// A list the title dates (2024大模型产业十大趋势) announced in the body under a year of its
    /// own (2023年…将有以下十大趋势). Roles: `stated` (the body's year), `title`.
    TitleYear,
    /// Two figures of one unit whose digits differ by one swap of neighbours (486.2 / 468.2),
    /// with at least `min_digits` digits. Roles: `stated` (the later), `other`.
    Transposed { min_digits: usize },
    /// A share naming its part and whole (过夜游客占接待游客总量的38.3%) whose figures stand
    /// earlier under those names, up to `lines_before` lines back. Roles: `stated`, `part`, `whole`.
    /// With `multiples`, a multiple naming both sides (板南线的日均运量约为文湖线的5.9倍).
    NamedShare { lines_before: usize, multiples: bool },
    /// A total and its breakdown after a lead-in (…投资63.8亿元。从隶属关系看，中直投资50.2亿元…；
    /// 地方投资13.6亿元): one part per item between ；, in the total's unit. Roles: `stated`
    /// (the total), `parts`.
    Breakdown,
    /// A table's total row (合计, 總數, Total) against the rows above it, column by column:
    /// the rows of one table since its header. Roles: `stated` (the total cell), `parts`.
    TableTotal,
    /// The year an event happened to a named thing (Transformer 架构引入, OpenAI founded),
    /// stated twice with different years. Roles: `stated` (the later year), `other`.
    EventYear { across_documents: bool },
    /// A size in a name (65B, 8x7B) against a parameter figure next to it.
    /// Roles: `stated`, `name`.
    NameSize { window: usize },
    /// One sentence holding exactly one cued figure of the stated kind and exactly two
    /// amounts of one unit, however the sentence is phrased (增长5.2%，去年同期为…; up 15%
    /// from …). Roles: `stated`, `small`, `large` (the two amounts by size).
    SentencePair(PairParams),
}

/// What ties the two amounts of a `sentence_pair` together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PairMode {
    /// A change between two times: one amount carries a base marker (上年, 较, from …).
    Change,
    /// A share of a whole: the larger carries a whole marker (全国, 总, total …) or the smaller
    /// a part marker (其中, of which …), and the sentence has no change word.
    Share,
    /// A change of a rate in percentage points between two percentages.
    Points,
    /// A multiple (N倍, N times) of one amount over the other.
    Multiple,
    /// A level, its increment over the base (after a change verb) and the change in %:
    /// roles `stated`, `level`, `increment`.
    Increment,
    /// A change stated as an amount (上涨3.28米, up $2) between two levels of that unit.
    Difference,
    /// An average annual rate between two amounts dated by two years: roles `stated`,
    /// `small`, `large`, `years` (the number of years between them).
    Annual,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PairParams {
    pub mode: PairMode,
    /// Words one of which must stand right before the stated figure.
    pub cues: Vec<String>,
    /// How many chars before the stated figure the cue may stand.
    pub window: usize,
}

impl Builder {
    pub fn roles(&self) -> &'static [&'static str] {
        match self {
            Builder::Formula { .. } => &["left", "result", "unit_factor"],
            Builder::RangeOrder => &["low", "high"],
            Builder::Weekday => &["stated", "calendar"],
            Builder::CalendarDate => &["day", "month_days"],
            Builder::SameQuantity { .. } => &["stated", "other"],
            Builder::EventYear { .. } => &["stated", "other"],
            Builder::Product => &["price", "quantity", "total"],
            Builder::Breakdown | Builder::TableTotal => &["stated", "parts"],
            Builder::Blend(_) => &["stated", "components"],
            Builder::TitleYear => &["stated", "title"],
            Builder::NamedShare { .. } => &["stated", "part", "whole"],
            Builder::Transposed { .. } => &["stated", "other"],
            Builder::NameSize { .. } => &["stated", "name"],
            Builder::SentencePair(p) if p.mode == PairMode::Increment => &["stated", "level", "increment"],
            Builder::SentencePair(p) if p.mode == PairMode::Annual => &["stated", "small", "large", "years"],
            Builder::SentencePair(_) => &["stated", "small", "large"],
        }
    }
}

#[derive(Debug, Clone)]
pub enum Source {
    Patterns { scope: Scope, patterns: Vec<(Regex, Vec<PatternRole>)> },
    Builder(Builder),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub flag: bool,
    /// Further documents of the same batch (for rules that relate documents).
    #[serde(default)]
    pub also: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub path: String,
    pub kind: String,
    pub severity: Severity,
    pub description: String,
    pub message: Option<String>,
    pub source: Source,
    /// Roles whose claims must all share one unit dimension (after base-unit conversion).
    pub same_unit: Vec<String>,
    /// Roles whose claims must be written in different units (a conversion: 5英里（8公里）).
    pub distinct_units: Vec<String>,
    /// Roles that stand for the base of their rate when they hold one: `$60/1M token` is read
    /// as `1M token` (相当于100万个单词 restates the base, not the price).
    pub rate_base: Vec<String>,
    /// Roles read as the number written, in their own unit rather than base units: a 呎价
    /// is money per square foot as written, so `total / area` must not turn feet into metres.
    pub as_written: Vec<String>,
    /// The main expectation then the alternatives: (text, parsed).
    pub expected: Vec<(String, Ast)>,
    pub stated: (String, Ast),
    pub compare: Compare,
    /// Extra relative tolerance on the expected interval (0.02 = ±2 %).
    pub tolerance: f64,
    /// Report a contradiction explained by a power of ten as `unit_error`.
    pub unit_error: bool,
    /// Preconditions (`max(parts) < total`): a relation failing one is not a relation at all
    /// (the pattern caught unrelated figures) and is dropped without a finding.
    pub requires: Vec<(Ast, Compare, Ast)>,
    /// Roles whose claims a finding lists (its quotes); empty = every role, stated first.
    pub report: Vec<String>,
    pub examples: Vec<Example>,
}

impl Rule {
    pub fn multi_roles(&self) -> BTreeSet<String> {
        match &self.source {
            Source::Patterns { patterns, .. } => patterns
                .iter()
                .flat_map(|(_, roles)| roles.iter().filter(|r| r.multi).map(|r| r.name.clone()))
                .collect(),
            // A breakdown's parts are a list of claims.
            Source::Builder(Builder::Breakdown | Builder::TableTotal) => BTreeSet::from(["parts".to_string()]),
            Source::Builder(_) => BTreeSet::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    kind: Spanned<String>,
    #[serde(default)]
    severity: Option<Spanned<String>>,
    description: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    scope: Option<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    builder: Option<Spanned<String>>,
    #[serde(default)]
    params: Option<Spanned<toml::Table>>,
    #[serde(default)]
    same_unit: Vec<Spanned<String>>,
    #[serde(default)]
    distinct_units: Vec<Spanned<String>>,
    #[serde(default)]
    rate_base: Vec<Spanned<String>>,
    #[serde(default)]
    as_written: Vec<Spanned<String>>,
    #[serde(default)]
    expected: Option<Spanned<String>>,
    #[serde(default)]
    alternatives: Vec<Spanned<String>>,
    #[serde(default)]
    stated: Option<Spanned<String>>,
    #[serde(default)]
    compare: Option<Spanned<String>>,
    #[serde(default)]
    tolerance: Option<Spanned<f64>>,
    #[serde(default)]
    unit_error: Option<bool>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    #[serde(default)]
    report: Vec<String>,
    #[serde(default)]
    example: Vec<Example>,
}

/// Byte offset inside a TOML string value of offset `i` of its content (skips the quote(s)).
fn inner_span(text: &str, value: std::ops::Range<usize>, i: usize, len: usize) -> std::ops::Range<usize> {
    let raw = &text[value.start.min(text.len())..value.end.min(text.len())];
    let quote = if raw.starts_with("'''") || raw.starts_with("\"\"\"") { 3 } else { 1 };
    let s = (value.start + quote + i).min(value.end);
    s..(s + len.max(1)).min(value.end.max(s + 1))
}

/// Parse and validate one rule file. `name` is the path shown in diagnostics; the id is its stem.
pub fn load_rule_str(name: &str, text: &str) -> Result<Rule, RuleError> {
    let err = |span: std::ops::Range<usize>, message: String, label: &str| {
        RuleError::new(name, text, span, message, label)
    };
    let file: RuleFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        err(span, e.message().trim().to_string(), "here")
    })?;
    let id = Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();

    let kind = file.kind.get_ref().clone();
    if !FINDING_KINDS.contains(&kind.as_str()) {
        return Err(err(
            file.kind.span(),
            format!("unknown finding kind `{kind}` (known: {})", FINDING_KINDS.join(", ")),
            "unknown kind",
        ));
    }
    let severity = match file.severity.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        Some("info") => Severity::Info,
        Some(other) => {
            return Err(err(
                file.severity.as_ref().map(|s| s.span()).unwrap_or(0..0),
                format!("unknown severity `{other}` (error, warning or info)"),
                "unknown severity",
            ))
        }
    };
    let scope = match file.scope.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("sentence") => Scope::Sentence,
        Some("line") => Scope::Line,
        Some(other) => {
            return Err(err(
                file.scope.as_ref().map(|s| s.span()).unwrap_or(0..0),
                format!("unknown scope `{other}` (sentence or line)"),
                "unknown scope",
            ))
        }
    };

    let source = match (&file.builder, file.patterns.is_empty()) {
        (Some(_), false) => {
            return Err(err(
                file.builder.as_ref().map(|b| b.span()).unwrap_or(0..0),
                "a rule has either `patterns` or a `builder`, not both".into(),
                "builder given here",
            ))
        }
        (None, true) => {
            return Err(err(0..0, "a rule needs `patterns = [...]` or `builder = \"...\"`".into(), "rule starts here"))
        }
        (None, false) => {
            let mut patterns = Vec::new();
            for p in &file.patterns {
                let (re_text, roles) = skeleton::expand(p.get_ref()).map_err(|(off, msg)| {
                    err(inner_span(text, p.span(), off, 1), msg, "in this pattern")
                })?;
                let re = Regex::new(&re_text).map_err(|e| {
                    err(p.span(), format!("bad regex in pattern: {}", one_line(&e.to_string())), "this pattern")
                })?;
                if roles.is_empty() {
                    return Err(err(p.span(), "the pattern binds no role (`{name:kind}`)".into(), "this pattern"));
                }
                patterns.push((re, roles));
            }
            Source::Patterns { scope, patterns }
        }
        (Some(b), true) => {
            let params = file.params.as_ref().map(|p| p.get_ref().clone()).unwrap_or_default();
            let pspan = file.params.as_ref().map(|p| p.span()).unwrap_or(b.span());
            let get_bool = |k: &str, d: bool| params.get(k).and_then(|v| v.as_bool()).unwrap_or(d);
            let get_int = |k: &str, d: i64| params.get(k).and_then(|v| v.as_integer()).unwrap_or(d);
            let allowed: &[&str] = match b.get_ref().as_str() {
                "formula" => &["require_unit_factor"],
                "same_quantity" => &["across_documents", "min_subject_chars"],
                "name_size" => &["window"],
                "sentence_pair" => &["mode", "cues", "window"],
                "event_year" => &["across_documents"],
                "blend" => &["cues", "each", "lines_before"],
                "named_share" => &["lines_before", "multiples"],
                "transposed" => &["min_digits"],
                _ => &[],
            };
            if let Some(k) = params.keys().find(|k| !allowed.contains(&k.as_str())) {
                return Err(err(pspan, format!("unknown parameter `{k}` for builder `{}`", b.get_ref()), "in these params"));
            }
            let builder = match b.get_ref().as_str() {
                "formula" => Builder::Formula { require_unit_factor: get_bool("require_unit_factor", false) },
                "range_order" => Builder::RangeOrder,
                "weekday" => Builder::Weekday,
                "calendar_date" => Builder::CalendarDate,
                "same_quantity" => Builder::SameQuantity {
                    across_documents: get_bool("across_documents", false),
                    min_subject_chars: get_int("min_subject_chars", 3).max(1) as usize,
                },
                "name_size" => Builder::NameSize { window: get_int("window", 24).max(1) as usize },
                "event_year" => Builder::EventYear { across_documents: get_bool("across_documents", false) },
                "product" => Builder::Product,
                "breakdown" => Builder::Breakdown,
                "table_total" => Builder::TableTotal,
                "title_year" => Builder::TitleYear,
                "transposed" => Builder::Transposed { min_digits: get_int("min_digits", 4).max(2) as usize },
                "named_share" => Builder::NamedShare { lines_before: get_int("lines_before", 3).max(0) as usize, multiples: get_bool("multiples", false) },
                "blend" => {
                    let words = |k: &str| -> Vec<String> {
                        params.get(k).and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_lowercase)).collect()).unwrap_or_default()
                    };
                    let cues = words("cues");
                    if cues.is_empty() {
                        return Err(err(pspan, "blend needs a non-empty list of cue words (cues = [...])".into(), "in these params"));
                    }
                    Builder::Blend(super::builders::blend::BlendParams { cues, each: words("each"), lines_before: get_int("lines_before", 1).max(0) as usize })
                }
                "sentence_pair" => {
                    let mode = match params.get("mode").and_then(|v| v.as_str()) {
                        Some("change") => PairMode::Change,
                        Some("share") => PairMode::Share,
                        Some("points") => PairMode::Points,
                        Some("multiple") => PairMode::Multiple,
                        Some("increment") => PairMode::Increment,
                        Some("annual") => PairMode::Annual,
                        Some("difference") => PairMode::Difference,
                        _ => return Err(err(pspan, "sentence_pair needs mode = \"change\", \"share\", \"points\" or \"multiple\"".into(), "in these params")),
                    };
                    let cues: Vec<String> = params
                        .get("cues")
                        .and_then(|v| v.as_array())
                        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_lowercase)).collect())
                        .unwrap_or_default();
                    if cues.is_empty() {
                        return Err(err(pspan, "sentence_pair needs a non-empty list of cue words (cues = [...])".into(), "in these params"));
                    }
                    Builder::SentencePair(PairParams { mode, cues, window: get_int("window", 8).max(1) as usize })
                }
                other => {
                    return Err(err(
                        b.span(),
                        format!("unknown builder `{other}` (formula, range_order, weekday, calendar_date, same_quantity, name_size, sentence_pair, event_year, product)"),
                        "unknown builder",
                    ))
                }
            };
            Source::Builder(builder)
        }
    };

    // Roles available to the expressions.
    let (roles, multi): (BTreeSet<String>, BTreeSet<String>) = match &source {
        Source::Patterns { patterns, .. } => {
            let mut all = BTreeSet::new();
            let mut multi = BTreeSet::new();
            for (_, rs) in patterns {
                for r in rs {
                    all.insert(r.name.clone());
                    if r.multi {
                        multi.insert(r.name.clone());
                    }
                }
            }
            (all, multi)
        }
        Source::Builder(b) => {
            let multi = match b {
                Builder::Breakdown | Builder::TableTotal => BTreeSet::from(["parts".to_string()]),
                _ => BTreeSet::new(),
            };
            (b.roles().iter().map(|s| s.to_string()).collect(), multi)
        }
    };
    let is_multi = |r: &str| multi.contains(r);
    let parse_expr = |s: &Spanned<String>| -> Result<(String, Ast), RuleError> {
        let ast = expr::parse(s.get_ref(), &is_multi).map_err(|e| {
            err(inner_span(text, s.span(), e.offset, 1), format!("bad expression: {}", e.message), "here")
        })?;
        let mut used = Vec::new();
        ast.roles(&mut used);
        let is_formula = matches!(source, Source::Builder(Builder::Formula { .. }));
        for r in used {
            if !roles.contains(&r) && !(is_formula && r.starts_with('p')) {
                let off = s.get_ref().find(&r).unwrap_or(0);
                return Err(err(
                    inner_span(text, s.span(), off, r.len()),
                    format!("unknown role `{r}` (roles here: {})", roles.iter().cloned().collect::<Vec<_>>().join(", ")),
                    "unknown role",
                ));
            }
        }
        Ok((s.get_ref().clone(), ast))
    };
    let Some(expected_text) = &file.expected else {
        return Err(err(0..0, "missing `expected = \"...\"` (what to compute)".into(), "rule starts here"));
    };
    let mut expected = vec![parse_expr(expected_text)?];
    for a in &file.alternatives {
        expected.push(parse_expr(a)?);
    }
    let stated = match &file.stated {
        Some(s) => parse_expr(s)?,
        None => {
            if !roles.contains("stated") {
                return Err(err(0..0, "no `stated = ...` and no role named `stated`".into(), "rule starts here"));
            }
            ("stated".to_string(), Ast::Role("stated".into()))
        }
    };
    let compare = match file.compare.as_ref().map(|c| c.get_ref().as_str()) {
        None | Some("overlap") => Compare::Overlap,
        Some("le") => Compare::Le,
        Some("ge") => Compare::Ge,
        Some("lt") => Compare::Lt,
        Some("gt") => Compare::Gt,
        Some(other) => {
            return Err(err(
                file.compare.as_ref().map(|c| c.span()).unwrap_or(0..0),
                format!("unknown comparison `{other}` (overlap, le, ge, lt, gt)"),
                "unknown comparison",
            ))
        }
    };
    let role_list = |list: &[Spanned<String>], field: &str| -> Result<Vec<String>, RuleError> {
        list.iter()
            .map(|r| match roles.contains(r.get_ref()) {
                true => Ok(r.get_ref().clone()),
                false => Err(err(r.span(), format!("unknown role `{}` in {field}", r.get_ref()), "unknown role")),
            })
            .collect()
    };
    let same_unit = role_list(&file.same_unit, "same_unit")?;
    let distinct_units = role_list(&file.distinct_units, "distinct_units")?;
    let rate_base = role_list(&file.rate_base, "rate_base")?;
    let as_written = role_list(&file.as_written, "as_written")?;
    let tolerance = match &file.tolerance {
        Some(t) if !(0.0..1.0).contains(t.get_ref()) => {
            return Err(err(t.span(), "tolerance is a relative band in [0, 1)".into(), "out of range"))
        }
        Some(t) => *t.get_ref(),
        None => 0.0,
    };
    let mut requires = Vec::new();
    for r in &file.requires {
        let t = r.get_ref();
        let found = ["<=", ">=", "<", ">"].iter().find_map(|op| t.find(op).map(|i| (i, *op)));
        let Some((i, op)) = found else {
            return Err(err(r.span(), "a requirement compares two expressions with <, <=, > or >=".into(), "no comparison"));
        };
        let lhs = Spanned::new(r.span(), t[..i].to_string());
        let rhs_text = format!("{}{}", " ".repeat(i + op.len()), &t[i + op.len()..]);
        let rhs = Spanned::new(r.span(), rhs_text);
        let cmp = match op {
            "<=" => Compare::Le,
            ">=" => Compare::Ge,
            "<" => Compare::Lt,
            _ => Compare::Gt,
        };
        requires.push((parse_expr(&lhs)?.1, cmp, parse_expr(&rhs)?.1));
    }
    Ok(Rule {
        id,
        path: name.to_string(),
        kind,
        severity,
        description: file.description,
        message: file.message,
        source,
        same_unit,
        distinct_units,
        rate_base,
        as_written,
        expected,
        stated,
        compare,
        tolerance,
        unit_error: file.unit_error.unwrap_or(true),
        requires,
        report: file.report,
        examples: file.example,
    })
}

fn one_line(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Every `*.toml` of `dirs`, in sorted order per directory.
pub fn rule_files(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
        files.sort();
        out.extend(files);
    }
    out
}
