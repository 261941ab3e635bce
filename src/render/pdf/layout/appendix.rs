//! Markdown appendices after the paper: each on a new page under the heading clerk gives
//! it ("Appendix A – Title", tagged and bookmarked like a section), then its paragraphs
//! (never numbered) and its own headings one level down.

use super::Flow;
use super::model::Role;
use super::sections::items_flow;
use super::text::Span;
use crate::config::HouseStyle;
use crate::document::{AppendixContent, Document};

/// Lays out every Markdown appendix of `doc`, in order.
pub(crate) fn markdown_appendices(flow: &mut Flow<'_>, doc: &Document, house: &HouseStyle) {
    for a in &doc.appendices {
        let AppendixContent::Markdown { items } = &a.content else {
            continue;
        };
        let level = flow.geo.section_level();
        flow.begin(Role::H(level));
        flow.anchor(&a.id, a.heading());
        let heading = house.case_heading(&a.heading());
        flow.bookmarks.push(heading.clone());
        let spans = vec![Span {
            text: heading,
            style: flow.body().bold(),
        }];
        let start = flow.galley.units.len();
        flow.heading(&spans);
        if let Some(first) = flow.galley.units.get_mut(start) {
            first.break_before = true;
        }
        items_flow(flow, items, level);
    }
}
