//! Benchmark: save-to-reload latency of `clerk serve` — from writing one paper of a
//! 200-paper project to the `reload` event reaching a client of the event stream.
//!
//! `cargo bench --bench serve_latency` (N = 200 papers, 30 measured edits), or
//! `cargo bench --bench serve_latency -- 500` for another count. Runs the real binary on a
//! free loopback port in a temporary project; edits are 0.7 s apart, as separate saves.
//! Prints the median, the 90th percentile and the range.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WARM_UP: usize = 3;
const MEASURED: usize = 30;

/// The server, killed on drop.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(root: &Path) -> (Server, SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(["serve", "--port", "0"])
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("clerk starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let server = Server(child);
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            let url = l.strip_prefix("Serving ")?.split("http://").nth(1)?;
            url.split('/').next()?.parse().ok()
        })
        .expect("the server prints its address");
    // Keep reading its status lines so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (server, addr)
}

/// Reads the event stream until a `reload` event; false on timeout.
fn next_reload(reader: &mut BufReader<TcpStream>, limit: Duration) -> bool {
    let start = Instant::now();
    let mut line = String::new();
    while start.elapsed() < limit {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => return false,
            Ok(_) if line.trim_end() == "event: reload" => return true,
            _ => {}
        }
    }
    false
}

fn main() {
    clerk::alloc::configure();
    common::load::say("at the start");
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::tempdir().unwrap();
    common::generate(tmp.path(), n, 10);
    let (_server, addr) = start(tmp.path());
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET /__clerk/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && !line.starts_with("retry:") {
        line.clear();
    }

    let paper = tmp.path().join("papers/2026/meeting-0000/paper-00007.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let mut times = Vec::new();
    for i in 0..WARM_UP + MEASURED {
        std::thread::sleep(Duration::from_millis(700));
        let edited = text.replacen("title: ", &format!("title: Edit {i} "), 1);
        let written = Instant::now();
        std::fs::write(&paper, edited).unwrap();
        assert!(
            next_reload(&mut reader, Duration::from_secs(10)),
            "no reload event"
        );
        if i >= WARM_UP {
            times.push(written.elapsed());
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "serve {n} papers: save to reload event, median {:.1} ms, p90 {:.1} ms, range {:.1}–{:.1} ms over {} edits",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 9 / 10]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
    common::load::say("at the end");
}
