// axe-core in headless Chromium over clerk's HTML, with the WCAG 2.0, 2.1 and 2.2 level A
// and AA rules. Each page is checked at a desktop width and at 320 CSS px (reflow).
//
//   node tests/a11y/axe.js [--root DIR] [--verbose] FILE_OR_DIR...
//
// Prints every violation (rule, impact, help, the offending elements) and exits 1 if there
// is any; "needs review" results are named (with their elements under --verbose) but do
// not fail. Exit 2: could not run. --root shortens the names printed.
'use strict';

const { htmlFiles, parseArgs, launch, open, shortName, run } = require('./lib');

const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 320];

async function check(browser, file, width) {
  const { context, page } = await open(browser, file, width);
  try {
    await page.addScriptTag({ path: AXE });
    return await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
      TAGS,
    );
  } finally {
    await context.close();
  }
}

function describe(results) {
  const lines = [];
  for (const v of results) {
    lines.push(`  ${v.id} (${v.impact}): ${v.help}`);
    lines.push(`    ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`    - ${node.target.join(' ')}`);
      lines.push(`      ${node.html.slice(0, 200)}`);
      const why = node.failureSummary && node.failureSummary.split('\n').slice(1).join('; ').trim();
      if (why) lines.push(`      ${why}`);
    }
  }
  return lines.join('\n');
}

run(async () => {
  const { opts, rest } = parseArgs(process.argv.slice(2), { root: true, verbose: false });
  const files = htmlFiles(rest);
  if (files.length === 0) throw new Error('no HTML files given');
  const root = opts.root || process.cwd();
  const browser = await launch();
  let failed = 0;
  let checks = 0;
  try {
    for (const file of files) {
      for (const width of WIDTHS) {
        const result = await check(browser, file, width);
        checks++;
        const name = `${shortName(root, file)} @${width}px`;
        if (result.violations.length > 0) {
          failed++;
          console.log(`FAIL ${name}: ${result.violations.length} rule(s) violated`);
          console.log(describe(result.violations));
        } else {
          const review = result.incomplete.map((r) => r.id);
          console.log(`ok   ${name}${review.length ? ` (needs review: ${review.join(', ')})` : ''}`);
          if (opts.verbose && review.length) console.log(describe(result.incomplete));
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`axe-core ${require('axe-core/package.json').version}, tags ${TAGS.join(' ')}: ${checks - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
});
