//! `clerk serve`: the live preview. Builds every paper in memory, serves the index, each
//! paper's page and its other formats, watches the sources and rebuilds what changed, and
//! tells open pages to reload.
//!
//! Three kinds of thread share one [`site::Shared`]: the rebuild loop here (the only
//! writer: [`watch::next`] → [`rebuild::rebuild`] → publish), the HTTP threads of
//! [`server`] (readers), and notify's debouncer (which feeds the loop a channel, as does
//! Ctrl-C). Nothing is global; the loop returns the exit status.

mod gone;
mod http;
mod index;
mod meetings;
mod overlay;
mod packs;
mod path;
mod publish;
mod rebuild;
mod scoped;
mod server;
mod site;
mod watch;

use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;
use std::time::Instant;

use crate::project::{Folders, Project};
use crate::report::{EXIT_USAGE, plural};
use rebuild::{Summary, changed_paths, rebuild};
use site::{Changed, Shared, Site};
use watch::{ChangeSet, Message, Next, Watcher};

/// How the preview runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The folders given on the command line, to reopen the project with when `clerk.yaml`
    /// changes.
    pub folders: Folders,
    /// Where to listen (port 0 picks a free one; the address is printed).
    pub addr: SocketAddr,
    /// Open the index in the default browser.
    pub open: bool,
    /// Also write the previewed pages, index and manifest to the output folder.
    pub write: bool,
}

/// Runs the preview of `project` until Ctrl-C (exit status 0); 2 when it cannot start.
pub fn run(project: Project, args: &ServeOptions) -> u8 {
    match start(project, args) {
        Ok(running) => running.until_stopped(args.write),
        Err(message) => {
            eprintln!("{message}");
            EXIT_USAGE
        }
    }
}

/// A started preview: the server thread, the shared site, and the watcher feeding `rx`.
struct Running {
    server: Arc<http::HttpServer>,
    thread: JoinHandle<()>,
    shared: Arc<Shared>,
    watcher: Watcher,
    rx: Receiver<Message>,
    /// What `--write` last said of the output folder.
    notice: publish::FolderNotice,
}

/// Listens, watches, builds everything once, starts serving and prints the address.
fn start(project: Project, args: &ServeOptions) -> Result<Running, String> {
    let addr = args.addr;
    let server = http::HttpServer::bind(addr).map_err(|e| {
        format!(
            "error: cannot listen on {addr} ({e})\n  = help: another program may be using \
             port {}; `--port 0` picks a free one",
            addr.port()
        )
    })?;
    let server = Arc::new(server);
    let local = server.local_addr();
    // Said of the port listened on, the one `--port 0` picked.
    if let Some(warning) = exposure_warning(&local) {
        eprintln!("{warning}");
    }
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    // Ctrl-C and SIGTERM end the rebuild loop, which returns 0: a stop is not a failure.
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    }) {
        eprintln!("warning: Ctrl-C will stop clerk abruptly ({e})");
    }
    // Watching starts before the first build, so that no save is missed.
    let watcher = Watcher::start(&project, tx).map_err(|e| {
        let dir = project.papers_dir.display();
        format!("error: cannot watch {dir} for changes ({e})")
    })?;
    let root = project.root.clone();
    let empty = Site::empty(project, args.folders.clone());
    let (site, summary) = rebuild(&empty, &ChangeSet::everything(), 0);
    say(&status_line(None, &summary));
    let mut notice = publish::FolderNotice::default();
    let shared = Arc::new(Shared::new(site));
    if args.write {
        publish::write_out(&shared.site(), &shared, &Changed::All, &mut notice);
    }
    let thread = server::spawn(server.clone(), shared.clone())
        .map_err(|e| format!("error: cannot start the server thread ({e})"))?;
    let url = format!("http://{local}/");
    say(&format!(
        "Serving {} at {url} (Ctrl-C to stop)",
        root.display()
    ));
    if args.open {
        open_browser(&url);
    }
    Ok(Running {
        server,
        thread,
        shared,
        watcher,
        rx,
        notice,
    })
}

impl Running {
    /// The rebuild loop: waits for changes, rebuilds, publishes, prints a status line (and
    /// writes `out/` when `write`), until Ctrl-C. Returns the exit status, 0.
    fn until_stopped(mut self, write: bool) -> u8 {
        let mut generation = 0;
        // As if long ago, so that a first save is not taken for part of a burst.
        let mut last_rebuild = Instant::now()
            .checked_sub(watch::HOT)
            .unwrap_or_else(Instant::now);
        let mut forced = None;
        loop {
            let changes = match forced.take() {
                Some(changes) => changes,
                None => match watch::next(&self.rx, &self.shared.site().project, last_rebuild) {
                    Next::Rebuild(changes) => changes,
                    Next::Stop => break,
                },
            };
            generation += 1;
            forced = self.step(&changes, generation, write);
            last_rebuild = Instant::now();
        }
        self.shared.stop();
        self.server.unblock();
        let _ = self.thread.join();
        say("Stopped.");
        0
    }

    /// One rebuild; returns the changes to rebuild at once, if any.
    fn step(&mut self, changes: &ChangeSet, generation: u64, write: bool) -> Option<ChangeSet> {
        let old = self.shared.site();
        // Watch a folder made since (templates/) before reading it, so no write is missed.
        self.watcher.update(&old.project);
        let (new, summary) = rebuild(&old, changes, generation);
        let paths = changed_paths(&old, &new);
        let written = write.then(|| paths.clone());
        self.shared.publish(new, paths);
        say(&status_line(Some(changes), &summary));
        let site = self.shared.site();
        if let Some(paths) = written {
            publish::write_out(&site, &self.shared, &paths, &mut self.notice);
        }
        // A new papers folder (from clerk.yaml) is read again once it is watched.
        self.watcher.update(&site.project).then(|| ChangeSet {
            rescan: true,
            ..ChangeSet::default()
        })
    }
}

