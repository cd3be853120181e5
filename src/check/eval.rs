//! Evaluation: each relation's arithmetic is evaluated once by interval arithmetic over its
//! roles' intervals (cost linear in the expression, never in its corners or shapes).
//!
//! Verdicts: the stated and expected intervals meet (after the rule's tolerance) →
//! consistent; they are disjoint → contradiction; an interval is NaN (missing input, division
//! by an interval holding 0) → unverifiable. A contradiction that a power of ten explains
//! is reported as `unit_error`.
use std::collections::{BTreeSet, HashMap};

use super::expr::{interval, Ast};
use super::calendar::civil_from_days;
use super::relation::{Display, Relation};
use super::rule::{Compare, Rule};
use super::units::power_of_ten;
use crate::ingest::Document;
use crate::model::{fmt_num, Claim, Finding, Severity, Verdict};

/// One compiled arithmetic: a rule, with `left` substituted for formula relations.
struct Program {
    rule: usize,
    stated: Ast,
    expected: Vec<Ast>,
    requires: Vec<(Ast, Compare, Ast)>,
}

fn subst(ast: &Ast, left: &Ast) -> Ast {
    match ast {
        Ast::Role(r) if r == "left" => left.clone(),
        Ast::Neg(a) => Ast::Neg(Box::new(subst(a, left))),
        Ast::Bin(op, a, b) => Ast::Bin(*op, Box::new(subst(a, left)), Box::new(subst(b, left))),
        Ast::Call(f, args) => Ast::Call(f.clone(), args.iter().map(|a| subst(a, left)).collect()),
        other => other.clone(),
    }
}

/// Interval per verdict row, read back from the frame.
struct Row {
    /// The rule's preconditions hold.
    keep: bool,
    verdict: Verdict,
    stated: (f64, f64),
    expected: Vec<(f64, f64)>,
}

pub fn evaluate(docs: &[Document], claims: &[Claim], relations: &[Relation], rules: &[Rule]) -> Vec<Finding> {
    if relations.is_empty() {
        return Vec::new();
    }
    // Programs, one per rule and formula shape.
    let mut programs: Vec<Program> = Vec::new();
    let mut prog_of: HashMap<(usize, String), usize> = HashMap::new();
    let mut rel_prog = Vec::with_capacity(relations.len());
    for r in relations {
        let key = (r.rule, r.left.as_ref().map(|l| l.0.clone()).unwrap_or_default());
        let idx = *prog_of.entry(key).or_insert_with(|| {
            let rule = &rules[r.rule];
            let s = |a: &Ast| match &r.left {
                Some((_, l)) => subst(a, l),
                None => a.clone(),
            };
            programs.push(Program {
                rule: r.rule,
                stated: s(&rule.stated.1),
                expected: rule.expected.iter().map(|(_, a)| s(a)).collect(),
                requires: rule.requires.iter().map(|(l, c, r)| (s(l), *c, s(r))).collect(),
            });
            programs.len() - 1
        });
        rel_prog.push(idx);
    }
    let multis: Vec<BTreeSet<String>> = rules.iter().map(|r| r.multi_roles()).collect();
    let rows: Vec<Row> = relations
        .iter()
        .zip(&rel_prog)
        .map(|(rel, &p)| evaluate_one(rel, &rules[rel.rule], &multis[rel.rule], &programs[p]))
        .collect();
    let by_id: HashMap<usize, &Claim> = claims.iter().map(|c| (c.id, c)).collect();
    let mut findings: Vec<Finding> = relations
        .iter()
        .zip(rows)
        .zip(rel_prog)
        .filter(|((_, row), _)| row.keep)
        .map(|((rel, row), p)| finding(docs, &by_id, rel, &rules[rel.rule], &programs[p], row))
        .collect();
    findings.sort_by(|a, b| {
        (a.doc, a.line, &a.rule, &a.claims, &a.message).cmp(&(b.doc, b.line, &b.rule, &b.claims, &b.message))
    });
    // Two rules reading one relation (a bracketed conversion with 约 is also a restatement) may
    // reach one kind over one claim set: report it once.
    let mut seen = BTreeSet::new();
    findings.retain(|f| {
        let mut ids = f.claims.clone();
        ids.sort();
        seen.insert((f.doc, f.kind.clone(), f.verdict, ids))
    });
    findings
}

