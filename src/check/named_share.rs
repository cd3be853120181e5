//! The `named_share` builder: a share that names its part and its whole (过夜游客占接待游客总量的
//! 38.3%, 消费支出占可支配收入的比重为65.3%) whose figures were given earlier, each under its name
//! (过夜游客428.6万人次 … 接待游客1286.4万人次). The part is the nearest earlier figure whose
//! subject names the part, the whole the nearest one whose subject names the whole.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use super::relate::{claim_role, Relation};
use super::units::claim_unit;
use crate::model::{Claim, ClaimKind};

/// `<part>占<whole>的(比重)?(为)?` right before a share, at the end of the text before it.
fn share_phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<part>\p{Han}{2,10}?)[占佔](?P<whole>\p{Han}{2,12}?)的?(?:比重|比例|份额|比率|占比)?[）)]?(?:为|是|达|约|達|為|已达|达到)?$").unwrap()
    })
}

/// Words that only say "the whole of" (总量, 总数): left out when names are compared.
fn core_name(name: &str) -> String {
    let mut n = name.to_string();
    for w in ["总量", "总数", "总额", "总和", "总体", "全部", "总", "整体"] {
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

fn is_amount(c: &Claim) -> bool {
    matches!(c.kind, ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Energy | ClaimKind::Power)
        && !c.is_range()
        && c.value.is_finite()
        && c.value > 0.0
}

pub fn named_share_relations(ri: usize, di: usize, text: &str, cs: &[&Claim], lines_before: usize, out: &mut Vec<Relation>) {
    for s in cs.iter().copied().filter(|c| matches!(c.kind, ClaimKind::Percent | ClaimKind::Fraction) && !c.is_range()) {
        // The text of the clause before the share, up to 30 characters.
        let head = &text[..s.start];
        let clause_start = head
            .char_indices()
            .rev()
            .find(|(_, ch)| ['，', ',', '。', '；', ';', '\n', '：', ':'].contains(ch))
            .map(|(i, ch)| i + ch.len_utf8())
            .unwrap_or(0);
        let before: String = head[clause_start..].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        let Some(m) = share_phrase().captures(&before) else { continue };
        let (part_name, whole_name) = (core_name(&m["part"]), core_name(&m["whole"]));
        if part_name.chars().count() < 2 || whole_name.chars().count() < 2 || part_name == whole_name {
            continue;
        }
        // Earlier figures, nearest first, within `lines_before` lines.
        let line = s.line;
        let earlier: Vec<&Claim> =
            cs.iter().copied().filter(|c| c.end <= s.start && c.line + lines_before >= line && is_amount(c)).rev().collect();
        // The words before a figure must end in the name (cue words such as 为 aside): 共接待游客
        // names 接待游客; a parenthesis between them is skipped (无收费水量（含…）为).
        let name_of = |c: &Claim| {
            let line_start = text[..c.start].rfind('\n').map_or(0, |i| i + 1);
            let before: String = text[line_start..c.start].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
            core_name(&super::relate::subject_key(&subject_clause(&before)))
        };
        let named = |name: &str| earlier.iter().copied().find(|c| name_of(c).ends_with(name));
        let (Some(part), Some(whole)) = (named(&part_name), named(&whole_name)) else { continue };
        let (pu, wu) = (claim_unit(part.kind, &part.unit), claim_unit(whole.kind, &whole.unit));
        if part.id == whole.id || pu.base() != wu.base() || part.value * pu.scale >= whole.value * wu.scale {
            continue;
        }
        let mut roles = BTreeMap::new();
        roles.insert("stated".into(), claim_role(s));
        roles.insert("part".into(), claim_role(part));
        roles.insert("whole".into(), claim_role(whole));
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: format!("{} of {}", &m["part"], &m["whole"]) });
    }
}
