//! Shared by the benchmarks: a project of N papers like the seed.

use std::path::Path;

/// The seed paper, the model for every generated one.
pub const SEED: &str =
    include_str!("../../papers/policing-performance/2021-09-01-hmics-progress-review.md");

/// Writes `n` papers like the seed under `root/papers`, in 20 meeting folders.
pub fn generate(root: &Path, n: usize) {
    let papers = root.join("papers");
    for i in 0..n {
        let dir = papers.join(format!("meeting-{:02}", i % 20));
        std::fs::create_dir_all(&dir).unwrap();
        let text = SEED
            .replace(
                "agenda_item: \"4.2\"",
                &format!("agenda_item: \"{}.{}\"", i % 9 + 1, i % 7 + 1),
            )
            .replace(
                "title: HMICS Progress Review",
                &format!("title: HMICS Progress Review {i}"),
            );
        std::fs::write(dir.join(format!("paper-{i:04}.md")), text).unwrap();
    }
}
