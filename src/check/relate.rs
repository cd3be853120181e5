//! Relations: groups of claims a rule ties together, each claim bound to a role.
//!
//! Pattern rules find them on claim skeletons; builders find the ones a regex cannot
//! (formulas, ranges, calendars, repeated quantities, names carrying a size).
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::graph::DocGraph;
use super::relation::{as_written, claim_role, merge, rate_base_role, Relation, RoleVal};
use super::rule::{Rule, Source};
use super::skeleton::{self, Scope};
use super::Identifier;
use crate::ingest::Document;
use crate::model::{Claim, ClaimKind};

/// All relations of the batch, deduplicated, in a deterministic order.
pub fn relations(docs: &[Document], claims: &[Claim], identifiers: &[Identifier], rules: &[Rule]) -> Vec<Relation> {
    let mut by_doc: Vec<Vec<&Claim>> = vec![Vec::new(); docs.len()];
    for c in claims {
        if c.doc < docs.len() && c.end <= docs[c.doc].text.len() && c.start <= c.end {
            by_doc[c.doc].push(c);
        }
    }
    // One claim graph per document, built once and read by every rule.
    let graphs: Vec<DocGraph> = by_doc.into_iter().enumerate().map(|(di, cs)| DocGraph::new(di, &docs[di].text, cs)).collect();
    // Claim ids are batch indices in the pipeline; look them up by id all the same.
    let by_id: HashMap<usize, &Claim> = claims.iter().map(|c| (c.id, c)).collect();
    let mut out = Vec::new();
    let mut skeleton_cache: HashMap<(usize, Scope), Vec<skeleton::Skeleton>> = HashMap::new();
    for (ri, rule) in rules.iter().enumerate() {
        match &rule.source {
            Source::Patterns { scope, patterns } => {
                for g in &graphs {
                    let di = g.doc;
                    let sks = skeleton_cache
                        .entry((di, *scope))
                        .or_insert_with(|| skeleton::skeletons(di, g.text, &g.claims, *scope));
                    for sk in sks.iter() {
                        for (re, roles) in patterns {
                            for cap in re.captures_iter(&sk.text) {
                                if let Some(rel) = pattern_relation(ri, rule, di, &cap, roles, &by_id) {
                                    out.push(rel);
                                }
                            }
                        }
                    }
                }
            }
            Source::Builder(b) => super::builders::build(ri, b, &graphs, identifiers, &mut out),
        }
    }
    // One relation per rule and claim set; and one per finding kind and claim set, so two
    // rules describing one sentence do not report it twice.
    let mut seen: BTreeSet<(String, Vec<usize>, Vec<(String, Vec<usize>)>)> = BTreeSet::new();
    out.retain(|r| {
        let mut ids: Vec<usize> = r.roles.values().flat_map(|v| v.claims.iter().copied()).collect();
        ids.sort();
        ids.dedup();
        // Builders without claims (synthetic roles) are keyed by position as well.
        let posk: Vec<(String, Vec<usize>)> =
            r.roles.iter().map(|(k, v)| (k.clone(), vec![r.doc, v.pos])).collect();
        seen.insert((rules[r.rule].kind.clone(), ids, if r.roles.values().all(|v| !v.claims.is_empty()) { Vec::new() } else { posk }))
    });
    out
}

fn pattern_relation(
    ri: usize,
    rule: &Rule,
    doc: usize,
    cap: &regex::Captures,
    roles: &[skeleton::PatternRole],
    claims: &HashMap<usize, &Claim>,
) -> Option<Relation> {
    let mut map = BTreeMap::new();
    for r in roles {
        let Some(m) = cap.name(&r.name) else { continue };
        let ids = skeleton::placeholder_ids(m.as_str());
        let mut val: Option<RoleVal> = None;
        for id in ids {
            let c = *claims.get(&id)?;
            let mut rv = match rule.rate_base.contains(&r.name) {
                true => rate_base_role(c),
                false => claim_role(c),
            };
            if rule.as_written.contains(&r.name) {
                as_written(&mut rv);
            }
            val = Some(match val {
                None => rv,
                Some(v) => merge(v, rv),
            });
        }
        map.insert(r.name.clone(), val?);
    }
    // Every role the arithmetic reads must be bound (optional groups may be empty).
    let mut used = Vec::new();
    for (_, a) in &rule.expected {
        a.roles(&mut used);
    }
    rule.stated.1.roles(&mut used);
    if used.iter().any(|r| !map.contains_key(r)) {
        return None;
    }
    // Units that must agree (money of two currencies never combines). A bare count (28 million
    // after 2.8亿台) takes the unit of the others.
    let mut base: Option<String> = None;
    let bound = |r: &String| map.get(r).map(|v| v.claims.clone()).unwrap_or_default();
    let bare = |id: &usize| claims.get(id).is_some_and(|c| c.kind == ClaimKind::Count && c.unit.is_empty());
    let all_counts = rule.same_unit.iter().flat_map(bound).all(|id| claims.get(&id).is_some_and(|c| c.kind == ClaimKind::Count));
    // A share (18.4%) and a count (about 710 students) are both dimensionless, yet never one quantity.
    let share_like = |id: &usize| claims.get(id).is_some_and(|c| matches!(c.kind, ClaimKind::Percent | ClaimKind::PercentPoint | ClaimKind::Fraction | ClaimKind::Discount));
    let ids: Vec<usize> = rule.same_unit.iter().flat_map(bound).collect();
    if ids.iter().any(share_like) && !ids.iter().all(share_like) {
        return None;
    }
    for r in &rule.same_unit {
        if let Some(v) = map.get(r) {
            for (u, id) in v.units.iter().zip(&v.claims) {
                if all_counts && bare(id) {
                    continue;
                }
                let b = u.base();
                match &base {
                    None => base = Some(b),
                    Some(x) if *x != b => return None,
                    _ => {}
                }
            }
        }
    }
    // A conversion: the roles' written units differ.
    let mut written: Vec<&str> = Vec::new();
    for r in &rule.distinct_units {
        for id in map.get(r).map(|v| v.claims.as_slice()).unwrap_or_default() {
            let unit = claims.get(id).map(|c| c.unit.as_str()).unwrap_or_default();
            if written.contains(&unit) {
                return None;
            }
            written.push(unit);
        }
    }
    // A claim may fill only one role.
    let mut ids: Vec<usize> = map.values().flat_map(|v| v.claims.iter().copied()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    if ids.len() != n {
        return None;
    }
    Some(Relation { rule: ri, doc, roles: map, left: None, note: String::new() })
}

