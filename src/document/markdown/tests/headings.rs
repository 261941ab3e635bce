//! Slips of text written or pasted as in Word that change what a paragraph is: an
//! unnumbered section's name misspelt (`heading-misspelt`), a line of `---` under a
//! paragraph (`setext-heading`), bullets on the lines of a paragraph (`typed-bullet`).

use super::*;

/// `# Purpsoe` is numbered as a body section, and every section after it one higher: a
/// warning names the unnumbered section it nearly is. Headings that are merely like it, or
/// too short to tell, are not warned about.
#[test]
fn a_misspelt_unnumbered_section_is_warned_about() {
    for (heading, name) in [
        ("Purpsoe", "Purpose"),
        ("Purpse", "Purpose"),
        ("PURPOSSE", "Purpose"),
        ("Prupose", "Purpose"),
    ] {
        let (_, d) = run(&format!("# {heading}\n\nWhy.\n\n# Background\n\nA.\n"));
        let w = find(&d, "heading-misspelt");
        assert_eq!((w.line, w.column), (1, 1), "{heading}");
        assert!(
            w.message
                .starts_with(&format!("“{heading}” is numbered as a section of the body")),
            "{}",
            w.message
        );
        assert_eq!(
            w.help.as_deref(),
            Some(&*format!("write `# {name}`")),
            "{heading}"
        );
    }
    for fine in [
        "Purpose",
        "Purposes of the fund",
        "Proposal",
        "Background",
        "Pay",
    ] {
        let (_, d) = run(&format!("# Purpose\n\nWhy.\n\n# {fine}\n\nA.\n"));
        assert!(!codes(&d).contains(&"heading-misspelt"), "{fine}: {d:#?}");
    }
}

/// Bullets pasted from Word on the lines of a paragraph (`The savings are:` then `• estates`)
/// run on into it: the first such line is warned about, at its bullet.
#[test]
fn bullets_typed_inside_a_paragraph_are_warned_about() {
    let (_, d) = run("# A\n\nThe savings are:\n• estates £1m\n• staff £2m\n\nAfter.\n");
    let w = find(&d, "typed-bullet");
    assert_eq!((w.line, w.column), (4, 1));
    assert!(
        w.message.contains("runs on in the paragraph above"),
        "{}",
        w.message
    );
    assert_eq!(
        codes(&d).iter().filter(|c| **c == "typed-bullet").count(),
        1
    );
    // A wrapped line that starts with a letter in brackets is text.
    let (_, d) = run("# A\n\nThe savings are set out in\n(a) the budget.\n");
    assert!(!codes(&d).contains(&"typed-bullet"), "{d:#?}");
}

/// A line of `---` (or `===`) straight under a paragraph makes it a heading, as Markdown
/// writes one without `#`: said at the heading, with the two ways out. A `---` after a
/// blank line, and headings written with `#`, are not.
#[test]
fn a_line_of_dashes_under_a_paragraph_is_warned_about() {
    let (_, d) = run("# A\n\nThe budget was set in March.\n---\n\nMore.\n");
    let w = find(&d, "setext-heading");
    assert_eq!((w.line, w.column), (3, 1));
    assert!(
        w.message.starts_with(
            "the `---` line under “The budget was set in March.” makes it a sub-heading"
        ),
        "{}",
        w.message
    );
    assert!(
        w.help
            .as_deref()
            .unwrap()
            .contains("`## The budget was set in March.`"),
        "{w:?}"
    );
    let (_, d) = run("# A\n\nOptions\n=======\n\nMore.\n");
    assert!(
        find(&d, "setext-heading")
            .message
            .contains("a section's heading")
    );
    for fine in ["# A\n\nText.\n\n---\n\nMore.\n", "# A\n\n## Sub\n\nMore.\n"] {
        let (_, d) = run(fine);
        assert!(!codes(&d).contains(&"setext-heading"), "{fine:?}: {d:#?}");
    }
}
