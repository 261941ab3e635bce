//! Styled spans: a paragraph's inline content (emphasis, code, links, cross-references,
//! footnote marks) flattened into runs of text that share one style.

use super::model::{Rgb, Target};
use crate::document::Inline;
use crate::render::pdf::fonts::FaceId;

/// How a span of text is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Monospace.
    pub mono: bool,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
    /// Raise above the baseline (superscript), in points.
    pub rise: f32,
    /// Where the span links to.
    pub link: Option<Target>,
    /// A footnote this span cites.
    pub footnote: Option<u32>,
    /// The language of this text when the author marked it (`[…]{lang=gd}`).
    pub lang: Option<Box<str>>,
    /// Struck through (`~~…~~`): a line drawn through it, and a `Span` saying so.
    pub strike: bool,
}

impl Style {
    /// Plain text at `size`.
    pub fn plain(size: f32) -> Style {
        Style {
            bold: false,
            italic: false,
            mono: false,
            size,
            color: Rgb::BLACK,
            rise: 0.0,
            link: None,
            footnote: None,
            lang: None,
            strike: false,
        }
    }

    /// The same style in bold.
    pub fn bold(mut self) -> Style {
        self.bold = true;
        self
    }

    /// The face for this style.
    pub fn face(&self) -> FaceId {
        FaceId::pick(self.bold, self.italic, self.mono)
    }
}

/// A stretch of text in one style; `"\n"` alone is a forced line break.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Its style.
    pub style: Style,
}

/// Flattens inline content into spans, starting from `base`.
pub fn spans(content: &[Inline], base: &Style) -> Vec<Span> {
    let mut out = Vec::new();
    push_spans(content, base, &mut out);
    out
}

/// A plain text (a header row's value: a meeting's location or contact) as spans in
/// `style`, its web and e-mail addresses linked as a paper's links are.
pub fn linked_spans(text: &str, style: &Style) -> Vec<Span> {
    let plain = |t: &str| Inline::Text {
        text: t.to_string(),
    };
    let mut content = Vec::new();
    let mut at = 0;
    for (r, url) in crate::document::markdown::addresses(text) {
        content.push(plain(&text[at..r.start]));
        content.push(Inline::Link {
            url,
            title: String::new(),
            content: vec![plain(&text[r.clone()])],
        });
        at = r.end;
    }
    content.push(plain(&text[at..]));
    spans(&content, style)
}

fn push_spans(content: &[Inline], style: &Style, out: &mut Vec<Span>) {
    let push = |text: &str, style: &Style, out: &mut Vec<Span>| {
        if let Some(last) = out
            .last_mut()
            .filter(|s: &&mut Span| s.style == *style && s.text != "\n")
        {
            last.text.push_str(text);
        } else if !text.is_empty() {
            out.push(Span {
                text: text.to_string(),
                style: style.clone(),
            });
        }
    };
    for inline in content {
        match inline {
            Inline::Text { text } => push(text, style, out),
            Inline::SoftBreak => push(" ", style, out),
            Inline::HardBreak => out.push(Span {
                text: "\n".into(),
                style: style.clone(),
            }),
            Inline::Code { text } => push(
                text,
                &Style {
                    mono: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Emph { content } => push_spans(
                content,
                &Style {
                    italic: !style.italic,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strong { content } => push_spans(
                content,
                &Style {
                    bold: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Strike { content } => push_spans(
                content,
                &Style {
                    strike: true,
                    ..style.clone()
                },
                out,
            ),
            Inline::Span { lang, content } => push_spans(
                content,
                &Style {
                    lang: Some(lang.as_str().into()),
                    ..style.clone()
                },
                out,
            ),
            Inline::Link { url, content, .. } => {
                let target = match url.strip_prefix('#') {
                    // The model keeps destinations percent-encoded; an anchor is named as
                    // written (`#café`).
                    Some(id) => Target::Anchor(
                        percent_encoding::percent_decode_str(id)
                            .decode_utf8_lossy()
                            .into_owned(),
                    ),
                    None => Target::Uri(url.clone()),
                };
                let linked = Style {
                    link: Some(target),
                    color: Rgb(0.0, 0.2, 0.6),
                    ..style.clone()
                };
                push_spans(content, &linked, out)
            }
            Inline::CrossRef { number, target, .. } => {
                let linked = Style {
                    link: Some(Target::Anchor(target.clone())),
                    ..style.clone()
                };
                push(number, &linked, out)
            }
            Inline::FootnoteRef { number, target, .. } => {
                let sup = Style {
                    size: style.size * 0.65,
                    rise: style.size * 0.35,
                    link: Some(Target::Anchor(target.clone())),
                    footnote: Some(*number),
                    ..style.clone()
                };
                push(&number.to_string(), &sup, out)
            }
            Inline::Image(img) => {
                let alt = if img.alt.is_empty() {
                    "[image]".to_string()
                } else {
                    format!("[{}]", img.alt)
                };
                push(
                    &alt,
                    &Style {
                        italic: true,
                        ..style.clone()
                    },
                    out,
                )
            }
        }
    }
}
