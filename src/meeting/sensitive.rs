//! A paper that carries the house's private classification (`OFFICIAL-SENSITIVE` by
//! default), or one the house lists after it (its `classifications` run from the least
//! protected to the most), yet is published: an item its meeting's file does not take in private, or a
//! paper on the agenda its meeting's papers make. The marking says the paper needs care;
//! publishing it says it does not. Either the item was meant to be taken in private or the
//! marking is out of date, and only the secretariat can tell which: a warning, at the item
//! when a meeting file lists it, else at the paper's `classification:` line. A draft is
//! for review and not yet published, so only a final paper is warned of: `status: final`,
//! or no `status` in a build (`clerk serve` takes that as a draft).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::assemble::PaperEntry;
use super::file::{FileItem, MeetingFile, normal};
use super::place::{at_pos, key_line, paper_diag, slash};
use crate::diag::Diagnostic;
use crate::paper::Status;

/// Does a paper marked `marking` need care before it is published: is its marking the
/// house's `private_classification` or one after it in `classifications` (one listed first,
/// a house of one marking, tells no paper apart)?
pub fn needs_care(marking: &str, house: &crate::config::HouseStyle) -> bool {
    guarded(&house.private_classification, &house.classifications)
        .is_some_and(|g| rank(marking, &house.classifications).is_some_and(|r| r >= g))
}

/// Where `marking` stands in the house's list, least protected first.
fn rank(marking: &str, classifications: &[String]) -> Option<usize> {
    classifications.iter().position(|k| k == marking)
}

/// Where the private marking stands in the list, when a marking can stand before it.
fn guarded(private_classification: &str, classifications: &[String]) -> Option<usize> {
    rank(private_classification, classifications).filter(|g| *g > 0)
}

/// The `sensitive-published` warnings for `papers`: those marked `private_classification`,
/// or a marking `classifications` lists after it, that the run publishes as final (a paper
/// without `status` is a draft when `draft_default`). `placed` is where each paper stands on
/// a meeting file's agenda. The help offers the marking listed just before the private one;
/// a private marking listed first (or not at all) guards nothing.
pub(super) fn sensitive_published(
    papers: &[PaperEntry],
    placed: &BTreeMap<PathBuf, (&MeetingFile, &FileItem)>,
    draft_default: bool,
    (private_classification, classifications): (&str, &[String]),
) -> Vec<Diagnostic> {
    // Where the private marking stands in the list: it and every marking after it need care.
    // One listed first (a house of one marking) tells no paper apart: nothing to warn of.
    let Some(guarded) = guarded(private_classification, classifications) else {
        return Vec::new();
    };
    let needs_care = |c: &str| rank(c, classifications).is_some_and(|r| r >= guarded);
    let publishable = &classifications[guarded - 1];
    let mut diags = Vec::new();
    for p in papers.iter().filter(|p| !p.kept_private) {
        let Some(meta) = p.meta else { continue };
        let draft = meta.status.map_or(draft_default, |s| s == Status::Draft);
        let Some(marking) = meta.classification.as_deref().filter(|c| needs_care(c)) else {
            continue;
        };
        if draft {
            continue;
        }
        let remark = format!("change `classification:` to `{publishable}`");
        let paper = p.source.display.display();
        let place = placed.get(&normal(&p.source.rel));
        // Taken in private by its item: not published (a private paper is `kept_private`
        // too, but its item is what says so).
        if place.is_some_and(|(_, fi)| fi.private) {
            continue;
        }
        diags.push(match place {
            Some((f, fi)) => {
                let pack = if fi.late {
                    "supplementary pack"
                } else {
                    "public pack"
                };
                let line =
                    key_line(p, "classification").map_or(String::new(), |l| format!(" line {l}"));
                at_pos(
                    f,
                    fi.paper_pos,
                    "sensitive-published",
                    format!(
                        "item {}'s paper `{}` is marked {marking}, but the item is not taken in private: the paper is published on the meeting's page and in its {pack}",
                        fi.number,
                        slash(&p.source.rel)
                    ),
                    format!(
                        "to take it in private, add `private: true` and its `exempt:` ground to item {}; if the paper can be published, {remark} in {paper}{line}",
                        fi.number
                    ),
                )
            }
            None => paper_diag(
                p,
                "classification",
                "sensitive-published",
                format!(
                    "this paper is marked {marking}, but it is published: its HTML and PDF are public, and so is the agenda of {} on {}",
                    meta.meeting, meta.date_display
                ),
                format!(
                    "to take it in private, list its meeting's items in a meeting file with `private: true` and the `exempt:` ground on this paper's item; if it can be published, {remark}"
                ),
            ),
        }
        .warning());
    }
    diags
}
