//! The reference side: pulldown-cmark's own events for the snippet, changed only where
//! clerk differs on purpose (each change names the README's intended difference), then
//! written by `push_html`.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

use crate::document::markdown::parser_options;

mod links;

use links::{link, skip, strip_label};

/// pulldown-cmark's HTML for `md`, with the intended differences applied.
pub(super) fn html(md: &str) -> String {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(md, parser_options())
        .into_offset_iter()
        .collect();
    let events = Transform::new(md, &events).run(&events);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, merge_text(events).into_iter());
    out
}

/// Adjacent text events as one (what `push_html` writes is the same), so that a trailing
/// `{#label}` is seen whole.
fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        if let (Some(Event::Text(last)), Event::Text(t)) = (out.last_mut(), &e) {
            *last = CowStr::from(format!("{last}{t}"));
            continue;
        }
        out.push(e);
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    List { tight: bool },
    Item(Last),
    Quote,
}

/// What a tight item has shown last: clerk writes its paragraphs there as bare lines,
/// a `<br>` between two of them (a heading or HTML block made a line, and the text
/// beside it).
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Nothing,
    Inline,
    Converted,
}

struct Transform<'a> {
    md: &'a str,
    /// Indexes of the `Start(List)` events of loose lists.
    loose: HashSet<usize>,
    stack: Vec<Container>,
    /// Inside a code block or table, whose text is not the item's own line.
    opaque: usize,
}

