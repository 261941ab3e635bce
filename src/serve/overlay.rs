//! What the preview adds to the pages it serves, at response time and never in the files
//! `clerk build` writes: the live-reload script, the error overlay (every diagnostic with its
//! place, message, help and the source lines around it), the warnings box, the index's
//! status panel, and whole pages for a paper that has never built.

use std::fmt::Write as _;
use std::path::Path;

use super::path::{EVENTS_PATH, LAST_GOOD_QUERY};
use crate::diag::{Diagnostic, Location, Severity, Sources};
use crate::render::escape;

/// The script added before `</body>`: reloads the page when its own path (or `*`,
/// everything) is among the changed paths of a reload event. `since` is the id of the last
/// change the page includes, so a change made before it listens is not missed.
///
/// One event stream serves every tab of the preview: a browser opens at most six
/// connections to a host and each stream holds one, so a seventh tab would never load. The
/// tab holding the `clerk-live-reload` lock listens and passes each event on over a
/// `BroadcastChannel`; a tab that opens asks it for the last change it has seen, and reloads
/// if that is newer than its own (as the stream tells a page served before a change). Every
/// tab hears the answer: one that has heard of that change already (and reloaded for it
/// only if its page changed) stays as it is; when
/// that tab goes, the next takes the lock and listens from the last change it heard of. A
/// browser without locks or channels gives each tab its own stream.
pub(crate) fn reload_script(since: &str) -> String {
    RELOAD_SCRIPT
        .replace("SINCE", &escape(since))
        .replace("EVENTS", EVENTS_PATH)
}

const RELOAD_SCRIPT: &str = r#"<script id="clerk-live-reload">(() => {
const here = () => { const p = decodeURIComponent(location.pathname);
return p.endsWith('/') ? p + 'index.html' : p; };
const since = 'SINCE';
let latest = since, leader = false;
const act = (paths) => { if (paths.includes('*') || paths.includes(here())) location.reload(); };
const part = (id) => { const i = id.lastIndexOf('-'); return [id.slice(0, i), Number(id.slice(i + 1))]; };
const after = (x, y) => { const [a, n] = part(x), [b, m] = part(y); return a !== b || n > m; };
const heard = (id) => { if (after(id, latest)) latest = id; };
const listen = (tell) => {
const events = new EventSource('EVENTS?since=' + encodeURIComponent(latest));
events.addEventListener('reload', (e) => {
const paths = JSON.parse(e.data);
heard(e.lastEventId || latest);
tell({ id: latest, paths });
act(paths);
});
};
if (!window.BroadcastChannel || !(navigator.locks && navigator.locks.request)) { listen(() => {}); return; }
const channel = new BroadcastChannel('clerk-live-reload');
channel.onmessage = (e) => {
const m = e.data || {};
if (m.hello !== undefined) { if (leader) channel.postMessage({ latest }); return; }
if (m.latest !== undefined) { if (!leader && after(m.latest, latest)) location.reload(); return; }
if (m.id !== undefined) { heard(m.id); if (after(m.id, since)) act(m.paths); }
};
navigator.locks.request('clerk-live-reload', () => {
leader = true;
listen((m) => channel.postMessage(m));
return new Promise(() => {});
});
channel.postMessage({ hello: since });
})();</script>
"#;

