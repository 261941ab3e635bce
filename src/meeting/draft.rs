//! A draft paper on the agenda of a meeting its file calls final: the paper goes into the
//! meeting's pack with DRAFT across every page, which a secretariat publishing a final
//! agenda rarely means. A warning at the item, naming both ways to settle it.

use super::assemble::{PaperEntry, at_pos, key_line, line_start, slash};
use super::file::{FileItem, MeetingFile};
use crate::diag::Diagnostic;
use crate::paper::{PaperMeta, Status};

/// The `draft-in-final-meeting` warning for item `fi` of `f`, whose paper `e` (metadata
/// `m`) says `status: draft` while the file says `status: final`; `None` otherwise.
pub(super) fn draft_in_final(
    f: &MeetingFile,
    fi: &FileItem,
    e: &PaperEntry,
    m: &PaperMeta,
) -> Option<Diagnostic> {
    if f.status != Some(Status::Final) || m.status != Some(Status::Draft) {
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
    let p = fi.paper.as_deref().map(slash).unwrap_or_default();
    Some(
        at_pos(
            f,
            fi.paper_pos,
            "draft-in-final-meeting",
            format!(
                "item {}'s paper `{p}` is still a draft (`status: draft`), but this meeting is final: the paper goes into the meeting's {pack} with DRAFT across each of its pages",
                fi.number
            ),
            format!(
                "once the paper is agreed, set `status: final` in {paper}{line}; until it is, make this meeting `status: draft`{own}, so that its agenda says so too"
            ),
        )
        .warning(),
    )
}
