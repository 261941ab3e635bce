//! Labels, cross-references and footnotes: recorded while parsing, resolved once the whole
//! paper is numbered (so references may point forward and across body and implications).

use std::collections::{HashMap, HashSet};

use super::{Ctx, Loc};
use crate::diag::did_you_mean;
use crate::document::{Block, Footnote, Inline, Item, Section};

/// What parsing found that can only be settled once every section is numbered.
#[derive(Debug, Default)]
pub(crate) struct Refs {
    labels: HashMap<String, LabelDef>,
    /// Labels in the order they were defined (for help texts).
    label_order: Vec<String>,
    /// Labels defined more than once (already reported).
    duplicated: HashSet<String>,
    /// `[](#label)` placeholders: label and where the link is.
    xrefs: Vec<(String, Loc)>,
    /// Non-empty links to `#fragment`, checked against every anchor at the end.
    fragments: Vec<(String, Loc)>,
    /// `[^name]` placeholders: source, name, where.
    footnote_refs: Vec<(usize, String, Loc)>,
    /// Footnote definitions by (source, name); names are scoped per source.
    footnote_defs: HashMap<(usize, String), FootnoteDef>,
    footnote_order: Vec<(usize, String)>,
}

#[derive(Debug)]
struct LabelDef {
    loc: Loc,
    number: Option<String>,
    id: String,
}

#[derive(Debug)]
struct FootnoteDef {
    loc: Loc,
    blocks: Option<Vec<Block>>,
    number: Option<u32>,
    refs: Vec<String>,
}

impl Refs {
    /// Where a footnote `name` is written for a source other than `src`, if one is.
    pub(crate) fn footnote_elsewhere(&self, name: &str, src: usize) -> Option<&Loc> {
        // The first source's, whatever the map's order.
        self.footnote_defs
            .iter()
            .filter(|((s, n), _)| n == name && *s != src)
            .min_by_key(|((s, _), _)| *s)
            .map(|(_, def)| &def.loc)
    }

    /// Records `[^name]` and returns the placeholder number standing for it.
    pub fn footnote_ref(&mut self, src: usize, name: &str, range: std::ops::Range<usize>) -> u32 {
        self.footnote_refs
            .push((src, name.to_string(), Loc { src, range }));
        u32::try_from(self.footnote_refs.len() - 1).unwrap_or(u32::MAX)
    }

    /// Records `[](#label)` and returns its placeholder inline.
    pub fn cross_ref(&mut self, label: &str, loc: Loc) -> Inline {
        self.xrefs.push((label.to_string(), loc));
        Inline::CrossRef {
            label: label.to_string(),
            number: String::new(),
            target: (self.xrefs.len() - 1).to_string(),
        }
    }

    /// Records a link with text to `#fragment`, to check that the anchor exists.
    pub fn fragment_link(&mut self, fragment: &str, loc: Loc) {
        self.fragments.push((fragment.to_string(), loc));
    }

    /// Gives the paragraph labelled `label` at `loc` its number and anchor id.
    pub fn place_label(&mut self, label: &str, loc: &Loc, number: Option<String>, id: &str) {
        if let Some(def) = self.labels.get_mut(label).filter(|d| d.loc == *loc) {
            def.number = number;
            def.id = id.to_string();
        }
    }
}

