//! PDF/A-2's font rules that need the fonts read (`pdfua_check::font_rules`): they hold for
//! every example and fixture PDF, and a synthetic file with a real TrueType program (clerk's
//! Noto Sans, embedded whole) passes them until one thing at a time is broken, when the
//! rule that asks for it, and only that one, fails.

use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

use crate::pdfua_check::font_rules::pdfa_fonts;
use crate::pdfua_check::{Pdf, every_pdf};

const NOTO: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

#[test]
fn pdfa_2a_font_rules_hold_for_every_pdf() {
    every_pdf(pdfa_fonts);
}

/// What a synthetic file gets wrong, one thing at a time.
#[derive(Clone, Copy, PartialEq)]
enum Break {
    Nothing,
    /// Draws a glyph id past the program's last (6.2.11.4-2).
    GlyphPastTheEnd,
    /// States a width 50 units off the program's (6.2.11.5-1).
    Width,
    /// Maps a drawn code to U+0000 (6.2.11.7-1).
    UnicodeZero,
    /// Leaves a drawn code out of the ToUnicode map (6.2.11.7-1).
    UnicodeMissing,
    /// Leaves out the Type 2 CIDFont's `/CIDToGIDMap` (6.2.11.3-2).
    NoCidToGid,
    /// Names a CMap that is neither predefined nor embedded (6.2.11.3-3).
    UnknownCmap,
    /// Names a predefined Japanese CMap over an Identity collection (6.2.11.3-1).
    ForeignCmap,
    /// Embeds a CMap whose dictionary's `/WMode` is not its program's (6.2.11.3-4).
    EmbeddedWmode,
    /// Gives a `/CIDSet` that leaves glyph 1 out (6.2.11.4-4).
    CidSet,
    /// Uses a simple TrueType font, which the checker does not read (6.2.11.4-2).
    SimpleFont,
}

/// A one-page file drawing "AB" in Noto Sans as a Type 0 font, broken as `what` says.
fn file(what: Break) -> Pdf {
    let face = FontRef::new(NOTO).unwrap();
    let count = u32::from(face.maxp().unwrap().num_glyphs());
    let per_em = f64::from(face.head().unwrap().units_per_em());
    let metrics = face.glyph_metrics(Size::unscaled(), LocationRef::default());
    let gids: Vec<u32> = "AB"
        .chars()
        .map(|c| face.charmap().map(c).unwrap().to_u32())
        .collect();
    let width = |g: u32| {
        let w = f64::from(metrics.advance_width(skrifa::GlyphId::new(g)).unwrap());
        (w * 1000.0 / per_em).trunc() as i64
    };
    let mut doc = Document::with_version("1.7");
    let program = doc.add_object(Stream::new(dictionary! {}, NOTO.to_vec()));
    let mut descriptor = dictionary! { "Type" => "FontDescriptor", "FontName" => "NotoSans",
    "Flags" => 32, "FontFile2" => program };
    if what == Break::CidSet {
        let mut bits = vec![0xFFu8; count.div_ceil(8) as usize];
        bits[0] = 0b1011_1111;
        descriptor.set("CIDSet", doc.add_object(Stream::new(dictionary! {}, bits)));
    }
    let descriptor = doc.add_object(descriptor);
    let mut w = Vec::new();
    for g in &gids {
        let stated = if what == Break::Width {
            width(*g) + 50
        } else {
            width(*g)
        };
        w.extend([
            Object::Integer(i64::from(*g)),
            vec![Object::Integer(stated)].into(),
        ]);
    }
    let mut cid = dictionary! { "Type" => "Font", "Subtype" => "CIDFontType2",
    "BaseFont" => "NotoSans", "FontDescriptor" => descriptor, "W" => w,
    "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
        "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 } };
    if what != Break::NoCidToGid {
        cid.set("CIDToGIDMap", "Identity");
    }
    let cid = doc.add_object(cid);
    let mut entries: Vec<String> = gids
        .iter()
        .zip(['A', 'B'])
        .map(|(g, c)| format!("<{g:04X}> <{:04X}>", c as u32))
        .collect();
    match what {
        Break::UnicodeZero => entries[1] = format!("<{:04X}> <0000>", gids[1]),
        Break::UnicodeMissing => {
            entries.pop();
        }
        _ => {}
    }
    let cmap = format!(
        "begincmap\n{} beginbfchar\n{}\nendbfchar\nendcmap\n",
        entries.len(),
        entries.join("\n")
    );
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let encoding: Object = match what {
        Break::UnknownCmap => "Clerk-H".into(),
        Break::ForeignCmap => "UniJIS-UCS2-H".into(),
        Break::EmbeddedWmode => doc
            .add_object(Stream::new(
                dictionary! { "Type" => "CMap", "CMapName" => "Clerk-V", "WMode" => 1,
                "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 } },
                b"/CMapName /Clerk-V def\n/WMode 0 def\nbegincmap\nendcmap\n".to_vec(),
            ))
            .into(),
        _ => "Identity-H".into(),
    };
    let font = if what == Break::SimpleFont {
        doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "TrueType",
        "BaseFont" => "NotoSans", "FontDescriptor" => descriptor,
        "Encoding" => "WinAnsiEncoding" })
    } else {
        doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0",
        "BaseFont" => "NotoSans", "Encoding" => encoding, "DescendantFonts" => vec![cid.into()],
        "ToUnicode" => to_unicode })
    };
    let mut shown: Vec<u8> = Vec::new();
    for g in &gids {
        let g = if what == Break::GlyphPastTheEnd {
            count + 3
        } else {
            *g
        };
        shown.extend((g as u16).to_be_bytes());
    }
    let content = lopdf::content::Content {
        operations: vec![
            lopdf::content::Operation::new("BT", vec![]),
            lopdf::content::Operation::new("Tf", vec!["F1".into(), 12.into()]),
            lopdf::content::Operation::new(
                "TJ",
                vec![vec![Object::String(shown, lopdf::StringFormat::Hexadecimal)].into()],
            ),
            lopdf::content::Operation::new("ET", vec![]),
        ],
    };
    let contents = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages,
    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Contents" => contents,
    "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } } });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let root = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", root);
    Pdf {
        name: "synthetic".to_string(),
        doc,
        bytes: Vec::new(),
    }
}

