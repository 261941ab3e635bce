//! Bare web addresses (`https://…`, `http://…`, `www.…`) and e-mail addresses
//! (`clerk@example.org`) in text become links, by GFM's extended autolink rules
//! (pulldown-cmark has no option for them): the same link node as `<https://…>` and
//! `<clerk@example.org>`, so the HTML and the PDF both link it and tag it as a `Link`.
//! A meeting's location and contact are linked by the same rules ([`find`]).

use std::ops::Range;

use super::blocks::Builder;
use crate::document::Inline;

/// The bare web and e-mail addresses in `text`, in order: where each is, and the URL it
/// links to (`www.` gets `http://`, an e-mail address `mailto:`, as GFM does).
pub fn find(text: &str) -> Vec<(Range<usize>, String)> {
    let mut all = find_web(text);
    if !text.contains('@') {
        return all;
    }
    // An address inside a web address is part of that link.
    let emails: Vec<_> = find_emails(text)
        .into_iter()
        .filter(|(r, _)| !all.iter().any(|(w, _)| w.start < r.end && r.start < w.end))
        .collect();
    all.extend(emails);
    all.sort_by_key(|(r, _)| r.start);
    all
}

/// The e-mail addresses in `text` by GFM's extended email autolink rule: letters, digits,
/// `.`, `-`, `_` or `+`, then `@`, then segments of letters, digits, `-` and `_` joined by
/// periods (at least one period; a period at the end is not part of it), not ending in
/// `-` or `_`; and, unlike GFM, with a letter in its last part.
fn find_emails(text: &str) -> Vec<(Range<usize>, String)> {
    let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    let domain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for (at, _) in text.match_indices('@') {
        if out.last().is_some_and(|(r, _)| r.end > at) {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let rest = &text[at + 1..];
        let len = rest.find(|c: char| !domain(c)).unwrap_or(rest.len());
        let host = rest[..len].trim_end_matches('.');
        let segments: Vec<&str> = host.split('.').collect();
        // A last part with no letter is no domain's (`rates 5@3.5`), though GFM links it.
        let tld = segments
            .last()
            .is_some_and(|t| t.chars().any(|c| c.is_ascii_alphabetic()));
        if start == at
            || segments.len() < 2
            || segments.iter().any(|s| s.is_empty())
            || host.ends_with(['-', '_'])
            || !tld
        {
            continue;
        }
        let end = at + 1 + host.len();
        out.push((start..end, format!("mailto:{}", &text[start..end])));
    }
    out
}

/// The bare web addresses in `text`: where each is, and the URL it links to (`www.` gets
/// `http://`, as GFM does).
fn find_web(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rest) = text.get(i..).filter(|r| !r.is_empty()) {
        let prefix = ["https://", "http://", "www."]
            .into_iter()
            .find(|p| rest.starts_with(p));
        if let Some(p) = prefix
            && starts_word(text, i)
            && let Some(end) = link_end(text, i, p.len())
        {
            let shown = &text[i..end];
            let url = match p {
                "www." => format!("http://{shown}"),
                _ => shown.to_string(),
            };
            out.push((i..end, url));
            i = end;
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// An autolink starts a line, or follows whitespace or one of `*`, `_`, `~`, `(`.
fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '*' | '_' | '~' | '('))
}

/// The end of the autolink starting at `start` whose prefix is `skip` bytes long: a valid
/// domain (segments of letters, digits, `_` and `-` joined by periods, at least one
/// period, no `_` in the last two segments), then anything up to a space or `<`, less
/// trailing punctuation, unbalanced `)` and a trailing entity-like `&name;`.
fn link_end(text: &str, start: usize, skip: usize) -> Option<usize> {
    let from = start + skip;
    let rest = &text[from..];
    let domain_len = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    let domain = rest[..domain_len].trim_end_matches('.');
    let segments: Vec<&str> = domain.split('.').collect();
    if segments.len() < 2
        || segments.iter().any(|s| s.is_empty())
        || segments.iter().rev().take(2).any(|s| s.contains('_'))
    {
        return None;
    }
    let min = from + domain.len();
    let tail = &text[min..];
    let mut end = min
        + tail
            .find(|c: char| c.is_whitespace() || c == '<')
            .unwrap_or(tail.len());
    loop {
        let link = &text[start..end];
        let Some(last) = link.chars().next_back() else {
            break;
        };
        let cut = if matches!(last, '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~') {
            last.len_utf8()
        } else if last == ')' && link.matches(')').count() > link.matches('(').count() {
            1
        } else if last == ';' {
            entity_len(link)
        } else {
            0
        };
        if cut == 0 || end - cut < min {
            break;
        }
        end -= cut;
    }
    Some(end)
}

/// The length of an entity-like `&name;` that `link` ends with, or 0.
fn entity_len(link: &str) -> usize {
    let body = &link[..link.len() - 1];
    let name_len = body.len()
        - body
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
            .len();
    match body[..body.len() - name_len].ends_with('&') && name_len > 0 {
        true => name_len + 2,
        false => 0,
    }
}

