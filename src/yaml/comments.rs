//! Values a ` #` cuts short: YAML reads a space and `#` as the start of a comment, so
//! `title: Fleet Strategy #2` gives the title "Fleet Strategy" and the rest of the line is
//! dropped without a word. Papers and meeting files publish their values, so each such
//! line is a warning there, with the value in quotes as the way out. A value that is not
//! prose (a switch, a number, a date or time, a path) is left alone: a comment after it is
//! a note, and quoting would spoil the value.

use std::path::Path;

use super::{Key, Node, Scalar, Value};
use crate::diag::Diagnostic;

/// A `yaml-comment` warning for each value in `root` (read from `text`, whose offsets the
/// tree's are) that is written plain on its key's line and followed there by ` #…`, and
/// for each key left empty by a ` #` straight after its colon.
pub fn cut_by_comments(root: &Node, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(root, None, text, file, &mut out);
    out
}

/// Keys of papers and meeting files whose values are words clerk reads, not text it
/// publishes as written: a comment after one is a note.
const NOT_PROSE: &[&str] = &[
    "date",
    "time",
    "end",
    "status",
    "language",
    "late",
    "private",
    "number",
    "paper",
    "agenda_item",
    "file",
    "classification",
];

fn walk(node: &Node, key: Option<&Key>, text: &str, file: &Path, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Map(entries) => {
            for (k, v) in entries {
                walk(v, Some(k), text, file, out);
            }
        }
        Value::Seq(items) => {
            for item in items {
                walk(item, key, text, file, out);
            }
        }
        Value::Scalar(Scalar::Null) => {
            if let Some(key) = key
                && let Some(d) = emptied(key, node, text, file)
            {
                out.push(d);
            }
        }
        // `late: true  # arrived 24 May`, `date: 2026-05-19  # moved from the 12th`: a
        // switch, a number, a date, a time or a path is not prose, so a comment after it is
        // a note to oneself, and quoting the two together would make the value wrong.
        Value::Scalar(Scalar::Str(_))
            if !key.is_some_and(|k| NOT_PROSE.contains(&k.name.as_str())) =>
        {
            if let Some(d) = cut(node, key, text, file) {
                out.push(d);
            }
        }
        Value::Scalar(_) => {}
    }
}

/// The comment after `node`, a plain scalar, on the line where it ends.
fn cut(node: &Node, key: Option<&Key>, text: &str, file: &Path) -> Option<Diagnostic> {
    let start = node.pos.offset?;
    let written = text.get(start..start + node.pos.len)?;
    // Quoted and block scalars keep a `#` as text; what follows their end is YAML's own.
    if written.starts_with(['"', '\'', '|', '>']) || written.trim().is_empty() {
        return None;
    }
    let end = start + node.pos.len;
    let hash = comment_after(text, end)?;
    let name = key.map_or("this value".to_string(), |k| format!("`{}`", k.name));
    let value = written.trim();
    let line_end = line_end(text, hash);
    let whole = format!("{value}{}", &text[end..line_end])
        .trim_end()
        .to_string();
    let quoted = quote(&whole);
    let message = format!(
        "the text from `#` on is left out of {name}: YAML reads a space followed by `#` as the start of a note to yourself (a comment), so the value is `{value}`"
    );
    let help = match key {
        // A value over several lines: quoting it would fold the lines as YAML does anyway.
        Some(k) if written.contains('\n') => format!(
            "if the `#` belongs to the value, write it as a block: `{}: |` with the text indented on the lines under it, where a `#` is text",
            k.name
        ),
        Some(k) if on_key_line(text, k, start) => format!(
            "if the `#` belongs to the value, put the value in quotes: `{}: {quoted}`",
            k.name
        ),
        _ => format!("if the `#` belongs to the value, put the value in quotes: `{quoted}`"),
    };
    Some(
        Diagnostic::at("yaml-comment", file, hash..line_end, message)
            .with_help(help)
            .warning(),
    )
}

/// A ` #` straight after `key`'s colon, which leaves the key empty (`recommendations: #1
/// approve the plan`).
fn emptied(key: &Key, node: &Node, text: &str, file: &Path) -> Option<Diagnostic> {
    let key_start = key.pos.offset?;
    let line_end = line_end(text, key_start);
    let colon = key_start + key.pos.len + text.get(key_start + key.pos.len..line_end)?.find(':')?;
    // The empty value may stand on a later line (a key followed by nothing at all).
    if node.pos.offset.is_some_and(|o| o > line_end) {
        return None;
    }
    let hash = comment_after(text, colon + 1)?;
    let rest = text[hash..line_end].trim_end();
    let message = format!(
        "`{}` is empty: YAML reads a space followed by `#` as the start of a note to yourself (a comment), so `{rest}` is left out",
        key.name
    );
    Some(
        Diagnostic::at("yaml-comment", file, hash..line_end, message)
            .with_help(format!(
                "if the `#` belongs to the value, put the value in quotes: `{}: {}`",
                key.name,
                quote(rest)
            ))
            .warning(),
    )
}

