//! Paragraphs numbered by hand as a list: `1. The Board agreed…`, a blank line, `2. Since
//! then…` at the start of a numbered section is, to Markdown, an ordered list, which clerk
//! keeps inside one numbered paragraph (1.1, holding items 1 to 3) rather than giving each
//! its own number. A list of whole sentences with no sentence leading into it is almost
//! always that; a warning at its first number (`list-as-paragraphs`), saying both ways out.

use super::{Ctx, Loc};
use crate::document::{Block, Inline};

/// Does `text` end as a sentence does (`.`, `?` or `!`, before any closing quotes or
/// brackets)?
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '?', '!'])
}

/// The words of a list item's blocks.
fn item_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content } => Some(Inline::plain(content)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Warns about `block` (at `loc`), the first block of a numbered section or of a
/// sub-heading's part of one, when it is an ordered list whose every item is a sentence.
pub(super) fn check_first_list(ctx: &mut Ctx, block: &Block, loc: &Loc) {
    let Block::List {
        start: Some(_),
        items,
        ..
    } = block
    else {
        return;
    };
    if items.is_empty() || !items.iter().all(|i| ends_a_sentence(&item_text(i))) {
        return;
    }
    let source = ctx.sources[loc.src].markdown;
    let written = source.get(loc.range.clone()).unwrap_or("");
    // At the number, past any indent before it.
    let lead = written.len() - written.trim_start().len();
    let number = &written[lead..];
    let marker = number
        .find(|c: char| !c.is_ascii_digit())
        .map_or(0, |n| n + 1)
        .min(number.len());
    let from = loc.range.start + lead;
    let at = Loc {
        src: loc.src,
        range: from..from + marker,
    };
    ctx.warn(
        "list-as-paragraphs",
        &at,
        "this numbered list starts its section's text, so the whole list is one numbered paragraph, not one paragraph for each number",
        Some("if each item is a paragraph, take off the `1.`, `2.` … and leave a blank line between them: clerk numbers paragraphs itself; if it is a list, lead into it with a sentence (`The options are:`)".into()),
    );
}
