//! `clerk serve` in a real browser: Debian's headless Chromium, driven by playwright-core
//! (`tests/browser/serve.mjs`; `npm ci --prefix tests/browser` installs it, with no browser
//! download). Screenshots of each state go to `<target>/tmp/serve-browser/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::serve::{Serve, wait_for};
use crate::common::*;

const ESTATES: &str = "resources/2022-03-15-estates-strategy";

/// Runs `node tests/browser/SCRIPT ARGS` (playwright-core installed by `npm ci`), waiting at
/// most `limit`; returns whether it succeeded, and what it printed.
fn node(script: &str, args: &[&Path], limit: Duration) -> (bool, String, String) {
    assert!(
        repo()
            .join("tests/browser/node_modules/playwright-core")
            .is_dir(),
        "run `npm ci --prefix tests/browser` first"
    );
    let mut child = Command::new("node")
        .arg(repo().join("tests/browser").join(script))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let status = wait_for(limit, || child.try_wait().ok().flatten());
    if status.is_none() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().unwrap();
    (
        status.is_some_and(|s| s.success()),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
#[ignore = "needs chromium and node"]
fn a_page_reloads_by_itself_and_shows_the_diagnostics_in_chromium() {
    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-browser");
    let _ = std::fs::remove_dir_all(&shots);
    let dir = temp_project("repo");
    let serve = Serve::start(dir.path(), &[]);
    let url = format!("http://{}/{ESTATES}.html", serve.addr);
    let source = dir.path().join(format!("papers/{ESTATES}.md"));
    let (ok, stdout, stderr) = node(
        "serve.mjs",
        &[Path::new(&url), &source, &shots],
        Duration::from_secs(90),
    );
    assert!(ok, "{stdout}\n{stderr}\nserver: {:?}", serve.stdout());
    println!("timings: {stdout}");
    for shot in ["1-opened", "2-edited", "3-broken", "4-last-good", "5-index"] {
        let png = std::fs::read(shots.join(format!("{shot}.png"))).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG"), "{shot}.png");
    }
}

/// Eight tabs of one preview in one browser all load and follow edits, and keep following
/// when the tab that listens for them all is closed (each tab's own event stream held one of
/// the six connections a browser opens to a host, so the seventh never loaded).
#[test]
#[ignore = "needs chromium and node"]
fn eight_tabs_of_the_preview_load_and_reload_in_chromium() {
    let dir = temp_project("repo");
    let serve = Serve::start(dir.path(), &[]);
    let url = format!("http://{}/{ESTATES}.html", serve.addr);
    let source = dir.path().join(format!("papers/{ESTATES}.md"));
    let (ok, stdout, stderr) = node(
        "tabs.mjs",
        &[Path::new(&url), &source],
        Duration::from_secs(120),
    );
    assert!(ok, "{stdout}\n{stderr}\nserver: {:?}", serve.stdout());
}