/// Prints a line to stdout; a closed stdout (a pipe whose reader left) is no reason to stop.
fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// The warning for an address other machines can reach; `None` for a loopback address.
fn exposure_warning(addr: &SocketAddr) -> Option<String> {
    (!addr.ip().is_loopback()).then(|| {
        format!(
            "warning: listening on {addr}, not on a loopback address: the papers, drafts \
             and those taken in private included, and the private packs, become visible to \
             anyone who can reach this machine on the network\n  \
             = help: leave out `--host` to serve on 127.0.0.1, this machine only"
        )
    })
}

/// One line per rebuild: what changed, what was rebuilt, how long it took, the errors.
fn status_line(changes: Option<&ChangeSet>, s: &Summary) -> String {
    let ms = s.elapsed.as_millis();
    let what = match changes {
        None => format!("built {} in {ms} ms", plural(s.rendered, "paper")),
        Some(c) => {
            let mut files = c.files.iter();
            let first = files
                .next()
                .map_or_else(|| "files".into(), |f| f.display().to_string());
            let more = match files.len() {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            let removed = match s.removed {
                0 => String::new(),
                n => format!(", removed {}", plural(n, "paper")),
            };
            format!(
                "{first}{more} changed: rebuilt {}{removed} in {ms} ms",
                plural(s.rendered, "paper")
            )
        }
    };
    let outcome = match (s.errors, s.warnings) {
        (0, 0) => "ok".to_string(),
        (0, w) => plural(w, "warning"),
        (e, w) => {
            let w = if w > 0 {
                format!(", {}", plural(w, "warning"))
            } else {
                String::new()
            };
            format!("{}{w}", plural(e, "error"))
        }
    };
    // What the first error says, where (as a compiler prints it), so the terminal alone
    // tells what to fix; and that papers not rebuilt still fail, lest "ok" say otherwise.
    let first = match (&s.first_error, &s.first_message) {
        (Some(at), Some(message)) => format!("\n  error: {}\n   --> {at}", short(message)),
        (Some(at), None) => format!("\n   --> {at}"),
        _ => String::new(),
    };
    let others = match s.others_failing {
        0 => String::new(),
        n => format!(
            " ({} not rebuilt {} errors)",
            plural(n, "paper"),
            if n == 1 { "still has" } else { "still have" }
        ),
    };
    format!("{what}: {outcome}{others}{first}")
}

/// A message cut to one screen line.
fn short(message: &str) -> String {
    match message.char_indices().nth(100) {
        Some((i, _)) => format!("{}…", &message[..i]),
        None => message.to_string(),
    }
}

/// Opens `url` in the desktop's browser, or says how to.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let spawned = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match spawned {
        // Reaped on its own thread so that it leaves no zombie behind; one that fails (no
        // desktop, no browser) is said, as one that cannot start is.
        Ok(mut child) => {
            let url = url.to_string();
            drop(std::thread::spawn(move || {
                if let Ok(status) = child.wait()
                    && !status.success()
                {
                    eprintln!(
                        "warning: cannot open a browser ({program} failed, {status}); open {url} yourself"
                    );
                }
            }));
        }
        Err(e) => eprintln!("warning: cannot open a browser ({e}); open {url} yourself"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn only_non_loopback_addresses_warn() {
        for ok in ["127.0.0.1:4000", "127.0.0.2:1", "[::1]:4000"] {
            assert_eq!(exposure_warning(&ok.parse().unwrap()), None, "{ok}");
        }
        for open in ["0.0.0.0:4000", "192.168.1.5:4000", "[::]:4000"] {
            let w = exposure_warning(&open.parse().unwrap()).unwrap();
            assert!(w.contains("visible to anyone"), "{w}");
            assert!(
                w.contains("taken in private") && w.contains("private packs"),
                "{w}"
            );
        }
    }

    #[test]
    fn status_lines_say_what_changed_how_long_and_the_errors() {
        let mut c = ChangeSet::default();
        c.files.insert("papers/a.md".into());
        let s = Summary {
            rendered: 1,
            elapsed: Duration::from_millis(12),
            ..Summary::default()
        };
        assert_eq!(
            status_line(Some(&c), &s),
            "papers/a.md changed: rebuilt 1 paper in 12 ms: ok"
        );
        c.files.insert("papers/b.md".into());
        let s = Summary {
            rendered: 2,
            removed: 1,
            errors: 2,
            warnings: 1,
            first_error: Some("papers/a.md:3:7".into()),
            first_message: Some("`2022-02-30` is not a real date".into()),
            others_failing: 0,
            elapsed: Duration::from_millis(40),
        };
        assert_eq!(
            status_line(Some(&c), &s),
            "papers/a.md and 1 more changed: rebuilt 2 papers, removed 1 paper in 40 ms: \
             2 errors, 1 warning\n  error: `2022-02-30` is not a real date\n   --> papers/a.md:3:7"
        );
        // "ok" for what was rebuilt, but not for a paper that still fails.
        let s = Summary {
            rendered: 1,
            others_failing: 2,
            elapsed: Duration::from_millis(5),
            ..Summary::default()
        };
        assert_eq!(
            status_line(Some(&c), &s),
            "papers/a.md and 1 more changed: rebuilt 1 paper in 5 ms: ok (2 papers not rebuilt still have errors)"
        );
        let s = Summary {
            rendered: 3,
            elapsed: Duration::from_millis(90),
            ..Summary::default()
        };
        assert_eq!(status_line(None, &s), "built 3 papers in 90 ms: ok");
    }
}
