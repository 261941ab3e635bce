use super::*;

#[test]
fn numbers_stay_with_their_words() {
    for (a, b) in [
        ("18", "August"),
        ("1", "September"),
        ("September", "2021"),
        ("paragraph", "2.1"),
        ("section", "3"),
        ("Table", "4:"),
        ("Appendix", "A"),
        ("(Appendix", "B)"),
        ("£1.5", "million"),
        ("(R.", "3)"),
        ("Mr", "Smith"),
    ] {
        assert!(space_tied(a, b), "{a} {b}");
    }
    for (a, b) in [
        ("three", "of"),
        ("the", "ten"),
        ("2021,", "the"),
        ("members", "3"),
        ("in", "August"),
        ("September,", "2021"),
        ("Appendix", "and"),
    ] {
        assert!(!space_tied(a, b), "{a} {b}");
    }
}

/// Words are compared without regard to case, whatever their letters: ASCII ones
/// without lower-casing a copy, others (a Kelvin sign lower-cases to `k`) by it.
#[test]
fn words_match_in_any_case() {
    for (a, b) in [
        ("PARAGRAPH", "2"),
        ("TaBLE", "4"),
        ("sEPT.", "2021"),
        ("3", "PM"),
        ("18", "aug"),
        ("5", "\u{212a}m"),
        ("DR.", "Smith"),
    ] {
        assert!(space_tied(a, b), "{a} {b}");
    }
    for (a, b) in [("paragraphs\u{301}", "2"), ("5", "kms"), ("Julyy", "4")] {
        assert!(!space_tied(a, b), "{a} {b}");
    }
    for m in crate::paper::MONTH_NAMES {
        assert!(
            is_month(m) && is_month(&m.to_uppercase()) && is_month(&m[..3]),
            "{m}"
        );
    }
    assert!(is_month("Sept") && !is_month("Mayday"));
}

#[test]
fn the_word_lists_are_sorted_lower_case_and_short() {
    for list in [REFERENCES, UNITS, TITLES] {
        assert!(list.list.is_sorted(), "{:?}", list.list);
        for w in list.list {
            assert!(w.len() <= LONGEST && w.is_ascii(), "{w}");
            assert_eq!(*w, w.to_lowercase());
        }
    }
}

/// The sieve lets every listed word through, however it is cased, and turns away words
/// that are not listed, whether or not they share its bit.
#[test]
fn one_of_finds_exactly_the_listed_words() {
    for words in [REFERENCES, UNITS, TITLES] {
        for w in words.list {
            let upper = w.to_uppercase();
            let title = format!("{}{}", &upper[..1], &w[1..]);
            for form in [w.to_string(), upper, title] {
                assert!(one_of(&form, &words), "{form}");
            }
            // The same length, first and last letters: the same bit, yet not listed.
            let mut twin = w.as_bytes().to_vec();
            if twin.len() > 2 {
                twin[1] = b'#';
                let twin = String::from_utf8(twin).unwrap();
                assert!(!one_of(&twin, &words), "{twin}");
            }
        }
        for other in [
            "",
            "the",
            "committee",
            "Police",
            "Scotland",
            "é",
            "über-long-word-x",
        ] {
            assert!(!one_of(other, &words), "{other}");
        }
    }
}

#[test]
fn addresses_are_not_tied_at_their_hyphens() {
    let url = "see https://www.example.gov.scot/a-very-long-path-that-seems-to-end/full-text";
    assert!(
        tied_stretches(url)
            .iter()
            .all(|r| !url[r.clone()].contains('/') && !url[r.clone()].contains("to-")),
        "{:?}",
        tied_stretches(url)
    );
    assert!(!hyphen_tied("https://example.org/capital/2025-", "26"));
    assert!(!hyphen_tied("see a@b-", "cd"));
    assert!(hyphen_tied("in 2025-", "26"));
    // A space of more than one byte before the word (a no-break space).
    assert!(hyphen_tied("in\u{a0}2025-", "26"));
    assert!(!hyphen_tied("see\u{a0}https://x.org/a-", "b"));
}

#[test]
fn hyphens_never_leave_one_or_two_letters() {
    assert!(hyphen_tied("h-", "Eileanan"));
    assert!(hyphen_tied("co-", "op"));
    assert!(hyphen_tied("2025\u{2013}", "26"));
    assert!(!hyphen_tied("Medium-", "Term"));
    assert!(!hyphen_tied("well-", "known"));
}