impl Builder<'_, '_> {
    /// Links the bare web addresses in the text of `inlines` (the content of the element
    /// in `range` that has just ended), each checked like any link (a bare address as
    /// link text is warned about, as `<https://…>` is). Nothing inside a link.
    pub(super) fn autolink(&mut self, inlines: &mut Vec<Inline>, range: Range<usize>) {
        let in_link = self.stack.iter().any(|f| {
            matches!(
                f.kind,
                super::frames::Kind::Link { .. } | super::frames::Kind::Image { .. }
            )
        });
        let candidate = |i: &Inline| match i {
            Inline::Text { text } => {
                text.contains("://") || text.contains("www.") || text.contains('@')
            }
            _ => false,
        };
        if in_link || !inlines.iter().any(candidate) {
            return;
        }
        let mut out = Vec::with_capacity(inlines.len() + 2);
        for inl in std::mem::take(inlines) {
            let Inline::Text { text } = &inl else {
                out.push(inl);
                continue;
            };
            let found = find(text);
            if found.is_empty() {
                out.push(inl);
                continue;
            }
            let mut at = 0;
            for (r, url) in found {
                if r.start > at {
                    out.push(Inline::Text {
                        text: text[at..r.start].to_string(),
                    });
                }
                let shown = &text[r.clone()];
                let mut content = vec![Inline::Text {
                    text: shown.to_string(),
                }];
                let source = self
                    .md
                    .get(range.clone())
                    .and_then(|s| s.find(shown))
                    .map_or(range.clone(), |k| {
                        range.start + k..range.start + k + shown.len()
                    });
                self.lint_link(&url, &mut content, source);
                out.push(Inline::Link {
                    url: super::inline::href(&url),
                    title: String::new(),
                    content,
                });
                at = r.end;
            }
            if at < text.len() {
                out.push(Inline::Text {
                    text: text[at..].to_string(),
                });
            }
        }
        *inlines = out;
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn urls(text: &str) -> Vec<(&str, String)> {
        find(text)
            .into_iter()
            .map(|(r, url)| (&text[r], url))
            .collect()
    }

    #[test]
    fn bare_addresses_are_found_with_gfm_trailing_rules() {
        assert_eq!(
            urls("See https://example.org/a/b?x=1. Then more."),
            vec![(
                "https://example.org/a/b?x=1",
                "https://example.org/a/b?x=1".into()
            )]
        );
        assert_eq!(
            urls("(at www.example.com/path)"),
            vec![("www.example.com/path", "http://www.example.com/path".into())]
        );
        assert_eq!(
            urls("https://en.wikipedia.org/wiki/Pipe_(computing)), and"),
            vec![(
                "https://en.wikipedia.org/wiki/Pipe_(computing)",
                "https://en.wikipedia.org/wiki/Pipe_(computing)".into()
            )]
        );
        assert_eq!(
            urls("http://example.com/a&hl;"),
            vec![("http://example.com/a", "http://example.com/a".into())]
        );
        assert_eq!(
            urls("https://example.org,"),
            vec![("https://example.org", "https://example.org".into())]
        );
    }

    #[test]
    fn not_every_dot_is_an_address() {
        assert!(urls("xhttps://example.org and www.x and http://localhost/").is_empty());
        assert!(urls("https://a_b.c_d/ and a\"https://example.org\"").is_empty());
        assert_eq!(urls("two: http://a.example http://b.example").len(), 2);
    }

    #[test]
    fn e_mail_addresses_are_found_by_gfm_rules() {
        assert_eq!(
            urls("Fiona Keir, Committee Officer, governance@example.org."),
            vec![(
                "governance@example.org",
                "mailto:governance@example.org".into()
            )]
        );
        assert_eq!(
            urls("(a.b-c_d+e@mail.example.gov.uk) and x@y.org"),
            vec![
                (
                    "a.b-c_d+e@mail.example.gov.uk",
                    "mailto:a.b-c_d+e@mail.example.gov.uk".into()
                ),
                ("x@y.org", "mailto:x@y.org".into())
            ]
        );
        // A handle, a host without a period, a domain ending in `-` or `_`, an `@` alone.
        assert!(urls("@clerk, me@localhost, a@b.c-, a@b.c_ and @ here").is_empty());
        // Numbers are not an address: `5@3.5`, `10@2.50`.
        assert!(urls("rates of 5@3.5 and 10@2.50").is_empty());
        // An address inside a web address is part of that link, not one of its own.
        assert_eq!(
            urls("https://example.org/to/jo@example.org and www.example.org, then me@example.org"),
            vec![
                (
                    "https://example.org/to/jo@example.org",
                    "https://example.org/to/jo@example.org".into()
                ),
                ("www.example.org", "http://www.example.org".into()),
                ("me@example.org", "mailto:me@example.org".into())
            ]
        );
    }
}
