//! Evaluation: every relation of the batch is one row of a Polars frame (role intervals as
//! `r_<role>_lo` / `r_<role>_hi` columns); each rule's arithmetic compiles once into interval
//! expressions over it, and one lazy query computes expected intervals and verdicts for all.
//!
//! Verdicts: the stated and expected intervals meet (after the rule's tolerance) →
//! consistent; they are disjoint → contradiction; an interval is NaN (missing input, division
//! by an interval holding 0) → unverifiable. A contradiction that a power of ten explains
//! is reported as `unit_error`.
use std::collections::{BTreeMap, BTreeSet, HashMap};

use polars::lazy::dsl::{any_horizontal, col, lit, when, Expr};
use polars::prelude::*;

use super::expr::{compile, Ast};
use super::relate::{civil_from_days, Display, Relation};
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
    let rows = match run_frame(relations, rules, &programs, &rel_prog) {
        Ok(rows) => rows,
        // A Polars failure is a bug, not a finding: every relation stays unverifiable.
        Err(_) => relations
            .iter()
            .map(|_| Row { keep: true, verdict: Verdict::Unverifiable, stated: (f64::NAN, f64::NAN), expected: Vec::new() })
            .collect(),
    };
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

/// Columns of the relation frame: aggregates for multi-claim roles, one interval otherwise.
fn role_columns(rel: &Relation, multi: &BTreeSet<String>) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (name, v) in &rel.roles {
        if multi.contains(name) {
            let sum = v.items.iter().fold((0.0, 0.0), |a, x| (a.0 + x.0, a.1 + x.1));
            let max = v.items.iter().fold((f64::NEG_INFINITY, f64::NEG_INFINITY), |a, x| (a.0.max(x.0), a.1.max(x.1)));
            let min = v.items.iter().fold((f64::INFINITY, f64::INFINITY), |a, x| (a.0.min(x.0), a.1.min(x.1)));
            let n = v.items.len() as f64;
            for (agg, (lo, hi)) in [("sum", sum), ("max", max), ("min", min), ("count", (n, n))] {
                out.push((format!("r_{name}_{agg}_lo"), lo));
                out.push((format!("r_{name}_{agg}_hi"), hi));
            }
        } else if let Some(&(lo, hi)) = v.items.first() {
            out.push((format!("r_{name}_lo"), lo));
            out.push((format!("r_{name}_hi"), hi));
        }
    }
    out
}

/// A per-program value chosen row by row: `when(prog == k) then e_k …`.
fn by_program(exprs: Vec<Expr>) -> Expr {
    let mut acc = lit(f64::NAN);
    for (k, e) in exprs.into_iter().enumerate().rev() {
        acc = when(col("prog").eq(lit(k as u32))).then(e).otherwise(acc);
    }
    acc
}

