//! Files that are not Word documents, damaged or hostile ones: refused with a note, never a panic.

use super::*;

fn refused(bytes: &[u8], limits: Limits) -> crate::diag::Diagnostic {
    convert(
        Path::new("t.docx"),
        bytes,
        &HouseStyle::default(),
        "i",
        limits,
    )
    .expect_err("refused")
}

#[test]
fn renamed_files_are_named_for_what_they_are() {
    let cases: [(&[u8], &str); 4] = [
        (b"%PDF-1.7\n...", "a PDF"),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "old-style Word .doc",
        ),
        (b"{\\rtf1\\ansi hello}", "Rich Text"),
        (b"", "empty"),
    ];
    for (bytes, what) in cases {
        let d = refused(bytes, Limits::default());
        assert_eq!(d.code, "import-not-docx");
        assert!(d.message.contains(what), "{what}: {}", d.message);
        assert!(
            d.help.as_deref().unwrap_or("").contains("save it as"),
            "{d:?}"
        );
    }
    // A password-protected .docx is a compound file too, but holds an encrypted package.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let d = refused(&encrypted, Limits::default());
    assert!(
        d.message.contains("protected by a password"),
        "{}",
        d.message
    );
    assert!(
        d.help.as_deref().unwrap().contains("remove the password"),
        "{d:?}"
    );
    let odt = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
    assert!(
        refused(&odt, Limits::default())
            .message
            .contains("OpenDocument")
    );
    let d = refused(b"PK\x03\x04garbage", Limits::default());
    assert_eq!(d.code, "import-damaged");
}

#[test]
fn a_path_traversal_name_is_refused() {
    let bytes = zip_of(&[
        ("word/document.xml", b"<x/>"),
        ("../../etc/cron.d/evil", b"x"),
    ]);
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-unsafe-name");
    assert!(d.message.contains("../../etc/cron.d/evil"), "{}", d.message);
    let abs = zip_of(&[("/etc/passwd", b"x")]);
    assert_eq!(refused(&abs, Limits::default()).code, "import-unsafe-name");
}

#[test]
fn a_missing_main_part_is_refused() {
    let bytes = zip_of(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/styles.xml", b"<x/>"),
    ]);
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-missing-part");
    assert!(d.message.contains("word/document.xml"), "{}", d.message);
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    let zeros = vec![b' '; 3 << 20];
    let bytes = zip_of(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", &zeros),
    ]);
    assert!(
        bytes.len() < 64 << 10,
        "the bomb is small packed: {}",
        bytes.len()
    );
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-too-large");
    assert!(d.message.contains("times its packed size"), "{}", d.message);
    let small = Limits {
        part_bytes: 1 << 20,
        ..Limits::default()
    };
    let d = refused(&bytes, small);
    assert!(d.message.contains("more than 1 MB"), "{}", d.message);
}

#[test]
fn a_huge_document_is_refused_at_the_node_limit() {
    let body = p("Text.").repeat(5_000);
    let bytes = docx(&body, &[]);
    let limits = Limits {
        xml_nodes: 10_000,
        ..Limits::default()
    };
    let d = refused(&bytes, limits);
    assert_eq!(d.code, "import-damaged");
    assert!(
        d.message.contains("more than 10000 XML nodes"),
        "{}",
        d.message
    );
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..30).map(|i| format!("word/media/{i}.png")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let limits = Limits {
        entries: 20,
        ..Limits::default()
    };
    assert_eq!(refused(&zip_of(&entries), limits).code, "import-too-large");
}

#[test]
fn entity_declarations_are_refused_not_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>"#;
    let external =
        r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#;
    for xml in [laughs, external] {
        let bytes = zip_of(&[
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", xml.as_bytes()),
        ]);
        let d = refused(&bytes, Limits::default());
        assert_eq!(d.code, "import-damaged");
        assert!(d.message.contains("DTD"), "{}", d.message);
    }
}

#[test]
fn deep_nesting_is_refused() {
    let body = format!(
        "{}{}",
        "<w:sdt><w:sdtContent>".repeat(400),
        "</w:sdtContent></w:sdt>".repeat(400)
    );
    let d = refused(&docx(&body, &[]), Limits::default());
    assert!(d.message.contains("nests deeper"), "{}", d.message);
}

/// A cheap stand-in for the fuzz target that runs with `cargo test`: every fixture cut
/// short and with bytes flipped (in the zip and in its unpacked document.xml) is either
/// imported or refused, never a panic.
#[test]
fn damaged_fixtures_are_imported_or_refused_never_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let house = HouseStyle::default();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let mut variants: Vec<Vec<u8>> = (1..8)
            .map(|i| bytes[..bytes.len() * i / 8].to_vec())
            .collect();
        for step in [97, 1013, 4099] {
            let mut b = bytes.clone();
            for i in (0..b.len()).step_by(step) {
                b[i] ^= 0x5A;
            }
            variants.push(b);
        }
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        for cut in [xml.len() / 3, xml.len() / 2, xml.len() - 20] {
            let cut = (0..=cut).rev().find(|&i| xml.is_char_boundary(i)).unwrap();
            variants.push(zip_of(&[
                ("_rels/.rels", ROOT_RELS.as_bytes()),
                ("word/document.xml", &xml.as_bytes()[..cut]),
            ]));
        }
        let swapped = xml
            .replace("<w:tbl>", "<w:p>")
            .replace("</w:tbl>", "</w:p>");
        variants.push(zip_of(&[
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", swapped.as_bytes()),
        ]));
        for v in variants {
            match convert(&path, &v, &house, "i", Limits::default()) {
                Ok(out) => assert!(out.markdown.starts_with("---\n")),
                Err(d) => assert!(d.is_error() && !d.message.is_empty()),
            }
        }
    }
    assert_eq!(seen, 8, "the eight fixtures");
}
