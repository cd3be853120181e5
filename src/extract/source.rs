//! Attribution: who a sentence cites for its figures (据IDC, 国家统计局数据显示, according to
//! Reuters). A source carries over to the following sentences of the same line, which
//! usually continue the reported passage, until another source is named.

use regex::Regex;
use std::sync::OnceLock;

fn patterns() -> &'static [Regex] {
    static P: OnceLock<Vec<Regex>> = OnceLock::new();
    P.get_or_init(|| {
        [
            // 据IDC数据, 据国家统计局统计, 据《XX报告》
            r"据(?:了解|悉)?[，,]?(?P<src>[^，,。；：:“”]{2,30}?)(?:的|发布的|公布的)?(?:最新)?(?:数据|统计|报道|报告|调查|测算|估计|估算|预测|显示|介绍|透露|消息|称|表示|分析|研究|监测)",
            // 按英伟达的说法; 智东西收集的数据
            r"按(?:照)?(?P<src>[^，,。；：:“”\s]{2,20}?)的说法",
            r"(?P<src>[^，,。；：:“”\s]{2,20}?)(?:收集|整理|统计|发布|公布|提供)的(?:数据|统计)",
            // 《报告》指出; 国家统计局数据显示; 一位员工透露
            r"(?:^|[，,。；：:\s])(?P<src>[^，,。；：:“”\s]{2,30}?)(?:发布的|公布的|最新)?(?:数据|报告|统计|研究|调查|报道)?(?:显示|指出|表明|透露|披露|称|表示|预计|预测|认为|发现|介绍|报道|提出|提到)(?:[^为在达将]|$)",
            r"(?i:according to|cited by|citing)\s+(?P<src>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*)*)",
            r"(?P<src>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?:said|says|reported|reports|estimates|estimated|found|forecasts|predicts|data show|figures show)",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("source pattern"))
        .collect()
    })
}

/// Words that introduce a clause but are no source.
const NOT_SOURCES: &[&str] = &["其实", "实际上", "事实上", "笔者", "作者", "记者", "本文", "小编", "有业内人士", "业内人士", "有人", "这", "那", "我们", "它", "其", "他", "她", "这也", "结果", "研究", "数据", "报告", "这些", "有人", "不少人", "业内", "分析", "调查", "The", "It", "This", "He", "She", "They", "We"];

/// How many sentences after the one naming it a source still covers.
const MAX_CARRY: usize = 6;

/// One optional source per sentence.
pub fn sentence_sources(chars: &[char], sentences: &[(usize, usize)]) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut carried: Option<String> = None;
    let mut carried_for = 0;
    // The latest named report: a later bare 报告显示 / the report says refers to it.
    let mut report: Option<String> = None;
    for &(s, e) in sentences {
        let text: String = chars[s..e].iter().collect();
        let mut found = find_source(&text);
        if let Some(f) = &found {
            if f.contains('《') || f.ends_with("报告") {
                report = Some(f.clone());
            }
        } else if let Some(t) = published_report(&text) {
            report = Some(t);
        } else if bare_report_reference(&text) {
            found = report.clone();
        }
        if found.is_some() {
            carried = found.clone();
            carried_for = 0;
        } else {
            carried_for += 1;
        }
        // A reported passage runs on for a few sentences of its paragraph, not for ever
        // (scraped text may have no line breaks at all).
        if carried_for > MAX_CARRY {
            carried = None;
        }
        out.push(found.or_else(|| carried.clone()));
        if text.ends_with('\n') {
            carried = None;
        }
    }
    out
}

fn find_source(sentence: &str) -> Option<String> {
    for p in patterns() {
        if let Some(c) = p.captures(sentence) {
            let src = c.name("src")?.as_str().trim();
            let src = src.trim_start_matches(['“', '"', '(', '（']).trim();
            if src.chars().count() < 2 || NOT_SOURCES.iter().any(|w| src == *w || src.starts_with(w) && src.chars().count() <= 2) {
                continue;
            }
            if src.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            return Some(clean_source(src));
        }
    }
    None
}

/// Drop discourse words around a source name (此前就有海外博主 → 海外博主, 研究院的 → 研究院).
fn clean_source(src: &str) -> String {
    let mut s = src;
    for lead in ["此前就有", "此前", "反而是", "而是", "但是", "然而", "此外", "同时", "另外", "其中", "也有", "还有", "就有", "有"] {
        if let Some(rest) = s.strip_prefix(lead) {
            if rest.chars().count() >= 2 {
                s = rest;
            }
        }
    }
    let s = s.trim_end_matches(['的', '在', '曾', '也', '还', '则', '就', '都', '已', '又']);
    s.to_string()
}

/// `X发布《Y报告》`: a report introduced by its publisher.
fn published_report(sentence: &str) -> Option<String> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"(?P<src>[^，,。；：:“”\s]{2,12}?)(?:联合(?P<co>[^，,。；《]{2,10}?))?(?:正式)?发布(?:了)?(?P<title>《[^》]{2,40}》)").expect("report pattern")
    });
    let c = p.captures(sentence)?;
    let mut out = clean_source(c.name("src")?.as_str());
    if let Some(co) = c.name("co") {
        out.push('/');
        out.push_str(co.as_str());
    }
    out.push_str(c.name("title")?.as_str());
    Some(out)
}

/// A sentence that cites "the report" without naming it.
fn bare_report_reference(sentence: &str) -> bool {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"(?:^|[，,。；\s])(?:该|这份|此|上述)?报告(?:显示|认为|指出|提出|提到|称|表示|预计|发现|梳理)|(?i:the report (?:says|said|found|shows|estimates))").expect("report ref")
    });
    p.is_match(sentence)
}
