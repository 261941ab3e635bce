//! Author lints for accessible content: link text that says where the link goes, data
//! tables with a header row, and a heading or list item that lost the space after its
//! `#` or bullet (or has a non-breaking one there). Each is a warning at the link, table or
//! line; the paper still builds.
//!
//! Screen reader users often move from link to link, or list a page's links, so a link's
//! words are all they hear of it (WCAG 2.4.4); a table's header row is what they hear as
//! they move along a row (WCAG 1.3.1). Missing image text (`image-alt`) and skipped heading
//! levels (`heading-level`) are checked where images and headings are handled.

use std::ops::Range;

use super::blocks::Builder;
use super::inline::is_blank;
use crate::document::Inline;

/// Whole link texts that say nothing about where the link goes (compared in lower case,
/// without surrounding punctuation).
const VAGUE: &[&str] = &[
    "click here",
    "click",
    "here",
    "this link",
    "link",
    "read more",
    "more",
    "this",
];

/// The schemes whose addresses read badly as link text.
const WEB_SCHEMES: &[&str] = &["https://", "http://", "ftp://"];

/// `text` in lower case with whitespace collapsed and punctuation at either end removed.
fn normalise(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() || c == '…')
        .to_lowercase()
}

/// Is `text` (a link's words) a web address, or the link's own address written out?
pub(super) fn is_url_text(text: &str, url: &str) -> bool {
    let t = text.trim().to_ascii_lowercase();
    if t.contains(char::is_whitespace) || t.is_empty() {
        return false;
    }
    if t.starts_with("www.") || WEB_SCHEMES.iter().any(|s| t.starts_with(s)) {
        return true;
    }
    let u = url.trim().to_ascii_lowercase();
    WEB_SCHEMES
        .iter()
        .find_map(|s| u.strip_prefix(s))
        .is_some_and(|rest| rest.trim_end_matches('/') == t.trim_end_matches('/'))
}

/// Is `text` (a link's words) one of the [`VAGUE`] ones?
pub(super) fn is_vague_text(text: &str) -> bool {
    VAGUE.contains(&normalise(text).as_str())
}

/// Has this link content no words at all (no text, nor an image with alt text)?
fn is_wordless(content: &[Inline]) -> bool {
    is_blank(content) || Inline::plain(content).trim().is_empty()
}

impl Builder<'_, '_> {
    /// Warns about link text that does not say where the link goes: none at all
    /// (`link-text-empty`, and the address is shown instead), a bare web address
    /// (`link-text-url`), or words like "click here" (`link-text-vague`).
    pub(super) fn lint_link(&mut self, url: &str, content: &mut Vec<Inline>, range: Range<usize>) {
        let loc = self.loc(range);
        // `[](forecast)`: a cross-reference without its `#`, said as one (`link-no-hash`).
        if is_wordless(content) && super::targets::bare_label(url) {
            content.push(Inline::Text {
                text: url.to_string(),
            });
            return;
        }
        if is_wordless(content) {
            self.ctx.warn(
                "link-text-empty",
                &loc,
                "this link has no words, so the page shows its address instead",
                Some(format!(
                    "write what it links to between the brackets: `[the progress report]({url})`"
                )),
            );
            content.push(Inline::Text {
                text: url.to_string(),
            });
            return;
        }
        let text = Inline::plain(content);
        if is_url_text(&text, url) {
            self.ctx.warn(
                "link-text-url",
                &loc,
                "the link text is a bare web address, which screen readers spell out and which does not say what it links to",
                Some(format!("name what it links to in a few words of the sentence, as in `[the progress report]({url})`")),
            );
        } else if is_vague_text(&text) {
            let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
            self.ctx.warn(
                "link-text-vague",
                &loc,
                format!("the link text “{shown}” does not say where the link goes, and screen reader users often hear links out of their sentence"),
                Some(format!("link the words that name where it goes instead, e.g. `the [2020 strategic review]({url})`")),
            );
        }
    }