impl Ctx<'_> {
    /// Records that a paragraph or heading at `loc` ends in `{#label}`; a second use is an
    /// error.
    pub(crate) fn define_label(&mut self, label: &str, loc: &Loc) {
        if let Some(first) = self.refs.labels.get(label) {
            let first_loc = first.loc.clone();
            let line = self.line_of(&first_loc);
            self.refs.duplicated.insert(label.to_string());
            self.error(
                "duplicate-label",
                loc,
                format!("the label `{label}` is already used on line {line}"),
                Some("give each labelled paragraph its own label".into()),
            );
            return;
        }
        self.refs.labels.insert(
            label.to_string(),
            LabelDef {
                loc: loc.clone(),
                number: None,
                id: label.to_string(),
            },
        );
        self.refs.label_order.push(label.to_string());
        self.ids.insert(label.to_string());
    }

    /// Records the footnote `[^name]: …` of source `loc.src`; a second one is an error.
    pub(crate) fn define_footnote(&mut self, name: String, blocks: Vec<Block>, loc: Loc) {
        let key = (loc.src, name);
        if let Some(first) = self.refs.footnote_defs.get(&key) {
            let line = self.line_of(&first.loc.clone());
            self.error(
                "duplicate-footnote",
                &loc,
                format!(
                    "the footnote `[^{}]` is already written on line {line}",
                    key.1
                ),
                Some("give each footnote its own name, or remove one of them".into()),
            );
            return;
        }
        self.refs.footnote_order.push(key.clone());
        self.refs.footnote_defs.insert(
            key,
            FootnoteDef {
                loc,
                blocks: Some(blocks),
                number: None,
                refs: Vec::new(),
            },
        );
    }

    fn resolve_inline(&mut self, inl: &mut Inline, queue: &mut Vec<(usize, String)>) {
        match inl {
            Inline::CrossRef {
                label,
                number,
                target,
            } if number.is_empty() => {
                let Some((_, loc)) = target
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.refs.xrefs.get(i))
                else {
                    return;
                };
                let loc = loc.clone();
                match self.refs.labels.get(label.as_str()) {
                    Some(LabelDef {
                        number: Some(n),
                        id,
                        ..
                    }) => {
                        // `section [](#x)`: the word is written already, so only the number shows.
                        let before = self.markdown(loc.src).get(..loc.range.start);
                        *number = match n.split_once('\u{a0}') {
                            Some((word, bare))
                                if before.is_some_and(|b| ends_with_word(b, word)) =>
                            {
                                bare.to_string()
                            }
                            _ => n.clone(),
                        };
                        *target = id.clone();
                    }
                    Some(LabelDef { id, .. }) => {
                        let id = id.clone();
                        self.error(
                            "xref-unnumbered",
                            &loc,
                            format!("`[](#{label})` would show the number of a paragraph or heading that has none"),
                            Some(format!("give the link some text instead, e.g. `[see the purpose](#{label})`")),
                        );
                        *number = "??".into();
                        *target = id;
                    }
                    None => {
                        let help = if self.over_cap("unknown-label") {
                            String::new()
                        } else {
                            self.label_help(label)
                        };
                        self.error(
                            "unknown-label",
                            &loc,
                            format!("no paragraph is labelled `{label}`"),
                            Some(help),
                        );
                        *number = "??".into();
                        *target = label.clone();
                    }
                }
            }
            Inline::FootnoteRef { number, target, id } if target.is_empty() => {
                let Some((src, name, _)) = self.refs.footnote_refs.get(*number as usize) else {
                    return;
                };
                let key = (*src, name.clone());
                let Some(def) = self.refs.footnote_defs.get_mut(&key) else {
                    *inl = Inline::Text {
                        text: format!("[^{}]", key.1),
                    };
                    return;
                };
                let n = *def.number.get_or_insert_with(|| {
                    queue.push(key);
                    u32::try_from(queue.len()).unwrap_or(u32::MAX)
                });
                let ref_id = match def.refs.len() {
                    0 => format!("fnref-{n}"),
                    k => format!("fnref-{n}-{}", k + 1),
                };
                def.refs.push(ref_id.clone());
                *number = n;
                *target = format!("fn-{n}");
                *id = ref_id;
            }
            _ => {}
        }
    }

    fn label_help(&self, label: &str) -> String {
        let known = self.refs.label_order.iter().map(String::as_str);
        if let Some(near) = did_you_mean(label, known) {
            return format!("did you mean `{near}`?");
        }
        if self.refs.label_order.is_empty() {
            return format!(
                "end the paragraph you mean with `{{#{label}}}`, or a heading: `# Background {{#{label}}}`"
            );
        }
        let mut list: Vec<String> = self
            .refs
            .label_order
            .iter()
            .take(10)
            .map(|l| format!("`{l}`"))
            .collect();
        if self.refs.label_order.len() > 10 {
            list.push("…".into());
        }
        format!("the labels in this paper are {}", list.join(", "))
    }
}

/// Resolves every placeholder of `sections` in reading order and returns the footnotes in
/// number order, reporting unknown labels, unused footnotes and broken `#` links.
/// Resolves the paper's cross-references and numbers its footnotes; `appendix_of` gives the
/// appendix id of each Markdown appendix's source, for the notes its file defines.
pub(crate) fn resolve(
    ctx: &mut Ctx,
    sections: &mut [Section],
    appendix_of: &HashMap<usize, String>,
) -> Vec<Footnote> {
    let mut queue: Vec<(usize, String)> = Vec::new();
    for s in sections.iter_mut() {
        walk_inlines(&mut s.content, &mut |i| ctx.resolve_inline(i, &mut queue));
        for item in &mut s.items {
            match item {
                Item::Para(p) => {
                    walk_blocks(&mut p.blocks, &mut |i| ctx.resolve_inline(i, &mut queue))
                }
                Item::SubHeading { content, .. } => {
                    walk_inlines(content, &mut |i| ctx.resolve_inline(i, &mut queue))
                }
            }
        }
    }
    // Footnotes may refer to further footnotes: those are numbered after the ones in the text.
    let mut i = 0;
    while i < queue.len() {
        let key = queue[i].clone();
        if let Some(mut blocks) = ctx
            .refs
            .footnote_defs
            .get_mut(&key)
            .and_then(|d| d.blocks.take())
        {
            walk_blocks(&mut blocks, &mut |inl| ctx.resolve_inline(inl, &mut queue));
            if let Some(d) = ctx.refs.footnote_defs.get_mut(&key) {
                d.blocks = Some(blocks);
            }
        }
        i += 1;
    }
    let mut footnotes = Vec::with_capacity(queue.len());
    for key in &queue {
        if let Some(d) = ctx.refs.footnote_defs.get_mut(key) {
            let number = d.number.unwrap_or(0);
            footnotes.push(Footnote {
                number,
                id: format!("fn-{number}"),
                refs: std::mem::take(&mut d.refs),
                blocks: d.blocks.take().unwrap_or_default(),
                appendix: appendix_of.get(&key.0).cloned(),
            });
        }
    }
    for key in std::mem::take(&mut ctx.refs.footnote_order) {
        let unused = ctx
            .refs
            .footnote_defs
            .get(&key)
            .filter(|d| d.number.is_none())
            .map(|d| d.loc.clone());
        if let Some(loc) = unused {
            ctx.warn(
                "unused-footnote",
                &loc,
                format!("the footnote `[^{}]` is never referred to", key.1),
                Some(format!(
                    "refer to it with `[^{}]` in the text, or remove it",
                    key.1
                )),
            );
        }
    }
    check_anchors(ctx, sections, &footnotes);
    footnotes
}

