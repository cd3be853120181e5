//! Stage 4, report: claims and findings → `claims.csv`, `findings.csv` and terminal diagnostics.
//!
//! Input: a [`Batch`]. Output: CSV text written to any `Write`, and one miette diagnostic per
//! contradiction. Nothing here prints: the binary decides where things go.
//!
//! Invariants:
//! - Row order is deterministic: claims by (document index, start offset, end offset, id),
//!   findings by (document index, line, rule, first claim id, kind).
//! - Claims go through a Polars frame ([`claims_frame`]); `claims.csv` is written from that
//!   frame's columns with the `csv` crate (Polars' own CSV writer pulls a network stack).
//! - Spans are byte offsets into `Document::text`; diagnostics map them to the original text with
//!   `Document::original_range`, clamped so a bad span can never panic the report.

#![warn(clippy::print_stdout, clippy::print_stderr)]

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError};
use miette::{MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use polars::prelude::*;

use crate::ingest::Document;
use crate::model::{fmt_num, Claim, Finding, Severity, Verdict};
use crate::Batch;

// ------------------------------------------------------------------------------------ claims

/// Columns of `claims.csv`, in order: the scored columns first, then extras.
pub const CLAIMS_COLUMNS: [&str; 15] = [
    "doc",
    "line",
    "col",
    "quote",
    "kind",
    "value",
    "unit",
    "approx",
    "source",
    "sentence",
    "subject",
    "sig_digits",
    "lo",
    "hi",
    "id",
];

/// Columns of `findings.csv`, in order: the scored columns first, then extras.
pub const FINDINGS_COLUMNS: [&str; 14] = [
    "doc",
    "line",
    "rule",
    "kind",
    "severity",
    "verdict",
    "quotes",
    "stated",
    "expected",
    "deviation",
    "message",
    "col",
    "claim_ids",
    "other_locations",
];

/// All claims of a batch as one frame, sorted by (doc_index, start, end, id).
///
/// Columns: id, doc (name), doc_index, sentence, start, end, line, col, quote, kind, value,
/// value_high, value_text, date, unit, approx, lo, hi, sig_digits, source, subject.
/// `value`/`value_high` are null where the claim has no numeric anchor (NaN); `value_text` is
/// `Claim::value_text()`, the exact text of the CSV `value` column.
pub fn claims_frame(claims: &[Claim], docs: &[Document]) -> PolarsResult<DataFrame> {
    let num = |x: f64| if x.is_nan() { None } else { Some(x) };
    let u = |x: usize| x as u64;
    let doc_name = |i: usize| docs.get(i).map(|d| d.name.as_str()).unwrap_or("");
    let value_texts: Vec<String> = claims.iter().map(Claim::value_text).collect();
    let columns = vec![
        Column::new(
            "id".into(),
            claims.iter().map(|c| u(c.id)).collect::<Vec<_>>(),
        ),
        Column::new(
            "doc".into(),
            claims.iter().map(|c| doc_name(c.doc)).collect::<Vec<_>>(),
        ),
        Column::new(
            "doc_index".into(),
            claims.iter().map(|c| u(c.doc)).collect::<Vec<_>>(),
        ),
        Column::new(
            "sentence".into(),
            claims.iter().map(|c| u(c.sentence)).collect::<Vec<_>>(),
        ),
        Column::new(
            "start".into(),
            claims.iter().map(|c| u(c.start)).collect::<Vec<_>>(),
        ),
        Column::new(
            "end".into(),
            claims.iter().map(|c| u(c.end)).collect::<Vec<_>>(),
        ),
        Column::new(
            "line".into(),
            claims.iter().map(|c| u(c.line)).collect::<Vec<_>>(),
        ),
        Column::new(
            "col".into(),
            claims.iter().map(|c| u(c.col)).collect::<Vec<_>>(),
        ),
        Column::new(
            "quote".into(),
            claims.iter().map(|c| c.quote.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "kind".into(),
            claims.iter().map(|c| c.kind.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "value".into(),
            claims.iter().map(|c| num(c.value)).collect::<Vec<_>>(),
        ),
        Column::new(
            "value_high".into(),
            claims.iter().map(|c| num(c.value_high)).collect::<Vec<_>>(),
        ),
        Column::new(
            "value_text".into(),
            value_texts.iter().map(String::as_str).collect::<Vec<_>>(),
        ),
        Column::new(
            "date".into(),
            claims.iter().map(|c| c.date.as_deref()).collect::<Vec<_>>(),
        ),
        Column::new(
            "unit".into(),
            claims.iter().map(|c| c.unit.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "approx".into(),
            claims.iter().map(|c| c.approx.as_str()).collect::<Vec<_>>(),
        ),
        Column::new("lo".into(), claims.iter().map(|c| c.lo).collect::<Vec<_>>()),
        Column::new("hi".into(), claims.iter().map(|c| c.hi).collect::<Vec<_>>()),
        Column::new(
            "sig_digits".into(),
            claims.iter().map(|c| c.sig_digits).collect::<Vec<_>>(),
        ),
        Column::new(
            "source".into(),
            claims
                .iter()
                .map(|c| c.source.as_deref())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "subject".into(),
            claims
                .iter()
                .map(|c| c.subject.as_str())
                .collect::<Vec<_>>(),
        ),
    ];
    let frame = DataFrame::new(claims.len(), columns)?;
    frame.sort(
        ["doc_index", "start", "end", "id"],
        SortMultipleOptions::default().with_maintain_order(true),
    )
}

/// Write `claims.csv` for a whole batch (header included).
pub fn write_claims_csv(batch: &Batch, w: impl Write) -> csv::Result<()> {
    let frame = claims_frame(&batch.claims, &batch.docs).map_err(polars_to_csv)?;
    write_claims_frame_csv(&frame, w)
}

/// Write `claims.csv` from a frame shaped like [`claims_frame`]'s (e.g. filtered to one
/// document). Rows are written in the frame's order.
pub fn write_claims_frame_csv(frame: &DataFrame, w: impl Write) -> csv::Result<()> {
    let strs = |name: &str| -> csv::Result<Vec<Option<&str>>> {
        Ok(frame
            .column(name)
            .and_then(|c| c.str())
            .map_err(polars_to_csv)?
            .iter()
            .collect())
    };
    let ints = |name: &str| -> csv::Result<Vec<Option<u64>>> {
        Ok(frame
            .column(name)
            .and_then(|c| c.u64())
            .map_err(polars_to_csv)?
            .iter()
            .collect())
    };
    let floats = |name: &str| -> csv::Result<Vec<Option<f64>>> {
        Ok(frame
            .column(name)
            .and_then(|c| c.f64())
            .map_err(polars_to_csv)?
            .iter()
            .collect())
    };
    let sig_digits: Vec<Option<u32>> = frame
        .column("sig_digits")
        .and_then(|c| c.u32())
        .map_err(polars_to_csv)?
        .iter()
        .collect();
    let (doc, line, col, quote, kind) = (
        strs("doc")?,
        ints("line")?,
        ints("col")?,
        strs("quote")?,
        strs("kind")?,
    );
    let (value, unit, approx, source) = (
        strs("value_text")?,
        strs("unit")?,
        strs("approx")?,
        strs("source")?,
    );
    let (sentence, subject, lo, hi) = (
        ints("sentence")?,
        strs("subject")?,
        floats("lo")?,
        floats("hi")?,
    );
    let id = ints("id")?;

    let mut out = csv::Writer::from_writer(w);
    out.write_record(CLAIMS_COLUMNS)?;
    let text = |s: Option<&str>| s.unwrap_or("").to_string();
    let int = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for i in 0..frame.height() {
        out.write_record([
            text(doc[i]),
            int(line[i]),
            int(col[i]),
            text(quote[i]),
            text(kind[i]),
            text(value[i]),
            text(unit[i]),
            text(approx[i]),
            text(source[i]),
            int(sentence[i]),
            text(subject[i]),
            sig_digits[i].map(|n| n.to_string()).unwrap_or_default(),
            fmt_bound(lo[i]),
            fmt_bound(hi[i]),
            int(id[i]),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// An interval end: a plain decimal, `inf`/`-inf` for open ends, empty when unknown.
fn fmt_bound(x: Option<f64>) -> String {
    match x {
        None => String::new(),
        Some(x) if x.is_nan() => String::new(),
        Some(x) if x.is_infinite() => if x > 0.0 { "inf" } else { "-inf" }.to_string(),
        Some(x) => fmt_num(x),
    }
}

fn polars_to_csv(e: PolarsError) -> csv::Error {
    csv::Error::from(io::Error::other(e.to_string()))
}

// ------------------------------------------------------------------------------------ findings

/// Findings in report order: (document index, line, rule, first claim id, kind). Stable, so
/// findings equal on every key keep the order the checker produced them in.
pub fn sorted_findings(findings: &[Finding]) -> Vec<&Finding> {
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by(|a, b| {
        (a.doc, a.line, &a.rule, a.claims.first(), &a.kind).cmp(&(
            b.doc,
            b.line,
            &b.rule,
            b.claims.first(),
            &b.kind,
        ))
    });
    sorted
}

/// Write `findings.csv` for a whole batch (header included).
///
/// `quotes` joins the quotes of every claim used with ` | `; `other_locations` lists
/// `doc:line` of the claims used that sit elsewhere than the finding's own doc and line
/// (the counterparts of a cross-document or cross-line finding), deduplicated, joined with `;`.
pub fn write_findings_csv(batch: &Batch, w: impl Write) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(FINDINGS_COLUMNS)?;
    for f in sorted_findings(&batch.findings) {
        let used: Vec<&Claim> = f
            .claims
            .iter()
            .filter_map(|&id| claim_by_id(batch, id))
            .collect();
        let quotes: Vec<&str> = used.iter().map(|c| c.quote.as_str()).collect();
        let mut others: Vec<String> = Vec::new();
        for c in &used {
            if (c.doc, c.line) == (f.doc, f.line) {
                continue;
            }
            let here = format!("{}:{}", doc_name(batch, c.doc), c.line);
            if !others.contains(&here) {
                others.push(here);
            }
        }
        let ids: Vec<String> = f.claims.iter().map(usize::to_string).collect();
        let col = used.first().map(|c| c.col.to_string()).unwrap_or_default();
        out.write_record([
            doc_name(batch, f.doc).to_string(),
            f.line.to_string(),
            f.rule.clone(),
            f.kind.clone(),
            f.severity.as_str().to_string(),
            f.verdict.as_str().to_string(),
            quotes.join(" | "),
            f.stated.clone(),
            f.expected.clone(),
            f.deviation.map(fmt_deviation).unwrap_or_default(),
            f.message.clone(),
            col,
            ids.join(";"),
            others.join(";"),
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// Claim ids are indices into `batch.claims`; fall back to a search if a stage broke that.
fn claim_by_id(batch: &Batch, id: usize) -> Option<&Claim> {
    match batch.claims.get(id) {
        Some(c) if c.id == id => Some(c),
        _ => batch.claims.iter().find(|c| c.id == id),
    }
}

fn doc_name(batch: &Batch, doc: usize) -> &str {
    batch.docs.get(doc).map(|d| d.name.as_str()).unwrap_or("")
}

/// A deviation with 4 significant digits, as a plain decimal (no exponent, no trailing zeros).
pub fn fmt_deviation(x: f64) -> String {
    if x.is_nan() {
        return String::new();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let mag = x.abs().log10().floor() as i32;
    let decimals = (3 - mag).max(0) as usize;
    let scale = 10f64.powi(mag - 3);
    let rounded = if mag > 3 {
        (x / scale).round() * scale
    } else {
        x
    };
    let s = format!("{:.*}", decimals, rounded);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

// ------------------------------------------------------------------------------------ diagnostics

/// How many characters of context a diagnostic shows on each side of a label. Article lines
/// are whole paragraphs, often thousands of characters; printing them whole buries the figure.
const CONTEXT_CHARS: usize = 40;

/// One contradiction as a terminal diagnostic: the original text of its document, a label on
/// every claim used in that document, and one related diagnostic per other document involved.
#[derive(Debug, Clone)]
pub struct FindingDiagnostic {
    message: String,
    /// Rule id; `None` for the counterpart diagnostics of a cross-document finding.
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Excerpt,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic>,
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

/// The lines of a document's original text that hold the labels, so a diagnostic does not copy
/// a whole (possibly huge) document. Reading a span returns only the span's line, trimmed to
/// [`CONTEXT_CHARS`] on each side, with the line and column it has in the whole document.
#[derive(Debug, Clone)]
struct Excerpt {
    name: String,
    /// Whole lines of the original text, starting at a line start.
    text: String,
    /// 0-based line number of `text`'s first line in the document.
    first_line: usize,
}

impl Excerpt {
    /// The excerpt of `doc` covering every original byte range in `ranges`; the ranges are
    /// returned relative to the excerpt.
    fn new(doc: &Document, ranges: &[Range<usize>]) -> (Excerpt, Vec<Range<usize>>) {
        let original = doc.original.as_str();
        let lo = ranges.iter().map(|r| r.start).min().unwrap_or(0);
        let hi = ranges.iter().map(|r| r.end).max().unwrap_or(0);
        let start = original[..lo].rfind('\n').map_or(0, |i| i + 1);
        let end = original[hi..].find('\n').map_or(original.len(), |i| hi + i);
        let first_line = original[..start].matches('\n').count();
        let excerpt = Excerpt {
            name: doc.name.clone(),
            text: original[start..end].to_string(),
            first_line,
        };
        let shifted = ranges
            .iter()
            .map(|r| r.start - start..r.end - start)
            .collect();
        (excerpt, shifted)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        // Refuse to merge labels on different lines into one snippet: each gets its own.
        if text[start..end].contains('\n') {
            return Err(MietteError::OutOfBounds);
        }
        let line_end = text[end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| end + i);
        let (from, to) = if context_lines_before == 0 && context_lines_after == 0 {
            (start, end)
        } else {
            (
                back_chars(text, start, CONTEXT_CHARS).max(line_start),
                forward_chars(text, end, CONTEXT_CHARS).min(line_end),
            )
        };
        let line = self.first_line + text[..from].matches('\n').count();
        let column = text[line_start..from].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            1,
        )))
    }
}

/// Byte offset `n` chars before `at` (or 0).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte offset `n` chars after `at` (or the end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// Original byte range of a claim, clamped to the text and to char boundaries.
fn claim_original_range(doc: &Document, claim: &Claim) -> Range<usize> {
    let len = doc.text.len();
    let (mut s, mut e) = (claim.start.min(len), claim.end.min(len));
    while !doc.text.is_char_boundary(s) {
        s -= 1;
    }
    while !doc.text.is_char_boundary(e) {
        e += 1;
    }
    let r = doc.original_range(s..e.max(s));
    let olen = doc.original.len();
    let (mut s, mut e) = (r.start.min(olen), r.end.min(olen));
    while !doc.original.is_char_boundary(s) {
        s -= 1;
    }
    while !doc.original.is_char_boundary(e) {
        e += 1;
    }
    s..e.max(s)
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// One diagnostic per contradiction, in report order (see [`sorted_findings`]).
pub fn contradiction_diagnostics(batch: &Batch) -> Vec<FindingDiagnostic> {
    sorted_findings(&batch.findings)
        .into_iter()
        .filter(|f| f.verdict == Verdict::Contradiction)
        .filter_map(|f| finding_diagnostic(batch, f))
        .collect()
}

/// The same diagnostics as [`contradiction_diagnostics`], ready for `eprintln!("{:?}", r)`.
pub fn render_diagnostics(batch: &Batch) -> Vec<miette::Report> {
    contradiction_diagnostics(batch)
        .into_iter()
        .map(miette::Report::new)
        .collect()
}

/// Every contradiction rendered with `theme` at a fixed `width`, one after another. With
/// `GraphicalTheme::none()` the text is plain ASCII art without colours (for snapshots).
pub fn render_diagnostics_to_string(batch: &Batch, theme: GraphicalTheme, width: usize) -> String {
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for d in contradiction_diagnostics(batch) {
        // Rendering into a String cannot fail short of a broken handler; keep what we have.
        if handler.render_report(&mut out, &d).is_err() {
            out.push_str(&format!("{d}\n"));
        }
        out.push('\n');
    }
    out
}

fn finding_diagnostic(batch: &Batch, f: &Finding) -> Option<FindingDiagnostic> {
    let doc = batch.docs.get(f.doc)?;
    let used: Vec<&Claim> = f
        .claims
        .iter()
        .filter_map(|&id| claim_by_id(batch, id))
        .collect();
    let mut help = if f.message.is_empty() {
        String::new()
    } else {
        format!("{}; ", f.message)
    };
    help.push_str(&format!("stated {}, expected {}", f.stated, f.expected));
    if let Some(d) = f.deviation {
        help.push_str(&format!(" (deviation {})", fmt_deviation(d)));
    }
    let message = format!("{} ({}:{})", f.kind, doc.name, f.line);
    let severity = miette_severity(f.severity);
    let label_of = |i: usize, c: &Claim| {
        if i == 0 {
            format!("stated: {}", c.quote)
        } else {
            c.quote.clone()
        }
    };
    let here: Vec<(usize, &Claim)> = used
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, c)| c.doc == f.doc)
        .collect();
    let (source, labels) = labelled_excerpt(doc, &here, label_of);

    // Claims in other documents: one related diagnostic per document, in batch order.
    let mut other_docs: Vec<usize> = used.iter().map(|c| c.doc).filter(|&d| d != f.doc).collect();
    other_docs.sort_unstable();
    other_docs.dedup();
    let related = other_docs
        .into_iter()
        .filter_map(|d| {
            let other = batch.docs.get(d)?;
            let there: Vec<(usize, &Claim)> = used
                .iter()
                .copied()
                .enumerate()
                .filter(|(_, c)| c.doc == d)
                .collect();
            let (source, labels) = labelled_excerpt(other, &there, label_of);
            Some(FindingDiagnostic {
                message: format!("counterpart in {}", other.name),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source,
                labels,
                related: Vec::new(),
            })
        })
        .collect();
    Some(FindingDiagnostic {
        message,
        code: Some(f.rule.clone()),
        severity,
        help: Some(help),
        source,
        labels,
        related,
    })
}

fn labelled_excerpt(
    doc: &Document,
    claims: &[(usize, &Claim)],
    label_of: impl Fn(usize, &Claim) -> String,
) -> (Excerpt, Vec<LabeledSpan>) {
    let ranges: Vec<Range<usize>> = claims
        .iter()
        .map(|(_, c)| claim_original_range(doc, c))
        .collect();
    let (excerpt, ranges) = Excerpt::new(doc, &ranges);
    let labels = claims
        .iter()
        .zip(ranges)
        .map(|(&(i, c), r)| {
            let span = SourceSpan::new(r.start.into(), r.len());
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(label_of(i, c)), span)
            } else {
                LabeledSpan::new_with_span(Some(label_of(i, c)), span)
            }
        })
        .collect();
    (excerpt, labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Approx, ClaimKind};

    fn claim(id: usize, doc: &Document, doc_index: usize, quote: &str, value: f64) -> Claim {
        let start = doc.text.find(quote).expect("quote in text");
        let (line, col) = doc.line_col(start);
        Claim {
            id,
            doc: doc_index,
            sentence: 0,
            start,
            end: start + quote.len(),
            line,
            col,
            quote: quote.to_string(),
            kind: ClaimKind::Money,
            value,
            value_high: value,
            date: None,
            unit: "CNY".into(),
            approx: Approx::Exact,
            sig_digits: 3,
            lo: value - 0.5,
            hi: f64::INFINITY,
            source: None,
            subject: "price, \"list\"".into(),
        }
    }

    fn finding(
        doc: usize,
        line: usize,
        rule: &str,
        claims: Vec<usize>,
        verdict: Verdict,
    ) -> Finding {
        Finding {
            doc,
            line,
            rule: rule.into(),
            kind: "formula_mismatch".into(),
            severity: Severity::Error,
            verdict,
            claims,
            stated: "300".into(),
            expected: "250".into(),
            deviation: Some(0.2),
            message: "100 + 150 = 250".into(),
        }
    }

    /// Two documents; the second claim sits on line 2 of doc a, the third in doc b.
    fn batch() -> Batch {
        let a = Document::from_text("a.txt", "标题\n价格为100元，加上150元，共300元。\n".into());
        let b = Document::from_text("b.txt", "另一篇说共300元。".into());
        let claims = vec![
            claim(0, &a, 0, "100元", 100.0),
            claim(1, &a, 0, "150元", 150.0),
            claim(2, &a, 0, "300元", 300.0),
            claim(3, &b, 1, "300元", 300.0),
        ];
        let findings = vec![
            finding(1, 1, "cross_doc", vec![3, 2], Verdict::Contradiction),
            finding(0, 2, "sum", vec![2, 0, 1], Verdict::Contradiction),
            finding(0, 2, "ok", vec![0], Verdict::Consistent),
        ];
        Batch {
            docs: vec![a, b],
            errors: Vec::new(),
            claims,
            findings,
        }
    }

    fn csv_text(write: impl FnOnce(&mut Vec<u8>) -> csv::Result<()>) -> String {
        let mut buf = Vec::new();
        write(&mut buf).expect("write csv");
        String::from_utf8(buf).expect("utf-8")
    }

    #[test]
    fn claims_csv_has_header_quoting_and_doc_order() {
        let mut b = batch();
        b.claims.reverse(); // order must come from (doc, start), not from the input order
        let text = csv_text(|w| write_claims_csv(&b, w));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CLAIMS_COLUMNS.join(","));
        assert_eq!(lines.len(), 5);
        assert!(
            lines[1].starts_with("a.txt,2,4,100元,money,100,CNY,exact,,0,"),
            "{}",
            lines[1]
        );
        assert!(
            lines[1].ends_with(",\"price, \"\"list\"\"\",3,99.5,inf,0"),
            "{}",
            lines[1]
        );
        assert!(lines[3].starts_with("a.txt,2,"), "{}", lines[3]);
        assert!(lines[3].contains(",300元,"), "{}", lines[3]);
        assert!(lines[4].starts_with("b.txt,1,"), "{}", lines[4]);
    }

    #[test]
    fn claims_frame_holds_every_column() {
        let b = batch();
        let frame = claims_frame(&b.claims, &b.docs).expect("frame");
        assert_eq!(frame.height(), 4);
        let names: Vec<String> = frame
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        for col in [
            "id",
            "doc",
            "doc_index",
            "sentence",
            "start",
            "end",
            "line",
            "col",
            "quote",
            "kind",
            "value",
            "value_high",
            "unit",
            "approx",
            "lo",
            "hi",
            "sig_digits",
            "source",
            "subject",
        ] {
            assert!(names.iter().any(|n| n == col), "missing column {col}");
        }
        let docs: Vec<Option<&str>> = frame.column("doc").unwrap().str().unwrap().iter().collect();
        assert_eq!(
            docs,
            [Some("a.txt"), Some("a.txt"), Some("a.txt"), Some("b.txt")]
        );
    }

    #[test]
    fn value_column_is_empty_for_nan_and_a_range_otherwise() {
        let mut b = batch();
        b.claims[0].value = f64::NAN;
        b.claims[0].value_high = f64::NAN;
        b.claims[1].value_high = 180.0;
        let text = csv_text(|w| write_claims_csv(&b, w));
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows[1].contains(",100元,money,,CNY,"), "{}", rows[1]);
        assert!(
            rows[2].contains(",150元,money,150..180,CNY,"),
            "{}",
            rows[2]
        );
    }

    #[test]
    fn findings_csv_sorted_with_quotes_and_other_locations() {
        let b = batch();
        let text = csv_text(|w| write_findings_csv(&b, w));
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[0], FINDINGS_COLUMNS.join(","));
        assert_eq!(rows.len(), 4);
        // doc a first; on the same line, rule "ok" sorts before "sum".
        assert!(rows[1].starts_with("a.txt,2,ok,"), "{}", rows[1]);
        assert_eq!(
            rows[2],
            "a.txt,2,sum,formula_mismatch,error,contradiction,300元 | 100元 | 150元,300,250,0.2,\
             100 + 150 = 250,17,2;0;1,"
        );
        assert!(rows[3].starts_with("b.txt,1,cross_doc,"), "{}", rows[3]);
        assert!(rows[3].ends_with(",3;2,a.txt:2"), "{}", rows[3]);
    }

    #[test]
    fn missing_claim_ids_do_not_panic() {
        let mut b = batch();
        b.findings[0].claims = vec![99];
        b.findings[0].doc = 7;
        let text = csv_text(|w| write_findings_csv(&b, w));
        assert_eq!(text.lines().count(), 4);
        let _ = render_diagnostics_to_string(&b, GraphicalTheme::none(), 80);
    }

    #[test]
    fn deviation_has_four_significant_digits() {
        assert_eq!(fmt_deviation(0.0239823), "0.02398");
        assert_eq!(fmt_deviation(1.0), "1");
        assert_eq!(fmt_deviation(12345.6), "12350");
        assert_eq!(fmt_deviation(0.2), "0.2");
        assert_eq!(fmt_deviation(-0.123456), "-0.1235");
        assert_eq!(fmt_deviation(f64::INFINITY), "inf");
    }

    #[test]
    fn diagnostics_cover_only_contradictions_and_label_every_claim() {
        let b = batch();
        assert_eq!(contradiction_diagnostics(&b).len(), 2);
        let text = render_diagnostics_to_string(&b, GraphicalTheme::none(), 100);
        assert!(text.contains("sum"), "{text}");
        assert!(text.contains("[a.txt:2:"), "{text}");
        assert!(text.contains("stated: 300元"), "{text}");
        assert!(text.contains("100元"), "{text}");
        assert!(
            text.contains("100 + 150 = 250; stated 300, expected 250 (deviation 0.2)"),
            "{text}"
        );
        // The cross-document finding shows its counterpart in the other file.
        assert!(text.contains("counterpart in a.txt"), "{text}");
        assert!(text.contains("[b.txt:1:"), "{text}");
        assert!(!text.contains('\u{1b}'), "no colour codes: {text}");
    }

    #[test]
    fn reports_print_through_the_default_handler() {
        let reports = render_diagnostics(&batch());
        assert_eq!(reports.len(), 2);
        let text = format!("{:?}", reports[0]);
        assert!(text.contains("a.txt"), "{text}");
        assert!(text.contains("stated: 300元"), "{text}");
        assert!(text.contains("expected 250"), "{text}");
    }

    #[test]
    fn long_lines_are_trimmed_around_the_label() {
        let filler = "很长的段落".repeat(100);
        let text = format!("{filler}价格为300元{filler}");
        let doc = Document::from_text("long.txt", text);
        let c = claim(0, &doc, 0, "300元", 300.0);
        let b = Batch {
            docs: vec![doc],
            errors: Vec::new(),
            claims: vec![c],
            findings: vec![finding(0, 1, "r", vec![0], Verdict::Contradiction)],
        };
        let out = render_diagnostics_to_string(&b, GraphicalTheme::none(), 100);
        assert!(out.contains("300元"), "{out}");
        assert!(
            out.len() < 1500,
            "snippet not trimmed ({} bytes): {out}",
            out.len()
        );
        assert!(out.contains("[long.txt:1:504]"), "{out}");
    }
}
