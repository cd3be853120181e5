//! Conformance of the extractor against the Chinese number specs of Microsoft
//! Recognizers-Text (tests/conformance/recognizers-text-zh/, format in its README.md).
//!
//! Every case of every file runs through `extract`; each expected result is matched to an
//! extracted claim by span, then by value. Cases the .NET implementation marks NotSupported are
//! skipped. Expected results this project deliberately does not follow (tests/conformance/
//! POLICY.md) are excluded by rules over the input and the expected result — never by what the
//! extractor returned — and counted. A case whose every expected result is excluded is left out;
//! the rest are scored, and the pass rate per file must stay at or above its floor.
//!
//! Run `cargo test --test conformance -- --nocapture` for the table and the failures
//! (`CONFORMANCE_VERBOSE=1` lists every failing case).

use std::collections::BTreeMap;
use std::path::Path;

use claimcheck::extract::extract;
use claimcheck::ingest::Document;
use claimcheck::model::{Approx, Claim, ClaimKind};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Which Recognizers-Text model a file tests; decides value comparison and which claim kinds
/// the model would report at all.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Model {
    Number,
    Percent,
    Range,
    Currency,
    Dimension,
    Age,
    Temperature,
    Ordinal,
}

/// (file, model, floor: minimum share of in-policy cases passed). Floors are the measured rates
/// rounded down; raise them when the extractor improves, never lower them to let a change pass.
const FILES: &[(&str, Model, f64)] = &[
    ("Number_NumberModel.json", Model::Number, 0.95),
    ("Number_PercentModel.json", Model::Percent, 0.93),
    ("Number_NumberRangeModel.json", Model::Range, 0.92),
    ("Number_NumberRangeModelExperimentalMode.json", Model::Range, 0.91),
    ("NumberWithUnit_CurrencyModel.json", Model::Currency, 0.96),
    ("NumberWithUnit_DimensionModel.json", Model::Dimension, 1.00),
    ("NumberWithUnit_AgeModel.json", Model::Age, 1.00),
    ("NumberWithUnit_TemperatureModel.json", Model::Temperature, 1.00),
    ("Number_OrdinalModel.json", Model::Ordinal, 0.0),
];

/// NFKC + lowercase: the README's normalisation for comparing spans.
fn norm(s: &str) -> String {
    s.nfkc().collect::<String>().to_lowercase()
}

/// One expected result.
#[derive(Debug)]
struct Expected {
    text: String,
    /// Char offsets into the input, end exclusive.
    start: usize,
    end: usize,
    value: Option<String>,
    unit: Option<String>,
    iso: Option<String>,
}

/// A claim with its span as char offsets into the original input.
struct Found {
    claim: Claim,
    start: usize,
    end: usize,
    quote: String,
}

