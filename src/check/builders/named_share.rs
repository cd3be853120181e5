//! The `named_share` builder: a share that names its part and its whole (过夜游客占接待游客总量的
//! 38.3%, 消费支出占可支配收入的比重为65.3%) whose figures were given earlier, each under its name
//! (过夜游客428.6万人次 … 接待游客1286.4万人次). The part is the nearest earlier figure whose
//! subject names the part, the whole the nearest one whose subject names the whole.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::check::relation::{claim_role, Relation};
use crate::check::units::claim_unit;
use crate::model::{Claim, ClaimKind};

/// `<part>占<whole>的(比重)?(为)?` right before a share, at the end of the text before it.
fn share_phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<part>\p{Han}{2,10}?)[占佔](?P<whole>\p{Han}{2,12}?)的?(?:比重|比例|份额|比率|占比)?[）)]?(?:为|是|达|约|達|為|已达|达到)?$").unwrap()
    })
}

/// `<part>在<whole>中的比重(达到)?` right before a share (外贸箱在全港集装箱吞吐量中的比重达到65.2%).
fn share_in_phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<part>\p{Han}{2,10}?)在(?P<whole>\p{Han}{2,14}?)中的?(?:比重|占比|份额|比例)(?:达到|为|是|达|约|達|為)?$").unwrap()
    })
}

/// Words that only say "the whole of" (总量, 总数): left out when names are compared.
fn core_name(name: &str) -> String {
    let mut n = name.to_string();
    // (全港, 全年 say the scope of a whole, as 总 does.)
    for w in ["总量", "总数", "总额", "总和", "总体", "全部", "全港", "全市", "全省", "全国", "全区", "全县", "全年", "总", "整体"] {
        n = n.replace(w, "");
    }
    n
}

/// The last clause of a claim's subject, parentheses removed (无收费水量（含…）为 → 无收费水量为).
fn subject_clause(subject: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for ch in subject.chars() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.rsplit(['，', ',', '。', '；', ';', '：', ':', '、']).next().unwrap_or("").to_string()
}

/// The name a figure is given: up to 40 chars before it on its line, its last clause without
/// brackets, cleaned like a subject (为, 共 out) and without scope words (总, 全年).
fn name_before(text: &str, c: &Claim) -> String {
    let line_start = text[..c.start].rfind('\n').map_or(0, |i| i + 1);
    let before: String = text[line_start..c.start].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    core_name(&super::same_quantity::subject_key(&subject_clause(&before)))
}

fn is_amount(c: &Claim) -> bool {
    matches!(c.kind, ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Energy | ClaimKind::Power)
        && !c.is_range()
        && c.value.is_finite()
        && c.value > 0.0
}

/// `<a>(约)?是<b>的` right before a multiple (板南线的日均运量约为文湖线的5.9倍); `<b>` may hold
/// its own figure in brackets (是去年同期台风（4.94亿元）的3.6倍).
fn multiple_phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<part>\p{Han}{2,12}?)(?:约|大约|約|大約)?(?:是|为|為|相当于|相當於)(?P<whole>[^，,。；;：:]{2,24}?)的(?:约|約|近)?$").unwrap()
    })
}

pub fn named_share_relations(ri: usize, di: usize, text: &str, cs: &[&Claim], lines_before: usize, multiples: bool, out: &mut Vec<Relation>) {
    let stated_kinds: &[ClaimKind] = if multiples { &[ClaimKind::Multiple] } else { &[ClaimKind::Percent, ClaimKind::Fraction] };
    for s in cs.iter().copied().filter(|c| stated_kinds.contains(&c.kind) && !c.is_range()) {
        // The text of the clause before the share, up to 30 characters.
        let head = &text[..s.start];
        let clause_start = crate::check::skeleton::clause_start(text, s.start);
        let before: String = head[clause_start..].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        // X亿元，占Y的Z%: the part is the figure that ends the clause before, the whole is named.
        if !multiples {
            if let Some(r) = clause_share(ri, di, text, cs, s, &before, clause_start, lines_before) {
                out.push(r);
                continue;
            }
        }
        let m = match multiples {
            true => multiple_phrase().captures(&before),
            false => share_phrase().captures(&before).or_else(|| share_in_phrase().captures(&before)),
        };
        let Some(m) = m else { continue };
        let han = |t: &str| -> String { t.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect() };
        // Names go through the same cleaning as the figures' names (共, 的 and cue words out).
        let clean = |t: &str| core_name(&super::same_quantity::subject_key(&han(t)));
        let (part_name, whole_name) = (clean(&m["part"]), clean(&m["whole"]));
        if part_name.chars().count() < 2 || whole_name.chars().count() < 2 || part_name == whole_name {
            continue;
        }
        // Earlier figures, nearest first, within `lines_before` lines.
        let line = s.line;
        let earlier: Vec<&Claim> =
            cs.iter().copied().filter(|c| c.end <= s.start && c.line + lines_before >= line && is_amount(c)).rev().collect();
        // The words before a figure must end in the name (cue words such as 为 aside): 共接待游客
        // names 接待游客; a parenthesis between them is skipped (无收费水量（含…）为).
        let name_of = |c: &Claim| name_before(text, c);
        // Either name may be the longer one (此次台风的估损金额 … 估损金额12.85亿元).
        let named = |name: &str| {
            let exact = earlier.iter().copied().find(|c| {
                let n = name_of(c);
                n.ends_with(name) || (n.chars().count() >= 3 && name.ends_with(n.as_str()))
            });
            // Two earlier figures under the name (两个板块的营业收入) leave the reference open.
            let exact_count = earlier.iter().filter(|c| {
                let n = name_of(c);
                n.ends_with(name) || (n.chars().count() >= 3 && name.ends_with(n.as_str()))
            }).count();
            // …unless the nearest one stands in the share's own sentence (月均消费支出325,137日元，
            // …消费支出占可支配收入的比重为65.3%).
            if exact_count > 1 && !exact.is_some_and(|c| c.sentence == s.sentence) {
                return None;
            }
            // An abbreviated name (外贸箱 for 外贸集装箱): its chars in order, first char first.
            exact.or_else(|| earlier.iter().copied().find(|c| abbreviates(name, &name_of(c))))
        };
        // A multiple's base is often elliptical (文湖线 for 文湖线的日均运量) or carries its figure
        // in brackets: the figure inside the phrase, else the nearest figure naming it.
        let whole_start = s.start - (before.len() - m.name("whole").map_or(before.len(), |w| w.start()));
        let inside = || earlier.iter().copied().find(|c| c.start >= whole_start);
        let whole = match multiples {
            true => inside().or_else(|| earlier.iter().copied().find(|c| name_of(c).contains(&whole_name))),
            false => named(&whole_name),
        };
        let (Some(part), Some(whole)) = (named(&part_name), whole) else { continue };
        let (pu, wu) = (claim_unit(part.kind, &part.unit), claim_unit(whole.kind, &whole.unit));
        if part.id == whole.id || pu.base() != wu.base() || (!multiples && part.value * pu.scale >= whole.value * wu.scale) {
            continue;
        }
        let mut roles = BTreeMap::new();
        roles.insert("stated".into(), claim_role(s));
        roles.insert("part".into(), claim_role(part));
        roles.insert("whole".into(), claim_role(whole));
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: format!("{} {} {}", &m["part"], if multiples { "against" } else { "of" }, &m["whole"]) });
    }
}

