// Browser tests of the file view's additions: syntax colours from the
// scan's token segments, per-line branch outcomes, and a function table
// whose right edge can be reached in a 1400 px window.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env, shop, xss, open, withData } = require('./lib.js');

// The page's embedded data, as the page itself reads it.
function pageData(file) {
  const html = fs.readFileSync(file, 'utf8');
  const start = html.indexOf('id="stepup-data">') + 'id="stepup-data">'.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

async function showFile(page, path) {
  await page.evaluate((p) => { location.hash = '#file=' + encodeURIComponent(p); }, path);
  await page.waitForFunction((p) => document.querySelector('#file-view.open h2') &&
    document.querySelector('#file-view.open h2').textContent === p, path);
}

// Each line's coloured runs: [[class, text]...] for the rows asked for.
function runsOf(page, lines) {
  return page.evaluate((ls) => ls.map((n) => {
    const row = document.querySelector('#source .line[data-line="' + n + '"] .code');
    return Array.from(row.querySelectorAll('span')).map((s) => [s.className, s.textContent]);
  }), lines);
}

test('keywords, comments and literals are coloured on the lines the scan found them', async () => {
  const data = pageData(env('SHOP_HTML'));
  const { context, page, attempted, errors } = await open(env('SHOP_HTML'));
  try {
    // A file whose text is embedded, with a line that starts with `return`
    // and one that is a line comment: the expectation is read off the text.
    const [path, src] = Object.entries(data.html.sources).find(([, s]) =>
      s.text.split('\n').some((l) => /^\s*return\b/.test(l)) && s.text.split('\n').some((l) => /^\s*\/\/ \S/.test(l)));
    assert.ok(path, 'an embedded file with a return statement and a line comment');
    assert.ok(src.syntax.length > 0 && src.syntax.length % 3 === 0);
    const lines = src.text.split('\n');
    const ret = lines.findIndex((l) => /^\s*return\b/.test(l)) + 1;
    const com = lines.findIndex((l) => /^\s*\/\/ \S/.test(l)) + 1;
    await showFile(page, path);
    const [retRuns, comRuns] = await runsOf(page, [ret, com]);
    assert.deepEqual(retRuns[0], ['tk-k', 'return'], `line ${ret} of ${path}`);
    assert.deepEqual(comRuns, [['tk-c', lines[com - 1].replace(/\r$/, '').replace(/^\s+/, '')]], `line ${com} of ${path}`);
    // The rows' text is the file's text, colours or not.
    const shown = await page.$$eval('#source .line .code', (cs) => cs.map((c) => c.textContent));
    assert.deepEqual(shown, lines.slice(0, shown.length).map((l) => l.replace(/\r$/, '') || ' '));
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('token columns are UTF-16: a non-ASCII literal before a keyword, a comment over two lines', async () => {
  // Segments counted by hand (reports/source_view.h): [line delta, column
  // delta, length * 4 + class]; "hé" is 5 bytes but 4 units, so `return`
  // is at column 10, where its byte offset is 11.
  const data = pageData(env('SHOP_HTML'));
  const path = Object.keys(data.html.sources)[0];
  data.html.sources[path] = {
    text: 's = "hé"; return;\r\n/* a\n   b */ int z;\n',
    hits: [], branches: [],
    syntax: [1, 0, 7, 0, 3, 17, 0, 2, 24, 1, 0, 18, 1, 0, 30, 0, 1, 12, 0, 1, 7],
  };
  const file = withData(env('SHOP_HTML'), data, 'file-view-utf16.html');
  const { context, page, attempted, errors } = await open(file);
  try {
    await showFile(page, path);
    assert.deepEqual(await runsOf(page, [1, 2, 3]), [
      [['tk-i', 's'], ['tk-l', '"hé"'], ['tk-k', 'return']],
      [['tk-c', '/* a']],
      [['tk-c', '   b */'], ['tk-k', 'int'], ['tk-i', 'z']],
    ]);
    assert.equal(await page.textContent('#source .line[data-line="1"] .code'), 's = "hé"; return;');
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a line with a partly taken branch says how many outcomes were taken, and which were not', async () => {
  const data = pageData(env('SHOP_HTML'));
  // The embedded counts are gcovr's (tests/e2e/file_view_scan_test.cpp
  // checks them against its JSON); a line where some outcome ran and some
  // never did, that report.json also lists as partly taken.
  let pick = null;
  for (const [path, src] of Object.entries(data.html.sources)) {
    const f = shop.files.find((x) => x.path === path);
    for (const [line, ...counts] of src.branches || []) {
      const partial = f.functions.some((fn) => fn.coverage && fn.coverage.partial_branch_lines.includes(line));
      if (partial && counts.some((n) => n > 0) && counts.some((n) => n === 0)) { pick = pick || { path, line, counts }; }
    }
  }
  assert.ok(pick, 'the example has a partly taken branch line');
  const taken = pick.counts.filter((n) => n > 0).length;
  const never = pick.counts.map((n, i) => (n === 0 ? i + 1 : 0)).filter((i) => i);
  const which = (never.length === 1 ? 'outcome ' : 'outcomes ') +
    (never.length === 1 ? String(never[0]) : never.slice(0, -1).join(', ') + ' and ' + never[never.length - 1]) + ' never taken';
  const { context, page, attempted, errors } = await open(env('SHOP_HTML'));
  try {
    await showFile(page, pick.path);
    const marker = page.locator(`#source .line[data-line="${pick.line}"] button.br`);
    assert.equal(await marker.count(), 1);
    assert.equal(await marker.textContent(), `${taken} of ${pick.counts.length} taken`);
    for (const attr of ['title', 'aria-label']) {
      const v = await marker.getAttribute(attr);
      assert.ok(v.includes(`${taken} of ${pick.counts.length} taken`) && v.includes(which), `${attr}: ${v}`);
    }
    const detail = page.locator(`#source .line[data-line="${pick.line}"] .br-detail`);
    assert.equal(await detail.isVisible(), false);
    await marker.click();
    assert.equal(await detail.isVisible(), true);
    assert.equal(await detail.textContent(), which);
    assert.equal(await marker.getAttribute('aria-expanded'), 'true');
    // Every marker on the page matches its line's counts.
    const src = data.html.sources[pick.path];
    const markers = await page.$$eval('#source button.br', (bs) => bs.map((b) => [Number(b.closest('.line').getAttribute('data-line')), b.textContent]));
    assert.deepEqual(markers, src.branches.map(([line, ...c]) => [line, `${c.filter((n) => n > 0).length} of ${c.length} taken`]));
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the function table\'s right edge is reachable in a 1400 px window', async () => {
  // The file with the most functions, one of them given a long name.
  const data = pageData(env('SHOP_HTML'));
  const f = data.files.slice().sort((a, b) => b.functions.length - a.functions.length)[0];
  f.functions[0].qualified_name = 'shop::detail::' + 'very_long_namespace_name::'.repeat(12) + 'f';
  const file = withData(env('SHOP_HTML'), data, 'file-view-wide.html');
  const { context, page, errors } = await open(file, { viewport: { width: 1400, height: 900 } });
  try {
    await showFile(page, f.path);
    const m = await page.evaluate(() => {
      const drawer = document.getElementById('file-view');
      const table = drawer.querySelector('table.inner');
      const wrap = table.parentElement;
      wrap.scrollLeft = wrap.scrollWidth;
      const last = table.querySelector('thead th:last-child').getBoundingClientRect();
      const box = wrap.getBoundingClientRect(), d = drawer.getBoundingClientRect();
      return {
        overflowX: getComputedStyle(wrap).overflowX,
        drawerOverflows: drawer.scrollWidth > drawer.clientWidth,
        lastRight: last.right, wrapRight: box.right, drawerRight: d.right, lastText: table.querySelector('thead th:last-child').textContent,
      };
    });
    assert.equal(m.overflowX, 'auto');
    assert.equal(m.drawerOverflows, false, 'the drawer itself does not scroll sideways');
    assert.equal(m.lastText, 'findings');
    assert.ok(m.lastRight <= m.wrapRight + 1 && m.wrapRight <= m.drawerRight + 1, JSON.stringify(m));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the hostile fixture\'s file views, coloured, still run no script', async () => {
  // The fixture is scanned without a compile database (run.sh): quick mode,
  // which colours nothing, and embeds no text (no task, no coverage). So
  // its hostile files' own text is put in here, every line one comment
  // segment, and the payloads reach the page through the coloured path.
  const data = pageData(env('XSS_HTML'));
  assert.equal(data.signals.parse, 'quick');
  const payload = 'const char* kPayload = "</script><script>window.__pwned=1</script>";';
  for (const f of xss.files) {
    const text = fs.readFileSync(path.join(path.dirname(env('XSS_JSON')), '..', 'xss', f.path), 'utf8');
    const s = { text, hits: [], branches: [[1, 0, 1]], syntax: [] };
    let prev = 0;
    text.split('\n').forEach((l, i) => {
      if (!l.length) return;
      s.syntax.push(i + 1 - prev, 0, l.length * 4 + 2);
      prev = i + 1;
    });
    data.html.sources[f.path] = s;
  }
  assert.ok(Object.values(data.html.sources).some((s) => s.text.includes(payload)));
  const file = withData(env('XSS_HTML'), data, 'file-view-xss.html');
  for (const bypassCSP of [true, false]) {
    const { context, page, attempted, errors } = await open(file, { bypassCSP });
    try {
      for (const f of xss.files) {
        await showFile(page, f.path);
        const src = data.html.sources[f.path];
        if (src && src.syntax.length) {
          assert.ok(await page.locator('#source span.tk-c').count() > 0, f.path);
          const text = await page.evaluate(() => document.getElementById('source').innerText);
          if (src.text.includes(payload)) assert.ok(text.includes(payload), f.path);
        }
        await page.keyboard.press('Escape');
      }
      const dom = await page.evaluate(() => ({
        pwned: window.__pwned,
        injected: document.querySelectorAll('img, iframe, object, embed, script:not(#stepup-data) ~ script').length,
        onAttrs: Array.from(document.querySelectorAll('*')).filter((e) =>
          Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
      }));
      assert.deepEqual(dom, { pwned: undefined, injected: 0, onAttrs: 0 });
      assert.deepEqual(attempted, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('an N+1 through calls: the file view lists the chain, and each hop opens the call', async () => {
  const { context, page, attempted, errors } = await open(env('CG_HTML'));
  try {
    await showFile(page, 'src/report/report.cpp');
    const hops = await page.$$eval('#file-view .chains li .hop', (bs) => bs.map((b) => b.textContent));
    // The fixture's chain (tests/fixtures/callgraph/README.md), hop by hop.
    assert.deepEqual(hops, ['Ledger::balance (src/report/report.cpp:10)',
      'Store::read_entries (src/ledger/ledger.cpp:4)', 'PQexec (src/store/store.cpp:8)']);
    await page.click('#file-view .chains li .hop:nth-of-type(2)');
    await page.waitForFunction(() => document.querySelector('#file-view.open h2') &&
      document.querySelector('#file-view.open h2').textContent === 'src/ledger/ledger.cpp');
    await page.waitForSelector('#source .line.flash');
    const flashed = await page.$eval('#source .line.flash', (r) => r.getAttribute('data-line'));
    assert.equal(flashed, '4');
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