fn run_extractor(input: &str) -> Vec<Found> {
    let doc = Document::from_text("case", input.to_string());
    extract(&doc, 0, 0)
        .into_iter()
        .map(|claim| {
            let orig = doc.original_range(claim.start..claim.end);
            let start = input[..orig.start].chars().count();
            let end = input[..orig.end].chars().count();
            let quote = norm(&claim.quote);
            Found { claim, start, end, quote }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Policy exclusions (see POLICY.md). Each is a rule over the input and one expected result.

const BIG_UNITS: &[char] = &['万', '萬', '亿', '億', '兆'];

fn is_cn_numeral_char(c: char) -> bool {
    "零〇一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩倆俩幺点點负負".contains(c) || BIG_UNITS.contains(&c)
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The input char after the expected span, skipping spaces ('\0' at the end).
fn next_char(input: &[char], end: usize) -> char {
    input[end..].iter().copied().find(|c| !c.is_whitespace()).unwrap_or('\0')
}

/// Function words that end a bare numeral in these sentences (这是五那是四, 答案是四不是五).
const FUNCTION_CHARS: &str = "这那不而却是和与的或也还另又";

/// Count classifiers after which 一 is an indefinite article (一个人, 另一种写法, 一只猫):
/// the project's rule is that 一 + classifier is a claim only when the classifier measures
/// (一吨, 一米), not when it counts one thing.
const ARTICLE_CLASSIFIERS: &str = "个個种種位些样樣只隻块塊张張条條件本台次对對双雙";

/// Proper names that contain a numeral (a place, not a quantity).
const NAMES: &[&str] = &["五台山"];

/// Two adjacent rising Chinese digits (二三十, 七八百) or 几/数: a vague amount.
fn has_vague_numeral(input: &[char]) -> bool {
    const DIGITS: &str = "一二三四五六七八九";
    let pos = |c: char| DIGITS.chars().position(|d| d == c);
    input.windows(2).any(|w| matches!((pos(w[0]), pos(w[1])), (Some(a), Some(b)) if b == a + 1))
        || input.iter().any(|&c| matches!(c, '几' | '幾'))
}

/// The policy category that excludes `e`, if any.
fn policy_exclusion(input: &[char], e: &Expected, all: &[Expected], model: Model) -> Option<&'static str> {
    let text = norm(&e.text);
    let before = if e.start > 0 { input[e.start - 1] } else { '\0' };
    let next = next_char(input, e.end);
    if model == Model::Ordinal {
        return Some("ordinal");
    }
    if e.value.is_none() {
        return Some("no_numeral");
    }
    if before == '第' || text.contains('第') {
        return Some("ordinal");
    }
    let arabic = text.chars().any(|c| c.is_ascii_digit());
    let digits_only = text.chars().all(|c| c.is_ascii_digit());
    let cn_digits_only = text.chars().all(|c| "零〇一二三四五六七八九".contains(c));
    // Dates and clock times are read whole (date claims), not as separate numbers.
    if matches!(next, '月' | '日' | '号' | '號')
        || (next == '年' && text.chars().count() == 4 && (digits_only || cn_digits_only))
        || (matches!(next, '点' | '點') && digits_only)
    {
        return Some("date_or_time_part");
    }
    // 两百点两 / 一点两: Recognizers-Text splits at 点 when 两 follows; 点 between numerals is
    // a decimal point here.
    let splits_at_dian = |a: &Expected, b: &Expected| b.start == a.end + 1 && matches!(input[a.end], '点' | '點');
    if all.iter().any(|o| splits_at_dian(e, o) || splits_at_dian(o, e)) {
        return Some("decimal_split");
    }
    let inside = |w: &str| {
        let wc: Vec<char> = w.chars().collect();
        (0..input.len()).any(|s| input[s..].starts_with(&wc) && s <= e.start && e.end <= s + wc.len())
    };
    if NAMES.iter().any(|w| inside(w)) {
        return Some("name");
    }
    // Range model: the span holds comparison words too (不小于三十, 一千到一千五百); the rule
    // looks at its numerals only.
    if model == Model::Range && !arabic && text.chars().any(is_cn_numeral_char) && !text.chars().any(|c| BIG_UNITS.contains(&c)) {
        let next = if matches!(next, '多' | '余') { next_char(input, e.end + 1) } else { next };
        if !is_cjk(next) || FUNCTION_CHARS.contains(next) {
            return Some("bare_cn_numeral");
        }
    }
    if model == Model::Number && !arabic && text.chars().all(|c| is_cn_numeral_char(c) || c == ' ') {
        if matches!(text.as_str(), "一" | "壹") && ARTICLE_CLASSIFIERS.contains(next) {
            return Some("article_yi");
        }
        let magnitude = text.chars().any(|c| BIG_UNITS.contains(&c));
        // 四百多 (more than 400) is still a numeral without a unit: look past 多/余.
        let next = if matches!(next, '多' | '余') { next_char(input, e.end + 1) } else { next };
        if !magnitude && (!is_cjk(next) || FUNCTION_CHARS.contains(next)) {
            return Some("bare_cn_numeral");
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Value comparison.

fn close(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    let scale = a.abs().max(b.abs()).max(1e-12);
    (a - b).abs() / scale < 1e-6
}

fn parse_num(s: &str) -> Option<f64> {
    s.trim().trim_end_matches('%').parse().ok()
}

/// "(a,b]" → (Some(a), Some(b)); "(80,)" → (Some(80), None); "[170,170]" a point.
fn parse_interval(s: &str) -> Option<(Option<f64>, Option<f64>)> {
    let inner = s.trim().get(1..s.trim().len() - 1)?;
    let (a, b) = inner.split_once(',')?;
    let lo = if a.trim().is_empty() { None } else { Some(parse_num(a)?) };
    let hi = if b.trim().is_empty() { None } else { Some(parse_num(b)?) };
    Some((lo, hi))
}

/// Base dimension and factor of a unit, for Recognizers-Text names and our normalised units.
fn unit_base(u: &str) -> Option<(&'static str, f64)> {
    Some(match u {
        "Meter" | "m" => ("length", 1.0),
        "Kilometer" | "km" => ("length", 1e3),
        "Centimeter" | "cm" => ("length", 1e-2),
        "Millimeter" | "mm" => ("length", 1e-3),
        "Gram" | "g" => ("mass", 1.0),
        "Kilogram" | "kg" => ("mass", 1e3),
        "Milligram" | "mg" => ("mass", 1e-3),
        "Microgram" | "ug" => ("mass", 1e-6),
        "Ton" | "t" => ("mass", 1e6),
        "Jin" | "jin" => ("mass", 500.0),
        "Liang" | "liang" => ("mass", 50.0),
        "Mu" | "mu" => ("area", 666.666_666_666_7),
        "Bit" | "bit" => ("data", 1.0),
        "Kilobit" | "kbit" => ("data", 1e3),
        "Byte" | "B" => ("data", 8.0),
        "Kilobyte" | "KB" => ("data", 8e3),
        "Megabyte" | "MB" => ("data", 8e6),
        "Gigabyte" | "GB" => ("data", 8e9),
        "Kilowatt" | "kW" => ("power", 1e3),
        "C" => ("celsius", 1.0),
        "Degree" | "deg" => ("degree", 1.0),
        "F" => ("fahrenheit", 1.0),
        "Year" | "years" => ("time", 365.0),
        "Month" | "months" => ("time", 30.0),
        "Week" | "weeks" => ("time", 7.0),
        "Day" | "days" => ("time", 1.0),
        _ => return None,
    })
}

fn currency_code(e: &Expected) -> Option<String> {
    if let Some(iso) = &e.iso {
        return Some(iso.clone());
    }
    match e.unit.as_deref()? {
        "Dollar" => Some("USD".into()),
        "Bitcoin" => Some("BTC".into()),
        _ => None,
    }
}

fn is_lower_bound(a: Approx) -> bool {
    matches!(a, Approx::Over | Approx::AtLeast)
}

fn is_upper_bound(a: Approx) -> bool {
    matches!(a, Approx::AtMost | Approx::Under)
}

/// Whether the claim would be reported by the model at all (extra claims of these kinds fail
/// a case; claims of other kinds are outside the model's scope).
fn relevant(model: Model, c: &Claim) -> bool {
    match model {
        // Money and percentages belong to the currency and percent models: the number model
        // expects nothing for 一美元 or 一折.
        Model::Number => !matches!(c.kind, ClaimKind::Money | ClaimKind::PricePerUnit | ClaimKind::Percent | ClaimKind::PercentPoint | ClaimKind::Discount),
        Model::Percent => matches!(c.kind, ClaimKind::Percent | ClaimKind::PercentPoint | ClaimKind::Discount),
        Model::Range => c.is_range() || is_lower_bound(c.approx) || is_upper_bound(c.approx),
        Model::Currency => matches!(c.kind, ClaimKind::Money | ClaimKind::PricePerUnit),
        Model::Dimension => matches!(c.kind, ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy),
        Model::Age => c.kind == ClaimKind::Duration,
        Model::Temperature => c.kind == ClaimKind::Measure && unit_base(&c.unit).map_or(false, |(d, _)| matches!(d, "celsius" | "fahrenheit" | "degree")),
        Model::Ordinal => false,
    }
}

/// Whether one claim carries the expected value.
fn value_ok(model: Model, e: &Expected, c: &Claim) -> bool {
    let Some(v) = e.value.as_deref() else { return false };
    match model {
        Model::Number => {
            let Some(x) = parse_num(v) else { return false };
            // A percentage is the same number on another scale (一百分之五 = 0.05 = 5%).
            close(c.value, x) || (c.unit == "%" && close(c.value / 100.0, x))
        }
        Model::Percent => {
            let Some(x) = parse_num(v) else { return false };
            match c.kind {
                ClaimKind::Discount => close(c.value * 100.0, x),
                ClaimKind::Percent | ClaimKind::PercentPoint => close(c.value, x),
                _ => false,
            }
        }
        Model::Range => {
            let Some((lo, hi)) = parse_interval(v) else { return false };
            match (lo, hi) {
                (Some(a), Some(b)) if close(a, b) => close(c.value, a) && close(c.value_high, a),
                (Some(a), Some(b)) => close(c.value, a) && close(c.value_high, b),
                // 十几万 → (100000,): a vague claim 100000..190000 states the same lower bound.
                (Some(a), None) => close(c.value, a) && (is_lower_bound(c.approx) || (c.approx == Approx::Vague && c.value_high > c.value)),
                (None, Some(b)) => close(c.value_high, b) && is_upper_bound(c.approx),
                (None, None) => false,
            }
        }
        Model::Currency => {
            let Some(x) = parse_num(v) else { return false };
            let unit_ok = currency_code(e).map_or(true, |code| c.unit == code || c.unit.starts_with(&format!("{code}/")));
            matches!(c.kind, ClaimKind::Money | ClaimKind::PricePerUnit) && close(c.value, x) && unit_ok
        }
        Model::Dimension | Model::Age | Model::Temperature => {
            let Some(x) = parse_num(v) else { return false };
            let (Some((d1, f1)), Some((d2, f2))) = (e.unit.as_deref().and_then(unit_base), unit_base(&c.unit)) else {
                return false;
            };
            d1 == d2 && close(c.value * f2, x * f1)
        }
        Model::Ordinal => false,
    }
}

/// A two-sided range stated as two bounds (大于10小于20): a lower-bound claim and an
/// upper-bound claim inside the expected span.
fn bound_pair_ok(e: &Expected, cands: &[&Found]) -> Option<(usize, usize)> {
    let (Some(a), Some(b)) = e.value.as_deref().and_then(parse_interval)? else { return None };
    let lo = cands.iter().position(|f| close(f.claim.value, a) && (is_lower_bound(f.claim.approx) || f.claim.approx == Approx::Exact))?;
    let hi = cands.iter().position(|f| close(f.claim.value, b) && (is_upper_bound(f.claim.approx) || f.claim.approx == Approx::Exact))?;
    (lo != hi && (is_lower_bound(cands[lo].claim.approx) || is_upper_bound(cands[hi].claim.approx))).then_some((lo, hi))
}

/// Span rule: the claim's span and the expected span nest (one contains the other), and so do
/// their NFKC+lowercased texts. The claim may be wider (it keeps the unit: 十斤 for 十) or
/// narrower (it leaves hedges out: 80 for 超过了80).
fn spans_nest(f: &Found, e: &Expected) -> bool {
    let t = norm(&e.text).replace(' ', "");
    let q = f.quote.replace(' ', "");
    let by_offsets = (f.start <= e.start && e.end <= f.end) || (e.start <= f.start && f.end <= e.end);
    by_offsets && (q.contains(&t) || t.contains(&q))
}

fn is_numeral_char(c: char) -> bool {
    let c = c.to_string().nfkc().next().unwrap_or(c);
    c.is_ascii_digit() || is_cn_numeral_char(c)
}

/// The claim's numerals lie inside the expected span: where the spans overlap there is a
/// numeral, and what the claim adds outside is no numeral (a unit: `10个` for `至少有10`).
fn claim_within(input: &[char], f: &Found, e: &Expected) -> bool {
    let overlap = f.start.max(e.start)..f.end.min(e.end);
    !overlap.is_empty()
        && input[overlap].iter().any(|&c| is_numeral_char(c))
        && (f.start..f.end).filter(|k| *k < e.start || *k >= e.end).all(|k| !is_numeral_char(input[k]))
}

/// Span rule: the spans nest (see `spans_nest`), or they overlap on the same numerals — the
/// claim adds only non-numerals (a unit) and the expected text adds only non-numerals (a hedge:
/// `至少有10` against `10个`).
fn spans_match(input: &[char], f: &Found, e: &Expected) -> bool {
    spans_nest(f, e)
        || (claim_within(input, f, e) && (e.start..e.end).filter(|k| *k < f.start || *k >= f.end).all(|k| !is_numeral_char(input[k])))
}

fn overlaps(f: &Found, s: usize, e: usize) -> bool {
    f.start < e && s < f.end
}

// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct Tally {
    cases: usize,
    skipped_dotnet: usize,
    excluded_cases: usize,
    excluded_results: BTreeMap<&'static str, usize>,
    scored: usize,
    passed: usize,
    failures: Vec<String>,
}

fn load(file: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/recognizers-text-zh").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str::<Vec<Value>>(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn expected_of(case: &Value) -> Vec<Expected> {
    case["Results"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .map(|r| {
                    let res = &r["Resolution"];
                    Expected {
                        text: r["Text"].as_str().unwrap_or("").to_string(),
                        start: r["Start"].as_u64().unwrap_or(0) as usize,
                        end: r["End"].as_u64().unwrap_or(0) as usize + 1,
                        value: res["value"].as_str().map(str::to_string),
                        unit: res["unit"].as_str().map(str::to_string),
                        iso: res["isoCurrency"].as_str().map(str::to_string),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

fn score_file(file: &str, model: Model) -> Tally {
    let mut t = Tally::default();
    for case in load(file) {
        t.cases += 1;
        let not_supported = case["NotSupported"].as_str().unwrap_or("").to_lowercase();
        if not_supported.split(',').any(|s| s.trim() == "dotnet") {
            t.skipped_dotnet += 1;
            continue;
        }
        let input = case["Input"].as_str().unwrap_or("").to_string();
        let chars: Vec<char> = input.chars().collect();
        let expected = expected_of(&case);
        let ignore_value = case["IgnoreResolution"].as_bool().unwrap_or(false);
        let mut in_policy = Vec::new();
        let mut excluded_spans = Vec::new();
        for e in &expected {
            match policy_exclusion(&chars, e, &expected, model) {
                Some(cat) => {
                    *t.excluded_results.entry(cat).or_default() += 1;
                    excluded_spans.push((e.start, e.end));
                }
                None => in_policy.push(e),
            }
        }
        if !expected.is_empty() && in_policy.is_empty() {
            t.excluded_cases += 1;
            continue;
        }
        // A negative case over a vague numeral (百分之二三十, 二三十个百分点): RT returns nothing,
        // the project extracts a vague claim (20..30).
        if expected.is_empty() && has_vague_numeral(&chars) {
            *t.excluded_results.entry("vague_numeral").or_default() += 1;
            t.excluded_cases += 1;
            continue;
        }
        t.scored += 1;
        let found = run_extractor(&input);
        let mut used = vec![false; found.len()];
        let mut problems = Vec::new();
        for e in &in_policy {
            let cand_idx: Vec<usize> = (0..found.len()).filter(|&k| !used[k] && spans_match(&chars, &found[k], e)).collect();
            let hit = cand_idx.iter().copied().find(|&k| ignore_value || value_ok(model, e, &found[k].claim));
            if let Some(k) = hit {
                used[k] = true;
                continue;
            }
            if model == Model::Range {
                let cand_idx: Vec<usize> = (0..found.len()).filter(|&k| !used[k] && claim_within(&chars, &found[k], e)).collect();
                let cands: Vec<&Found> = cand_idx.iter().map(|&k| &found[k]).collect();
                if let Some((a, b)) = bound_pair_ok(e, &cands) {
                    used[cand_idx[a]] = true;
                    used[cand_idx[b]] = true;
                    continue;
                }
            }
            let got: Vec<String> = cand_idx.iter().map(|&k| describe(&found[k].claim)).collect();
            problems.push(format!("want {:?}={:?} {:?}, got [{}]", e.text, e.value, e.unit.as_deref().unwrap_or(""), got.join(", ")));
        }
        for (k, f) in found.iter().enumerate() {
            if used[k] || !relevant(model, &f.claim) {
                continue;
            }
            let near_excluded = excluded_spans.iter().any(|&(s, e)| overlaps(f, s, e));
            let near_expected = in_policy.iter().any(|e| overlaps(f, e.start, e.end));
            if !near_excluded && !near_expected {
                problems.push(format!("extra {}", describe(&f.claim)));
            }
        }
        if problems.is_empty() {
            t.passed += 1;
        } else {
            t.failures.push(format!("{input}  →  {}", problems.join("; ")));
        }
    }
    t
}

fn describe(c: &Claim) -> String {
    format!("{:?}={} {} {} {}", c.quote, c.value_text(), c.unit, c.kind, c.approx.as_str())
}

#[test]
fn recognizers_text_conformance() {
    let verbose = std::env::var("CONFORMANCE_VERBOSE").is_ok();
    let mut below = Vec::new();
    println!();
    println!("{:<46} {:>5} {:>7} {:>8} {:>6} {:>6} {:>7} {:>6}", "file", "cases", "dotnet", "excluded", "scored", "passed", "rate", "floor");
    let mut exclusions: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut reports = Vec::new();
    for &(file, model, floor) in FILES {
        let t = score_file(file, model);
        let rate = if t.scored == 0 { 1.0 } else { t.passed as f64 / t.scored as f64 };
        println!(
            "{:<46} {:>5} {:>7} {:>8} {:>6} {:>6} {:>6.1}% {:>5.1}%",
            file, t.cases, t.skipped_dotnet, t.excluded_cases, t.scored, t.passed, rate * 100.0, floor * 100.0
        );
        for (k, v) in &t.excluded_results {
            *exclusions.entry(k).or_default() += v;
        }
        if rate + 1e-9 < floor {
            below.push(format!("{file}: {:.3} < floor {floor:.3}", rate));
        }
        reports.push((file, t));
    }
    println!("excluded expected results by policy category (tests/conformance/POLICY.md):");
    for (k, v) in &exclusions {
        println!("  {k:<20} {v}");
    }
    for (file, t) in &reports {
        let show = if verbose { t.failures.len() } else { t.failures.len().min(5) };
        if show > 0 {
            println!("-- {file}: {} failing case(s){}", t.failures.len(), if show < t.failures.len() { ", first 5 (CONFORMANCE_VERBOSE=1 for all)" } else { "" });
        }
        for f in t.failures.iter().take(show) {
            println!("   {f}");
        }
    }
    assert!(below.is_empty(), "conformance below floor: {}", below.join("; "));
}
