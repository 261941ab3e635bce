//! One run of a Word paragraph (`w:r`) → text in its look (bold, italic, struck through),
//! breaks, symbols, footnote references and drawings; and an equation kept as its text.

use roxmltree::Node;

use super::{Context, Run, note_id};
use crate::import::xml::{child, child_val, toggle, wattr};
use crate::import::{drawing, symbol};

/// An equation (Office Math): a paper has no mathematics, so its text is kept as it reads
/// (`x = 2y + 1`), and noted.
pub(super) fn equation(math: Node, cx: &mut Context, out: &mut Vec<Run>) {
    let text: String = math
        .descendants()
        .filter(|d| d.is_element() && d.tag_name().name() == "t")
        .filter_map(|d| d.text())
        .collect();
    if text.trim().is_empty() {
        return;
    }
    let first = (text.trim().to_string(), cx.count, 0);
    cx.equations.get_or_insert(first).2 += 1;
    push_text(out, &text, (false, false, false));
}

pub(super) fn run(r: Node, cx: &mut Context, out: &mut Vec<Run>) {
    let rpr = child(r, "rPr");
    let rstyle = rpr.and_then(|p| child_val(p, "rStyle")).unwrap_or("");
    let bold = toggle(rpr, "b").unwrap_or_else(|| rstyle.contains("Strong"));
    let italic = toggle(rpr, "i").unwrap_or_else(|| rstyle.contains("Emphasis"));
    let vanish = toggle(rpr, "vanish").unwrap_or(false);
    // Word shows text set in "All caps" in capitals, whatever was typed.
    let caps = toggle(rpr, "caps").unwrap_or(false);
    let underline = toggle(rpr, "u").unwrap_or(false) && !cx.in_link;
    let strike = toggle(rpr, "strike").or(toggle(rpr, "dstrike")) == Some(true);
    let raised = rpr
        .and_then(|p| child_val(p, "vertAlign"))
        .is_some_and(|v| v == "superscript" || v == "subscript");
    let look = (bold, italic, strike);
    for n in r.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "t" if !vanish => {
                let typed = n.text().unwrap_or("");
                let upper = caps.then(|| typed.to_uppercase());
                let text = upper.as_deref().unwrap_or(typed);
                if raised && !text.trim().is_empty() {
                    let first = (text.trim().to_string(), cx.count, 0);
                    cx.raised.get_or_insert(first).2 += 1;
                }
                if underline && !text.trim().is_empty() {
                    let first = (text.trim().to_string(), cx.count, 0);
                    cx.underlined.get_or_insert(first).2 += 1;
                }
                push_text(out, text, look)
            }
            "tab" => push_text(out, " ", look),
            // A page or column break ends no line of the text: the words run on.
            "br" if matches!(wattr(n, "type"), Some("page" | "column")) => {
                push_text(out, " ", look)
            }
            "br" | "cr" => out.push(Run::Break),
            "noBreakHyphen" => push_text(out, "-", look),
            "sym" if !vanish => {
                let font = wattr(n, "font").unwrap_or("");
                let code = wattr(n, "char").unwrap_or("");
                match symbol::unicode(font, code) {
                    Some(c) => push_text(out, c.encode_utf8(&mut [0; 4]), look),
                    None => cx
                        .skipped
                        .push((format!("symbol `{code}` of the font {font}"), cx.count)),
                }
            }
            "footnoteReference" | "endnoteReference" => {
                if let Some(id) = wattr(n, "id") {
                    out.push(Run::Footnote(note_id(n.tag_name().name(), id)));
                }
            }
            "drawing" | "pict" | "object" | "AlternateContent" => drawing::shape(n, cx, out),
            "commentReference" => {
                cx.skipped
                    .push((n.tag_name().name().replace("Reference", ""), cx.count));
            }
            _ => {}
        }
    }
}

/// Adds text in its look (bold, italic, struck through), joined to the last run of the same.
fn push_text(out: &mut Vec<Run>, text: &str, (bold, italic, strike): (bool, bool, bool)) {
    if let Some(Run::Text {
        text: last,
        bold: b,
        italic: i,
        strike: s,
    }) = out.last_mut()
        && (*b, *i, *s) == (bold, italic, strike)
    {
        last.push_str(text);
        return;
    }
    out.push(Run::Text {
        text: text.to_string(),
        bold,
        italic,
        strike,
    });
}