impl<'a> Transform<'a> {
    fn new(md: &'a str, events: &[(Event<'a>, Range<usize>)]) -> Self {
        // pulldown-cmark marks paragraphs only in loose lists: a list is loose when one of
        // its items holds a `Paragraph` directly.
        let mut loose = HashSet::new();
        let mut open: Vec<Option<usize>> = Vec::new();
        for (i, (e, _)) in events.iter().enumerate() {
            match e {
                Event::Start(Tag::List(_)) => open.push(Some(i)),
                Event::Start(Tag::Paragraph) => {
                    let n = open.len();
                    if n >= 2
                        && open[n - 1].is_none()
                        && let Some(list) = open[n - 2]
                    {
                        loose.insert(list);
                    }
                    open.push(None);
                }
                Event::Start(_) => open.push(None),
                Event::End(_) => {
                    open.pop();
                }
                _ => {}
            }
        }
        Transform {
            md,
            loose,
            stack: Vec::new(),
            opaque: 0,
        }
    }

    fn in_tight_item(&self) -> bool {
        let n = self.stack.len();
        n >= 2
            && matches!(self.stack[n - 1], Container::Item(_))
            && self.stack[n - 2] == Container::List { tight: true }
    }

    /// What the tight item on top has shown last, when there is one.
    fn tight_last(&mut self) -> Option<&mut Last> {
        if !self.in_tight_item() {
            return None;
        }
        match self.stack.last_mut() {
            Some(Container::Item(last)) => Some(last),
            _ => None,
        }
    }

    /// Before a line made of a heading or HTML block in a tight item.
    fn converted_here(&mut self, out: &mut Vec<Event<'a>>) {
        if let Some(last) = self.tight_last() {
            if *last != Last::Nothing {
                out.push(Event::HardBreak);
            }
            *last = Last::Converted;
        }
    }

    /// Before inline content, or a block, directly in a tight item.
    fn classify(&mut self, e: &Event<'a>, out: &mut Vec<Event<'a>>) {
        let inline = matches!(
            e,
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::FootnoteReference(_)
                | Event::TaskListMarker(_)
                | Event::Start(
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                )
        );
        let block = matches!(
            e,
            Event::Rule
                | Event::Start(
                    Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_)
                )
        );
        if self.opaque > 0 {
            return;
        }
        if let Some(last) = self.tight_last() {
            if inline {
                let converted = *last == Last::Converted;
                *last = Last::Inline;
                if converted {
                    out.push(Event::HardBreak);
                }
            } else if block {
                *last = Last::Nothing;
            }
        }
    }

    fn run(mut self, events: &[(Event<'a>, Range<usize>)]) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        let mut i = 0;
        while i < events.len() {
            let (e, range) = &events[i];
            self.classify(e, &mut out);
            match e {
                // Footnotes: their text is gathered at the end of the paper, not compared in
                // place; a reference is compared as a placeholder.
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    i = skip(events, i);
                    continue;
                }
                Event::FootnoteReference(_) => {
                    out.push(Event::InlineHtml("<sup>FN</sup>".into()));
                }
                // Raw HTML is shown as text; an HTML block as a paragraph of its lines.
                Event::Start(Tag::HtmlBlock) => {
                    let end = skip(events, i);
                    let text: String = events[i..end]
                        .iter()
                        .filter_map(|(e, _)| match e {
                            Event::Html(t) | Event::Text(t) => Some(t.to_string()),
                            _ => None,
                        })
                        .collect();
                    let para = !self.in_tight_item();
                    if para {
                        out.push(Event::Start(Tag::Paragraph));
                    } else {
                        self.converted_here(&mut out);
                    }
                    for (k, line) in text.trim_end_matches(['\n', '\r']).split('\n').enumerate() {
                        if k > 0 {
                            out.push(Event::HardBreak);
                        }
                        out.push(Event::Text(line.trim_end_matches('\r').to_string().into()));
                    }
                    if para {
                        out.push(Event::End(TagEnd::Paragraph));
                    }
                    i = end;
                    continue;
                }
                Event::Html(t) | Event::InlineHtml(t) => out.push(Event::Text(t.clone())),
                // Task boxes are shown as written.
                Event::TaskListMarker(_) => {
                    let written = self.md.get(range.clone()).unwrap_or("[ ]");
                    out.push(Event::Text(format!("{written} ").into()));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    if self.stack.is_empty() {
                        out.push(Event::Start(Tag::Heading {
                            level: *level,
                            id: None,
                            classes: Vec::new(),
                            attrs: Vec::new(),
                        }));
                    } else {
                        // A heading inside a list or quote is a bold line.
                        let end = skip(events, i);
                        let para = !self.in_tight_item();
                        if para {
                            out.push(Event::Start(Tag::Paragraph));
                        } else {
                            self.converted_here(&mut out);
                        }
                        out.push(Event::Start(Tag::Strong));
                        let inner = self.inline_run(&events[i + 1..end - 1]);
                        out.extend(inner);
                        out.push(Event::End(TagEnd::Strong));
                        if para {
                            out.push(Event::End(TagEnd::Paragraph));
                        }
                        i = end;
                        continue;
                    }
                }
                Event::Start(Tag::Paragraph) => {
                    let end = skip(events, i);
                    let top = self.stack.is_empty();
                    let inner = self.inline_run(&events[i + 1..end - 1]);
                    let span = range.clone();
                    out.extend(self.paragraph(inner, top, span));
                    i = end;
                    continue;
                }
                Event::Start(tag) => {
                    match tag {
                        Tag::List(_) => self.stack.push(Container::List {
                            tight: !self.loose.contains(&i),
                        }),
                        Tag::Item => self.stack.push(Container::Item(Last::Nothing)),
                        Tag::CodeBlock(_) | Tag::Table(_) => self.opaque += 1,
                        Tag::BlockQuote(_) => self.stack.push(Container::Quote),
                        Tag::Link { .. } | Tag::Image { .. } => {
                            let end = skip(events, i);
                            let inner = self.inline_run(&events[i..end]);
                            out.extend(inner);
                            i = end;
                            continue;
                        }
                        _ => {}
                    }
                    out.push(e.clone());
                }
                Event::End(tag) => {
                    if matches!(tag, TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_)) {
                        self.stack.pop();
                    }
                    if matches!(tag, TagEnd::CodeBlock | TagEnd::Table) {
                        self.opaque -= 1;
                    }
                    out.push(e.clone());
                }
                _ => out.push(e.clone()),
            }
            i += 1;
        }
        out
    }

    /// Inline events (a paragraph's or heading's content) with the inline differences.
    fn inline_run(&self, events: &[(Event<'a>, Range<usize>)]) -> Vec<Event<'a>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < events.len() {
            let (e, range) = &events[i];
            match e {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let end = skip(events, i);
                    let inner = self.inline_run(&events[i + 1..end - 1]);
                    out.extend(link(*link_type, dest_url, title, id, inner));
                    i = end;
                    continue;
                }
                Event::FootnoteReference(_) => out.push(Event::InlineHtml("<sup>FN</sup>".into())),
                Event::Html(t) | Event::InlineHtml(t) => out.push(Event::Text(t.clone())),
                Event::TaskListMarker(_) => {
                    let written = self.md.get(range.clone()).unwrap_or("[ ]");
                    out.push(Event::Text(format!("{written} ").into()));
                }
                e => out.push(e.clone()),
            }
            i += 1;
        }
        merge_text(out)
    }

    /// A paragraph: a lone image stands alone (clerk's `<figure>`, compared without it); a
    /// top-level one loses its trailing `{#label}`; in a tight list item it has no `<p>`.
    fn paragraph(
        &self,
        mut inner: Vec<Event<'a>>,
        top: bool,
        range: Range<usize>,
    ) -> Vec<Event<'a>> {
        if top {
            strip_label(self.md.get(range).unwrap_or(""), &mut inner);
        }
        let solid: Vec<&Event> = inner
            .iter()
            .filter(|e| !matches!(e, Event::Text(t) if t.trim().is_empty()))
            .filter(|e| !matches!(e, Event::SoftBreak | Event::HardBreak))
            .collect();
        let lone_image = matches!(solid.first(), Some(Event::Start(Tag::Image { .. })))
            && matches!(solid.last(), Some(Event::End(TagEnd::Image)))
            && solid
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::Image { .. })))
                .count()
                == 1
            && solid.iter().all(|e| {
                matches!(
                    e,
                    Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) | Event::Text(_)
                )
            });
        if lone_image || self.in_tight_item() {
            return inner;
        }
        let mut out = vec![Event::Start(Tag::Paragraph)];
        out.extend(inner);
        out.push(Event::End(TagEnd::Paragraph));
        out
    }
}
