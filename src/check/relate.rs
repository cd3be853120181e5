//! Relations: groups of claims a rule ties together, each claim bound to a role.
//!
//! Pattern rules find them on claim skeletons; builders find the ones a regex cannot
//! (formulas, ranges, calendars, repeated quantities, names carrying a size).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use regex::Regex;

use super::expr::Ast;
use super::rule::{Builder, Rule, Source};
use super::skeleton::{self, Scope};
use super::units::{claim_unit, parse_unit, split_count, Unit};
use super::Identifier;
use crate::ingest::Document;
use crate::model::{Approx, Claim, ClaimKind};

/// How a role's value is shown in messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Display {
    /// Divide a base-unit value by `scale`, then append `suffix`.
    Number { scale: f64, suffix: String },
    /// A day number (days since 1970-01-01) shown as an ISO date (`--MM-DD` without its year).
    Day { with_year: bool },
}

/// The claims bound to one role, as intervals in base units.
#[derive(Debug, Clone)]
pub struct RoleVal {
    pub claims: Vec<usize>,
    pub items: Vec<(f64, f64)>,
    /// How each item reads in the message (the claim's quote, or a number).
    pub texts: Vec<String>,
    pub units: Vec<Unit>,
    pub display: Display,
    /// Byte offset in the document of the role's first figure.
    pub pos: usize,
}

