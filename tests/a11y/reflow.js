// Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) in headless Chromium.
//
//   node tests/a11y/reflow.js [--root DIR] [--shots DIR] FILE_OR_DIR...
//
// For each page:
// - at 320 CSS px wide, the page does not scroll sideways
//   (`document.documentElement.scrollWidth <= 320`), and the only things that scroll
//   sideways inside it are data tables in their own `.table-wrap` region (focusable, named);
// - at 360 px (a common phone), an index table of four columns or fewer does not scroll;
// - with the WCAG 1.4.12 text-spacing overrides (line height 1.5, paragraph spacing 2em,
//   letter spacing 0.12em, word spacing 0.16em), at 320 and at 1280 px: still no sideways
//   scroll at 320, and no text is clipped (no element that hides its overflow has content
//   beyond its box, the visually-hidden helper aside).
// With --shots, full-page screenshots of each state are saved there as PNG.
// Exits 1 if any page fails, 2 if the check could not run.
'use strict';

const fs = require('fs');
const path = require('path');
const { htmlFiles, parseArgs, launch, open, shortName, run } = require('./lib');

const NARROW = 320;
const WIDE = 1280;
// A common phone: an index table of item, paper, marking and PDF fits it unscrolled.
const PHONE = 360;

/** The WCAG 1.4.12 text-spacing overrides, as in the Understanding document's test. */
const TEXT_SPACING = `
* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
`;

/** Runs in the page: what scrolls sideways, what is clipped, how wide the page is. */
function measure(viewportWidth) {
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += `.${[...el.classList].join('.')}`;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return text ? `${s} “${text}”` : s;
  };
  const hidden = (el) => el.closest('.visually-hidden') !== null;
  const scrollsSideways = [];
  const clipped = [];
  const pastEdge = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (hidden(el)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const over = (a, b) => a > b + 1;
    const widthOver = over(el.scrollWidth, el.clientWidth);
    const heightOver = over(el.scrollHeight, el.clientHeight);
    const hides = (v) => v === 'hidden' || v === 'clip';
    const scrolls = (v) => v === 'auto' || v === 'scroll';
    if ((hides(cs.overflowX) && widthOver) || (hides(cs.overflowY) && heightOver)) {
      clipped.push(describe(el));
    }
    if (cs.textOverflow === 'ellipsis' && widthOver) clipped.push(`${describe(el)} (ellipsis)`);
    if (scrolls(cs.overflowX) && widthOver) {
      const region =
        el.matches('.table-wrap[role="region"][tabindex="0"]') &&
        (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'));
      if (!region) scrollsSideways.push(describe(el));
    }
    // Boxes that stick out past the right edge, outside any scrolling region.
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > viewportWidth + 1) {
      let inRegion = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (scrolls(getComputedStyle(a).overflowX)) inRegion = true;
      }
      if (!inRegion) pastEdge.push(`${describe(el)} (right edge at ${Math.round(r.right)}px)`);
    }
  }
  // An index table of four columns or fewer (item, paper, marking, PDF) that scrolls.
  const scrollingIndexTables = [...document.querySelectorAll('.table-wrap')]
    .filter((w) => { const n = w.querySelectorAll('table.papers thead th').length; return n > 0 && n <= 4; })
    .filter((w) => w.scrollWidth > w.clientWidth + 1)
    .map(describe);
  return {
    scrollingIndexTables,
    scrollWidth: document.documentElement.scrollWidth,
    scrollsSideways,
    clipped,
    pastEdge: pastEdge.slice(0, 10),
  };
}

/**
 * A picture of the page for a person to look at. It is not part of the check:
 * headless Chromium sometimes cannot capture a tall page whole ("Unable to
 * capture screenshot"), so it tries again, then settles for the first screen,
 * then says so and goes on; the measurement above decides pass or fail.
 */
async function screenshot(page, shot) {
  const tries = [{ fullPage: true }, { fullPage: true }, { fullPage: false }];
  let last;
  for (const t of tries) {
    try {
      await page.screenshot({ path: shot, ...t });
      return;
    } catch (e) {
      last = e;
    }
  }
  console.log(`note: no screenshot ${path.basename(shot)}: ${String(last.message || last).split('\n')[0]}`);
}

async function state(browser, file, width, spacing, shot) {
  const { context, page } = await open(browser, file, width);
  try {
    if (spacing) {
      await page.addStyleTag({ content: TEXT_SPACING });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    }
    const m = await page.evaluate(measure, width);
    if (shot) await screenshot(page, shot);
    return m;
  } finally {
    await context.close();
  }
}

/** Problems of one state, as lines; empty when it passes. */
function problems(m, width, narrow, phone) {
  const out = [];
  if (phone) {
    for (const t of m.scrollingIndexTables) out.push(`an index table of four columns scrolls at ${width}px: ${t}`);
  }
  if (narrow && m.scrollWidth > width) {
    out.push(`the page scrolls sideways: scrollWidth ${m.scrollWidth}px > ${width}px`);
    for (const p of m.pastEdge) out.push(`  past the edge: ${p}`);
  }
  for (const s of m.scrollsSideways) out.push(`scrolls sideways but is not a data table's region: ${s}`);
  for (const c of m.clipped) out.push(`text clipped: ${c}`);
  return out;
}

run(async () => {
  const { opts, rest } = parseArgs(process.argv.slice(2), { root: true, shots: true });
  const files = htmlFiles(rest);
  if (files.length === 0) throw new Error('no HTML files given');
  const root = opts.root || process.cwd();
  if (opts.shots) fs.mkdirSync(opts.shots, { recursive: true });
  const states = [
    { label: `${NARROW}px`, width: NARROW, spacing: false, suffix: `${NARROW}` },
    { label: `${NARROW}px + text spacing`, width: NARROW, spacing: true, suffix: `${NARROW}-spacing` },
    { label: `${WIDE}px + text spacing`, width: WIDE, spacing: true, suffix: `${WIDE}-spacing` },
    { label: `${PHONE}px`, width: PHONE, spacing: false, suffix: `${PHONE}`, phone: true },
  ];
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const name = shortName(root, file);
      const stem = name.replace(/\.html$/, '').replace(/[\\/]/g, '__');
      for (const s of states) {
        const shot = opts.shots ? path.join(opts.shots, `${stem}-${s.suffix}.png`) : null;
        const m = await state(browser, file, s.width, s.spacing, shot);
        const found = problems(m, s.width, s.width === NARROW, s.phone);
        if (found.length) {
          failed++;
          console.log(`FAIL ${name} @${s.label}`);
          for (const f of found) console.log(`  ${f}`);
        } else {
          passed++;
          console.log(`ok   ${name} @${s.label} (scrollWidth ${m.scrollWidth}px)`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  if (opts.shots) console.log(`screenshots in ${opts.shots}`);
  console.log(`reflow and text spacing: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
});
