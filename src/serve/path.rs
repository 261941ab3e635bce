//! Request targets to routes: percent-decoded, checked, and refused (404) when they could
//! leave the preview's tree. The server never opens a file named by a URL: a route is only a
//! key into the pages held in memory, so these checks are a second wall, not the only one.

/// The path of the Server-Sent Events stream that tells pages to reload.
pub(crate) const EVENTS_PATH: &str = "/__clerk/events";

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    /// `/` or `/index.html`.
    Index,
    /// The reload events.
    Events,
    /// A paper's output, by its path relative to the output folder (`a/b.html`).
    Output(String),
}

/// A checked request: the route and the query words the preview understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// What is asked for.
    pub(crate) route: Route,
    /// `?last-good`: a failing paper's last good render rather than its diagnostics.
    pub(crate) last_good: bool,
    /// `?since=ID` on the event stream: the id of the change the page was served at.
    pub(crate) since: Option<String>,
}

/// The query that shows a failing paper's last good render.
pub(crate) const LAST_GOOD_QUERY: &str = "last-good";

/// Parses a request target (`/a/b.html?last-good`). `None` means "refuse with 404": not an
/// origin-form path, a bad or encoded escape out of the tree (`..`, `%2e%2e`, `.`), an
/// encoded slash (`%2f`), a
/// backslash (raw or `%5c`), an empty segment (`//etc`), a `:` on Windows (a drive letter),
/// a NUL or other control character, a hidden name, or text that is not UTF-8. A path
/// ending in `/` is the folder's `index.html`.
pub(crate) fn parse(target: &str) -> Option<Target> {
    let (raw, query) = target.split_once('?').unwrap_or((target, ""));
    let last_good = query.split('&').any(|q| q == LAST_GOOD_QUERY);
    let since = query
        .split('&')
        .find_map(|q| q.strip_prefix("since="))
        .map(str::to_string);
    // An encoded `/` names no file (a name cannot hold one), and read as a separator it
    // would serve a page whose relative links lead from the wrong folder.
    if !raw.starts_with('/') || raw.contains('\\') || raw.contains("%2f") || raw.contains("%2F") {
        return None;
    }
    let path = percent_decode(raw)?;
    if path == "/" || path == "/index.html" {
        return Some(Target {
            route: Route::Index,
            last_good,
            since,
        });
    }
    if path == EVENTS_PATH {
        return Some(Target {
            route: Route::Events,
            last_good,
            since,
        });
    }
    // A folder (`/meetings/x/`) is its `index.html`.
    let rel = match path[1..].strip_suffix('/') {
        Some(folder) => format!("{folder}/index.html"),
        None => path[1..].to_string(),
    };
    // A `:` is a drive letter on Windows only; elsewhere a paper may be named `a:b.md`.
    let refused = |seg: &str| {
        seg.is_empty()
            || seg.starts_with('.')
            || seg.contains(['\\', '\0'])
            || (cfg!(windows) && seg.contains(':'))
            || seg.chars().any(char::is_control)
    };
    if rel.split('/').any(refused) || rel.starts_with("__clerk") {
        return None;
    }
    Some(Target {
        route: Route::Output(rel),
        last_good,
        since,
    })
}

/// Decodes `%XX` escapes; `None` for a malformed escape (`%2`, `%zz`: the decoder would
/// keep them as they are) or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let well_formed = s.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    well_formed
        .then(|| percent_encoding::percent_decode_str(s).decode_utf8().ok())
        .flatten()
        .map(|decoded| decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(t: &str) -> Option<String> {
        match parse(t)?.route {
            Route::Output(p) => Some(p),
            other => panic!("{t}: {other:?}"),
        }
    }

    #[test]
    fn index_events_and_outputs() {
        assert_eq!(parse("/").unwrap().route, Route::Index);
        assert_eq!(parse("/index.html?x=1").unwrap().route, Route::Index);
        assert_eq!(parse(EVENTS_PATH).unwrap().route, Route::Events);
        assert_eq!(output("/a/b.html").as_deref(), Some("a/b.html"));
        assert_eq!(
            output("/a%20b/caf%C3%A9.html").as_deref(),
            Some("a b/café.html")
        );
        let t = parse("/a.html?last-good").unwrap();
        assert!(t.last_good);
        assert!(!parse("/a.html?last-goods").unwrap().last_good);
        let events = parse("/__clerk/events?since=ab-3").unwrap();
        assert_eq!(
            (events.route, events.since.as_deref()),
            (Route::Events, Some("ab-3"))
        );
    }

    #[test]
    fn refuses_everything_that_could_leave_the_tree() {
        for bad in [
            "/../Cargo.toml",
            "/a/../../x",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E/x",
            "/a/%2e%2e/%2e%2e/x",
            "/..\\x",
            "/a\\b.html",
            "/a%5cb.html",
            "/a%5Cb.html",
            "/resources%2fa.html",
            "/resources%2Fa.html",
            "//etc/passwd",
            "/a//b.html",
            "/./a.html",
            "/.git/config",
            "/a/.hidden.html",
            "/a%00.html",
            "/%ff.html",
            "/%2",
            "/%zz",
            "/%+f.html",
            "/a%2",
            "etc/passwd",
            "http://example.org/a.html",
            "*",
            "",
            "/__clerk/other",
        ] {
            assert_eq!(parse(bad), None, "{bad:?} must be refused");
        }
        // A drive letter, on Windows; elsewhere `:` is a character of a file name.
        for drive in ["/C:/Windows/win.ini", "/c%3a/x"] {
            assert_eq!(parse(drive).is_none(), cfg!(windows), "{drive:?}");
        }
    }

    #[test]
    fn a_colon_names_a_file_and_a_slash_a_folders_page() {
        let route = |t: &str| parse(t).map(|t| t.route);
        if !cfg!(windows) {
            assert_eq!(
                route("/odd/colon%3A50%25.html"),
                Some(Route::Output("odd/colon:50%.html".into()))
            );
        }
        assert_eq!(
            route("/meetings/2026-05-19-resources-committee/"),
            Some(Route::Output(
                "meetings/2026-05-19-resources-committee/index.html".into()
            ))
        );
        assert_eq!(route("/"), Some(Route::Index));
        assert_eq!(route("/a//"), None);
    }
}
