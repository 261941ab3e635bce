//! An agenda item written without its dash: its `number:` reads as a second `number` of
//! the item above (`duplicate-key`), and its other keys as that item's. Removing the
//! repeated line, as a YAML error's help would say, would give the item above its title:
//! the help says to start the item with `- ` instead.

use crate::diag::Diagnostic;

/// Rewords the help of each `duplicate-key` error at an item's `number` in `text` (a
/// meeting file) that follows a `- number:` line: the line is meant as a new item.
pub(super) fn new_item_without_dash(diags: &mut [Diagnostic], text: &str) {
    for d in diags.iter_mut().filter(|d| d.code == "duplicate-key") {
        let Some(at) = d.span.clone() else { continue };
        if text.get(at.clone()) != Some("number") {
            continue;
        }
        // The item it repeats: the nearest `- number:` line above, whose dash it lacks.
        let above = &text[..at.start];
        let Some((line_no, dashed)) = (above.lines().enumerate())
            .filter(|(_, l)| l.trim_start().starts_with("- number:"))
            .last()
        else {
            continue;
        };
        let indent = &dashed[..dashed.len() - dashed.trim_start().len()];
        let line_start = above.rfind('\n').map_or(0, |i| i + 1);
        let rest = text[at.start..].lines().next().unwrap_or("number:");
        let own = text[line_start..at.start].trim().is_empty();
        if !own {
            continue;
        }
        d.message = "this `number:` has no `- ` before it, so it reads as a second number of the item above, and the keys under it as that item's".into();
        d.help = Some(format!(
            "start a new item with a dash, level with the one on line {}: `{indent}- {rest}`",
            line_no + 1
        ));
    }
}
