//! Drawings in a run: a picture (its part in the package and its alt text), a text box
//! (its text kept where it is anchored), or a chart or shape clerk cannot draw (noted).

use roxmltree::Node;

use super::docx::{Context, Run, inline};
use super::xml::{R, is_w};

/// A picture, a text box, or (Word 2010's `mc:AlternateContent`, the same shape again in
/// an old-style fallback) a chart or shape clerk cannot draw, which is noted.
pub(super) fn shape(n: Node, cx: &mut Context, out: &mut Vec<Run>) {
    if text_box(n, cx, out) {
        return;
    }
    if n.tag_name().name() != "AlternateContent" {
        out.push(image(n, cx));
    } else if n.descendants().any(|d| d.tag_name().name() == "blip") {
        let choice = n.children().find(|c| c.tag_name().name() == "Choice");
        out.push(image(choice.unwrap_or(n), cx));
    } else {
        cx.skipped.push(("shape or chart".into(), cx.count));
    }
}

/// A text box under `n` (the first `w:txbxContent`: Word writes the same box again in its
/// fallback): its paragraphs become lines of the paragraph it is anchored in, so that its
/// text is never dropped, and it is noted. False when `n` holds no text box.
fn text_box(n: Node, cx: &mut Context, out: &mut Vec<Run>) -> bool {
    let Some(content) = n.descendants().find(|d| is_w(*d, "txbxContent")) else {
        return false;
    };
    let mut runs = Vec::new();
    for p in content.children().filter(|c| is_w(*c, "p")) {
        if !runs.is_empty() {
            runs.push(Run::Break);
        }
        inline(p, cx, &mut runs);
    }
    let words: String = runs
        .iter()
        .filter_map(|r| match r {
            Run::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<String>()
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    if !words.is_empty() {
        cx.boxes.push((words, cx.count));
        if !out.is_empty() {
            out.push(Run::Break);
        }
        out.extend(runs);
    }
    true
}

fn image(n: Node, cx: &mut Context) -> Run {
    let mut alt = None;
    let mut part = None;
    for d in n.descendants().filter(|d| d.is_element()) {
        match d.tag_name().name() {
            "docPr" => {
                let text = |a| d.attribute(a).map(str::trim).filter(|s| !s.is_empty());
                alt = text("descr").or(text("title")).map(str::to_string);
            }
            "blip" | "imagedata" => {
                let id = d.attribute((R, "embed")).or(d.attribute((R, "id")));
                if let Some(rel) = id.and_then(|id| cx.rels.get(id)) {
                    if rel.external {
                        cx.skipped.push((
                            format!("a linked (not embedded) picture, {}", rel.target),
                            cx.count,
                        ));
                    } else {
                        part = super::xml::resolve(&cx.base_dir, &rel.target);
                    }
                }
                if alt.is_none() {
                    alt = d
                        .attribute("title")
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string);
                }
            }
            _ => {}
        }
    }
    Run::Image { part, alt }
}
