//! Blocks set as the HTML sets them: footnote numbers in a column as wide as the widest,
//! code broken at spaces.

use super::*;

/// The width of a run's glyphs, its trailing spaces aside.
fn inked_width(run: &GlyphRun) -> f32 {
    let glyphs: Vec<_> = run.glyphs.iter().collect();
    let end = glyphs
        .iter()
        .rposition(|g| !g.text.trim().is_empty())
        .map_or(0, |k| k + 1);
    glyphs[..end].iter().map(|g| g.advance).sum()
}

#[test]
fn note_text_hangs_at_one_indent_clear_of_the_widest_number() {
    let n = 104;
    let cites: String = (1..=n).map(|i| format!("Claim {i}[^n{i}]. ")).collect();
    let notes: String = (1..=n)
        .map(|i| format!("[^n{i}]: Note {i} says enough to wrap onto a second line of the page's foot, where the notes are set in smaller type.\n"))
        .collect();
    let (l, geo) = lay(&format!("# Background\n\n{cites}\n\n{notes}"), "");
    let role = |t: &Tag| match t {
        Tag::Content { role, .. } => Some(role.clone()),
        Tag::Artifact => None,
    };
    let all: Vec<(Option<Role>, &GlyphRun)> = l
        .pages
        .iter()
        .flat_map(runs)
        .map(|(t, r)| (role(t), r))
        .collect();
    let numbers: Vec<&GlyphRun> = all
        .iter()
        .filter(|(r, _)| *r == Some(Role::Lbl))
        .map(|(_, run)| *run)
        .collect();
    assert_eq!(numbers.len(), n, "one number per note");
    let text_x: Vec<f32> = all
        .iter()
        .filter(|(r, _)| *r == Some(Role::Note))
        .map(|(_, run)| run.x)
        .collect();
    let hang = text_x.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        text_x.iter().all(|x| (x - hang).abs() < 0.01),
        "every line of every note starts at one indent"
    );
    for number in numbers {
        assert!((number.x - geo.left()).abs() < 0.01);
        let end = number.x + inked_width(number);
        assert!(
            end + number.size * 0.3 <= hang,
            "number {:?} ends at {end}, the text starts at {hang}",
            text_of(number)
        );
    }
}

/// A run's text as drawn: without the zero-advance space that keeps a break for readers.
fn drawn_text(run: &GlyphRun) -> String {
    run.glyphs
        .iter()
        .filter(|g| g.advance > 0.0 || g.text != " ")
        .map(|g| g.text)
        .collect()
}

#[test]
fn code_breaks_at_spaces_keeps_its_indent_and_cuts_only_a_word_too_long() {
    let call = "    indented_call(first_argument, second_argument, third_argument, fourth_argument, fifth, sixth, seventh)";
    let long = format!("{} end", "very".repeat(30));
    let body = format!("# Background\n\nThe call:\n\n```\n{call}\nshort line\n{long}\n```\n");
    let (l, _) = lay(&body, "");
    let lines: Vec<String> = l
        .pages
        .iter()
        .flat_map(runs)
        .filter(|(t, _)| {
            matches!(
                t,
                Tag::Content {
                    role: Role::Code,
                    ..
                }
            )
        })
        .map(|(_, r)| drawn_text(r))
        .collect();
    // The long call wraps at a space: each piece is whole words, the spaces at the break
    // dropped, and its first line keeps the indentation.
    let n = lines
        .iter()
        .position(|l| l == "short line")
        .expect("short line");
    assert!(n >= 2, "the call wraps: {lines:?}");
    assert!(lines[0].starts_with("    indented_call("), "{lines:?}");
    assert_eq!(
        lines[..n].join(" "),
        call,
        "broken only at spaces: {lines:?}"
    );
    for line in &lines[1..n] {
        assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
    }
    // A word longer than the line is cut; what follows it starts its own piece.
    let rest = &lines[n + 1..];
    assert!(rest.len() >= 2, "{rest:?}");
    assert_eq!(
        rest.concat(),
        long,
        "cut with no space lost or added: {rest:?}"
    );
    assert!(!rest[0].contains(' '), "the word's first piece: {rest:?}");
}
