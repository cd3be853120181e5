//! The `product` builder: a unit price, a quantity and a total in one sentence.
use std::collections::BTreeMap;


use crate::check::graph::{text_after, text_before, DocGraph};
use crate::check::relation::*;
use crate::model::{Claim, ClaimKind};


/// Words that make a money figure a unit price, or a total.
const PRICE_CUES: &[&str] = &["单价", "售价", "均价", "价格", "定价", "每台", "每辆", "每件", "每张", "每人", "price", "priced at", "each", "apiece", " at $"];
const TOTAL_CUES: &[&str] = &["销售额", "营收", "收入", "总额", "总价", "金额", "成交额", "票房", "总计", "合计", "revenue", "sales of", "total of", "brought in", "bring in", "brings in", "worth", "generated", "raised"];

/// Relations of the `product` builder in one document (see `Builder::Product`).
pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let (di, text, cs) = (g.doc, g.text, &g.claims[..]);
    let mut by_sentence: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
    for c in cs.iter().filter(|c| c.kind != ClaimKind::Formula && c.value.is_finite() && !c.is_range()) {
        by_sentence.entry(c.sentence).or_default().push(c);
    }
    for group in by_sentence.values() {
        let before = |c: &Claim, n: usize| {
            let floor = group.iter().filter(|o| o.end <= c.start).map(|o| o.end).max().unwrap_or(0);
            text_before(text, c.start, floor, n)
        };
        let after = |c: &Claim| text_after(text, c.end, text.len(), 6);
        let money = |c: &&&Claim| matches!(c.kind, ClaimKind::Money | ClaimKind::PricePerUnit);
        let prices: Vec<&Claim> = group
            .iter()
            .filter(money)
            .filter(|c| c.kind == ClaimKind::PricePerUnit || PRICE_CUES.iter().any(|w| before(c, 8).contains(w) || after(c).trim_start().starts_with(w.trim())))
            .copied()
            .collect();
        let totals: Vec<&Claim> = group
            .iter()
            .filter(money)
            .filter(|c| c.kind == ClaimKind::Money && TOTAL_CUES.iter().any(|w| before(c, 16).contains(w)))
            .copied()
            .collect();
        let [price] = prices.as_slice() else { continue };
        // A rate's denominator names the quantity's unit (元/坪 × 坪); a plain price (each)
        // takes the one count of the sentence.
        let denominator = price.unit.split_once('/').map(|(_, d)| d.to_string());
        // With a rate the units tell the total without a cue word (每千瓦时2.5日元 … 400千瓦时 …
        // 补贴1,000日元): the one amount of the rate's currency after the quantity.
        let numerator = price.unit.split('/').next().unwrap_or("").to_string();
        let english_noun = denominator.as_deref().is_some_and(|d| d.chars().all(|ch| ch.is_ascii_alphabetic()));
        let quantity_end = group
            .iter()
            .filter(|c| denominator.as_deref() == Some(c.unit.as_str()) || english_noun && c.kind == ClaimKind::Count && c.unit.is_empty())
            .map(|c| c.end)
            .min();
        let by_units: Vec<&Claim> = match quantity_end {
            Some(q_end) if totals.is_empty() => group.iter().copied().filter(|c| c.kind == ClaimKind::Money && c.unit == numerator && c.start >= q_end).collect(),
            _ => Vec::new(),
        };
        let totals = if totals.is_empty() { by_units } else { totals };
        let [total] = totals.as_slice() else { continue };
        let quantities: Vec<&Claim> = group
            .iter()
            .filter(|c| match &denominator {
                Some(d) => c.unit == *d && matches!(c.kind, ClaimKind::Count | ClaimKind::Measure | ClaimKind::Energy | ClaimKind::Tokens),
                None => c.kind == ClaimKind::Count && c.unit != "points",
            })
            .copied()
            .collect();
        // A rate per an English noun (S$418 per passenger) takes the one bare count of the
        // sentence (9.8 million travellers), whose noun the extractor leaves out.
        let bare: Vec<&Claim> = group.iter().copied().filter(|c| c.kind == ClaimKind::Count && c.unit.is_empty() && c.id != price.id && c.id != total.id).collect();
        let quantities = match (quantities.is_empty(), &denominator) {
            (true, Some(d)) if d.chars().all(|ch| ch.is_ascii_alphabetic()) => bare,
            _ => quantities,
        };
        let [quantity] = quantities.as_slice() else { continue };
        if price.id == total.id || price.unit.split('/').next() != total.unit.split('/').next() {
            continue;
        }
        let mut roles = BTreeMap::new();
        roles.insert("price".into(), claim_role(price));
        roles.insert("quantity".into(), claim_role(quantity));
        roles.insert("total".into(), claim_role(total));
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: String::new() });
    }
}
