//! Ties: places where a line may not break although a space or a hyphen would let it, the
//! same in the PDF's line breaker and the HTML (`<span class="tie">`): a number stays with
//! the word that makes it mean something (`18 August`, `September 2021`, `paragraph 2.1`,
//! `Appendix A`, `£1.5 million`, `(R. 3)`), a hyphen or dash never leaves one or two
//! letters at a line's end or start (`Na h-Eileanan`, `2025–26`), and a spaced dash never
//! starts a line (`Committee – Agenda` breaks after the dash).

/// Words a number or a letter after them belongs to: `paragraph 2.1`, `Table 4`.
const REFERENCES: Words = Words::new(&[
    "annex",
    "annexe",
    "appendices",
    "appendix",
    "article",
    "band",
    "chapter",
    "chart",
    "clause",
    "fig.",
    "figure",
    "figures",
    "grade",
    "item",
    "items",
    "level",
    "no.",
    "nos.",
    "option",
    "p.",
    "page",
    "pages",
    "para",
    "paragraph",
    "paragraphs",
    "paras",
    "part",
    "phase",
    "pp.",
    "r.",
    "rec.",
    "recommendation",
    "recommendations",
    "regulation",
    "rule",
    "schedule",
    "section",
    "sections",
    "stage",
    "step",
    "table",
    "tables",
    "tier",
    "version",
    "vol.",
    "volume",
]);

/// Words after a number that complete it: `£1.5 million`, `3 pm`, `5 per cent`.
const UNITS: Words = Words::new(&[
    "%", "a.m.", "am", "billion", "bn", "cm", "hours", "hrs", "kg", "km", "m", "million", "mins",
    "mm", "mph", "p.m.", "per", "percent", "pm", "thousand",
]);

/// A month's name or usual abbreviation (the list is the paper's, shared with import).
fn is_month(word: &str) -> bool {
    // Every name and abbreviation has 3 to 9 letters and starts with one of these: most
    // words need no lower-casing.
    if word.is_ascii()
        && (!(3..=9).contains(&word.len())
            || !matches!(
                word.as_bytes()[0].to_ascii_lowercase(),
                b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
            ))
    {
        return false;
    }
    crate::paper::month_number(word, false).is_some()
}

/// A list of words (lower-case ASCII of at most [`LONGEST`] bytes, sorted) with a sieve:
/// one bit of 256 for each word's [`sieve_key`], so most words that are not in the list
/// (almost every word of a paper is asked about) are turned away without a search.
struct Words {
    list: &'static [&'static str],
    sieve: [u64; 4],
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        let mut sieve = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            let key = sieve_key(word.len(), word[0], word[word.len() - 1]);
            sieve[key / 64] |= 1 << (key % 64);
            i += 1;
        }
        Words { list, sieve }
    }
}

/// The bit of a [`Words`] sieve for a non-empty word of `len` bytes whose first and last
/// bytes, lower-cased, are `first` and `last`.
const fn sieve_key(len: usize, first: u8, last: u8) -> usize {
    ((len as u8).wrapping_mul(31) ^ first.wrapping_mul(7) ^ last) as usize
}

/// `word`, lower-cased, is one of `words`. An ASCII word, as almost every word is, is
/// lower-cased on the stack, and only when the sieve lets it through.
fn one_of(word: &str, words: &Words) -> bool {
    if !word.is_ascii() {
        return words.list.contains(&word.to_lowercase().as_str());
    }
    let bytes = word.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let key = sieve_key(
        bytes.len(),
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
    );
    if words.sieve[key / 64] & (1 << (key % 64)) == 0 {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    let Some(lower) = buf.get_mut(..bytes.len()) else {
        return false;
    };
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    words
        .list
        .binary_search_by(|w| w.as_bytes().cmp(lower))
        .is_ok()
}

/// The longest word in the lists, in bytes.
const LONGEST: usize = 16;

/// Titles that stay with the name after them.
const TITLES: Words = Words::new(&["dame", "dr", "mr", "mrs", "ms", "mx", "sir", "st"]);

fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}')
}

fn closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | ',' | ';' | ':' | '.' | '"' | '\'' | '\u{201d}' | '\u{2019}' | '!' | '?'
    )
}

/// `word` without the brackets, quotes and stops that may close it.
fn bare_end(word: &str) -> &str {
    word.trim_start_matches(opening).trim_end_matches(closing)
}

/// A number as written in prose: `18`, `2.1`, `£1.5`, `18th`, `(3`, `1,200`.
fn is_number(word: &str) -> bool {
    let w = word
        .trim_start_matches(opening)
        .trim_start_matches(['£', '$', '€', '~', '+', '-', '\u{2212}']);
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.trim_end_matches(closing).chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | 's' | 't' | 'n' | 'd' | 'r' | 'h')
        })
}

/// True when no line may break at the space between `word` and `next`.
pub fn space_tied(word: &str, next: &str) -> bool {
    // A spaced dash ends its line, never starts the next: `Committee –` / `1 December`.
    if matches!(next, "\u{2013}" | "\u{2014}") {
        return !word.is_empty();
    }
    if word.is_empty() || next.is_empty() || word.ends_with(closing) && !word.ends_with('.') {
        return false;
    }
    // Most words are followed by one that starts in lower case: then only a number before
    // it can tie (`5 million`, `18 august`), and no list need be searched for `word`.
    if !capital_or_number(next) {
        return is_number(word) && {
            let next_bare = bare_end(next);
            is_month(next_bare) || one_of(next_bare, &UNITS)
        };
    }
    space_rules(word, next)
}