#[test]
fn stretches_cover_each_tie_and_run_on() {
    let text = "on 1 September 2021 in Na h-Eileanan Siar, see paragraph 2.1 now";
    let got: Vec<&str> = tied_stretches(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(got, ["1 September 2021", "h-Eileanan", "paragraph 2.1"]);
}

/// The shortcut taken when the next word starts in lower case (only a number can tie to
/// it) answers as the full rules do, over every pairing of listed words, numbers,
/// months and plain words, bare and in brackets, quotes and stops.
#[test]
fn the_lower_case_shortcut_answers_as_the_rules() {
    let mut words: Vec<String> = REFERENCES
        .list
        .iter()
        .chain(UNITS.list)
        .chain(TITLES.list)
        .map(|w| w.to_string())
        .collect();
    words.extend(
        [
            "18", "2.1", "£1.5", "$3", "€4", "1,200", "18th", "-2", "~5", "august", "aug.", "sept",
            "december", "may", "march", "the", "of", "and", "a", "i", "élan", "ünd", "x", "ii",
            "iv", "",
        ]
        .map(String::from),
    );
    let base = words.clone();
    for w in &base {
        for (open, close) in [("(", ")"), ("\u{201c}", "\u{201d}"), ("", "."), ("", ",")] {
            words.push(format!("{open}{w}{close}"));
        }
        words.push(w.to_uppercase());
    }
    let mut shortcut = 0;
    for word in &words {
        for next in &words {
            let full = !word.is_empty()
                && !next.is_empty()
                && (!word.ends_with(closing) || word.ends_with('.'))
                && space_rules(word, next);
            assert_eq!(space_tied(word, next), full, "{word:?} {next:?}");
            shortcut += usize::from(!capital_or_number(next));
        }
    }
    assert!(shortcut > words.len() * words.len() / 3, "{shortcut}");
}

/// The words as the split read them a character at a time, before it read bytes.
fn words_by_char(text: &str) -> Vec<(usize, usize, usize)> {
    let mut words = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        if c == ' ' {
            let mut ws_end = end;
            while let Some(&(j, ' ')) = chars.peek() {
                ws_end = j + 1;
                chars.next();
            }
            if i > start {
                words.push((start, i, ws_end));
            }
            start = ws_end;
        } else if matches!(c, '-' | '\u{2013}' | '\u{2014}')
            && i > start
            && chars.peek().is_some_and(|&(_, n)| n != ' ')
        {
            words.push((start, end, end));
            start = end;
        }
    }
    if start < text.len() {
        words.push((start, text.len(), text.len()));
    }
    words
}

/// Every text of up to five characters from spaces, hyphens, dashes, letters and other
/// characters whose UTF-8 shares bytes with the dashes (`‒`, `‐`, `€`, `é`) splits into
/// the same words read a byte at a time as a character at a time.
#[test]
fn words_read_by_byte_are_words_read_by_character() {
    let alphabet = [
        ' ', '-', '\u{2013}', '\u{2014}', 'a', '\u{2012}', '\u{2010}', '€', 'é',
    ];
    let mut texts = vec![String::new()];
    let mut checked = 0;
    for _ in 0..5 {
        let mut longer = Vec::new();
        for t in &texts {
            for c in alphabet {
                let mut t = t.clone();
                t.push(c);
                assert_eq!(words(&t), words_by_char(&t), "{t:?}");
                checked += 1;
                longer.push(t);
            }
        }
        texts = longer;
    }
    assert_eq!(checked, 9 + 81 + 729 + 6561 + 59049);
}

#[test]
fn a_spaced_dash_stays_with_the_word_before_it() {
    assert!(space_tied("Committee", "–"));
    assert!(space_tied("Other", "—"));
    assert!(space_tied("2021", "–"), "after a number too");
    assert!(!space_tied("–", "Agenda"), "the line breaks after it");
    assert!(!space_tied("Committee", "–26"), "not a spaced dash");
    assert_eq!(
        tied_stretches("Policing Committee – 1 December 2021 – Agenda"),
        [9..22, 23..42]
    );
}