    /// Warns about a paragraph (the source at `range`) whose first line starts as a heading
    /// would but for the space after its `#` (`#Next steps`), and reads as one (no full
    /// stop at its end, as `#ClimateAction is our campaign.` has): Markdown reads it as
    /// text, so the heading an author meant is a numbered paragraph (`heading-no-space`).
    /// A `#tag` further down a paragraph is a tag.
    pub(super) fn lint_hash_lines(&mut self, range: Range<usize>) {
        let Some(source) = self.md.get(range.clone()) else {
            return;
        };
        let mut found = Vec::new();
        if let Some(line) = source.lines().next() {
            let text = line.trim_end();
            let hashes = text.len() - text.trim_start_matches('#').len();
            let after = text[hashes..].chars().next();
            let sentence = text.ends_with(['.', '!', '?', ',', ';', ':']);
            if (1..=6).contains(&hashes) && after.is_some_and(char::is_alphabetic) && !sentence {
                found.push((
                    range.start..range.start + text.len(),
                    text.to_string(),
                    hashes,
                ));
            }
        }
        for (line, text, hashes) in found {
            let loc = self.loc(line);
            let marks = "#".repeat(hashes);
            let heading = format!("{marks} {}", &text[hashes..]);
            self.ctx.warn(
                "heading-no-space",
                &loc,
                format!("“{text}” is shown as text, not as a heading: Markdown needs a space after the `{marks}`"),
                Some(format!("write `{heading}` for a heading, or `\\{text}` to keep the `#` as text")),
            );
        }
    }

    /// Warns about each line of a paragraph (the source at `range`) that starts as a
    /// heading or a list item would but for a space other than a plain one after its `#`,
    /// bullet or number: a non-breaking space, as Word and Outlook paste them (`#\u{a0}Next
    /// steps`). Markdown counts only the plain space and the tab, so the line is text: the
    /// heading an author meant is a numbered paragraph, the list one run-on line
    /// (`marker-nbsp`).
    pub(super) fn lint_marker_spaces(&mut self, range: Range<usize>) {
        let Some(source) = self.md.get(range.clone()) else {
            return;
        };
        let mut found = Vec::new();
        let mut at = range.start;
        for line in source.split_inclusive('\n') {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if let Some((marker, space)) = odd_marker_space(&line[indent..]).filter(|_| indent < 4)
            {
                let start = at + indent;
                found.push((
                    start..start + marker.len() + space.len_utf8(),
                    marker.to_string(),
                ));
            }
            at += line.len();
        }
        for (place, marker) in found {
            let what = if marker.starts_with('#') {
                "a heading"
            } else {
                "a list item"
            };
            let text = self.md.get(place.end..).unwrap_or("");
            let rest = text.lines().next().unwrap_or("").trim_end();
            let loc = self.loc(place);
            self.ctx.warn(
                "marker-nbsp",
                &loc,
                format!("this line is shown as text, not as {what}: the space after its `{marker}` is a non-breaking space (as Word and Outlook paste them), which Markdown does not count as a space"),
                Some(format!("retype that space as an ordinary one: `{marker} {rest}`")),
            );
        }
    }

