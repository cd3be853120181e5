//! The `weekday` builder: a weekday written beside a full date against the calendar.
use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::check::graph::DocGraph;
use crate::check::relation::*;
use crate::check::calendar::*;
use crate::model::{Claim, ClaimKind};

pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let (di, cs) = (g.doc, &g.claims);
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
            if let Some(rel) = weekday_relation(ri, di, g.text, c, inferred, if fixed_here { &[] } else { &dateline_years }, fixed_here) {
                out.push(rel);
            }
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


