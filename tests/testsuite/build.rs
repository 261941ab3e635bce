//! `clerk build` end to end: the repo's papers, the seed reproduced, byte-identical rebuilds,
//! failures keeping the last good output, and a second house style.

use crate::common::*;

#[test]
fn builds_the_example_papers_with_index_and_manifest() {
    let out = tempfile::tempdir().unwrap();
    let o = clerk(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(
        stdout
            .contains("ok        papers/policing-performance/2021-09-01-hmics-progress-review.md"),
        "{stdout}"
    );
    assert!(stdout.contains("Built 3 papers in"), "{stdout}");
    for f in [
        "policing-performance/2021-09-01-hmics-progress-review.html",
        "policing-performance/2021-12-01-quarterly-performance-report.html",
        "resources/2022-03-15-estates-strategy.html",
        "index.html",
        "manifest.json",
    ] {
        assert!(out.path().join(f).is_file(), "{f} missing");
    }
    assert!(
        !out.path()
            .join("policing-performance/_appendix-a-performance-data.html")
            .exists()
    );

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let papers = manifest["papers"].as_array().unwrap();
    assert_eq!(papers.len(), 3);
    assert_eq!(
        papers[0]["source"],
        "papers/policing-performance/2021-09-01-hmics-progress-review.md"
    );
    assert_eq!(papers[0]["meeting"], "Policing Performance Committee");
    assert_eq!(papers[0]["date"], "2021-09-01");
    assert_eq!(papers[0]["agenda_item"], "4.2");
    assert_eq!(papers[1]["classification"], "OFFICIAL");
    for p in papers {
        for output in p["outputs"].as_array().unwrap() {
            let bytes = std::fs::read(out.path().join(output["path"].as_str().unwrap())).unwrap();
            assert_eq!(output["size"], bytes.len());
            assert_eq!(output["sha256"].as_str().unwrap(), sha256(&bytes));
        }
        // What it was built from: the paper first, then what it read, each with its hash.
        let inputs = p["inputs"].as_array().unwrap();
        assert_eq!(inputs[0]["path"], p["source"]);
        for input in inputs {
            let bytes = std::fs::read(repo().join(input["path"].as_str().unwrap())).unwrap();
            assert_eq!(input["sha256"].as_str().unwrap(), sha256(&bytes));
        }
    }
    let read: Vec<&str> = papers[1]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        read[1..],
        [
            "papers/policing-performance/_appendix-a-performance-data.md",
            "papers/policing-performance/recorded-crime-by-quarter.png"
        ]
    );
    // The metadata an archive files a paper by, its own `status:` as written.
    assert_eq!(papers[0]["presented_by"], "Elaine Galbraith, HMICS");
    assert_eq!(papers[0]["recommendation"], "For Discussion");
    assert_eq!(papers[0]["language"], "en-GB");
    assert_eq!(papers[0]["paper_status"], serde_json::Value::Null);
    assert_eq!(papers[1]["paper_status"], "final");
    assert_eq!(papers[2]["paper_status"], "draft");

    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let text = html_text(&index);
    let ppc = text.find("Policing Performance Committee").unwrap();
    let rc = text.find("Resources Committee").unwrap();
    assert!(ppc < rc, "meetings grouped by name: {text}");
    assert!(index.contains("href=\"policing-performance/2021-09-01-hmics-progress-review.html\""));
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn rebuilds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for out in [&a, &b] {
        let o = clerk(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
        assert!(o.status.success());
    }
    let (ta, tb) = (snapshot_tree(a.path()), snapshot_tree(b.path()));
    assert_eq!(ta.len(), tb.len());
    for ((na, ba), (nb, bb)) in ta.iter().zip(&tb) {
        assert_eq!(na, nb);
        assert!(ba == bb, "{na} differs between two builds");
    }
}

/// The seed paper's HTML, reduced to text, holds every line of the original in order, with
/// its paragraph and section numbers.
#[test]
fn seed_paper_reads_as_the_seed() {
    let out = tempfile::tempdir().unwrap();
    assert!(
        clerk(&repo(), &["build", "--out", out.path().to_str().unwrap()])
            .status
            .success()
    );
    let html = std::fs::read_to_string(
        out.path()
            .join("policing-performance/2021-09-01-hmics-progress-review.html"),
    )
    .unwrap();
    let text = normalise(&html_text(&html));
    let seed = std::fs::read_to_string(repo().join("tests/fixtures/seed.txt")).unwrap();
    let mut at = 0;
    for line in seed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let line = line
            .trim_start_matches("- ")
            .replace("](#)", "")
            .replace('[', "");
        // The seed writes implication headings as `3 FINANCIAL…`; clerk as `3. Financial…`.
        let expected = normalise(&line);
        let expected = expected
            .split_once(' ')
            .filter(|(n, _)| n.parse::<u32>().is_ok())
            .map_or(expected.clone(), |(n, rest)| format!("{n}. {rest}"));
        let expected = expected.replace(". .", ".");
        for piece in expected.split('\t') {
            let piece = piece.trim();
            match text[at..].find(piece) {
                Some(i) => at += i + piece.len(),
                None => panic!(
                    "not found in order: {piece:?}\nafter: {}",
                    &text[at..(at + 300).min(text.len())]
                ),
            }
        }
    }
    assert!(
        html.contains("<span class=\"pnum\">2.4</span>"),
        "paragraph numbers are real text"
    );
}

