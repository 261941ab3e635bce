use super::GlyphText;

#[test]
fn glyph_text_keeps_short_and_long_text() {
    for s in [
        "",
        "a",
        "ŵ",
        "€",
        "ﬁ",
        "€€",
        "1234567",
        "12345678",
        "a longer cluster text",
    ] {
        assert_eq!(&*GlyphText::from(s), s);
    }
    assert!(matches!(GlyphText::from("ŷ"), GlyphText::Short(_)));
}

#[test]
fn one_ascii_character_is_read_as_such() {
    assert_eq!(GlyphText::from("a").ascii(), Some('a'));
    assert_eq!(GlyphText::from("~").ascii(), Some('~'));
    for s in ["", "ab", "é", "ﬁ", "12345678", "a longer cluster text"] {
        assert_eq!(GlyphText::from(s).ascii(), None, "{s}");
    }
}
