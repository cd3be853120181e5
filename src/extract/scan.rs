//! The numeral scanner (see the module docs of `extract`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::lexicon::*;
use super::numeral::{self, Numeral};
use super::source;
use crate::ingest::Document;
use crate::model::{Approx, Claim, ClaimKind};

/// Word segmentation, built once per process (jieba's dictionary load costs ~90 ms).
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    pub fn shared() -> &'static Segmenter {
        static SEG: OnceLock<Segmenter> = OnceLock::new();
        SEG.get_or_init(|| Segmenter { jieba: Jieba::new() })
    }

    /// Char ranges of the words of `chars` (as a string).
    pub fn words(&self, s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for w in self.jieba.cut(s, false) {
            let n = w.word.chars().count();
            out.push((pos, pos + n));
            pos += n;
        }
        out
    }
}

/// A claim before it is placed in the document (char offsets).
#[derive(Debug, Clone)]
struct Raw {
    s: usize,
    e: usize,
    kind: ClaimKind,
    value: f64,
    high: f64,
    unit: String,
    approx: Approx,
    step: f64,
    sig: u32,
    date: Option<String>,
}

enum Outcome {
    Claim(Raw),
    /// Not a claim; resume scanning at this char index.
    Skip(usize),
}

struct Scan<'a> {
    chars: Vec<char>,
    seg: &'a Segmenter,
    /// Sentence index of each char and the char range of each sentence.
    sent_of: Vec<usize>,
    sentences: Vec<(usize, usize)>,
    words: RefCell<HashMap<usize, Vec<(usize, usize)>>>,
    /// Char indices whose digit run was written with thousands separators in the original
    /// (1,050,000,000): a grouped figure is a quantity, never a code.
    grouped: Vec<bool>,
}

pub(crate) fn extract_with(doc: &Document, doc_index: usize, first_id: usize, seg: &Segmenter) -> Vec<Claim> {
    let text = &doc.text;
    // Spaces between two CJK chars carry no meaning in Chinese (PDF justification, OCR):
    // the scanner reads the text without them (百 分 之 五 is 百分之五), and `starts`/`ends`
    // map each kept char back to its bytes in `text`.
    let all: Vec<(usize, char)> = text.char_indices().collect();
    let mut chars = Vec::with_capacity(all.len());
    let mut starts = Vec::with_capacity(all.len() + 1);
    let mut ends = Vec::with_capacity(all.len() + 1);
    for (k, &(b, c)) in all.iter().enumerate() {
        if c == ' ' && chars.last().map_or(false, |&p| is_cjk(p)) {
            let next = all[k..].iter().map(|&(_, c)| c).find(|&c| c != ' ');
            if next.map_or(false, is_cjk) {
                continue;
            }
        }
        chars.push(c);
        starts.push(b);
        ends.push(b + c.len_utf8());
    }
    starts.push(text.len());
    let (sentences, sent_of) = split_sentences(&chars);
    // Digits whose original span shows a separator dropped by ingest (1,234 → 1234).
    let grouped: Vec<bool> = (0..chars.len())
        .map(|k| {
            chars[k].is_ascii_digit()
                && k + 1 < chars.len()
                && chars[k + 1].is_ascii_digit()
                && doc.quote(starts[k]..ends[k + 1]).chars().any(|c| matches!(c, ',' | '，' | '\''))
        })
        .collect();
    let scan = Scan { chars, seg, sent_of, sentences, words: RefCell::new(HashMap::new()), grouped };
    let mut raws = scan.run();
    scan.add_formulas(&mut raws);
    raws.sort_by_key(|r| (r.s, std::cmp::Reverse(r.e)));
    scan.infer_years(&mut raws);
    scan.share_rate_units(&mut raws);
    scan.share_list_units(&mut raws);

    let sources = source::sentence_sources(&scan.chars, &scan.sentences);
    raws.into_iter()
        .enumerate()
        .map(|(k, r)| {
            let start = starts[r.s];
            let end = if r.e > r.s { ends[r.e - 1] } else { start };
            let orig = doc.original_range(start..end);
            let (line, col) = doc.line_col(start);
            let sentence = scan.sent_of.get(r.s).copied().unwrap_or(0);
            let (lo, hi) = interval(&r);
            Claim {
                id: first_id + k,
                doc: doc_index,
                sentence,
                start,
                end,
                line,
                col,
                quote: doc.original[orig].to_string(),
                kind: r.kind,
                value: r.value,
                value_high: r.high,
                date: r.date.clone(),
                unit: r.unit.clone(),
                approx: r.approx,
                sig_digits: r.sig,
                lo,
                hi,
                source: sources.get(sentence).cloned().flatten(),
                subject: scan.subject(r.s),
            }
        })
        .collect()
}

/// The interval a stated figure stands for, from its written precision and its hedge.
fn interval(r: &Raw) -> (f64, f64) {
    if r.date.is_some() || r.value.is_nan() {
        return (r.value, r.high);
    }
    let half = r.step / 2.0;
    let (v, h) = (r.value, r.high);
    // A figure written with a magnitude word and one or two digits (1万亿, 2万) is rounded,
    // but not by half its size: cap its band at 5 %.
    let half = if r.step >= 1000.0 && r.step / v.abs().max(1e-300) > 0.1 { half.min(0.05 * v.abs()) } else { half };
    // Whole counts and amounts written out in full (412件, 31 points, 1836元) are exact: a
    // list of them must add up exactly, with no rounding slack per part.
    let whole = r.step == 1.0 && v.fract() == 0.0 && h.fract() == 0.0 && matches!(r.kind, ClaimKind::Count | ClaimKind::Money | ClaimKind::PricePerUnit);
    let half = if whole { 0.0 } else { half };
    match r.approx {
        Approx::Exact => (v - half, h + half),
        Approx::About => {
            // 约 admits a rounding of one unit of the last written digit, or 5 %.
            let band = (0.05 * h.abs()).max(half * 2.0);
            (v - band, h + band)
        }
        Approx::Over => (v, f64::INFINITY),
        Approx::AtLeast => (v, f64::INFINITY),
        Approx::AtMost => (f64::NEG_INFINITY.max(if v >= 0.0 { 0.0 } else { f64::NEG_INFINITY }), h + half),
        Approx::Under => (if v >= 0.0 { (v * 0.8).min(v - half) } else { f64::NEG_INFINITY }, h),
        Approx::Vague => {
            if h > v {
                (v, h)
            } else {
                (v, v * 10.0)
            }
        }
    }
}

const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '；', ';', '\n'];

/// The ASCII letters right before char `i`.
fn word_before(chars: &[char], i: usize) -> String {
    let start = chars[..i].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |p| p + 1);
    chars[start..i].iter().collect()
}

fn split_sentences(chars: &[char]) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut sentences = Vec::new();
    let mut sent_of = vec![0; chars.len() + 1];
    let mut start = 0;
    for i in 0..chars.len() {
        sent_of[i] = sentences.len();
        let c = chars[i];
        // After a digit it is a stop too (a decimal point is never followed by a space), except
        // for a list marker at the start of a line (1. …).
        let list_marker = i > 0 && chars[i - 1].is_ascii_digit() && {
            let run = chars[..i].iter().rposition(|c| !c.is_ascii_digit()).map_or(0, |p| p + 1);
            run == 0 || chars[run - 1] == '\n'
        };
        let english_stop = c == '.'
            && i > 0
            && !list_marker
            && chars.get(i + 1).map_or(true, |n| *n == ' ' || *n == '\n')
            && !crate::model::is_abbreviation(&word_before(chars, i));
        if SENTENCE_ENDS.contains(&c) || english_stop {
            sentences.push((start, i + 1));
            start = i + 1;
        }
    }
    sent_of[chars.len()] = sentences.len();
    if start < chars.len() || sentences.is_empty() {
        sentences.push((start, chars.len()));
    }
    (sentences, sent_of)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn starts_cn_numeral(c: char) -> bool {
    numeral::is_chinese_numeral_char(c) && !matches!(c, '点' | '點')
}

impl<'a> Scan<'a> {
    fn at(&self, i: usize, s: &str) -> bool {
        let mut k = i;
        for c in s.chars() {
            if self.chars.get(k) != Some(&c) {
                return false;
            }
            k += 1;
        }
        true
    }

