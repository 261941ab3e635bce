//! Passages in another language: pandoc's bracketed spans, `[Tha mi toilichte]{lang=gd}`.
//!
//! pulldown-cmark knows no spans: `[text]` is a shortcut link without a definition. The
//! broken-link callback answers for those followed by `{lang=…}` with a stand-in link to
//! [`SPAN_URL`], so that the brackets are matched by the parser (emphasis inside or
//! around works); its end becomes an [`Inline::Span`] and the `{lang=…}` text after it is
//! dropped. A plain `[text]` and a real link are left alone.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, LinkType};

use super::blocks::Builder;
use crate::document::Inline;

/// The stand-in link target of a span.
pub(super) const SPAN_URL: &str = "clerk:span";

/// `{lang=gd}`, `{lang="gd"}` or `{ lang = gd }` at the start of `s`: its length in bytes
/// and the tag as written.
pub(super) fn lang_attr(s: &str) -> Option<(usize, &str)> {
    let rest = s.strip_prefix('{')?;
    let close = rest.find(['}', '\n'])?;
    if !rest[close..].starts_with('}') {
        return None;
    }
    let inner = rest[..close].trim();
    let value = inner
        .strip_prefix("lang")?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    Some((close + 2, value))
}

/// The broken-link callback: a shortcut `[text]` followed by `{lang=…}` is a span.
pub(super) fn broken_link<'a>(md: &str, link: &BrokenLink<'_>) -> Option<(CowStr<'a>, CowStr<'a>)> {
    let follows = md.get(link.span.end..)?;
    (link.link_type == LinkType::Shortcut
        && !link.reference.starts_with('^')
        && lang_attr(follows).is_some())
    .then(|| (SPAN_URL.into(), "".into()))
}

impl Builder<'_, '_> {
    /// The end of `[…]{lang=…}`: a span when the tag is sound, else its text with a warning.
    pub(super) fn end_span(&mut self, content: Vec<Inline>, range: Range<usize>) {
        let after = self.md.get(range.end..).unwrap_or("");
        let Some((len, lang)) = lang_attr(after) else {
            for inl in content {
                self.inline(inl);
            }
            return;
        };
        self.skip_to = range.end + len;
        if crate::paper::valid_language(lang) {
            self.inline(Inline::Span {
                lang: lang.to_string(),
                content,
            });
            return;
        }
        let loc = self.loc(range.end..range.end + len);
        let shown = if lang.is_empty() {
            "an empty tag"
        } else {
            lang
        };
        self.ctx.warn(
            "bad-language",
            &loc,
            format!(
                "`{shown}` is not a language tag, so this passage is not marked as another language"
            ),
            Some(
                "use a BCP 47 tag such as `gd`, `cy` or `fr-CA`: `[Tha mi toilichte]{lang=gd}`"
                    .into(),
            ),
        );
        for inl in content {
            self.inline(inl);
        }
    }

    /// Text after a span: the part of it that is the span's `{lang=…}` is not shown.
    pub(super) fn past_span_attr<'t>(
        &mut self,
        t: &'t str,
        range: Range<usize>,
    ) -> Option<&'t str> {
        if range.start >= self.skip_to {
            return Some(t);
        }
        if range.end <= self.skip_to {
            return None;
        }
        let cut = self.skip_to - range.start;
        self.skip_to = 0;
        // The text is the source here unless smart punctuation changed it; then keep what
        // follows the closing brace.
        let rest = if t.len() == range.len() {
            t.get(cut..)
        } else {
            t.find('}').and_then(|i| t.get(i + 1..))
        };
        rest.filter(|r| !r.is_empty())
    }
}
