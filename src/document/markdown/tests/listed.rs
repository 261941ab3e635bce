//! Paragraphs numbered by hand as a list (`list-as-paragraphs`): an ordered list of
//! sentences that starts a numbered section, or a sub-heading's part of one.

use super::*;

fn placed(md: &str) -> Vec<(usize, usize)> {
    let (_, d) = run(md);
    d.iter()
        .filter(|d| d.code == "list-as-paragraphs")
        .map(|d| (d.line, d.column))
        .collect()
}

#[test]
fn sentences_numbered_by_hand_at_a_sections_start_are_warned_about_at_the_first_number() {
    let md = "# Background\n\n1. The Board agreed the strategy.\n\n2. Since then costs have risen.\n\n# Options\n\n## Costs\n\n12) It costs “£3m.”\n\n# Funding\n\n   1. Funding is agreed.\n";
    // At the number, past an indent before it.
    assert_eq!(placed(md), [(3, 1), (11, 1), (15, 4)]);
    let (sections, d) = run(md);
    // What is built is unchanged: the list is one numbered paragraph.
    assert_eq!(paras(&sections.sections[0]).len(), 1);
    let w = find(&d, "list-as-paragraphs");
    assert!(
        w.message
            .contains("the whole list is one numbered paragraph"),
        "{w:?}"
    );
    assert!(
        w.help
            .as_deref()
            .unwrap()
            .contains("take off the `1.`, `2.`"),
        "{w:?}"
    );
}

#[test]
fn a_list_led_into_of_words_bulleted_or_unnumbered_is_no_surprise() {
    for md in [
        // Led into by a sentence: the list belongs to paragraph 1.1.
        "# Options\n\nThe options are:\n\n1. Do nothing.\n2. Rebuild.\n",
        // Items that are not sentences.
        "# Options\n\n1. do nothing;\n2. refurbish;\n3. rebuild\n",
        // Bullets.
        "# Options\n\n- The Board agreed it.\n- Costs rose.\n",
        // The house's unnumbered PURPOSE numbers no paragraphs.
        "# Purpose\n\n1. To seek approval.\n2. To note the costs.\n",
    ] {
        assert_eq!(placed(md), [], "{md}");
    }
}
