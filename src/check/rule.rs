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

pub use super::builders::spec::{Builder, PairMode, PairParams};

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
            Source::Builder(b) => b.multi_roles().iter().map(|r| r.to_string()).collect(),
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
            let span = file.params.as_ref().map(|p| p.span()).unwrap_or(b.span());
            let builder = Builder::from_table(b.get_ref(), &params).map_err(|message| {
                let on_name = message.contains("variant");
                err(if on_name { b.span() } else { span }, format!("builder `{}`: {message}", b.get_ref()), if on_name { "unknown builder" } else { "in these params" })
            })?;
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
            let multi = b.multi_roles().iter().map(|r| r.to_string()).collect();
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