/// `…{part}，占{whole}的{share}`: a clause that opens with 占 shares out the figure ending the
/// clause before it; the whole is the nearest earlier figure named as in the clause.
#[allow(clippy::too_many_arguments)]
fn clause_share(ri: usize, di: usize, text: &str, cs: &[&Claim], s: &Claim, before: &str, clause_start: usize, lines_before: usize) -> Option<Relation> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^\p{Han}{0,4}?[占佔](?P<whole>\p{Han}{2,12}?)的?(?:比重|比例|份额|比率)?(?:为|是|达|约|達|為|不到|不足|超过|逾|近|接近)?$").unwrap());
    let m = re.captures(before)?;
    let whole_name = core_name(&super::same_quantity::subject_key(&m["whole"]));
    if whole_name.chars().count() < 2 {
        return None;
    }
    // The part: the figure right before the clause (a comma, or a growth clause such as
    // ，增长3.1%， between them, but no other amount).
    let part = cs.iter().copied().filter(|c| c.end <= clause_start && is_amount(c)).last()?;
    let gap = text.get(part.end..clause_start)?;
    if gap.chars().count() > 14 || part.sentence != s.sentence {
        return None;
    }
    let name_of = |c: &Claim| name_before(text, c);
    let wholes: Vec<&Claim> = cs
        .iter()
        .copied()
        .filter(|c| c.end <= part.start && c.line + lines_before >= s.line && is_amount(c))
        .filter(|c| name_of(c).ends_with(&whole_name))
        .collect();
    // Exactly one figure under the whole's name, else the reference is open.
    let [whole] = wholes.as_slice() else { return None };
    let whole = *whole;
    let (pu, wu) = (claim_unit(part.kind, &part.unit), claim_unit(whole.kind, &whole.unit));
    if pu.base() != wu.base() || part.value * pu.scale >= whole.value * wu.scale {
        return None;
    }
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(s));
    roles.insert("part".into(), claim_role(part));
    roles.insert("whole".into(), claim_role(whole));
    Some(Relation { rule: ri, doc: di, roles, left: None, note: format!("{} of {}", part.quote, &m["whole"]) })
}

/// Whether `short` (3+ chars) abbreviates `long` (a verb such as 完成 after it aside): same
/// first and last char, the rest in order.
fn abbreviates(short: &str, long: &str) -> bool {
    let mut long = long;
    for verb in ["完成", "实现", "达到", "录得", "达", "为", "是"] {
        long = long.strip_suffix(verb).unwrap_or(long);
    }
    let mut rest = long.chars();
    short.chars().count() >= 3
        && short.chars().next() == long.chars().next()
        && short.chars().last() == long.chars().last()
        && short.chars().all(|c| rest.by_ref().any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::abbreviates;

    #[test]
    fn abbreviations_keep_order() {
        assert!(abbreviates("外贸箱", "外贸集装箱完成"));
        assert!(!abbreviates("外贸箱", "内贸集装箱完成"));
        assert!(!abbreviates("箱外贸", "外贸集装箱"));
        assert!(!abbreviates("外贸", "外贸集装箱"));
        assert!(!abbreviates("教育经费", "教育经费占本市预算"));
    }
}
