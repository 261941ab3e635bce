//! `clerk build --timings`: where a build spent its time, by phase of the run (what earlier
//! builds left, finding the papers, the papers, the meetings, the index and manifests), per
//! stage summed over the papers (read, check, layout, PDF write, HTML, output) and the
//! slowest papers, as `cargo build --timings` does for crates.

use std::fmt::Write as _;
use std::ops::AddAssign;
use std::time::Duration;

use super::PaperReport;

/// The time one paper spent in each stage (all zero for a paper that was up to date).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Reading its files and checking its metadata.
    pub read: Duration,
    /// Checking and numbering its body (Markdown, references, images, appendices).
    pub check: Duration,
    /// Laying out its PDF pages.
    pub layout: Duration,
    /// Writing its PDF's objects.
    pub pdf: Duration,
    /// Rendering its HTML page.
    pub html: Duration,
    /// Writing its outputs into the output folder.
    pub output: Duration,
}

impl StageTimes {
    /// The sum of the stages.
    pub fn total(&self) -> Duration {
        self.read + self.check + self.layout + self.pdf + self.html + self.output
    }

    fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("read", self.read),
            ("check", self.check),
            ("layout", self.layout),
            ("PDF write", self.pdf),
            ("HTML", self.html),
            ("output", self.output),
        ]
    }
}

impl AddAssign for StageTimes {
    fn add_assign(&mut self, o: StageTimes) {
        self.read += o.read;
        self.check += o.check;
        self.layout += o.layout;
        self.pdf += o.pdf;
        self.html += o.html;
        self.output += o.output;
    }
}

/// The wall time a run spent in each of its phases: in a large archive with few papers to
/// build, most of a run is outside the papers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunTimes {
    /// Loading the templates and fonts the formats need.
    pub setup: Duration,
    /// Reading what earlier builds left (the manifests, the cache) and the house's key,
    /// sweeping leftovers, withdrawing the manifest.
    pub earlier: Duration,
    /// Finding the papers and reading the meeting files.
    pub find: Duration,
    /// The papers, built or found up to date, all threads together.
    pub papers: Duration,
    /// The meetings: cross-checked, their pages, agendas and packs, the calendar.
    pub meetings: Duration,
    /// Outputs nothing lists any more removed; the index, manifests and cache written.
    pub finish: Duration,
}

impl RunTimes {
    fn phases(&self) -> [(&'static str, Duration); 6] {
        [
            ("templates and fonts", self.setup),
            ("earlier builds read", self.earlier),
            ("papers found", self.find),
            ("papers", self.papers),
            ("meetings", self.meetings),
            ("index and manifests", self.finish),
        ]
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// The report `--timings` prints: the run's phases (wall time), each stage's time summed
/// over the papers, with its share, then the five slowest papers with their stages.
pub fn report(run: &RunTimes, papers: &[PaperReport]) -> String {
    let mut out = String::from("Phases of the run (wall time):\n");
    for (name, d) in run.phases() {
        let _ = writeln!(out, "  {name:<20} {:>10}", ms(d));
    }
    out.push_str(&stages(papers));
    out
}

fn stages(papers: &[PaperReport]) -> String {
    let mut sum = StageTimes::default();
    for p in papers {
        sum += p.times;
    }
    let total = sum.total();
    let rebuilt = papers.iter().filter(|p| !p.reused).count();
    let mut out = format!(
        "Timings (summed over {rebuilt} papers built; threads run side by side, so the sum can pass the wall time):\n"
    );
    for (name, d) in sum.stages() {
        let share = if total.is_zero() {
            0.0
        } else {
            d.as_secs_f64() / total.as_secs_f64() * 100.0
        };
        let _ = writeln!(out, "  {name:<10} {:>10} {share:>5.1}%", ms(d));
    }
    let _ = writeln!(out, "  {:<10} {:>10}", "total", ms(total));
    let mut slowest: Vec<&PaperReport> = papers.iter().filter(|p| !p.reused).collect();
    slowest.sort_by_key(|p| std::cmp::Reverse(p.times.total()));
    if !slowest.is_empty() {
        out.push_str("Slowest papers:\n");
    }
    for p in slowest.iter().take(5) {
        let parts: Vec<String> = p
            .times
            .stages()
            .iter()
            .filter(|(_, d)| !d.is_zero())
            .map(|(name, d)| format!("{name} {}", ms(*d)))
            .collect();
        let _ = writeln!(
            out,
            "  {:>10}  {} ({})",
            ms(p.times.total()),
            p.source.display.display(),
            parts.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::PaperSource;

    fn paper(name: &str, ms: u64, reused: bool) -> PaperReport {
        let d = Duration::from_millis(ms);
        PaperReport {
            withdrawn: Vec::new(),
            source: PaperSource {
                display: format!("papers/{name}.md").into(),
                rel: format!("{name}.md").into(),
                path: format!("/p/papers/{name}.md").into(),
            },
            meta: None,
            diagnostics: Vec::new(),
            sources: Default::default(),
            outputs: Vec::new(),
            built: true,
            reused,
            last_good: None,
            times: StageTimes {
                read: d,
                layout: d * 2,
                ..StageTimes::default()
            },
        }
    }

    #[test]
    fn sums_the_stages_and_names_the_five_slowest_papers_built() {
        let mut papers: Vec<PaperReport> =
            (1..=7).map(|i| paper(&format!("p{i}"), i, false)).collect();
        papers.push(paper("skipped", 0, true));
        let run = RunTimes {
            earlier: Duration::from_millis(12),
            papers: Duration::from_micros(34_560),
            ..RunTimes::default()
        };
        let text = report(&run, &papers);
        assert!(
            text.starts_with(
                "Phases of the run (wall time):\n  templates and fonts      0.0 ms\n  earlier builds read     12.0 ms\n  papers found             0.0 ms\n  papers                  34.6 ms\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("\nTimings (summed over 7 papers built"),
            "{text}"
        );
        assert!(
            text.contains("\n  read          28.0 ms  33.3%\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  layout        56.0 ms  66.7%\n"),
            "{text}"
        );
        assert!(text.contains("\n  total         84.0 ms\n"), "{text}");
        let slowest: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Slowest"))
            .skip(1)
            .collect();
        assert_eq!(slowest.len(), 5, "{text}");
        assert_eq!(
            slowest[0],
            "     21.0 ms  papers/p7.md (read 7.0 ms, layout 14.0 ms)"
        );
        assert!(slowest[4].contains("papers/p3.md"), "{text}");
    }
}
