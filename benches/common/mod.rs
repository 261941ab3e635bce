//! Shared by the benchmarks: a project of N papers like the seed, as a secretariat's archive.

use std::path::Path;

pub mod load;

/// The allocator the `clerk` binary uses (see `clerk::alloc`), so a build run in the bench's
/// process costs what it costs in clerk's; each bench's `main` calls `clerk::alloc::configure`.
#[global_allocator]
static GLOBAL: clerk::alloc::Allocator = clerk::alloc::Allocator;

/// The seed paper, the model for every generated one.
pub const SEED: &str =
    include_str!("../../papers/policing-performance/2021-09-01-hmics-progress-review.md");

/// Writes `n` papers like the seed under `root/papers/YEAR/meeting-NNNN/`: `per_meeting` papers
/// a meeting (items 1, 2, …), a meeting a week going back from 2 December 2026, so every
/// meeting has its own date and no two papers share an item.
pub fn generate(root: &Path, n: usize, per_meeting: usize) {
    let last = jiff::civil::date(2026, 12, 2);
    for i in 0..n {
        let meeting = i / per_meeting;
        let date = last
            .checked_sub(jiff::Span::new().days(7 * meeting as i64))
            .unwrap();
        let dir = root.join(format!("papers/{}/meeting-{meeting:04}", date.year()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = SEED
            .replace("date: 2021-09-01", &format!("date: {date}"))
            .replace(
                "agenda_item: \"4.2\"",
                &format!("agenda_item: \"{}\"", i % per_meeting + 1),
            )
            .replace(
                "title: HMICS Progress Review",
                &format!("title: HMICS Progress Review {i}"),
            );
        std::fs::write(dir.join(format!("paper-{i:05}.md")), text).unwrap();
    }
}
