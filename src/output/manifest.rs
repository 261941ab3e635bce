//! `out/manifest.json`: for archivists, per paper its source, metadata and each output's
//! path, size and SHA-256; sorted, with no timestamps, so a rebuild gives the same bytes.

use serde::Serialize;

use super::PaperReport;
use super::write::{OutputFile, slash_path};

#[derive(Serialize)]
struct Manifest<'a> {
    generator: String,
    index: Option<&'a OutputFile>,
    papers: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    source: String,
    status: &'static str,
    errors: usize,
    warnings: usize,
    title: Option<&'a str>,
    meeting: Option<&'a str>,
    date: Option<String>,
    agenda_item: Option<&'a str>,
    classification: Option<&'a str>,
    outputs: &'a [OutputFile],
}

/// The manifest as pretty JSON (papers in path order).
pub fn manifest_json(papers: &[PaperReport], index: Option<&OutputFile>) -> String {
    let papers = papers
        .iter()
        .map(|p| {
            let m = p.meta.as_ref();
            Entry {
                source: slash_path(&p.source.display),
                status: if p.errors() > 0 {
                    "failed"
                } else if p.warnings() > 0 {
                    "warnings"
                } else {
                    "ok"
                },
                errors: p.errors(),
                warnings: p.warnings(),
                title: m.map(|m| m.title.as_str()),
                meeting: m.map(|m| m.meeting.as_str()),
                date: m.map(|m| m.date.to_string()),
                agenda_item: m.and_then(|m| m.agenda_item.as_deref()),
                classification: m.and_then(|m| m.classification.as_deref()),
                outputs: &p.outputs,
            }
        })
        .collect();
    let manifest = Manifest {
        generator: format!("clerk {}", env!("CARGO_PKG_VERSION")),
        index,
        papers,
    };
    let mut json = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    json.push('\n');
    json
}
