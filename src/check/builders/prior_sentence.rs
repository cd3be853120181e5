//! The `prior_sentence` builder: a change stated with its level in one sentence and the prior
//! level in the sentence right before or after it (前三季度…完成箱量68.2万标准箱，同比增长23.5%。
//! 去年前三季度，海铁联运箱量为58.4万标准箱). The prior sentence must open on a prior period
//! (上年同期, last year: `prior_period_cues` in rules/lexicon/cues.toml) or an earlier year than
//! the change's, hold one amount of the level's unit and no percentage, and name the same thing:
//! a word of the level's subject, or an anaphor (这一数字, the figure).
use std::collections::BTreeMap;


use super::breakdown::is_amount;
use crate::check::graph::{periods_named, text_before, years_named, DocGraph, Lexicon};
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::{Claim, ClaimKind};

/// The subject words of a level: CJK pairs (or English words of four letters and more) of the
/// clause before it, with the period and verb words it shares with every sentence left out.
fn subject_words(clause: &str) -> Vec<String> {
    let chars: Vec<char> = clause.chars().filter(|c| !c.is_ascii_digit()).collect();
    let mut out: Vec<String> = chars.windows(2).filter(|w| w.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))).map(|w| w.iter().collect()).collect();
    out.extend(clause.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 4).map(str::to_lowercase));
    const COMMON: &[&str] = &["同比", "比上", "上年", "去年", "今年", "全年", "同期", "完成", "实现", "达到", "累计", "共计", "增长", "其中", "年度", "季度", "三季", "前三"];
    out.retain(|w| !COMMON.contains(&w.as_str()));
    out
}

/// Relations of the `prior_sentence` builder in one document; `cues` mark the change (增长, up).
pub fn relations(ri: usize, cues: &[String], window: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let lex = Lexicon::get();
    let sentences = &g.seg.sentences;
    let in_sentence = |i: usize| -> Vec<&Claim> {
        let (s, e) = sentences[i];
        g.claims_in(s, e).collect()
    };
    for (si, &(ss, _)) in sentences.iter().enumerate() {
        let claims = in_sentence(si);
        let rates: Vec<&Claim> = claims.iter().copied().filter(|c| c.kind == ClaimKind::Percent && !c.is_range()).collect();
        let amounts: Vec<&Claim> = claims.iter().copied().filter(|c| is_amount(c)).collect();
        // One cued rate after one level, and nothing else to pair it with in the sentence.
        let ([rate], [level]) = (rates.as_slice(), amounts.as_slice()) else { continue };
        if level.end > rate.start || !cues.iter().any(|w| text_before(g.text, rate.start, level.end, window).contains(w.as_str())) {
            continue;
        }
        let before_level = text_before(g.text, level.start, ss, 40);
        if before_level.contains(['较', '比', '由', '从']) || before_level.contains("from") {
            continue;
        }
        let unit = claim_unit(level.kind, &level.unit).base();
        let own_years = years_named(&g.text[ss..rate.start]);
        let own_periods = periods_named(&g.text[ss..rate.start]);
        let clause = before_level.rsplit(['，', ',', '。', '；', ';']).next().unwrap_or(&before_level).to_string();
        let words = subject_words(&clause);
        // The nearest non-blank sentence after it, then before it (a line break is no sentence).
        let blank = |i: &usize| g.text[sentences[*i].0..sentences[*i].1].trim().is_empty();
        let next = (si + 1..sentences.len()).find(|i| !blank(i));
        let prev = (0..si).rev().find(|i| !blank(i));
        for pi in [next, prev].into_iter().flatten() {
            let (ps, pe) = sentences[pi];
            let prior = &g.text[ps..pe];
            let lower = prior.trim_start().to_lowercase();
            let cue = lex.prior_period_cues.iter().filter(|w| lower.starts_with(w.as_str())).map(|w| w.len()).max();
            let earlier_year = years_named(prior).iter().any(|y| own_years.iter().any(|o| y < o));
            if cue.is_none() && !earlier_year {
                continue;
            }
            // Another period (上年同月（112年8月）… against 1至8月) is another period's figure.
            let prior_periods = periods_named(prior);
            if !prior_periods.is_empty() && !own_periods.is_empty() && prior_periods != own_periods {
                continue;
            }
            // A plain statement of the prior level: no rate, multiple or share of its own.
            let pc = in_sentence(pi);
            if pc.iter().any(|c| matches!(c.kind, ClaimKind::Percent | ClaimKind::PercentPoint | ClaimKind::Multiple | ClaimKind::Fraction)) {
                continue;
            }
            let same_unit: Vec<&Claim> = pc.iter().copied().filter(|c| is_amount(c) && claim_unit(c.kind, &c.unit).base() == unit).collect();
            let [base] = same_unit.as_slice() else { continue };
            // Named by a word of the subject or an anaphor, or elliptical right after it
            // (…增加6.8%；上年同期為3,616.5億美元): nothing but the cue and 为 before the amount.
            let before_base = g.text[ps..base.start].trim().to_lowercase();
            let rest = cue.map_or(before_base.as_str(), |n| before_base.get(n..).unwrap_or("")).trim_matches(|c: char| "，,为為是was ".contains(c));
            let elliptical = pi == si + 1 && cue.is_some() && rest.is_empty();
            let named = elliptical || lex.anaphors.iter().any(|w| lower.contains(w.as_str())) || words.iter().any(|w| lower.contains(w.as_str()));
            if !named {
                continue;
            }
            let (small, large) = if base.value <= level.value { (*base, *level) } else { (*level, *base) };
            let mut roles = BTreeMap::new();
            roles.insert("stated".into(), claim_role(rate));
            roles.insert("small".into(), claim_role(small));
            roles.insert("large".into(), claim_role(large));
            out.push(Relation { rule: ri, doc: g.doc, roles, left: None, note: String::new() });
            break;
        }
    }
}
