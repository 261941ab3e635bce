//! Numbers and list marks typed by hand at the start of a paragraph (`2.4 Text`,
//! `Section 2: Disposals`, `•<tab>text`, `(a)<tab>text`), which Word's own numbering would
//! otherwise have given: split off, so clerk numbers and lists them itself.

/// A paragraph number three or more levels deep (`2.1.3`), which clerk's paragraphs are
/// not (they are numbered `2.1`): the level of the list item it becomes under its paragraph
/// (0 for `2.1.3`, 1 for `2.1.3.1`) and its value (3).
pub fn sub_paragraph(number: &str) -> Option<(u8, u32)> {
    let parts: Vec<&str> = number.split('.').collect();
    if parts.len() < 3 {
        return None;
    }
    let value = parts.last()?.parse().ok()?;
    Some((u8::try_from(parts.len() - 3).ok()?, value))
}

/// The note on paragraphs numbered three levels deep, made numbered list items under
/// their paragraph: `first` is the first of them, its number and text.
pub fn sub_paragraphs_note((number, text): &(String, String)) -> super::Note {
    super::Note::warning(
        "import-sub-paragraphs",
        format!(
            "the Word document numbers paragraphs three levels deep (“{number} {}”): clerk numbers a paper's paragraphs two deep (2.1), so each such paragraph is now an item of a numbered list under the paragraph before it, and the paragraphs after keep their numbers",
            super::header::short(text)
        ),
    )
    .help("check the lists read well, and any reference to such a paragraph by its number: “paragraph 2.1.3” is now item 3 of paragraph 2.1")
    .at(super::emit::anchor_text(text))
}

/// Splits a typed number off the start of `text`: `2.4 Text` → (`2.4`, bytes to drop);
/// `1.0 BACKGROUND` → (`1`, …).
pub fn typed_number(text: &str) -> Option<(String, usize)> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let mut end = 0;
    let mut parts = 0;
    for seg in t.split('.') {
        let digits = seg.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            break;
        }
        parts += 1;
        end += digits;
        if digits < seg.len() {
            break;
        }
        end += 1;
    }
    if parts == 0 {
        return None;
    }
    let end = end.min(t.len());
    let number = t[..end].trim_end_matches('.');
    // `1.0 BACKGROUND`, a council style: section 1 (no paragraph is numbered `.0`).
    let number = number
        .strip_suffix(".0")
        .filter(|n| !n.contains('.'))
        .unwrap_or(number)
        .to_string();
    let after = &t[end..];
    let gap = after.len() - after.trim_start().len();
    (gap > 0 || after.is_empty()).then(|| (number, lead + end + gap))
}

/// Splits a heading's number written as `Section 1:` (or `Section 1 –`, `Section 1`) or
/// `1)` off the start of `text`: `Section 2: Disposals` → (`2`, bytes to drop).
pub fn heading_number(text: &str) -> Option<(String, usize)> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let word = match t.get(..8) {
        Some(w) if w.eq_ignore_ascii_case("section ") => {
            8 + t[8..].len() - t[8..].trim_start().len()
        }
        _ => 0,
    };
    let rest = &t[word..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &rest[digits..];
    let sep = if word > 0 {
        let spaced = after.trim_start();
        match spaced.chars().next() {
            Some(c) if ":.-–—".contains(c) => after.len() - spaced.len() + c.len_utf8(),
            _ => 0,
        }
    } else if after.starts_with(')') {
        1
    } else {
        return None;
    };
    let tail = &after[sep..];
    let gap = tail.len() - tail.trim_start().len();
    (gap > 0 || (word > 0 && tail.is_empty()))
        .then(|| (rest[..digits].to_string(), lead + word + digits + sep + gap))
}