/// A role's interval: one claim's, or an aggregate over a multi-claim role's items.
fn role_interval(rel: &Relation, multi: &BTreeSet<String>, name: &str, agg: Option<&str>) -> Option<(f64, f64)> {
    let v = rel.roles.get(name)?;
    if !multi.contains(name) {
        return v.items.first().copied();
    }
    let items = v.items.iter();
    Some(match agg? {
        "sum" => items.fold((0.0, 0.0), |a, x| (a.0 + x.0, a.1 + x.1)),
        "max" => items.fold((f64::NEG_INFINITY, f64::NEG_INFINITY), |a, x| (a.0.max(x.0), a.1.max(x.1))),
        "min" => items.fold((f64::INFINITY, f64::INFINITY), |a, x| (a.0.min(x.0), a.1.min(x.1))),
        _ => (v.items.len() as f64, v.items.len() as f64),
    })
}

/// `a` against `b` with NaN above every number and equal to itself, so that a precondition
/// over an undefined value reads the same way every time.
fn total_cmp(a: f64, b: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Equal,
        (true, false) => Greater,
        (false, true) => Less,
        _ => a.partial_cmp(&b).unwrap_or(Equal),
    }
}

/// Evaluate one relation: its preconditions, its stated and expected intervals, its verdict.
fn evaluate_one(rel: &Relation, rule: &Rule, multi: &BTreeSet<String>, prog: &Program) -> Row {
    let lookup = |name: &str, agg: Option<&str>| role_interval(rel, multi, name, agg);
    const NAN: (f64, f64) = (f64::NAN, f64::NAN);
    let value = |ast: &Ast| interval(ast, &lookup).unwrap_or(NAN);
    // Preconditions compare the middles of the two sides; a missing role fails them.
    let keep = prog.requires.iter().all(|(l, c, r)| {
        let (Some(l), Some(r)) = (interval(l, &lookup), interval(r, &lookup)) else { return false };
        let ord = total_cmp((l.0 + l.1) / 2.0, (r.0 + r.1) / 2.0);
        match c {
            Compare::Le => ord.is_le(),
            Compare::Ge => ord.is_ge(),
            Compare::Lt => ord.is_lt(),
            Compare::Gt | Compare::Overlap => ord.is_gt(),
        }
    });
    let stated = value(&prog.stated);
    let expected: Vec<(f64, f64)> = prog.expected.iter().map(value).collect();
    let defined = |e: &(f64, f64)| !(e.0.is_nan() || e.1.is_nan() || stated.0.is_nan() || stated.1.is_nan());
    let verdict = if expected.iter().any(|e| defined(e) && meets(rule.compare, rule.tolerance, stated, *e)) {
        Verdict::Consistent
    } else if expected.iter().any(defined) {
        Verdict::Contradiction
    } else {
        Verdict::Unverifiable
    };
    Row { keep, verdict, stated, expected }
}

/// A representative point of an interval (its middle, or its finite end).
fn point(lo: f64, hi: f64) -> f64 {
    match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (lo + hi) / 2.0,
        (true, false) => lo,
        (false, true) => hi,
        _ => f64::NAN,
    }
}

/// Relative distance from the stated point to the nearest point of [lo, hi].
pub fn deviation(stated: f64, lo: f64, hi: f64) -> Option<f64> {
    if stated.is_nan() || lo.is_nan() || hi.is_nan() {
        return None;
    }
    if stated >= lo && stated <= hi {
        return Some(0.0);
    }
    let nearest = if stated < lo { lo } else { hi };
    if !nearest.is_finite() {
        return None;
    }
    let d = (stated - nearest).abs();
    Some(if nearest == 0.0 { d / stated.abs().max(1e-300) } else { d / nearest.abs() })
}

fn meets(compare: Compare, tol: f64, s: (f64, f64), e: (f64, f64)) -> bool {
    let widen = |x: f64, sign: f64| if tol > 0.0 { x + sign * tol * x.abs() } else { x };
    let (lo, hi) = (widen(e.0, -1.0), widen(e.1, 1.0));
    match compare {
        Compare::Overlap => lo <= s.1 && hi >= s.0,
        Compare::Le => s.0 <= hi,
        Compare::Ge => s.1 >= lo,
        Compare::Lt => s.0 < hi,
        Compare::Gt => s.1 > lo,
    }
}