/// Case, quotes and dashes aside: the seed mixes them, the HTML keeps the source case.
fn normalise(s: &str) -> String {
    let s = s
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['–', '—', '-'], " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_failing_paper_keeps_its_last_good_output_and_others_still_build() {
    let project = temp_project("repo");
    let root = project.path();
    assert!(clerk(root, &["build"]).status.success());
    let seed_out = root.join("out/policing-performance/2021-09-01-hmics-progress-review.html");
    let before = std::fs::read(&seed_out).unwrap();

    let seed_src = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    let broken = std::fs::read_to_string(&seed_src)
        .unwrap()
        .replace("date: 2021-09-01", "date: 2021-02-30");
    std::fs::write(&seed_src, broken).unwrap();
    let other_src = root.join("papers/resources/2022-03-15-estates-strategy.md");
    let edited = std::fs::read_to_string(&other_src)
        .unwrap()
        .replace("18 police stations", "19 police stations");
    std::fs::write(&other_src, edited).unwrap();

    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("failed    papers/policing-performance/2021-09-01-hmics-progress-review.md (1 error; previous output kept)"), "{stdout}");
    assert!(
        stderr.contains("`2021-02-30` is not a real date: February 2021 has 28 days"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> papers/policing-performance/2021-09-01-hmics-progress-review.md:3:7"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&seed_out).unwrap(),
        before,
        "previous good output untouched"
    );
    let other =
        std::fs::read_to_string(root.join("out/resources/2022-03-15-estates-strategy.html"))
            .unwrap();
    assert!(
        other.contains("19 police stations"),
        "the other papers are still built"
    );
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert!(manifest.contains("\"status\": \"failed\""), "{manifest}");
}

