//! The HTTP side, on plain threads behind [`super::http`]'s limits and host check. Serves
//! the index, each paper's page and its lazily built formats from the current [`Site`] in
//! memory (never a file named by a URL), adds the reload script and the error overlay to the
//! HTML it sends, and streams reload events over Server-Sent Events. GET and HEAD only.

use std::io::Write;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::http::{HttpServer, Request};
use super::overlay;
use super::path::{self, Route};
use super::rebuild::render_lazy;
use super::site::{Changed, EAGER, PaperEntry, Shared, Site, Wait};
use crate::render::OutputFormat;

/// How often an idle event stream sends a comment, to notice a closed tab.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Serves requests on their own threads until the server is unblocked.
pub(crate) fn spawn(
    server: Arc<HttpServer>,
    shared: Arc<Shared>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("clerk-serve".into())
        .spawn(move || server.serve(Arc::new(move |request| handle(request, &shared))))
}

/// A response body and its content type, before the common headers.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
    /// Where a redirect points (`Location`).
    location: Option<String>,
}

impl Reply {
    fn html(status: u16, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body,
            allow: false,
            location: None,
        }
    }
}

fn handle(request: Request, shared: &Shared) {
    let head_or_get = matches!(request.method.as_str(), "GET" | "HEAD");
    if !head_or_get {
        let reply = Reply {
            status: 405,
            content_type: "text/plain; charset=utf-8",
            body: b"clerk serve answers GET and HEAD only\n".to_vec(),
            allow: true,
            location: None,
        };
        return respond(request, reply);
    }
    let (site, since) = shared.snapshot();
    let view = View {
        site: &site,
        script: overlay::reload_script(&since),
    };
    let Some(target) = path::parse(&request.target) else {
        return respond(request, view.not_found());
    };
    let reply = match &target.route {
        Route::Events if !request.same_origin() => Reply {
            status: 403,
            content_type: "text/plain; charset=utf-8",
            body: b"the reload events are for pages of this preview only\n".to_vec(),
            allow: false,
            location: None,
        },
        Route::Events if request.method == "GET" => {
            return events(request, shared, target.since);
        }
        Route::Events => Reply {
            status: 200,
            content_type: "text/event-stream",
            body: Vec::new(),
            allow: false,
            location: None,
        },
        Route::Index => view.index(target.last_good),
        Route::Output(rel) if site.meetings.contains_key(rel.as_str()) => {
            view.meeting(rel, target.last_good)
        }
        Route::Output(rel) if site.meeting_files.contains_key(rel.as_str()) => {
            meeting_file(rel, &site.meeting_files[rel.as_str()])
        }
        Route::Output(rel) if site.packs.contains_key(rel.as_str()) => view.pack(shared, rel),
        Route::Output(rel) => match site.output(rel) {
            Some((entry, format)) if format == EAGER => view.paper(entry, target.last_good),
            Some((entry, format)) => view.lazy(shared, entry, format),
            // A folder asked for without its slash: there, so its page's links resolve.
            None if site.meetings.contains_key(&format!("{rel}/index.html"))
                || site.output(&format!("{rel}/index.html")).is_some() =>
            {
                // The query goes along (`?last-good`), as the page asked for it.
                let query = (request.target.split_once('?'))
                    .map(|(_, q)| q)
                    .filter(|q| q.bytes().all(|b| b.is_ascii_graphic()))
                    .map_or(String::new(), |q| format!("?{q}"));
                redirect(&format!(
                    "/{}/{query}",
                    crate::output::href(std::path::Path::new(rel))
                ))
            }
            None => view.not_found(),
        },
    };
    respond(request, reply);
}

/// A permanent redirect to `to` (a path of this preview).
fn redirect(to: &str) -> Reply {
    Reply {
        status: 301,
        content_type: "text/plain; charset=utf-8",
        body: format!("moved to {to}\n").into_bytes(),
        allow: false,
        location: Some(to.to_string()),
    }
}

/// A meeting's `agenda.pdf`, or `meetings.ics`, as built.
fn meeting_file(rel: &str, bytes: &[u8]) -> Reply {
    let content_type = if rel.ends_with(".ics") {
        "text/calendar; charset=utf-8"
    } else {
        "application/pdf"
    };
    Reply {
        status: 200,
        content_type,
        body: bytes.to_vec(),
        allow: false,
        location: None,
    }
}

