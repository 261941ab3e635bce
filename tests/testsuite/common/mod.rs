//! Shared helpers for the integration tests: run the real binary, copy fixtures, read outputs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod serve;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs `clerk` with `args` in `cwd`, no colour.
pub fn clerk(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("clerk runs")
}

/// The exit code, stdout and stderr of a run, as text.
pub fn parts(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of a fixture: "repo" (the repo's `papers/`), "../NAME" (`tests/NAME/`),
/// or NAME (`tests/fixtures/NAME/`).
pub fn temp_project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if name == "repo" {
        copy_dir(&repo().join("papers"), &dir.path().join("papers"));
    } else if let Some(rest) = name.strip_prefix("../") {
        copy_dir(&repo().join("tests").join(rest), dir.path());
    } else {
        copy_dir(&fixture(name), dir.path());
    }
    dir
}

/// Every file under `dir`, relative, sorted, with its bytes.
///
/// The incremental build's cache is left out: it is clerk's memory, not an output, and
/// holds the times the outputs were written.
pub fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != clerk::output::cache::CACHE_FILE)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "caption",
    "thead",
    "tbody",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "header",
    "footer",
    "main",
    "br",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "img",
    "hr",
    "body",
    "nav",
];

/// The visible text of an HTML page: tags removed, entities decoded, whitespace collapsed.
pub fn html_text(html: &str) -> String {
    let body = html.split_once("<body").map_or(html, |(_, b)| b);
    let mut out = String::new();
    let mut in_tag = false;
    let mut skip_until: Option<&str> = None;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = skip_until {
            match rest.find(end) {
                Some(i) => {
                    rest = &rest[i + end.len()..];
                    skip_until = None;
                    continue;
                }
                None => break,
            }
        }
        if rest.starts_with("<style") {
            skip_until = Some("</style>");
            continue;
        }
        if rest.starts_with("<script") {
            skip_until = Some("</script>");
            continue;
        }
        match c {
            '<' => {
                in_tag = true;
                // Block-level tags separate words; inline ones (a, span, em…) do not.
                let name: String = rest[1..]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if BLOCK_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
                    out.push(' ');
                }
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs an outside program (pdftotext, qpdf, …), asserting success; returns its stdout.
pub fn run_tool(program: &str, args: &[&str]) -> String {
    let o = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs ({e})"));
    assert!(
        o.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The SHA-256 of `bytes` in lower-case hex, as the manifest gives it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    clerk::output::write::sha256_hex(bytes)
}
