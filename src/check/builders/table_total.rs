//! The `table_total` builder: a table's total row (合计, 總數, Total) against the rows above it,
//! column by column. A table is a run of consecutive table rows of the claim graph; the parts of
//! a total row are the rows since the previous total row, leaving out sub-items (其中…, of which).
//! Columns are counted from the right end of a row, since labels on the left may hold spaces.
use std::collections::BTreeMap;

use super::breakdown::is_amount;
use crate::check::graph::{DocGraph, Lexicon};
use crate::check::relation::*;
use crate::check::units::claim_unit;
use crate::model::Claim;

/// The row's label (its first cell), lower-cased, without spaces.
fn label(row: &str) -> String {
    let t = row.trim().trim_start_matches('|');
    let first = if row.trim_start().starts_with('|') {
        t.split('|').find(|c| !c.trim().is_empty()).unwrap_or("")
    } else {
        t.split(|c: char| c.is_ascii_digit() || c == '-' || c == '−').next().unwrap_or("")
    };
    first.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// The column of a position: cell separators between it and the row's end.
fn column_from_right(row: &str, offset: usize) -> usize {
    let rest = &row[offset.min(row.len())..];
    if row.trim_start().starts_with('|') {
        rest.matches('|').count()
    } else {
        rest.split_whitespace().count()
    }
}

/// Relations of the `table_total` builder in one document (see `Builder::TableTotal`).
pub fn relations(ri: usize, g: &DocGraph, out: &mut Vec<Relation>) {
    let lex = Lexicon::get();
    let rows = &g.seg.table_rows;
    let mut i = 0;
    while i < rows.len() {
        // One table: consecutive paragraphs that are table rows.
        let mut j = i + 1;
        while j < rows.len() && rows[j] == rows[j - 1] + 1 {
            j += 1;
        }
        let table = &rows[i..j];
        i = j;
        // Per row: its label and its amount cells by column.
        let cells: Vec<(String, BTreeMap<usize, &Claim>)> = table
            .iter()
            .map(|&p| {
                let (s, e) = g.seg.paragraphs[p];
                let row = &g.text[s..e];
                let mut by_col: BTreeMap<usize, &Claim> = BTreeMap::new();
                for c in g.claims_in(s, e).filter(|c| is_amount(c)) {
                    by_col.entry(column_from_right(row, c.end - s)).or_insert(c);
                }
                (label(row), by_col)
            })
            .collect();
        let mut first = 0;
        for (t, (lab, totals)) in cells.iter().enumerate() {
            if !lex.total_labels.iter().any(|w| w == lab) {
                continue;
            }
            let parts: Vec<&BTreeMap<usize, &Claim>> = cells[first..t]
                .iter()
                .filter(|(l, cols)| !cols.is_empty() && !l.starts_with("其中") && !l.starts_with("ofwhich"))
                .map(|(_, cols)| cols)
                .collect();
            first = t + 1;
            if parts.len() < 2 {
                continue;
            }
            for (col, whole) in totals {
                let unit = claim_unit(whole.kind, &whole.unit).base();
                // Every part row fills the column with an amount of the total's unit.
                let column: Option<Vec<&Claim>> = parts
                    .iter()
                    .map(|r| r.get(col).copied().filter(|c| claim_unit(c.kind, &c.unit).base() == unit))
                    .collect();
                let Some(column) = column else { continue };
                let note = format!("{} rows above the total row", column.len());
                out.push(whole_and_parts(ri, g.doc, whole, &column, note));
            }
        }
    }
}
