//! Passages in another language: `[text]{lang=xx}`.

use super::*;

fn span(lang: &str, text: &str) -> Inline {
    Inline::Span {
        lang: lang.into(),
        content: vec![Inline::Text { text: text.into() }],
    }
}

#[test]
fn a_bracketed_span_with_lang_is_a_span_and_plain_brackets_stay_text() {
    let md = "# A\n\nShe said [Tha mi toilichte]{lang=gd} and left [as agreed].\n";
    let (s, d) = run(md);
    assert!(d.is_empty(), "{d:?}");
    let p = paras(&s.sections[0]);
    assert_eq!(
        first_inlines(p[0]),
        [
            Inline::Text {
                text: "She said ".into()
            },
            span("gd", "Tha mi toilichte"),
            Inline::Text {
                text: " and left [as agreed].".into()
            },
        ]
    );
}

#[test]
fn spans_inside_and_around_emphasis_and_with_quoted_tags() {
    let md = "# A\n\n*Read [Croeso]{lang=cy} aloud* and [*bienvenue*]{lang=\"fr-CA\"}.\n";
    let (s, d) = run(md);
    assert!(d.is_empty(), "{d:?}");
    let inl = first_inlines(paras(&s.sections[0])[0]);
    assert_eq!(
        inl[0],
        Inline::Emph {
            content: vec![
                Inline::Text {
                    text: "Read ".into()
                },
                span("cy", "Croeso"),
                Inline::Text {
                    text: " aloud".into()
                },
            ]
        }
    );
    assert_eq!(
        inl[2],
        Inline::Span {
            lang: "fr-CA".into(),
            content: vec![Inline::Emph {
                content: vec![Inline::Text {
                    text: "bienvenue".into()
                }]
            }]
        }
    );
    assert_eq!(inl[3], Inline::Text { text: ".".into() });
}

#[test]
fn a_bad_tag_is_a_warning_at_its_place_and_the_words_stay() {
    let md = "# A\n\nSay [Tha mi toilichte]{lang=gaelic_scots} now.\n";
    let (s, d) = run(md);
    let w = find(&d, "bad-language");
    assert_eq!(w.severity, Severity::Warning);
    // At the `{lang=…}`: "Say [Tha mi toilichte]" is 22 characters.
    assert_eq!((w.line, w.column), (3, 23));
    assert!(w.message.contains("gaelic_scots"), "{w:?}");
    assert!(w.help.as_deref().unwrap_or("").contains("lang=gd"), "{w:?}");
    assert_eq!(
        para_text(paras(&s.sections[0])[0]),
        "Say Tha mi toilichte now."
    );
}

#[test]
fn other_attributes_links_and_footnotes_are_left_alone() {
    let md = "# A\n\nSee [x]{.smallcaps} and [the site](https://example.org){lang=gd}.[^n]\n\n[^n]: A note.\n";
    let (s, d) = run(md);
    assert!(d.is_empty(), "{d:?}");
    let text = para_text(paras(&s.sections[0])[0]);
    assert!(
        text.starts_with("See [x]{.smallcaps} and the site{lang=gd}."),
        "{text}"
    );
}
