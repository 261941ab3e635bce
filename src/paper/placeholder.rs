//! The placeholders `clerk new` writes for the author to replace, kept here once: the
//! scaffold writes them and the check finds any left in a paper (`unfilled-placeholder`, a
//! warning, an error in a `status: final` paper).

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::diag::Diagnostic;

/// The presenter `clerk new` writes when it is not given one.
pub const PRESENTER: &str = "Name, Role";
/// The opening of the unnumbered first section.
pub const PURPOSE: &str = "The purpose of this paper is to …";
/// The first paragraph of the Background section.
pub const BACKGROUND: &str =
    "Each paragraph of a numbered section is numbered 1.1, 1.2, … when the paper is built.";
/// The second paragraph of the Background section.
pub const BACKGROUND_LIST: &str = "A list or table straight after a paragraph belongs to it.";
/// The text of an implication in the commented-out list, when uncommented.
pub const ELLIPSIS: &str = "…";

/// The placeholders a line may hold, with a searcher each, built once: every line of every
/// paper is searched for them, and `str::find` set up a searcher per line and placeholder
/// (1.4% of a paper's build). The body's sentences first, then [`PRESENTER`] (metadata only).
static PLACEHOLDERS: LazyLock<[(usize, Finder<'static>); 4]> = LazyLock::new(|| {
    [PURPOSE, BACKGROUND, BACKGROUND_LIST, PRESENTER].map(|s| (s.len(), Finder::new(s)))
});

/// The placeholders left in `text` (a metadata or body text, whose byte offsets are those of
/// `file`), each at its line; an error when `is_final`, else a warning. `yaml` skips `#`
/// comment lines (in Markdown they are headings, and no placeholder is a heading).
pub fn check(
    text: &str,
    range: Range<usize>,
    file: &Path,
    yaml: bool,
    is_final: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // [`PRESENTER`] is the last placeholder: `Name, Role` only as a metadata value, since
    // in prose the two words may be meant.
    let searched = PLACEHOLDERS.len() - usize::from(!yaml);
    // A line can hold a placeholder only where one of them or a `…` stands: each is looked
    // for once over the whole text, and only the lines they fall on are read.
    let bytes = &text.as_bytes()[range.clone()];
    let mut hits: Vec<usize> = PLACEHOLDERS[..searched]
        .iter()
        .flat_map(|(_, finder)| finder.find_iter(bytes))
        .chain(memchr::memmem::find_iter(bytes, ELLIPSIS.as_bytes()))
        .collect();
    if hits.is_empty() {
        return out;
    }
    hits.sort_unstable();
    let mut hits = hits.into_iter().peekable();
    let mut at = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let start = at;
        at += line.len();
        while hits.next_if(|&h| h + range.start < start).is_some() {}
        if hits.peek().is_none_or(|&h| h + range.start >= at) {
            continue;
        }
        let body = line.trim_end();
        // A date left as the placeholder is an error of the date check's already.
        if yaml && (body.trim_start().starts_with('#') || body.starts_with("date:")) {
            continue;
        }
        let found = PLACEHOLDERS[..searched]
            .iter()
            .find_map(|(len, finder)| finder.find(body.as_bytes()).map(|i| (i, *len)))
            .or_else(|| {
                // A value or line that is only `…`: an implication or paragraph left unwritten.
                let value = body.split_once(": ").map_or(body, |(_, v)| v).trim();
                let quoted = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
                (value == ELLIPSIS || quoted == Some(ELLIPSIS)).then(|| {
                    let i = body.rfind(ELLIPSIS).unwrap_or(0);
                    (i, ELLIPSIS.len())
                })
            });
        let Some((i, len)) = found else { continue };
        let span = start + i..start + i + len;
        let d = Diagnostic::at(
            "unfilled-placeholder",
            file,
            span,
            "this is a placeholder (from `clerk new` or `clerk import`), not yet replaced",
        );
        out.push(if is_final {
            d.with_help("write the real text here: a `status: final` paper cannot be built with a placeholder")
        } else {
            d.warning()
                .with_help("write the real text here before the paper is final")
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, yaml: bool, is_final: bool) -> Vec<(String, bool)> {
        check(text, 0..text.len(), Path::new("p.md"), yaml, is_final)
            .into_iter()
            .map(|d| {
                let span = d.span.clone().unwrap();
                (text[span].to_string(), d.is_error())
            })
            .collect()
    }

    #[test]
    fn each_placeholder_is_found_at_its_place() {
        let body = format!(
            "# Purpose\n\n{PURPOSE}\n\n# Background\n\n{BACKGROUND}\n\nReal text.\n\n{BACKGROUND_LIST}\n"
        );
        let got = found(&body, false, false);
        assert_eq!(
            got,
            [
                (PURPOSE.to_string(), false),
                (BACKGROUND.to_string(), false),
                (BACKGROUND_LIST.to_string(), false)
            ]
        );
        assert!(found(&body, false, true).iter().all(|(_, error)| *error));
    }

    #[test]
    fn metadata_placeholders_but_not_comments() {
        let yaml = "#--\n# presented_by: Name, Role\ndate: …\npresented_by: \"Name, Role\"\nimplications:\n  financial: |\n    …\n  legal: …\n";
        let got: Vec<String> = found(yaml, true, false)
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(got, ["Name, Role", "…", "…"]);
        // An imported paper has them too: the message names both commands.
        let d = check(yaml, 0..yaml.len(), Path::new("p.md"), true, false);
        assert!(
            d[0].message.contains("`clerk new` or `clerk import`"),
            "{d:?}"
        );
    }

    #[test]
    fn written_text_is_not_a_placeholder() {
        let text = "The purpose of this paper is to inform members.\nName, Role and remit.\n";
        assert!(found(text, false, false).is_empty());
        assert!(found("Members … are invited.\n", false, false).is_empty());
    }

    /// Only the given range is read, and each placeholder found is placed in the file:
    /// lines before and after it, lines with two placeholders (the first in order counts)
    /// and a placeholder on the range's last line without a line end.
    #[test]
    fn placeholders_are_found_within_the_range_at_their_place_in_the_file() {
        let before = format!("title: x\npresented_by: {PRESENTER}\n---\n");
        let body =
            format!("Intro.\n{BACKGROUND_LIST} {PURPOSE}\n\nText, then {BACKGROUND}\n…\n{PURPOSE}");
        let text = format!("{before}{body}\nAfter: {PURPOSE}\n");
        let range = before.len()..before.len() + body.len();
        let got: Vec<&str> = check(&text, range, Path::new("p.md"), false, false)
            .into_iter()
            .map(|d| &text[d.span.unwrap()])
            .collect();
        assert_eq!(got, [PURPOSE, BACKGROUND, ELLIPSIS, PURPOSE]);
    }
}