impl RoleVal {
    fn synthetic(value: f64, text: String, pos: usize) -> RoleVal {
        RoleVal {
            claims: Vec::new(),
            items: vec![(value, value)],
            texts: vec![text],
            units: vec![Unit::dimensionless(1.0)],
            display: Display::Number { scale: 1.0, suffix: String::new() },
            pos,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Relation {
    pub rule: usize,
    pub doc: usize,
    pub roles: BTreeMap<String, RoleVal>,
    /// Replaces the role `left` in the rule's expressions (formula builder): key and AST.
    pub left: Option<(String, Ast)>,
    /// Extra words for the message (`{note}`).
    pub note: String,
}

/// A claim's interval in base units and how to show it.
pub fn claim_role(c: &Claim) -> RoleVal {
    let mut unit = claim_unit(c.kind, &c.unit);
    if c.kind == ClaimKind::Date && c.date.as_deref().is_some_and(|d| d.starts_with("--")) {
        unit = Unit::symbol(1.0, "calendar_day_of_unknown_year");
    }
    let (lo, hi, display) = match c.kind {
        ClaimKind::Date => {
            let (lo, hi) = c.date.as_deref().and_then(date_days).unwrap_or((f64::NAN, f64::NAN));
            (lo, hi, Display::Day { with_year: !c.date.as_deref().is_some_and(|d| d.starts_with("--")) })
        }
        ClaimKind::Year => {
            // A year is a label, exact at its stated digits: 2018 to 2023 is 5 years, not 4..6.
            (c.value, c.value_high, Display::Number { scale: 1.0, suffix: String::new() })
        }
        _ => {
            let (lo, hi) = if c.lo.is_nan() || c.hi.is_nan() { (c.value, c.value_high) } else { (c.lo, c.hi) };
            // Fahrenheit is affine: read it in Celsius, the base of temperatures.
            let (lo, hi) = if c.unit == "F" { ((lo - 32.0) / 1.8, (hi - 32.0) / 1.8) } else { (lo, hi) };
            // A conventional conversion (words → tokens) widens the interval by its spread.
            let (lo, hi) = (lo * (1.0 - unit.spread), hi * (1.0 + unit.spread));
            let suffix = match c.kind {
                ClaimKind::Percent => "%".to_string(),
                ClaimKind::PercentPoint => " pp".to_string(),
                ClaimKind::Multiple => "x".to_string(),
                _ if c.unit.is_empty() => String::new(),
                _ if c.unit == "F" => " C".to_string(),
                _ => format!(" {}", c.unit),
            };
            (lo * unit.scale, hi * unit.scale, Display::Number { scale: unit.scale, suffix })
        }
    };
    RoleVal {
        claims: vec![c.id],
        items: vec![(lo, hi)],
        texts: vec![c.quote.clone()],
        units: vec![unit],
        display,
        pos: c.start,
    }
}

/// The base of a rate claim (`$60/1M token` → 1M tokens), exact; other claims as they are.
fn rate_base_role(c: &Claim) -> RoleVal {
    let mut rv = claim_role(c);
    let Some((_, den)) = c.unit.split_once('/') else { return rv };
    let (count, unit) = split_count(den);
    if unit.dims.is_empty() || den.contains('/') {
        return rv;
    }
    rv.items = vec![(count * unit.scale, count * unit.scale)];
    rv.display = Display::Number { scale: unit.scale, suffix: format!(" {}", den.trim_start_matches(|c: char| !c.is_alphabetic()).trim()) };
    rv.units = vec![unit];
    rv.texts = vec![den.trim().to_string()];
    rv
}

/// A role read in its written unit: the number as written, the unit's scale dropped.
fn as_written(rv: &mut RoleVal) {
    for (item, unit) in rv.items.iter_mut().zip(rv.units.iter_mut()) {
        // Undo the base-unit scale and the widening of a conventional conversion.
        *item = (item.0 / (unit.scale * (1.0 - unit.spread)), item.1 / (unit.scale * (1.0 + unit.spread)));
        unit.scale = 1.0;
        unit.spread = 0.0;
    }
    if let Display::Number { scale, .. } = &mut rv.display {
        *scale = 1.0;
    }
}

fn merge(mut a: RoleVal, b: RoleVal) -> RoleVal {
    a.claims.extend(b.claims);
    a.items.extend(b.items);
    a.texts.extend(b.texts);
    a.units.extend(b.units);
    a
}

/// All relations of the batch, deduplicated, in a deterministic order.
pub fn relations(docs: &[Document], claims: &[Claim], identifiers: &[Identifier], rules: &[Rule]) -> Vec<Relation> {
    let mut by_doc: Vec<Vec<&Claim>> = vec![Vec::new(); docs.len()];
    for c in claims {
        if c.doc < docs.len() && c.end <= docs[c.doc].text.len() && c.start <= c.end {
            by_doc[c.doc].push(c);
        }
    }
    // Claim ids are batch indices in the pipeline; look them up by id all the same.
    let by_id: HashMap<usize, &Claim> = claims.iter().map(|c| (c.id, c)).collect();
    let mut out = Vec::new();
    let mut skeleton_cache: HashMap<(usize, Scope), Vec<skeleton::Skeleton>> = HashMap::new();
    for (ri, rule) in rules.iter().enumerate() {
        match &rule.source {
            Source::Patterns { scope, patterns } => {
                for (di, doc) in docs.iter().enumerate() {
                    let sks = skeleton_cache
                        .entry((di, *scope))
                        .or_insert_with(|| skeleton::skeletons(di, &doc.text, &by_doc[di], *scope));
                    for sk in sks.iter() {
                        for (re, roles) in patterns {
                            for cap in re.captures_iter(&sk.text) {
                                if let Some(rel) = pattern_relation(ri, rule, di, &cap, roles, &by_id) {
                                    out.push(rel);
                                }
                            }
                        }
                    }
                }
            }
            Source::Builder(b) => build(ri, b, docs, &by_doc, claims, identifiers, &mut out),
        }
    }
    // One relation per rule and claim set; and one per finding kind and claim set, so two
    // rules describing one sentence do not report it twice.
    let mut seen: BTreeSet<(String, Vec<usize>, Vec<(String, Vec<usize>)>)> = BTreeSet::new();
    out.retain(|r| {
        let mut ids: Vec<usize> = r.roles.values().flat_map(|v| v.claims.iter().copied()).collect();
        ids.sort();
        ids.dedup();
        // Builders without claims (synthetic roles) are keyed by position as well.
        let posk: Vec<(String, Vec<usize>)> =
            r.roles.iter().map(|(k, v)| (k.clone(), vec![r.doc, v.pos])).collect();
        seen.insert((rules[r.rule].kind.clone(), ids, if r.roles.values().all(|v| !v.claims.is_empty()) { Vec::new() } else { posk }))
    });
    out
}

fn pattern_relation(
    ri: usize,
    rule: &Rule,
    doc: usize,
    cap: &regex::Captures,
    roles: &[skeleton::PatternRole],
    claims: &HashMap<usize, &Claim>,
) -> Option<Relation> {
    let mut map = BTreeMap::new();
    for r in roles {
        let Some(m) = cap.name(&r.name) else { continue };
        let ids = skeleton::placeholder_ids(m.as_str());
        let mut val: Option<RoleVal> = None;
        for id in ids {
            let c = *claims.get(&id)?;
            let mut rv = match rule.rate_base.contains(&r.name) {
                true => rate_base_role(c),
                false => claim_role(c),
            };
            if rule.as_written.contains(&r.name) {
                as_written(&mut rv);
            }
            val = Some(match val {
                None => rv,
                Some(v) => merge(v, rv),
            });
        }
        map.insert(r.name.clone(), val?);
    }
    // Every role the arithmetic reads must be bound (optional groups may be empty).
    let mut used = Vec::new();
    for (_, a) in &rule.expected {
        a.roles(&mut used);
    }
    rule.stated.1.roles(&mut used);
    if used.iter().any(|r| !map.contains_key(r)) {
        return None;
    }
    // Units that must agree (money of two currencies never combines). A bare count (28 million
    // after 2.8亿台) takes the unit of the others.
    let mut base: Option<String> = None;
    let bound = |r: &String| map.get(r).map(|v| v.claims.clone()).unwrap_or_default();
    let bare = |id: &usize| claims.get(id).is_some_and(|c| c.kind == ClaimKind::Count && c.unit.is_empty());
    let all_counts = rule.same_unit.iter().flat_map(bound).all(|id| claims.get(&id).is_some_and(|c| c.kind == ClaimKind::Count));
    // A share (18.4%) and a count (about 710 students) are both dimensionless, yet never one quantity.
    let share_like = |id: &usize| claims.get(id).is_some_and(|c| matches!(c.kind, ClaimKind::Percent | ClaimKind::PercentPoint | ClaimKind::Fraction | ClaimKind::Discount));
    let ids: Vec<usize> = rule.same_unit.iter().flat_map(bound).collect();
    if ids.iter().any(share_like) && !ids.iter().all(share_like) {
        return None;
    }
    for r in &rule.same_unit {
        if let Some(v) = map.get(r) {
            for (u, id) in v.units.iter().zip(&v.claims) {
                if all_counts && bare(id) {
                    continue;
                }
                let b = u.base();
                match &base {
                    None => base = Some(b),
                    Some(x) if *x != b => return None,
                    _ => {}
                }
            }
        }
    }
    // A conversion: the roles' written units differ.
    let mut written: Vec<&str> = Vec::new();
    for r in &rule.distinct_units {
        for id in map.get(r).map(|v| v.claims.as_slice()).unwrap_or_default() {
            let unit = claims.get(id).map(|c| c.unit.as_str()).unwrap_or_default();
            if written.contains(&unit) {
                return None;
            }
            written.push(unit);
        }
    }
    // A claim may fill only one role.
    let mut ids: Vec<usize> = map.values().flat_map(|v| v.claims.iter().copied()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    if ids.len() != n {
        return None;
    }
    Some(Relation { rule: ri, doc, roles: map, left: None, note: String::new() })
}

fn build(
    ri: usize,
    b: &Builder,
    docs: &[Document],
    by_doc: &[Vec<&Claim>],
    claims: &[Claim],
    identifiers: &[Identifier],
    out: &mut Vec<Relation>,
) {
    match b {
        Builder::RangeOrder => {
            for cs in by_doc {
                for c in cs {
                    // Vague numerals (几年, 数万) are ranges by convention, not written ranges.
                    if !c.is_range() || c.kind == ClaimKind::Date || c.approx == crate::model::Approx::Vague || !c.value.is_finite() || !c.value_high.is_finite() {
                        continue;
                    }
                    // Process nodes are listed from the older, larger one (28nm至14nm, 7nm-5nm).
                    if c.unit == "nm" {
                        continue;
                    }
                    // A subtraction written with a minus sign ((1600−200)×50%) is no range.
                    let after = docs[c.doc].text.get(c.end..).unwrap_or("").trim_start();
                    if c.quote.contains('−') || after.starts_with(['）', ')', '×', '*', '=', '＝', '÷']) {
                        continue;
                    }
                    let mut low = claim_role(c);
                    low.items = vec![(c.value, c.value)];
                    let mut high = low.clone();
                    high.items = vec![(c.value_high, c.value_high)];
                    let display = Display::Number { scale: 1.0, suffix: String::new() };
                    low.display = display.clone();
                    high.display = display;
                    low.texts = vec![crate::model::fmt_num(c.value)];
                    high.texts = vec![crate::model::fmt_num(c.value_high)];
                    let mut roles = BTreeMap::new();
                    roles.insert("low".into(), low);
                    roles.insert("high".into(), high);
                    out.push(Relation { rule: ri, doc: c.doc, roles, left: None, note: c.quote.clone() });
                }
            }
        }
        Builder::Formula { require_unit_factor } => {
            for (di, cs) in by_doc.iter().enumerate() {
                for f in cs.iter().filter(|c| c.kind == ClaimKind::Formula) {
                    if let Some(rel) = formula_relation(ri, di, &docs[di].text, f, cs, *require_unit_factor) {
                        out.push(rel);
                    }
                }
            }
        }
        Builder::Weekday => {
            for (di, cs) in by_doc.iter().enumerate() {
                for c in cs.iter().filter(|c| c.kind == ClaimKind::Date) {
                    // A date without its year (10月1日（星期三）) takes the year of the nearest
                    // earlier year or full date of the document, else its first one.
                    let year_of = |o: &&Claim| match o.kind {
                        ClaimKind::Year if o.value.fract() == 0.0 => Some(o.value as i64),
                        ClaimKind::Date => o.date.as_deref().filter(|d| !d.starts_with('-')).and_then(|d| d.split('-').next()?.parse().ok()),
                        _ => None,
                    };
                    // Only a full date written with its year (a dateline) fixes the year of the
                    // others; a bare year may be any year the text recalls (1991年以来最强).
                    let written_year = |o: &&&Claim| o.kind == ClaimKind::Date && o.date.as_deref().is_some_and(|d| d.len() >= 10 && o.quote.contains(&d[..4]));
                    // (A bare year on the date's own line counts: 2025年国庆…10月1日（星期三）.)
                    let same_line_year = |o: &&&Claim| o.kind == ClaimKind::Year && o.line == c.line;
                    let fixing = |o: &&&Claim| written_year(o) || same_line_year(o);
                    let dateline_years: Vec<i64> = cs.iter().filter(fixing).filter_map(|o| year_of(o)).collect();
                    let inferred = cs.iter().filter(|o| o.end <= c.start).filter(fixing).filter_map(|o| year_of(o)).last().or_else(|| dateline_years.first().copied());
                    // A full date written on the same line fixes the year outright (2025年10月1日
                    // （星期三）至10月8日（星期四）): no neighbouring year is considered then.
                    let fixed_here = cs.iter().any(|o| written_year(&o) && o.line == c.line && o.end <= c.start);
                    if let Some(rel) = weekday_relation(ri, di, &docs[di].text, c, inferred, if fixed_here { &[] } else { &dateline_years }, fixed_here) {
                        out.push(rel);
                    }
                }
            }
        }
        Builder::CalendarDate => {
            for (di, doc) in docs.iter().enumerate() {
                calendar_relations(ri, di, &doc.text, &by_doc[di], out);
            }
        }
        Builder::SameQuantity { across_documents, min_subject_chars } => {
            same_quantity(ri, docs, by_doc, *across_documents, *min_subject_chars, out);
        }
        Builder::Product => {
            for (di, doc) in docs.iter().enumerate() {
                products(ri, di, &doc.text, &by_doc[di], out);
            }
        }
        Builder::EventYear { across_documents } => {
            event_years(ri, docs, by_doc, *across_documents, out);
        }
        Builder::NamedShare { lines_before, multiples } => {
            for (di, doc) in docs.iter().enumerate() {
                super::named_share::named_share_relations(ri, di, &doc.text, &by_doc[di], *lines_before, *multiples, out);
            }
        }
        Builder::Transposed { min_digits } => {
            for (di, cs) in by_doc.iter().enumerate() {
                super::transposed::transposed_relations(ri, di, cs, *min_digits, out);
            }
        }
        Builder::TitleYear => {
            for (di, doc) in docs.iter().enumerate() {
                super::title::title_year_relations(ri, di, &doc.text, &by_doc[di], out);
            }
        }
        Builder::Blend(params) => {
            for (di, doc) in docs.iter().enumerate() {
                super::blend::blend_relations(ri, params, di, &doc.text, &by_doc[di], out);
            }
        }
        Builder::SentencePair(params) => {
            for (di, doc) in docs.iter().enumerate() {
                sentence_pairs(ri, params, di, &doc.text, &by_doc[di], out);
            }
        }
        Builder::NameSize { window } => {
            for id in identifiers {
                if let Some(rel) = name_size_relation(ri, id, docs, by_doc, claims, *window) {
                    out.push(rel);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------- sentence pairs

/// Words that make an amount the base of a change (the earlier figure).
const BASE_BEFORE: &[&str] = &[
    "上年", "去年", "同期", "年初", "上月", "上季", "前一年", "上一年", "较", "比上", "比去", "比前", "比19", "比20", "从", "由", "相比",
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

fn text_before(text: &str, end: usize, floor: usize, chars: usize) -> String {
    let start = text[floor.min(end)..end].char_indices().rev().nth(chars.saturating_sub(1)).map(|(i, _)| floor + i).unwrap_or(floor);
    text[start.min(end)..end].to_lowercase()
}

fn text_after(text: &str, start: usize, ceil: usize, chars: usize) -> String {
    let s = &text[start.min(ceil)..ceil];
    let end = s.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(s.len());
    s[..end].to_lowercase()
}

/// Relations of the `sentence_pair` builder in one document (see `Builder::SentencePair`).
fn sentence_pairs(ri: usize, p: &super::rule::PairParams, di: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
    use super::rule::PairMode;
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
        let keep = skeleton::outermost(&inner);
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
                || BASE_BEFORE.iter().any(|w| text_before(text, level.start, ss, 12).contains(w));
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
            BASE_BEFORE.iter().any(|w| text_before(text, c.start, ss, 14).contains(w))
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
            let before = text_before(text, c.start, prev_end_figure(c), 14);
            words.iter().any(|w| before.contains(w))
        };
        // The amount right after a "to" verb (涨到1.33亿元, rose to $5m) is the new level.
        let new_level = |c: &Claim| {
            let before = text_before(text, c.start, prev_end_figure(c), 6);
            let before = before.trim_end().trim_end_matches(['了', '约', '近', '逾', '为']);
            NEW_BEFORE.iter().any(|w| before.ends_with(w))
        };
        let base = |c: &Claim| {
            marked_before(c, BASE_BEFORE) || ["相比", "相较"].iter().any(|w| text_after(text, c.end, next_start(c), 3).contains(w)) || {
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

// ---------------------------------------------------------------------------- formulas

fn formula_relation(ri: usize, doc: usize, text: &str, f: &Claim, cs: &[&Claim], require_unit_factor: bool) -> Option<Relation> {
    // The parts: claims strictly inside the formula span, outermost first.
    let inner: Vec<&Claim> =
        cs.iter().copied().filter(|c| c.id != f.id && c.start >= f.start && c.end <= f.end && c.kind != ClaimKind::Formula).collect();
    let keep = skeleton::outermost(&inner);
    let mut parts: Vec<&Claim> = keep.iter().map(|&i| inner[i]).collect();
    parts.sort_by_key(|c| c.start);
    if parts.len() < 3 {
        return None;
    }
    // The text between parts must be exactly one operator each.
    let mut ops = Vec::new();
    for w in parts.windows(2) {
        let between: String = text.get(w[0].end..w[1].start)?.chars().filter(|c| !c.is_whitespace()).collect();
        let op = match between.as_str() {
            "×" | "*" | "x" | "X" | "·" | "✕" => '*',
            "÷" | "/" => '/',
            "+" => '+',
            "-" | "−" | "–" => '-',
            "=" | "≈" => '=',
            _ => return None,
        };
        ops.push(op);
    }
    // Exactly one `=`, before the last part: `a op b op c = result`.
    if ops.iter().filter(|&&o| o == '=').count() != 1 || *ops.last()? != '=' {
        return None;
    }
    let result = parts.last()?;
    let left_parts = &parts[..parts.len() - 1];
    let mut expr_text = "p1".to_string();
    for (i, op) in ops[..ops.len() - 1].iter().enumerate() {
        expr_text.push_str(&format!(" {op} p{}", i + 2));
    }
    let left_ast = super::expr::parse(&expr_text, &|_| false).ok()?;

    // Units: a bare number in the formula takes the unit of an equal figure elsewhere on the
    // line (`以0.87元/度估算 … ×0.87`).
    let line_start = text[..f.start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[f.end..].find('\n').map(|i| f.end + i).unwrap_or(text.len());
    let unit_of = |c: &Claim| -> Unit {
        let u = formula_unit(c);
        if !u.dims.is_empty() || u.scale != 1.0 || !(c.unit.is_empty() || c.unit == "x") {
            return u;
        }
        cs.iter()
            .filter(|o| o.id != c.id && o.start >= line_start && o.end <= line_end && (o.end <= f.start || o.start >= f.end))
            .find(|o| o.value == c.value && !o.unit.is_empty() && o.kind != ClaimKind::Formula)
            .map(|o| formula_unit(o))
            .unwrap_or(u)
    };
    let mut roles = BTreeMap::new();
    let mut left_unit = Unit::dimensionless(1.0);
    let mut products_only = true;
    for (i, c) in left_parts.iter().enumerate() {
        let mut rv = claim_role(c);
        // Formula parts are read as printed (the extractor already expanded 万/亿), units apart.
        // A whole number written out in a formula is exact (12 台, 8 袋), not 11.5..12.5.
        let whole_number = !c.quote.contains(['.', '万', '亿', '千', '百', '萬', '億']) && c.value.fract() == 0.0;
        rv.items = if whole_number {
            vec![(c.value, c.value_high)]
        } else {
            vec![(finite_or(c.lo, c.value), finite_or(c.hi, c.value_high))]
        };
        rv.display = Display::Number { scale: 1.0, suffix: String::new() };
        roles.insert(format!("p{}", i + 1), rv);
        let u = unit_of(c);
        let op = if i == 0 { '*' } else { ops[i - 1] };
        match op {
            '*' => left_unit = left_unit.mul(&u),
            '/' => left_unit = left_unit.mul(&u.inv()),
            _ => products_only = false,
        }
    }
    let right_unit = formula_unit(result);
    let dims_match = products_only && left_unit.dims == right_unit.dims;
    let factor = if dims_match { left_unit.scale / right_unit.scale } else { 1.0 };
    if require_unit_factor && (!dims_match || (factor - 1.0).abs() < 1e-9) {
        return None;
    }
    let mut res = claim_role(result);
    res.items = vec![(finite_or(result.lo, result.value), finite_or(result.hi, result.value_high))];
    res.display = Display::Number { scale: 1.0, suffix: String::new() };
    let mut fv = RoleVal::synthetic(factor, crate::model::fmt_num(factor), f.start);
    fv.claims = Vec::new();
    roles.insert("unit_factor".into(), fv);
    // `left` reads as the formula's left side in messages.
    let left_text = text.get(f.start..left_parts.last()?.end).unwrap_or("").to_string();
    let mut left = RoleVal::synthetic(f64::NAN, left_text, f.start);
    left.claims = left_parts.iter().map(|c| c.id).collect();
    roles.insert("left".into(), left);
    roles.insert("result".into(), res);
    // The formula as written, for rules that report the whole expression.
    let mut whole = RoleVal::synthetic(f64::NAN, f.quote.clone(), f.start);
    whole.claims = vec![f.id];
    roles.insert("formula".into(), whole);
    Some(Relation { rule: ri, doc, roles, left: Some((expr_text, left_ast)), note: f.quote.clone() })
}

fn finite_or(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else {
        x
    }
}

/// A formula part's unit: counts are plain numbers in arithmetic.
fn formula_unit(c: &Claim) -> Unit {
    match c.kind {
        ClaimKind::Count | ClaimKind::Other => Unit::dimensionless(1.0),
        _ => claim_unit(c.kind, &c.unit),
    }
}

// ---------------------------------------------------------------------------- calendars

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn days_in_month(y: Option<i64>, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match y {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Day interval of an ISO date (`2024-06-14`, `2024-06`, `2024`); yearless dates have none.
pub fn date_days(iso: &str) -> Option<(f64, f64)> {
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    match parts.as_slice() {
        [y, m, d] if !y.is_empty() => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(Some(y), m) {
                return None;
            }
            let x = days_from_civil(y, m, d) as f64;
            Some((x, x))
        }
        [y, m] => {
            let (y, m) = (num(y)?, num(m)?);
            if !(1..=12).contains(&m) {
                return None;
            }
            Some((days_from_civil(y, m, 1) as f64, days_from_civil(y, m, days_in_month(Some(y), m)) as f64))
        }
        [y] => {
            let y = num(y)?;
            Some((days_from_civil(y, 1, 1) as f64, days_from_civil(y, 12, 31) as f64))
        }
        // A date without its year (--07-17): a day of a leap year, comparable only with other
        // dates without a year (their unit says so, see `claim_role`).
        ["", "", m, d] => {
            let (m, d) = (num(m)?, num(d)?);
            if !(1..=12).contains(&m) || d < 1 || d > days_in_month(Some(2000), m) {
                return None;
            }
            let x = days_from_civil(2000, m, d) as f64;
            Some((x, x))
        }
        _ => None,
    }
}

const WEEKDAYS_EN: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAYS_ZH: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

fn weekday_relation(ri: usize, doc: usize, text: &str, c: &Claim, inferred_year: Option<i64>, doc_years: &[i64], year_fixed: bool) -> Option<Relation> {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let after = AFTER.get_or_init(|| {
        Regex::new(r"^[\s（(，,]{0,3}(?:(?:星期|礼拜|周)([一二三四五六日天])|(?i:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))")
            .expect("valid")
    });
    let before = BEFORE.get_or_init(|| {
        Regex::new(r"(?i:\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*)[\s,]{1,3}$").expect("valid")
    });
    let written_iso = c.date.as_deref()?;
    // A year the extractor filled in from context (5月20日 after 2024年初) is inferred too.
    let inferred = written_iso.starts_with("--") || written_iso.len() >= 4 && !c.quote.contains(&written_iso[..4]);
    // The month and day as `-MM-DD`, whichever way the year was (not) written.
    let month_day = if written_iso.starts_with("--") { &written_iso[1..] } else { written_iso.get(4..).unwrap_or("") };
    let iso = match (inferred, inferred_year) {
        (false, _) => written_iso.to_string(),
        (true, Some(y)) => format!("{y:04}{month_day}"),
        (true, None) => return None,
    };
    let iso = iso.as_str();
    let parts: Vec<i64> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    if parts.len() != 3 || iso.starts_with('-') {
        return None;
    }
    let (y, m, d) = (parts[0], parts[1], parts[2]);
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(Some(y), m) {
        return None;
    }
    let tail = text.get(c.end..(c.end + 40).min(text.len())).or_else(|| text.get(c.end..))?;
    let head_start = c.start.saturating_sub(16);
    let head = (head_start..c.start).find_map(|s| text.get(s..c.start)).unwrap_or("");
    let (stated, written, pos) = if let Some(m) = after.captures(tail) {
        let w = m.get(0)?.as_str().trim_start_matches(|ch: char| ch.is_whitespace() || "（(，,".contains(ch));
        let n = if let Some(z) = m.get(1) {
            let z = if z.as_str() == "天" { "日" } else { z.as_str() };
            WEEKDAYS_ZH.iter().position(|x| *x == z)? + 1
        } else {
            let e = m.get(2)?.as_str().to_lowercase();
            WEEKDAYS_EN.iter().position(|x| x.starts_with(&e))? + 1
        };
        (n, w.to_string(), c.end)
    } else if let Some(m) = before.captures(head) {
        let e = m.get(1)?.as_str().to_lowercase();
        let n = WEEKDAYS_EN.iter().position(|x| x.starts_with(&e))? + 1;
        (n, m.get(0)?.as_str().trim_end_matches([' ', ',']).to_string(), c.start.saturating_sub(m.get(0)?.len()))
    } else {
        return None;
    };
    // 1970-01-01 was a Thursday (4).
    let weekday = |y: i64| ((days_from_civil(y, m, d) % 7 + 7 + 3) % 7 + 1) as usize;
    let calendar = weekday(y);
    // An inferred year may be off by one (a date early in January, a report on last year):
    // a weekday that fits a neighbouring year is no evidence of an error.
    // Nor is one that fits any year the text names (a report on this year that also recalls
    // 1991's typhoon): only a weekday no named year allows is an error.
    let fits = |yy: i64| d <= days_in_month(Some(yy), m) && weekday(yy) == stated;
    if inferred && !year_fixed && calendar != stated && (fits(y - 1) || fits(y + 1) || doc_years.iter().any(|&yy| fits(yy) || fits(yy + 1))) {
        return None;
    }
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), RoleVal::synthetic(stated as f64, written.clone(), pos));
    let mut cal = RoleVal::synthetic(calendar as f64, format!("{iso} ({})", WEEKDAYS_EN[calendar - 1]), c.start);
    cal.claims = vec![c.id];
    roles.insert("calendar".into(), cal);
    let year_note = if inferred { " (the year taken from the text)" } else { "" };
    let note = format!("{iso} is a {}{year_note}, the text says {written}", capitalise(WEEKDAYS_EN[calendar - 1]));
    Some(Relation { rule: ri, doc, roles, left: None, note })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn calendar_relations(ri: usize, doc: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let re = DATE.get_or_init(|| {
        Regex::new(r"(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]|\b([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\b")
            .expect("valid")
    });
    for m in re.captures_iter(text) {
        let whole = m.get(0).expect("match");
        let num = |i: usize| m.get(i).and_then(|x| x.as_str().parse::<i64>().ok());
        let (y, mo, d) = if m.get(2).is_some() { (num(1), num(2), num(3)) } else { (num(4), num(5), num(6)) };
        let (Some(mo), Some(d)) = (mo, d) else { continue };
        // Only a day past 28 or a month past 12 can be impossible; other dates need no row.
        if d <= 28 && (1..=12).contains(&mo) {
            continue;
        }
        // A digit right before (`12025年`) is not this date.
        if text[..whole.start()].chars().next_back().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let md = days_in_month(y, mo);
        let mut day = RoleVal::synthetic(d as f64, whole.as_str().to_string(), whole.start());
        day.claims = cs
            .iter()
            .filter(|c| c.start < whole.end() && whole.start() < c.end && matches!(c.kind, ClaimKind::Date))
            .map(|c| c.id)
            .take(1)
            .collect();
        let mut roles = BTreeMap::new();
        roles.insert("day".into(), day);
        roles.insert("month_days".into(), RoleVal::synthetic(md as f64, md.to_string(), whole.start()));
        let note = if md == 0 {
            format!("month {mo} does not exist")
        } else {
            format!("month {mo} has {md} days")
        };
        out.push(Relation { rule: ri, doc, roles, left: None, note });
    }
}

// ---------------------------------------------------------------------------- same quantity

/// Words that make two figures of one subject different quantities by design (a change, a
/// comparison, a forecast): sentences holding them are left out of conflict checks.
const CONTRAST_WORDS: [&str; 36] = [
    "增长", "成长", "增加", "下降", "减少", "增至", "降至", "升至", "提高", "降低", "上涨", "下跌", "下滑", "同比", "环比", "较", "同期",
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

fn same_quantity(
    ri: usize,
    docs: &[Document],
    by_doc: &[Vec<&Claim>],
    across: bool,
    min_chars: usize,
    out: &mut Vec<Relation>,
) {
    // Candidates: (key, claim, year context).
    let mut groups: BTreeMap<(String, String, String, Vec<i64>, BTreeSet<String>), Vec<&Claim>> = BTreeMap::new();
    for (di, cs) in by_doc.iter().enumerate() {
        let text = &docs[di].text;
        // Sentences once per document (looked up by binary search per claim).
        let units = skeleton::units(text, Scope::Sentence);
        for c in cs {
            if matches!(
                c.kind,
                ClaimKind::Date | ClaimKind::Year | ClaimKind::Range | ClaimKind::Formula | ClaimKind::Multiple
                    | ClaimKind::Fraction | ClaimKind::Discount | ClaimKind::PercentPoint | ClaimKind::Other
            ) || c.approx == Approx::Vague
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
            groups.entry((key, c.kind.as_str().to_string(), unit, years, names)).or_default().push(c);
        }
    }
    // Figures by (doc, sentence): their subject keys and values, to tell parallel records
    // (水稻每亩保险金额1000元…保费50元。小麦每亩保险金额800元…保费36元。) from restatements.
    let mut by_sentence: BTreeMap<(usize, usize), Vec<(String, f64)>> = BTreeMap::new();
    for cs in by_doc {
        for c in cs.iter().filter(|c| c.value.is_finite()) {
            by_sentence.entry((c.doc, c.sentence)).or_default().push((subject_key(&c.subject), c.value));
        }
    }
    // The whole subject clause, figures inside it kept as words (乌镇景区7天接待游客 and
    // 西湖风景名胜区7天累计接待游客 share 天接待游客, but not their places): one must end the other.
    let full_key = |c: &Claim| subject_key(&c.subject.chars().map(|ch| if ch.is_ascii_digit() { '#' } else { ch }).collect::<String>());
    let same_thing = |a: &Claim, b: &Claim| {
        let (ka, kb) = (full_key(a), full_key(b));
        ka.ends_with(&kb) || kb.ends_with(&ka)
    };
    // Two sentences that give another shared subject different values describe two things.
    let parallel = |a: &Claim, b: &Claim| {
        let (Some(fa), Some(fb)) = (by_sentence.get(&(a.doc, a.sentence)), by_sentence.get(&(b.doc, b.sentence))) else { return false };
        let own = subject_key(&a.subject);
        fa.iter().any(|(k, v)| k.chars().count() >= 2 && *k != own && fb.iter().any(|(k2, v2)| k2 == k && v2 != v))
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
            for w in firsts.windows(2).filter(|w| !parallel(w[1], w[0]) && same_thing(w[1], w[0])) {
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
                for w in cs.windows(2).filter(|w| !parallel(w[1], w[0]) && same_thing(w[1], w[0]) && w[1].line != w[0].line) {
                    out.push(pair(ri, w[1], w[0]));
                }
            }
        }
    }
}

fn pair(ri: usize, stated: &Claim, other: &Claim) -> Relation {
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(stated));
    roles.insert("other".into(), claim_role(other));
    Relation { rule: ri, doc: stated.doc, roles, left: None, note: stated.subject.clone() }
}

// ---------------------------------------------------------------------------- products

/// Words that make a money figure a unit price, or a total.
const PRICE_CUES: &[&str] = &["单价", "售价", "均价", "价格", "定价", "每台", "每辆", "每件", "每张", "每人", "price", "priced at", "each", "apiece", " at $"];
const TOTAL_CUES: &[&str] = &["销售额", "营收", "收入", "总额", "总价", "金额", "成交额", "票房", "总计", "合计", "revenue", "sales of", "total of", "brought in", "bring in", "brings in", "worth", "generated", "raised"];

/// Relations of the `product` builder in one document (see `Builder::Product`).
fn products(ri: usize, di: usize, text: &str, cs: &[&Claim], out: &mut Vec<Relation>) {
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

// ---------------------------------------------------------------------------- event years

/// Words saying a named thing began at the year in its clause, in two classes: a thing that
/// appeared (引入, launched …) and an organisation that was founded (成立, founded …).
const ORIGIN_WORDS: &[(&str, &str)] = &[
    ("引入", "appeared"), ("提出", "appeared"), ("诞生", "appeared"), ("问世", "appeared"),
    ("首次发布", "appeared"), ("推出", "appeared"), ("首发", "appeared"), ("起点", "appeared"),
    ("发明", "appeared"), ("introduced", "appeared"), ("launched", "appeared"), ("unveiled", "appeared"),
    ("debuted", "appeared"), ("invented", "appeared"), ("成立", "founded"), ("创立", "founded"),
    ("创办", "founded"), ("founded", "founded"), ("established", "founded"),
];

/// The one ASCII name of a clause, with a model number right after it (iPhone 15, Model Y).
fn clause_entity(clause: &str) -> Option<String> {
    static NAME: OnceLock<Regex> = OnceLock::new();
    let re = NAME.get_or_init(|| {
        Regex::new(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: (?:[0-9]+[A-Za-z]*|[A-Z][A-Za-z]*))*").expect("valid")
    });
    let names: Vec<&str> = re
        .find_iter(clause)
        .map(|m| m.as_str())
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || w.chars().skip(1).any(|c| c.is_ascii_uppercase()))
        .filter(|w| w.len() >= 3)
        .collect();
    match names.as_slice() {
        [one] => Some(one.to_lowercase()),
        _ => None,
    }
}

/// Years at which a named thing began (see `Builder::EventYear`).
fn event_years(ri: usize, docs: &[Document], by_doc: &[Vec<&Claim>], across: bool, out: &mut Vec<Relation>) {
    let mut groups: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for (di, cs) in by_doc.iter().enumerate() {
        let text = &docs[di].text;
        for c in cs.iter().filter(|c| c.kind == ClaimKind::Year && c.value.fract() == 0.0) {
            let start = text[..c.start].rfind(['，', ',', '。', '；', ';', '：', ':', '\n', '！', '？']).map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
            let end = text[c.end..].find(['，', ',', '。', '；', ';', '：', ':', '\n', '！', '？']).map(|i| c.end + i).unwrap_or(text.len());
            let clause = &text[start..end];
            // One year and one origin word in the clause: the year of that event.
            let years = cs.iter().filter(|o| o.kind == ClaimKind::Year && o.start >= start && o.end <= end).count();
            let lower = clause.to_lowercase();
            let classes: BTreeSet<&str> = ORIGIN_WORDS.iter().filter(|(w, _)| lower.contains(w)).map(|(_, k)| *k).collect();
            if years != 1 || classes.len() != 1 {
                continue;
            }
            if let Some(name) = clause_entity(clause) {
                let class = classes.into_iter().next().unwrap_or_default();
                groups.entry(format!("{name} ({class})")).or_default().push(c);
            }
        }
    }
    let named = |ri: usize, a: &Claim, b: &Claim, name: &str| {
        let mut rel = pair(ri, a, b);
        rel.note = format!("the year of {name}");
        rel
    };
    for (name, members) in &groups {
        if across {
            let mut firsts: Vec<&Claim> = Vec::new();
            for c in members {
                if !firsts.iter().any(|f| f.doc == c.doc) {
                    firsts.push(c);
                }
            }
            for w in firsts.windows(2) {
                out.push(named(ri, w[1], w[0], name));
            }
        } else {
            for w in members.windows(2).filter(|w| w[0].doc == w[1].doc) {
                out.push(named(ri, w[1], w[0], name));
            }
        }
    }
}

// ---------------------------------------------------------------------------- names

/// The size a model name carries: `65B` → [64.5e9, 65.5e9]; `8x7B` (mixture of experts,
/// which share layers) → [0.5 × 8 × 6.5e9, 8 × 7.5e9].
pub fn name_size(name: &str) -> Option<(f64, f64)> {
    static SIZE: OnceLock<Regex> = OnceLock::new();
    let re = SIZE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9A-Za-z.])(?:([0-9]{1,3})\s*[x×]\s*)?([0-9]{1,4}(?:\.[0-9]+)?)\s*([BMTK])(?:$|[^A-Za-z0-9])")
            .expect("valid")
    });
    let m = re.captures_iter(name).last()?;
    let size: f64 = m[2].parse().ok()?;
    let decimals = m[2].split('.').nth(1).map(|d| d.len() as i32).unwrap_or(0);
    let half = 0.5 * 10f64.powi(-decimals);
    let scale = match &m[3] {
        "K" => 1e3,
        "M" => 1e6,
        "B" => 1e9,
        "T" => 1e12,
        _ => return None,
    };
    match m.get(1).and_then(|n| n.as_str().parse::<f64>().ok()) {
        Some(n) => Some((0.5 * n * (size - half) * scale, n * (size + half) * scale)),
        None => Some(((size - half) * scale, (size + half) * scale)),
    }
}

fn name_size_relation(
    ri: usize,
    id: &Identifier,
    docs: &[Document],
    by_doc: &[Vec<&Claim>],
    _claims: &[Claim],
    window: usize,
) -> Option<Relation> {
    let text = &docs.get(id.doc)?.text;
    let (lo, hi) = name_size(&id.text)?;
    // The nearest parameter figure after the name, within `window` chars, same sentence.
    let after = text.get(id.end..)?;
    let limit = after.char_indices().nth(window).map(|(i, _)| id.end + i).unwrap_or(text.len());
    // The sentence ends at the next sentence mark (a local search: names can be many).
    let sentence_end = after.find(['。', '！', '？', '!', '?', '；', ';', '\n']).map(|i| id.end + i).unwrap_or(text.len());
    let c = by_doc
        .get(id.doc)?
        .iter()
        .filter(|c| c.kind == ClaimKind::Params && c.start >= id.end && c.start < limit.min(sentence_end))
        .min_by_key(|c| c.start)?;
    let mut roles = BTreeMap::new();
    roles.insert("stated".into(), claim_role(c));
    let mut name = RoleVal::synthetic(lo, id.text.clone(), id.start);
    name.items = vec![(lo, hi)];
    name.units = vec![parse_unit("params")];
    roles.insert("name".into(), name);
    Some(Relation { rule: ri, doc: id.doc, roles, left: None, note: id.text.clone() })
}
