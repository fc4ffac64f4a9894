// Shared by the browser tests (*.test.js): the browser, a page opened with
// the network off, and the example's report. run.sh sets the environment:
//   SHOP_HTML, SHOP_JSON  the example's report (with coverage and history)
//   XSS_HTML, XSS_JSON    the hostile-names fixture's report
//   SHOT_DIR              where screenshots go
'use strict';
const { before, after } = require('node:test');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(k + ' is not set: run tests/browser/run.sh');
  return v;
};
const SHOT_DIR = env('SHOT_DIR');
const shop = JSON.parse(fs.readFileSync(env('SHOP_JSON'), 'utf8'));
const xss = JSON.parse(fs.readFileSync(env('XSS_JSON'), 'utf8'));

let browser;
// Each test file that requires this module gets one browser.
before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => { if (browser) await browser.close(); });

// Opens an HTML file with the network off: every request that is not
// file:// (or an inline data: URL) is recorded and aborted.
async function open(file, options = {}) {
  const context = await browser.newContext({
    offline: true, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, ...options,
  });
  const attempted = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
    attempted.push(url);
    return route.abort();
  });
  // Long tasks (over 50 ms) of the main thread: a freeze is one long task.
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file://') && !url.startsWith('data:')) attempted.push(url);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 10000 });
  return { context, page, attempted, errors };
}

// Links to the code: the example's remote is https://...@github.com/acme/shop.git
// (run.sh), so every address is GitHub's form at the scanned commit.
const encPath = (p) => p.split('/').map((s) => encodeURIComponent(s)
  .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())).join('/');
const fileHref = (p, line) => 'https://github.com/acme/shop/blob/' + shop.repo.commit + '/' + encPath(p) +
  (line ? '#L' + line : '');
// Replaces a page's embedded data with `data`; returns the new file.
function withData(file, data, name) {
  const html = fs.readFileSync(file, 'utf8');
  const start = html.indexOf('id="stepup-data">') + 'id="stepup-data">'.length;
  const end = html.indexOf('</script>', start);
  const out = path.join(SHOT_DIR, name);
  fs.writeFileSync(out, html.slice(0, start) + JSON.stringify(data).replace(/</g, '\\u003c') + html.slice(end));
  return out;
}

const rowIds = (page) => page.$$eval('#cand-table tbody tr.row', (rs) => rs.map((r) => r.getAttribute('data-id')));
const byId = (report) => Object.fromEntries(report.candidates.map((c) => [c.id, c]));

// Resolves with the page's scroll position once it has stopped moving (the
// page scrolls smoothly, so a read right after a scroll may catch it mid-way).
const settled = (page) => page.evaluate(() => new Promise((resolve) => {
  let last = -1;
  (function tick() {
    const y = window.scrollY;
    if (y === last) resolve(y); else { last = y; requestAnimationFrame(() => requestAnimationFrame(tick)); }
  })();
}));

module.exports = { env, SHOT_DIR, shop, xss, open, encPath, fileHref, withData, rowIds, byId, settled };
