//! The `formula` builder: a written formula (449W*1022362h*0.87=…): its parts and
//! operators give the left side, its result the stated side, its units the factor between.
use std::collections::BTreeMap;


use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::check::units::{claim_unit, Unit};
use crate::model::{Claim, ClaimKind};

pub fn relations(ri: usize, require_unit_factor: bool, g: &DocGraph, out: &mut Vec<Relation>) {
    for f in g.claims.iter().filter(|c| c.kind == ClaimKind::Formula) {
        if let Some(rel) = formula_relation(ri, g.doc, g.text, f, &g.claims, require_unit_factor) {
            out.push(rel);
        }
    }
}


fn formula_relation(ri: usize, doc: usize, text: &str, f: &Claim, cs: &[&Claim], require_unit_factor: bool) -> Option<Relation> {
    // The parts: claims strictly inside the formula span, outermost first.
    let inner: Vec<&Claim> =
        cs.iter().copied().filter(|c| c.id != f.id && c.start >= f.start && c.end <= f.end && c.kind != ClaimKind::Formula).collect();
    let keep = crate::check::skeleton::outermost(&inner);
    let mut parts: Vec<&Claim> = keep.iter().map(|&i| inner[i]).collect();
    parts.sort_by_key(|c| c.start);
    if parts.len() < 3 {
        return None;
    }
    // The text between parts must be exactly one operator each.
    let mut ops = Vec::new();
    for w in parts.windows(2) {
        let between: String = text.get(w[0].end..w[1].start)?.chars().filter(|c| !c.is_whitespace()).collect();
        let op = match between.as_str() {
            "×" | "*" | "x" | "X" | "·" | "✕" => '*',
            "÷" | "/" => '/',
            "+" => '+',
            "-" | "−" | "–" => '-',
            "=" | "≈" => '=',
            _ => return None,
        };
        ops.push(op);
    }
    // Exactly one `=`, before the last part: `a op b op c = result`.
    if ops.iter().filter(|&&o| o == '=').count() != 1 || *ops.last()? != '=' {
        return None;
    }
    let result = parts.last()?;
    let left_parts = &parts[..parts.len() - 1];
    let mut expr_text = "p1".to_string();
    for (i, op) in ops[..ops.len() - 1].iter().enumerate() {
        expr_text.push_str(&format!(" {op} p{}", i + 2));
    }
    let left_ast = crate::check::expr::parse(&expr_text, &|_| false).ok()?;

    // Units: a bare number in the formula takes the unit of an equal figure elsewhere on the
    // line (`以0.87元/度估算 … ×0.87`).
    let line_start = text[..f.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[f.end..].find('\n').map(|i| f.end + i).unwrap_or(text.len());
    let unit_of = |c: &Claim| -> Unit {
        let u = formula_unit(c);
        if !u.dims.is_empty() || u.scale != 1.0 || !(c.unit.is_empty() || c.unit == "x") {
            return u;
        }
        cs.iter()
            .filter(|o| o.id != c.id && o.start >= line_start && o.end <= line_end && (o.end <= f.start || o.start >= f.end))
            .find(|o| o.value == c.value && !o.unit.is_empty() && o.kind != ClaimKind::Formula)
            .map(|o| formula_unit(o))
            .unwrap_or(u)
    };
    let mut roles = BTreeMap::new();
    let mut left_unit = Unit::dimensionless(1.0);
    let mut products_only = true;
    for (i, c) in left_parts.iter().enumerate() {
        let mut rv = claim_role(c);
        // Formula parts are read as printed (the extractor already expanded 万/亿), units apart.
        // A whole number written out in a formula is exact (12 台, 8 袋), not 11.5..12.5.
        let whole_number = !c.quote.contains(['.', '万', '亿', '千', '百', '萬', '億']) && c.value.fract() == 0.0;
        rv.items = if whole_number {
            vec![(c.value, c.value_high)]
        } else {
            vec![(finite_or(c.lo, c.value), finite_or(c.hi, c.value_high))]
        };
        rv.display = Display::Number { scale: 1.0, suffix: String::new() };
        roles.insert(format!("p{}", i + 1), rv);
        let u = unit_of(c);
        let op = if i == 0 { '*' } else { ops[i - 1] };
        match op {
            '*' => left_unit = left_unit.mul(&u),
            '/' => left_unit = left_unit.mul(&u.inv()),
            _ => products_only = false,
        }
    }
    let right_unit = formula_unit(result);
    let dims_match = products_only && left_unit.dims == right_unit.dims;
    let factor = if dims_match { left_unit.scale / right_unit.scale } else { 1.0 };
    if require_unit_factor && (!dims_match || (factor - 1.0).abs() < 1e-9) {
        return None;
    }
    let mut res = claim_role(result);
    res.items = vec![(finite_or(result.lo, result.value), finite_or(result.hi, result.value_high))];
    res.display = Display::Number { scale: 1.0, suffix: String::new() };
    let mut fv = RoleVal::synthetic(factor, crate::model::fmt_num(factor), f.start);
    fv.claims = Vec::new();
    roles.insert("unit_factor".into(), fv);
    // `left` reads as the formula's left side in messages.
    let left_text = text.get(f.start..left_parts.last()?.end).unwrap_or("").to_string();
    let mut left = RoleVal::synthetic(f64::NAN, left_text, f.start);
    left.claims = left_parts.iter().map(|c| c.id).collect();
    roles.insert("left".into(), left);
    roles.insert("result".into(), res);
    // The formula as written, for rules that report the whole expression.
    let mut whole = RoleVal::synthetic(f64::NAN, f.quote.clone(), f.start);
    whole.claims = vec![f.id];
    roles.insert("formula".into(), whole);
    Some(Relation { rule: ri, doc, roles, left: Some((expr_text, left_ast)), note: f.quote.clone() })
}

fn finite_or(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else {
        x
    }
}

/// A formula part's unit: counts are plain numbers in arithmetic.
fn formula_unit(c: &Claim) -> Unit {
    match c.kind {
        ClaimKind::Count | ClaimKind::Other => Unit::dimensionless(1.0),
        _ => claim_unit(c.kind, &c.unit),
    }
}