    /// Warns about an image or link that Markdown left as text because its address has a
    /// space in it (`![Chart](my chart.png)`, as Windows names files): the text of a
    /// paragraph or list item (`inlines`, the source at `range`), as shown, holds
    /// `[…](… …)` (`address-space`). Said at the address, with the address in angle
    /// brackets, which Markdown reads with its spaces, as the way out.
    pub(super) fn lint_spaced_addresses(&mut self, inlines: &[Inline], range: Range<usize>) {
        // Most paragraphs have no `](` at all: nothing to gather.
        let Some(source) = self.md.get(range.clone()).filter(|s| s.contains("](")) else {
            return;
        };
        let mut shown = Vec::new();
        super::labels::texts(inlines, &mut shown);
        let text = shown.concat();
        let mut found = Vec::new();
        for (image, address) in spaced_addresses(&text) {
            let written = format!("]({address})");
            if let Some(at) = source.find(&written) {
                let start = range.start + at + 2;
                found.push((start..start + address.len(), image, address.to_string()));
            }
        }
        for (place, image, address) in found {
            let (what, example) = if image {
                ("an image", format!("![…](<{address}>)"))
            } else {
                ("a link", format!("[…](<{address}>)"))
            };
            let loc = self.loc(place);
            self.ctx.warn(
                "address-space",
                &loc,
                format!("this is shown as text, not as {what}: its address `{address}` has a space, which Markdown does not allow in one"),
                Some(format!("put the address in angle brackets, `{example}`, or rename the file without spaces (`{}`)", address.replace(' ', "-"))),
            );
        }
    }

    /// Warns about a paragraph (the source at `range`) that starts with a paragraph number
    /// typed by hand (`1.1 The estate…`, as papers written in Word have them): clerk numbers
    /// paragraphs itself, so it would read `1.1 1.1 The estate…` (`typed-number`).
    pub(super) fn lint_typed_number(&mut self, range: Range<usize>) {
        let Some(source) = self.md.get(range.clone()) else {
            return;
        };
        let Some(number) = typed_paragraph_number(source) else {
            return;
        };
        let loc = self.loc(range.start..range.start + number.len());
        self.ctx.warn(
            "typed-number",
            &loc,
            format!("this paragraph starts with the number `{number}`, but clerk numbers paragraphs itself: it would read “{number} {number} …”"),
            Some("remove the number; to cite a paragraph, end it with `{#label}` and write `[](#label)`, which shows its number".into()),
        );
    }

    /// Warns about a paragraph that starts with a bullet or a letter typed by hand (`•<tab>`,
    /// `a) `, `(b) `, as text pasted from Word has them): Markdown makes it a numbered
    /// paragraph, not a list item (`typed-bullet`).
    pub(super) fn lint_typed_bullet(&mut self, range: Range<usize>) {
        let Some(source) = self.md.get(range.clone()) else {
            return;
        };
        let Some(mark) = typed_bullet(source) else {
            self.lint_bullet_inside(range.start, source);
            return;
        };
        let loc = self.loc(range.start..range.start + mark.len());
        let help = if mark.chars().any(char::is_alphabetic) {
            "write the items as a list, `- ` at the start of each line (keep the letter after it, `- (a) …`, if the text cites it)"
        } else {
            "write the items as a list: `- ` at the start of each line (`1. `, `2. ` for a numbered one)"
        };
        self.ctx.warn(
            "typed-bullet",
            &loc,
            format!("this paragraph starts with `{}` typed by hand, so it is a numbered paragraph of its own, not an item of a list", mark.trim()),
            Some(help.into()),
        );
    }

    /// Warns about the first line of a paragraph (its `source`, at byte `start`) after its
    /// first that starts with a bullet typed by hand (`• estates £1m`, pasted from Word):
    /// Markdown runs it on in the paragraph (`typed-bullet`).
    fn lint_bullet_inside(&mut self, start: usize, source: &str) {
        let mut at = source.find('\n').map_or(source.len(), |i| i + 1);
        while at < source.len() {
            let rest = &source[at..];
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            let lead = line.len() - line.trim_start().len();
            // Bullets only: a wrapped line may start with a letter in brackets, `(a) the…`.
            let bullet = typed_bullet(&line[lead..])
                .filter(|m| !m.starts_with(|c: char| c == '(' || c.is_ascii_lowercase()));
            if let Some(mark) = bullet {
                let from = start + at + lead;
                let loc = self.loc(from..from + mark.trim_end().len());
                self.ctx.warn(
                    "typed-bullet",
                    &loc,
                    format!("this line starts with `{}` typed by hand, so it runs on in the paragraph above: it is not an item of a list", mark.trim()),
                    Some("write the items as a list: a blank line before it, and `- ` at the start of each item's line".into()),
                );
                return;
            }
            at += line.len() + 1;
        }
    }

