//! Hostile and broken papers: each answered with a diagnostic and an exit code, never a panic,
//! a hang or a blow-up. Small cases are committed under `tests/hostile/papers/`; large ones are
//! generated here.

use std::path::Path;

use crate::common::*;

const GOOD: &str = "meeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Hostile input\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n";

fn paper(body: &str) -> String {
    format!("---\n{GOOD}---\n\n# Purpose\n\n{body}\n")
}

/// Runs `clerk check --format json FILE` and returns the exit code and diagnostic codes.
fn check(root: &Path, file: &str) -> (i32, Vec<String>) {
    let o = clerk(root, &["check", "--format", "json", file]);
    let (code, stdout, stderr) = parts(&o);
    assert!(
        code == 0 || code == 1,
        "{file}: exit {code}, never a panic\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    let codes = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    (code, codes)
}

fn generated(root: &Path) {
    let dir = root.join("papers");
    let write = |name: &str, text: String| std::fs::write(dir.join(name), text).unwrap();
    write(
        "deep-list.md",
        paper(
            &(0..2000)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect::<String>(),
        ),
    );
    write("deep-quote.md", paper(&format!("{} x", ">".repeat(5000))));
    write(
        "deep-yaml.md",
        format!(
            "---\n{GOOD}keywords: {}{}\n---\n",
            "[".repeat(2000),
            "]".repeat(2000)
        ),
    );
    let para = "lorem ipsum dolor sit amet ".repeat(18);
    write(
        "big.md",
        paper(&format!(
            "x\n\n# Body\n\n{}",
            (0..10_000)
                .map(|i| format!("Paragraph {i} {para}\n\n"))
                .collect::<String>()
        )),
    );
    write(
        "footnotes.md",
        paper(&format!(
            "{}\n\n{}",
            (0..10_000)
                .map(|i| format!("w[^{i}]"))
                .collect::<Vec<_>>()
                .join(" "),
            (0..10_000)
                .map(|i| format!("[^{i}]: note {i}\n"))
                .collect::<String>()
        )),
    );
    write(
        "wide-table.md",
        paper(&format!(
            "|{}|\n|{}|\n|{}|",
            vec!["c"; 200].join("|"),
            vec!["-"; 200].join("|"),
            vec!["x"; 200].join("|")
        )),
    );
    write(
        "long-word.md",
        paper(&"a".repeat(2000)).replace(
            "title: Hostile input",
            &format!("title: {}", "T".repeat(5000)),
        ),
    );
    write("too-big.md", "x".repeat(10_000_001));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(50_000_000, 0);
    std::fs::write(dir.join("huge.png"), png).unwrap();
    write("big-image.md", paper("![A very large picture](huge.png)"));
    std::fs::write(
        dir.join("junk.md"),
        (0..=255u8).cycle().take(30_000).collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("folder.md")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("loop")).unwrap();
}

#[test]
fn every_hostile_paper_gets_a_diagnostic_not_a_panic() {
    let project = temp_project("../hostile");
    let root = project.path();
    generated(root);
    let cases: &[(&str, i32, &[&str])] = &[
        ("bom-crlf.md", 0, &[]),
        ("no-body.md", 0, &[]),
        ("tabs.md", 1, &["yaml-tab"]),
        ("unclosed.md", 1, &["unclosed-front-matter"]),
        ("empty.md", 1, &["no-metadata"]),
        ("invalid-utf8.md", 1, &["not-utf8"]),
        ("junk.md", 1, &["not-utf8"]),
        ("alias-bomb.md", 1, &["metadata-too-large"]),
        ("deep-yaml.md", 1, &["metadata-too-deep"]),
        ("too-big.md", 1, &["paper-too-large"]),
        ("deep-list.md", 0, &["too-deep"]),
        ("deep-quote.md", 0, &["too-deep"]),
        ("big.md", 0, &[]),
        ("footnotes.md", 0, &[]),
        ("long-word.md", 0, &[]),
        ("wide-table.md", 1, &["table-too-wide"]),
        ("big-image.md", 1, &["image-too-large"]),
        (
            "injection.md",
            1,
            &["unsafe-link", "remote-image", "image-absolute", "raw-html"],
        ),
    ];
    for (file, want_code, want) in cases {
        let (code, codes) = check(root, &format!("papers/{file}"));
        assert_eq!(code, *want_code, "{file}: {codes:?}");
        for w in *want {
            assert!(
                codes.iter().any(|c| c == w),
                "{file}: expected {w} in {codes:?}"
            );
        }
    }
    let (code, codes) = check(root, "papers/junk.md");
    assert_eq!((code, codes.len()), (1, 1));
    // The whole folder, symlink loop and a folder named like a paper included, still finishes.
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(
        root.join("out/papers").exists() || root.join("out/bom-crlf.html").exists(),
        "{stdout}"
    );
}

#[test]
fn template_syntax_and_html_in_a_paper_are_shown_literally() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    std::fs::create_dir_all(root.join("papers")).unwrap();
    let text = paper("Template syntax {{ 7*7 }} and {% if true %}tags{% endif %} stay literal. <script>alert('body')</script>")
        .replace("title: Hostile input", "title: \"<script>alert('t')</script> {{ 7*7 }}\"")
        .replace("presented_by: Test", "presented_by: \"{% include 'x' %}\"");
    std::fs::write(root.join("papers/inject.md"), text).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(root.join("out/inject.html")).unwrap();
    assert!(!html.contains("<script>alert"), "HTML is escaped");
    assert!(html.contains("&lt;script&gt;alert("), "shown as text");
    assert!(
        html.contains("{{ 7*7 }}"),
        "template syntax shown literally"
    );
    assert!(
        html.contains("{% include &#x27;x&#x27; %}")
            || html.contains("{% include &#39;x&#39; %}")
            || html.contains("{% include 'x' %}")
            // Metadata gets the body's smart punctuation (issue 16).
            || html.contains("{% include \u{2018}x\u{2019} %}"),
        "not evaluated"
    );
    assert!(
        !html.contains(">49<") && !html.contains(" 49 "),
        "never evaluated"
    );
}

/// Found by the `front_matter` fuzz target: a file with old-Mac line endings (a lone CR)
/// counted lines one way in the YAML parser and another in the diagnostics, so an error
/// pointed past the end of the file. Lone CRs are now line endings everywhere.
#[test]
fn lone_cr_line_endings_are_lines() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    std::fs::write(
        papers.join("mac.md"),
        paper("Written on an old Mac.").replace('\n', "\r"),
    )
    .unwrap();
    let broken =
        "---\rmeeting: \"unclosed\rdate: 2021-09-01\r\r\r\r\rtitle: T\r---\r# Purpose\r\rText.\r";
    std::fs::write(papers.join("broken.md"), broken).unwrap();
    let (code, codes) = check(dir.path(), "papers/mac.md");
    assert_eq!((code, codes), (0, vec![]));
    let o = clerk(
        dir.path(),
        &["check", "--format", "json", "papers/broken.md"],
    );
    let (code, stdout, _) = parts(&o);
    assert_eq!(code, 1);
    // The YAML error's line (the metadata past it is checked too: its missing keys).
    let d: serde_json::Value = (stdout.lines())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|d| d["code"] == "yaml-syntax")
        .unwrap();
    let lines = broken.split('\r').count() as u64;
    let line = d["line"].as_u64().unwrap();
    assert!((2..lines).contains(&line), "line {line} of {lines}: {d}");
}