    fn ch(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    fn before(&self, i: usize) -> char {
        if i == 0 { '\0' } else { self.chars[i - 1] }
    }

    /// Past the spaces at `i` (justified or OCR'd text pads a figure from its unit: `2.4   个百分点`).
    fn skip_space(&self, mut i: usize) -> usize {
        while self.ch(i) == ' ' {
            i += 1;
        }
        i
    }

    fn text(&self, s: usize, e: usize) -> String {
        self.chars[s..e.min(self.chars.len())].iter().collect()
    }

    /// Longest unit at `i`; Latin units need a word boundary after them.
    fn unit_at(&self, i: usize) -> Option<(usize, &'static UnitEntry)> {
        let mut best: Option<(usize, &'static UnitEntry)> = None;
        for entry in UNITS {
            let n = entry.0.chars().count();
            if best.map_or(false, |(m, _)| m >= n) || !self.at(i, entry.0) {
                continue;
            }
            let last = entry.0.chars().last().unwrap();
            if last.is_ascii_alphabetic() && is_latin(self.ch(i + n)) {
                continue;
            }
            if entry.0.chars().next().unwrap().is_ascii_alphabetic() && entry.0.len() <= 2 && self.ch(i + n).is_ascii_digit() {
                continue;
            }
            // `5m users`: a lone m before an English word is the news writers' million.
            if entry.0 == "m" && self.ch(i + 1) == ' ' && is_latin(self.ch(i + 2)) {
                continue;
            }
            best = Some((n, entry));
        }
        best
    }

    /// The jieba word covering char `i`, as absolute char range. Each sentence is cut once;
    /// words are found by binary search (sentences can be long).
    fn word_at(&self, i: usize) -> (usize, usize) {
        let si = self.sent_of.get(i).copied().unwrap_or(0).min(self.sentences.len().saturating_sub(1));
        let (s, e) = self.sentences[si];
        let mut cache = self.words.borrow_mut();
        let words = cache.entry(si).or_insert_with(|| self.seg.words(&self.text(s, e)));
        let k = words.partition_point(|&(_, b)| s + b <= i);
        match words.get(k) {
            Some(&(a, b)) if s + a <= i && i < s + b => (s + a, s + b),
            _ => (i, i + 1),
        }
    }

    fn run(&self) -> Vec<Raw> {
        let mut out = Vec::new();
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            let c = self.chars[i];
            // Web addresses hold digits that state nothing (ids, escapes like %20).
            if (c == 'h' && (self.at(i, "http://") || self.at(i, "https://"))) || (c == 'w' && self.at(i, "www.") && !is_latin(self.before(i))) {
                while i < n && !self.chars[i].is_whitespace() && !is_cjk(self.chars[i]) && !matches!(self.chars[i], '，' | '。' | '）' | '」') {
                    i += 1;
                }
                continue;
            }
            // 打对折: half price.
            if c == '对' && self.ch(i + 1) == '折' && self.before(i) == '打' {
                out.push(Raw { s: i, e: i + 2, kind: ClaimKind::Discount, value: 0.5, high: 0.5, unit: "share".into(), approx: Approx::Exact, step: 0.01, sig: 1, date: None });
                i += 2;
                continue;
            }
            let candidate = c.is_ascii_digit()
                || starts_cn_numeral(c)
                || c == '半'
                || (is_latin(c) && !is_latin(self.before(i)));
            if !candidate {
                i += 1;
                continue;
            }
            let outcome = if c.is_ascii_digit() {
                self.arabic(i)
            } else if is_latin(c) {
                self.english_word(i)
            } else {
                self.chinese(i)
            };
            match outcome {
                Some(Outcome::Claim(raw)) => {
                    i = raw.e.max(i + 1);
                    out.push(raw);
                }
                Some(Outcome::Skip(e)) => i = e.max(i + 1),
                None => i += 1,
            }
        }
        out
    }

    /// Skip a run of letters, digits and joiners (a model name, a code).
    fn skip_token(&self, mut i: usize) -> usize {
        while i < self.chars.len() {
            let c = self.chars[i];
            if c.is_ascii_alphanumeric() || ((c == '-' || c == '.' || c == '_' || c == '/') && self.ch(i + 1).is_ascii_alphanumeric()) {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    fn at_line_start(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            let c = self.chars[k - 1];
            if c == '\n' {
                return true;
            }
            if !(c == ' ' || c == '-' || c == '*' || c == '#' || c == '\t' || c == '•') {
                return false;
            }
            k -= 1;
        }
        true
    }

    /// A time written in parts, read as one duration in seconds: 2小时26分18秒, 3分05秒, and a
    /// race time 2:09:27 (one-digit hours; 08:30:00 and 14:30 are times of day).
    fn compound_duration(&self, i: usize) -> Option<Raw> {
        let int_at = |k: usize| -> Option<(f64, usize)> {
            let mut e = k;
            while self.ch(e).is_ascii_digit() {
                e += 1;
            }
            (e > k && e - k <= 3).then(|| self.text(k, e).parse().ok().map(|v| (v, e))).flatten()
        };
        let raw = |e: usize, seconds: f64| Raw { s: i, e, kind: ClaimKind::Duration, value: seconds, high: seconds, unit: "s".into(), approx: Approx::Exact, step: 1.0, sig: 0, date: None };
        let (first, e1) = int_at(i)?;
        // H小时M分(S秒)
        if self.at(e1, "小时") {
            let (m, e2) = int_at(e1 + 2)?;
            if self.ch(e2) != '分' {
                return None;
            }
            let e2 = if self.ch(e2 + 1) == '钟' { e2 + 2 } else { e2 + 1 };
            return match int_at(e2) {
                Some((sec, e3)) if self.ch(e3) == '秒' => Some(raw(e3 + 1, first * 3600.0 + m * 60.0 + sec)),
                _ => Some(raw(e2, first * 3600.0 + m * 60.0)),
            };
        }
        // M分S秒
        if self.ch(e1) == '分' && self.ch(e1 + 1).is_ascii_digit() {
            let (sec, e2) = int_at(e1 + 1)?;
            return (self.ch(e2) == '秒' && sec < 60.0).then(|| raw(e2 + 1, first * 60.0 + sec));
        }
        // H:MM:SS with a one-digit hour, not inside a longer run of digits and colons.
        if e1 == i + 1 && self.ch(e1) == ':' && !matches!(self.before(i), ':' | '0'..='9') {
            let (m, e2) = int_at(e1 + 1)?;
            let (sec, e3) = if self.ch(e2) == ':' { int_at(e2 + 1)? } else { return None };
            if e2 - e1 == 3 && e3 - e2 == 3 && m < 60.0 && sec < 60.0 && !matches!(self.ch(e3), ':' | '0'..='9') {
                return Some(raw(e3, first * 3600.0 + m * 60.0 + sec));
            }
        }
        None
    }

    fn read_digits(&self, i: usize) -> usize {
        let mut k = i;
        while self.ch(k).is_ascii_digit() {
            k += 1;
        }
        if self.ch(k) == '.' && self.ch(k + 1).is_ascii_digit() {
            k += 1;
            while self.ch(k).is_ascii_digit() {
                k += 1;
            }
        }
        k
    }

    fn arabic(&self, i: usize) -> Option<Outcome> {
        let prev = self.before(i);
        // A numeral glued to Latin letters or inside a name (GPT-4, H100, Llama-2-70B, c6i).
        if is_latin(prev) || (prev == '-' && is_latin(self.before(i - 1))) || prev == '_' {
            let mut s = i;
            while s > 0 && is_latin(self.chars[s - 1]) {
                s -= 1;
            }
            let word = self.text(s, i).to_lowercase();
            if word == "top" {
                let e = self.read_digits(i);
                let v = self.text(i, e).parse().ok()?;
                return Some(Outcome::Claim(Raw { s, e, kind: ClaimKind::Count, value: v, high: v, unit: "rank".into(), approx: Approx::Exact, step: 1.0, sig: 1, date: None }));
            }
            if word == "fy" {
                let e = self.read_digits(i);
                if e - i == 4 {
                    let v: f64 = self.text(i, e).parse().ok()?;
                    return Some(Outcome::Claim(year_raw(s, e, v)));
                }
            }
            return Some(Outcome::Skip(self.skip_token(i)));
        }
        if prev == '.' && self.before(i - 1).is_ascii_digit() {
            return Some(Outcome::Skip(self.skip_token(i)));
        }
        // The exponent of `x^2` is no quantity of its own.
        if prev == '^' {
            return Some(Outcome::Skip(self.read_digits(i)));
        }
        // `.5`, `-.5`: a decimal written without its leading zero, where the dot stands at the
        // start of a line or after a space, a sign or an opening bracket (not `file.5`).
        if prev == '.' && (i == 1 || matches!(self.chars[i - 2], ' ' | '\n' | '-' | '+' | '(' | '（')) {
            return self.leading_dot_decimal(i);
        }
        if let Some(raw) = self.compound_duration(i) {
            return Some(Outcome::Claim(raw));
        }
        let e0 = self.read_digits(i);
        let digits = self.text(i, e0);
        // Phone numbers and codes: long digit runs, or dash-joined digit groups.
        if self.is_code(i, e0) {
            let mut k = e0;
            while matches!(self.ch(k), '-' | ' ' | '.') && self.ch(k + 1).is_ascii_digit() {
                k = self.read_digits(k + 1);
            }
            return Some(Outcome::Skip(k));
        }
        // `1 1/2的`: a whole number, a space and a slash fraction read as a share.
        if self.ch(e0) == ' ' && !digits.contains('.') {
            if let Some((frac, fe)) = self.slash_share(e0 + 1) {
                let v = digits.parse::<f64>().ok()? + frac;
                let s = if self.minus_sign_before(i) { i - 1 } else { i };
                let v = if s < i { -v } else { v };
                return Some(Outcome::Claim(Raw { s, e: fe, kind: ClaimKind::Fraction, value: v, high: v, unit: "ratio".into(), approx: self.hedge_before(s).0, step: 0.0, sig: 3, date: None }));
            }
        }
        // List markers and section numbers at line start: `1.`, `2、`, `03 `.
        if self.at_line_start(i) {
            let next = self.ch(e0);
            let after = self.ch(e0 + 1);
            if (next == '.' && !after.is_ascii_digit()) || next == '、' || next == ')' || next == '）' {
                return Some(Outcome::Skip(e0 + 1));
            }
            if next == ' ' && !digits.contains('.') && digits.len() <= 2 && self.unit_at(e0 + 1).is_none() && !self.magnitude_follows(e0 + 1) && !matches!(after, '成' | '折') {
                return Some(Outcome::Skip(e0));
            }
        }
        if let Some(o) = self.ordinal(i) {
            return Some(o);
        }
        // 3分之1, 16分之5: an Arabic denominator.
        if self.at(self.skip_space(e0), "分之") {
            let den = numeral::parse_arabic(&digits)?.value;
            return self.fraction(i, self.skip_space(e0), den);
        }
        // N号: a house, line or plate number (27号, 2号线), unless a date (6月18号 is read
        // with its month).
        if self.ch(self.skip_space(e0)) == '号' && !digits.contains('.') {
            return Some(Outcome::Skip(self.skip_space(e0) + 1));
        }
        // Clock times (14:30) and ratios (3.8:36.9) are not quantities.
        if (self.ch(e0) == ':' && self.ch(e0 + 1).is_ascii_digit()) || (prev == ':' && i >= 2 && self.before(i - 1).is_ascii_digit()) {
            let mut k = e0;
            while self.ch(k) == ':' && self.ch(k + 1).is_ascii_digit() {
                k = self.read_digits(k + 1);
            }
            return Some(Outcome::Skip(k));
        }
        // Phone numbers: +1 …, (415) 555-2671.
        let area_code = (prev == '(' || prev == '（') && matches!(self.ch(e0), ')' | '）') && (3..=4).contains(&(e0 - i)) && self.ch(e0 + 1) == ' ' && self.ch(e0 + 2).is_ascii_digit();
        if prev == '+' || area_code {
            let mut k = e0;
            while matches!(self.ch(k), ')' | '）' | ' ' | '-' | '(' | '（') && (self.ch(k + 1).is_ascii_digit() || matches!(self.ch(k + 1), '(' | ' ')) {
                k += 1;
                if self.ch(k).is_ascii_digit() {
                    k = self.read_digits(k);
                }
            }
            return Some(Outcome::Skip(k.max(e0)));
        }
        // A score or tally (48-41, 11-0, 4-0, 2-2): a bare pair whose first number is not below
        // the second is no range (a written range runs low to high, with a unit).
        if self.ch(e0) == '-' && self.ch(e0 + 1).is_ascii_digit() && !digits.contains('.') && e0 - i <= 3 {
            let e2 = self.read_digits(e0 + 1);
            let second = self.text(e0 + 1, e2);
            let bare_after = !is_latin(self.ch(e2)) && self.unit_at(self.skip_space(e2)).is_none() && self.ch(e2) != '%' && !self.magnitude_follows(self.skip_space(e2));
            if !second.contains('.') && e2 - e0 - 1 <= 3 && bare_after {
                if let (Ok(a), Ok(b)) = (digits.parse::<u32>(), second.parse::<u32>()) {
                    if a >= b {
                        return Some(Outcome::Skip(e2));
                    }
                }
            }
        }
        // A bare number in parentheses is a note or code (今（15）日, (951)).
        let year_like = digits.len() == 4 && digits.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
        if matches!(prev, '(' | '（') && matches!(self.ch(e0), ')' | '）') && !digits.contains('.') && !year_like {
            return Some(Outcome::Skip(e0 + 1));
        }
        // 1至6月, 3-5月: a month span; the first month is read with the second.
        if e0 - i <= 2 && matches!(self.ch(e0), '至' | '到' | '-' | '~' | '—') && self.ch(e0 + 1).is_ascii_digit() {
            let e2 = self.read_digits(e0 + 1);
            if e2 - e0 - 1 <= 2 && self.ch(e2) == '月' {
                return Some(Outcome::Skip(e0 + 1));
            }
        }
        // A street address: 4065 County Circle Drive, 221 Baker St.
        if self.ch(e0) == ' ' && self.ch(e0 + 1).is_ascii_uppercase() {
            const STREET: &[&str] = &[
                "Street", "St", "Road", "Rd", "Avenue", "Ave", "Drive", "Dr", "Boulevard", "Blvd", "Lane", "Ln",
                "Way", "Circle", "Court", "Ct", "Place", "Pl", "Parkway", "Pkwy", "Highway", "Hwy", "Square", "Sq",
            ];
            let mut w = e0 + 1;
            for _ in 0..4 {
                let ws = w;
                while is_latin(self.ch(w)) {
                    w += 1;
                }
                if w == ws || !self.ch(ws).is_ascii_uppercase() {
                    break;
                }
                if STREET.contains(&self.text(ws, w).as_str()) {
                    return Some(Outcome::Skip(w));
                }
                if self.ch(w) != ' ' {
                    break;
                }
                w += 1;
            }
        }
        // 24 July 2025, 3 March: a day before an English month name.
        if e0 - i <= 2 && self.ch(e0) == ' ' && is_latin(self.ch(e0 + 1)) && !is_latin(self.before(i)) {
            let mut w = e0 + 1;
            while is_latin(self.ch(w)) {
                w += 1;
            }
            if let (Some(m), Ok(d)) = (month_number(&self.text(e0 + 1, w).to_lowercase()), digits.parse::<u32>()) {
                if (1..=31).contains(&d) && self.text(e0 + 1, w).chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                    let k = if self.ch(w) == ',' { w + 1 } else { w };
                    if self.ch(k) == ' ' && self.ch(k + 1).is_ascii_digit() {
                        let y_end = self.read_digits(k + 1);
                        if let Ok(y) = self.text(k + 1, y_end).parse::<u32>() {
                            if y_end - k - 1 == 4 && (1000..=2100).contains(&y) {
                                return Some(Outcome::Claim(date_raw(i, y_end, format!("{y:04}-{m:02}-{d:02}"))));
                            }
                        }
                    }
                    return Some(Outcome::Claim(date_raw(i, w, format!("--{m:02}-{d:02}"))));
                }
            }
        }
        // Dates and years.
        if let Some(raw) = self.date_from_arabic(i, e0) {
            return Some(Outcome::Claim(raw));
        }
        let mut num = numeral::parse_arabic(&digits)?;
        let mut e = e0;
        // A minus sign directly before a figure that stands alone (增速为-2.1%); `5-10` is a
        // range and `- 1` a list marker, so the sign needs no digit or space before it.
        let negative = self.minus_sign_before(i);
        if negative {
            num.value = -num.value;
            num.high = num.value;
        }
        e = self.exponent_after(e, &mut num);
        // 1/2的努力, 1/3的用户: a slash fraction read as a share.
        if e == e0 {
            if let Some((v, de)) = self.slash_share(i) {
                let (s, v) = if negative { (i - 1, -v) } else { (i, v) };
                return Some(Outcome::Claim(Raw { s, e: de, kind: ClaimKind::Fraction, value: v, high: v, unit: "ratio".into(), approx: self.hedge_before(s).0, step: 0.0, sig: 3, date: None }));
            }
        }
        // Exponent: 3.15*10^23, 3.15×10^23
        {
            let k = self.skip_space(e);
            if matches!(self.ch(k), '*' | '×' | 'x') {
                let k2 = self.skip_space(k + 1);
                if self.at(k2, "10^") {
                    let s3 = k2 + 3;
                    let mut k3 = s3;
                    if self.ch(k3) == '-' {
                        k3 += 1;
                    }
                    let k4 = self.read_digits(k3);
                    if k4 > k3 {
                        let exp: i32 = self.text(s3, k4).parse().ok()?;
                        num.value *= 10f64.powi(exp);
                        num.high = num.value;
                        num.step *= 10f64.powi(exp);
                        e = k4;
                    }
                }
            }
        }
        let out = self.finish_number(i, e, num, false);
        match out {
            Some(Outcome::Claim(mut raw)) if negative && raw.s == i => {
                raw.s = i - 1;
                Some(Outcome::Claim(raw))
            }
            other => other,
        }
    }

    /// Whether the `-` right before the figure at `i` is a minus sign. `5-10` is a range, so
    /// no digit may stand before it; a list dash is followed by a space (`- 1`), so a dash glued
    /// to the figure is a sign also at the start of a line (`-22.2%`) or after a space that
    /// does not follow a figure (`增速 -2.1%`, not `5 -10`).
    fn minus_sign_before(&self, i: usize) -> bool {
        if self.before(i) != '-' {
            return false;
        }
        if i == 1 {
            return true;
        }
        let p2 = self.chars[i - 2];
        match p2 {
            '\n' => true,
            ' ' => i == 2 || !(self.chars[i - 3].is_ascii_digit() || matches!(self.chars[i - 3], '%' | '~' | '-')),
            _ => !p2.is_ascii_alphanumeric() && !matches!(p2, '~' | '-') && !self.at_line_start(i - 1),
        }
    }

    /// Scientific and caret notation after the figure ending at `e`: `2e5`, `12.32e+14`,
    /// `2.789e-1`, `2^5`, `2.5^-1` (nothing Latin glued after it). Applies it to `num` and
    /// returns the new end. A caret power takes the sign of the figure after the power
    /// (`-2^2` = -4), and repeated signs of the exponent multiply (`^--2` = `^2`).
    fn exponent_after(&self, e: usize, num: &mut Numeral) -> usize {
        if matches!(self.ch(e), 'e' | 'E') {
            let sign = matches!(self.ch(e + 1), '+' | '-');
            let k3 = if sign { e + 2 } else { e + 1 };
            let k4 = self.read_digits(k3);
            if k4 > k3 && !self.text(k3, k4).contains('.') && !is_latin(self.ch(k4)) {
                let Ok(exp) = self.text(k3, k4).parse::<i32>() else { return e };
                let exp = if sign && self.ch(e + 1) == '-' { -exp } else { exp };
                num.value *= 10f64.powi(exp);
                num.high = num.value;
                num.step *= 10f64.powi(exp);
                return k4;
            }
        }
        if self.ch(e) == '^' {
            let mut k = e + 1;
            let mut negative_exp = false;
            while matches!(self.ch(k), '+' | '-') {
                negative_exp ^= self.ch(k) == '-';
                k += 1;
            }
            let k4 = self.read_digits(k);
            // `2^31-1` is arithmetic, not a figure (nor a range).
            let operator_after = matches!(self.ch(k4), '-' | '+' | '*' | '/' | '×') && self.ch(k4 + 1).is_ascii_digit();
            if k4 > k && !is_latin(self.ch(k4)) && !self.ch(k4).is_ascii_digit() && !operator_after {
                let Ok(exp) = self.text(k, k4).parse::<f64>() else { return e };
                let exp = if negative_exp { -exp } else { exp };
                let v = num.value.abs().powf(exp).copysign(num.value);
                if v.is_finite() {
                    *num = Numeral { value: v, high: v, step: 0.0, sig: num.sig, vague: false };
                    return k4;
                }
            }
        }
        e
    }

    /// `a/b的` at `i` (whole numbers; 的 after it marks a share, not a date): its value and end.
    fn slash_share(&self, i: usize) -> Option<(f64, usize)> {
        let e = self.read_digits(i);
        if e == i || self.ch(e) != '/' || !self.ch(e + 1).is_ascii_digit() || self.text(i, e).contains('.') {
            return None;
        }
        let de = self.read_digits(e + 1);
        let den_text = self.text(e + 1, de);
        if self.ch(de) != '的' || den_text.contains('.') {
            return None;
        }
        let (num, den): (f64, f64) = (self.text(i, e).parse().ok()?, den_text.parse().ok()?);
        (den > 0.0).then(|| (num / den, de))
    }

    /// `.5`, `-.5`, `.23456`: the digits at `i` after a dot at `i - 1`.
    fn leading_dot_decimal(&self, i: usize) -> Option<Outcome> {
        let e0 = self.read_digits(i);
        if self.ch(e0) == '.' {
            return Some(Outcome::Skip(self.skip_token(i)));
        }
        let mut num = numeral::parse_arabic(&format!("0.{}", self.text(i, e0)))?;
        let s = i - 1;
        let negative = self.minus_sign_before(s);
        if negative {
            num.value = -num.value;
            num.high = num.value;
        }
        let e = self.exponent_after(e0, &mut num);
        match self.finish_number(s, e, num, false) {
            Some(Outcome::Claim(mut raw)) if negative && raw.s == s => {
                raw.s = s - 1;
                Some(Outcome::Claim(raw))
            }
            other => other,
        }
    }

    /// A Chinese magnitude word at `i` (万, 亿, 千万…) unless a longer unit starts there (千瓦).
    fn cn_magnitude_at(&self, i: usize) -> Option<(usize, f64)> {
        let long_unit = self.unit_at(i).map_or(0, |(n, _)| n);
        CN_MAGNITUDES
            .iter()
            .map(|(m, f)| (m.chars().count(), *f, *m))
            .find(|&(n, _, m)| self.at(i, m) && n >= long_unit)
            .map(|(n, f, _)| (n, f))
    }

    /// Lower places glued after an Arabic figure and its magnitude `f`: `3万4000` (4 digits
    /// below 万), `5万4千6百` (smaller magnitudes), `1千零1` (零 then ones). Returns the amount
    /// to add, the new end and the place of the last digit.
    fn lower_places(&self, mut pos: usize, mut f: f64) -> Option<(f64, usize, f64)> {
        let mut add = 0.0;
        let mut step = None;
        loop {
            let zero = self.ch(pos) == '零';
            // `7万 5千 4百`: a lower group after a space counts only with its own magnitude.
            let spaced = self.ch(pos) == ' ' && self.ch(pos + 1).is_ascii_digit();
            let j = if zero || spaced { pos + 1 } else { pos };
            if !self.ch(j).is_ascii_digit() {
                break;
            }
            let de = self.read_digits(j);
            let digits = self.text(j, de);
            if digits.contains('.') || self.ch(de).is_ascii_digit() {
                break;
            }
            let Ok(d) = digits.parse::<f64>() else { break };
            // `7 万5 千4 百`: a space may stand between the digits and their magnitude.
            let dm = self.skip_space(de);
            // 3千5百万: only 百 belongs to the lower place; the 万 after it scales the whole.
            let single = numeral::chinese_small_unit(self.ch(dm)).map(|m| (1, m));
            if let Some((n, m)) = self.cn_magnitude_at(dm).filter(|&(_, m)| m < f).or(single.filter(|&(_, m)| m < f)) {
                if d * m >= f {
                    break;
                }
                add += d * m;
                step = Some(m);
                pos = dm + n;
                f = m;
                continue;
            }
            let places = f.log10().round() as usize;
            if !spaced && (zero || de - j == places) && d < f && self.unit_at(de).map_or(true, |(_, u)| u.2 != ClaimKind::Duration) {
                add += d;
                step = Some(1.0);
                pos = de;
            }
            break;
        }
        step.map(|st| (add, pos, st))
    }

    fn magnitude_follows(&self, i: usize) -> bool {
        CN_MAGNITUDES.iter().any(|(m, _)| self.at(i, m)) || EN_MAGNITUDES.iter().any(|(m, _)| self.at(i, m))
    }

    /// Phone numbers, stock codes and the like: 7+ digit runs without unit, or digit groups
    /// joined by dashes in phone shape (010-12345678, 400-800-8888).
    fn is_code(&self, i: usize, e: usize) -> bool {
        let len = e - i;
        let digits = self.text(i, e);
        if digits.contains('.') || self.grouped[i..e].iter().any(|&g| g) {
            return false;
        }
        // A leading zero marks a code or a phone prefix (0161 555 0123, 010-…, 海豹06), not a
        // figure; two-digit ones before a time or date unit (06月, 09时) are read there.
        if len >= 2 && digits.starts_with('0') && (len >= 3 || !matches!(self.ch(e), '月' | '日' | '号' | '时' | '点' | '分' | '秒' | '年')) {
            return true;
        }
        if self.ch(e) == '-' && self.ch(e + 1).is_ascii_digit() {
            let e2 = self.read_digits(e + 1);
            // 2366-1416: two four-digit groups are a phone number unless both are years.
            let both_years = |x: &str, y: &str| [x, y].iter().all(|t| t.parse::<u32>().is_ok_and(|v| (1900..=2100).contains(&v)));
            if len == 4 && e2 - e - 1 == 4 && !both_years(&digits, &self.text(e + 1, e2)) {
                return true;
            }
            // A group with a leading zero after the dash is a number's tail, not a range end
            // (555-0142).
            if self.ch(e + 1) == '0' && e2 - e - 1 >= 2 {
                return true;
            }
            // three or more dash-joined digit groups: a phone number or a code
            if self.ch(e2) == '-' && self.ch(e2 + 1).is_ascii_digit() && !self.text(i, e2).contains('.') {
                return true;
            }
            let l2 = e2 - e - 1;
            // 2024-06-14 is a date, 8-10 a range; phone shapes have long groups.
            if (len == 3 || len == 4) && l2 >= 7 && len != 4 || (len == 3 && l2 == 3 && self.ch(e2) == '-') || (len + l2 >= 10 && len != 4) {
                return true;
            }
        }
        // 2150 8888: four-digit groups separated by a space (a phone number).
        if len == 4 && self.ch(e) == ' ' && self.read_digits(e + 1) == e + 5 && !self.ch(e + 5).is_ascii_digit() && !(1900..=2100).contains(&digits.parse::<u32>().unwrap_or(0)) {
            return true;
        }
        if len >= 7 && self.unit_at(self.skip_space(e)).is_none() && !(self.ch(e) == 'h') {
            // a long plain digit run (phone, ID, stock code) states no quantity
            return !matches!(self.ch(e), '元' | '人' | '个');
        }
        // Six-digit stock codes in parentheses or with an exchange suffix.
        if len == 6 && (self.before(i) == '(' || self.before(i) == '（') && matches!(self.ch(e), ')' | '）' | '.') {
            return true;
        }
        if self.ch(e) == '.' && (self.at(e + 1, "SH") || self.at(e + 1, "SZ") || self.at(e + 1, "HK")) {
            return true;
        }
        false
    }

    /// 第N: a rank claim when it is a place (第一名, 全球第一), otherwise an ordinal (第二届).
    fn ordinal(&self, i: usize) -> Option<Outcome> {
        if self.before(i) != '第' {
            return None;
        }
        let mut e = i;
        while self.ch(e).is_ascii_digit() || starts_cn_numeral(self.ch(e)) {
            e += 1;
        }
        let text = self.text(i, e);
        let value = numeral::parse_arabic(&text).or_else(|| numeral::parse_chinese(&text))?.value;
        let next = self.ch(e);
        let place = matches!(next, '名' | '位') && !self.at(e, "位于");
        let clause_end = matches!(next, '的' | '，' | '。' | ',' | '；' | '!' | '！' | '\n' | '、' | '\0' | ')' | '）');
        // 第一，要… at the start of a clause enumerates; 全球第一 ranks.
        let at_clause_start = i < 2 || matches!(self.chars[i - 2], '，' | '。' | '；' | '：' | '\n' | ',' | ';' | ':' | ' ' | '“' | '（' | '(');
        if at_clause_start && matches!(next, '，' | '、' | ',' | '：' | ':') {
            return Some(Outcome::Skip(e));
        }
        if place || clause_end {
            let end = if place { e + 1 } else { e };
            return Some(Outcome::Claim(Raw { s: i - 1, e: end, kind: ClaimKind::Other, value, high: value, unit: "rank".into(), approx: Approx::Exact, step: 1.0, sig: 1, date: None }));
        }
        Some(Outcome::Skip(e))
    }

    fn date_from_arabic(&self, i: usize, e: usize) -> Option<Raw> {
        let digits = self.text(i, e);
        if digits.contains('.') {
            return None;
        }
        let v: u32 = digits.parse().ok()?;
        let len = e - i;
        let is_year = len == 4 && (1000..=2100).contains(&v);
        if is_year {
            // ISO-like 2024-06-14, 2024/6/14, 2024.06.14
            for sep in ['-', '/', '.'] {
                if self.ch(e) == sep && self.ch(e + 1).is_ascii_digit() {
                    let me = self.read_digits(e + 1);
                    let m: u32 = self.text(e + 1, me).parse().ok()?;
                    if (1..=12).contains(&m) && me - e - 1 <= 2 {
                        if self.ch(me) == sep && self.ch(me + 1).is_ascii_digit() {
                            let de = self.read_digits(me + 1);
                            let d: u32 = self.text(me + 1, de).parse().ok()?;
                            if (1..=31).contains(&d) && de - me - 1 <= 2 {
                                return Some(date_raw(i, de, format!("{v:04}-{m:02}-{d:02}")));
                            }
                        }
                        if sep != '.' {
                            return Some(date_raw(i, me, format!("{v:04}-{m:02}")));
                        }
                    }
                }
            }
            // 2024Q3, 2024Q3末
            if matches!(self.ch(e), 'Q' | 'q') && ('1'..='4').contains(&self.ch(e + 1)) {
                let q = self.ch(e + 1).to_digit(10)?;
                let mut end = e + 2;
                let ends = ["03-31", "06-30", "09-30", "12-31"];
                if matches!(self.ch(end), '末' | '底') {
                    end += 1;
                    return Some(date_raw(i, end, format!("{v:04}-{}", ends[q as usize - 1])));
                }
                return Some(date_raw(i, end, format!("{v:04}-Q{q}")));
            }
        }
        let k = self.skip_space(e);
        if self.ch(k) == '年' && is_year && !matches!(self.ch(k + 1), '多' | '余' | '代') {
            if let Some(raw) = self.month_day(i, k + 1, Some(v)) {
                return Some(raw);
            }
            return Some(year_raw(i, k + 1, v as f64));
        }
        if self.ch(k) == '年' && is_year && self.ch(k + 1) == '代' {
            return Some(year_raw(i, k + 2, v as f64));
        }
        // 6月18日 / 6月
        if len <= 2 && self.ch(k) == '月' && (1..=12).contains(&v) && self.before(i) != '个' {
            let mut s = i;
            for rel in ["去年", "今年", "明年", "前年"] {
                if i >= 2 && self.text(i - 2, i) == rel {
                    s = i - 2;
                }
            }
            return self.month_day(s, i, None).or_else(|| Some(date_raw(s, k + 1, format!("--{v:02}"))));
        }
        // A season or fiscal year: 2024/25, 2023-24.
        if is_year && matches!(self.ch(e), '/' | '-') && self.ch(e + 1).is_ascii_digit() && self.ch(e + 2).is_ascii_digit() && !self.ch(e + 3).is_ascii_digit() {
            return Some(year_raw(i, e + 3, v as f64));
        }
        // A bare year: 4 digits in 1900..2100 with nothing measured after it.
        // (大 counts only small numbers — 十大趋势 — so 2024大模型 is a year before a word.)
        if len == 4 && (1900..=2100).contains(&v) && (self.unit_at(k).is_none() || self.ch(k) == '大') && !self.magnitude_follows(k) && !matches!(self.ch(e), '%' | '-' | '~' | '万' | '亿' | '年') {
            // After a capitalised word it ends a title or event name (CES 2024, Vision 2030,
            // AI Index Report 2024), not a year the text speaks of.
            if self.before(i) == ' ' && i >= 2 && is_latin(self.before(i - 1)) {
                let mut w = i - 1;
                while w > 0 && is_latin(self.chars[w - 1]) {
                    w -= 1;
                }
                let word = self.text(w, i - 1);
                if word.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && !is_english_context_word(&word) {
                    return None;
                }
            }
            return Some(year_raw(i, e, v as f64));
        }
        None
    }

    /// Month and day after a year (or at `i` when no year): `6 月 18 日`.
    fn month_day(&self, s: usize, i: usize, year: Option<u32>) -> Option<Raw> {
        let k = self.skip_space(i);
        let (m, me) = self.small_number(k)?;
        let k2 = self.skip_space(me);
        if self.ch(k2) != '月' || !(1..=12).contains(&m) {
            return None;
        }
        let after_month = k2 + 1;
        let k3 = self.skip_space(after_month);
        if let Some((d, de)) = self.small_number(k3) {
            let k4 = self.skip_space(de);
            if matches!(self.ch(k4), '日' | '号') && (1..=31).contains(&d) {
                let date = match year {
                    Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("--{m:02}-{d:02}"),
                };
                return Some(date_raw(s, k4 + 1, date));
            }
        }
        let date = match year {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("--{m:02}"),
        };
        Some(date_raw(s, after_month, date))
    }

    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        if self.ch(i).is_ascii_digit() {
            let mut e = i;
            while self.ch(e).is_ascii_digit() {
                e += 1;
            }
            return Some((self.text(i, e).parse().ok()?, e));
        }
        let mut e = i;
        while starts_cn_numeral(self.ch(e)) && e - i < 3 {
            e += 1;
        }
        if e == i {
            return None;
        }
        Some((numeral::parse_chinese(&self.text(i, e))?.value as u32, e))
    }

    /// After the numeral core `[s, e)`: magnitude, unit, hedges, ranges.
    fn finish_number(&self, s: usize, e: usize, mut num: Numeral, chinese: bool) -> Option<Outcome> {
        let mut start = s;
        let mut end = e;
        let mut currency: Option<&str> = None;
        // Currency sign before the number.
        let mut b = s;
        if self.before(b) == ' ' {
            b -= 1;
        }
        for (p, code) in CURRENCY_PREFIXES {
            let n = p.chars().count();
            if b >= n && self.text(b - n, b) == *p && !(p.chars().all(is_latin) && is_latin(self.before(b - n))) {
                currency = Some(code);
                start = b - n;
                break;
            }
        }
        // 负 right before the number is a minus sign (负3.9%, 负四十五亿), unless it ends a word
        // (正负, 胜负, 自负).
        if currency.is_none() && self.before(s) == '负' && !matches!(self.before(s - 1), '正' | '胜' | '自' | '抱' | '辜' | '欺' | '担' | '肩' | '减' | '重' | '承' | '背') {
            num.value = -num.value;
            num.high = -num.high;
            if num.high < num.value {
                std::mem::swap(&mut num.value, &mut num.high);
            }
            start = s - 1;
        }
        // 上百, 上千: a vague lower bound written with 上.
        let mut vague = num.vague;
        if chinese && self.before(s) == '上' && matches!(self.ch(s), '百' | '千' | '万' | '亿') {
            start = s - 1;
            vague = true;
        }
        // Magnitude after Arabic digits: 1.91亿, 252 亿, 12 million.
        // 500多万, 一千多万, 二百三十余万: 多/余 before the magnitude means "more than".
        let mut more_than = false;
        if !chinese {
            let k = self.skip_space(end);
            let mut hit = false;
            if let Some((n, f)) = self.cn_magnitude_at(k) {
                num.scale(f);
                end = k + n;
                hit = true;
                // 3万4000, 5万4千6百, 1千零1: lower places written after the magnitude.
                if let Some((add, e2, step)) = self.lower_places(end, f) {
                    num.value += add;
                    num.high += add;
                    num.step = step;
                    end = e2;
                }
                // 3千5百万, 2千零30万, 10万万: a larger magnitude after them multiplies the whole.
                if let Some((n2, f2)) = self.cn_magnitude_at(end).filter(|&(_, f2)| f2 >= 1e4 && f2 >= f) {
                    if num.value * f2 < 1e16 {
                        num.scale(f2);
                        end += n2;
                    }
                }
            } else if let Some(e2) = self.more_than_magnitude(k, &mut num) {
                end = e2;
                hit = true;
                more_than = true;
            }
            if !hit {
                for (m, f) in EN_MAGNITUDES {
                    let n = m.chars().count();
                    if self.at(k, m) && !is_latin(self.ch(k + n)) {
                        num.scale(*f);
                        end = k + n;
                        hit = true;
                        break;
                    }
                }
            }
            // Glued M/B/K/T after a currency amount or before a unit: $5B, 1M token.
            // After a currency sign a lowercase m is million too (£5m); elsewhere it is metres.
            let money_m = currency.is_some() && self.ch(end) == 'm';
            if !hit && k == end && (money_m || matches!(self.ch(end), 'M' | 'B' | 'K' | 'k' | 'T')) && !is_latin(self.ch(end + 1)) && !self.ch(end + 1).is_ascii_digit() {
                let f = match self.ch(end) {
                    'K' | 'k' => 1e3,
                    'M' | 'm' => 1e6,
                    'B' => 1e9,
                    _ => 1e12,
                };
                num.scale(f);
                end += 1;
            }
        }
        if chinese {
            if let Some(e2) = self.more_than_magnitude(self.skip_space(end), &mut num) {
                end = e2;
                more_than = true;
            }
        }
        // Unit.
        let k = self.skip_space(end);
        let mut kind = ClaimKind::Count;
        let mut unit = String::new();
        let mut unit_hit = false;
        // 比三十大一些: the adjective after a compared figure is no classifier (三十大).
        let mut compared_with = self.comparative_after(start, k);
        if let Some((n, entry)) = self.unit_at(k).filter(|_| compared_with.is_none()) {
            // 兆 followed by 瓦: the unit wins (handled by longest match above).
            let ok = !(entry.2 == ClaimKind::Count && self.unit_is_word_start(k, n))
                && !(entry.0 == "度" );
            if ok {
                kind = entry.2;
                unit = entry.1.to_string();
                end = k + n;
                unit_hit = true;
                if entry.1 == "x10^" {
                    let f = 10f64.powf(num.value);
                    num = Numeral { value: f, high: f, step: f / 2.0, sig: 1, vague: num.vague };
                    unit = "x".into();
                }
                if entry.1 == "‰" {
                    num.value /= 10.0;
                    num.high /= 10.0;
                    num.step /= 10.0;
                    unit = "%".into();
                }
                // Basis points are hundredths of a percentage point.
                if entry.1 == "bp" {
                    num.value /= 100.0;
                    num.high /= 100.0;
                    num.step /= 100.0;
                    unit = "pp".into();
                }
            }
        }
        // 花了我三块, 售价十五块: 块 ending the clause after a word of paying or pricing is the
        // colloquial yuan; elsewhere it counts pieces (三块蛋糕, 切成三块).
        if unit_hit && unit == "块" && !is_cjk(self.ch(end)) && self.clause_before_has(start, &['花', '付', '价', '值', '赚', '费', '钱']) {
            kind = ClaimKind::Money;
            unit = "CNY".into();
        }
        // 五元三毛, 50元6角3分, 两美元又三美分: smaller coins after the main unit.
        if unit_hit && kind == ClaimKind::Money && matches!(unit.as_str(), "CNY" | "USD") {
            let coins: &[(&str, f64)] = if unit == "CNY" { &[("角", 0.1), ("毛", 0.1), ("分", 0.01)] } else { &[("美分", 0.01)] };
            let mut pos = if self.ch(end) == '又' { end + 1 } else { end };
            for (coin, worth) in coins {
                let c = self.ch(pos);
                let d = c.to_digit(10).or_else(|| numeral::chinese_digit(c)).map(f64::from);
                if let Some(d) = d {
                    let after = self.ch(pos + 1 + coin.chars().count());
                    if self.at(pos + 1, coin) && !after.is_ascii_digit() && !matches!(after, '钟' | '之') && !self.unit_is_word_start(pos + 1, 1) {
                        num.value += d * worth;
                        num.high += d * worth;
                        num.step = num.step.min(*worth);
                        pos += 1 + coin.chars().count();
                        end = pos;
                    }
                }
            }
        }
        // 一吨半, 两米半, 三斤半: a measure and a half.
        if unit_hit && matches!(kind, ClaimKind::Measure | ClaimKind::Money) && self.ch(end) == '半' && !self.half_starts_word(end) && num.value.fract() == 0.0 {
            num.value += 0.5;
            num.high += 0.5;
            num.step = num.step.min(0.5);
            end += 1;
        }
        // Index points after Arabic digits (24,072点, 291.4點), not a clock time (8点30分).
        if !unit_hit && !chinese && self.ch(k) == '点' && !self.ch(k + 1).is_ascii_digit() && !starts_cn_numeral(self.ch(k + 1)) && !matches!(self.ch(k + 1), '钟' | '半' | '多' | '左' | '前' | '后' | '到' | '至') && !self.at(k + 1, "子") {
            kind = ClaimKind::Count;
            unit = "points".into();
            end = k + 1;
            unit_hit = true;
        }
        // Counted nouns glued to a number that carries a magnitude: 数亿用户, 50亿实体.
        let has_magnitude_word = self.text(s, end).chars().any(|c| numeral::chinese_big_unit(c).is_some() || matches!(c, '千' | '百'));
        if !unit_hit && currency.is_none() && num.value >= 1e4 && has_magnitude_word && is_cjk(self.ch(k)) {
            let (ws, we) = self.word_at(k);
            if ws == k && we - ws >= 2 && we - ws <= 3 && !is_function_word(&self.text(ws, we)) {
                unit = self.text(ws, we);
                end = we;
                unit_hit = true;
            }
        }
        if let Some(code) = currency {
            if !unit_hit || kind != ClaimKind::Money {
                kind = ClaimKind::Money;
                unit = code.to_string();
                if unit_hit && !matches!(unit.as_str(), "") {
                    // $30/1M token: the unit after is a denominator, handled below
                }
            }
        }
        // Discount 八五折 / 8折 and 成 (tenths).
        if !unit_hit && currency.is_none() {
            if self.ch(k) == '折' && !matches!(self.ch(k + 1), '合' | '算' | '旧' | '叠' | '射' | '返' | '腾' | '服' | '磨' | '扣') {
                let digits = self.text(s, e);
                let share = discount_share(&digits)?;
                return Some(Outcome::Claim(Raw { s: start, e: k + 1, kind: ClaimKind::Discount, value: share, high: share, unit: "share".into(), approx: Approx::Exact, step: 0.01, sig: 2, date: None }));
            }
            if self.ch(k) == '成' && num.value <= 10.0 && !matches!(self.ch(k + 1), '为' | '本' | '立' | '功' | '果' | '长' | '员' | '熟' | '交' | '都' | '品' | '型' | '效' | '就' | '绩' | '分' | '年' | '人' | '像' | '全' | '批' | '了') {
                // 三成半: and a half tenth.
                let mut half = if self.ch(k + 1) == '半' && !self.half_starts_word(k + 1) { 5.0 } else { 0.0 };
                // 七成六, 八成五: one more digit after 成 is the next place (76%), when it ends
                // the numeral (not 七成六个人, 七成五十岁以上).
                let after = self.ch(k + 2);
                if half == 0.0 && !vague && num.value.fract() == 0.0 && num.value < 10.0 {
                    if let Some(d) = numeral::chinese_digit(self.ch(k + 1)).filter(|&d| d > 0) {
                        if !numeral::is_chinese_numeral_char(after) && !after.is_ascii_digit() && self.unit_at(k + 2).is_none() && !matches!(after, '成' | '折' | '%') {
                            half = d as f64;
                        }
                    }
                }
                let v = num.value * 10.0 + half;
                let e_end = if half > 0.0 { k + 2 } else { k + 1 };
                return Some(Outcome::Claim(Raw { s: start, e: e_end, kind: ClaimKind::Percent, value: v, high: num.high * 10.0 + half, unit: "%".into(), approx: if vague { Approx::Vague } else { Approx::Exact }, step: num.step * 10.0, sig: num.sig, date: None }));
            }
        }
        // Latin letters glued after the number and not a unit: a name (4090Ti, 5G, 8x7B).
        if !unit_hit && !chinese && end == e && is_latin(self.ch(e)) {
            let c = self.ch(e);
            if matches!(c, 'x' | 'X') && !self.ch(e + 1).is_ascii_alphanumeric() {
                return Some(Outcome::Claim(Raw { s: start, e: e + 1, kind: ClaimKind::Multiple, value: num.value, high: num.high, unit: "x".into(), approx: Approx::Exact, step: num.step, sig: num.sig, date: None }));
            }
            if !(c == 'h' && !is_latin(self.ch(e + 1))) {
                return Some(Outcome::Skip(self.skip_token(e)));
            }
        }
        // 85度, 5度: degrees after Arabic digits (with Chinese numerals 两度 means "twice");
        // 度电 is energy (a unit above) and 度 after 年 a period (年度).
        if !unit_hit && !chinese && self.ch(k) == '度' && self.ch(k + 1) != '电' {
            kind = ClaimKind::Measure;
            // 华氏(温度)98.6度 is Fahrenheit, 摄氏…度 Celsius.
            let lead = self.text(start.saturating_sub(5), start);
            unit = if lead.contains("华氏") { "F" } else if lead.contains("摄氏") { "C" } else { "deg" }.into();
            end = k + 1;
            unit_hit = true;
        }
        // 1234两: 两 after Arabic digits is the weight unit liang (50 g), not "two".
        // (After Chinese numerals `chinese()` leaves a final 两 out of the numeral only when it
        // is the unit.)
        if !unit_hit && end == e && self.ch(k) == '两' && !starts_cn_numeral(self.ch(k + 1)) && self.ch(k + 1) != '个' {
            kind = ClaimKind::Measure;
            unit = "liang".into();
            end = k + 1;
            unit_hit = true;
        }
        // 十打苹果, 一打: 打 after a figure is a dozen when it is a word of its own (not 打开,
        // 打造) and no figure follows (五打一 is a fight). After 一 it reads "as soon as"
        // (一打电话就…), so 一打 counts only at the end of a clause.
        if !unit_hit && currency.is_none() && end == e && self.ch(k) == '打' && !vague && self.word_at(k).1 == k + 1 {
            let next = self.ch(k + 1);
            let clause_end = !is_cjk(next) && !next.is_ascii_alphanumeric() || next == '的';
            let one = num.value == 1.0;
            if !next.is_ascii_digit() && !starts_cn_numeral(next) && (clause_end || !one) {
                num.scale(12.0);
                unit = "个".into();
                end = k + 1;
                unit_hit = true;
            }
        }
        if !unit_hit && !chinese && end == e && self.ch(e) == 'h' {
            kind = ClaimKind::Duration;
            unit = "h".into();
            end = e + 1;
            unit_hit = true;
        }
        // A space-separated capitalised Latin word before a bare number: RTX 4090, CES 2024.
        let cjk_unit_only = unit_hit && is_cjk(self.ch(k)) && kind == ClaimKind::Count;
        if (!unit_hit || cjk_unit_only) && currency.is_none() && self.before(s) == ' ' && s >= 2 && is_latin(self.before(s - 1)) {
            let mut w = s - 1;
            while w > 0 && (is_latin(self.chars[w - 1]) || self.chars[w - 1].is_ascii_digit()) {
                w -= 1;
            }
            let word = self.text(w, s - 1);
            if word.chars().any(|c| c.is_ascii_uppercase()) && !is_english_context_word(&word) {
                return Some(Outcome::Skip(end));
            }
        }
        // A bare number before a product word is part of a name (小米14 Ultra, 骁龙8 Gen 3).
        if !unit_hit && currency.is_none() && self.ch(end) == ' ' {
            let mut w = end + 1;
            while is_latin(self.ch(w)) {
                w += 1;
            }
            const PRODUCT_WORDS: &[&str] = &[
                "Ultra", "Pro", "Max", "Plus", "Mini", "Lite", "Air", "Edge", "Gen", "Series", "SE", "Neo", "Note",
                "Fold", "Flip", "Turbo", "GT", "RS", "Sport", "Prime", "Elite", "FE",
            ];
            if w > end + 1 && PRODUCT_WORDS.contains(&self.text(end + 1, w).as_str()) && !is_latin(self.ch(w)) {
                return Some(Outcome::Skip(w));
            }
        }
        // 70多年, 10余家: 多/余 between number and unit.
        let mut approx = if more_than { Approx::Over } else { Approx::Exact };
        if !unit_hit && matches!(self.ch(k), '多' | '余') && self.ch(k + 1) != '\0' {
            if let Some((n, entry)) = self.unit_at(k + 1) {
                kind = entry.2;
                unit = entry.1.to_string();
                end = k + 1 + n;
                unit_hit = true;
                approx = Approx::Over;
                num.step = place_of_last_nonzero(num.value) * 2.0;
            }
        }
        // Year-long durations: 5年, 3年内.
        if !unit_hit && self.ch(k) == '年' && !matches!(self.ch(k + 1), '级' | '度' | '代') {
            kind = ClaimKind::Duration;
            unit = "years".into();
            end = k + 1;
            unit_hit = true;
        }
        if unit_hit && kind == ClaimKind::Duration && unit == "years" && self.at(end, "多") {
            end += 1;
            approx = Approx::Over;
        }
        // (比 25 倍大的模型: a multiple is the size of the difference, not a bound.)
        if compared_with.is_none() && unit_hit && kind != ClaimKind::Multiple {
            compared_with = self.comparative_after(start, self.skip_space(end));
        }
        // Chinese numerals need a unit (or another quantity marker) to be a claim; a
        // comparison (比三十大) makes one a bound.
        if chinese && !unit_hit && currency.is_none() && compared_with.is_none() {
            let core = self.text(s, e);
            // 万 or 亿 alone is no amount without a unit (千亿, 万亿 are).
            let only_units = core.chars().count() == 1 && start == s && core.chars().all(|c| numeral::chinese_big_unit(c).is_some());
            let has_magnitude = !only_units && (more_than || core.chars().any(|c| numeral::chinese_big_unit(c).is_some()));
            if !has_magnitude || self.before(s).is_ascii_alphabetic() {
                // 一到五个苹果: a range whose second end carries the unit is a claim.
                if matches!(self.ch(k), '到' | '至' | '-' | '~') && !self.before(s).is_ascii_alphabetic() {
                    let first = Raw { s: start, e: end, kind, value: num.value, high: num.high, unit: String::new(), approx: self.hedge_before(start).0, step: num.step, sig: num.sig, date: None };
                    if let Some(r) = self.range_after(&first, e).filter(|r| !r.unit.is_empty()) {
                        return Some(Outcome::Claim(r));
                    }
                }
                return Some(Outcome::Skip(e));
            }
        }
        // A bare Arabic number glued to a following word is a name or label (36氪, 500强,
        // 12306), and one after a CJK word and a space is a reference (方案 3, 图 2).
        if !chinese && !unit_hit && currency.is_none() && end == e {
            let k2 = self.skip_space(e);
            // A comparison before the number (大于10且…, 最多100最少20) marks a quantity.
            // So does a bound after it (170 之下, 100以上) or a comparison around it (比 170 低).
            let bound_after = HEDGES_AFTER.iter().any(|(h, _)| *h != "内" && self.at(k2, h));
            // A threshold offer (满300减50, 每满200送30) names two amounts of money.
            let threshold = self.before(s) == '满' || (self.before(s) == '减' && self.text(s.saturating_sub(8), s).contains('满'));
            let compared = self.hedge_before(s).0 != Approx::Exact || bound_after || compared_with.is_some() || threshold;
            if is_cjk(self.ch(k2)) && !compared && !matches!(self.ch(k2), '的' | '和' | '与' | '或' | '及' | '至' | '到' | '多' | '余' | '左' | '以' | '上' | '万' | '亿' | '是' | '为' | '在') {
                return Some(Outcome::Skip(e));
            }
            let b = if self.before(s) == ' ' { s - 1 } else { s };
            if self.before(s) == ' ' && is_cjk(self.before(b)) && !self.text(s, e).contains('.') && self.ch(k2) != '%' {
                let (h, _) = self.hedge_before(s);
                if h == Approx::Exact && !compared && !matches!(self.before(b), '为' | '达' | '是' | '有' | '共' | '计' | '约' | '近' | '超' | '逾' | '仅') {
                    return Some(Outcome::Skip(e));
                }
            }
            // References: page 12, Table 3, No. 5, 图 2, 附件 4.
            if self.reference_word_before(s) {
                return Some(Outcome::Skip(e));
            }
            // A long bare number among Chinese text is a code or hotline (12320, 95588).
            if e - s >= 5 && start == s && !compared && !self.grouped[s..e].iter().any(|&g| g) && !self.text(s, e).contains('.') && (is_cjk(self.before(b)) || matches!(self.before(b), '：' | ':' | '，' | '（' | '(')) {
                return Some(Outcome::Skip(e));
            }
            // Version numbers glued to a word: 数字经济3.0, AI 2.0.
            if self.text(s, e).ends_with(".0") && (is_cjk(self.before(s)) || is_latin(self.before(b))) {
                return Some(Outcome::Skip(e));
            }
        }
        // 一X难求 (一票难求, 一卡难求, 一房难求): "hard to get even one", an idiom shape.
        if chinese && self.text(s, e) == "一" && end == k + 1 && ["难求", "难寻", "难觅", "难得"].iter().any(|w| self.at(end, w)) {
            return Some(Outcome::Skip(end + 2));
        }
        // 一 + classifier is usually an article (一个, 一种, 一次), not a count.
        // It counts when another figure in the sentence rests on it (一台服务器的价格为…万元)
        // or when the classifier measures (一层, 一片); article-like classifiers never count.
        if chinese && num.value == 1.0 && self.text(s, e) == "一" && kind == ClaimKind::Count && end - k <= 1 {
            let article_like = matches!(self.ch(k), '个' | '种' | '位' | '顿' | '颗' | '度' | '代' | '些' | '样' | '点' | '下' | '款' | '类' | '名' | '起' | '道' | '重' | '大' | '分' | '回' | '对' | '门' | '单' | '级' | '集' | '字' | '口' | '人' | '件' | '条' | '项' | '家' | '笔' | '场' | '部' | '批' | '组' | '首' | '期' | '届' | '轮' | '本' | '张' | '只' | '头' | '支' | '所' | '间' | '座' | '处' | '节' | '章');
            let rests_on = matches!(self.ch(k), '次' | '台') && self.sentence_has_other_number(s, end);
            let demonstrative = matches!(self.before(s), '这' | '那' | '哪' | '某' | '同' | '下');
            if article_like || demonstrative || self.ch(k) == '套' || (matches!(self.ch(k), '次' | '台') && !rests_on) {
                return Some(Outcome::Skip(end));
            }
        }
        // Kinds by unit.
        if unit == "params" {
            kind = ClaimKind::Params;
        }
        if vague {
            approx = Approx::Vague;
        }
        // Price per unit: 0.87元/度, $30/1M token, 万元/平方米, $1.20/hour, €2.40 per litre.
        if kind == ClaimKind::Money || currency.is_some() {
            if let Some((den, de)) = self.denominator(end) {
                kind = ClaimKind::PricePerUnit;
                let cur = if unit.is_empty() || !is_currency(&unit) { currency.unwrap_or("CNY").to_string() } else { unit.clone() };
                unit = format!("{cur}/{den}");
                end = de;
            }
        }
        // 每斤12元, 每坪85万元: the rate's denominator written before the figure.
        if kind == ClaimKind::Money {
            if let Some((den, at)) = self.per_unit_before(start) {
                kind = ClaimKind::PricePerUnit;
                unit = format!("{unit}/{den}");
                start = at;
            }
        }
        // Hedges before and after.
        let (happrox, _) = self.hedge_before(start);
        if approx == Approx::Exact {
            approx = compared_with.unwrap_or(happrox);
        }
        let ka = self.skip_space(end);
        for (h, a) in HEDGES_AFTER {
            if self.at(ka, h) {
                if *h == "内" && kind != ClaimKind::Duration {
                    continue;
                }
                if approx == Approx::Exact {
                    approx = *a;
                }
                break;
            }
        }
        let mut raw = Raw { s: start, e: end, kind, value: num.value, high: num.high, unit, approx, step: num.step, sig: num.sig, date: None };
        // Ranges: 8-10年, 100万到150万元, 5%~10%, 2至4年, 12-15 million.
        if let Some(r) = self.range_after(&raw, e) {
            raw = r;
        }
        if raw.high != raw.value && raw.kind != ClaimKind::Range && !vague {
            raw.kind = ClaimKind::Range;
        }
        Some(Outcome::Claim(raw))
    }

    /// `比170低`, `比 170 低`, `比三十大一些`: a figure after 比 and before a comparative
    /// adjective at `k` is a bound (higher/more: over; lower/less: under). The adjective must
    /// end there or take a degree complement (一些, 得多, 了, 出), so that 比三大运营商多 (the
    /// three big operators) and 比 25 倍大的模型 (attributive) stay out.
    fn comparative_after(&self, s: usize, k: usize) -> Option<Approx> {
        let b = if self.before(s) == ' ' { s - 1 } else { s };
        if self.before(b) != '比' {
            return None;
        }
        let approx = match self.ch(k) {
            // (Not 快/慢: 4090 比 3090 快 compares model numbers.)
            '高' | '多' | '大' | '长' | '重' => Approx::Over,
            '低' | '少' | '小' | '短' | '轻' | '矮' => Approx::Under,
            _ => return None,
        };
        let next = self.ch(k + 1);
        (!is_cjk(next) || "一些得了很点出".contains(next)).then_some(approx)
    }

    /// Whether the clause before `s` (back to a comma or sentence end) holds one of `chars`.
    fn clause_before_has(&self, s: usize, chars: &[char]) -> bool {
        let mut b = s;
        while b > 0 && !matches!(self.chars[b - 1], '，' | ',' | '。' | '；' | ';' | '\n' | '！' | '？' | '!' | '?') {
            b -= 1;
            if chars.contains(&self.chars[b]) {
                return true;
            }
        }
        false
    }

    /// Whether the sentence around `[s, e)` holds another Arabic figure.
    fn sentence_has_other_number(&self, s: usize, e: usize) -> bool {
        let si = self.sent_of.get(s).copied().unwrap_or(0).min(self.sentences.len().saturating_sub(1));
        let (a, b) = self.sentences[si];
        (a..b).any(|k| (k < s || k >= e) && self.chars[k].is_ascii_digit())
    }

    /// 500多万, 十余亿: 多/余 at `k` before a magnitude of 万 or more scales `num` and reads
    /// "more than", with the precision of the last non-zero place. Returns the new end.
    fn more_than_magnitude(&self, k: usize, num: &mut Numeral) -> Option<usize> {
        if !matches!(self.ch(k), '多' | '余') {
            return None;
        }
        let k1 = self.skip_space(k + 1);
        let (n, f) = self.cn_magnitude_at(k1).filter(|&(_, f)| f >= 1e4)?;
        let step = place_of_last_nonzero(num.value) * 2.0 * f;
        num.scale(f);
        num.step = step;
        Some(k1 + n)
    }

    fn unit_is_word_start(&self, k: usize, n: usize) -> bool {
        // A classifier char that begins a common non-classifier word (人工, 家庭, 分析) after a
        // number is no classifier: 3人工作 is rare, 3分析 is a list item.
        if n != 1 || !is_cjk(self.ch(k)) {
            return false;
        }
        let pair = self.text(k, k + 2);
        NOT_CLASSIFIER_WORDS.contains(&pair.as_str())
    }

    /// `/度`, `/1M token`, `每千瓦时`, ` per litre`: the denominator of a rate.
    fn denominator(&self, i: usize) -> Option<(String, usize)> {
        let k = if self.ch(i) == '/' || self.ch(i) == '每' {
            i + 1
        } else if self.at(i, " per ") {
            i + 5
        } else if self.at(i, "per ") {
            i + 4
        } else {
            return None;
        };
        let mut k2 = k;
        let mut count = String::new();
        if self.ch(k2).is_ascii_digit() {
            let d = self.read_digits(k2);
            count = self.text(k2, d);
            k2 = d;
            if matches!(self.ch(k2), 'M' | 'K' | 'B') {
                count.push(self.ch(k2));
                k2 += 1;
            }
            k2 = self.skip_space(k2);
        }
        if self.ch(k2) == '度' {
            return Some((format!("{count}kWh"), k2 + 1));
        }
        if let Some((n, entry)) = self.unit_at(k2) {
            let den = if count.is_empty() { entry.1.to_string() } else { format!("{count} {}", entry.1) };
            return Some((den, k2 + n));
        }
        // A Latin word or a single CJK noun char: per litre, /hour, /吨 handled above.
        let mut w = k2;
        while is_latin(self.ch(w)) {
            w += 1;
        }
        if w > k2 {
            return Some((format!("{}{}", if count.is_empty() { String::new() } else { format!("{count} ") }, self.text(k2, w)), w));
        }
        if is_cjk(self.ch(k2)) && count.is_empty() {
            let (ws, we) = self.word_at(k2);
            if ws == k2 && we - ws <= 2 {
                return Some((self.text(ws, we), we));
            }
        }
        None
    }

    /// A word that makes the next bare number a reference, not a quantity.
    fn reference_word_before(&self, s: usize) -> bool {
        const WORDS: &[&str] = &[
            "page", "pages", "p.", "pp.", "chapter", "section", "figure", "fig.", "table", "no.", "number",
            "room", "line", "route", "gate", "platform", "exit", "level", "floor", "version", "v",
            "step", "item", "article", "rule", "paragraph", "appendix", "annex", "phase", "grade",
            "episode", "season", "volume", "vol.", "issue", "part", "stage", "lane", "bus", "flight",
            "game", "games", "match", "week", "day", "round", "heat", "hole", "lap", "quarter", "half",
            "图", "表", "附件", "附表", "附图", "条款", "章节", "编号", "号码", "序号", "代码", "热线", "电话",
        ];
        let mut b = s;
        while b > 0 && matches!(self.chars[b - 1], ' ' | '#' | ':' | '：') {
            b -= 1;
        }
        let mut w = b;
        while w > 0 && (is_latin(self.chars[w - 1]) || self.chars[w - 1] == '.') {
            w -= 1;
        }
        if w < b {
            let word = self.text(w, b).to_lowercase();
            return WORDS.contains(&word.as_str());
        }
        (1..=2).any(|n| b >= n && WORDS.contains(&self.text(b - n, b).as_str()))
    }

    /// `每斤` / `每千瓦时` right before a figure (hedges and 为/是 may stand between).
    /// Returns the denominator and, when `每X` directly precedes the figure, the char index
    /// where the quote should start (the rate is then quoted whole: 每斤12元).
    fn per_unit_before(&self, s: usize) -> Option<(String, usize)> {
        let (_, mut b) = self.hedge_before(s);
        let adjacent_from = b;
        while b > 0 && matches!(self.chars[b - 1], '为' | '是' | ' ' | ':' | '：' | '约' | '达') {
            b -= 1;
        }
        for n in 1..=3 {
            if b > n && self.chars[b - n - 1] == '每' {
                let w = self.text(b - n, b);
                let at = if b == adjacent_from && b == s { b - n - 1 } else { s };
                if let Some((m, entry)) = self.unit_at(b - n) {
                    if m == n {
                        return Some((entry.1.to_string(), at));
                    }
                }
                if n == 1 && is_cjk(self.chars[b - 1]) {
                    return Some((w, at));
                }
            }
        }
        None
    }

    fn hedge_before(&self, s: usize) -> (Approx, usize) {
        let mut b = s;
        if self.before(b) == ' ' {
            b -= 1;
        }
        // 超过了100万倍: an aspect particle may follow the hedge.
        if self.before(b) == '了' && b >= 2 {
            let (a, at) = self.hedge_before(b - 1);
            if a != Approx::Exact {
                return (a, at);
            }
        }
        for (h, a) in HEDGES_BEFORE {
            let n = h.chars().count();
            // `<div>5`: an angle bracket after a letter or quote closes a tag.
            let tag = matches!(h.chars().next(), Some('<' | '>')) && b >= n && (self.before(b - n).is_ascii_alphanumeric() || matches!(self.before(b - n), '"' | '\'' | '/'));
            if b >= n && !tag && self.text(b - n, b).eq_ignore_ascii_case(h) && !(is_latin(h.chars().next().unwrap()) && is_latin(self.before(b - n))) {
                return (*a, b - n);
            }
        }
        // 超过了80, 至少有10, 最多为5: a verb particle between a Chinese hedge word and the number.
        if b == s && matches!(self.before(s), '了' | '有' | '是' | '为' | '达') {
            let b = s - 1;
            for (h, a) in HEDGES_BEFORE {
                let n = h.chars().count();
                if n >= 2 && b >= n && is_cjk(h.chars().next().unwrap()) && self.text(b - n, b) == *h {
                    return (*a, b - n);
                }
            }
        }
        (Approx::Exact, s)
    }

    fn range_after(&self, first: &Raw, core_end: usize) -> Option<Raw> {
        let mut k = first.e;
        // `5%~10%` and `10千瓦~25千瓦` put the unit on both ends; `8-10年` only on the second.
        let k0 = self.skip_space(k);
        let conn = self.ch(k0);
        // Only bare figures merge: `450公斤与600公斤之间` stays two claims for the
        // range_between rule, which checks their order.
        if matches!(conn, '与' | '和') {
            return if first.unit.is_empty() { self.range_between(first, k0 + 1) } else { None };
        }
        let conn_len = if matches!(conn, '-' | '~' | '至' | '到' | '—' | '–') {
            1
        } else if self.at(k0, " to ") || self.at(k0, "to ") {
            if self.at(k0, " to ") { 4 } else { 3 }
        } else {
            return None;
        };
        // 从A到B is a change from A to B, not a range.
        if matches!(conn, '到' | '至') {
            let back = first.s.saturating_sub(4);
            if self.text(back, first.s).contains('从') || self.text(back, first.s).contains('由') {
                return None;
            }
        }
        if conn_len > 1 {
            let back = first.s.saturating_sub(6);
            if self.text(back, first.s).to_lowercase().contains("from") {
                return None;
            }
        }
        if conn_len > 1 && first.kind != ClaimKind::Money && first.unit.is_empty() {
            // English "to" joins only figures with the same kind of unit
        }
        k = self.skip_space(k0 + conn_len);
        // Optional currency sign on the second end.
        let mut k2 = k;
        for (p, _) in CURRENCY_PREFIXES {
            if self.at(k2, p) {
                k2 += p.chars().count();
                break;
            }
        }
        let c = self.ch(k2);
        if !(c.is_ascii_digit() || starts_cn_numeral(c)) {
            return None;
        }
        let second = if c.is_ascii_digit() {
            if self.date_from_arabic(k2, self.read_digits(k2)).is_some() {
                return None;
            }
            let e = self.read_digits(k2);
            self.finish_number(k2, e, numeral::parse_arabic(&self.text(k2, e))?, false)?
        } else {
            let mut e = k2;
            while starts_cn_numeral(self.ch(e)) {
                e += 1;
            }
            self.finish_number(k2, e, numeral::parse_chinese(&self.text(k2, e))?, true)?
        };
        let Outcome::Claim(second) = second else { return None };
        if second.date.is_some() || second.kind == ClaimKind::Range {
            return None;
        }
        let same_unit = first.unit.is_empty() || first.unit == second.unit || (first.e == core_end);
        if !same_unit {
            return None;
        }
        let mut low = first.value;
        let mut step = first.step;
        // 12-15 million, 8-10年: the first end takes the second's magnitude.
        if first.e == core_end && second.value >= 1e3 && first.value < second.value / 100.0 {
            let scale = magnitude_scale(second.step);
            low *= scale;
            step *= scale;
        }
        Some(Raw {
            s: first.s,
            e: second.e,
            kind: ClaimKind::Range,
            value: low,
            high: second.value,
            unit: second.unit.clone(),
            approx: if first.approx != Approx::Exact { first.approx } else { second.approx },
            step: step.max(second.step),
            sig: first.sig.max(second.sig),
            date: None,
        })
    }

    /// `A与B之间`, `A和B间`: the second end at `k`, then 之间 or 间.
    fn range_between(&self, first: &Raw, k: usize) -> Option<Raw> {
        let k = self.skip_space(k);
        let mut e = k;
        let num = if self.ch(k).is_ascii_digit() {
            e = self.read_digits(k);
            numeral::parse_arabic(&self.text(k, e))?
        } else {
            while starts_cn_numeral(self.ch(e)) {
                e += 1;
            }
            numeral::parse_chinese(&self.text(k, e))?
        };
        let end = e;
        let between = if self.at(end, "之间") { 2 } else if self.ch(end) == '间' { 1 } else { return None };
        if num.value <= first.value {
            return None;
        }
        Some(Raw { s: first.s, e: end + between, kind: ClaimKind::Range, value: first.value, high: num.value, unit: first.unit.clone(), approx: first.approx, step: first.step.max(num.step), sig: first.sig.max(num.sig), date: None })
    }

    fn chinese(&self, i: usize) -> Option<Outcome> {
        let c = self.chars[i];
        let mut run_end = i;
        while starts_cn_numeral(self.ch(run_end)) {
            run_end += 1;
        }
        // Idioms and lexical words that contain numerals (万分之三 is a rate, not 万分).
        let before_fenzhi = self.at(run_end, "分之");
        for idiom in NUMERAL_IDIOMS.iter().filter(|_| !before_fenzhi) {
            let n = idiom.chars().count();
            for off in 0..n.min(4) {
                if i >= off && self.at(i - off, idiom) {
                    // A real unit right after the numeral beats an idiom reading (十分钟).
                    let mut e = i;
                    while starts_cn_numeral(self.ch(e)) {
                        e += 1;
                    }
                    if off == 0 && self.unit_at(e).map_or(false, |(m, en)| m >= 2 && en.2 != ClaimKind::Count) {
                        break;
                    }
                    if off == 0 && *idiom == "一番" && (self.before(i) == '翻' || self.at(i.saturating_sub(2), "翻了")) {
                        break;
                    }
                    return Some(Outcome::Skip(i - off + n));
                }
            }
        }
        if c == '半' {
            return self.half(i);
        }
        let mut e = i;
        while starts_cn_numeral(self.ch(e)) || ((self.ch(e) == '点' || self.ch(e) == '點') && starts_cn_numeral(self.ch(e + 1))) {
            e += 1;
        }
        // 五十兆瓦, 五十兆字节: 兆 before a unit is the prefix mega, not the numeral 10^12.
        if e > i + 1 && self.ch(e - 1) == '兆' && self.unit_at(e - 1).map_or(false, |(n, _)| n >= 2) {
            e -= 1;
        }
        // 三十两, 二两, 两万两, 三千两百两: 两 never ends a numeral after a unit or a digit (32 is
        // 三十二), so a final 两 there is the weight unit liang. 一两 and 三两 stay "one or two",
        // "two or three" (一两句, 三两下), and 两 before a unit or numeral is still "two".
        let liang = e > i + 1
            && self.ch(e - 1) == '两'
            && !matches!(self.ch(e - 2), '一' | '三' | '两')
            && self.unit_at(e).is_none()
            && !starts_cn_numeral(self.ch(e));
        if liang {
            e -= 1;
        }
        let text = self.text(i, e);
        // A lone financial numeral (拾起, 伍仁, 陆地, 肆意) counts only as a word of its own.
        if e == i + 1 && "壹贰叁肆伍陆柒捌玖拾佰仟".contains(c) && self.word_at(i) != (i, i + 1) {
            return Some(Outcome::Skip(self.word_at(i).1.max(e)));
        }
        // 一季度 … 四季度 name a quarter (a period), not a duration of N quarters.
        if self.at(e, "季度") && self.before(i) != '个' && self.before(i) != '第' {
            if let Some(q) = numeral::parse_chinese(&self.text(i, e)).filter(|n| (1.0..=4.0).contains(&n.value) && !n.vague) {
                return Some(Outcome::Claim(date_raw(i, e + 2, format!("Q{}", q.value as u32))));
            }
        }
        // 翻一番, 翻两番, 翻了一番
        if self.ch(e) == '番' && (self.before(i) == '翻' || self.at(i.saturating_sub(2), "翻了")) {
            let n = numeral::parse_chinese(&text)?.value;
            let s = if self.before(i) == '翻' { i - 1 } else { i - 2 };
            let v = 2f64.powf(n);
            // "Doubled" is said of a ratio near 2, not of exactly 2: ±5 %, the band of 约.
            return Some(Outcome::Claim(Raw { s, e: e + 1, kind: ClaimKind::Multiple, value: v, high: v, unit: "x".into(), approx: Approx::Exact, step: 0.1 * v, sig: 1, date: None }));
        }
        if let Some(o) = self.ordinal(i) {
            return Some(o);
        }
        // Fractions and 百分之: 四分之一, 三分之二, 百分之二十五.
        if self.at(e, "分之") {
            let den = numeral::parse_chinese(&text)?.value;
            return self.fraction(i, e, den);
        }
        // 一半 / 另一半
        if text == "一" && self.ch(e) == '半' {
            let s = if self.before(i) == '另' { i - 1 } else { i };
            let approx = if s < i { Approx::Vague } else { self.hedge_before(s).0 };
            return Some(Outcome::Claim(Raw { s, e: e + 1, kind: ClaimKind::Fraction, value: 0.5, high: 0.5, unit: "share".into(), approx, step: 0.0, sig: 1, date: None }));
        }
        // The jieba word around the numeral must not run past it into a non-unit (三星, 四川,
        // 零一万物) nor start before it (统一, 唯一).
        let (ws, we) = self.word_at(i);
        if ws < i && !(ws + 1 == i && self.before(i) == '上') && !(ws + 1 == i && matches!(self.before(i), '翻' | '另' | '近' | '约' | '超' | '逾' | '达' | '共' | '有' | '为' | '是' | '了' | '第')) {
            return Some(Outcome::Skip(we.max(e)));
        }
        let (ls, le) = self.word_at(e - 1);
        if le > e && ls < e {
            let ext = self.text(e, le);
            let unit_like = self.unit_at(e).is_some() || ext.starts_with('年') || ext.starts_with('月') || ext.starts_with('多') || ext.starts_with('余') || ext.starts_with('番') || ext.starts_with('成') || ext.starts_with('折') || ext.starts_with("分之") || (liang && ext.starts_with('两')) || ext == "打";
            if !unit_like {
                return Some(Outcome::Skip(le));
            }
        }
        // Dates in Chinese numerals: 二〇二四年, 六月十八日
        let num = numeral::parse_chinese(&text)?;
        if self.ch(e) == '月' && num.value <= 12.0 && !num.vague && self.before(i) != '个' {
            let mut s = i;
            for rel in ["去年", "今年", "明年", "前年"] {
                if i >= 2 && self.text(i - 2, i) == rel {
                    s = i - 2;
                }
            }
            return self.month_day(s, i, None).map(Outcome::Claim);
        }
        if self.ch(e) == '年' && e - i == 4 && text.chars().all(|c| numeral::chinese_digit(c).is_some()) {
            let v = num.value;
            return Some(Outcome::Claim(self.month_day(i, e + 1, Some(v as u32)).unwrap_or_else(|| year_raw(i, e + 1, v))));
        }
        // Magnitude-only numerals (万卡, 千亿美元) are vague anchors.
        let mut num = num;
        if text.chars().all(|c| numeral::chinese_big_unit(c).is_some() || numeral::chinese_small_unit(c).is_some()) && !matches!(text.as_str(), "十") {
            num.vague = true;
        }
        self.finish_number(i, e, num, true)
    }

    /// `D分之N` with the denominator at `[i, e)` worth `den`: a percentage when D is a power of
    /// ten from 100 up (百分之五, 万分之三), a fraction otherwise; `X又D分之N` adds a whole part.
    fn fraction(&self, i: usize, e: usize, den: f64) -> Option<Outcome> {
        let k = self.skip_space(e + 2);
        // 负3分之负157: a signed numerator.
        let negative_numerator = matches!(self.ch(k), '负' | '負') && (starts_cn_numeral(self.ch(k + 1)) || self.ch(k + 1).is_ascii_digit());
        let k = if negative_numerator { k + 1 } else { k };
        let mut e2 = k;
        while starts_cn_numeral(self.ch(e2)) || self.ch(e2).is_ascii_digit() || ((self.ch(e2) == '点' || self.ch(e2) == '.') && e2 > k) {
            e2 += 1;
        }
        // The numerator ends where a numeral stops parsing (百分之七十百分位 → 七十).
        let parse = |t: &str| numeral::parse_chinese(t).or_else(|| numeral::parse_arabic(t));
        while e2 > k + 1 && parse(&self.text(k, e2)).is_none() {
            e2 -= 1;
        }
        let mut numr = parse(&self.text(k, e2))?;
        if negative_numerator {
            (numr.value, numr.high) = (-numr.high, -numr.value);
        }
        if den == 0.0 {
            return Some(Outcome::Skip(e2));
        }
        let approx = self.hedge_before(i).0;
        // 百分之, 千分之, 万分之, 百万分之: rates written per power of ten are percentages.
        // `X又D分之N`, also with a space after 又 (digits keep the space the CJK ones lose).
        let you = if self.before(i) == '又' { Some(i - 1) } else if self.before(i) == ' ' && i >= 2 && self.chars[i - 2] == '又' { Some(i - 2) } else { None };
        if den >= 100.0 && (den.log10() - den.log10().round()).abs() < 1e-9 && you.is_none() {
            let (v, h) = (numr.value * 100.0 / den, numr.high * 100.0 / den);
            let approx = if numr.vague { Approx::Vague } else { approx };
            return Some(Outcome::Claim(Raw { s: i, e: e2, kind: ClaimKind::Percent, value: v, high: h, unit: "%".into(), approx, step: numr.step * 100.0 / den, sig: numr.sig, date: None }));
        }
        let mut v = numr.value / den;
        let mut s = i;
        // 三百五十又三分之一, 3又一千分之23: a whole part before 又.
        if let Some(you) = you {
            let mut w = you;
            while w > 0 && (starts_cn_numeral(self.chars[w - 1]) || self.chars[w - 1].is_ascii_digit() || self.chars[w - 1] == '.') {
                w -= 1;
            }
            let whole_text = self.text(w, you);
            if let Some(whole) = numeral::parse_arabic(&whole_text).or_else(|| numeral::parse_chinese(&whole_text)) {
                v += whole.value;
                s = w;
            }
        }
        if matches!(self.before(s), '负' | '負') {
            v = -v;
            s -= 1;
        }
        Some(Outcome::Claim(Raw { s, e: e2, kind: ClaimKind::Fraction, value: v, high: v, unit: "ratio".into(), approx, step: 0.0, sig: 3, date: None }))
    }

    fn half(&self, i: usize) -> Option<Outcome> {
        let approx = self.hedge_before(i).0;
        if self.ch(i + 1) == '年' {
            return Some(Outcome::Claim(Raw { s: i, e: i + 2, kind: ClaimKind::Duration, value: 6.0, high: 6.0, unit: "months".into(), approx: if approx == Approx::Exact { Approx::About } else { approx }, step: 1.0, sig: 1, date: None }));
        }
        if self.at(i + 1, "个月") {
            return Some(Outcome::Claim(Raw { s: i, e: i + 3, kind: ClaimKind::Duration, value: 0.5, high: 0.5, unit: "months".into(), approx, step: 0.1, sig: 1, date: None }));
        }
        if self.ch(i + 1) == '数' {
            return Some(Outcome::Claim(Raw { s: i, e: i + 2, kind: ClaimKind::Fraction, value: 0.5, high: 0.5, unit: "share".into(), approx, step: 0.0, sig: 1, date: None }));
        }
        // 半成 (5%) and 半折 (half price), not 半成品.
        if self.ch(i + 1) == '成' && !matches!(self.ch(i + 2), '品' | '熟' | '功') {
            return Some(Outcome::Claim(Raw { s: i, e: i + 2, kind: ClaimKind::Percent, value: 5.0, high: 5.0, unit: "%".into(), approx, step: 1.0, sig: 1, date: None }));
        }
        if self.ch(i + 1) == '折' {
            return Some(Outcome::Claim(Raw { s: i, e: i + 2, kind: ClaimKind::Discount, value: 0.5, high: 0.5, unit: "share".into(), approx, step: 0.01, sig: 1, date: None }));
        }
        Some(Outcome::Skip(i + 1))
    }

    /// Whether 半 at `i` begins a longer word (半导体, 半年, 半程) rather than meaning "and a half".
    fn half_starts_word(&self, i: usize) -> bool {
        let (ws, we) = self.word_at(i);
        ws == i && we > i + 1
    }

    /// English number words: three times, a third, twice, 2.5 times handled by units.
    fn english_word(&self, i: usize) -> Option<Outcome> {
        let mut e = i;
        while is_latin(self.ch(e)) || (self.ch(e) == '-' && is_latin(self.ch(e + 1))) {
            e += 1;
        }
        let word = self.text(i, e).to_lowercase();
        // English dates: March 31, 2025 / Jan. 8 / June 2024.
        if let Some(m) = month_number(&word) {
            if let Some(raw) = self.english_date(i, e, m) {
                return Some(Outcome::Claim(raw));
            }
        }
        let simple = |v: f64, kind: ClaimKind, unit: &str, end: usize| {
            // A multiple said in words (twice, doubled) stands for a ratio near it: ±5 %, as 翻一番.
            let step = match kind {
                ClaimKind::Fraction => 0.0,
                ClaimKind::Multiple => 0.1 * v,
                _ => 1.0,
            };
            Some(Outcome::Claim(Raw { s: i, e: end, kind, value: v, high: v, unit: unit.into(), approx: self.hedge_before(i).0, step, sig: 1, date: None }))
        };
        match word.as_str() {
            "twice" => return simple(2.0, ClaimKind::Multiple, "x", e),
            // doubled, tripled, quadrupled: a multiple stated by the verb.
            "doubled" | "tripled" | "trebled" | "quadrupled" | "twofold" | "threefold" | "fourfold" | "fivefold" | "tenfold" => {
                let v = match word.as_str() {
                    "doubled" | "twofold" => 2.0,
                    "tripled" | "trebled" | "threefold" => 3.0,
                    "quadrupled" | "fourfold" => 4.0,
                    "fivefold" => 5.0,
                    _ => 10.0,
                };
                return simple(v, ClaimKind::Multiple, "x", e);
            }
            "half" if !self.at(e, "-") => return simple(0.5, ClaimKind::Fraction, "share", e),
            "a" | "one" => {
                for (w, v) in [(" third", 1.0 / 3.0), (" quarter", 0.25), (" half", 0.5), (" fifth", 0.2), (" tenth", 0.1)] {
                    if self.at(e, w) && !is_latin(self.ch(e + w.len())) {
                        return simple(v, ClaimKind::Fraction, "ratio", e + w.len());
                    }
                }
            }
            "two-thirds" => return simple(2.0 / 3.0, ClaimKind::Fraction, "ratio", e),
            "three-quarters" => return simple(0.75, ClaimKind::Fraction, "ratio", e),
            _ => {}
        }
        let v = english_number(&word)?;
        // A number word needs a magnitude or a unit or a plural noun after it.
        let k = self.skip_space(e);
        let num = Numeral { value: v, high: v, step: 1.0, sig: 1, vague: false };
        for (m, f) in EN_MAGNITUDES {
            if self.at(k, m) && !is_latin(self.ch(k + m.len())) {
                let num = Numeral { value: v * f, high: v * f, step: *f, sig: 1, vague: false };
                return self.finish_number(i, k + m.len(), num, true).or(Some(Outcome::Skip(e)));
            }
        }
        if let Some((n, entry)) = self.unit_at(k) {
            if entry.2 != ClaimKind::Count && n > 1 {
                return self.finish_number(i, e, num, false);
            }
        }
        // three companies, twelve countries: a plural noun as the unit.
        if v >= 2.0 {
            let mut w = k;
            while is_latin(self.ch(w)) {
                w += 1;
            }
            let noun = self.text(k, w);
            if noun.len() > 2 && noun.ends_with('s') && !is_function_word(&noun) {
                return Some(Outcome::Claim(Raw { s: i, e: w, kind: ClaimKind::Count, value: v, high: v, unit: noun, approx: self.hedge_before(i).0, step: 1.0, sig: 1, date: None }));
            }
        }
        Some(Outcome::Skip(e))
    }

    /// `March 31, 2025`, `Jan. 8`, `June 2024` after a month name ending at `e`.
    fn english_date(&self, i: usize, e: usize, m: u32) -> Option<Raw> {
        let mut k = e;
        if self.ch(k) == '.' {
            k += 1;
        }
        if self.ch(k) != ' ' || !self.ch(k + 1).is_ascii_digit() {
            return None;
        }
        let d_end = self.read_digits(k + 1);
        let digits = self.text(k + 1, d_end);
        let n: u32 = digits.parse().ok()?;
        if digits.len() == 4 && (1000..=2100).contains(&n) {
            return Some(date_raw(i, d_end, format!("{n:04}-{m:02}")));
        }
        if !(1..=31).contains(&n) || digits.len() > 2 {
            return None;
        }
        let mut end = d_end;
        for suffix in ["st", "nd", "rd", "th"] {
            if self.at(end, suffix) && !is_latin(self.ch(end + 2)) {
                end += 2;
            }
        }
        // An optional year: ", 2025" or " 2025".
        let y0 = if self.ch(end) == ',' { end + 1 } else { end };
        if self.ch(y0) == ' ' && self.ch(y0 + 1).is_ascii_digit() {
            let y_end = self.read_digits(y0 + 1);
            if y_end - y0 - 1 == 4 {
                let y: u32 = self.text(y0 + 1, y_end).parse().ok()?;
                if (1000..=2100).contains(&y) {
                    return Some(date_raw(i, y_end, format!("{y:04}-{m:02}-{n:02}")));
                }
            }
        }
        Some(date_raw(i, end, format!("--{m:02}-{n:02}")))
    }

    /// Inline formulas: `a × b = c`, `449W*1022362h*0.87=408944800元`: one formula claim
    /// spanning the whole expression, beside the claims of its parts.
    fn add_formulas(&self, raws: &mut Vec<Raw>) {
        let mut sorted = raws.clone();
        sorted.sort_by_key(|r| r.s);
        let mut extra = Vec::new();
        for (idx, r) in sorted.iter().enumerate() {
            // r is the right-hand side when `=` stands right before it.
            let mut b = r.s;
            while b > 0 && self.chars[b - 1] == ' ' {
                b -= 1;
            }
            if b == 0 || !matches!(self.chars[b - 1], '=' | '＝') {
                continue;
            }
            // Walk left over operands joined by operators.
            let mut first = None;
            let mut pos = b - 1;
            let mut j = idx;
            let mut operands = 0;
            while j > 0 {
                let l = &sorted[j - 1];
                let gap = self.text(l.e, pos);
                let gap_t = gap.trim();
                let is_op_gap = pos == b - 1 && gap_t.is_empty()
                    || (gap_t.chars().count() == 1 && matches!(gap_t.chars().next().unwrap(), '×' | '*' | 'x' | 'X' | '÷' | '/' | '+' | '-' | '－'));
                if !is_op_gap {
                    break;
                }
                first = Some(l.s);
                operands += 1;
                pos = l.s;
                j -= 1;
            }
            if operands >= 2 || (operands >= 1 && self.text(first.unwrap_or(b), b).contains(['×', '*', '÷', '+'])) {
                let s = first.unwrap();
                if self.text(s, b).chars().any(|c| matches!(c, '×' | '*' | '÷' | '/' | '+' | '-' | 'x' | 'X')) {
                    extra.push(Raw { s, e: r.e, kind: ClaimKind::Formula, value: r.value, high: r.high, unit: r.unit.clone(), approx: Approx::Exact, step: r.step, sig: r.sig, date: None });
                }
            }
        }
        raws.extend(extra);
    }

    /// A month-day date without a year takes the year of the latest full date or year
    /// stated before it on the same line (2024年1月 … 7月14日 → 2024-07-14).
    fn infer_years(&self, raws: &mut [Raw]) {
        let mut year: Option<(u32, usize)> = None; // (year, line-start char index)
        for r in raws.iter_mut() {
            let line_start = self.chars[..r.s].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
            if year.map_or(false, |(_, ls)| ls != line_start) {
                year = None;
            }
            match (&r.kind, &r.date) {
                (ClaimKind::Year, _) if r.value.fract() == 0.0 => year = Some((r.value as u32, line_start)),
                (ClaimKind::Date, Some(d)) if !d.starts_with("--") => {
                    if let Some(Ok(y)) = d.get(..4).map(str::parse) {
                        year = Some((y, line_start));
                    }
                }
                (ClaimKind::Date, Some(d)) if d.starts_with("--") && self.text(r.s, r.e).chars().next().map_or(false, |c| c.is_ascii_digit() || starts_cn_numeral(c)) => {
                    if let Some((y, _)) = year {
                        r.date = Some(format!("{y:04}-{}", &d[2..]));
                    }
                }
                _ => {}
            }
        }
    }

    /// Two ends of one change share a rate's denominator: 由每斤5.2元上涨至6.5元,
    /// from $500 to $350 per kWh. A bare amount joined to a rate of the same currency by a
    /// change or range word takes the rate's unit.
    fn share_rate_units(&self, raws: &mut [Raw]) {
        for k in 1..raws.len() {
            let (a, b) = (&raws[k - 1], &raws[k]);
            if a.e > b.s {
                continue;
            }
            let between = self.text(a.e, b.s).trim().to_lowercase();
            let joined = between.chars().count() <= 6
                && (between.ends_with('至') || between.ends_with('到') || between.ends_with('为') || between == "to" || between == "-" || between == "~")
                && !between.contains(['，', ',', '。', '；']);
            if !joined {
                continue;
            }
            let currency = |r: &Raw| r.unit.split('/').next().unwrap_or("").to_string();
            if a.kind == ClaimKind::PricePerUnit && b.kind == ClaimKind::Money && currency(a) == b.unit {
                let unit = a.unit.clone();
                raws[k].kind = ClaimKind::PricePerUnit;
                raws[k].unit = unit;
            } else if b.kind == ClaimKind::PricePerUnit && a.kind == ClaimKind::Money && currency(b) == a.unit {
                let unit = b.unit.clone();
                raws[k - 1].kind = ClaimKind::PricePerUnit;
                raws[k - 1].unit = unit;
            }
        }
    }

    /// A list that writes the unit once, on its last item, gives it to every item
    /// (分别集资410亿、306亿及98.9亿港元; 3, 4 and 5 million tonnes).
    fn share_list_units(&self, raws: &mut [Raw]) {
        let mut k = raws.len();
        while k > 1 {
            k -= 1;
            if raws[k].unit.is_empty() {
                continue;
            }
            let mut j = k;
            while j > 0 {
                let (a, b) = (&raws[j - 1], &raws[j]);
                if a.e > b.s {
                    break;
                }
                let between = self.text(a.e, b.s).trim().to_lowercase();
                // Commas end clauses as often as they join list items: only list words join.
                let list_sep = matches!(between.as_str(), "、" | "和" | "及" | "与" | "或" | "and" | "or" | ", and" | "至" | "到");
                let similar = a.value > 0.0 && raws[k].value / a.value < 1000.0 && a.value / raws[k].value < 1000.0;
                if !list_sep || !similar || !a.unit.is_empty() || a.kind != ClaimKind::Count || a.date.is_some() {
                    break;
                }
                j -= 1;
            }
            let (unit, kind) = (raws[k].unit.clone(), raws[k].kind);
            for r in raws[j..k].iter_mut() {
                r.unit = unit.clone();
                r.kind = kind;
            }
        }
    }

    /// The words before a claim in its clause: what the figure is about.
    fn subject(&self, s: usize) -> String {
        let mut b = s;
        let mut n = 0;
        while b > 0 && n < 16 {
            let c = self.chars[b - 1];
            if matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '\n' | '、' | '(' | '（' | ')' | '）' | '!' | '?' | '！' | '？') {
                break;
            }
            b -= 1;
            n += 1;
        }
        self.text(b, s).trim().to_string()
    }
}

