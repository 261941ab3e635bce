//! The meeting model and every cross-check, on meeting files and papers made in memory:
//! agendas made (`agendas`), the cross-checks (`checks`), and times (`times`).

use std::path::{Path, PathBuf};

use super::file::read;
use super::*;
use crate::config::HouseStyle;
use crate::paper::{MetaText, PaperMeta};
use crate::project::PaperSource;

/// No texts: these papers exist only as metadata, so no key's line is found.
static NO_TEXTS: std::sync::LazyLock<crate::diag::Sources> =
    std::sync::LazyLock::new(crate::diag::Sources::default);

fn meta(meeting: &str, date: &str, item: Option<&str>, title: &str) -> PaperMeta {
    PaperMeta {
        meeting: meeting.into(),
        date: date.parse().unwrap(),
        date_display: date.into(),
        title: title.into(),
        presented_by: "Fiona Keir, Director".into(),
        recommendation: "For Discussion".into(),
        recommendations: MetaText {
            line_start: 0,
            spans: Vec::new(),
            text: "Note it.".into(),
            line: 1,
        },
        location: Some("Committee Room 1".into()),
        agenda_item: item.map(str::to_string),
        classification: None,
        status: None,
        appendices: Vec::new(),
        implications: Vec::new(),
        language: "en-GB".into(),
        keywords: Vec::new(),
        extra: Vec::new(),
    }
}

/// A paper that builds, with its metadata: as most agendas' papers are.
fn sound<'a>(source: &'a PaperSource, meta: &'a PaperMeta) -> PaperEntry<'a> {
    PaperEntry {
        source,
        meta: Some(meta),
        ok: true,
        last_good: None,
        sources: &NO_TEXTS,
        kept_private: false,
    }
}

fn source(rel: &str) -> PaperSource {
    PaperSource {
        display: Path::new("papers").join(rel),
        rel: PathBuf::from(rel),
        path: PathBuf::from("/nonexistent/papers").join(rel),
    }
}

/// A papers folder holding `rels` (empty files), for the existence check.
fn papers_dir(rels: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for r in rels {
        let p = dir.path().join(r);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
    }
    dir
}

const FILE: &str = r#"committee: Resources Committee
date: 2026-05-19
time: "10:00"
chair: Alasdair Grant
status: draft
items:
  - number: "1"
    title: Chair's opening remarks
  - number: "3"
    title: Finance
  - number: "3.1"
    paper: r/budget.md
  - number: "3.2"
    paper: r/counter.md
    late: true
  - number: "4"
    paper: r/cyber.md
    private: true
    exempt: Standing Orders section 20(d)
"#;

fn files(text: &str, dir: &Path) -> MeetingFiles {
    let (file, diagnostics) = read(Path::new("meetings/resources.yaml"), text.into(), dir);
    MeetingFiles {
        files: vec![file],
        diagnostics,
    }
}

fn codes(d: &[crate::diag::Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.code).collect()
}

mod agendas;
mod checks;
mod times;
