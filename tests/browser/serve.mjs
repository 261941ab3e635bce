// Live reload of `clerk serve` in a real headless Chromium (Debian's), driven over the
// DevTools protocol by playwright-core. Run by tests/testsuite/serve_browser.rs:
//
//   node tests/browser/serve.mjs PAGE_URL PAPER_SOURCE SCREENSHOT_DIR
//
// Opens the paper's page, edits its source on disk and waits (at most 2 s, no action in the
// browser) for the page to show the new text; then breaks the paper and waits for the
// diagnostics; then follows the one link to the last good render; then looks at the index,
// which shows each paper's state and still lists the failing one by its last good render. A screenshot of each state goes to SCREENSHOT_DIR. Prints one JSON line of timings; exits non-zero on failure.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [url, source, shots] = process.argv.slice(2);
if (!url || !source || !shots) {
  console.error('usage: serve.mjs PAGE_URL PAPER_SOURCE SCREENSHOT_DIR');
  process.exit(2);
}
// How long to wait for a reload before calling it missing: a liveness limit, not a speed
// claim (the timings printed at the end are the measure), so a loaded CI machine has room.
const LIMIT_MS = 10000;
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

// Polls `check(arg)` in the page (surviving the reloads) until it is true or LIMIT_MS pass;
// returns the time it took, or throws.
async function until(page, what, check, arg) {
  const start = Date.now();
  while (Date.now() - start < LIMIT_MS) {
    try {
      if (await page.evaluate(check, arg)) return Date.now() - start;
    } catch {
      // The page is reloading: its context is gone for a moment.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what}: not seen within ${LIMIT_MS} ms`);
}

// A picture of each state for a person to look at; headless Chromium now and then cannot
// capture one ("Unable to capture screenshot"), which is no failure of clerk: try again, then note it.
async function shot(page, name) {
  for (let i = 0; i < 2; i++) {
    try {
      await page.screenshot({ path: join(shots, name) });
      return;
    } catch (e) {
      if (i === 1) console.error(`note: no screenshot ${name}: ${String(e.message || e).split('\n')[0]}`);
    }
  }
}

const timings = {};
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const stream = page.waitForResponse((r) => r.url().includes('/__clerk/events'));
  await page.goto(url);
  await stream;
  const original = readFileSync(source, 'utf8');
  await until(page, 'the first render', () => document.body.innerText.includes('DRAFT'));
  await shot(page, '1-opened.png');

  const revised = 'Revised in Chromium';
  writeFileSync(source, original.replace(/^title: /m, `title: ${revised} – `));
  timings.edit_ms = await until(page, 'the edit', (t) => document.body.innerText.includes(t), revised);
  await shot(page, '2-edited.png');

  writeFileSync(source, original.replace(/^date: .*$/m, 'date: 2022-02-30').replace(/^title: /m, 'titel: '));
  timings.error_ms = await until(page, 'the diagnostics', () => {
    const o = document.getElementById('clerk-overlay');
    return o && o.innerText.includes('is not a real date') && o.innerText.includes(':3:7');
  });
  const overlay = await page.locator('#clerk-overlay').innerText();
  for (const want of ['help:', 'date: 2022-02-30', 'titel']) {
    if (!overlay.includes(want)) throw new Error(`the overlay lacks ${want}: ${overlay}`);
  }
  await shot(page, '3-broken.png');

  await page.getByRole('link', { name: 'Show the last good version' }).click();
  await until(page, 'the last good render', () =>
    !document.getElementById('clerk-overlay') && document.body.innerText.includes('last good version'));
  await shot(page, '4-last-good.png');

  await page.goto(new URL('/', url).href);
  await until(page, 'the index with each paper\'s state', () => {
    const s = document.getElementById('clerk-status');
    return s && s.open && s.innerText.includes('1 with errors') && s.innerText.includes('2 errors')
      && document.querySelector('main').innerText.includes('Revised in Chromium');
  });
  await shot(page, '5-index.png');
  console.log(JSON.stringify(timings));
} catch (e) {
  console.error(String(e && e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
