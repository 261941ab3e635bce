//! Smart punctuation for the paper's metadata (title, meeting, names, header table values,
//! appendix titles), the same the Markdown body gets: curly quotes and apostrophes, en and
//! em dashes from `--` and `---`, an ellipsis from `...`. One paper, one style.

use crate::paper::PaperMeta;

/// `text` with straight quotes curled, `--`/`---` as dashes and `...` as an ellipsis.
pub fn punctuate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = out.chars().last();
        let opens = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '/' | '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{2018}'
                )
        });
        match c {
            '-' if chars.get(i + 1) == Some(&'-') => {
                if chars.get(i + 2) == Some(&'-') {
                    out.push('\u{2014}');
                    i += 3;
                } else {
                    out.push('\u{2013}');
                    i += 2;
                }
                continue;
            }
            '.' if chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.') => {
                out.push('\u{2026}');
                i += 3;
                continue;
            }
            '"' => out.push(if opens { '\u{201c}' } else { '\u{201d}' }),
            '\'' => out.push(if opens { '\u{2018}' } else { '\u{2019}' }),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The metadata as shown: its display text punctuated (see [`punctuate`]); dates, keys,
/// the classification marking and the keywords stay as written.
pub fn meta(meta: &PaperMeta) -> PaperMeta {
    let mut m = meta.clone();
    for text in [
        &mut m.meeting,
        &mut m.title,
        &mut m.presented_by,
        &mut m.recommendation,
    ] {
        *text = punctuate(text);
    }
    for text in [&mut m.location, &mut m.agenda_item].into_iter().flatten() {
        *text = punctuate(text);
    }
    for a in &mut m.appendices {
        a.title = punctuate(&a.title);
    }
    for (_, value) in &mut m.extra {
        *value = punctuate(value);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::punctuate;

    #[test]
    fn quotes_curl_and_dashes_join() {
        assert_eq!(
            punctuate(r#"Exercise "Harbour Light" and Scotland's 'plan'"#),
            "Exercise \u{201c}Harbour Light\u{201d} and Scotland\u{2019}s \u{2018}plan\u{2019}"
        );
        assert_eq!(
            punctuate("2025--2030 --- and so..."),
            "2025\u{2013}2030 \u{2014} and so\u{2026}"
        );
        assert_eq!(punctuate("(\"a\")"), "(\u{201c}a\u{201d})");
        assert_eq!(punctuate("HMICS – Review"), "HMICS – Review");
    }
}
