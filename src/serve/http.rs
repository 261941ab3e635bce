//! The preview's HTTP/1.1 front door on std::net, with the limits a server reachable from a
//! browser needs: a cap on open connections, a deadline and a size limit for reading a
//! request's head, and a `Host` check against DNS rebinding (a page on another site that
//! points its own name at 127.0.0.1 must not read the drafts). One request per connection
//! (`Connection: close`); GET and HEAD carry no body, so none is read.

use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How many connections may be open at once (pages, their PDFs and event streams); more
/// are answered 503 at once, without a thread.
pub(crate) const MAX_CONNECTIONS: usize = 64;
/// How long a client has to send its request line and headers.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest request head read; larger ones are answered 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// How long a write to a reader may block before the connection is given up.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// A listening socket and what it accepts.
pub(crate) struct HttpServer {
    listener: TcpListener,
    addr: SocketAddr,
    hosts: Hosts,
    stopped: AtomicBool,
    open: Arc<AtomicUsize>,
}

/// A request whose head was read within the limits and whose `Host` is ours.
pub(crate) struct Request {
    /// `GET`, `HEAD`, …
    pub(crate) method: String,
    /// The request target, e.g. `/papers/a.html?last-good`.
    pub(crate) target: String,
    headers: Vec<(String, String)>,
    stream: TcpStream,
    hosts: Hosts,
    _open: OpenGuard,
}

impl HttpServer {
    /// Listens on `addr` (port 0 picks a free one).
    pub(crate) fn bind(addr: SocketAddr) -> io::Result<HttpServer> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        Ok(HttpServer {
            listener,
            addr,
            hosts: Hosts::for_address(addr),
            stopped: AtomicBool::new(false),
            open: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The address listened on.
    pub(crate) fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Accepts connections until [`HttpServer::unblock`]; each one's head is read on a
    /// thread of its own, and `handle` is called with every request that passes the checks.
    pub(crate) fn serve(&self, handle: Arc<dyn Fn(Request) + Send + Sync>) {
        for stream in self.listener.incoming() {
            if self.stopped.load(Ordering::SeqCst) {
                return;
            }
            let Ok(stream) = stream else { continue };
            let Some(guard) = OpenGuard::take(&self.open) else {
                let _ = refuse(stream, 503, "clerk serve has too many open connections\n");
                continue;
            };
            let hosts = self.hosts.clone();
            let handle = handle.clone();
            let spawned = std::thread::Builder::new()
                .name("clerk-request".into())
                .spawn(move || {
                    if let Some(request) = read_request(stream, hosts, guard) {
                        handle(request);
                    }
                });
            if let Err(e) = spawned {
                eprintln!("warning: cannot answer a request ({e})");
            }
        }
    }

    /// Stops [`HttpServer::serve`]: marks it stopped and wakes its `accept`.
    pub(crate) fn unblock(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        let wake = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        let _ = TcpStream::connect_timeout(&SocketAddr::new(wake, self.addr.port()), WRITE_TIMEOUT);
    }
}

/// Counts an open connection until dropped.
struct OpenGuard(Arc<AtomicUsize>);

impl OpenGuard {
    fn take(open: &Arc<AtomicUsize>) -> Option<OpenGuard> {
        let taken = open.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
            (n < MAX_CONNECTIONS).then_some(n + 1)
        });
        taken.ok().map(|_| OpenGuard(open.clone()))
    }
}

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads and checks a request head; answers and closes the connection itself when the head
/// is slow, too large, malformed or for another host.
fn read_request(mut stream: TcpStream, hosts: Hosts, guard: OpenGuard) -> Option<Request> {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let head = match read_head(&mut stream) {
        Ok(head) => head,
        Err(HeadError::TooLarge) => {
            let _ = refuse(stream, 431, "the request's headers are too large\n");
            return None;
        }
        Err(HeadError::Closed) => return None,
    };
    let Some((method, target, headers)) = parse_head(&head) else {
        let _ = refuse(stream, 400, "not an HTTP request clerk understands\n");
        return None;
    };
    let mut hosts_given = headers.iter().filter(|(k, _)| k == "host");
    let host = hosts_given.next().map(|(_, v)| v.as_str());
    match host {
        None => {
            let _ = refuse(stream, 400, "the request has no Host header\n");
            return None;
        }
        // Two: which one the request is for cannot be told (RFC 9112 3.2 asks for 400).
        Some(_) if hosts_given.next().is_some() => {
            let _ = refuse(stream, 400, "the request has two Host headers\n");
            return None;
        }
        Some(host) if !hosts.allows(host) => {
            let _ = refuse(
                stream,
                421,
                "this preview answers only to the address it was started on\n",
            );
            return None;
        }
        Some(_) => {}
    }
    let _ = stream.set_read_timeout(None);
    Some(Request {
        method,
        target,
        headers,
        stream,
        hosts,
        _open: guard,
    })
}

