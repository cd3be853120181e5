//! The `same_quantity` builder: one quantity (subject, kind, unit dimension, years) stated
//! twice with different values, within a document or across documents.
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::{periods_named, years_named, DocGraph};
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::{Approx, Claim, ClaimKind};


/// Words that make two figures of one subject different quantities by design (a change, a
/// comparison, a forecast): sentences holding them are left out of conflict checks.
const CONTRAST_WORDS: [&str; 42] = [
    "上升", "按年", "按月", "年增", "月增", "年减", "增长", "成长", "增加", "下降", "减少", "增至", "降至", "升至", "提高", "降低", "上涨", "下跌", "下滑", "同比", "环比", "较", "同期",
    "相比", "比上", "较上", "预计", "目标", "计划", "预测", "此前", "以前", "原来", "原本", "从", "到",
    "rose", "fell", "from", "compared", "forecast", "target",
];
/// Contrast words that make every figure of the sentence something other than a level stated
/// as fact (a plan, a forecast, an earlier value).
const PLAN_WORDS: [&str; 11] = ["预计", "目标", "计划", "预测", "此前", "以前", "原来", "原本", "forecast", "target", "from"];
/// Words that introduce a comparison base (较去年同期的…): figures after them are other quantities.
const BASE_WORDS: [&str; 8] = ["较", "比", "相比", "同比", "环比", "从", "由", "compared"];

/// Words around a subject that say how it is stated, not what it is.
const SUBJECT_CUES: [&str; 22] = [
    "为", "是", "达到", "达", "约", "共", "有", "超过", "仅", "高达", "了", "已", "将", "至", "在", "等于",
    "据", "其中", "而", "但", "is", "was",
];

