//! Claim skeletons: a sentence (or a line) rewritten with every claim replaced by a typed
//! placeholder `⟨kind:id⟩`, and the pattern macros rule files write against it.
//!
//! `出厂价从12.80万元下调至10.88万元，降幅为15%` becomes
//! `出厂价从⟨money:3⟩下调至⟨money:4⟩，降幅为⟨percent:5⟩`.
//!
//! Overlapping claims (a formula and its parts) are resolved outermost-first: the formula
//! becomes one placeholder; the formula builder reads its parts separately.
use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Claim, ClaimKind};

/// Which text unit a pattern runs over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Ends at 。！？!? , a newline, or `. ` in English.
    Sentence,
    /// Ends at a newline (a paragraph in most scraped articles).
    Line,
}

#[derive(Debug, Clone)]
pub struct Skeleton {
    pub doc: usize,
    /// Byte range of the unit in `Document::text`.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub const KINDS: [&str; 20] = [
    "money", "percent", "percent_point", "multiple", "fraction", "discount", "count", "params",
    "tokens", "duration", "date", "year", "power", "energy", "compute", "price_per_unit", "range",
    "formula", "measure", "other",
];

/// Kind aliases usable in `{role:alias}`.
pub fn alias(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "num" => &[
            "money", "percent", "percent_point", "multiple", "fraction", "discount", "count",
            "params", "tokens", "duration", "power", "energy", "compute", "price_per_unit",
            "measure", "other",
        ],
        "amount" => &[
            "money", "count", "params", "tokens", "duration", "power", "energy", "compute",
            "price_per_unit", "measure", "other",
        ],
        "share" => &["percent", "fraction", "discount"],
        "when" => &["date", "year"],
        _ => return None,
    })
}

/// Text that may sit between two figures of one relation: no placeholder, no sentence end.
const GAP_CLASS: &str = "[^⟨⟩。！？!?；;\\n]";

fn placeholder_re(kinds: &[&str]) -> String {
    format!("⟨(?:{}):[0-9]+⟩", kinds.join("|"))
}

/// One role a pattern binds.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternRole {
    pub name: String,
    pub multi: bool,
}

/// Expand the macros of a rule pattern into a plain regex:
/// - `{name:kind}` / `{name:kind|kind}` / `{name:alias}` → `(?P<name>⟨kind:[0-9]+⟩)`;
/// - `{name*:kind}` → a run of such placeholders separated by gaps of up to 20 chars (a list);
/// - `{name*:kind/SEP}` → a list whose every further item follows the regex SEP directly
///   (`{parts*:percent/占}` reads `A占45%，B占35%`);
/// - `{_name:kind}` → a placeholder that binds no role (`是{_y:year}{b:amount}的`);
/// - `{gap}` → up to 12 chars with no placeholder and no sentence end; `{gap:N}` → up to N.
///
/// Errors carry the byte offset of the macro in the pattern.
pub fn expand(pattern: &str) -> Result<(String, Vec<PatternRole>), (usize, String)> {
    static MACRO: OnceLock<Regex> = OnceLock::new();
    let macro_re = MACRO.get_or_init(|| {
        Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*)(\*)?(?::([A-Za-z_|0-9]+))?(?:/([^{}]*))?\}").expect("valid")
    });
    let mut out = String::new();
    let mut roles = Vec::new();
    let mut last = 0;
    for m in macro_re.captures_iter(pattern) {
        let whole = m.get(0).expect("match");
        out.push_str(&pattern[last..whole.start()]);
        last = whole.end();
        let name = &m[1];
        let multi = m.get(2).is_some();
        let arg = m.get(3).map(|a| a.as_str());
        let sep = m.get(4).map(|a| a.as_str());
        if sep.is_some() && !multi {
            return Err((whole.start(), "a separator (`/…`) is only for list roles `{name*:kind/sep}`".into()));
        }
        if name == "gap" && !multi {
            let n = match arg {
                None => 12,
                Some(a) => a
                    .parse::<usize>()
                    .map_err(|_| (whole.start(), format!("`{{gap:{a}}}`: the gap length must be a number")))?,
            };
            out.push_str(&format!("{GAP_CLASS}{{0,{n}}}"));
            continue;
        }
        let Some(arg) = arg else {
            return Err((whole.start(), format!("`{{{name}}}` needs a kind, e.g. `{{{name}:money}}`")));
        };
        let mut kinds: Vec<&str> = Vec::new();
        for k in arg.split('|') {
            if let Some(a) = alias(k) {
                kinds.extend_from_slice(a);
            } else if let Some(k) = KINDS.iter().find(|x| **x == k) {
                kinds.push(k);
            } else {
                return Err((
                    whole.start(),
                    format!("unknown claim kind `{k}` (kinds: {}; aliases: num, amount, share, when)", KINDS.join(", ")),
                ));
            }
        }
        let ph = placeholder_re(&kinds);
        // `{_name:kind}`: a figure that must be there but fills no role.
        if name.starts_with('_') && !multi {
            out.push_str(&format!("(?:{ph})"));
            continue;
        }
        if roles.iter().any(|r: &PatternRole| r.name == name) {
            return Err((whole.start(), format!("role `{name}` is bound twice in one pattern")));
        }
        if let Some(sep) = sep {
            // Every further item is introduced by the separator right before it.
            out.push_str(&format!("(?P<{name}>{ph}(?:{GAP_CLASS}{{0,20}}?(?:{sep}){ph})*)"));
        } else if multi {
            out.push_str(&format!("(?P<{name}>{ph}(?:{GAP_CLASS}{{0,20}}{ph})*)"));
        } else {
            out.push_str(&format!("(?P<{name}>{ph})"));
        }
        roles.push(PatternRole { name: name.to_string(), multi });
    }
    out.push_str(&pattern[last..]);
    Ok((out, roles))
}