enum HeadError {
    TooLarge,
    Closed,
}

/// Reads up to the blank line that ends a request head, within [`HEAD_TIMEOUT`] and
/// [`MAX_HEAD`] bytes.
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, HeadError> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(HeadError::Closed);
        }
        let n = match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err(HeadError::Closed),
            Ok(n) => n,
        };
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = find_blank_line(&head[from..]) {
            head.truncate(from + end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
    }
}

/// Where the head's blank line ends it: lines end in CRLF, or (as RFC 9112 2.2 lets a
/// server take them) in a bare LF. The position given is the head's end.
fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) => Some(c.min(l)),
        (c, l) => c.or(l),
    }
}

type Head = (String, String, Vec<(String, String)>);

/// The method, target and headers (names in lower case) of a request head.
fn parse_head(head: &[u8]) -> Option<Head> {
    let text = std::str::from_utf8(head).ok()?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let version = request_line.next()?;
    if !version.starts_with("HTTP/1.") || method.is_empty() || !target.starts_with('/') {
        return None;
    }
    let mut headers = Vec::new();
    for line in lines {
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    Some((method, target, headers))
}

/// Answers with a short plain-text status and closes.
fn refuse(mut stream: TcpStream, status: u16, text: &str) -> io::Result<()> {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let head = response_head(status, "text/plain; charset=utf-8", text.len(), &[]);
    stream.write_all(head.as_bytes())?;
    stream.write_all(text.as_bytes())?;
    stream.flush()
}

/// A response's status line and headers, ending in the blank line.
fn response_head(status: u16, content_type: &str, length: usize, extra: &[(&str, &str)]) -> String {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n\
         X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n",
        reason(status)
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

impl Request {
    /// A header's value (the name in any case).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Is the request's `Origin`, when it has one, a page of this preview? Browsers send
    /// one with cross-site requests; an event stream opened from another site is refused.
    pub(crate) fn same_origin(&self) -> bool {
        match self.header("origin") {
            None => true,
            Some(origin) => origin
                .strip_prefix("http://")
                .is_some_and(|host| self.hosts.allows(host)),
        }
    }

    /// Sends a whole response (the body left out for HEAD) and closes the connection.
    pub(crate) fn respond(
        self,
        status: u16,
        content_type: &str,
        body: &[u8],
        extra: &[(&str, &str)],
    ) {
        let mut stream = self.stream;
        let head = response_head(status, content_type, body.len(), extra);
        let sent = stream.write_all(head.as_bytes()).and_then(|()| {
            if self.method == "HEAD" {
                Ok(())
            } else {
                stream.write_all(body)
            }
        });
        // A reader who closed the tab is no error of ours.
        let _ = sent.and_then(|()| stream.flush());
    }

    /// The connection, for a response written as it goes (the event stream); it stays
    /// counted as open until the returned writer is dropped.
    pub(crate) fn into_writer(self) -> impl Write {
        Writer {
            stream: self.stream,
            _open: self._open,
        }
    }
}

struct Writer {
    stream: TcpStream,
    _open: OpenGuard,
}

impl Write for Writer {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.stream.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.stream.flush()
    }
}

/// The host names a request may address: the loopback names, the address listened on, and
/// (when listening on every interface) any IP address; never another name, which is what a
/// DNS-rebinding page sends. A port, when given, must be ours.
#[derive(Debug, Clone)]
struct Hosts {
    port: u16,
    names: Vec<String>,
    any_ip: bool,
}

impl Hosts {
    fn for_address(addr: SocketAddr) -> Hosts {
        let mut names = vec!["localhost".to_string(), "127.0.0.1".into(), "[::1]".into()];
        names.push(match addr.ip() {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => format!("[{ip}]"),
        });
        Hosts {
            port: addr.port(),
            names,
            any_ip: addr.ip().is_unspecified(),
        }
    }

    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            Some((name, port)) if !port.contains(']') => (name, Some(port)),
            _ => (host.as_str(), None),
        };
        if port.is_some_and(|p| p.parse::<u16>() != Ok(self.port)) {
            return false;
        }
        let ip_literal = name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok();
        self.names.iter().any(|n| *n == name) || (self.any_ip && ip_literal)
    }
}

#[cfg(test)]
mod tests;
