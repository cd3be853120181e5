//! The `breakdown` builder: a total and the parts a lead-in breaks it into, in one paragraph
//! (全市完成投资63.8亿元，增长6.6%。从隶属关系看，中直投资完成50.2亿元，下降3.9%；地方投资完成
//! 13.6亿元，增长77.9%。). Each item between ；after the lead-in gives one part: its first amount
//! in the total's unit. A sentence opening with 其中 lists a subset: its items are no total for a
//! later lead-in, and it is not checked as a breakdown.
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::{Claim, ClaimKind};

/// Amount kinds a breakdown adds up (extensive quantities).
pub fn is_amount(c: &Claim) -> bool {
    matches!(c.kind, ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure)
        && !c.is_range()
        && c.lo.is_finite()
        && c.hi.is_finite()
        && c.approx != crate::model::Approx::Vague
}

/// Lead-ins: 从…看 / 分…看 / 按…分 (exhaustive), and a sentence-opening 其中 (a subset).
fn leads(text: &str) -> Vec<(usize, usize, bool)> {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let re = LEAD.get_or_init(|| {
        Regex::new("(?:(?:从|分|按)[^，,。；;：:从分按]{1,10}?来?看|按[^，,。；;：:]{1,8}?分)[，,：:]|(?:^|[。；;\\n])\\s*(其中)[，,：:]?").expect("valid")
    });
    re.captures_iter(text)
        .map(|m| {
            let whole = m.get(0).map_or((0, 0), |x| (x.start(), x.end()));
            (whole.0, whole.1, m.get(1).is_none())
        })
        .collect()
}

/// Relations of the `breakdown` builder in one document (see `Builder::Breakdown`).
pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let text = g.text;
    for &(ps, pe) in &g.seg.paragraphs {
        let para = &text[ps..pe];
        let amounts: Vec<&Claim> = g.claims_in(ps, pe).filter(|c| is_amount(c)).collect();
        let ls = leads(para);
        let mut total: Option<&Claim> = None;
        let mut prev_end = ps;
        for (k, &(ls0, le0, exhaustive)) in ls.iter().enumerate() {
            let (lead_start, lead_end) = (ps + ls0, ps + le0);
            // A group runs to the next lead-in or the end of its sentence.
            let next = ls.get(k + 1).map_or(pe, |l| ps + l.0);
            let sentence_end = text[lead_end..next].find(['。', '\n']).map_or(next, |i| lead_end + i);
            // The total: the last amount between the previous group and this lead-in (else the
            // previous group's total stands: 从隶属关系看…。从产业投向看… break down one figure).
            if let Some(t) = amounts.iter().filter(|c| c.start >= prev_end && c.end <= lead_start).last() {
                total = Some(t);
            }
            prev_end = sentence_end;
            let Some(whole) = total else { continue };
            if !exhaustive {
                continue;
            }
            let unit = claim_unit(whole.kind, &whole.unit).base();
            let mut parts: Vec<&Claim> = Vec::new();
            let mut complete = true;
            let mut item_start = lead_end;
            for item_end in text[lead_end..sentence_end]
                .match_indices(['；', ';'])
                .map(|(i, _)| lead_end + i)
                .chain(std::iter::once(sentence_end))
            {
                // The item's first amount, before any nested 其中; it must be that unit.
                let nested = text[item_start..item_end].find("其中").map_or(item_end, |i| item_start + i);
                match amounts.iter().find(|c| c.start >= item_start && c.end <= nested) {
                    Some(c) if claim_unit(c.kind, &c.unit).base() == unit && c.hi <= whole.hi => parts.push(c),
                    _ => complete = false,
                }
                item_start = item_end;
            }
            if !complete || parts.len() < 2 {
                continue;
            }
            let lead = text[lead_start..lead_end].trim_start_matches(['。', '；', ';', '\n']).trim();
            out.push(whole_and_parts(ri, g.doc, whole, &parts, lead.to_string()));
        }
    }
}