/// Claim ids of the placeholders inside `text`, in order.
pub fn placeholder_ids(text: &str) -> Vec<usize> {
    static PH: OnceLock<Regex> = OnceLock::new();
    let re = PH.get_or_init(|| Regex::new("⟨[a-z_]+:([0-9]+)⟩").expect("valid"));
    re.captures_iter(text).filter_map(|c| c[1].parse().ok()).collect()
}

/// Byte ranges of the units of `text` at `scope`.
/// Marks that end a clause (a comma or stronger).
const CLAUSE_MARKS: [char; 12] = ['，', ',', '。', '；', ';', '\n', '：', ':', '!', '！', '?', '？'];

/// Byte offset where the clause holding `pos` starts (just after the last clause mark before it).
pub fn clause_start(text: &str, pos: usize) -> usize {
    text[..pos].char_indices().rev().find(|(_, ch)| CLAUSE_MARKS.contains(ch)).map_or(0, |(i, ch)| i + ch.len_utf8())
}

/// Byte offset where the clause holding `pos` ends (at the next clause mark, or the text's end).
pub fn clause_end(text: &str, pos: usize) -> usize {
    text[pos..].find(CLAUSE_MARKS).map_or(text.len(), |i| pos + i)
}

pub fn units(text: &str, scope: Scope) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_here = match c {
            '\n' => true,
            '。' | '！' | '？' | '!' | '?' => scope == Scope::Sentence,
            // An English full stop: followed by a space or the end (a decimal point never is).
            '.' => {
                let word = text[..i].rsplit(|ch: char| !ch.is_ascii_alphabetic()).next().unwrap_or("");
                scope == Scope::Sentence
                    && matches!(bytes.get(i + 1), None | Some(b' ') | Some(b'\n'))
                    && !crate::model::is_abbreviation(word)
            }
            _ => false,
        };
        // A sentence opening with 其中 lists parts of the figure before it (…185万册次。其中，…).
        let end_here = end_here && c != '\n' && !text[i + c.len_utf8()..].trim_start().starts_with("其中") || end_here && c == '\n';
        if end_here {
            let e = i + c.len_utf8();
            if e > start {
                out.push((start, e));
            }
            start = e;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The claims drawn in a skeleton: outermost first, so a formula hides its parts.
pub fn outermost(claims: &[&Claim]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..claims.len()).collect();
    idx.sort_by_key(|&i| (claims[i].start, std::cmp::Reverse(claims[i].end), claims[i].id));
    let mut keep = Vec::new();
    let mut covered_to = 0usize;
    for i in idx {
        let c = claims[i];
        if c.end <= c.start {
            continue;
        }
        if c.start >= covered_to {
            keep.push(i);
            covered_to = c.end;
        }
    }
    keep
}

/// Skeletons of one document at one scope. `claims` are that document's claims.
pub fn skeletons(doc: usize, text: &str, claims: &[&Claim], scope: Scope) -> Vec<Skeleton> {
    let keep = outermost(claims);
    let mut out = Vec::new();
    let mut k = 0;
    for (s, e) in units(text, scope) {
        let mut sk = String::new();
        let mut pos = s;
        while k < keep.len() && claims[keep[k]].start < e {
            let c = claims[keep[k]];
            k += 1;
            // A claim straddling a unit boundary stays out of both skeletons.
            if c.start < s || c.end > e || c.start < pos {
                continue;
            }
            sk.push_str(&text[pos..c.start]);
            sk.push_str(&format!("⟨{}:{}⟩", kind_name(c.kind), c.id));
            pos = c.end;
        }
        if pos < e {
            sk.push_str(&text[pos..e]);
        }
        out.push(Skeleton { doc, start: s, end: e, text: sk });
    }
    out
}

pub fn kind_name(k: ClaimKind) -> &'static str {
    k.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macros_expand() {
        let (re, roles) = expand("从{from:money}{gap}至{to:money|count}").unwrap();
        assert!(re.contains("(?P<from>⟨(?:money):[0-9]+⟩)"));
        assert!(re.contains("(?P<to>⟨(?:money|count):[0-9]+⟩)"));
        assert_eq!(roles.len(), 2);
        assert!(Regex::new(&re).is_ok());
        let (_, roles) = expand("{parts*:share}").unwrap();
        assert!(roles[0].multi);
        assert_eq!(expand("{x:dollars}").unwrap_err().0, 0);
        assert_eq!(expand("ab{x:money}{x:money}").unwrap_err().0, 11);
    }

    #[test]
    fn sentence_units() {
        let t = "增长5.2%。Sales rose 3.1% in 2023. Next line\nB";
        let u = units(t, Scope::Sentence);
        let parts: Vec<&str> = u.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(parts, vec!["增长5.2%。", "Sales rose 3.1% in 2023.", " Next line\n", "B"]);
        assert_eq!(units(t, Scope::Line).len(), 2);
    }
}
