//! The `blend` builder: one ratio claimed for several things that each changed
//! (输入价格由30美元降至5美元、输出价格由60美元降至15美元，成本降为原来的四分之一).
//!
//! Every component's ratio new / old is known; an overall ratio is a weighted blend of them,
//! so it lies strictly between the smallest and the largest (when they differ). A ratio
//! claimed for each component (均降至, both fell to) must hold for every one.
use std::collections::BTreeMap;

use crate::check::relation::{claim_role, Display, Relation, RoleVal};
use crate::check::units::Unit;
use crate::model::{fmt_num, Approx, Claim, ClaimKind};

/// Parameters of the builder (rule file `params`).
pub use super::spec::BlendParams;

/// Claims that can be a component's old or new figure.
fn is_level(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Money | ClaimKind::PricePerUnit | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy
    ) && !c.is_range()
        && c.value.is_finite()
        && c.value > 0.0
        && c.approx != Approx::Vague
}

/// Words between the two figures of a component that make it "old → new".
const PAIR_JOINS: &[&str] = &["降至", "降到", "降为", "减至", "减为", "下调至", "下调到", "调降至", "跌至", "压缩至", "缩减至", "到手", "现价", "至", "到", "→", " to ", "down to"];

pub fn blend_relations(ri: usize, p: &BlendParams, di: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
    for s in cs.iter().copied().filter(|c| matches!(c.kind, ClaimKind::Fraction | ClaimKind::Percent) && !c.is_range()) {
        if !(s.value.is_finite() && s.value > 0.0) {
            continue;
        }
        // The cue stands right before the ratio, in its clause (降至原来的四分之一, fall to about a fifth).
        let clause_start = crate::check::skeleton::clause_start(text, s.start);
        let before = text[clause_start..s.start].to_lowercase();
        let Some(cue_at) = p.cues.iter().filter_map(|w| before.rfind(w.as_str())).max() else { continue };
        if before[cue_at..].chars().count() > 16 {
            continue;
        }
        let each = p.each.iter().any(|w| has_word(&before, w));
        // Components: the levels of one unit before the ratio, in its sentence or, failing
        // that, together with the sentences before it (up to `lines_before` lines back).
        let line = text[..s.start].matches('\n').count();
        let window = |first_sentence: usize| -> Vec<&Claim> {
            cs.iter().copied().filter(|c| c.sentence >= first_sentence && c.end <= s.start && is_level(c)).collect()
        };
        let found = (0..=s.sentence)
            .rev()
            .take(6)
            .map(|first| window(first))
            .take_while(|lv| lv.first().map_or(true, |c| line - text[..c.start].matches('\n').count() <= p.lines_before))
            .find_map(|lv| pairs_of_one_unit(text, lv));
        let Some(pairs) = found else { continue };
        // Every component fell (new < old), else the pairing is not what the sentence says.
        let ratios: Vec<(f64, f64)> = pairs
            .iter()
            .map(|(old, new)| {
                let (o, n) = (claim_role(old).items[0], claim_role(new).items[0]);
                (n.0 / o.1, n.1 / o.0)
            })
            .collect();
        if ratios.iter().any(|r| !(r.1 < 1.0 && r.0 > 0.0)) {
            continue;
        }
        let stated = claim_role(s);
        let st = stated.items[0];
        let lo = ratios.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
        let hi = ratios.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
        // Components that agree (their intervals share a point) blend to that same ratio.
        let common = (ratios.iter().map(|r| r.0).fold(f64::NEG_INFINITY, f64::max), ratios.iter().map(|r| r.1).fold(f64::INFINITY, f64::min));
        let (band, note) = if each {
            // Each must hold: the component farthest from the claim decides.
            let far = ratios
                .iter()
                .copied()
                .max_by(|a, b| gap(st, *a).partial_cmp(&gap(st, *b)).unwrap_or(std::cmp::Ordering::Equal))
                .unwrap_or((lo, hi));
            (far, "each component")
        } else if common.0 <= common.1 {
            (common, "the components agree")
        } else {
            // Strictly between the extremes: a blend reaches an extreme only with no weight on
            // the other components.
            let eps = (hi - lo) * 1e-6;
            let open = (lo + eps, hi - eps);
            let at_extreme = st.0 <= hi && st.1 >= lo && gap(st, open) > 0.0;
            let note = match at_extreme {
                true => "an overall ratio lies strictly between the components'; the stated one holds for one component only",
                false => "an overall ratio lies between the components'",
            };
            (open, note)
        };
        let texts: Vec<String> = pairs
            .iter()
            .zip(&ratios)
            .map(|((o, n), r)| format!("{} → {} ({})", o.quote, n.quote, show(*r)))
            .collect();
        let mut claims: Vec<usize> = Vec::new();
        for (o, n) in &pairs {
            claims.push(o.id);
            claims.push(n.id);
        }
        let blend = RoleVal {
            claims,
            items: vec![band],
            texts: vec![texts.join("; ")],
            units: vec![Unit::dimensionless(1.0)],
            display: Display::Number { scale: 1.0, suffix: String::new() },
            pos: pairs[0].0.start,
        };
        let mut roles = BTreeMap::new();
        roles.insert("stated".into(), stated);
        roles.insert("components".into(), blend);
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: note.to_string() });
    }
}

