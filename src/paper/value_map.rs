//! Where the Markdown of a metadata value stands in its file: its text lined up with the
//! bytes YAML read it from (a block scalar's indentation and folds, a plain value's line
//! breaks), so a problem inside it is reported at its own line and column.

use super::MetaSpan;
use crate::yaml::Pos;

/// The runs of `value` (the scalar as YAML read it, from the node at `pos` in `text`) that
/// stand in `text` as written. A quoted scalar, whose escapes change its bytes, is one
/// empty run at the value itself; so is a scalar whose place is not known.
pub(super) fn spans(value: &str, text: &str, pos: Pos) -> Vec<MetaSpan> {
    let Some(raw) = pos.offset.and_then(|o| text.get(o..o + pos.len)) else {
        return Vec::new();
    };
    let start = pos.offset.unwrap_or(0);
    let point = vec![MetaSpan {
        value: 0,
        file: start,
        len: 0,
        line: pos.line,
    }];
    if raw.starts_with(['"', '\'']) {
        return point;
    }
    let runs = line_up(value.as_bytes(), raw.as_bytes(), start, pos);
    if runs.is_empty() { point } else { runs }
}

/// Walks `value` and `raw` together: a byte that is the same in both is a match; a line
/// break in `raw` read as a space (a fold) is one too; any other byte of `raw` (the
/// indentation of each line, up to the value's own; blank lines folded away) is skipped.
fn line_up(value: &[u8], raw: &[u8], start: usize, pos: Pos) -> Vec<MetaSpan> {
    let indent = pos.column.saturating_sub(1);
    let mut runs: Vec<MetaSpan> = Vec::new();
    let (mut i, mut j, mut line) = (0, 0, pos.line);
    let mut joinable = false;
    while i < value.len() && j < raw.len() {
        let (v, r) = (value[i], raw[j]);
        let matched = v == r || (r == b'\n' && v == b' ');
        if matched {
            match runs.last_mut() {
                Some(run) if joinable && run.file + run.len == start + j => run.len += 1,
                _ => runs.push(MetaSpan {
                    value: i,
                    file: start + j,
                    len: 1,
                    line,
                }),
            }
            joinable = true;
            i += 1;
        } else {
            joinable = false;
        }
        j += 1;
        if r == b'\n' {
            line += 1;
            joinable = false;
            // The indentation YAML takes off every line of the value.
            let mut skipped = 0;
            while skipped < indent && raw.get(j) == Some(&b' ') {
                j += 1;
                skipped += 1;
            }
        }
    }
    runs
}

/// The byte of the file, and its line, where byte `at` of the value stands.
pub fn place(spans: &[MetaSpan], at: usize) -> Option<(usize, usize)> {
    let i = spans.partition_point(|s| s.value <= at).checked_sub(1)?;
    let s = spans[i];
    Some((s.file + (at - s.value).min(s.len), s.line))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each of `needles` (found in the value) stands in `text`: (line, column).
    fn places(text: &str, key: &str, needles: &[&str]) -> Vec<(usize, usize)> {
        let root = crate::yaml::to_node(text, std::path::Path::new("p.yaml")).unwrap();
        let node = root.get(key).unwrap();
        let value = node.as_text().unwrap();
        let spans = spans(&value, text, node.pos);
        needles
            .iter()
            .map(|n| {
                let at = value.find(n).unwrap();
                let (off, line) = place(&spans, at).unwrap();
                let line_start = text[..off].rfind('\n').map_or(0, |i| i + 1);
                (line, text[line_start..off].chars().count() + 1)
            })
            .collect()
    }

    #[test]
    fn literal_and_folded_blocks_and_plain_values_map_to_their_place() {
        let text = "x: 1\nimplications:\n  legal: |\n    First.\n\n      Second, [](#m) here.\n";
        let root = crate::yaml::to_node(text, std::path::Path::new("p.yaml")).unwrap();
        let legal = root.get("implications").unwrap().get("legal").unwrap();
        let value = legal.as_text().unwrap();
        let spans = spans(&value, text, legal.pos);
        let (off, line) = place(&spans, value.find("[](#m)").unwrap()).unwrap();
        assert_eq!((line, &text[off..off + 6]), (6, "[](#m)"));

        let text = "r: >\n  One line\n  and [](#a) the next.\n\n  New [](#b).\n";
        assert_eq!(places(text, "r", &["[](#a)", "[](#b)"]), [(3, 7), (5, 7)]);

        let text = "r: Members are invited to see ![](nope.png).\n";
        assert_eq!(places(text, "r", &["![](nope.png)"]), [(1, 31)]);

        let text = "r: Plain over\n  two [](#c) lines.\n";
        assert_eq!(places(text, "r", &["[](#c)"]), [(2, 7)]);

        let text = "r: \"Quoted\\t [](#d)\"\n";
        assert_eq!(places(text, "r", &["[](#d)"]), [(1, 4)]);
    }
}
