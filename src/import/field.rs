//! Word's fields in a paragraph: a `HYPERLINK` field, simple (`w:fldSimple`) or complex
//! (`w:fldChar` begin, `w:instrText`, separate, the text shown, end), becomes a link, as a
//! `w:hyperlink` does; any other field keeps the text Word last showed for it.

use roxmltree::Node;

use super::docx::Run;
use super::xml::wattr;

/// The complex fields open in a paragraph, innermost last.
#[derive(Default)]
pub struct Fields {
    open: Vec<Open>,
}

/// A field begun and not yet ended.
struct Open {
    /// Its instruction (`HYPERLINK "https://…"`), from its `w:instrText`s.
    instr: String,
    /// Where the text it shows starts: the number of runs then, and the length of the last
    /// run's text then (the text shown may be joined to it).
    shown: Option<(usize, usize)>,
}

impl Fields {
    /// Before a run's text: reads the run's field begin and separate marks and its
    /// instruction text.
    pub fn before(&mut self, r: Node, out: &[Run]) {
        for n in r.children().filter(|n| n.is_element()) {
            match (n.tag_name().name(), wattr(n, "fldCharType")) {
                ("fldChar", Some("begin")) => self.open.push(Open {
                    instr: String::new(),
                    shown: None,
                }),
                ("fldChar", Some("separate")) => {
                    if let Some(f) = self.open.last_mut() {
                        let tail = match out.last() {
                            Some(Run::Text { text, .. }) => text.len(),
                            _ => 0,
                        };
                        f.shown = Some((out.len(), tail));
                    }
                }
                ("instrText", _) => {
                    if let Some(f) = self.open.last_mut().filter(|f| f.shown.is_none()) {
                        f.instr.push_str(n.text().unwrap_or(""));
                    }
                }
                _ => {}
            }
        }
    }

    /// After a run's text: at a field's end, the text a `HYPERLINK` field showed becomes
    /// a link.
    pub fn after(&mut self, r: Node, out: &mut Vec<Run>) {
        for n in r.children().filter(|n| n.tag_name().name() == "fldChar") {
            if wattr(n, "fldCharType") != Some("end") {
                continue;
            }
            let Some(f) = self.open.pop() else { continue };
            let (Some((len, tail)), Some(url)) = (f.shown, hyperlink(&f.instr)) else {
                continue;
            };
            if len > out.len() {
                continue;
            }
            let mut runs = out.split_off(len);
            // Text shown that was joined to the run before the field is taken back off it.
            if let Some(Run::Text {
                text,
                bold,
                italic,
                strike,
            }) = out.last_mut()
                && text.len() > tail
                && text.is_char_boundary(tail)
            {
                let shown = text.split_off(tail);
                runs.insert(
                    0,
                    Run::Text {
                        text: shown,
                        bold: *bold,
                        italic: *italic,
                        strike: *strike,
                    },
                );
            }
            out.push(Run::Link { url, runs });
        }
    }
}

/// The address of a `HYPERLINK "url"` field instruction, when it is a web or mail address
/// (not `\l`, a place in the document).
pub fn hyperlink(instr: &str) -> Option<String> {
    let t = instr.trim();
    if !t.get(..9)?.eq_ignore_ascii_case("HYPERLINK") {
        return None;
    }
    let rest = t[9..].trim_start();
    let url = match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => rest.split_whitespace().next()?,
    }
    .trim();
    (url.starts_with("http") || url.starts_with("mailto:")).then(|| url.to_string())
}
