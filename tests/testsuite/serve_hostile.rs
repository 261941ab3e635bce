//! `clerk serve` against a hostile network, on loopback only and with every loop bounded: a
//! DNS-rebinding page (another site's name in `Host`, another origin on the event stream),
//! a slow or huge request head, and more connections than it will hold.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::serve::{Serve, wait_for};
use crate::common::*;

fn project() -> tempfile::TempDir {
    temp_project("repo")
}

/// Reads what the server sends until it closes, within `limit`.
fn read_all(stream: &mut TcpStream, limit: Duration) -> String {
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn a_request_for_another_host_is_refused_and_ours_are_answered() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let port = serve.addr.port();
    let ask = |host: &str| {
        serve.raw(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    };
    for theirs in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
        format!("localhost:{}", port.wrapping_add(1)),
    ] {
        let reply = ask(&theirs);
        assert_eq!(reply.status, 421, "Host: {theirs} → {reply:?}");
        assert!(!reply.body.contains("Committee papers"), "{}", reply.body);
    }
    for ours in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
    ] {
        assert_eq!(ask(&ours).status, 200, "Host: {ours}");
    }
    let no_host = serve.raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(no_host.status, 400);
    // Two Hosts, ours first: which one is meant cannot be told (RFC 9112 3.2).
    let two = serve.raw(&format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(two.status, 400, "{two:?}");
    // Lines ended by a bare LF are lines (RFC 9112 2.2): answered, not left to time out.
    let lf = serve.raw(&format!(
        "GET / HTTP/1.1\nHost: 127.0.0.1:{port}\nConnection: close\n\n"
    ));
    assert_eq!(lf.status, 200, "{lf:?}");
}

#[test]
fn the_event_stream_refuses_another_origin() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let port = serve.addr.port();
    let reply = serve.raw(&format!(
        "GET /__clerk/events HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: http://attacker.example\r\n\r\n"
    ));
    assert_eq!(reply.status, 403, "{reply:?}");
    // A page of the preview itself may open it.
    let mut s = TcpStream::connect(serve.addr).unwrap();
    let request = format!(
        "GET /__clerk/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n"
    );
    s.write_all(request.as_bytes()).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut head = [0u8; 64];
    let n = s.read(&mut head).unwrap();
    assert!(String::from_utf8_lossy(&head[..n]).starts_with("HTTP/1.1 200"));
}

#[test]
fn a_huge_request_head_is_refused_without_reading_it_all() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let mut s = TcpStream::connect(serve.addr).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ");
    // 1 MiB of header, sent until the server answers and stops reading.
    let chunk = vec![b'a'; 16 * 1024];
    for _ in 0..64 {
        if s.write_all(&chunk).is_err() {
            break;
        }
    }
    let reply = read_all(&mut s, Duration::from_secs(20));
    assert!(reply.starts_with("HTTP/1.1 431"), "{reply:.200}");
}

#[test]
fn a_client_that_sends_nothing_is_dropped_after_the_head_timeout() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let mut s = TcpStream::connect(serve.addr).unwrap();
    let start = Instant::now();
    let got = read_all(&mut s, Duration::from_secs(30));
    let waited = start.elapsed();
    assert!(got.is_empty(), "{got}");
    // Closed by the server (5 s), not by our own 30 s read limit.
    assert!(waited < Duration::from_secs(25), "held for {waited:?}");
}

#[test]
fn connections_beyond_the_cap_are_answered_503_and_the_server_recovers() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    // 64 half-open connections (the cap), each sending half a request line.
    let held: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut s = TcpStream::connect(serve.addr).unwrap();
            s.write_all(b"GET / HT").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let reply = serve.get("/");
    assert_eq!(reply.status, 503, "{reply:?}");
    drop(held);
    let recovered = wait_for(Duration::from_secs(20), || {
        (serve.get("/").status == 200).then_some(())
    });
    assert!(recovered.is_some(), "the server did not recover");
}
