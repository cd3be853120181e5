//! The `sentence_pair` builder: one sentence holding one cued figure of the stated kind and
//! two amounts of one unit, however the sentence is phrased (see `Builder::SentencePair`).
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;


use crate::check::graph::{text_after, text_before, DocGraph};
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::{Claim, ClaimKind};


/// Words that make an amount the base of a change (the earlier figure).
const BASE_BEFORE: &[&str] = &[
    "上年", "去年", "同期", "年初", "上月", "上季", "前一年", "上一年", "较", "比上", "比去", "比前", "从", "由", "相比",
    "from", "compared with", "compared to", "versus", "vs",
];
/// Words right before an amount that make it the later level of a change.
const NEW_BEFORE: &[&str] = &[
    "涨到", "涨至", "增至", "增长到", "增长至", "增加到", "增加至", "升至", "上升到", "上升至", "提高到", "提高至", "提升到", "提升至",
    "降至", "降到", "下降到", "下降至", "跌至", "跌到", "减至", "减少到", "减少至", "回落至", "回升至", "攀升至",
    "rose to", "fell to", "increased to", "decreased to", "climbed to", "dropped to", "declined to", "grew to", "jumped to", "slipped to",
];
const BASE_AFTER: &[&str] = &[
    "a year earlier", "a year ago", "last year", "the previous year", "the year before", "a year before",
    "in the previous", "in the same period",
];
/// Words that make an amount the whole of a share, or the other one a part of it.
const WHOLE_BEFORE: &[&str] = &["全国", "全市", "全省", "全球", "全区", "全县", "全行业", "总", "全部", "整体", "合计", "共", "total", "overall", "of the", "out of", "of all"];
const PART_BEFORE: &[&str] = &["其中", "of which", "of them", "among them", "including"];
/// A percentage described as an average rate per year is no change between two figures.
const RATE_WORDS: &[&str] = &["年均", "年平均", "平均每年", "复合", "每年", "annual", "a year", "per year", "cagr", "compound"];
/// A share sentence must not speak of change (its percentage would be a growth rate).
const CHANGE_WORDS: &[&str] = &[
    "增长", "下降", "增加", "减少", "同比", "环比", "上升", "提高", "降低", "上涨", "下跌", "增速", "增幅", "降幅",
    "降至", "增至", "升至", "减至", "跌至", "涨至", "减幅", "跌幅", "涨幅", "升幅", "按年", "成长",
    " up ", " down ", "rose", "fell", "increase", "decrease", "grew", "decline", "growth", "dropped", "gained",
];

/// The text before a figure without breakdown lead-ins (从产业投向看，…; 从隶属关系来看): their
/// 从 opens a breakdown, it marks no base of a change.
fn before_without_leads(text: &str, end: usize, floor: usize, chars: usize) -> String {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let re = LEAD.get_or_init(|| Regex::new("从[^，,。；;：:从]{1,10}?来?看[，,：:]?").expect("valid"));
    re.replace_all(&text_before(text, end, floor, chars), "").into_owned()
}

/// Whether the text before an amount ends in a dated comparison (比2023年的336.0万人次, 较2019年同期):
/// the amount is the base. (比2010年增产 is not: the amount after the verb is an increment.)
fn dated_base_before(before: &str) -> bool {
    static DATED: OnceLock<Regex> = OnceLock::new();
    let re = DATED.get_or_init(|| Regex::new(r"(比|较|与)\s*[0-9]{4}\s*年(同期|底|末|全年)?(创下的[^，,。；]{0,8})?的?\s*$").expect("valid"));
    re.is_match(before)
}