fn run_frame(relations: &[Relation], rules: &[Rule], programs: &[Program], rel_prog: &[usize]) -> PolarsResult<Vec<Row>> {
    let n = relations.len();
    let multis: Vec<BTreeSet<String>> = rules.iter().map(|r| r.multi_roles()).collect();
    let mut cols: BTreeMap<String, Vec<Option<f64>>> = BTreeMap::new();
    for (i, rel) in relations.iter().enumerate() {
        for (name, x) in role_columns(rel, &multis[rel.rule]) {
            cols.entry(name).or_insert_with(|| vec![None; n])[i] = Some(x);
        }
    }
    let alts = programs.iter().map(|p| p.expected.len()).max().unwrap_or(1);
    // Every column an expression reads must exist, even if no relation filled it.
    for p in programs {
        let mut used = Vec::new();
        p.stated.roles(&mut used);
        p.expected.iter().for_each(|a| a.roles(&mut used));
        p.requires.iter().for_each(|(l, _, r)| {
            l.roles(&mut used);
            r.roles(&mut used)
        });
        for r in used {
            for end in ["lo", "hi"] {
                cols.entry(format!("r_{r}_{end}")).or_insert_with(|| vec![None; n]);
                for agg in super::expr::AGGREGATES {
                    cols.entry(format!("r_{r}_{agg}_{end}")).or_insert_with(|| vec![None; n]);
                }
            }
        }
    }
    let mut columns: Vec<Column> = vec![
        Column::new("prog".into(), rel_prog.iter().map(|&p| p as u32).collect::<Vec<u32>>()),
        Column::new("tol".into(), relations.iter().map(|r| rules[r.rule].tolerance).collect::<Vec<f64>>()),
        Column::new(
            "cmp".into(),
            relations
                .iter()
                .map(|r| match rules[r.rule].compare {
                    Compare::Overlap => 0u32,
                    Compare::Le => 1,
                    Compare::Ge => 2,
                    Compare::Lt => 3,
                    Compare::Gt => 4,
                })
                .collect::<Vec<u32>>(),
        ),
    ];
    for (name, v) in cols {
        columns.push(Column::new(name.into(), v));
    }
    let df = DataFrame::new(n, columns)?;

    let compiled: Vec<((Expr, Expr), Vec<(Expr, Expr)>)> =
        programs.iter().map(|p| (compile(&p.stated), p.expected.iter().map(compile).collect())).collect();
    let mut exprs = vec![
        by_program(compiled.iter().map(|c| c.0 .0.clone()).collect()).alias("st_lo"),
        by_program(compiled.iter().map(|c| c.0 .1.clone()).collect()).alias("st_hi"),
    ];
    for a in 0..alts {
        let pick = |end: usize| {
            by_program(
                compiled
                    .iter()
                    .map(|c| c.1.get(a).map(|e| if end == 0 { e.0.clone() } else { e.1.clone() }).unwrap_or(lit(f64::NAN)))
                    .collect(),
            )
        };
        exprs.push(pick(0).alias(format!("e{a}_lo")));
        exprs.push(pick(1).alias(format!("e{a}_hi")));
    }
    // Null (a role no relation filled) reads as NaN: unverifiable.
    let exprs: Vec<Expr> = exprs.into_iter().map(|e| e.fill_null(lit(f64::NAN))).collect();
    let mut checks = Vec::new();
    for a in 0..alts {
        let (elo, ehi) = (col(format!("e{a}_lo")), col(format!("e{a}_hi")));
        let tol = col("tol");
        // Widen by the tolerance; with tolerance 0 keep ±∞ as is (0 × ∞ is NaN).
        let lo_t = when(tol.clone().gt(lit(0.0))).then(elo.clone() - tol.clone() * elo.clone().abs()).otherwise(elo.clone());
        let hi_t = when(tol.clone().gt(lit(0.0))).then(ehi.clone() + tol * ehi.clone().abs()).otherwise(ehi.clone());
        let (slo, shi) = (col("st_lo"), col("st_hi"));
        let valid = elo.is_nan().or(ehi.is_nan()).or(slo.clone().is_nan()).or(shi.clone().is_nan()).not();
        let meet = when(col("cmp").eq(lit(0u32)))
            .then(lo_t.clone().lt_eq(shi.clone()).and(hi_t.clone().gt_eq(slo.clone())))
            .when(col("cmp").eq(lit(1u32)))
            .then(slo.clone().lt_eq(hi_t.clone()))
            .when(col("cmp").eq(lit(2u32)))
            .then(shi.clone().gt_eq(lo_t.clone()))
            .when(col("cmp").eq(lit(3u32)))
            .then(slo.lt(hi_t))
            .otherwise(shi.gt(lo_t));
        checks.push((valid.clone().alias(format!("v{a}")), valid.and(meet).alias(format!("m{a}"))));
    }
    let valid_any = any_horizontal((0..alts).map(|a| col(format!("v{a}"))).collect::<Vec<_>>())?;
    let meet_any = any_horizontal((0..alts).map(|a| col(format!("m{a}"))).collect::<Vec<_>>())?;
    // Preconditions compare the middles of the two sides.
    let mut keep_exprs = Vec::new();
    for p in programs {
        let mut cond = lit(true);
        for (l, c, r) in &p.requires {
            let ((llo, lhi), (rlo, rhi)) = (compile(l), compile(r));
            let (lm, rm) = ((llo + lhi) / lit(2.0), (rlo + rhi) / lit(2.0));
            let holds = match c {
                Compare::Le => lm.lt_eq(rm),
                Compare::Ge => lm.gt_eq(rm),
                Compare::Lt => lm.lt(rm),
                Compare::Gt | Compare::Overlap => lm.gt(rm),
            };
            cond = cond.and(holds.fill_null(lit(false)));
        }
        keep_exprs.push(cond);
    }
    let mut keep = lit(true);
    for (k, e) in keep_exprs.into_iter().enumerate().rev() {
        keep = when(col("prog").eq(lit(k as u32))).then(e).otherwise(keep);
    }
    let verdict = when(meet_any).then(lit(1i32)).when(valid_any).then(lit(0i32)).otherwise(lit(2i32)).alias("verdict");
    let out = df
        .lazy()
        .with_columns(exprs)
        .with_columns(checks.iter().flat_map(|(v, m)| [v.clone(), m.clone()]).collect::<Vec<_>>())
        .with_column(verdict)
        .with_column(keep.alias("keep"))
        .collect()?;

    let f64s = |name: &str| -> PolarsResult<Vec<f64>> {
        Ok(out.column(name)?.as_materialized_series().f64()?.iter().map(|x| x.unwrap_or(f64::NAN)).collect())
    };
    let st_lo = f64s("st_lo")?;
    let st_hi = f64s("st_hi")?;
    let mut e = Vec::new();
    for a in 0..alts {
        e.push((f64s(&format!("e{a}_lo"))?, f64s(&format!("e{a}_hi"))?));
    }
    let keeps: Vec<bool> =
        out.column("keep")?.as_materialized_series().bool()?.iter().map(|x| x.unwrap_or(false)).collect();
    let verdicts: Vec<i32> =
        out.column("verdict")?.as_materialized_series().i32()?.iter().map(|x| x.unwrap_or(2)).collect();
    Ok((0..n)
        .map(|i| Row {
            keep: keeps[i],
            verdict: match verdicts[i] {
                1 => Verdict::Consistent,
                0 => Verdict::Contradiction,
                _ => Verdict::Unverifiable,
            },
            stated: (st_lo[i], st_hi[i]),
            expected: (0..programs[rel_prog[i]].expected.len()).map(|a| (e[a].0[i], e[a].1[i])).collect(),
        })
        .collect())
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
