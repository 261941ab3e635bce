//! Finishing a PDF: the stored sRGB profile, and dates and XMP that agree with the Info dictionary.

use super::*;

#[test]
fn the_stored_srgb_stream_inflates_to_the_profile() {
    use std::io::Read;
    let mut inflated = Vec::new();
    flate2::read::ZlibDecoder::new(SRGB_DEFLATED)
        .read_to_end(&mut inflated)
        .unwrap();
    assert_eq!(inflated, SRGB);
}

#[test]
fn dates_agree_between_info_and_xmp() {
    let (pdf, xmp) = dates(1_630_454_400);
    assert_eq!(pdf, "D:20210901000000+00'00'");
    assert_eq!(xmp, "2021-09-01T00:00:00+00:00");
}

#[test]
fn xmp_escapes_and_declares_pdfa() {
    let meta = Meta {
        title: "Fish & <Chips>".into(),
        author: "A".into(),
        subject: "S".into(),
        keywords: vec!["k".into()],
        language: "cy".into(),
        timestamp: 0,
        meeting: "M".into(),
        meeting_date: "2021-09-01".into(),
        agenda_item: None,
        classification: Some("OFFICIAL".into()),
        draft: false,
    };
    let x = xmp(&meta, "clerk", "id");
    assert!(x.contains("Fish &amp; &lt;Chips&gt;"));
    assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(x.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"));
    assert!(x.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
    assert!(x.contains("<clerk:classification>OFFICIAL</clerk:classification>"));
    assert!(
        !x.contains("clerk:agendaItem>"),
        "absent values are left out"
    );
    assert!(!x.contains("status"), "a final paper's says nothing of it");
}

/// Plain metadata of a paper, a draft or not.
fn plain(draft: bool) -> Meta {
    Meta {
        title: "T".into(),
        author: "A".into(),
        subject: "S".into(),
        keywords: vec!["k".into()],
        language: "en-GB".into(),
        timestamp: 7,
        meeting: "M".into(),
        meeting_date: "2021-09-01".into(),
        agenda_item: Some("4".into()),
        classification: None,
        draft,
    }
}

#[test]
fn a_drafts_xmp_says_so_and_declares_the_property() {
    let meta = plain(true);
    let x = xmp(&meta, "clerk", "id");
    assert!(x.contains("<clerk:status>draft</clerk:status>"), "{x}");
    assert!(
        x.contains("<pdfaProperty:name>status</pdfaProperty:name>"),
        "PDF/A wants every property of an extension schema declared: {x}"
    );
    assert!(crate::document::appendix::own_draft(x.as_bytes()));
}

/// The document ID hashes the metadata as it did before `draft` was added to it: a final
/// paper keeps its ID (and its bytes) across the change; a draft's pages differ anyway.
#[test]
fn the_id_hashes_the_metadata_without_the_draft_flag() {
    let meta = plain(false);
    let all = format!("{meta:?}");
    assert_eq!(
        format!(
            "{}, draft: false }}",
            described(&meta).trim_end_matches(" }")
        ),
        all
    );
    assert_eq!(described(&plain(true)), described(&meta));
}
