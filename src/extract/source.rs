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
            // 《报告》指出; 国家统计局数据显示; 一位员工透露
            r"(?:^|[，,。；：:\s])(?P<src>[^，,。；：:“”\s]{2,30}?)(?:发布的|公布的|最新)?(?:数据|报告|统计|研究|调查|报道)?(?:显示|指出|表明|透露|披露|称|表示|预计|预测|估计|估算|认为|发现|介绍|报道|宣布|公布)",
            r"(?i:according to|cited by|citing)\s+(?P<src>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*)*)",
            r"(?P<src>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?:said|says|reported|reports|estimates|estimated|found|forecasts|predicts|data show|figures show)",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("source pattern"))
        .collect()
    })
}

/// Words that introduce a clause but are no source.
const NOT_SOURCES: &[&str] = &["这", "那", "我们", "它", "其", "他", "她", "这也", "结果", "研究", "数据", "报告", "这些", "有人", "不少人", "业内", "分析", "调查", "The", "It", "This", "He", "She", "They", "We"];

/// One optional source per sentence.
pub fn sentence_sources(chars: &[char], sentences: &[(usize, usize)]) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut carried: Option<String> = None;
    for &(s, e) in sentences {
        let text: String = chars[s..e].iter().collect();
        let found = find_source(&text);
        if found.is_some() {
            carried = found.clone();
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
            return Some(src.to_string());
        }
    }
    None
}