/// What a figure counts, as a comparable key: the subject's last clause (after the last
/// punctuation or figure), without cue words, lower-cased, without spaces.
pub fn subject_key(s: &str) -> String {
    let last = s
        .rsplit(|c: char| c.is_ascii_digit() || "，,。；;：:、（）()%！？!?\"“”".contains(c))
        .next()
        .unwrap_or("");
    let mut t = last.trim().to_lowercase();
    loop {
        let before = t.clone();
        for w in SUBJECT_CUES {
            if let Some(x) = t.strip_suffix(w) {
                t = x.trim_end().to_string();
            }
            if let Some(x) = t.strip_prefix(w) {
                t = x.trim_start().to_string();
            }
        }
        if t == before {
            break;
        }
    }
    // English function words say nothing about what is counted ("Of the 1,200 …").
    const STOPWORDS: &[&str] = &[
        "of", "the", "a", "an", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or", "was", "were",
        "is", "are", "be", "been", "its", "their", "his", "her", "about", "around", "some", "nearly", "almost",
        "over", "more", "than", "less", "up", "down", "per", "that", "this", "these", "those", "which", "who",
        "had", "has", "have", "it", "they", "we", "all", "only", "just", "also", "as", "into", "out",
    ];
    if t.is_ascii() {
        t = t.split_whitespace().filter(|w| !STOPWORDS.contains(w)).collect::<Vec<_>>().join(" ");
    } else {
        // Adverbs of totality and 的 inside the phrase say how, not what (共运送旅客 = 运送旅客).
        for w in ["一共", "总共", "合计", "累计", "共", "的"] {
            t = t.replace(w, "");
        }
    }
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// ASCII names in a sentence: words with a capital or a digit mixed with letters.
fn entity_names(sentence: &str) -> BTreeSet<String> {
    static NAME: OnceLock<Regex> = OnceLock::new();
    let re = NAME.get_or_init(|| Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*").expect("valid"));
    static QUOTED: OnceLock<Regex> = OnceLock::new();
    let quoted = QUOTED.get_or_init(|| Regex::new(r#"[“「《"]([^”」》"]{2,12})[”」》"]"#).expect("valid"));
    let mut names: BTreeSet<String> = re
        .find_iter(sentence)
        .map(|m| m.as_str())
        .filter(|w| w.len() >= 2 && w.chars().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) || w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && w.len() >= 3)
        .map(|w| w.to_string())
        .collect();
    // Capitalised function words (The, In, After …) open sentences; they name nothing.
    const COMMON: &[&str] = &[
        "The", "This", "That", "These", "Those", "There", "Then", "They", "Their", "And", "But", "For", "With", "From",
        "After", "Before", "During", "Over", "Under", "Next", "Last", "Most", "More", "Some", "All", "Each", "Every",
        "Its", "His", "Her", "She", "Our", "Its", "Was", "Were", "Also", "About", "Around", "Nearly", "Only", "Both",
    ];
    names.retain(|n| !COMMON.contains(&n.as_str()));
    // A quoted name (“江屿云邸”, 「雲雀」) names the thing the sentence is about.
    names.extend(quoted.captures_iter(sentence).map(|m| m[1].to_string()));
    names
}

/// The sentence (byte range) holding `c`, from the document's sentences sorted by start.
fn sentence_of(units: &[(usize, usize)], c: &Claim) -> (usize, usize) {
    let i = units.partition_point(|&(s, _)| s <= c.start);
    match i.checked_sub(1).map(|k| units[k]) {
        Some((s, e)) if c.start < e => (s, e),
        _ => (c.start, c.end),
    }
}

pub fn relations(
    ri: usize,
    graphs: &[DocGraph],
    across: bool,
    min_chars: usize,
    out: &mut Vec<Relation>,
) {
    // Candidates: (key, claim, year context).
    let mut groups: BTreeMap<(String, String, String, Vec<i64>, BTreeSet<String>), Vec<&Claim>> = BTreeMap::new();
    // Per claim (doc, id): the periods within a year its sentence names.
    let mut periods: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for g in graphs {
        let (text, cs) = (g.text, &g.claims);
        let units = &g.seg.spans;
        for c in cs {
            if matches!(
                c.kind,
                ClaimKind::Date | ClaimKind::Year | ClaimKind::Range | ClaimKind::Formula | ClaimKind::Multiple
                    | ClaimKind::Fraction | ClaimKind::Discount | ClaimKind::PercentPoint | ClaimKind::Other
            ) || c.approx == Approx::Vague
                // A table cell is one row's value in one column, never a restated subject.
                || g.seg.in_table(c.start)
                || c.is_range()
                || !c.lo.is_finite()
                || !c.hi.is_finite()
            {
                continue;
            }
            let key = subject_key(&c.subject);
            if key.chars().count() < min_chars || key.contains('占') {
                continue;
            }
            let (s, e) = sentence_of(&units, c);
            let sentence = &text[s..e];
            // A figure inside brackets is an attribute of the thing before it (主摄（等效焦距23mm）).
            let before_c = &text[s..c.start];
            if before_c.matches(['（', '(']).count() > before_c.matches(['）', ')']).count() {
                continue;
            }
            // In a sentence of change (共运送旅客486.2万人次，较去年同期的428.6万人次增长13.4%) the
            // level stated before any change or base word is still a level; the rest are not.
            if CONTRAST_WORDS.iter().any(|w| sentence.contains(w)) {
                let first_cue = CONTRAST_WORDS.iter().chain(BASE_WORDS.iter()).filter_map(|w| sentence.find(w)).min().unwrap_or(0);
                let first_amount = cs.iter().filter(|o| o.start >= s && o.end <= e && o.kind == c.kind).map(|o| o.start).min();
                let leads = c.end <= s + first_cue && first_amount == Some(c.start);
                if !leads || PLAN_WORDS.iter().any(|w| sentence.contains(w)) {
                    continue;
                }
            }
            // Year context: the years named in the sentence.
            let mut years: Vec<i64> = cs
                .iter()
                .filter(|o| o.start >= s && o.end <= e && matches!(o.kind, ClaimKind::Year | ClaimKind::Date))
                .filter_map(|o| {
                    if o.kind == ClaimKind::Year {
                        Some(o.value as i64)
                    } else {
                        o.date.as_deref().and_then(|d| d.split('-').next()?.parse().ok())
                    }
                })
                .collect();
            years.sort();
            years.dedup();
            let unit = claim_unit(c.kind, &c.unit).base();
            // Names in the sentence (GPT-4, OpenAI, deepseek-v2): figures about differently
            // named things are different quantities even under one subject.
            let names = entity_names(sentence);
            // Across documents a subject alone (注册护士) may be another city's or company's:
            // the sentences must also share a year or a name.
            // A rate (LPR 3.5%) moves over time: across documents it needs a year in common.
            let rate = matches!(c.kind, ClaimKind::Percent);
            if across && (years.is_empty() && (names.is_empty() || rate) || key.chars().count() < 6) {
                continue;
            }
            // Period context: the months, quarters and halves the sentence names (7月 vs 1-7月).
            periods.insert((c.doc, c.id), periods_named(sentence));
            groups.entry((key, c.kind.as_str().to_string(), unit, years, names)).or_default().push(c);
        }
    }
    // Figures by (doc, sentence): their subject keys and values, to tell parallel records
    // (水稻每亩保险金额1000元…保费50元。小麦每亩保险金额800元…保费36元。) from restatements.
    let mut by_sentence: BTreeMap<(usize, usize), Vec<(String, f64)>> = BTreeMap::new();
    for cs in graphs.iter().map(|g| &g.claims) {
        for c in cs.iter().filter(|c| c.value.is_finite()) {
            by_sentence.entry((c.doc, c.sentence)).or_default().push((subject_key(&c.subject), c.value));
        }
    }
    // The whole subject clause, figures inside it kept as words (乌镇景区7天接待游客 and
    // 西湖风景名胜区7天累计接待游客 share 天接待游客, but not their places): one must end the other.
    let full_key = |c: &Claim| subject_key(&c.subject.chars().map(|ch| if ch.is_ascii_digit() { '#' } else { ch }).collect::<String>());
    let same_thing = |a: &Claim, b: &Claim| {
        let (ka, kb) = (full_key(a), full_key(b));
        // A year the other leaves out or names otherwise (113年3月工业生产指数 vs 3月 or
        // 114年3月工业生产指数) is another period: an undated one is the document's own.
        (ka.ends_with(&kb) || kb.ends_with(&ka)) && years_named(&a.subject) == years_named(&b.subject)
    };
    // Two sentences that give another shared subject different values describe two things.
    let parallel = |a: &Claim, b: &Claim| {
        let (Some(fa), Some(fb)) = (by_sentence.get(&(a.doc, a.sentence)), by_sentence.get(&(b.doc, b.sentence))) else { return false };
        let own = subject_key(&a.subject);
        fa.iter().any(|(k, v)| k.chars().count() >= 2 && *k != own && fb.iter().any(|(k2, v2)| k2 == k && v2 != v))
    };
    // Two sentences naming different periods (7月 vs 1-7月) state two facts; one naming none
    // takes the document's period and may restate either.
    let same_period = |a: &Claim, b: &Claim| {
        let (pa, pb) = (&periods[&(a.doc, a.id)], &periods[&(b.doc, b.id)]);
        pa.is_empty() || pb.is_empty() || pa == pb
    };
    for ((_key, _, _, _, _), members) in groups {
        // Several figures of one subject inside one sentence are a list, not a restatement.
        let mut per_sentence: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for c in &members {
            *per_sentence.entry((c.doc, c.sentence)).or_insert(0) += 1;
        }
        let members: Vec<&Claim> = members.into_iter().filter(|c| per_sentence[&(c.doc, c.sentence)] == 1).collect();
        if across {
            // The first figure of each document against the first of the earlier documents.
            let mut firsts: Vec<&Claim> = Vec::new();
            for c in &members {
                if !firsts.iter().any(|f| f.doc == c.doc) {
                    firsts.push(c);
                }
            }
            for w in firsts.windows(2).filter(|w| !parallel(w[1], w[0]) && same_thing(w[1], w[0]) && same_period(w[1], w[0])) {
                out.push(pair(ri, w[1], w[0]));
            }
        } else {
            let mut by: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
            for c in members {
                by.entry(c.doc).or_default().push(c);
            }
            for cs in by.values() {
                // Within one paragraph two figures under one name are items of a list
                // (直达车…行车时间35分钟；普通车…行车时间52分钟), not a restatement.
                for w in cs.windows(2).filter(|w| !parallel(w[1], w[0]) && same_thing(w[1], w[0]) && same_period(w[1], w[0]) && w[1].line != w[0].line) {
                    out.push(pair(ri, w[1], w[0]));
                }
            }
        }
    }
}

pub fn pair(ri: usize, stated: &Claim, other: &Claim) -> Relation {
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(stated));
    roles.insert("other".into(), claim_role(other));
    Relation { rule: ri, doc: stated.doc, roles, left: None, note: stated.subject.clone() }
}