/// Relations of the `sentence_pair` builder in one document (see `Builder::SentencePair`).
pub fn relations(ri: usize, p: &crate::check::rule::PairParams, g: &DocGraph, out: &mut Vec<Relation>) {
    let (di, text, cs) = (g.doc, g.text, &g.claims[..]);
    use crate::check::rule::PairMode;
    // The extractor's sentences (they end at ；too: clauses after it are other statements).
    let mut by_sentence: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
    for c in cs {
        by_sentence.entry(c.sentence).or_default().push(c);
    }
    // …except a clause after ；that only gives the base (增长18.2%；2023年同期为5.63亿元).
    let mut merged: Vec<Vec<&Claim>> = Vec::new();
    for inner in by_sentence.into_values() {
        // (Past a year or date naming the base period: ；2023年同期为….)
        let first = inner.iter().filter(|c| !matches!(c.kind, ClaimKind::Year | ClaimKind::Date)).map(|c| c.start).min().unwrap_or(0);
        let joins = merged.last().and_then(|prev| prev.iter().map(|c| c.end).max()).is_some_and(|prev_end| {
            let between = text.get(prev_end..first).unwrap_or("");
            let after_semicolon = between.rfind(['；', ';']).map(|i| &between[i..]);
            after_semicolon.is_some_and(|tail| {
                !tail.contains(['。', '\n', '！', '？']) && ["同期", "上年", "去年", "a year earlier", "a year ago", "last year"].iter().any(|w| tail.contains(w))
            }) && !between.contains(['。', '\n'])
        });
        match merged.last_mut() {
            Some(prev) if joins => prev.extend(inner),
            _ => merged.push(inner),
        }
    }
    for inner in merged.iter() {
        let ss = inner.iter().map(|c| c.start).min().unwrap_or(0);
        let ss = text[..ss].rfind(['。', '；', ';', '！', '？', '\n']).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
        let last = inner.iter().map(|c| c.end).max().unwrap_or(ss);
        let se = text[last..].find(['。', '；', ';', '！', '？', '\n']).map(|i| last + i).unwrap_or(text.len());
        // Claims of the sentence, outermost only (a formula hides its parts).
        let inner: Vec<&Claim> = inner.clone();
        let keep = crate::check::skeleton::outermost(&inner);
        let mut group: Vec<&Claim> = keep.iter().map(|&i| inner[i]).collect();
        group.sort_by_key(|c| c.start);
        let prev_end = |c: &Claim| group.iter().filter(|o| o.end <= c.start).map(|o| o.end).max().unwrap_or(ss);
        let next_start = |c: &Claim| group.iter().filter(|o| o.start >= c.end).map(|o| o.start).min().unwrap_or(se);
        let stated_kind = match p.mode {
            PairMode::Points => ClaimKind::PercentPoint,
            PairMode::Multiple => ClaimKind::Multiple,
            PairMode::Difference => ClaimKind::Measure,
            _ => ClaimKind::Percent,
        };
        let level_kind = |c: &Claim| {
            matches!(
                c.kind,
                ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy | ClaimKind::PricePerUnit
            )
        };
        let cued = |c: &Claim| {
            // A share's cue may stand before the whole it names (占其38.25万辆总销量的32.3%).
            let floor = match group.iter().filter(|o| o.end <= c.start).max_by_key(|o| o.end) {
                Some(nearest) if p.mode == PairMode::Share => prev_end(nearest),
                _ => prev_end(c),
            };
            // English words are longer than Chinese ones: twice the window (an increase of about 15%).
            let english = text[..c.start].chars().next_back().is_some_and(|ch| ch.is_ascii());
            let before = text_before(text, c.start, floor, if english { p.window * 2 } else { p.window });
            // English puts the cue after the figure too: "a 40% increase", "a 12% drop".
            let after = text_after(text, c.end, next_start(c), 10);
            let after_cued = p.mode != PairMode::Share
                && p.cues.iter().any(|w| w.len() > 3 && w.is_ascii() && after.trim_start().starts_with(w.as_str()));
            let wide = text_before(text, c.start, floor, 30);
            let rate_word = RATE_WORDS.iter().any(|w| wide.contains(w) || after.contains(w));
            (p.cues.iter().any(|w| before.contains(w.as_str())) || after_cued) && (rate_word == (p.mode == PairMode::Annual))
        };
        // A share may be written as a fraction too (近一半, a third, 三分之一).
        let is_stated_kind = |c: &Claim| {
            c.kind == stated_kind
                || (p.mode == PairMode::Share && c.kind == ClaimKind::Fraction)
                || (p.mode == PairMode::Difference && level_kind(c))
        };
        // A change amount follows "by" (增加3000亿元), never "to" (增加至8000亿元: a new level).
        let to_level = |c: &Claim| {
            let before = text_before(text, c.start, prev_end(c), 6);
            NEW_BEFORE.iter().any(|w| before.trim_end().trim_end_matches(['了', '约', '为']).ends_with(w))
        };
        let stated: Vec<&Claim> = group
            .iter()
            .copied()
            .filter(|c| is_stated_kind(c) && !c.is_range() && cued(c) && !(p.mode == PairMode::Difference && to_level(c)))
            .collect();
        let [s] = stated.as_slice() else { continue };
        let amount_kind = |c: &Claim| match p.mode {
            PairMode::Points => c.kind == ClaimKind::Percent,
            PairMode::Difference => level_kind(c),
            PairMode::Annual => matches!(
                c.kind,
                ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy | ClaimKind::PricePerUnit
            ),
            PairMode::Increment => matches!(
                c.kind,
                ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy | ClaimKind::PricePerUnit
            ),
            _ => matches!(
                c.kind,
                ClaimKind::Money | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Power | ClaimKind::Energy
                    | ClaimKind::Params | ClaimKind::Tokens | ClaimKind::PricePerUnit | ClaimKind::Compute
            ),
        };
        // An amount right after a change verb is the increment (增加0.8万人, up by 3), not a level.
        let increment = |c: &Claim| {
            let before = text_before(text, c.start, prev_end(c), 5);
            let before = before.trim_end().trim_end_matches(['了', '约', '近', '逾', '出']);
            ["增加", "减少", "增长", "下降", "上升", "提高", "降低", "回落", "多", "少", "增", "减", " by", " up", " down"]
                .iter()
                .any(|w| before.ends_with(w))
        };
        let all_amounts: Vec<&Claim> = group
            .iter()
            .copied()
            .filter(|c| c.id != s.id && amount_kind(c) && !c.is_range() && c.value.is_finite() && c.approx != crate::model::Approx::Vague)
            .collect();
        // Amounts of other units may stand in the sentence (播种面积…，总产量…): the pair is the
        // unit of the amount nearest before the stated figure (or of any, when none precedes).
        let nearest_before = all_amounts.iter().copied().filter(|c| c.end <= s.start).max_by_key(|c| c.end);
        // …or, when the figure comes first (rose 12% to … from …), of the nearest one after it.
        let nearest_after = all_amounts.iter().copied().filter(|c| c.start >= s.end).min_by_key(|c| c.start);
        let unit = nearest_before.or(nearest_after).map(|c| c.unit.clone());
        let Some(unit) = unit else { continue };
        // A rate and a bare amount of its numerator (每年28.6万元 … 11.4万元) are one quantity
        // written twice, the second time without repeating "per year".
        let numerator = |u: &str| u.split('/').next().unwrap_or("").to_string();
        let same: Vec<&Claim> = all_amounts.iter().copied().filter(|c| numerator(&c.unit) == numerator(&unit)).collect();
        let amounts: Vec<&Claim> = same.iter().copied().filter(|c| !increment(c)).collect();
        let increments: Vec<&Claim> = same.iter().copied().filter(|c| increment(c)).collect();
        // A level and its increment only (286.4万吨，比上年增加9.7万吨，增长3.8%): the base is
        // the level minus the increment.
        if p.mode == PairMode::Increment {
            let ([level], [inc]) = (amounts.as_slice(), increments.as_slice()) else { continue };
            // The rate must follow its increment directly (增加9.7万吨，增长3.8%): a rate stated
            // elsewhere may have another base (同比 vs 比年初).
            let follows = inc.end <= s.start && text[inc.end..s.start].chars().count() <= 8;
            let level_is_base = ["相比", "相较"].iter().any(|w| text_after(text, level.end, se, 3).contains(w))
                || BASE_BEFORE.iter().any(|w| before_without_leads(text, level.start, ss, 12).contains(w));
            if follows && !level_is_base && level.unit == inc.unit && inc.value < level.value {
                let mut roles = BTreeMap::new();
                roles.insert("stated".into(), claim_role(s));
                roles.insert("level".into(), claim_role(level));
                roles.insert("increment".into(), claim_role(inc));
                out.push(Relation { rule: ri, doc: di, roles, left: None, note: String::new() });
            }
            continue;
        }
        // A change in points whose sentence gives only the base (与第4期的95.8%相比，合格率提高了
        // 2.5个百分点; up 15.3 points from the 48.2% …): the new level is the last percentage
        // of the sentence before, on this line or the one above.
        let mut amounts = amounts;
        let lone_is_base = |c: &Claim| {
            BASE_BEFORE.iter().any(|w| before_without_leads(text, c.start, ss, 14).contains(w))
                || dated_base_before(&text_before(text, c.start, ss, 14))
                || ["相比", "相较", "比较"].iter().any(|w| text_after(text, c.end, se, 3).contains(w))
        };
        // The same for a change in percent whose sentence gives only the base
        // (与去年同期的7,950套相比，…同比下降18.9%): the level is the last amount of that unit
        // in the sentence before.
        if matches!(p.mode, PairMode::Points | PairMode::Change) && amounts.len() == 1 && lone_is_base(amounts[0]) {
            let (line, sentence, lone) = (amounts[0].line, amounts[0].sentence, amounts[0]);
            let earlier = |c: &&Claim| c.sentence < sentence && c.sentence + 2 >= sentence && c.line + 1 >= line;
            let same_kind = |c: &&Claim| match p.mode {
                PairMode::Points => c.kind == ClaimKind::Percent,
                _ => c.kind == lone.kind && c.unit == lone.unit,
            };
            // Only when the sentence before gives one such figure (not a level and its own base).
            let candidates: Vec<&Claim> = cs.iter().copied().filter(earlier).filter(same_kind).filter(|c| !c.is_range() && c.value.is_finite()).collect();
            let last_sentence = candidates.last().map(|c| c.sentence);
            let in_last: Vec<&Claim> = candidates.iter().copied().filter(|c| Some(c.sentence) == last_sentence).collect();
            if let [prev] = in_last.as_slice() {
                let prev = *prev;
                amounts.push(prev);
            }
        }
        let [a, b] = amounts.as_slice() else { continue };
        // One rate and one bare amount pair only when they are of a size (a per-share figure
        // is no base for a total).
        let mixed = a.unit != b.unit;
        let of_a_size = a.value.max(b.value) <= 20.0 * a.value.min(b.value);
        if mixed && (a.unit.contains('/') == b.unit.contains('/') || !of_a_size || a.unit.contains('/') && b.unit.contains('/')) {
            continue;
        }
        if !mixed && claim_unit(a.kind, &a.unit).dims != claim_unit(b.kind, &b.unit).dims || a.value == b.value {
            continue;
        }
        // Each amount must belong to this figure: no other figure of the stated kind stands
        // nearer to it (… down 2% from B, while C rose 9% …: B belongs to the 2%).
        let rivals: Vec<&Claim> =
            group.iter().copied().filter(|c| c.id != s.id && c.id != a.id && c.id != b.id && (c.kind == stated_kind || is_stated_kind(c) && cued(c))).collect();
        let dist = |x: &Claim, y: &Claim| if x.end <= y.start { y.start - x.end } else { x.start.saturating_sub(y.end) };
        if [*a, *b].iter().any(|m| rivals.iter().any(|r| dist(r, m) < dist(s, m))) {
            continue;
        }
        let (small, large) = if a.value < b.value { (*a, *b) } else { (*b, *a) };
        // Markers may stand before a period name (去年四季度为…): look past dates and years.
        let prev_end_figure = |c: &Claim| {
            group.iter().filter(|o| o.end <= c.start && !matches!(o.kind, ClaimKind::Date | ClaimKind::Year)).map(|o| o.end).max().unwrap_or(ss)
        };
        let marked_before = |c: &Claim, words: &[&str]| {
            let before = before_without_leads(text, c.start, prev_end_figure(c), 14);
            words.iter().any(|w| before.contains(w))
        };
        // The amount right after a "to" verb (涨到1.33亿元, rose to $5m) is the new level.
        let new_level = |c: &Claim| {
            let before = text_before(text, c.start, prev_end_figure(c), 6);
            let before = before.trim_end().trim_end_matches(['了', '约', '近', '逾', '为']);
            NEW_BEFORE.iter().any(|w| before.ends_with(w))
        };
        let base = |c: &Claim| {
            marked_before(c, BASE_BEFORE)
                || dated_base_before(&text_before(text, c.start, prev_end_figure(c), 14))
                || ["相比", "相较"].iter().any(|w| text_after(text, c.end, next_start(c), 3).contains(w)) || {
                let after = text_after(text, c.end, next_start(c), 24);
                BASE_AFTER.iter().any(|w| after.contains(w))
            }
        };
        // A year written right before an amount dates it (2019年为1.4亿人次).
        let year_of = |c: &Claim| {
            // (English dates an amount a few words later: 1,720 stores at the end of 2020.)
            let english_after = |between: &str| {
                let t = between.trim().to_lowercase();
                between.is_ascii()
                    && between.chars().count() <= 28
                    && ["at the end of", "by the end of", "at the start of", "in", "as of", "for", "during"].iter().any(|w| t.ends_with(w))
            };
            let near = |between: &str| between.chars().count() <= 8 && !between.contains(['，', ',', '；', ';', '。']);
            let after = |y: &&Claim| y.kind == ClaimKind::Year && y.start >= c.end && !text[c.end..y.start].contains([',', ';', '，']);
            group
                .iter()
                .find(|y| after(y) && english_after(&text[c.end..y.start]))
                .or_else(|| group.iter().find(|y| y.kind == ClaimKind::Year && y.end <= c.start && near(&text[y.end..c.start])))
                .or_else(|| group.iter().find(|y| after(y) && near(&text[c.end..y.start])))
                .map(|y| y.value)
        };
        let dated_apart = matches!((year_of(a), year_of(b)), (Some(x), Some(y)) if x != y);
        // A period named once for the whole change (2020年至2024年，…由A增至B; from 2019 to
        // 2024, … from A to B): its years belong to the base and the other amount.
        let period = {
            let years: Vec<&Claim> = group.iter().copied().filter(|y| y.kind == ClaimKind::Year).collect();
            years.windows(2).find_map(|w| {
                let between = text.get(w[0].end..w[1].start).unwrap_or("").trim().to_lowercase();
                let joined = ["至", "到", "-", "—", "–", "~", "～", "to", "and", "through"].contains(&between.as_str());
                (joined && w[1].value > w[0].value).then_some((w[0].value, w[1].value))
            })
        };
        let period_years = match period {
            Some((y1, y2)) if !dated_apart && base(a) != base(b) => Some(y2 - y1),
            _ => None,
        };
        let ok = match p.mode {
            PairMode::Change | PairMode::Points => base(a) != base(b) || new_level(a) != new_level(b) || dated_apart,
            PairMode::Increment => false,
            PairMode::Annual => dated_apart || period_years.is_some(),
            PairMode::Difference => (base(a) != base(b) || dated_apart) && a.unit == s.unit,
            PairMode::Multiple => {
                // 增长了N倍 reads as N or N+1 times: left to the growth-multiple rule.
                let wider = text_before(text, s.start, prev_end(s), 8);
                let growth = ["增长", "成长", "增加", "提高", "上升", "提升", "上涨", "扩大", "翻", "increase", "grew", "rose"].iter().any(|w| wider.contains(w));
                let before = text_before(text, s.start, prev_end(s), 4);
                let after = text_after(text, s.end, next_start(s), 8);
                let change_pair = group.iter().any(|c| c.kind == ClaimKind::Percent);
                !growth && !change_pair && (base(a) != base(b) || dated_apart || before.ends_with('的') || after.starts_with(" the") || after.starts_with(" that") || after.starts_with(" as"))
            }
            PairMode::Share => {
                // Change words between the figures of the relation (or just before it).
                let first = a.start.min(b.start).min(s.start);
                let last = a.end.max(b.end).max(s.end);
                let span = format!("{}{}", text_before(text, first, ss, 6), text[first..last].to_lowercase());
                !CHANGE_WORDS.iter().any(|w| span.contains(w))
                    && (marked_before(large, WHOLE_BEFORE)
                        || marked_before(small, PART_BEFORE)
                        || ["总", " total", " in total", " overall", " in all"].iter().any(|w| text_after(text, large.end, next_start(large), 9).starts_with(w)))
                    && !marked_before(small, WHOLE_BEFORE)
            }
        };
        if !ok {
            continue;
        }
        let mut roles = BTreeMap::new();
        roles.insert("stated".into(), claim_role(s));
        let level_role = |c: &Claim| {
            let mut rv = claim_role(c);
            if mixed {
                as_written(&mut rv);
            }
            rv
        };
        roles.insert("small".into(), level_role(small));
        roles.insert("large".into(), level_role(large));
        if p.mode == PairMode::Annual {
            let n = match (year_of(small), year_of(large), period_years) {
                (Some(y1), Some(y2), _) if y1 != y2 => (y2 - y1).abs(),
                (_, _, Some(n)) => n,
                _ => continue,
            };
            let mut years = RoleVal::synthetic(n, format!("{n} years"), s.start);
            years.claims = Vec::new();
            roles.insert("years".into(), years);
        }
        out.push(Relation { rule: ri, doc: di, roles, left: None, note: String::new() });
    }
}
