//! Unit tests of the import, one per mapping rule, by subject in `tests/`; here, the helpers
//! that build small .docx files in memory for them.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;

use super::{Imported, Limits, convert};
use crate::config::HouseStyle;

mod appendix_files;
mod content;
mod fill;
mod header;
mod header_lines;
mod header_values;
mod hostile;
mod inline;
mod layout;
mod numbers;
mod sections;
mod word_ways;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

const ROOT_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A zip of the given (name, bytes) entries, deflated.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx whose body is `body`, with extra parts (numbering, footnotes, rels, media).
fn docx(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ];
    entries.extend_from_slice(extra);
    zip_of(&entries)
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn bold(text: &str) -> String {
    format!(r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>"#)
}

fn table(rows: &[(&str, &str)]) -> String {
    let rows: String = rows
        .iter()
        .map(|(a, b)| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b)))
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

fn header() -> String {
    table(&[
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
        ("Presented By", "A Person, Director"),
        ("Recommendation to Members", "For Noting"),
    ])
}

fn run(body: &str, extra: &[(&str, &[u8])]) -> Imported {
    run_with(body, extra, &HouseStyle::default())
}

fn run_with(body: &str, extra: &[(&str, &[u8])], house: &HouseStyle) -> Imported {
    let bytes = docx(body, extra);
    convert(Path::new("t.docx"), &bytes, house, "t", Limits::default()).unwrap()
}

fn codes(i: &Imported) -> Vec<&'static str> {
    i.notes.iter().map(|n| n.code).collect()
}

/// What the import said under `code`, note by note.
fn said<'i>(i: &'i Imported, code: &str) -> Vec<&'i str> {
    i.notes
        .iter()
        .filter(|n| n.code == code)
        .map(|n| n.message.as_str())
        .collect()
}

const CLOSE: &str = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>RECOMMENDATIONS</w:t></w:r></w:p><w:p><w:r><w:t>Members are invited to note.</w:t></w:r></w:p>";

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#;

fn numbered(num: u8, level: u8, text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r>{b}<w:t>{text}</w:t></w:r></w:p>"#
    )
}
