//! Helpers of the reference side: a link as clerk shows it, a paragraph's trailing
//! `{#label}` removed, and the index past an element's events.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::merge_text;

/// A link as clerk shows it: a script link keeps only its text; one with no words shows its
/// address after whatever it has.
pub(super) fn link<'a>(
    link_type: LinkType,
    dest_url: &CowStr<'a>,
    title: &CowStr<'a>,
    id: &CowStr<'a>,
    mut inner: Vec<Event<'a>>,
) -> Vec<Event<'a>> {
    let squeezed: String = dest_url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
    {
        return inner;
    }
    let words: String = inner
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            Event::InlineHtml(_) => Some("1".into()),
            _ => None,
        })
        .collect();
    let fragment = dest_url.starts_with('#') && dest_url.len() > 1;
    if words.trim().is_empty() && !fragment && link_type != LinkType::Email {
        inner.push(Event::Text(dest_url.to_string().into()));
    }
    let mut out = vec![Event::Start(Tag::Link {
        link_type,
        dest_url: dest_url.clone(),
        title: title.clone(),
        id: id.clone(),
    })];
    out.extend(inner);
    out.push(Event::End(TagEnd::Link));
    merge_text(out)
}

/// Removes a trailing `{#label}` as clerk does for a top-level paragraph (not `\{#x}`).
pub(super) fn strip_label(source: &str, inner: &mut Vec<Event<'_>>) {
    let Some(Event::Text(text)) = inner.last() else {
        return;
    };
    let Some(label) = crate::document::markdown::trailing_label(text) else {
        return;
    };
    let tail = format!("{{#{label}}}");
    let Some(before) = source.trim_end().strip_suffix(tail.as_str()) else {
        return;
    };
    if before.ends_with('\\') {
        return;
    }
    let mut kept = text.trim_end().to_string();
    kept.truncate(kept.len() - tail.len());
    let kept = kept.trim_end().to_string();
    inner.pop();
    if !kept.is_empty() {
        inner.push(Event::Text(kept.into()));
    }
    while matches!(inner.last(), Some(Event::SoftBreak | Event::HardBreak)) {
        inner.pop();
    }
}

/// The index after the `End` matching the `Start` at `i`.
pub(super) fn skip(events: &[(Event<'_>, Range<usize>)], i: usize) -> usize {
    let mut depth = 0usize;
    for (k, (e, _)) in events.iter().enumerate().skip(i) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    events.len()
}