/// A number with at most `sig` significant digits, no float noise.
pub fn fmt_sig(x: f64, sig: i32) -> String {
    if !x.is_finite() {
        return if x.is_nan() { "?".into() } else if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    let mag = x.abs().log10().floor() as i32;
    let scale = 10f64.powi(sig - 1 - mag);
    fmt_num((x * scale).round() / scale)
}

fn show(display: &Display, lo: f64, hi: f64) -> String {
    match display {
        Display::Day { with_year } => {
            let day = |x: f64| {
                let (y, m, d) = civil_from_days(x as i64);
                match with_year {
                    true => format!("{y:04}-{m:02}-{d:02}"),
                    false => format!("--{m:02}-{d:02}"),
                }
            };
            if !lo.is_finite() || !hi.is_finite() {
                return "?".into();
            }
            if lo == hi {
                day(lo)
            } else {
                format!("{}..{}", day(lo), day(hi))
            }
        }
        Display::Number { scale, suffix } => {
            let (lo, hi) = (lo / scale, hi / scale);
            let mid = point(lo, hi);
            let text = if lo.is_nan() || hi.is_nan() {
                "?".to_string()
            } else if !hi.is_finite() && lo.is_finite() {
                format!("> {}", fmt_sig(lo, 4))
            } else if !lo.is_finite() && hi.is_finite() {
                format!("< {}", fmt_sig(hi, 4))
            } else if ((hi - lo) / mid.abs().max(1e-300)).abs() < 0.002 || hi == lo {
                fmt_sig(mid, 4)
            } else {
                format!("{}..{}", fmt_sig(lo, 4), fmt_sig(hi, 4))
            };
            format!("{text}{suffix}")
        }
    }
}

fn role_text(rel: &Relation, ast: &Ast) -> String {
    match ast {
        Ast::Role(r) => rel.roles.get(r).map(|v| v.texts.join(" + ")).unwrap_or_else(|| r.clone()),
        Ast::Agg(a, r) => {
            let items = rel.roles.get(r).map(|v| v.texts.join(if a == "sum" { " + " } else { ", " })).unwrap_or_default();
            if a == "sum" {
                format!("({items})")
            } else {
                format!("{a}({items})")
            }
        }
        _ => String::new(),
    }
}

/// The conversion factor `q` between the stated figure's unit and another role's unit of the
/// same dimension when the stated figure, read back through `q`, equals the expected one: the
/// writer kept the number and changed the unit.
fn unconverted_factor(rel: &Relation, stated_roles: &[String], stated: (f64, f64), exp: (f64, f64), rule: &Rule) -> Option<f64> {
    let su = stated_roles.iter().find_map(|r| rel.roles.get(r)).and_then(|v| v.units.first())?;
    rel.roles
        .iter()
        .filter(|(name, _)| !stated_roles.contains(name))
        .flat_map(|(_, v)| v.units.iter())
        .filter(|u| u.base() == su.base() && !u.base().is_empty())
        .map(|u| su.scale / u.scale)
        .filter(|q| (q.ln()).abs() > 0.05)
        .find(|q| {
            let (lo, hi) = (stated.0 / q, stated.1 / q);
            meets(rule.compare, rule.tolerance.max(0.005), (lo.min(hi), lo.max(hi)), exp)
        })
}

fn finding(
    docs: &[Document],
    by_id: &HashMap<usize, &Claim>,
    rel: &Relation,
    rule: &Rule,
    prog: &Program,
    row: Row,
) -> Finding {
    let _ = prog.rule;
    let mut stated_roles = Vec::new();
    prog.stated.roles(&mut stated_roles);
    let mut expected_roles = Vec::new();
    prog.expected.iter().for_each(|a| a.roles(&mut expected_roles));
    // Claims: the stated figure first, then the inputs, then anything else bound.
    let mut ids: Vec<usize> = Vec::new();
    let all: Vec<&String> = stated_roles.iter().chain(expected_roles.iter()).chain(rel.roles.keys()).collect();
    let order: Vec<&String> = if rule.report.is_empty() { all } else { rule.report.iter().collect() };
    for r in order {
        if let Some(v) = rel.roles.get(r) {
            for &c in &v.claims {
                if !ids.contains(&c) {
                    ids.push(c);
                }
            }
        }
    }
    let first_stated = stated_roles.iter().find_map(|r| rel.roles.get(r));
    let pos = first_stated.map(|v| v.pos).or_else(|| rel.roles.values().next().map(|v| v.pos)).unwrap_or(0);
    let line = docs
        .get(rel.doc)
        .filter(|d| pos <= d.text.len())
        .map(|d| d.line_col(pos).0)
        .or_else(|| ids.first().and_then(|i| by_id.get(i)).map(|c| c.line))
        .unwrap_or(1);
    let display = first_stated.map(|v| v.display.clone()).unwrap_or(Display::Number { scale: 1.0, suffix: String::new() });

    // The alternative that holds, else the nearest one.
    let sp = point(row.stated.0, row.stated.1);
    let best = (0..row.expected.len())
        .filter(|&a| !row.expected[a].0.is_nan() && !row.expected[a].1.is_nan())
        .min_by(|&a, &b| {
            let key = |i: usize| {
                let m = meets(rule.compare, rule.tolerance, row.stated, row.expected[i]);
                let d = deviation(sp, row.expected[i].0, row.expected[i].1).unwrap_or(f64::INFINITY);
                (!m, d)
            };
            key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(0);
    let exp = row.expected.get(best).copied().unwrap_or((f64::NAN, f64::NAN));
    // A consistent relation deviates by nothing (orderings such as `le` hold by definition).
    let deviation_v = match row.verdict {
        Verdict::Unverifiable => None,
        Verdict::Consistent => Some(0.0),
        Verdict::Contradiction => deviation(sp, exp.0, exp.1),
    };
    let expected_text = show(&display, exp.0, exp.1);
    let calc = prog.expected.get(best).map(|a| a.render(&|x| role_text(rel, x))).unwrap_or_default();
    let stated_text = prog.stated.render(&|x| role_text(rel, x));

    // A contradiction a power of ten explains is a unit slip.
    let mut kind = rule.kind.clone();
    let mut unit_note = String::new();
    if row.verdict == Verdict::Contradiction && rule.unit_error && kind != "unit_error" {
        let ratio = sp / point(exp.0, exp.1);
        if let Some(k) = power_of_ten(ratio.abs()) {
            let f = 10f64.powi(k);
            let scaled = (row.stated.0 / f, row.stated.1 / f);
            let (lo, hi) = if scaled.0 <= scaled.1 { scaled } else { (scaled.1, scaled.0) };
            if meets(rule.compare, rule.tolerance.max(0.005), (lo, hi), exp) && ratio > 0.0 {
                kind = "unit_error".into();
                unit_note = format!(" (off by a factor of {}: a unit slip)", fmt_num(f.max(1.0 / f)));
            }
        }
    }
    // A figure carried into another unit without converting it (5英里（约5公里）).
    if row.verdict == Verdict::Contradiction && kind != "unit_error" {
        if let Some(q) = unconverted_factor(rel, &stated_roles, row.stated, exp, rule) {
            kind = "unit_error".into();
            unit_note = format!(" (the number was carried over without converting its unit: factor {})", fmt_sig(q, 4));
        }
    }
    // A conventional conversion factor (words ≈ 4/3 tokens) makes the verdict probable, not certain.
    let approximate = rel.roles.values().flat_map(|v| v.units.iter()).any(|u| u.spread > 0.0);
    let severity = match rule.severity {
        Severity::Error if approximate => Severity::Warning,
        s => s,
    };
    let template = rule.message.clone().unwrap_or_else(|| "{calc} = {expected}, stated {stated}".to_string());
    let mut message = template
        .replace("{calc}", &calc)
        .replace("{expected}", &expected_text)
        .replace("{stated}", &stated_text)
        .replace("{note}", &rel.note)
        .replace(
            "{deviation}",
            &deviation_v.map(|d| format!("{}%", fmt_sig(d * 100.0, 3))).unwrap_or_else(|| "?".into()),
        );
    for (name, v) in &rel.roles {
        message = message.replace(&format!("{{{name}}}"), &v.texts.join(", "));
    }
    if row.verdict == Verdict::Unverifiable {
        message.push_str(" (not computable)");
    }
    message.push_str(&unit_note);
    Finding {
        doc: rel.doc,
        line,
        rule: rule.id.clone(),
        kind,
        severity,
        verdict: row.verdict,
        claims: ids,
        stated: stated_text,
        expected: expected_text,
        deviation: deviation_v,
        message,
    }
}
