//! The `calendar_date` builder: `M月D日` and ISO dates whose day or month does not exist.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::check::calendar::*;
use crate::model::{Claim, ClaimKind};

pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    calendar_relations(ri, g.doc, g.text, &g.claims, out)
}

fn calendar_relations(ri: usize, doc: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let re = DATE.get_or_init(|| {
        Regex::new(r"(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]|\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b")
            .expect("valid")
    });
    for m in re.captures_iter(text) {
        let whole = m.get(0).expect("match");
        let num = |i: usize| m.get(i).and_then(|x| x.as_str().parse::<i64>().ok());
        let (y, mo, d) = if m.get(2).is_some() { (num(1), num(2), num(3)) } else { (num(4), num(5), num(6)) };
        let (Some(mo), Some(d)) = (mo, d) else { continue };
        // Only a day past 28 or a month past 12 can be impossible; other dates need no row.
        if d <= 28 && (1..=12).contains(&mo) {
            continue;
        }
        // A digit right before (`12025年`) is not this date.
        if text[..whole.start()].chars().next_back().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let md = days_in_month(y, mo);
        let mut day = RoleVal::synthetic(d as f64, whole.as_str().to_string(), whole.start());
        day.claims = cs
            .iter()
            .filter(|c| c.start < whole.end() && whole.start() < c.end && matches!(c.kind, ClaimKind::Date))
            .map(|c| c.id)
            .take(1)
            .collect();
        let mut roles = BTreeMap::new();
        roles.insert("day".into(), day);
        roles.insert("month_days".into(), RoleVal::synthetic(md as f64, md.to_string(), whole.start()));
        let note = if md == 0 {
            format!("month {mo} does not exist")
        } else {
            format!("month {mo} has {md} days")
        };
        out.push(Relation { rule: ri, doc, roles, left: None, note });
    }
}
