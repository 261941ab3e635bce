//! Helpers for the `clerk serve` tests: the real binary on a free port in a temporary
//! project, a tiny HTTP client and an event-stream reader on std::net, every wait bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `clerk serve`, killed when dropped.
pub struct Serve {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// The project folder.
    pub root: PathBuf,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect(reader: impl Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            sink.lock().unwrap().push(line);
        }
    });
    lines
}

/// Waits until `f` gives `Some`, checking every 10 ms for at most `limit`.
pub fn wait_for<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if start.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

impl Serve {
    /// Starts `clerk serve --port 0 ARGS` in `root` and waits for the address it prints.
    pub fn start(root: &Path, args: &[&str]) -> Serve {
        Serve::start_with(root, args, &[])
    }

    /// [`Serve::start`] with these environment variables set.
    pub fn start_with(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(root)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("clerk starts");
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let mut serve = Serve {
            child,
            addr: "127.0.0.1:1".parse().unwrap(),
            root: root.to_path_buf(),
            stdout,
            stderr,
        };
        let addr = wait_for(Duration::from_secs(30), || {
            let lines = serve.stdout.lock().unwrap();
            let line = lines.iter().find(|l| l.starts_with("Serving "))?;
            let url = line.split("http://").nth(1)?;
            url.split('/').next()?.parse::<SocketAddr>().ok()
        });
        serve.addr = addr.unwrap_or_else(|| {
            panic!(
                "no address printed: {:?} {:?}",
                serve.stdout(),
                serve.stderr()
            )
        });
        serve
    }

    /// What it printed to stdout so far.
    pub fn stdout(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }

    /// What it printed to stderr so far.
    pub fn stderr(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }

    /// The status lines of rebuilds after the first build.
    pub fn rebuilds(&self) -> Vec<String> {
        self.stdout()
            .into_iter()
            .filter(|l| l.contains(" changed: rebuilt "))
            .collect()
    }

    /// Sends a raw request and reads the whole response.
    pub fn raw(&self, request: &str) -> Reply {
        let mut s = TcpStream::connect(self.addr).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        let _ = s.read_to_end(&mut bytes);
        Reply::parse(&bytes)
    }

    /// `METHOD target`, closing the connection after.
    pub fn request(&self, method: &str, target: &str) -> Reply {
        self.raw(&format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
    }

    /// `GET target`.
    pub fn get(&self, target: &str) -> Reply {
        self.request("GET", target)
    }

    /// Opens the reload event stream.
    pub fn events(&self) -> Events {
        self.events_at("/__clerk/events")
    }

    /// Opens the reload event stream at `target` (with a query).
    pub fn events_at(&self, target: &str) -> Events {
        let mut s = TcpStream::connect(self.addr).expect("connects");
        let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");
        s.write_all(request.as_bytes()).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        let mut events = Events {
            reader: BufReader::new(s),
            pending: String::new(),
        };
        let head = events
            .read_until_blank(Duration::from_secs(20))
            .expect("event stream opens");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("content-type: text/event-stream"),
            "{head}"
        );
        events
    }

    /// Stops it with a signal and returns its exit code.
    #[cfg(unix)]
    pub fn interrupt(mut self) -> Option<i32> {
        // SAFETY: kill(2) with a child's pid and SIGINT has no memory effects on this process.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let status = wait_for(Duration::from_secs(10), || {
            self.child.try_wait().ok().flatten()
        });
        status.and_then(|s| s.code())
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Header lines, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_string(),
        }
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The client side of the reload event stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    pending: String,
}

impl Events {
    /// Reads lines up to a blank one; `None` on timeout or close.
    fn read_until_blank(&mut self, limit: Duration) -> Option<String> {
        let start = Instant::now();
        let mut block = String::new();
        while start.elapsed() < limit {
            match self.reader.read_line(&mut self.pending) {
                Ok(0) => return None,
                Ok(_) => {
                    let line = std::mem::take(&mut self.pending);
                    if line.trim_end_matches(['\r', '\n']).is_empty() {
                        if !block.is_empty() {
                            return Some(block);
                        }
                    } else {
                        block.push_str(&line);
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return None,
            }
        }
        None
    }

    /// The data of the next `reload` event, within `limit`.
    pub fn next_reload(&mut self, limit: Duration) -> Option<String> {
        let start = Instant::now();
        while let Some(block) = self.read_until_blank(limit.saturating_sub(start.elapsed())) {
            if block.lines().any(|l| l == "event: reload") {
                let data = block.lines().find_map(|l| l.strip_prefix("data: "))?;
                return Some(data.to_string());
            }
        }
        None
    }
}
