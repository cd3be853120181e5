//! Structure of one document, read once: paragraphs (lines), sentences, clauses, headings,
//! bracketed asides and list blocks (a lead-in such as 其中 / 分产业看 / including and the items
//! that follow it). Every builder reads the document through this; none splits text itself.
//!
//! Input: the normalised text. Output: sorted, non-overlapping byte ranges per level, so the
//! unit holding a position is a binary search.
use super::lexicon::Lexicon;

/// Byte ranges of one document's units; each level is sorted and covers the text.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub paragraphs: Vec<(usize, usize)>,
    pub sentences: Vec<(usize, usize)>,
    /// Sentences as the rule patterns read them: a sentence opening with 其中 stays with the
    /// one before, whose figure it breaks down.
    pub spans: Vec<(usize, usize)>,
    pub clauses: Vec<(usize, usize)>,
    /// Paragraph indices that read as headings (short, no sentence end, no verb of change).
    pub headings: Vec<usize>,
    /// Bracketed asides （…） / (…): byte ranges, inner text.
    pub brackets: Vec<(usize, usize)>,
    /// List blocks: (lead-in sentence index, last item sentence index).
    pub lists: Vec<(usize, usize)>,
    /// Paragraph indices that are table rows: cells split by `|`, or two or more numeric cells
    /// split by runs of spaces after a label (大豆 7.0 -1.6).
    pub table_rows: Vec<usize>,
}

/// Whether a line is a table row (see `Segmentation::table_rows`).
fn is_table_row(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('|') && t.matches('|').count() >= 3 {
        return true;
    }
    let cells: Vec<&str> = t.split_whitespace().collect();
    let numeric = |c: &str| c.trim_start_matches(['-', '−', '+']).chars().next().is_some_and(|ch| ch.is_ascii_digit())
        && c.chars().all(|ch| ch.is_ascii_digit() || ".,-−+%".contains(ch));
    // A label, then only numeric cells to the end of the line.
    match cells.iter().position(|c| numeric(c)) {
        Some(k) if k >= 1 => cells.len() - k >= 2 && cells[k..].iter().all(|c| numeric(c)),
        _ => false,
    }
}

/// Marks that end a clause (a comma or stronger).
pub const CLAUSE_MARKS: [char; 13] = ['，', ',', '。', '；', ';', '\n', '：', ':', '!', '！', '?', '？', '、'];

fn is_sentence_end(text: &str, i: usize, c: char) -> bool {
    match c {
        '\n' | '。' | '！' | '？' | '!' | '?' | '；' => true,
        // An English full stop: followed by a space or the end (a decimal point never is).
        '.' => {
            let word = text[..i].rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
            matches!(text.as_bytes().get(i + 1), None | Some(b' ') | Some(b'\n')) && !crate::model::is_abbreviation(word)
        }
        ';' => true,
        _ => false,
    }
}

/// Split `text` into ranges ending after each char `ends` accepts.
fn split(text: &str, ends: impl Fn(usize, char) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if ends(i, c) {
            let e = i + c.len_utf8();
            out.push((start, e));
            start = e;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push((start, text.len()));
    }
    out
}

impl Segmentation {
    pub fn new(text: &str, lex: &Lexicon) -> Segmentation {
        let paragraphs = split(text, |_, c| c == '\n');
        let sentences = split(text, |i, c| is_sentence_end(text, i, c));
        let clauses = split(text, |i, c| {
            // A comma between digits groups thousands (1,234), it ends no clause.
            if c == ',' {
                let b = text.as_bytes();
                let digit = |j: Option<&u8>| j.is_some_and(|b| b.is_ascii_digit());
                return !(i > 0 && digit(b.get(i - 1)) && digit(b.get(i + 1)));
            }
            CLAUSE_MARKS.contains(&c) || is_sentence_end(text, i, c)
        });
        let headings = paragraphs
            .iter()
            .enumerate()
            .filter(|(_, &(s, e))| {
                let t = text[s..e].trim();
                let n = t.chars().count();
                n > 0 && n <= 30 && !t.contains(['。', '，', ',', '；']) && !t.ends_with('.')
            })
            .map(|(i, _)| i)
            .collect();
        let mut brackets = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for (i, c) in text.char_indices() {
            match c {
                '（' | '(' => open.push(i + c.len_utf8()),
                '）' | ')' => {
                    if let Some(s) = open.pop() {
                        brackets.push((s, i));
                    }
                }
                '\n' => open.clear(),
                _ => {}
            }
        }
        brackets.sort();
        let spans = crate::check::skeleton::units(text, crate::check::skeleton::Scope::Sentence);
        let table_rows = paragraphs.iter().enumerate().filter(|(_, &(s, e))| is_table_row(&text[s..e])).map(|(i, _)| i).collect();
        let mut seg = Segmentation { paragraphs, sentences, spans, clauses, headings, brackets, lists: Vec::new(), table_rows };
        seg.lists = seg.find_lists(text, lex);
        seg
    }