/// `w` in `text`; an English word only as a whole word ("all", not "overall").
fn has_word(text: &str, w: &str) -> bool {
    if !w.is_ascii() {
        return text.contains(w);
    }
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
        let after = text[i + w.len()..].chars().next().map_or(true, |c| !c.is_alphanumeric());
        before && after
    })
}

/// Distance between a stated interval and a component's (0 when they meet).
fn gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    (b.0 - a.1).max(a.0 - b.1).max(0.0)
}

fn show(r: (f64, f64)) -> String {
    let sig = |x: f64| fmt_num((x * 1e4).round() / 1e4);
    if (r.1 - r.0).abs() < 1e-9 {
        sig(r.0)
    } else {
        format!("{}..{}", sig(r.0), sig(r.1))
    }
}

/// Pairs among the levels of one unit, trying each unit of `levels`, the nearest first.
fn pairs_of_one_unit<'a>(text: &str, levels: Vec<&'a Claim>) -> Option<Vec<(&'a Claim, &'a Claim)>> {
    let mut units: Vec<&str> = Vec::new();
    for c in levels.iter().rev() {
        if !units.contains(&c.unit.as_str()) {
            units.push(&c.unit);
        }
    }
    units.into_iter().find_map(|u| pairs(text, &levels.iter().copied().filter(|c| c.unit == u).collect::<Vec<_>>()))
}

/// Old → new pairs among `levels` (in reading order, one unit), or None when the text does not
/// pair them one way: adjacent pairs joined by a "to" word (由30降至5、由60降至15), or two
/// parallel lists in different sentences (去年A、B…。现在C、D…).
fn pairs<'a>(text: &str, levels: &[&'a Claim]) -> Option<Vec<(&'a Claim, &'a Claim)>> {
    let n = levels.len();
    if n < 4 || n % 2 == 1 {
        return None;
    }
    let joined = |a: &Claim, b: &Claim| {
        let between = text.get(a.end..b.start).unwrap_or("").to_lowercase();
        between.chars().count() <= 16
            && !between.contains(['。', '；', ';', '\n'])
            && PAIR_JOINS.iter().any(|w| between.contains(w))
    };
    let adjacent: Vec<(&Claim, &Claim)> = levels.chunks(2).map(|w| (w[0], w[1])).collect();
    if adjacent.iter().all(|(a, b)| joined(a, b)) {
        return Some(adjacent);
    }
    let (old, new) = levels.split_at(n / 2);
    let same_sentence = |xs: &[&Claim]| xs.iter().all(|c| c.sentence == xs[0].sentence);
    if same_sentence(old) && same_sentence(new) && old[0].sentence < new[0].sentence {
        return Some(old.iter().copied().zip(new.iter().copied()).collect());
    }
    None
}
