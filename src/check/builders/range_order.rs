//! The `range_order` builder: every written range (low 至 high) gives its two ends, which
//! the rule requires in order.
use std::collections::BTreeMap;


use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::model::ClaimKind;

pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let text = g.text;
    for c in &g.claims {
            // Vague numerals (几年, 数万) are ranges by convention, not written ranges.
            if !c.is_range() || c.kind == ClaimKind::Date || c.approx == crate::model::Approx::Vague || !c.value.is_finite() || !c.value_high.is_finite() {
                continue;
            }
            // Process nodes are listed from the older, larger one (28nm至14nm, 7nm-5nm).
            if c.unit == "nm" {
                continue;
            }
            // A subtraction written with a minus sign ((1600−200)×50%) is no range.
            let after = text.get(c.end..).unwrap_or("").trim_start();
            // Neither is a table row's cells (大豆 7.0 -1.6: a level and a negative change).
            if c.quote.contains('−') || g.seg.in_table(c.start) || after.starts_with(['）', ')', '×', '*', '=', '＝', '÷']) {
                continue;
            }
            let mut low = claim_role(c);
            low.items = vec![(c.value, c.value)];
            let mut high = low.clone();
            high.items = vec![(c.value_high, c.value_high)];
            let display = Display::Number { scale: 1.0, suffix: String::new() };
            low.display = display.clone();
            high.display = display;
            low.texts = vec![crate::model::fmt_num(c.value)];
            high.texts = vec![crate::model::fmt_num(c.value_high)];
            let mut roles = BTreeMap::new();
            roles.insert("low".into(), low);
            roles.insert("high".into(), high);
            out.push(Relation { rule: ri, doc: c.doc, roles, left: None, note: c.quote.clone() });
    }
}