/// The rule ids of the failures for a file broken as `what` says.
fn failed(what: Break) -> Vec<String> {
    let mut ids: Vec<String> = pdfa_fonts(&file(what))
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

#[test]
fn a_file_drawing_real_glyphs_with_their_widths_and_text_passes() {
    assert_eq!(pdfa_fonts(&file(Break::Nothing)), Vec::<String>::new());
}

#[test]
fn each_font_rule_fails_the_file_that_breaks_it_and_no_other_rule_does() {
    for (what, rule) in [
        (Break::GlyphPastTheEnd, "6.2.11.4-2"),
        (Break::Width, "6.2.11.5-1"),
        (Break::UnicodeZero, "6.2.11.7-1"),
        (Break::UnicodeMissing, "6.2.11.7-1"),
        (Break::NoCidToGid, "6.2.11.3-2"),
        (Break::UnknownCmap, "6.2.11.3-3"),
        (Break::ForeignCmap, "6.2.11.3-1"),
        (Break::EmbeddedWmode, "6.2.11.3-4"),
        (Break::CidSet, "6.2.11.4-4"),
        (Break::SimpleFont, "6.2.11.4-2"),
    ] {
        let got = failed(what);
        // A CMap that is not Identity leaves the glyphs unread too, which is also said.
        let expected: Vec<&str> = match what {
            Break::UnknownCmap | Break::ForeignCmap | Break::EmbeddedWmode => {
                let mut e = vec![rule, "6.2.11.4-2"];
                e.sort();
                e
            }
            _ => vec![rule],
        };
        assert_eq!(got, expected, "{:?}", pdfa_fonts(&file(what)));
    }
}

/// The failures say which font and which glyph, so a reader can find them.
#[test]
fn a_failure_names_the_font_and_the_code() {
    let got = pdfa_fonts(&file(Break::Width));
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|f| f.contains("(NotoSans)") && f.contains("wide in the file")),
        "{got:?}"
    );
}

