//! Relation builders: each reads the claim graph of a document ([`DocGraph`]) and yields the
//! relations of one kind a regex cannot express. One file per builder; the rule file's
//! `[builder]` table names the builder and its parameters (see `rule::Builder`), the only registry.
pub mod blend;
pub mod breakdown;
pub mod calendar_date;
pub mod event_year;
pub mod formula;
pub mod line_list;
pub mod name_size;
pub mod named_share;
pub mod prior_sentence;
pub mod product;
pub mod range_order;
pub mod same_quantity;
pub mod sentence_pair;
pub mod spec;
pub mod table_total;
pub mod title;
pub mod transposed;
pub mod weekday;

use super::graph::DocGraph;
use super::relation::Relation;
use super::rule::Builder;
use super::Identifier;

/// The relations builder `b` (rule index `ri`) finds in the batch.
pub fn build(ri: usize, b: &Builder, graphs: &[DocGraph], identifiers: &[Identifier], out: &mut Vec<Relation>) {
    match b {
        // Builders that relate documents to each other see the whole batch.
        Builder::SameQuantity { across_documents, min_subject_chars } => {
            same_quantity::relations(ri, graphs, *across_documents, *min_subject_chars, out)
        }
        Builder::EventYear { across_documents } => event_year::relations(ri, graphs, *across_documents, out),
        Builder::NameSize { window } => {
            for id in identifiers {
                if let Some(g) = graphs.get(id.doc) {
                    name_size::relations(ri, id, g, *window, out);
                }
            }
        }
        _ => {
            for g in graphs {
                build_one(ri, b, g, out);
            }
        }
    }
}

fn build_one(ri: usize, b: &Builder, g: &DocGraph, out: &mut Vec<Relation>) {
    let (di, text, cs) = (g.doc, g.text, &g.claims[..]);
    match b {
        Builder::RangeOrder {} => range_order::relations(ri, g, out),
        Builder::Formula { require_unit_factor } => formula::relations(ri, *require_unit_factor, g, out),
        Builder::Weekday {} => weekday::relations(ri, g, out),
        Builder::CalendarDate {} => calendar_date::relations(ri, g, out),
        Builder::Product {} => product::relations(ri, g, out),
        Builder::Breakdown {} => breakdown::relations(ri, g, out),
        Builder::TableTotal {} => table_total::relations(ri, g, out),
        Builder::PriorSentence { cues, window } => prior_sentence::relations(ri, cues, *window, g, out),
        Builder::LineList { exhaustive } => line_list::relations(ri, *exhaustive, g, out),
        Builder::NamedShare { lines_before, multiples } => {
            named_share::named_share_relations(ri, di, text, cs, *lines_before, *multiples, out)
        }
        Builder::Transposed { min_digits } => transposed::transposed_relations(ri, di, cs, *min_digits, out),
        Builder::TitleYear {} => title::title_year_relations(ri, di, text, cs, out),
        Builder::Blend(params) => blend::blend_relations(ri, params, di, text, cs, out),
        Builder::SentencePair(params) => sentence_pair::relations(ri, params, g, out),
        Builder::SameQuantity { .. } | Builder::EventYear { .. } | Builder::NameSize { .. } => {}
    }
}
