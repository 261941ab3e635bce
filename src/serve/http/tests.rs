use super::*;

fn hosts(addr: &str) -> Hosts {
    Hosts::for_address(addr.parse().unwrap())
}

#[test]
fn loopback_names_with_our_port_are_ours() {
    let h = hosts("127.0.0.1:4000");
    for ok in [
        "127.0.0.1:4000",
        "localhost:4000",
        "LOCALHOST:4000",
        "[::1]:4000",
        "localhost",
    ] {
        assert!(h.allows(ok), "{ok}");
    }
}

#[test]
fn another_name_or_port_is_refused() {
    let h = hosts("127.0.0.1:4000");
    for bad in [
        "attacker.example:4000",
        "attacker.example",
        "localhost:4001",
        "127.0.0.1:80",
        "127.0.0.2:4000",
        "localhost.attacker.example:4000",
        "",
    ] {
        assert!(!h.allows(bad), "{bad}");
    }
}

#[test]
fn every_interface_allows_ip_literals_but_no_names() {
    let h = hosts("0.0.0.0:4000");
    assert!(h.allows("192.0.2.7:4000"));
    assert!(h.allows("[2001:db8::1]:4000"));
    assert!(!h.allows("intranet.example:4000"));
}

#[test]
fn a_request_head_parses_into_method_target_and_headers() {
    let head = b"GET /a.html?last-good HTTP/1.1\r\nHost: localhost:4000\r\nX-Two: b\r\n\r\n";
    let end = find_blank_line(head).unwrap();
    let (method, target, headers) = parse_head(&head[..end]).unwrap();
    assert_eq!(
        (method.as_str(), target.as_str()),
        ("GET", "/a.html?last-good")
    );
    assert_eq!(
        headers[0],
        ("host".to_string(), "localhost:4000".to_string())
    );
    assert!(parse_head(b"GET http://x/ HTTP/1.1").is_none());
    assert!(parse_head(b"GARBAGE").is_none());
}

#[test]
fn connections_over_the_cap_are_not_taken() {
    let open = Arc::new(AtomicUsize::new(0));
    let guards: Vec<_> = (0..MAX_CONNECTIONS)
        .map(|_| OpenGuard::take(&open).expect("under the cap"))
        .collect();
    assert!(OpenGuard::take(&open).is_none());
    drop(guards);
    assert_eq!(open.load(Ordering::SeqCst), 0);
    assert!(OpenGuard::take(&open).is_some());
}
