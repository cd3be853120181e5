//! The `event_year` builder: the year a named thing began, stated twice with different years.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::DocGraph;
use super::same_quantity::pair;
use crate::check::relation::*;
use crate::model::{Claim, ClaimKind};


/// Words saying a named thing began at the year in its clause, in two classes: a thing that
/// appeared (引入, launched …) and an organisation that was founded (成立, founded …).
const ORIGIN_WORDS: &[(&str, &str)] = &[
    ("引入", "appeared"), ("提出", "appeared"), ("诞生", "appeared"), ("问世", "appeared"),
    ("首次发布", "appeared"), ("推出", "appeared"), ("首发", "appeared"), ("起点", "appeared"),
    ("发明", "appeared"), ("introduced", "appeared"), ("launched", "appeared"), ("unveiled", "appeared"),
    ("debuted", "appeared"), ("invented", "appeared"), ("成立", "founded"), ("创立", "founded"),
    ("创办", "founded"), ("founded", "founded"), ("established", "founded"),
];

/// The one ASCII name of a clause, with a model number right after it (iPhone 15, Model Y).
fn clause_entity(clause: &str) -> Option<String> {
    static NAME: OnceLock<Regex> = OnceLock::new();
    let re = NAME.get_or_init(|| {
        Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: (?:[0-9]+[A-Za-z]*|[A-Z][A-Za-z]*))*").expect("valid")
    });
    let names: Vec<&str> = re
        .find_iter(clause)
        .map(|m| m.as_str())
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || w.chars().skip(1).any(|c| c.is_ascii_uppercase()))
        .filter(|w| w.len() >= 3)
        .collect();
    match names.as_slice() {
        [one] => Some(one.to_lowercase()),
        _ => None,
    }
}

/// Years at which a named thing began (see `Builder::EventYear`).
pub fn relations(ri: usize, graphs: &[DocGraph], across: bool, out: &mut Vec<Relation>) {
    let mut groups: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for g in graphs {
        let (text, cs) = (g.text, &g.claims);
        for c in cs.iter().filter(|c| c.kind == ClaimKind::Year && c.value.fract() == 0.0) {
            let start = text[..c.start].rfind(['，', ',', '。', '；', ';', '：', ':', '\n', '！', '？']).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
            let end = text[c.end..].find(['，', ',', '。', '；', ';', '：', ':', '\n', '！', '？']).map(|i| c.end + i).unwrap_or(text.len());
            let clause = &text[start..end];
            // One year and one origin word in the clause: the year of that event.
            let years = cs.iter().filter(|o| o.kind == ClaimKind::Year && o.start >= start && o.end <= end).count();
            let lower = clause.to_lowercase();
            let classes: BTreeSet<&str> = ORIGIN_WORDS.iter().filter(|(w, _)| lower.contains(w)).map(|(_, k)| *k).collect();
            if years != 1 || classes.len() != 1 {
                continue;
            }
            if let Some(name) = clause_entity(clause) {
                let class = classes.into_iter().next().unwrap_or_default();
                groups.entry(format!("{name} ({class})")).or_default().push(c);
            }
        }
    }
    let named = |ri: usize, a: &Claim, b: &Claim, name: &str| {
        let mut rel = pair(ri, a, b);
        rel.note = format!("the year of {name}");
        rel
    };
    for (name, members) in &groups {
        if across {
            let mut firsts: Vec<&Claim> = Vec::new();
            for c in members {
                if !firsts.iter().any(|f| f.doc == c.doc) {
                    firsts.push(c);
                }
            }
            for w in firsts.windows(2) {
                out.push(named(ri, w[1], w[0], name));
            }
        } else {
            for w in members.windows(2).filter(|w| w[0].doc == w[1].doc) {
                out.push(named(ri, w[1], w[0], name));
            }
        }
    }
}
