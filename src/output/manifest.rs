//! `out/manifest.json`: for archivists, per paper its source, metadata and each output's
//! path, size and SHA-256, then each meeting's outputs and the calendar; sorted, with no
//! timestamps, so a rebuild gives the same bytes. Papers taken in private appear there by
//! title and exempt ground only; their full entries go in `out/private/manifest.json`.

use serde::Serialize;

use super::write::{OutputFile, slash_path};
use super::{BuildReport, PaperReport};

#[derive(Serialize)]
struct Manifest<'a> {
    generator: String,
    index: Option<&'a OutputFile>,
    papers: Vec<Entry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    private_papers: Vec<PrivateEntry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meetings: Vec<MeetingEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<&'a OutputFile>,
}

/// A private paper as the public manifest shows it.
#[derive(Serialize)]
struct PrivateEntry<'a> {
    title: Option<&'a str>,
    exempt: &'a str,
}

#[derive(Serialize)]
struct MeetingEntry<'a> {
    committee: &'a str,
    date: String,
    file: Option<String>,
    status: &'static str,
    outputs: &'a [OutputFile],
}

/// The public manifest, and the private one when there are private papers.
pub fn manifests(report: &BuildReport, index: Option<&OutputFile>) -> (String, Option<String>) {
    let is_private = |p: &PaperReport| {
        report
            .private
            .contains_key(&crate::meeting::file::normal(&p.source.rel))
    };
    let (private, public): (Vec<&PaperReport>, Vec<&PaperReport>) =
        report.papers.iter().partition(|p| is_private(p));
    let private_entries: Vec<PrivateEntry> = private
        .iter()
        .map(|p| PrivateEntry {
            title: p.meta.as_ref().map(|m| m.title.as_str()),
            exempt: report
                .private
                .get(&crate::meeting::file::normal(&p.source.rel))
                .map_or("", String::as_str),
        })
        .collect();
    let meetings: Vec<MeetingEntry> = report
        .meetings
        .iter()
        .map(|m| MeetingEntry {
            committee: &m.meeting.committee,
            date: m.meeting.date.to_string(),
            file: m.meeting.file.as_deref().map(slash_path),
            status: if m.built { "ok" } else { "failed" },
            outputs: &m.outputs,
        })
        .collect();
    let manifest = Manifest {
        generator: generator(),
        index,
        papers: entries(public),
        private_papers: private_entries,
        meetings,
        calendar: report.calendar.as_ref(),
    };
    let public_json = to_json(&manifest);
    let private_json = (!private.is_empty()).then(|| {
        to_json(&Manifest {
            generator: generator(),
            index: None,
            papers: entries(private),
            private_papers: Vec::new(),
            meetings: Vec::new(),
            calendar: None,
        })
    });
    (public_json, private_json)
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

fn generator() -> String {
    format!("clerk {}", env!("CARGO_PKG_VERSION"))
}

fn to_json(manifest: &Manifest) -> String {
    let mut json = serde_json::to_string_pretty(manifest).unwrap_or_default();
    json.push('\n');
    json
}

/// The manifest as pretty JSON (papers in path order).
pub fn manifest_json(papers: &[PaperReport], index: Option<&OutputFile>) -> String {
    to_json(&Manifest {
        generator: generator(),
        index,
        papers: entries(papers.iter()),
        private_papers: Vec::new(),
        meetings: Vec::new(),
        calendar: None,
    })
}

fn entries<'a>(papers: impl IntoIterator<Item = &'a PaperReport>) -> Vec<Entry<'a>> {
    papers
        .into_iter()
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
        .collect()
}