    fn find_lists(&self, text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
        // A lead-in sentence holds a list cue; its items run while sentences stay in the same
        // paragraph, or, for a cue ending its line (分产业看：), over the following lines that
        // are no heading.
        let mut out = Vec::new();
        for (si, &(s, e)) in self.sentences.iter().enumerate() {
            let sent = &text[s..e];
            let lower = sent.to_lowercase();
            if !lex.list_cues.iter().any(|w| lower.contains(w.as_str())) {
                continue;
            }
            let para = self.paragraph_of(s);
            let mut last = si;
            for (sj, &(s2, _)) in self.sentences.iter().enumerate().skip(si + 1) {
                let p2 = self.paragraph_of(s2);
                let same_para = p2 == para;
                let next_lines = p2 > para && p2 <= para + 8 && !self.headings.contains(&p2) && text[s..e].trim_end().ends_with(['：', ':']);
                if !(same_para || next_lines) {
                    break;
                }
                last = sj;
            }
            out.push((si, last));
        }
        out
    }

    fn index_of(ranges: &[(usize, usize)], pos: usize) -> usize {
        ranges.partition_point(|&(_, e)| e <= pos).min(ranges.len().saturating_sub(1))
    }
    pub fn paragraph_of(&self, pos: usize) -> usize {
        Self::index_of(&self.paragraphs, pos)
    }
    pub fn sentence_of(&self, pos: usize) -> usize {
        Self::index_of(&self.sentences, pos)
    }
    pub fn clause_of(&self, pos: usize) -> usize {
        Self::index_of(&self.clauses, pos)
    }
    /// The heading paragraph nearest before paragraph `p` (its own text when it is one).
    pub fn heading_before(&self, p: usize) -> Option<usize> {
        let i = self.headings.partition_point(|&h| h <= p);
        i.checked_sub(1).map(|i| self.headings[i])
    }
    /// Whether `pos` sits inside brackets.
    pub fn in_brackets(&self, pos: usize) -> bool {
        let i = self.brackets.partition_point(|&(s, _)| s <= pos);
        self.brackets[..i].iter().rev().take(4).any(|&(s, e)| s <= pos && pos < e)
    }
    /// Whether `pos` sits on a table row.
    pub fn in_table(&self, pos: usize) -> bool {
        self.table_rows.binary_search(&self.paragraph_of(pos)).is_ok()
    }
    /// The list block holding sentence `si` as an item (not its lead-in).
    pub fn list_of(&self, si: usize) -> Option<(usize, usize)> {
        self.lists.iter().rev().find(|&&(lead, last)| lead < si && si <= last).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_lists() {
        let lex = Lexicon::get();
        let t = "全年营业收入1,234亿元，增长5%。其中，境内收入800亿元。\n分地区看：\n华东300亿元。\n华南200亿元。\n二、其他\n";
        let seg = Segmentation::new(t, lex);
        assert_eq!(seg.paragraphs.len(), 5);
        // The thousands comma ends no clause.
        let c = seg.clause_of(t.find("234").unwrap());
        assert!(t[seg.clauses[c].0..seg.clauses[c].1].contains("1,234亿元"));
        let lead = seg.sentence_of(t.find("分地区看").unwrap());
        let south = seg.sentence_of(t.find("华南").unwrap());
        assert_eq!(seg.list_of(south).map(|l| l.0), Some(lead));
        let other = seg.sentence_of(t.find("其他").unwrap());
        assert_eq!(seg.list_of(other), None, "a heading ends the list");
        assert!(seg.table_rows.is_empty());
        assert!(seg.headings.contains(&seg.paragraph_of(t.find("其他").unwrap())));
        let t = "分品种看：\nSoybeans 7.0 -1.6\n| 警方 | 10,538 | 1,372 |\n全年增长5.2%，达到3.1 万吨。\nUp 3 to 5 percent\n";
        let seg = Segmentation::new(t, lex);
        assert_eq!(seg.table_rows, vec![1, 2], "prose with figures is no table row");
        assert!(seg.in_table(t.find("-1.6").unwrap()) && !seg.in_table(t.find("5.2").unwrap()));
    }
}
