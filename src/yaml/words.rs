//! serde's messages about a typed value ("invalid type: string \"x\", expected u64") put
//! in words for whoever edits `clerk.yaml`, who need not know Rust's type names; and the
//! YAML parser's commonest messages ("simple key expected ':'") in a secretary's words.

/// The message for a `[` never closed, where the parser stopped (the line after it, often).
pub(super) const UNCLOSED: &str =
    "a `[` at or before this line starts a list that is never closed with `]`";

/// Where, in `text` before byte `at` (where the parser stopped), the `[` that is never
/// closed stands: the last one its line leaves open, outside quotes, on the nearest line
/// that leaves one open.
pub(super) fn unclosed_bracket(text: &str, at: usize) -> Option<usize> {
    let before = text.get(..at)?;
    let mut start = before.len();
    for line in before.split_inclusive('\n').rev() {
        start -= line.len();
        let (mut open, mut quote) = (Vec::new(), None);
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if line[..i].ends_with([' ', '\t']) => break,
                (None, '[') => open.push(i),
                (None, ']') => {
                    open.pop();
                }
                _ => {}
            }
        }
        if let Some(&i) = open.last() {
            return Some(start + i);
        }
    }
    None
}

/// The message and help for a YAML parser's error message (`lower`, in lower case) that an
/// author meets most: a key without its colon, a quote never closed, a line indented out of
/// step, a `[` never closed. `None` for the others, which keep the parser's words.
pub(super) fn parser_words(lower: &str) -> Option<(&'static str, &'static str)> {
    let found = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if found(&["simple key expected", "could not find expected ':'"]) {
        Some((
            "this line has no `: ` (a colon and a space) after its key, so YAML cannot tell the key from its value",
            "write the key, a colon and a space, then the value: `title: Budget Monitoring`",
        ))
    } else if found(&["unclosed quote", "while scanning a quoted scalar"]) {
        Some((
            "the quote that starts this value is never closed",
            "end the value with the same quote mark, on the same line, or take the opening one away; a value with a quote mark of its own goes in the other kind: `title: \"Members' Allowances\"`",
        ))
    } else if found(&["mapping values are not allowed"]) {
        Some((
            "this line is indented as if it carried on the value above it, or has a second `: ` in it",
            "start each key at the beginning of its line, as the others are; a value with `: ` in it goes in quotes: `title: \"Policy: Update\"`",
        ))
    } else if found(&["did not find expected key", "did not find expected '-'"]) {
        Some((
            "this line does not line up with the keys or list items around it",
            "start each key at the beginning of its line; the items of a list go under their key, indented the same, each starting `- `",
        ))
    } else if found(&[
        "illegal placement of ':'",
        "did not find expected ',' or ']'",
    ]) {
        Some((
            UNCLOSED,
            "close the list with `]`, or put the value in quotes if the `[` is part of the text",
        ))
    } else {
        None
    }
}

/// `message`, from serde while reading a typed value, in plain words; a message that
/// names code and has no plain reading becomes a general one.
pub(super) fn plain(message: &str) -> String {
    let typed = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((got, want)) = typed.and_then(|rest| rest.rsplit_once(", expected ")) {
        return format!(
            "this is {}, where clerk expects {}",
            found(got),
            wanted(want)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((value, allowed)) = rest.split_once('`')
    {
        let allowed = allowed
            .trim_start_matches(", expected ")
            .trim_start_matches("one of ")
            .replace('`', "");
        return format!("`{value}` is not allowed here; the values allowed are: {allowed}");
    }
    if let Some(key) = message.strip_prefix("missing field `") {
        return format!("the key `{}` is missing here", key.trim_end_matches('`'));
    }
    let lower = message.to_lowercase();
    let jargon = [
        "deserializ",
        "serde",
        "option<",
        "struct",
        "enum",
        "variant",
        "u64",
        "usize",
        "i64",
        "f64",
        "sequence",
    ];
    if jargon.iter().any(|j| lower.contains(j)) {
        "this value is not of the kind clerk expects here".to_string()
    } else {
        message.to_string()
    }
}

/// What serde says it found (`string "x"`, ``integer `3` ``, `map`), in words.
fn found(got: &str) -> String {
    let quoted = |prefix: &str| got.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    if let Some(text) = got.strip_prefix("string ") {
        format!("the text {text}")
    } else if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        format!("the number {n}")
    } else if let Some(b) = quoted("boolean ") {
        format!("`{b}`")
    } else {
        match got {
            "map" => "a set of keys".into(),
            "sequence" => "a list".into(),
            "unit value" | "null" | "Option value" => "empty".into(),
            _ => "a value of another kind".into(),
        }
    }
}

/// What serde says it expected (`u64`, `a boolean`, `struct Limits`), in words.
fn wanted(want: &str) -> String {
    match want {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "`true` or `false`".into(),
        "a string" | "a borrowed string" | "a character" | "a char" => "text".into(),
        "a sequence" => "a list".into(),
        w if w.starts_with("struct ") || w.starts_with("a map") => {
            "a set of keys (`key: value` lines)".into()
        }
        w if w.starts_with("enum ") || w.starts_with("variant ") => {
            "one of the values allowed here".into()
        }
        w if ["u64", "usize", "option", "struct", "serde", "sequence"]
            .iter()
            .any(|j| w.to_lowercase().contains(j)) =>
        {
            "another kind of value".into()
        }
        w => w.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn serde_messages_in_plain_words() {
        let cases = [
            (
                "invalid type: string \"abc\", expected u64",
                "this is the text \"abc\", where clerk expects a whole number, 0 or more",
            ),
            (
                "invalid value: integer `-5`, expected u64",
                "this is the number -5, where clerk expects a whole number, 0 or more",
            ),
            (
                "invalid type: integer `3`, expected struct Limits",
                "this is the number 3, where clerk expects a set of keys (`key: value` lines)",
            ),
            (
                "invalid type: string \"maybe\", expected a boolean",
                "this is the text \"maybe\", where clerk expects `true` or `false`",
            ),
            (
                "invalid type: sequence, expected a string",
                "this is a list, where clerk expects text",
            ),
            (
                "unknown variant `sideways`, expected one of `upper`, `title`",
                "`sideways` is not allowed here; the values allowed are: upper, title",
            ),
            (
                "missing field `heading`",
                "the key `heading` is missing here",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "invalid length 3, expected a tuple of size 2",
            ),
            (
                "cannot deserialize null into Option<String>",
                "this value is not of the kind clerk expects here",
            ),
        ];
        for (serde, ours) in cases {
            assert_eq!(plain(serde), ours, "{serde}");
        }
    }
}
