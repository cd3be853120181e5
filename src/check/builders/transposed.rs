//! The `transposed` builder: two figures of one document, one unit and one kind whose digits
//! differ only by two neighbours swapped (486.2万人次 … 468.2万人次, 41,326 … 41,236) — the
//! commonest typing slip when a figure is restated. With four or more digits two different
//! quantities rarely look like that.
use std::collections::BTreeMap;

use crate::check::relation::{claim_role, Relation};
use crate::model::{Claim, ClaimKind};

/// The digits of a figure as written (separators and decimal point dropped).
fn digits(quote: &str) -> String {
    quote.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// Whether `a` and `b` differ exactly by one swap of two neighbouring, different digits.
fn adjacent_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if j - i == 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

pub fn transposed_relations(ri: usize, di: usize, cs: &[&Claim], min_digits: usize, out: &mut Vec<Relation>) {
    let figures: Vec<&Claim> = cs
        .iter()
        .copied()
        .filter(|c| !matches!(c.kind, ClaimKind::Year | ClaimKind::Date | ClaimKind::Range | ClaimKind::Formula) && !c.is_range())
        .filter(|c| c.value.is_finite() && digits(&c.quote).len() >= min_digits)
        // A bare number (SAT 1480 … 1560) needs five digits or more to be a likely restatement.
        .filter(|c| !c.unit.is_empty() || digits(&c.quote).len() >= 5)
        .collect();
    // Figures dated by different years (营收2023年1,234亿元 … 2024年1,243亿元) are two quantities.
    let years_of = |sentence: usize| -> Vec<i64> {
        let mut ys: Vec<i64> = cs.iter().filter(|c| c.sentence == sentence && c.kind == ClaimKind::Year).map(|c| c.value as i64).collect();
        ys.sort();
        ys.dedup();
        ys
    };
    let dated_apart = |a: &Claim, b: &Claim| {
        let (ya, yb) = (years_of(a.sentence), years_of(b.sentence));
        !ya.is_empty() && !yb.is_empty() && ya != yb
    };
    for (k, b) in figures.iter().enumerate() {
        // The nearest earlier figure it transposes (one finding per later figure).
        let earlier = figures[..k].iter().rev().find(|a| {
            a.kind == b.kind
                && a.unit == b.unit
                && a.sentence != b.sentence
                && a.value.max(b.value) <= 2.0 * a.value.min(b.value)
                && adjacent_swap(&digits(&a.quote), &digits(&b.quote))
                && !dated_apart(a, b)
        });
        if let Some(a) = earlier {
            let mut roles = BTreeMap::new();
            roles.insert("stated".into(), claim_role(b));
            roles.insert("other".into(), claim_role(a));
            out.push(Relation { rule: ri, doc: di, roles, left: None, note: String::new() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::adjacent_swap;

    #[test]
    fn one_neighbour_swap_only() {
        assert!(adjacent_swap("4862", "4682"));
        assert!(adjacent_swap("41326", "41236"));
        assert!(adjacent_swap("4862", "4826"));
        assert!(!adjacent_swap("4862", "2864"));
        assert!(!adjacent_swap("4862", "4862"));
        assert!(!adjacent_swap("1234", "2143"));
    }
}
