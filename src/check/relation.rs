//! Relations: groups of claims a rule ties together, each claim bound to a role with its
//! interval in base units. Builders and patterns produce them; [`super::eval`] checks them.
use std::collections::BTreeMap;

use super::expr::Ast;
use super::units::{claim_unit, split_count, Unit};
use super::calendar::date_days;
use crate::model::{Claim, ClaimKind};
/// How a role's value is shown in messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Display {
    /// Divide a base-unit value by `scale`, then append `suffix`.
    Number { scale: f64, suffix: String },
    /// A day number (days since 1970-01-01) shown as an ISO date (`--MM-DD` without its year).
    Day { with_year: bool },
}

/// The claims bound to one role, as intervals in base units.
#[derive(Debug, Clone)]
pub struct RoleVal {
    pub claims: Vec<usize>,
    pub items: Vec<(f64, f64)>,
    /// How each item reads in the message (the claim's quote, or a number).
    pub texts: Vec<String>,
    pub units: Vec<Unit>,
    pub display: Display,
    /// Byte offset in the document of the role's first figure.
    pub pos: usize,
}

impl RoleVal {
    pub fn synthetic(value: f64, text: String, pos: usize) -> RoleVal {
        RoleVal {
            claims: Vec::new(),
            items: vec![(value, value)],
            texts: vec![text],
            units: vec![Unit::dimensionless(1.0)],
            display: Display::Number { scale: 1.0, suffix: String::new() },
            pos,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub rule: usize,
    pub doc: usize,
    pub roles: BTreeMap<String, RoleVal>,
    /// Replaces the role `left` in the rule's expressions (formula builder): key and AST.
    pub left: Option<(String, Ast)>,
    /// Extra words for the message (`{note}`).
    pub note: String,
}

/// A claim's interval in base units and how to show it.
pub fn claim_role(c: &Claim) -> RoleVal {
    let mut unit = claim_unit(c.kind, &c.unit);
    if c.kind == ClaimKind::Date && c.date.as_deref().is_some_and(|d| d.starts_with("--")) {
        unit = Unit::symbol(1.0, "calendar_day_of_unknown_year");
    }
    let (lo, hi, display) = match c.kind {
        ClaimKind::Date => {
            let (lo, hi) = c.date.as_deref().and_then(date_days).unwrap_or((f64::NAN, f64::NAN));
            (lo, hi, Display::Day { with_year: !c.date.as_deref().is_some_and(|d| d.starts_with("--")) })
        }
        ClaimKind::Year => {
            // A year is a label, exact at its stated digits: 2018 to 2023 is 5 years, not 4..6.
            (c.value, c.value_high, Display::Number { scale: 1.0, suffix: String::new() })
        }
        _ => {
            let (lo, hi) = if c.lo.is_nan() || c.hi.is_nan() { (c.value, c.value_high) } else { (c.lo, c.hi) };
            // Fahrenheit is affine: read it in Celsius, the base of temperatures.
            let (lo, hi) = if c.unit == "F" { ((lo - 32.0) / 1.8, (hi - 32.0) / 1.8) } else { (lo, hi) };
            // A conventional conversion (words → tokens) widens the interval by its spread.
            let (lo, hi) = (lo * (1.0 - unit.spread), hi * (1.0 + unit.spread));
            let suffix = match c.kind {
                ClaimKind::Percent => "%".to_string(),
                ClaimKind::PercentPoint => " pp".to_string(),
                ClaimKind::Multiple => "x".to_string(),
                _ if c.unit.is_empty() => String::new(),
                _ if c.unit == "F" => " C".to_string(),
                _ => format!(" {}", c.unit),
            };
            (lo * unit.scale, hi * unit.scale, Display::Number { scale: unit.scale, suffix })
        }
    };
    RoleVal {
        claims: vec![c.id],
        items: vec![(lo, hi)],
        texts: vec![c.quote.clone()],
        units: vec![unit],
        display,
        pos: c.start,
    }
}

/// The base of a rate claim (`$60/1M token` → 1M tokens), exact; other claims as they are.
pub fn rate_base_role(c: &Claim) -> RoleVal {
    let mut rv = claim_role(c);
    let Some((_, den)) = c.unit.split_once('/') else { return rv };
    let (count, unit) = split_count(den);
    if unit.dims.is_empty() || den.contains('/') {
        return rv;
    }
    rv.items = vec![(count * unit.scale, count * unit.scale)];
    rv.display = Display::Number { scale: unit.scale, suffix: format!(" {}", den.trim_start_matches(|c: char| !c.is_alphabetic()).trim()) };
    rv.units = vec![unit];
    rv.texts = vec![den.trim().to_string()];
    rv
}

/// A role read in its written unit: the number as written, the unit's scale dropped.
pub fn as_written(rv: &mut RoleVal) {
    for (item, unit) in rv.items.iter_mut().zip(rv.units.iter_mut()) {
        // Undo the base-unit scale and the widening of a conventional conversion.
        *item = (item.0 / (unit.scale * (1.0 - unit.spread)), item.1 / (unit.scale * (1.0 + unit.spread)));
        unit.scale = 1.0;
        unit.spread = 0.0;
    }
    if let Display::Number { scale, .. } = &mut rv.display {
        *scale = 1.0;
    }
}

pub fn merge(mut a: RoleVal, b: RoleVal) -> RoleVal {
    a.claims.extend(b.claims);
    a.items.extend(b.items);
    a.texts.extend(b.texts);
    a.units.extend(b.units);
    a
}

/// A total and its parts as one relation: roles `stated` (the total) and `parts` (a list).
pub fn whole_and_parts(rule: usize, doc: usize, whole: &Claim, parts: &[&Claim], note: String) -> Relation {
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(whole));
    let mut list = claim_role(parts[0]);
    for p in &parts[1..] {
        list = merge(list, claim_role(p));
    }
    roles.insert("parts".into(), list);
    Relation { rule, doc, roles, left: None, note }
}
