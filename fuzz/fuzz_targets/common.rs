//! Shared by the fuzz targets: a scratch project per process (in memory-backed /dev/shm
//! when there is one), the default house style, and the checks every target makes.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clerk::project::walk::source_for;
use clerk::config::HouseStyle;
use clerk::diag::Diagnostic;
use clerk::paper::{self, Paper};
use clerk::render::Renderer;

/// Valid metadata, so the body targets reach the Markdown and renderers.
#[allow(dead_code)]
pub const META: &str = "meeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: T\npresented_by: P\nrecommendation: For Noting\nrecommendations: R\n";

pub struct Scratch {
    pub root: PathBuf,
    pub papers: PathBuf,
    pub house: HouseStyle,
}

/// The process's scratch project, made once.
pub fn scratch() -> &'static Scratch {
    static S: OnceLock<Scratch> = OnceLock::new();
    S.get_or_init(|| {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let root = base.join(format!("clerk-fuzz-{}", std::process::id()));
        let papers = root.join("papers");
        std::fs::create_dir_all(&papers).expect("scratch folder");
        Scratch {
            root,
            papers,
            house: HouseStyle::default(),
        }
    })
}

/// Writes `bytes` as the paper and loads it; checks every diagnostic points inside it.
pub fn load(bytes: &[u8]) -> (Option<Paper>, Vec<Diagnostic>) {
    let s = scratch();
    let path = s.papers.join("p.md");
    std::fs::write(&path, bytes).expect("scratch write");
    let source = source_for(&s.root, &s.papers, &path);
    let mut sources = clerk::diag::Sources::default();
    let (paper, diags) = paper::load(&source, &s.house, &mut sources);
    // Lines as an editor counts them: LF, CRLF and a lone CR each end one.
    let lines = String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .count();
    for d in &diags {
        let line = d.locate(&sources).line;
        assert!(
            line <= lines + 1,
            "{d:?} points past the {lines} lines of the paper"
        );
    }
    (paper, diags)
}

/// A paper with valid metadata and `body` as its Markdown.
#[allow(dead_code)]
pub fn with_body(body: &[u8]) -> Vec<u8> {
    let mut text = format!("---\n{META}---\n").into_bytes();
    text.extend_from_slice(body);
    text
}

/// The default templates, parsed once.
#[allow(dead_code)]
pub fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(|| {
        let s = scratch();
        Renderer::new(&s.root, &s.house, &mut clerk::diag::Sources::default())
            .expect("default templates")
    })
}

/// A paper with valid metadata and `body` as its Markdown, compiled to its `Document`
/// when the body has no error.
#[allow(dead_code)]
pub fn compiled(body: &[u8]) -> Option<clerk::document::Document> {
    let (paper, _) = load(&with_body(body));
    let s = scratch();
    let mut sources = clerk::diag::Sources::default();
    clerk::document::compile::compile(&paper?, &s.house, &s.root, &mut sources).0
}