/// Does `next`, past the brackets and quotes that may open it, start with a digit, a
/// currency sign or a capital?
fn capital_or_number(next: &str) -> bool {
    let lead = next.trim_start_matches(opening).chars().next();
    lead.is_some_and(|c| c.is_ascii_digit() || matches!(c, '£' | '$' | '€') || c.is_uppercase())
}

/// The rules of [`space_tied`] for any `next`.
fn space_rules(word: &str, next: &str) -> bool {
    // `word` without the brackets and quotes that may open it.
    let bare = word.trim_start_matches(opening);
    let next_bare = bare_end(next);
    let next_is_number = next
        .trim_start_matches(opening)
        .trim_start_matches(['£', '$', '€'])
        .starts_with(|c: char| c.is_ascii_digit());
    if one_of(bare, &REFERENCES) {
        // `Table 4`, `Appendix A`, `Part IV`.
        let letter = !next_bare.is_empty()
            && next_bare.len() <= 4
            && next_bare.chars().all(|c| c.is_ascii_uppercase());
        return next_is_number || letter;
    }
    if is_number(word) {
        return is_month(next_bare) || one_of(next_bare, &UNITS);
    }
    let stem = bare.trim_end_matches('.');
    if is_month(stem) && !word.ends_with(',') {
        // `September 2021`, `August 18`.
        let digits = next_bare.chars().all(|c| c.is_ascii_digit());
        return next_is_number && digits && next_bare.len() <= 4;
    }
    one_of(stem, &TITLES) && next_bare.starts_with(|c: char| c.is_uppercase())
}

/// True when no line may break after `piece`, which ends with a hyphen or dash, before
/// `next`: either side would be one or two letters or digits (`h-Eileanan`, `co-op`,
/// `2025–26`).
pub fn hyphen_tied(piece: &str, next: &str) -> bool {
    // An address or a path breaks where it must: tying it could push it past the margin.
    let word_start = piece
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if piece[word_start..].contains(['/', '@']) {
        return false;
    }
    let before = piece
        .trim_end_matches(['-', '\u{2010}', '\u{2013}', '\u{2014}'])
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .count();
    let after = next.chars().take_while(|c| c.is_alphanumeric()).count();
    before <= 2 || after <= 2
}

/// The words of `text` as (start, end of word, end of its trailing spaces): split at
/// spaces, and after a hyphen or an en or em dash that has a word on both sides. Read a
/// byte at a time (every separator is ASCII or starts with `0xE2`), not a character at a
/// time: this runs over every text of every paper's HTML.
fn words(text: &str) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let dash = match bytes[i] {
            b'-' => 1,
            0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])) => 3,
            b' ' => {
                let mut ws_end = i + 1;
                while bytes.get(ws_end) == Some(&b' ') {
                    ws_end += 1;
                }
                if i > start {
                    words.push((start, i, ws_end));
                }
                start = ws_end;
                i = ws_end;
                continue;
            }
            _ => 0,
        };
        let end = i + dash.max(1);
        if dash > 0 && i > start && bytes.get(end).is_some_and(|&n| n != b' ') {
            words.push((start, end, end));
            start = end;
        }
        i = end;
    }
    if start < text.len() {
        words.push((start, text.len(), text.len()));
    }
    words
}

/// Where `text` may not break, as the byte ranges of its tied stretches (each more than
/// one word), for the HTML: words are split at spaces and after hyphens and dashes, and
/// a stretch runs on while [`space_tied`] or [`hyphen_tied`] holds.
pub fn tied_stretches(text: &str) -> Vec<std::ops::Range<usize>> {
    let words = words(text);
    // Addresses and paths (`https://…/2025-26`, `a@b-c.org`) break where they must: a tie
    // inside one could push it past the edge of a narrow window.
    let mut addresses: Vec<std::ops::Range<usize>> = Vec::new();
    // Most texts hold none: looked for first over the whole text.
    let maybe = memchr::memchr2(b'/', b'@', text.as_bytes()).is_some() || text.contains("www.");
    if maybe {
        let mut at = 0;
        for token in text.split(' ') {
            if token.contains(['/', '@']) || token.starts_with("www.") {
                addresses.push(at..at + token.len());
            }
            at += token.len() + 1;
        }
    }
    let in_address = |i: usize| addresses.iter().any(|r| r.contains(&i));
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (word, next) = (&text[a.0..a.1], &text[b.0..b.1]);
        let tied = if a.1 == a.2 {
            !in_address(a.0) && hyphen_tied(word, next)
        } else {
            space_tied(word, next)
        };
        if !tied {
            continue;
        }
        match out.last_mut() {
            Some(r) if r.end == a.1 => r.end = b.1,
            _ => out.push(a.0..b.1),
        }
    }
    out
}

/// Writes `text` to `out` as HTML (through `escape`), each of its ties (see
/// [`tied_stretches`]) in a `<span class="tie">`, which the stylesheet keeps on one line.
pub fn html_into(out: &mut String, escape: fn(&mut String, &str), text: &str) {
    let mut at = 0;
    for stretch in tied_stretches(text) {
        escape(out, &text[at..stretch.start]);
        out.push_str("<span class=\"tie\">");
        escape(out, &text[stretch.clone()]);
        out.push_str("</span>");
        at = stretch.end;
    }
    escape(out, &text[at..]);
}

#[cfg(test)]
mod tests;
