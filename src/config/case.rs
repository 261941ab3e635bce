//! Headings in the house's case: capitals (`upper`, Greek without its accents) or title
//! case as a British house writes it (`title_case`: small words in lower case).

/// Words a title keeps in lower case inside it (not first, not last, not after a colon or
/// dash): English articles, conjunctions and short prepositions, and the Gaelic article and
/// `agus` ("and"), for the councils that write in both.
const SMALL: [&str; 27] = [
    "a", "agus", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "na", "nan",
    "nor", "of", "on", "onto", "or", "per", "than", "the", "to", "upon", "via", "vs", "with",
];

/// The small words of a Welsh title, for a house whose language is Welsh (`cy`): the
/// article (`y`, `yr`, and `’r` joined to the word before it), `a`/`ac` ("and"), `neu`
/// ("or") and the short prepositions. Not for English, where `I` and `am` are words of
/// their own.
const SMALL_CY: [&str; 19] = [
    "a", "ac", "am", "ar", "at", "gan", "i", "neu", "o", "y", "yn", "yr", "a’r", "a'r", "i’r",
    "i'r", "o’r", "o'r", "â",
];

/// Words a letter after them labels: `Appendix A`, `Part B`.
const LABELLING: &[&str] = &[
    "appendix", "annex", "annexe", "schedule", "part", "option", "phase", "section", "table",
    "figure", "chart", "stage", "scenario", "item",
];

/// `text` in title case: each word begins with a capital, but the [`SMALL`] words inside
/// it (and [`SMALL_CY`] when `language` is Welsh), which are set in lower case; a word with
/// a capital past its first letter (`iPad`, `McDonald`, `CCTV`, `O’Neill`) is kept as
/// written, as is the rest of every word.
pub fn title_case(text: &str, language: &str) -> String {
    let welsh = language == "cy" || language.starts_with("cy-");
    let words: Vec<&str> = text.split(' ').collect();
    let last = words
        .iter()
        .rposition(|w| w.chars().any(char::is_alphanumeric));
    let mut out = String::with_capacity(text.len());
    // At the start, or after a colon or a dash: the next word is a capital whatever it is.
    let mut opening = true;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            out.push_str(word);
            opening |= matches!(*word, "–" | "—" | "-" | ":");
            continue;
        }
        let as_written = bare.chars().skip(1).any(char::is_uppercase);
        // A letter a word labels (`Appendix A`, `Option B`) is a name, not the article.
        let label = i > 0
            && bare.chars().count() == 1
            && LABELLING.iter().any(|l| {
                let before = words[i - 1].trim_matches(|c: char| !c.is_alphanumeric());
                l.eq_ignore_ascii_case(before)
            });
        let small = !opening
            && !label
            && Some(i) != last
            && (SMALL.iter().any(|s| s.eq_ignore_ascii_case(bare))
                || welsh && SMALL_CY.iter().any(|s| s.eq_ignore_ascii_case(bare)));
        if as_written {
            out.push_str(word);
        } else if small {
            out.push_str(&word.to_lowercase());
        } else {
            // The first letter a capital, past any opening bracket or quote.
            let mut done = false;
            for c in word.chars() {
                if !done && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    done = true;
                } else {
                    out.push(c);
                }
            }
        }
        opening = word.ends_with(':');
    }
    out
}

/// `text` in capitals, Greek without its accents, as Greek is set in capitals (and as
/// browsers uppercase it): `Ελληνικά` becomes `ΕΛΛΗΝΙΚΑ`, not `ΕΛΛΗΝΙΚΆ`. The diaeresis
/// stays (`Ϊ`).
pub fn upper(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_uppercase) {
        match c {
            'Ά' => out.push('Α'),
            'Έ' => out.push('Ε'),
            'Ή' => out.push('Η'),
            'Ί' => out.push('Ι'),
            'Ό' => out.push('Ο'),
            'Ύ' => out.push('Υ'),
            'Ώ' => out.push('Ω'),
            // The tonos (acute) a capital keeps as a combining mark (`ΐ` → `Ϊ́`).
            '\u{301}' if out.ends_with(is_greek) => {}
            // The diaeresis composed again with its capital: `Ϊ` as one character.
            '\u{308}' if out.ends_with('Ι') || out.ends_with('Υ') => {
                let base = out.pop();
                out.push(if base == Some('Ι') { 'Ϊ' } else { 'Ϋ' });
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_case_en(text: &str) -> String {
        title_case(text, "en-GB")
    }

    /// A Welsh house's titles keep the Welsh small words small, the article joined to the
    /// word before it too; an English house's `I` and `Am` stay capitals.
    #[test]
    fn a_welsh_title_keeps_its_small_words_small() {
        assert_eq!(
            title_case("cefndir a’r sefyllfa bresennol", "cy"),
            "Cefndir a’r Sefyllfa Bresennol"
        );
        assert_eq!(
            title_case("yr ymgynghoriad ar y newidiadau i’r oriau", "cy-GB"),
            "Yr Ymgynghoriad ar y Newidiadau i’r Oriau"
        );
        assert_eq!(title_case("what i am told", "en-GB"), "What I Am Told");
    }

    #[test]
    fn title_case_keeps_small_words_and_words_written_with_capitals() {
        assert_eq!(
            title_case_en("Proposals For The Coming Year"),
            "Proposals for the Coming Year"
        );
        assert_eq!(
            title_case_en("update on CCTV and the A82 at Loch Ard"),
            "Update on CCTV and the A82 at Loch Ard"
        );
        assert_eq!(
            title_case_en("the mid-year iPad roll-out for McDonald and O’Neill"),
            "The Mid-year iPad Roll-out for McDonald and O’Neill"
        );
        assert_eq!(
            title_case_en("Plana Gàidhlig na Comhairle"),
            "Plana Gàidhlig na Comhairle"
        );
        // First and last words, and the word after a colon or a dash, are capitals.
        assert_eq!(
            title_case_en("of mice and men: a review of"),
            "Of Mice and Men: A Review Of"
        );
        assert_eq!(title_case_en("roads – the plan"), "Roads – The Plan");
        // A letter a word labels is a name, not the article: `Appendix A`, not `Appendix a`.
        assert_eq!(
            title_case_en("Appendix A – Schedule of fees and a plan for option a"),
            "Appendix A – Schedule of Fees and a Plan for Option A"
        );
        assert_eq!(
            title_case_en("(the) “quoted” words"),
            "(The) “Quoted” Words"
        );
        assert_eq!(
            title_case_en("Climate Change and Sustainability"),
            "Climate Change and Sustainability"
        );
    }
}
