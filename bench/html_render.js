// node bench/html_render.js ROUNDS A.html B.html (run by bench/html_page.sh)
// Opens A and B alternately in Debian's headless Chromium, network off, and
// prints each round's render time (the page's own window.__stepupRenderMs)
// and time to ready (navigation to html[data-ready]), then the medians, the
// page sizes and the ratios A/B.
'use strict';
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');

const [rounds, a, b] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mib = (f) => (fs.statSync(f).size / 1048576).toFixed(1) + ' MiB';

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const times = { a: [], b: [] }, ready = { a: [], b: [] };
  async function one(key, file) {
    const context = await browser.newContext({ offline: true, viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (r) => (r.request().url().startsWith('file://') ? r.continue() : r.abort()));
    const page = await context.newPage();
    const t = Date.now();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready="1"]', { timeout: 120000 });
    ready[key].push(Date.now() - t);
    times[key].push(await page.evaluate(() => window.__stepupRenderMs));
    await context.close();
  }
  await one('a', a);  // warm-up: the browser's first start
  times.a.length = ready.a.length = 0;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [['b', b], ['a', a]] : [['a', a], ['b', b]];
    for (const [k, f] of order) await one(k, f);
    console.log(`round ${i + 1}: embed render ${times.a[i].toFixed(0)} ms, ready ${ready.a[i]} ms; ` +
      `none render ${times.b[i].toFixed(0)} ms, ready ${ready.b[i]} ms`);
  }
  await browser.close();
  const ra = median(times.a), rb = median(times.b), ya = median(ready.a), yb = median(ready.b);
  console.log(`size: embed ${mib(a)}, none ${mib(b)} (ratio ${(fs.statSync(a).size / fs.statSync(b).size).toFixed(2)})`);
  console.log(`render, median: embed ${ra.toFixed(0)} ms, none ${rb.toFixed(0)} ms (ratio ${(ra / rb).toFixed(2)})`);
  console.log(`ready, median: embed ${ya} ms, none ${yb} ms (ratio ${(ya / yb).toFixed(2)})`);
})().catch((e) => { console.error(e); process.exit(1); });
