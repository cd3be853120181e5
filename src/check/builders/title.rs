//! The `title_year` builder: a document whose title names a year for a list it announces
//! (2024大模型产业十大趋势, Five trends for 2025) and whose body introduces that same list
//! (以下十大趋势, the following five trends) under a year of its own. The two years must agree.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::check::relation::{claim_role, Relation};
use crate::model::{Claim, ClaimKind};

/// A counted list in a title or sentence: 十大趋势, 五大变化, five trends, top 10 risks.
fn list_phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:[一二三四五六七八九十两0-9]{1,3}大\p{Han}{2}|\b(?:top\s+)?(?:[0-9]{1,2}|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?(?:trends|predictions|priorities|risks|challenges|themes|shifts|changes|forecasts|opportunities)\b)",
        )
        .unwrap()
    })
}

/// Words that announce the list itself (以下十大趋势, the following five trends).
const ANNOUNCE: &[&str] = &["以下", "如下", "下列", "the following", "these"];

/// Prefixes a scraped title line may carry.
const TITLE_LABELS: &[&str] = &["标题:", "标题：", "title:", "Title:"];

pub fn title_year_relations(ri: usize, di: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
    // The title: the first non-empty line.
    let Some((t_start, t_line)) = text.split('\n').scan(0, |at, l| {
        let s = *at;
        *at += l.len() + 1;
        Some((s, l))
    })
    .find(|(_, l)| !l.trim().is_empty()) else {
        return;
    };
    let t_end = t_start + t_line.len();
    let body = TITLE_LABELS.iter().find_map(|p| t_line.trim_start().strip_prefix(p)).unwrap_or(t_line);
    // (Not the tail of a longer number: 2024大模型 is no list of 24.)
    let Some(list) = list_phrase().find_iter(body).find(|m| !body[..m.start()].ends_with(|c: char| c.is_ascii_digit())) else { return };
    let list = list.as_str().to_lowercase();
    let years = |from: usize, to: usize| cs.iter().copied().filter(move |c| c.kind == ClaimKind::Year && c.start >= from && c.end <= to);
    let title_years: Vec<&Claim> = years(t_start, t_end).collect();
    let [title_year] = title_years.as_slice() else { return };
    // Body clauses that announce the same list under a year right before it. Searched in the
    // text itself (case-insensitively), so offsets stay those of the claims.
    let Ok(list_re) = Regex::new(&format!("(?i){}", regex::escape(&list))) else { return };
    for m in list_re.find_iter(text).filter(|m| m.start() >= t_end) {
        let (at, after) = (m.start(), m.end());
        let clause_start = crate::check::skeleton::clause_start(text, at);
        let clause_end = crate::check::skeleton::clause_end(text, after);
        if !ANNOUNCE.iter().any(|w| text[clause_start..at].to_lowercase().contains(w)) {
            continue;
        }
        // The year nearest the list in its clause (2023年…以下十大趋势, the following five trends for 2026).
        let before = years(clause_start, at).last().map(|c| (at - c.end, c));
        let behind = years(after, clause_end).next().map(|c| (c.start - after, c));
        let Some((_, year)) = [before, behind].into_iter().flatten().min_by_key(|(d, _)| *d) else { continue };
        let mut roles = BTreeMap::new();
        roles.insert("stated".into(), claim_role(year));
        roles.insert("title".into(), claim_role(title_year));
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: list.clone() });
    }
}
