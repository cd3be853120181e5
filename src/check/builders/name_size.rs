//! The `name_size` builder: a size carried by a name (65B, 8x7B) against the parameter
//! figure right after it.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::check::units::parse_unit;
use crate::model::ClaimKind;

use crate::check::Identifier;


/// The size a model name carries: `65B` → [64.5e9, 65.5e9]; `8x7B` (mixture of experts,
/// which share layers) → [0.5 × 8 × 6.5e9, 8 × 7.5e9].
pub fn name_size(name: &str) -> Option<(f64, f64)> {
    static SIZE: OnceLock<Regex> = OnceLock::new();
    let re = SIZE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9A-Za-z.])(?:([0-9]{1,3})\s*[x×]\s*)?([0-9]{1,4}(?:\.[0-9]+)?)\s*([BMTK])(?:$|[^A-Za-z0-9])")
            .expect("valid")
    });
    let m = re.captures_iter(name).last()?;
    let size: f64 = m[2].parse().ok()?;
    let decimals = m[2].split('.').nth(1).map(|d| d.len() as i32).unwrap_or(0);
    let half = 0.5 * 10f64.powi(-decimals);
    let scale = match &m[3] {
        "K" => 1e3,
        "M" => 1e6,
        "B" => 1e9,
        "T" => 1e12,
        _ => return None,
    };
    match m.get(1).and_then(|n| n.as_str().parse::<f64>().ok()) {
        Some(n) => Some((0.5 * n * (size - half) * scale, n * (size + half) * scale)),
        None => Some(((size - half) * scale, (size + half) * scale)),
    }
}

pub fn relations(ri: usize, id: &Identifier, g: &DocGraph, window: usize, out: &mut Vec<Relation>) {
    if let Some(rel) = relation(ri, id, g, window) {
        out.push(rel);
    }
}

fn relation(ri: usize, id: &Identifier, g: &DocGraph, window: usize) -> Option<Relation> {
    let text = g.text;
    let (lo, hi) = name_size(&id.text)?;
    // The nearest parameter figure after the name, within `window` chars, same sentence.
    let after = text.get(id.end..)?;
    let limit = after.char_indices().nth(window).map(|(i, _)| id.end + i).unwrap_or(text.len());
    // The sentence ends at the next sentence mark (a local search: names can be many).
    let sentence_end = after.find(['。', '！', '？', '!', '?', '；', ';', '\n']).map(|i| id.end + i).unwrap_or(text.len());
    let c = g
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Params && c.start >= id.end && c.start < limit.min(sentence_end))
        .min_by_key(|c| c.start)?;
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(c));
    let mut name = RoleVal::synthetic(lo, id.text.clone(), id.start);
    name.items = vec![(lo, hi)];
    name.units = vec![parse_unit("params")];
    roles.insert("name".into(), name);
    Some(Relation { rule: ri, doc: id.doc, roles, left: None, note: id.text.clone() })
}