/// Two-char words that start with a classifier char but are no classifier use.
const NOT_CLASSIFIER_WORDS: &[&str] = &[
    "人工", "人民", "人类", "人口", "人们", "人才", "人员", "家庭", "家族", "家长", "家电", "家居", "台湾",
    "台阶", "名单", "名称", "名义", "名字", "位置", "位于", "分析", "分别", "分布", "分享", "分为", "代表",
    "代码", "代理", "大学", "大型", "大量", "大幅", "大规", "大模", "大数", "重要", "重点", "重新", "起来",
    "起步", "道路", "期间", "期待", "次数", "回来", "回报", "对于", "对比", "门槛", "级别", "码头", "单位",
    "单价", "笔记", "票房", "集团", "集中", "首先", "首次", "组织", "组成", "批准", "类似", "种类", "款式",
    "口径", "根据", "包括", "幅度", "本身", "本地", "本土", "条件", "项目", "部分", "部门", "部署", "头部",
    "张开", "片面", "块链", "层面", "层次", "场景", "场所", "轮融", "例如", "届时", "只是", "只有", "只要",
    "所以", "所有", "间隔", "套餐", "支持", "支付", "双方", "对手", "字节", "处理", "处于", "处在", "处置", "级市", "次产",
    "章程", "节点", "节约", "节能", "节省", "节目", "节日", "节奏",
];