/// A list item's mark typed at the start of `text` (Word's tab shown as a space): a
/// bullet (`•`, `·`, `▪`, `◦`, `o`, `-`, `–`), a Roman numeral (`(ii)`, `iv)`) or a letter
/// (`(a)`, `a)`); whether it is ordered, its number (a numeral's value, a letter's place in
/// the alphabet) and the bytes to drop. `(i)`, `(v)` and `(x)` are read as numerals: see
/// [`letter_after`] for the letter after `(h)`.
pub fn typed_item(text: &str) -> Option<(bool, u32, usize)> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let mark = t.split(char::is_whitespace).next()?;
    let rest = &t[mark.len()..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    let (ordered, value) = match mark {
        "•" | "·" | "▪" | "◦" | "o" | "-" | "–" => (false, 1),
        _ => {
            let inner = mark.strip_prefix('(').unwrap_or(mark).strip_suffix(')')?;
            if let Some(value) = roman(inner) {
                (true, value)
            } else {
                let letter = Some(inner)
                    .filter(|l| l.len() == 1)?
                    .chars()
                    .next()
                    .filter(char::is_ascii_lowercase)?;
                (true, u32::from(letter) - u32::from('a') + 1)
            }
        }
    };
    Some((ordered, value, lead + mark.len() + gap))
}

/// The value of a Roman numeral in lower case from `i` to `xxxix` (as list items are
/// numbered), written the usual way.
fn roman(s: &str) -> Option<u32> {
    let (tens, rest) = match s.find(|c| c != 'x') {
        Some(at) => (at, &s[at..]),
        None => (s.len(), ""),
    };
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let ones = ONES.iter().position(|o| *o == rest)?;
    let value = u32::try_from(tens * 10 + ones).ok()?;
    (tens <= 3 && value > 0).then_some(value)
}

/// The place in the alphabet of a typed mark that can only be a letter (`(a)`, `h)`; not
/// `(i)`, `(v)` or `(x)`, which [`letter_after`] decides).
pub fn letter_mark(text: &str) -> Option<u32> {
    let mark = text.trim_start().split(char::is_whitespace).next()?;
    let inner = mark.strip_prefix('(').unwrap_or(mark).strip_suffix(')')?;
    let mut chars = inner.chars();
    let c = chars.next().filter(char::is_ascii_lowercase)?;
    (chars.next().is_none() && !matches!(c, 'i' | 'v' | 'x'))
        .then(|| u32::from(c) - u32::from('a') + 1)
}

/// The letter a typed mark `(i)`, `(v)` or `(x)` stands for when the item before it
/// (`previous`, its number) is the letter before (`(h)`, `(u)`, `(w)`): its place in the
/// alphabet. `None` for any other mark, where [`typed_item`] reads a numeral.
pub fn letter_after(text: &str, previous: Option<u32>) -> Option<u32> {
    let mark = text.trim_start().split(char::is_whitespace).next()?;
    let inner = mark.strip_prefix('(').unwrap_or(mark).strip_suffix(')')?;
    let letter = match inner {
        "i" => 9,
        "v" => 22,
        "x" => 24,
        _ => return None,
    };
    (previous == Some(letter - 1)).then_some(letter)
}

/// Is the decimal (`2.3`: a number three levels deep, `1.1.2`, never is) that
/// [`typed_number`] split off `text` (its first `len` bytes, number and gap) a figure the
/// paragraph starts with (`2.3 million calls`, `3.5 per cent of staff`, `1.5 FTE posts`)
/// rather than its number? So when a space (not a tab, which only
/// a number is typed before) is followed by a word in lower case, as a quantity's is and a
/// sentence's first is not (the lint of typed numbers reads them so too), or by a unit
/// written in capitals.
pub fn starts_with_a_figure(text: &str, len: usize) -> bool {
    let gap = &text[..len];
    if gap.ends_with('\t') || gap.trim_end().len() + 1 < gap.len() {
        return false;
    }
    let word = text[len..].split_whitespace().next().unwrap_or("");
    word.starts_with(char::is_lowercase) || CAPITAL_UNITS.contains(&word)
}

/// Units written in capitals that follow a figure in committee papers.
const CAPITAL_UNITS: &[&str] = &["FTE", "WTE", "MW", "MWh", "GWh", "kWh"];