#[test]
fn a_second_house_style_is_data_not_code() {
    let project = temp_project("council");
    let (code, stdout, stderr) = parts(&clerk(project.path(), &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(project.path().join("out/2024-06-12-parking-charges.html"))
        .unwrap();
    let text = html_text(&html);
    for expected in [
        "Borsetshire District Council",
        "Report of Director of Place",
        "Wards affected Felpersham North; Felpersham South",
        "Key decision Yes",
        "Date of meeting Wednesday 12 June 2024",
        "Summary This report proposes",
        "1. Background 1.1 Charges were last reviewed in 2019.",
        "2. Proposal 2.1 The proposed charges",
        "3. Financial Implications None arising from this report.",
        "5. Risk Management There are no significant risks",
        "7. Climate and Ecological Emergency Higher charges",
        "That Cabinet approves the charges in paragraph 2.1.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!text.contains("Scottish Police Authority"));
    assert!(!text.contains("PERSONNEL"));
    // Its paper has no `agenda_item`: the index and the meeting page show a dash, as the
    // agenda PDF does, and say so to a screen reader, rather than an empty cell.
    let no_number =
        "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">No number</span>";
    let index = std::fs::read_to_string(project.path().join("out/index.html")).unwrap();
    assert!(
        index.contains(&format!("<td class=\"item\">{no_number}</td>")),
        "{index}"
    );
    let page = std::fs::read_to_string(
        project
            .path()
            .join("out/meetings/2024-06-12-cabinet/index.html"),
    )
    .unwrap();
    assert!(
        page.contains(&format!("<span class=\"item-number\">{no_number}</span>")),
        "{page}"
    );
}

/// The section names of a 64-bit little-endian ELF file (none for any other file).
fn elf_sections(bytes: &[u8]) -> Vec<String> {
    let word = |at: usize, n: usize| -> Option<usize> {
        let b = bytes.get(at..at + n)?;
        Some(b.iter().rev().fold(0usize, |v, &x| v << 8 | usize::from(x)))
    };
    let read = || -> Option<Vec<String>> {
        if bytes.get(..6)? != b"\x7fELF\x02\x01" {
            return None;
        }
        let (shoff, shentsize, shnum, shstrndx) = (
            word(0x28, 8)?,
            word(0x3a, 2)?,
            word(0x3c, 2)?,
            word(0x3e, 2)?,
        );
        let header = |i: usize| shoff + i * shentsize;
        let strings = word(header(shstrndx) + 0x18, 8)?;
        (0..shnum)
            .map(|i| {
                let name = bytes.get(strings + word(header(i), 4)?..)?;
                let end = name.iter().position(|&b| b == 0)?;
                Some(String::from_utf8_lossy(&name[..end]).into_owned())
            })
            .collect()
    };
    read().unwrap_or_default()
}

/// On a Linux with glibc 2.36 or later, the binary's relative relocations are packed
/// (`.relr.dyn`, see `build.rs`): the loader reads 5 KB at start-up instead of 426 KB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_packs_its_relative_relocations_where_glibc_can_load_them() {
    unsafe extern "C" {
        fn gnu_get_libc_version() -> *const std::ffi::c_char;
    }
    // SAFETY: glibc returns a pointer to a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(gnu_get_libc_version()) };
    let version: Vec<u32> = (version.to_str().unwrap().split('.'))
        .filter_map(|p| p.parse().ok())
        .collect();
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_clerk")).unwrap();
    let sections = elf_sections(&bytes);
    assert!(sections.iter().any(|s| s == ".text"), "{sections:?}");
    let packed = sections.iter().any(|s| s == ".relr.dyn");
    let recent = (version[0], version[1]) >= (2, 36);
    assert_eq!(packed, recent, "glibc {version:?}: {sections:?}");
}

/// `--watch` is what other tools call their live rebuild: clerk's is `clerk serve`, and
/// `build --watch` says so rather than clap's bare "unexpected argument".
#[test]
fn build_watch_points_at_serve() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = parts(&clerk(dir.path(), &["build", "--watch"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("`clerk serve` rebuilds on every save"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is built");
}

/// The built index is the public's: a paper with warnings is listed without them (the
/// build said them, and the preview's index shows them to the secretariat).
#[test]
fn the_built_index_keeps_a_papers_warnings_to_the_secretariat() {
    let project = temp_project("repo");
    let root = project.path();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    let text = std::fs::read_to_string(&seed).unwrap();
    // An unusual recommendation: a warning, and the paper still built.
    std::fs::write(
        &seed,
        text.replace(
            "recommendation: For Discussion",
            "recommendation: To approve",
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("warning[unusual-recommendation]"),
        "{stderr}"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(index.contains("HMICS Progress Review"), "{index}");
    assert!(!index.contains("class=\"warnings\""), "{index}");
    assert!(!index.contains("1 warning"), "{index}");
}
