//! The YAML slips an author makes most, said at the slip and in their words rather than
//! the parser's: a first key indented by a space, a key without its colon (shown with it),
//! a line of a block value that lost its indent, quote marks inside a quoted value.

use std::ops::Range;

use crate::diag::Diagnostic;

/// `d`, for the parser's `message` about `text` at `span`, said as the slip it is, when it
/// is one of these; else as it was.
pub(super) fn reworded(
    mut d: Diagnostic,
    message: &str,
    text: &str,
    span: Option<&Range<usize>>,
) -> Diagnostic {
    // The first key indented, the next at the left edge: said at the first, which is the
    // slip, not where the parser gave up.
    if message.contains("expected <document start>")
        && let Some(at) = indented_first_key(text)
    {
        d.message = "this line starts with a space, so the keys under it, at the left edge, do not line up with it".into();
        d.span = Some(at);
        d = d.with_help("take the space away: every key starts at the beginning of its line");
    }
    // A key without its colon: the line itself as the way out, `presented_by: Elaine …`;
    // or a line of a block value that lost its indent, `b) approve…` under `  a) note…`.
    if d.message.starts_with("this line has no `: `") {
        if let Some(indent) = span.and_then(|s| out_of_block(text, s.start)) {
            d.message = "this line is not indented as the lines of the value above it are, so YAML reads it as a key of its own".into();
            d = d.with_help(format!(
                "indent it as the lines above it are ({indent} spaces), so it is part of that value"
            ));
        } else if let Some(fixed) = span.and_then(|s| colon_added(text, s.start)) {
            d = d.with_help(format!(
                "write the key, a colon and a space, then the value: `{fixed}`"
            ));
        }
    }
    // Quotes inside a quoted value end it early: `title: "Budget "Month 2" Report"`.
    if message.contains("trailing content after double-quoted scalar")
        && let Some((key, value)) = span
            .as_ref()
            .and_then(|s| line_text(text, s.start))
            .and_then(|l| l.split_once(": "))
        && let value = value.trim()
        && value.len() >= 2
        && value.starts_with('"')
        && value.ends_with('"')
    {
        let key = key.trim();
        d.message = format!(
            "the quote marks inside the value of `{key}` end it early, so YAML cannot read the rest of the line"
        );
        let inside = &value[1..value.len() - 1];
        d = d.with_help(format!(
            "put the value in single quotes, `{key}: '{inside}'`, or use curly quotes inside it (“…”)"
        ));
    }
    // A key indented out of step with the key above it (an item's `paper:` two spaces too
    // deep): the column to put it at, by the key it lines up with.
    if d.message == "this line does not line up with the keys or list items around it"
        && let Some(help) = span.and_then(|s| level_with(text, s.start))
    {
        d = d.with_help(help);
    }
    d
}

/// For a `key:` line at byte `at` indented otherwise than the key on the line above it
/// (`      paper:` under `  - number: "3.1"`), how to line it up: `indent `paper:` by 4
/// spaces, level with `number:` on line 17`.
fn level_with(text: &str, at: usize) -> Option<String> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let key_of = |l: &str| {
        let (key, _) = l.split_once(':')?;
        let ok = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        ok.then(|| key.to_string())
    };
    let own = key_of(line.trim_start())?;
    let indent = line.len() - line.trim_start().len();
    let before = &text[..start];
    let lines: Vec<&str> = before.lines().collect();
    let (n, above) = (lines.iter().enumerate().rev())
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let body = above.trim_start();
    // The key above, after a list item's `- ` when it starts one.
    let (column, body) = match body.strip_prefix("- ") {
        Some(rest) => (above.len() - rest.len(), rest),
        None => (above.len() - body.len(), body),
    };
    let theirs = key_of(body)?;
    // A key whose value is the block under it (`items:`) has its own keys deeper.
    let opens = body.trim_end().ends_with(':');
    (!opens && column != indent).then(|| {
        format!(
            "indent `{own}:` by {column} spaces, level with `{theirs}:` on line {}",
            n + 1
        )
    })
}