/// Where the comment starts when the rest of the line from `at` is spaces then `#…`.
fn comment_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..line_end(text, at))?;
    let trimmed = rest.trim_start_matches([' ', '\t']);
    (trimmed.len() < rest.len() && trimmed.starts_with('#'))
        .then(|| at + rest.len() - trimmed.len())
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// Is `at` on the line of `key`?
fn on_key_line(text: &str, key: &Key, at: usize) -> bool {
    key.pos
        .offset
        .is_some_and(|k| k <= at && !text[k..at].contains('\n'))
}

/// `value` in double quotes, as YAML reads it back.
fn quote(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::cut_by_comments;
    use crate::yaml::to_node;

    fn warnings(text: &str) -> Vec<(String, String, String)> {
        let root = to_node(text, Path::new("p.yaml")).unwrap();
        cut_by_comments(&root, text, Path::new("p.yaml"))
            .into_iter()
            .map(|d| {
                assert_eq!(d.code, "yaml-comment");
                let span = d.span.clone().unwrap();
                (
                    text[span].to_string(),
                    d.message,
                    d.help.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_plain_value_cut_by_a_comment_is_pointed_at_with_its_quoted_form() {
        let w = warnings("title: Fleet Strategy #2 and beyond\nmeeting: Board\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].0, "#2 and beyond");
        assert!(w[0].1.contains("left out of `title`"), "{}", w[0].1);
        assert!(
            w[0].1.contains("the value is `Fleet Strategy`"),
            "{}",
            w[0].1
        );
        assert!(
            w[0].2.contains("`title: \"Fleet Strategy #2 and beyond\"`"),
            "{}",
            w[0].2
        );
    }

    #[test]
    fn nested_values_and_list_items_are_checked_too() {
        let text = "implications:\n  financial: Option #2 costs £3m.\nrecommendations:\n  - approve option #1\n";
        let w = warnings(text);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].0, "#2 costs £3m.");
        assert!(w[0].1.contains("`financial`"));
        assert_eq!(w[1].0, "#1");
        assert!(w[1].2.contains("\"approve option #1\""), "{}", w[1].2);
    }

    #[test]
    fn a_key_emptied_by_a_comment_says_so() {
        let w = warnings("recommendations: #1 approve the plan\ntitle: A\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].0, "#1 approve the plan");
        assert!(
            w[0].1.starts_with("`recommendations` is empty"),
            "{}",
            w[0].1
        );
        assert!(
            w[0].2
                .contains("`recommendations: \"#1 approve the plan\"`")
        );
    }

    #[test]
    fn a_hash_that_yaml_keeps_or_a_comment_line_of_its_own_is_left_alone() {
        let text = concat!(
            "# A note on a line of its own\n",
            "title: \"Fleet Strategy #2\"  # a note after a quoted value\n",
            "meeting: 'Board #1'\n",
            "ref: Option#2\n",
            "recommendations: |\n",
            "  Approve option #2.\n",
            "empty:\n",
            "  # a note under an empty key\n",
            "presented_by: >\n",
            "  Chief Officer #1\n",
        );
        assert_eq!(warnings(text), Vec::new());
    }

    #[test]
    fn a_note_after_a_switch_a_number_a_date_or_a_path_is_left_alone() {
        let text = concat!(
            "late: true  # arrived 24 May\n",
            "number: 3.1 # was 3.2\n",
            "date: 2026-05-19  # moved from the 12th\n",
            "time: 10:00 # to be confirmed\n",
            "paper: r/a.md # the revised one\n",
            "status: final # agreed by the chair\n",
            "exempt: paragraph 14 #3\n",
        );
        let w = warnings(text);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].1.contains("`exempt`"), "{w:?}");
    }

    #[test]
    fn a_value_over_several_lines_is_shown_as_a_block() {
        let text = "recommendations: Members are invited to approve\n  option #2 today\ntitle: A\n";
        let w = warnings(text);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].0, "#2 today");
        assert!(w[0].2.contains("`recommendations: |`"), "{}", w[0].2);
    }
}
