// Many tabs of one `clerk serve` preview in a real headless Chromium (Debian's), driven by
// playwright-core. Run by tests/testsuite/serve_browser.rs:
//
//   node tests/browser/tabs.mjs PAGE_URL PAPER_SOURCE
//
// A browser opens at most six connections to a host, and a reload event stream holds one:
// with one stream a tab, the seventh tab never loaded. Opens eight tabs of the paper's page
// in one browser, checks each loads, edits the paper and waits for the last tab to show
// the edit, and that no tab reloads because another tab did; then closes the tab that
// listens for all and edits again, so another takes over. Exits non-zero on failure.

import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const [url, source] = process.argv.slice(2);
// A page of the preview the edits do not change.
const OTHER = '/policing-performance/2021-09-01-hmics-progress-review.html';
if (!url || !source) {
  console.error('usage: tabs.mjs PAGE_URL PAPER_SOURCE');
  process.exit(2);
}
// A liveness limit, not a speed claim, so a loaded CI machine has room.
const LIMIT_MS = 10000;
const TABS = 8;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function until(page, what, check, arg) {
  const start = Date.now();
  while (Date.now() - start < LIMIT_MS) {
    try {
      if (await page.evaluate(check, arg)) return;
    } catch {
      // The page is reloading.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what}: not seen within ${LIMIT_MS} ms`);
}

try {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const pages = [];
  for (let i = 0; i < TABS; i++) {
    const page = await context.newPage();
    await page.goto(url, { timeout: LIMIT_MS });
    await until(page, `tab ${i + 1} loads`, () => document.body.innerText.includes('DRAFT'));
    pages.push(page);
  }
  // A tab of another paper, which the edit does not change, marked: a reload would lose
  // the mark.
  const other = await context.newPage();
  await other.goto(new URL(OTHER, url).href, { timeout: LIMIT_MS });
  await until(other, 'another paper loads', () => document.body.innerText.length > 0);
  await other.evaluate(() => { window.clerkMark = 1; });
  const original = readFileSync(source, 'utf8');
  writeFileSync(source, original.replace(/^title: /m, 'title: First edit – '));
  await until(pages[TABS - 1], 'the last tab reloads', (t) => document.body.innerText.includes(t), 'First edit');
  await until(pages[0], 'the first tab reloads', (t) => document.body.innerText.includes(t), 'First edit');
  // Every tab has reloaded before it is marked: one still loading has no page to mark
  // ("Execution context was destroyed", as CI once saw under load).
  for (const [i, p] of pages.entries()) {
    await until(p, `tab ${i + 1} reloads`, (t) => document.body.innerText.includes(t), 'First edit');
  }
  // The other paper's tab stays as it was: not reloaded by the edit, nor by the tabs the
  // edit reloaded, nor by a tab reloaded by hand.
  for (const p of pages) await p.evaluate(() => { window.clerkMark = 3; });
  await pages[1].reload();
  await until(pages[1], 'a tab reloaded by hand loads', (t) => document.body.innerText.includes(t), 'First edit');
  await new Promise((r) => setTimeout(r, 500));
  if (await other.evaluate(() => window.clerkMark) !== 1) throw new Error('the other paper reloaded when a tab of the edited one did');
  for (const [i, p] of pages.entries()) {
    if (i !== 1 && await p.evaluate(() => window.clerkMark) !== 3) throw new Error(`tab ${i + 1} reloaded when another tab did`);
  }
  await other.close();
  // The tab that listened goes: another takes over.
  for (const p of pages.slice(0, 3)) await p.close();
  writeFileSync(source, original.replace(/^title: /m, 'title: Second edit – '));
  await until(pages[TABS - 1], 'the last tab reloads again', (t) => document.body.innerText.includes(t), 'Second edit');
  await until(pages[3], 'the fourth tab reloads again', (t) => document.body.innerText.includes(t), 'Second edit');
  // A tab opened now loads too, and follows.
  const late = await context.newPage();
  await late.goto(url, { timeout: LIMIT_MS });
  await until(late, 'a late tab loads', (t) => document.body.innerText.includes(t), 'Second edit');
  writeFileSync(source, original);
  await until(late, 'the late tab reloads', (t) => !document.body.innerText.includes(t), 'Second edit');
  console.log('ok');
} catch (e) {
  console.error(String(e && e.stack || e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
