// Shared by the accessibility scripts: find the HTML files to check and start Debian's
// Chromium headless through playwright-core (which never downloads a browser of its own).
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

/** Chromium to drive: $CHROMIUM, else Debian's. */
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags for a quiet, offline, repeatable headless run as root. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Every `*.html` file under each argument (a file or a folder), sorted, deduplicated. */
function htmlFiles(args) {
  const out = new Set();
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name));
    } else if (p.endsWith('.html')) {
      out.add(path.resolve(p));
    }
  };
  for (const a of args) walk(a);
  return [...out].sort();
}

/**
 * Splits argv into options and the rest: `known` maps each option name to whether it takes
 * a value (`--root DIR`) or is a flag (`--verbose`).
 */
function parseArgs(argv, known) {
  const opts = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!(name in known)) throw new Error(`unknown option ${a} (known: ${Object.keys(known).join(', ')})`);
      opts[name] = known[name] ? argv[++i] : true;
    } else {
      rest.push(a);
    }
  }
  return { opts, rest };
}

/** Launches Chromium; fails with a hint when it is not installed. */
async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens `file` in a fresh page of the given viewport width, fonts and layout settled. */
async function open(browser, file, width, height = 900) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    offline: true,
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { context, page };
}

/** A short name for `file` relative to `root`, for reports and screenshot names. */
function shortName(root, file) {
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

/** Runs `main`, printing any error and exiting 2 (1 is kept for "checks failed"). */
function run(main) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`error: ${err && err.stack ? err.stack : err}`);
      process.exit(2);
    },
  );
}

module.exports = { htmlFiles, parseArgs, launch, open, shortName, run };