    /// Warns about a table whose header row has no words (`table-no-header`).
    pub(super) fn lint_table(&mut self, head: &[Vec<Inline>], range: Range<usize>) {
        if head.iter().all(|cell| is_wordless(cell)) {
            let loc = self.loc(range);
            self.ctx.warn(
                "table-no-header",
                &loc,
                "this table's header row is empty, so screen readers have no column headings to announce",
                Some("write a heading for each column in the table's first row, above the `|---|` line".into()),
            );
        }
    }
}

/// Each `[…](address)` or `![…](address)` left in `text` whose address has a space in it
/// and names a file or a page (it has a `.` or a `/`): whether it is an image, and the
/// address.
fn spaced_addresses(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("](") {
        let rest = &text[at + 2..];
        let Some(close) = rest
            .find([')', '\n'])
            .filter(|&c| rest[c..].starts_with(')'))
        else {
            continue;
        };
        let address = &rest[..close];
        let Some(open) = text[..at].rfind('[') else {
            continue;
        };
        let named = address.contains(['.', '/']) && !address.starts_with('<');
        if named && address.trim().contains(' ') && !text[open..at].contains('\n') {
            out.push((text[..open].ends_with('!'), address));
        }
    }
    out
}

/// The marker at the start of `line` that would open a heading (`#` to `######`) or a list
/// item (`-`, `*`, `+`, `1.`, `1)`) but for the space after it being another kind of
/// space than the plain one or the tab: the marker and that space.
fn odd_marker_space(line: &str) -> Option<(&str, char)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let end = if (1..=6).contains(&hashes) {
        hashes
    } else if line.starts_with(['-', '*', '+']) {
        1
    } else if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        return None;
    };
    let space = line[end..].chars().next()?;
    let odd = space.is_whitespace() && !matches!(space, ' ' | '\t' | '\n' | '\r');
    // Something must follow it: a marker and a space alone are nothing to lose.
    let more = line[end + space.len_utf8()..].trim().is_empty();
    (odd && !more).then_some((&line[..end], space))
}

/// A bullet (`•`, `·`, `▪`, `◦`) or a letter (`a)`, `(b)`, `c.`) typed at the start of
/// `text`, before a tab or a space: the mark with its space.
fn typed_bullet(text: &str) -> Option<&str> {
    let end = text.find([' ', '\t'])?;
    let mark = &text[..end];
    let bullet = matches!(mark, "•" | "·" | "▪" | "◦" | "●");
    let letter = {
        let inner = mark
            .strip_prefix('(')
            .unwrap_or(mark)
            .strip_suffix(')')
            .unwrap_or("");
        inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase())
    };
    // `a. approve the strategy;`, as a lettered list typed in Word reads; not `c. 300
    // residents` (circa) or `s. 100A of the Act`, which a number follows.
    let lettered = mark.len() == 2
        && mark.ends_with('.')
        && mark.as_bytes()[0].is_ascii_lowercase()
        && text[end..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
    let letter = letter || lettered;
    (bullet || letter).then(|| &text[..end + 1])
}

/// A paragraph number typed at the start of `text` (`1.1`, `2.4.1`, followed by a space
/// or tab): two or three numbers of one to three digits joined by full stops, before a
/// sentence (a capital), so `1.5 million people` is a quantity.
fn typed_paragraph_number(text: &str) -> Option<&str> {
    let end = text.find([' ', '\t'])?;
    let number = text[..end].trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let numeric = |p: &&str| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let sentence = text[end..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    ((2..=3).contains(&parts.len()) && parts.iter().all(numeric) && sentence).then_some(number)
}
