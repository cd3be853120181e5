//! The `line_list` builder: a total on a line that ends in a lead-in colon, and the parts on
//! the lines after it, one per line (研究所在學學生17.6萬人，其中：⏎博士班 2.8萬人⏎碩士班 15.9萬人;
//! 共有航线186条，按航区分：⏎东南亚航线 74条⏎…). A lead-in that divides by one criterion
//! (按…分, 分…看, 从…看, by …) covers the total; a subset cue (其中, 包括, including; data in
//! `rules/lexicon/cues.toml`) lists some parts only, so their sum is at most the total.
use std::sync::OnceLock;

use regex::Regex;

use super::breakdown::is_amount;
use crate::check::graph::{DocGraph, Lexicon};
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::Claim;

/// The most item lines one list is read over (work per lead-in is bounded).
const MAX_ITEMS: usize = 40;

/// Whether the lead-in before the colon divides by one criterion (按航区分, 分行业看, by region).
fn divides(lead: &str) -> bool {
    static DIVIDE: OnceLock<Regex> = OnceLock::new();
    let re = DIVIDE.get_or_init(|| {
        Regex::new(r"(?i)(?:(?:按|分|从|依)[^，,。；;：:]{1,10}?(?:分|看|划分|劃分|区分|區分)|\bby [a-z ]{2,20})\s*$").expect("valid")
    });
    re.is_match(lead)
}

/// Whether a line opens with a list marker: （1）, (a), 1., 一、, -, •.
fn item_marker(line: &str) -> bool {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let re = MARKER.get_or_init(|| {
        Regex::new(r"^(?:[（(][0-9一二三四五六七八九十a-z]{1,3}[)）]|[0-9]{1,2}[.、)）]|[一二三四五六七八九十]{1,3}、|[-－•·*▪])").expect("valid")
    });
    re.is_match(line)
}

/// Relations of the `line_list` builder in one document; `exhaustive` picks dividing lead-ins
/// (sum = total) or subset cues (sum ≤ total).
pub fn relations(ri: usize, exhaustive: bool, g: &DocGraph, out: &mut Vec<Relation>) {
    let lex = Lexicon::get();
    let lines = &g.seg.paragraphs;
    let amounts_in = |s: usize, e: usize| -> Vec<&Claim> {
        g.claims_in(s, e).filter(|c| is_amount(c)).collect()
    };
    for (li, &(s, e)) in lines.iter().enumerate() {
        let line = g.text[s..e].trim_end();
        let Some(lead) = line.strip_suffix(['：', ':']) else { continue };
        // The lead-in: the line's last clause before the colon.
        let clause = lead.rsplit(['，', ',', '。', '；', ';']).next().unwrap_or(lead).trim();
        let lower = clause.to_lowercase();
        let subset = lex.subset_cues.iter().any(|w| lower.starts_with(w.as_str()) || lower.ends_with(w.as_str()));
        let divided = !subset && divides(clause);
        if exhaustive != divided || !(subset || divided) {
            continue;
        }
        // The total: the level the lead line states last, i.e. the first amount of its last
        // sentence with one (较上年同月的12,005億元 after it is the base, not the total).
        let clause_start = s + lead.len() - clause.len();
        let before = amounts_in(s, clause_start);
        let Some(last) = before.last() else { continue };
        let head = &g.text[s..last.start];
        // (". " ends an English sentence; a bare "." is a decimal point.)
        let sentence_start = head.rfind(['。', '；', ';']).max(head.rfind(". ")).map_or(s, |i| s + i);
        let Some(whole) = before.iter().copied().find(|c| c.start >= sentence_start && !g.seg.in_brackets(c.start)) else { continue };
        let unit = claim_unit(whole.kind, &whole.unit).base();
        let mut parts: Vec<&Claim> = Vec::new();
        let mut complete = true;
        let mut marked = None;
        for &(is, ie) in lines.iter().skip(li + 1).take(MAX_ITEMS) {
            let item = g.text[is..ie].trim();
            // The list ends at a blank line or the next lead-in…
            if item.is_empty() || item.ends_with(['：', ':']) {
                break;
            }
            // …and at a line not shaped like its items: items carry the first item's marker
            // ((1), 一、, -), or, unmarked, are a short label and figure, not a sentence of prose.
            let has_marker = item_marker(item);
            let first_marked = *marked.get_or_insert(has_marker);
            if has_marker != first_marked || (!has_marker && (item.chars().count() > 30 || item.trim_end_matches(['。', '；', ';']).contains(['。', '，', ',']))) {
                break;
            }
            // A nested subset (其中：…) of an item is no further part.
            let lower = item.to_lowercase();
            if lex.subset_cues.iter().any(|w| lower.trim_start_matches(['-', '－', '•', '·', ' ']).starts_with(w.as_str())) {
                continue;
            }
            // The item's amount in the total's unit (二级公路2,317公里: not the 二 of its name).
            match amounts_in(is, ie).into_iter().find(|c| claim_unit(c.kind, &c.unit).base() == unit) {
                Some(c) => parts.push(c),
                // An item without one: the list cannot be added up.
                None => {
                    complete = false;
                    break;
                }
            }
        }
        if !complete || parts.len() < 2 || parts.iter().any(|p| p.lo > whole.hi) {
            continue;
        }
        out.push(whole_and_parts(ri, g.doc, whole, &parts, clause.to_string()));
    }
}
