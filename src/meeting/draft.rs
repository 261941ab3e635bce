//! A draft paper on the agenda of a meeting its file calls final: the paper goes into the
//! meeting's pack with DRAFT across every page, which a secretariat publishing a final
//! agenda rarely means. A warning at the item, naming both ways to settle it.

use super::assemble::PaperEntry;
use super::file::{FileItem, MeetingFile};
use super::place::{at_pos, key_line, line_start, slash};
use crate::diag::Diagnostic;
use crate::paper::{PaperMeta, Status};

/// The `draft-in-final-meeting` warning for item `fi` of `f`, whose paper `e` (metadata
/// `m`) says `status: draft` while the meeting is final: its file says `status: final`, or
/// says nothing and meetings are final by default (`clerk build`; `clerk serve` makes them
/// drafts); `None` otherwise.
pub(super) fn draft_in_final(
    f: &MeetingFile,
    fi: &FileItem,
    e: &PaperEntry,
    m: &PaperMeta,
    draft_default: bool,
) -> Option<Diagnostic> {
    let final_meeting = f.status.map_or(!draft_default, |s| s == Status::Final);
    if !final_meeting || m.status != Some(Status::Draft) {
        return None;
    }
    let pack = match (fi.private, fi.late) {
        (true, _) => "private pack",
        (false, true) => "supplementary pack",
        (false, false) => "public pack",
    };
    let paper = e.source.display.display();
    let line = key_line(e, "status").map_or(String::new(), |l| format!(" line {l}"));
    let own = line_start(&f.text, "status:").map_or(String::new(), |o| {
        format!(" (line {})", f.text[..o].matches('\n').count() + 1)
    });
    // Without a `status`, the meeting is final because the build makes it so.
    let (why, settle) = match f.status {
        Some(_) => ("", "make this meeting `status: draft`"),
        None => (
            " (its file gives no `status`, and a build publishes meetings as final)",
            "add `status: draft` to this meeting file",
        ),
    };
    let p = fi.paper.as_deref().map(slash).unwrap_or_default();
    Some(
        at_pos(
            f,
            fi.paper_pos,
            "draft-in-final-meeting",
            format!(
                "item {}'s paper `{p}` is still a draft (`status: draft`), but this meeting is final{why}: the paper goes into the meeting's {pack} with DRAFT across each of its pages",
                fi.number
            ),
            format!(
                "once the paper is agreed, set `status: final` in {paper}{line}; until it is, {settle}{own}, so that its agenda says so too"
            ),
        )
        .warning(),
    )
}