const STYLE: &str = "<style>
#clerk-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#1b1b1b;font:16px/1.45 system-ui,sans-serif;padding:1.5rem}
#clerk-overlay .clerk-box{max-width:60rem;margin:0 auto}
#clerk-overlay h2{font-size:1.5rem;margin:0 0 .5rem;color:#a4000f}
#clerk-overlay a{color:#1d4ed8}
.clerk-diag{border-left:6px solid #a4000f;background:#fdf2f2;padding:.5rem 1rem;margin:1rem 0}
.clerk-diag.clerk-warning{border-color:#8a5300;background:#fff8e6}
.clerk-diag h3{font-size:1rem;margin:.25rem 0}
.clerk-diag p{margin:.35rem 0}
.clerk-diag pre{background:#fff;border:1px solid #ddd;padding:.5rem;overflow:auto;font:14px/1.4 ui-monospace,monospace;margin:.5rem 0}
.clerk-diag .clerk-hl{background:#ffe3e3;font-weight:bold}
.clerk-diag .clerk-marker{color:#a4000f;font-weight:bold}
#clerk-banner{position:sticky;top:0;z-index:2147483646;background:#fff8e6;color:#1b1b1b;border-bottom:3px solid #8a5300;padding:.5rem 1rem;font:16px/1.4 system-ui,sans-serif}
#clerk-warnings{position:fixed;right:1rem;bottom:1rem;z-index:2147483646;max-width:40rem;max-height:70vh;overflow:auto;background:#fff;color:#1b1b1b;border:2px solid #8a5300;padding:.25rem .75rem;font:15px/1.4 system-ui,sans-serif}
#clerk-warnings summary{cursor:pointer;font-weight:bold}
#clerk-status{border:2px solid #555;padding:.25rem 1rem;margin:1rem;font:15px/1.4 system-ui,sans-serif}
#clerk-status summary{cursor:pointer;font-weight:bold}
#clerk-status table{border-collapse:collapse;margin:.5rem 0}
#clerk-status td,#clerk-status th{border-bottom:1px solid #ddd;padding:.2rem .75rem .2rem 0;text-align:left}
#clerk-status .clerk-errors{color:#a4000f;font-weight:bold}
</style>
";

/// A page's (or the project's) diagnostics, split into errors and warnings and rendered to
/// HTML once, when the page is built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Notes {
    /// How many errors.
    pub(crate) errors: usize,
    /// How many warnings.
    pub(crate) warnings: usize,
    /// Every error as an `<article>`.
    pub(crate) errors_html: String,
    /// Every warning as an `<article>`.
    pub(crate) warnings_html: String,
}

impl Notes {
    /// Renders `diags`, each with the lines around it from its file's text in `sources`.
    pub(crate) fn new(diags: &[Diagnostic], sources: &Sources) -> Notes {
        let mut notes = Notes::default();
        for d in diags {
            let (count, html) = match d.severity {
                Severity::Error | Severity::Internal => (&mut notes.errors, &mut notes.errors_html),
                Severity::Warning => (&mut notes.warnings, &mut notes.warnings_html),
            };
            *count += 1;
            diagnostic_html(html, d, sources);
        }
        notes
    }

    /// These and `other`, in that order.
    pub(crate) fn plus(&self, other: &Notes) -> Notes {
        Notes {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
            errors_html: format!("{}{}", self.errors_html, other.errors_html),
            warnings_html: format!("{}{}", self.warnings_html, other.warnings_html),
        }
    }
}

/// One diagnostic: severity, code and `file:line:col`, message, the source lines around it
/// with a marker under the column, and the help.
fn diagnostic_html(out: &mut String, d: &Diagnostic, sources: &Sources) {
    let label = if d.is_error() { "error" } else { "warning" };
    let at = d.locate(sources);
    let _ = write!(
        out,
        "<article class=\"clerk-diag clerk-{label}\"><h3>{label}[{}]: <code>{}</code></h3><p>{}</p>",
        escape(d.code),
        escape(&d.place(&at)),
        escape(&d.message)
    );
    let lines = context_lines(&at, sources.get(&d.file));
    if !lines.is_empty() {
        let width = lines.last().map_or(1, |(n, _)| n.to_string().len());
        out.push_str("<pre><code>");
        for (n, text) in &lines {
            let text = text.replace('\t', " ");
            if *n == at.line {
                let _ = writeln!(
                    out,
                    "<span class=\"clerk-hl\">{n:>width$} | {}</span>",
                    escape(&text)
                );
                if at.column > 0 {
                    let marker = format!(
                        "{} | {}{}",
                        " ".repeat(width),
                        " ".repeat(at.column - 1),
                        "^".repeat(at.width.max(1))
                    );
                    let _ = writeln!(out, "<span class=\"clerk-marker\">{marker}</span>");
                }
            } else {
                let _ = writeln!(out, "{n:>width$} | {}", escape(&text));
            }
        }
        out.push_str("</code></pre>");
    }
    if let Some(help) = &d.help {
        let _ = write!(out, "<p><strong>help:</strong> {}</p>", escape(help));
    }
    out.push_str("</article>\n");
}

/// The diagnostic's line and up to two lines either side, from its file's `text`.
fn context_lines(at: &Location, text: Option<&str>) -> Vec<(usize, String)> {
    let Some(text) = text.filter(|_| at.line > 0) else {
        return Vec::new();
    };
    let first = at.line.saturating_sub(2).max(1);
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.to_string()))
        .skip(first - 1)
        .take(at.line + 3 - first)
        .collect()
}

/// The error overlay for a page: the project's errors, then the page's own, over the whole
/// window; `last_good` (the page's own path) offers the last good render one click away.
/// Empty when there is no error.
pub(crate) fn overlay(site: &Notes, page: &Notes, last_good: Option<&str>) -> String {
    let errors = site.errors + page.errors;
    if errors == 0 {
        return String::new();
    }
    let mut out = String::from(STYLE);
    let _ = write!(
        out,
        "<section id=\"clerk-overlay\" aria-labelledby=\"clerk-overlay-title\"><div class=\"clerk-box\">\
         <h2 id=\"clerk-overlay-title\">{} – the preview is not up to date</h2>\
         <p>Fix the source and save: this page reloads by itself.",
        plural(errors, "error")
    );
    match last_good {
        Some(href) => {
            let _ = write!(
                out,
                " <a href=\"{}?{LAST_GOOD_QUERY}\">Show the last good version</a>",
                escape(href)
            );
        }
        None => out.push_str(" There is no good version of this page yet."),
    }
    out.push_str("</p>\n");
    out.push_str(&site.errors_html);
    out.push_str(&page.errors_html);
    out.push_str("</div></section>\n");
    out
}

/// The bar over a failing page's last good render, linking back to its errors.
pub(crate) fn last_good_banner(errors: usize, href: &str) -> String {
    format!(
        "{STYLE}<div id=\"clerk-banner\" role=\"status\">This is the last good version of this \
         page. It now has {}: <a href=\"{}\">show them</a>.</div>\n",
        plural(errors, "error"),
        escape(href)
    )
}

/// A small box in a corner listing the warnings, closed until opened. Empty when none.
pub(crate) fn warnings_box(site: &Notes, page: &Notes) -> String {
    let warnings = site.warnings + page.warnings;
    if warnings == 0 {
        return String::new();
    }
    format!(
        "{STYLE}<details id=\"clerk-warnings\"><summary>{}</summary>{}{}</details>\n",
        plural(warnings, "warning"),
        site.warnings_html,
        page.warnings_html
    )
}

/// One row of the index's status panel.
#[derive(Debug)]
pub(crate) struct StatusRow<'a> {
    /// The source shown, `papers/a.md`.
    pub(crate) source: &'a Path,
    /// Link to the paper's page, relative to the index.
    pub(crate) href: &'a str,
    /// Its notes.
    pub(crate) notes: &'a Notes,
}

/// The index's panel listing every paper with its state (ok, warnings, errors); open when a
/// paper has errors.
pub(crate) fn status_panel(rows: &[StatusRow<'_>]) -> String {
    let failed = rows.iter().filter(|r| r.notes.errors > 0).count();
    let warned = rows
        .iter()
        .filter(|r| r.notes.errors == 0 && r.notes.warnings > 0)
        .count();
    let ok = rows.len() - failed - warned;
    let mut out = String::from(STYLE);
    let _ = write!(
        out,
        "<details id=\"clerk-status\"{}><summary>Preview of {}: {ok} ok, {warned} with warnings, \
         {failed} with errors</summary>\n<table><thead><tr><th scope=\"col\">Paper</th>\
         <th scope=\"col\">State</th></tr></thead><tbody>\n",
        if failed > 0 { " open" } else { "" },
        plural(rows.len(), "paper")
    );
    for r in rows {
        let state = match (r.notes.errors, r.notes.warnings) {
            (0, 0) => "<td>ok</td>".to_string(),
            (0, w) => format!("<td>{}</td>", plural(w, "warning")),
            (e, _) => format!("<td class=\"clerk-errors\">{}</td>", plural(e, "error")),
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a></td>{state}</tr>",
            escape(r.href),
            escape(&r.source.display().to_string())
        );
    }
    out.push_str("</tbody></table></details>\n");
    out
}

/// A whole page for what has no render to show: a paper that never built, a missing page.
pub(crate) fn standalone(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – clerk preview</title>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// Adds `top` just after the opening `<body …>` tag and `bottom` just before `</body>`
/// (at the start and the end when there is no such tag).
pub(crate) fn inject(html: &[u8], top: &str, bottom: &str) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let find = |needle: &[u8], from: usize| {
        lower[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let after_body = find(b"<body", 0)
        .and_then(|i| html[i..].iter().position(|&b| b == b'>').map(|j| i + j + 1))
        .unwrap_or(0);
    let before_end = lower
        .windows(7)
        .rposition(|w| w == b"</body>")
        .filter(|&i| i >= after_body)
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + top.len() + bottom.len());
    out.extend_from_slice(&html[..after_body]);
    out.extend_from_slice(top.as_bytes());
    out.extend_from_slice(&html[after_body..before_end]);
    out.extend_from_slice(bottom.as_bytes());
    out.extend_from_slice(&html[before_end..]);
    out
}

fn plural(n: usize, word: &str) -> String {
    crate::report::plural(n, word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_script_listens_from_the_change_the_page_was_served_at() {
        let script = reload_script("ab-3");
        assert!(script.contains("const since = 'ab-3';"), "{script}");
        assert!(
            script
                .contains("new EventSource('/__clerk/events?since=' + encodeURIComponent(latest))"),
            "{script}"
        );
        assert!(script.starts_with("<script") && script.ends_with("</script>\n"));
    }

    #[test]
    fn injects_after_body_and_before_its_end() {
        let page = b"<html><BODY class=\"x\"><p>hi</p></body></html>";
        let out = String::from_utf8(inject(page, "<T>", "<B>")).unwrap();
        assert_eq!(out, "<html><BODY class=\"x\"><T><p>hi</p><B></body></html>");
        let bare = String::from_utf8(inject(b"<p>x</p>", "<T>", "<B>")).unwrap();
        assert_eq!(bare, "<T><p>x</p><B>");
    }

    #[test]
    fn a_diagnostic_shows_place_message_help_and_lines_around_it() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("papers")).unwrap();
        let text = "---\nmeeting: M\ndate: 2021-02-30\ntitle: <T>\n---\nbody\n";
        std::fs::write(tmp.path().join("papers/p.md"), text).unwrap();
        let file = PathBuf::from("papers/p.md");
        let d =
            Diagnostic::at("bad-date", &file, 21..31, "not a real date").with_help("check the day");
        let notes = Notes::new(
            &[d, Diagnostic::file_error("x", &file, "w").warning()],
            &Sources::of(&file, text),
        );
        assert_eq!((notes.errors, notes.warnings), (1, 1));
        let html = &notes.errors_html;
        assert!(html.contains("<code>papers/p.md:3:7</code>"), "{html}");
        assert!(
            html.contains("not a real date") && html.contains("check the day"),
            "{html}"
        );
        for line in [
            "1 | ---",
            "2 | meeting: M",
            "4 | title: &lt;T&gt;",
            "5 | ---",
        ] {
            assert!(html.contains(line), "{line} in {html}");
        }
        assert!(!html.contains("6 | body"), "{html}");
        assert!(html.contains("  |       ^^^^^^^^^^"), "{html}");
        let o = overlay(&Notes::default(), &notes, Some("/p.html"));
        assert!(
            o.contains("1 error") && o.contains("href=\"/p.html?last-good\""),
            "{o}"
        );
        assert!(overlay(&Notes::default(), &Notes::default(), None).is_empty());
        assert!(warnings_box(&Notes::default(), &notes).contains("1 warning"));
    }
}