fn place_of_last_nonzero(v: f64) -> f64 {
    let mut p = 1.0;
    let mut x = v.abs();
    if x == 0.0 {
        return 1.0;
    }
    while x >= 10.0 && (x / 10.0).fract() == 0.0 {
        x /= 10.0;
        p *= 10.0;
    }
    p / 2.0
}

/// The magnitude the second end of a range was written with (its step: 15 million → 1e6).
fn magnitude_scale(step: f64) -> f64 {
    if step >= 1.0 { step } else { 1.0 }
}

fn discount_share(digits: &str) -> Option<f64> {
    let d: String = digits
        .chars()
        .map(|c| if matches!(c, '点' | '點') { '.' } else { numeral::chinese_digit(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c) })
        .collect();
    let v: f64 = d.parse().ok()?;
    let share = if d.contains('.') || d.len() == 1 { v / 10.0 } else { v / 100.0 };
    (0.0 < share && share < 1.0).then_some(share)
}

fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

fn is_function_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "的", "以上", "以下", "左右", "之间", "之多", "以来", "以后", "以前", "左右的", "多个", "上下",
        "and", "the", "of", "to", "in", "for", "from", "with", "than", "this", "that", "these", "those",
        "are", "was", "were", "its", "his", "her", "their", "has", "have", "is", "as", "at", "on", "by",
        "times", "years", "percent",
    ];
    WORDS.contains(&w) || w.starts_with('的')
}