/// Every anchor id of the paper, with how often it occurs.
fn anchors(sections: &[Section], footnotes: &[Footnote]) -> HashMap<String, usize> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut add = |id: &str| *ids.entry(id.to_string()).or_default() += 1;
    for s in sections {
        add(&s.id);
        for item in &s.items {
            match item {
                Item::Para(p) => add(&p.id),
                Item::SubHeading { id, .. } => add(id),
            }
        }
    }
    for f in footnotes {
        add(&f.id);
        f.refs.iter().for_each(|r| add(r));
    }
    ids
}

/// Reports `[text](#x)` links to no anchor, and labels that clash with an anchor clerk makes.
fn check_anchors(ctx: &mut Ctx, sections: &[Section], footnotes: &[Footnote]) {
    let ids = anchors(sections, footnotes);
    for (fragment, loc) in std::mem::take(&mut ctx.refs.fragments) {
        if ids.contains_key(&fragment) {
            continue;
        }
        if ctx.over_cap("broken-link") {
            ctx.warn("broken-link", &loc, "", None);
            continue;
        }
        let help = match did_you_mean(&fragment, ids.keys().map(String::as_str)) {
            Some(near) => format!("did you mean `#{near}`?"),
            None => format!("end the paragraph you mean with `{{#{fragment}}}`"),
        };
        ctx.warn(
            "broken-link",
            &loc,
            format!("this link points to `#{fragment}`, which is nowhere in the paper"),
            Some(help),
        );
    }
    for label in ctx.refs.label_order.clone() {
        if ids.get(&label).copied().unwrap_or(0) > 1 && !ctx.refs.duplicated.contains(&label) {
            let loc = ctx.refs.labels[&label].loc.clone();
            ctx.error(
                "duplicate-label",
                &loc,
                format!("the label `{label}` is also an anchor clerk gives to a section, paragraph or footnote"),
                Some("choose another label, e.g. one that says what the paragraph is about".into()),
            );
        }
    }
}

/// Calls `f` on every inline of `blocks`, outermost first.
pub(crate) fn walk_blocks(blocks: &mut [Block], f: &mut dyn FnMut(&mut Inline)) {
    for b in blocks {
        match b {
            Block::Paragraph { content } => walk_inlines(content, f),
            Block::List { items, .. } => items.iter_mut().for_each(|it| walk_blocks(it, f)),
            Block::Quote { blocks } => walk_blocks(blocks, f),
            Block::Table(t) => {
                t.head.iter_mut().for_each(|c| walk_inlines(c, f));
                t.rows.iter_mut().flatten().for_each(|c| walk_inlines(c, f));
            }
            Block::Code { .. } | Block::Image(_) | Block::Rule => {}
        }
    }
}

/// True when `text` ends with `word` (in any case, perhaps emphasised) and white space, as
/// in `see section `, `see **section**` then a line break.
fn ends_with_word(text: &str, word: &str) -> bool {
    let rest = text.trim_end_matches([' ', '\u{a0}', '\t', '\n', '\r']);
    if rest.len() == text.len() {
        return false;
    }
    let last = rest
        .rsplit([' ', '\u{a0}', '\t', '\n', '\r', '('])
        .next()
        .unwrap_or(rest)
        .trim_matches(['*', '_']);
    last.eq_ignore_ascii_case(word)
}

/// Calls `f` on every inline of `inlines` and of their content, outermost first.
pub(crate) fn walk_inlines(inlines: &mut [Inline], f: &mut dyn FnMut(&mut Inline)) {
    for i in inlines {
        f(i);
        match i {
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. }
            | Inline::Span { content, .. } => walk_inlines(content, f),
            _ => {}
        }
    }
}