fn respond(request: Request, reply: Reply) {
    let mut extra: Vec<(&str, &str)> = Vec::new();
    if reply.allow {
        extra.push(("Allow", "GET, HEAD"));
    }
    if let Some(to) = &reply.location {
        extra.push(("Location", to));
    }
    request.respond(reply.status, reply.content_type, &reply.body, &extra);
}

/// One snapshot of the site, and the reload script that follows changes from it.
struct View<'a> {
    site: &'a Site,
    script: String,
}

impl View<'_> {
    /// The index, with the status of every paper and the project's errors over it.
    fn index(&self, last_good: bool) -> Reply {
        let site = self.site;
        let page = &site.index;
        let notes = site.project_notes.plus(&page.notes);
        let top = self.top(page.good.is_some(), &notes, "/", last_good);
        let top = format!("{top}{}", site.status_panel);
        match &page.good {
            Some(good) => Reply::html(200, overlay::inject(good, &top, &self.bottom(&notes))),
            None => self.no_render(&site.project.house.words.committee_papers, &top),
        }
    }

    /// What goes under a page with `notes` (and the project's): the warnings, closed until
    /// opened, and the reload script.
    fn bottom(&self, notes: &overlay::Notes) -> String {
        let warnings = overlay::warnings_box(&self.site.notes, notes);
        format!("{warnings}{}", self.script)
    }

    /// A meeting's page, with the project's problems over it (of the meeting files, its
    /// own file's only) and its last good render one click away.
    fn meeting(&self, rel: &str, last_good: bool) -> Reply {
        let page = &self.site.meetings[rel];
        let here = format!("/{rel}");
        let project = self.site.meeting_notes.get(rel);
        let notes = project
            .unwrap_or(&self.site.project_notes)
            .plus(&page.notes);
        let mut top = self.top(page.good.is_some(), &notes, &here, last_good);
        top.push_str(&self.private_pack_link(rel));
        match &page.good {
            Some(good) => Reply::html(200, overlay::inject(good, &top, &self.bottom(&notes))),
            None => self.no_render("A meeting", &top),
        }
    }

    /// For the meeting page at `rel` whose meeting has a private pack, a line linking it:
    /// the preview is the secretariat's, whose reviewers read that pack too, though the
    /// page published never links it. Empty for a meeting without one.
    fn private_pack_link(&self, rel: &str) -> String {
        use crate::render::pdf::pack::PackKind;
        let Some(dir) = rel.strip_suffix(crate::meeting::PAGE_FILE) else {
            return String::new();
        };
        let file = PackKind::Private.file_name();
        if !self.site.packs.contains_key(&format!("{dir}{file}")) {
            return String::new();
        }
        let name = PackKind::Private.name(&self.site.project.house.words);
        format!(
            "<aside id=\"clerk-private-pack\" aria-label=\"Preview only\" style=\"margin:1rem;font:16px/1.4 system-ui,sans-serif\"><p>In this preview only, for the secretariat: <a href=\"{file}\">{}</a> (the published page does not link it).</p></aside>\n",
            crate::render::escape(name)
        )
    }

    /// What goes over a page at `here` with `notes` (and the project's): nothing without
    /// errors; else the errors, with its last good render (when it has one) a click away,
    /// or, asked for that (`last_good`), a bar linking back to them.
    fn top(&self, has_good: bool, notes: &overlay::Notes, here: &str, last_good: bool) -> String {
        let site = self.site;
        let errors = site.notes.errors + notes.errors;
        if errors == 0 {
            String::new()
        } else if has_good && last_good {
            overlay::last_good_banner(errors, here)
        } else {
            overlay::overlay(&site.notes, notes, has_good.then_some(here))
        }
    }

    /// A paper's page: its render; over it, when it fails, the errors with the last good
    /// render one click away (`?last-good`); without a good render, the errors alone.
    fn paper(&self, entry: &PaperEntry, last_good: bool) -> Reply {
        let site = self.site;
        let here = format!("/{}", entry.href());
        // Its own, and what the meeting files and cross-checks say of it.
        let notes = match site.paper_notes.get(&entry.report.source.display) {
            Some(about) => &entry.page.notes.plus(about),
            None => &entry.page.notes,
        };
        let Some(good) = &entry.page.good else {
            let title = entry
                .report
                .meta
                .as_ref()
                .map_or("A paper", |m| m.title.as_str());
            return self.no_render(title, &overlay::overlay(&site.notes, notes, None));
        };
        let top = self.top(true, notes, &here, last_good);
        Reply::html(200, overlay::inject(good, &top, &self.bottom(notes)))
    }

    /// A page for what has no good render yet: the errors, and the reload script.
    fn no_render(&self, title: &str, top: &str) -> Reply {
        let page = overlay::standalone(title, "");
        Reply::html(200, overlay::inject(page.as_bytes(), top, &self.script))
    }

    /// 404, with the reload script: the page appears when its paper does.
    fn not_found(&self) -> Reply {
        let body = overlay::standalone(
            "Not found",
            "<h1>Not found</h1>\n<p>There is no such page in this preview. \
             <a href=\"/\">See the list of papers</a>.</p>\n",
        );
        Reply::html(404, overlay::inject(body.as_bytes(), "", &self.script))
    }

    /// A meeting's pack, built on first request from its papers' PDFs (each built on
    /// request too, and cached) and kept until the meeting or one of its papers changes.
    fn pack(&self, shared: &Shared, rel: &str) -> Reply {
        let Some(built) = super::packs::pack(self.site, shared, rel) else {
            return self.not_found();
        };
        let site = self.site;
        match built {
            Ok(bytes) => Reply {
                status: 200,
                content_type: "application/pdf",
                body: bytes.to_vec(),
                allow: false,
                location: None,
            },
            Err(notes) => {
                let top = overlay::overlay(&site.notes, &notes, None);
                Reply {
                    status: 500,
                    ..self.no_render("Cannot build this pack", &top)
                }
            }
        }
    }

    /// An output built on first request (PDF) and cached until the paper changes; when it
    /// cannot be built, a page with the errors.
    fn lazy(&self, shared: &Shared, entry: &PaperEntry, format: OutputFormat) -> Reply {
        let site = self.site;
        // A paper with errors, or a house style or template every page shows broken: the
        // output would be made from what they were before. The errors, but not as the
        // output asked for: a download is not saved as it.
        if entry.page.notes.errors > 0 || site.notes.errors > 0 || site.renderer.is_none() {
            return Reply {
                status: 500,
                ..self.paper(entry, false)
            };
        }
        match shared.lazy_output(entry, format, || render_lazy(site, entry, format)) {
            Ok(bytes) => Reply {
                status: 200,
                content_type: format.media_type(),
                body: bytes.to_vec(),
                allow: false,
                location: None,
            },
            Err(notes) => {
                let top = overlay::overlay(&site.notes, &notes, None);
                Reply {
                    status: 500,
                    ..self.no_render("Cannot build this output", &top)
                }
            }
        }
    }
}

/// The Server-Sent Events stream: `event: reload` with the changed paths as JSON each time
/// the site changes; a comment now and then to notice a closed tab.
fn events(request: Request, shared: &Shared, since: Option<String>) {
    // A reconnecting stream says what it saw last; a new one, what its page was served at.
    let last_id = request
        .header("Last-Event-ID")
        .map(str::to_string)
        .or(since);
    let (mut seen, missed) = shared.cursor(last_id.as_deref());
    // Written as it goes, unchunked: some browsers refuse chunked event streams.
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    if missed && send(&mut w, &shared.event_id(seen), &Changed::All).is_err() {
        return;
    }
    loop {
        let sent = match shared.wait(&mut seen, KEEP_ALIVE) {
            Wait::Changed(id, paths) => send(&mut w, &id, &paths),
            Wait::Idle => w.write_all(b": keep-alive\n\n").and_then(|()| w.flush()),
            Wait::Stopped => return,
        };
        if sent.is_err() {
            return;
        }
    }
}

fn send(w: &mut dyn Write, id: &str, changed: &Changed) -> std::io::Result<()> {
    let data = changed.to_json();
    write!(w, "id: {id}\nevent: reload\ndata: {data}\n\n")?;
    w.flush()
}