fn is_english_context_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "USD", "RMB", "CNY", "EUR", "HKD", "GBP", "JPY", "US", "In", "By", "From", "To", "Since", "Over",
        "About", "Around", "Nearly", "Almost", "Only", "Just", "Some", "Of", "On", "At", "For", "Top",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "Q1", "Q2", "Q3", "Q4", "FY", "H1", "H2", "The", "And", "Than", "With", "Up",
        "Down", "Of", "Year", "Revenue", "Sales", "Profit", "Up", "AND", "OR",
    ];
    WORDS.contains(&w)
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: &[(&str, u32)] = &[
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("jan", 1),
        ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9),
        ("oct", 10), ("nov", 11), ("dec", 12),
    ];
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn english_number(w: &str) -> Option<f64> {
    const UNITS: &[(&str, f64)] = &[
        ("one", 1.0), ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0),
        ("seven", 7.0), ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0),
        ("twelve", 12.0), ("thirteen", 13.0), ("fourteen", 14.0), ("fifteen", 15.0),
        ("sixteen", 16.0), ("seventeen", 17.0), ("eighteen", 18.0), ("nineteen", 19.0),
        ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0),
        ("seventy", 70.0), ("eighty", 80.0), ("ninety", 90.0), ("hundred", 100.0), ("dozen", 12.0),
    ];
    let mut total = 0.0;
    for part in w.split('-') {
        total += UNITS.iter().find(|(n, _)| *n == part)?.1;
    }
    Some(total)
}

fn year_raw(s: usize, e: usize, v: f64) -> Raw {
    Raw { s, e, kind: ClaimKind::Year, value: v, high: v, unit: String::new(), approx: Approx::Exact, step: 1.0, sig: 4, date: None }
}

fn date_raw(s: usize, e: usize, date: String) -> Raw {
    Raw { s, e, kind: ClaimKind::Date, value: f64::NAN, high: f64::NAN, unit: String::new(), approx: Approx::Exact, step: 0.0, sig: 0, date: Some(date) }
}
