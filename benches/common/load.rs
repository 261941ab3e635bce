//! The machine's load at the time of a benchmark: each one says it at its start and its
//! end, so that a figure is read with the load it was taken under (this VM's timings move
//! by a tenth from one hour to the next).

/// Prints the load average over the last 1, 5 and 15 minutes (Linux's `/proc/loadavg`),
/// and how many threads the machine offers, with `when` (`at the start`).
pub fn say(when: &str) {
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| {
            let fields: Vec<&str> = text.split_whitespace().take(3).collect();
            (fields.len() == 3).then(|| fields.join(" "))
        })
        .unwrap_or_else(|| "unknown (no /proc/loadavg)".into());
    let threads = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("load average {when}: {load} (1, 5, 15 minutes; {threads} threads)");
}