#[test]
fn a_dictionary_that_is_not_a_font_object_is_not_read() {
    let mut pdf = file(Break::Nothing);
    let page = pdf.pages()[0];
    let p = pdf.doc.get_dictionary_mut(page).unwrap();
    p.set(
        "Resources",
        dictionary! { "Font" => dictionary! { "F1" => Dictionary::new() } },
    );
    assert_eq!(
        pdfa_fonts(&pdf),
        ["6.2.11.4-2: font /F1 is not a font object this checker can read"]
    );
}

/// The checker's ToUnicode reader takes both sections and both forms of a range, as clerk
/// and other writers give them: a single code, a range counting up from its first text's
/// last unit, and a range listing each text.
#[test]
fn the_to_unicode_reader_takes_chars_and_both_forms_of_range() {
    use crate::pdfua_check::cmap::{to_unicode, wmode};
    let cmap = b"/CMapName /Adobe-Identity-UCS def\n/WMode 1 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        2 beginbfchar\n<0003> <0041>\n<0004> <00660069>\nendbfchar\n\
        2 beginbfrange\n<0010> <0012> <0061>\n<0020> <0021> [<2013> <D83DDE00>]\nendbfrange\n";
    let map = to_unicode(cmap);
    let text = |code: u32| map.get(&code).map(|u| String::from_utf16_lossy(u));
    assert_eq!(text(3).as_deref(), Some("A"));
    assert_eq!(text(4).as_deref(), Some("fi"));
    assert_eq!(text(0x10).as_deref(), Some("a"));
    assert_eq!(text(0x12).as_deref(), Some("c"));
    assert_eq!(text(0x20).as_deref(), Some("–"));
    assert_eq!(text(0x21).as_deref(), Some("😀"));
    assert_eq!(text(0x13), None);
    assert_eq!(map.len(), 7);
    assert_eq!(wmode(cmap), Some(1));
}

/// The simple TrueType rules (`truetype_rules`, run with the font rules) on a simple font
/// over Noto Sans, whose cmap has several subtables, a Microsoft Unicode (3,1) among them
/// and no Microsoft Symbol (3,0).
#[test]
fn simple_truetype_fonts_are_held_to_their_encoding_and_cmap_rules() {
    use crate::pdfua_check::truetype_rules::simple;
    let check_over = |program: &[u8], flags: i64, encoding: Option<Object>| -> Vec<String> {
        let mut doc = Document::with_version("1.7");
        let program = doc.add_object(Stream::new(dictionary! {}, program.to_vec()));
        let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor",
        "FontName" => "NotoSans", "Flags" => flags, "FontFile2" => program });
        let mut font = dictionary! { "Type" => "Font", "Subtype" => "TrueType",
        "BaseFont" => "NotoSans", "FontDescriptor" => descriptor };
        if let Some(e) = encoding {
            font.set("Encoding", e);
        }
        let id = doc.add_object(font.clone());
        let mut bad = std::collections::BTreeSet::new();
        simple(&doc, id, &font, &mut bad);
        bad.iter()
            .map(|f| f.split(':').next().unwrap().to_string())
            .collect()
    };
    let check = |flags: i64, encoding: Option<Object>| check_over(NOTO, flags, encoding);
    let differences = || -> Object {
        dictionary! { "BaseEncoding" => "WinAnsiEncoding",
        "Differences" => vec![32.into(), "space".into()] }
        .into()
    };
    assert_eq!(
        check(32, Some("WinAnsiEncoding".into())),
        Vec::<String>::new()
    );
    assert_eq!(check(32, Some(differences())), Vec::<String>::new());
    assert_eq!(check(32, Some("StandardEncoding".into())), ["6.2.11.6-2"]);
    assert_eq!(check(32, None), ["6.2.11.6-2"]);
    assert_eq!(check(4, None), ["6.2.11.6-4"]);
    assert_eq!(
        check(4, Some("WinAnsiEncoding".into())),
        ["6.2.11.6-3", "6.2.11.6-4"]
    );
    // The program's table directory renamed so that it has no cmap.
    let mut no_cmap = NOTO.to_vec();
    let at = no_cmap[..1024]
        .windows(4)
        .position(|w| w == b"cmap")
        .unwrap();
    no_cmap[at..at + 4].copy_from_slice(b"xmap");
    assert_eq!(
        check_over(&no_cmap, 32, Some("WinAnsiEncoding".into())),
        ["6.2.11.6-1"]
    );
}