/// The line of `text` at byte `at`, `presented_by Elaine Galbraith`, as it reads with the
/// colon its key lacks: `presented_by: Elaine Galbraith`; `None` when its first word is no
/// key (lower case letters and `_`).
fn colon_added(text: &str, at: usize) -> Option<String> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?.trim();
    let (key, value) = line.split_once(' ')?;
    let is_key = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    (is_key && !key.ends_with(':')).then(|| format!("{key}: {}", value.trim()))
}

/// The spaces before the first key of `text`, when its line starts with some (` meeting:
/// …`); lines of comments (the front matter's blanked `---`) and blank lines passed over.
fn indented_first_key(text: &str) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            start += line.len();
            continue;
        }
        let lead = line.len() - trimmed.len();
        return (lead > 0).then_some(start..start + lead);
    }
    None
}

/// The line of `text` at byte `at`.
fn line_text(text: &str, at: usize) -> Option<&str> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    text[start..].lines().next()
}

/// How far the lines above byte `at` are indented, when `at`'s line stands at the left edge
/// with no key (no `key:` start) and the line above is an indented line of a block value
/// (`recommendations: |` then `  a) note…`): the line lost its indent.
fn out_of_block(text: &str, at: usize) -> Option<usize> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    if line.starts_with([' ', '\t']) || line.contains(": ") || line.trim_end().ends_with(':') {
        return None;
    }
    let above = text[..start.saturating_sub(1)]
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())?;
    let indent = above.len() - above.trim_start_matches(' ').len();
    (indent > 0 && !above.trim_start().starts_with('-')).then_some(indent)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::yaml::{YamlLimits, to_node_lenient};

    fn p() -> &'static Path {
        Path::new("p.yaml")
    }

    /// A key written without its colon is told to take one, on its own line's words.
    #[test]
    fn a_key_without_its_colon_is_shown_with_it() {
        let text = "meeting: M\npresented_by Elaine Galbraith, HMICS\ntitle: T\n";
        let d = syntax_error(text);
        assert_eq!(
            d.help.as_deref(),
            Some(
                "write the key, a colon and a space, then the value: `presented_by: Elaine Galbraith, HMICS`"
            )
        );
    }

    /// A first key indented by a space, the rest at the left edge: said at that space's line.
    #[test]
    fn an_indented_first_key_is_said_at_its_line() {
        let text = "#--\n meeting: M\ndate: 2021-09-01\ntitle: T\n";
        let d = syntax_error(text);
        assert_eq!(d.span, Some(4..5), "the space, on line 2: {d:?}");
        assert!(
            d.message.starts_with("this line starts with a space"),
            "{d:?}"
        );
    }

    /// Quote marks inside a double-quoted value, and a line of a block value that lost its
    /// indent, are said in those words, each with its own way out.
    #[test]
    fn inner_quotes_and_a_line_out_of_its_block_are_said_so() {
        let text = "meeting: M\ntitle: \"Budget \"Month 2\" Report\"\n";
        let d = syntax_error(text);
        assert!(
            d.message
                .starts_with("the quote marks inside the value of `title` end it early"),
            "{d:?}"
        );
        assert_eq!(
            d.help.as_deref(),
            Some(
                "put the value in single quotes, `title: 'Budget \"Month 2\" Report'`, or use curly quotes inside it (“…”)"
            )
        );
        let text = "meeting: M\nrecommendations: |\n  a) note the report;\nb) approve the plan.\ntitle: T\n";
        let d = syntax_error(text);
        assert!(
            d.message
                .starts_with("this line is not indented as the lines of the value above it"),
            "{d:?}"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("indent it as the lines above it are (2 spaces), so it is part of that value")
        );
    }

    /// The syntax error clerk says of `text`, read leniently.
    fn syntax_error(text: &str) -> crate::diag::Diagnostic {
        let (_, errs) = to_node_lenient(text, p(), YamlLimits::default());
        errs.into_iter()
            .find(|d| d.code == "yaml-syntax")
            .expect("a syntax error")
    }
}
