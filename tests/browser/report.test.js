// Browser tests of index.html: Debian's headless Chromium, driven by
// playwright-core, loads the pages from file:// with every other request
// refused (lib.js). These cover the candidate table, the file view, links,
// hostile names and a large report.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { env, SHOT_DIR, shop, xss, open, fileHref, withData, rowIds, byId } = require('./lib.js');


test('the example report: rows, sorting, filters, file view with coverage shading', async () => {
  const { context, page, attempted, errors } = await open(env('SHOP_HTML'));
  let opened = null;  // the link to the code the test clicks
  try {
    const cands = shop.candidates;
    assert.ok(cands.length >= 5, 'the example scan yields candidates');
    // Rows in rank order, as many as candidates (fewer than a page).
    assert.deepEqual(await rowIds(page), cands.slice(0, 200).map((c) => c.id));
    assert.equal(await page.textContent('#cand-count'), cands.length + ' tasks');
    // Summary figures.
    const cards = await page.$$eval('#summary .card', (cs) => cs.map((c) => c.textContent));
    assert.ok(cards.includes(shop.summary.files + 'files'), cards.join(' | '));
    assert.ok(cards.includes(shop.summary.functions + 'functions'));
    const worst = shop.modules.reduce((a, m) => (m.score > a.score ? m : a));
    assert.equal(await page.textContent('#summary-worst b'), worst.name);
    assert.equal(await page.textContent('#summary-coverage b'), (100 * shop.summary.line_coverage).toFixed(1) + '%');

    // Sorting: score descending on the first click, ascending on the second.
    const all = byId(shop);
    await page.click('#cand-table th[data-col="score"]');
    let scores = (await rowIds(page)).map((id) => all[id].score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    assert.equal(await page.getAttribute('#cand-table th[data-col="score"]', 'aria-sort'), 'descending');
    await page.click('#cand-table th[data-col="score"]');
    scores = (await rowIds(page)).map((id) => all[id].score);
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
    await page.click('#cand-table th[data-col="module"]');
    const modules = (await rowIds(page)).map((id) => all[id].target.module);
    assert.deepEqual(modules, [...modules].sort());
    await page.click('#cand-table th[data-col="rank"]');
    assert.deepEqual(await rowIds(page), cands.map((c) => c.id));

    // Filters: kind, then newcomer on top of it, then the search box.
    const kind = cands[0].kind;
    await page.selectOption('#f-kind', kind);
    const ofKind = cands.filter((c) => c.kind === kind);
    assert.deepEqual(await rowIds(page), ofKind.map((c) => c.id));
    assert.equal(await page.textContent('#cand-count'), ofKind.length + ' of ' + cands.length + ' tasks');
    await page.check('#f-newcomer');
    assert.equal((await rowIds(page)).length, ofKind.filter((c) => c.newcomer_friendly).length);
    await page.uncheck('#f-newcomer');
    await page.selectOption('#f-kind', '');
    const mod = cands[0].target.module;
    await page.selectOption('#f-module', mod);
    const ofModule = cands.filter((c) => c.target.module === mod).length;
    assert.ok(ofModule < cands.length, 'the module filter leaves some out');
    assert.equal((await rowIds(page)).length, ofModule);
    assert.equal(await page.textContent('#cand-count'), ofModule + ' of ' + cands.length + ' tasks');
    await page.selectOption('#f-module', '');
    await page.fill('#f-search', 'parse_header');
    const hits = cands.filter((c) => [c.title, c.kind, c.rule, c.target.module, c.target.file || '',
      c.target.function || '', c.first_step, ...c.why].join('\n').toLowerCase().includes('parse_header'));
    assert.ok(hits.length >= 1);
    assert.deepEqual(await rowIds(page), hits.map((c) => c.id));
    await page.fill('#f-search', '');

    // The README's picture (docs/img/report.png is a copy): the ranked task
    // list, one 1440x900 screen.
    await page.evaluate(() => document.querySelector('#cand-table').scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(SHOT_DIR, 'readme.png') });

    // A row expands to its why, first step and the file's functions.
    const top = cands[0];
    await page.click(`#cand-table tr[data-id="${top.id}"]`);
    const detail = page.locator('#cand-table tr.detail');
    assert.deepEqual(await detail.locator('ul.why li').allTextContents(), top.why);
    assert.ok((await detail.locator('.first').textContent()).includes(top.first_step));
    const topFile = shop.files.find((f) => f.path === top.target.file);
    assert.equal(await detail.locator('table.inner tbody tr').count(), topFile.functions.length);
    // Links to the code: the task's file and line, each function, at the scanned commit.
    assert.equal(shop.links.host, 'github');
    assert.equal(shop.links.commit, shop.repo.commit);
    assert.ok(!fs.readFileSync(env('SHOP_HTML'), 'utf8').includes('tok3n'), 'the remote\'s token stays out');
    const target = detail.locator('a.target-link');
    assert.equal(await target.getAttribute('href'), fileHref(top.target.file, top.target.line));
    assert.equal(await target.getAttribute('target'), '_blank');
    assert.equal(await target.getAttribute('rel'), 'noopener noreferrer');
    assert.deepEqual((await detail.locator('a.fn-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort(),
      topFile.functions.map((fn) => fileHref(topFile.path, fn.line)).sort());
    await page.screenshot({ path: path.join(SHOT_DIR, 'report.png'), fullPage: true });

    // The treemap has one rectangle per file with code; clicking one opens
    // its file view, whose shading agrees with report.json's coverage.
    assert.equal(await page.locator('#treemap rect.tm-file').count(), shop.files.filter((f) => f.code_lines > 0).length);
    const covered = shop.files.filter((f) => !f.is_test && f.coverage && f.coverage.lines_covered > 0 &&
      f.coverage.lines_covered < f.coverage.lines_total && f.functions.some((x) => x.coverage && x.coverage.partial_branch_lines.length))
      .sort((a, b) => b.code_lines - a.code_lines)[0];
    assert.ok(covered, 'a partly covered file with partly taken branches');
    await page.click(`#treemap rect.tm-file[data-path="${covered.path}"]`);
    await page.waitForSelector('#file-view.open');
    assert.equal(decodeURIComponent(new URL(page.url()).hash.slice(6)), covered.path);
    assert.equal(await page.textContent('#file-view h2'), covered.path);
    const shading = await page.$$eval('#source .line', (ls) => ls.map((l) => l.className));
    const count = (c) => shading.filter((s) => s.split(' ').includes(c)).length;
    assert.equal(count('covered') + count('partial'), covered.coverage.lines_covered);
    assert.equal(count('uncovered'), covered.coverage.lines_total - covered.coverage.lines_covered);
    for (const fn of covered.functions) {
      for (const l of fn.coverage ? fn.coverage.uncovered_lines : []) {
        assert.match(shading[l - 1], /\buncovered\b/, `line ${l} of ${covered.path}`);
      }
      for (const l of fn.coverage ? fn.coverage.partial_branch_lines : []) {
        assert.match(shading[l - 1], /\b(partial|uncovered)\b/, `line ${l} of ${covered.path}`);
      }
    }
    assert.ok(count('partial') > 0);
    // The file and every line number link to the host; a click opens it
    // (a new tab) under the page's CSP: the request is made, and refused
    // only by this test's network-off rule.
    const fileLink = await page.getAttribute('#file-view a.file-link', 'href');
    assert.equal(fileLink, fileHref(covered.path, 0));
    const lineLinks = await page.$$eval('#source .line a.ln', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(lineLinks.length, shading.length);
    lineLinks.forEach((h, i) => assert.equal(h, fileHref(covered.path, i + 1)));
    const [req] = await Promise.all([
      context.waitForEvent('request', { predicate: (r) => r.url() === fileLink, timeout: 5000 }),
      page.click('#file-view a.file-link'),
    ]);
    assert.equal(req.url(), fileLink);
    opened = fileLink;
    assert.ok(await page.locator('#file-view.open').count(), 'the page stays as it was');
    await page.locator('#source .line.partial').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOT_DIR, 'file-view.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#file-view.open', { state: 'detached', timeout: 2000 }).catch(() => {});
    assert.equal(await page.locator('#file-view.open').count(), 0);

    // The top candidate's file view marks its function's lines.
    await page.click(`#cand-table tr[data-id="${top.id}"] + tr.detail button.link`);
    await page.waitForSelector('#file-view.open');
    // Every candidate's function in the file is marked; the one opened is
    // the focus.
    const lines = (sel) => page.$$eval(sel, (ls) => ls.map((l) => Number(l.getAttribute('data-line'))));
    const extent = (c) => {
      const fn = topFile.functions.find((x) => x.qualified_name === c.target.function);
      if (!fn) return c.lines.length ? c.lines : [c.target.line];  // a file-level task
      const out = [];
      for (let l = fn.line; l <= fn.end_line; l++) out.push(l);
      return out;
    };
    const inFile = cands.filter((c) => c.target.file === topFile.path);
    const union = [...new Set(inFile.flatMap(extent))].sort((a, b) => a - b);
    assert.deepEqual(await lines('#source .line.target'), union);
    assert.deepEqual(await lines('#source .line.focus'), extent(top));
    // This file has no tests at all (the example's README): every executable
    // line is uncovered.
    if (topFile.coverage && topFile.coverage.lines_covered === 0) {
      assert.equal(await page.locator('#source .line.covered').count(), 0);
      assert.equal(await page.locator('#source .line.uncovered').count(), topFile.coverage.lines_total);
    }
    await page.screenshot({ path: path.join(SHOT_DIR, 'file-view-candidate.png') });

    // Coverage colouring of the treemap.
    await page.keyboard.press('Escape');
    await page.click('#treemap-mode button[data-mode="coverage"]');
    assert.equal(await page.locator('#treemap rect.tm-file').count(), shop.files.filter((f) => f.code_lines > 0).length);

    // The one request: the link clicked above, refused by the test's route.
    assert.ok(attempted.includes(opened), 'the clicked link was requested');
    assert.deepEqual(attempted.filter((u) => u !== opened), [], 'no other network request was attempted');
    assert.deepEqual(errors, [], 'no script error or CSP violation');
  } finally {
    await context.close();
  }
});

test('hostile names render as text: no markup, no script runs', async () => {
  // With the page's CSP bypassed, so the escaping alone is what is tested.
  for (const bypassCSP of [true, false]) {
    const { context, page, attempted, errors } = await open(env('XSS_HTML'), { bypassCSP });
    try {
      const payloads = [...xss.files.map((f) => f.path), ...xss.candidates.map((c) => c.title),
        ...xss.diagnostics.map((d) => d.message)];
      assert.ok(payloads.some((p) => p.includes('</script>')) && payloads.some((p) => p.includes('<!--')));
      // Interact: expand every row, open every file view, switch the maps.
      for (const c of xss.candidates) await page.click(`#cand-table tr[data-id="${c.id}"]`);
      await page.click('#treemap-mode button[data-mode="coverage"]');
      const bodyText = await page.evaluate(() => document.body.innerText);
      for (const c of xss.candidates) assert.ok(bodyText.includes(c.title), c.title);
      for (const d of xss.diagnostics) assert.ok(bodyText.includes(d.message), d.message);
      for (const f of xss.files) {
        await page.evaluate((p) => { location.hash = '#file=' + encodeURIComponent(p); }, f.path);
        await page.waitForFunction((p) => document.querySelector('#file-view.open h2') &&
          document.querySelector('#file-view.open h2').textContent === p, f.path);
        const text = await page.evaluate(() => document.getElementById('file-view').innerText);
        if (xss.candidates.some((c) => c.target.file === f.path)) {
          // The source itself is hostile too; it shows literally.
          assert.ok(text.includes('const char* kPayload = "</script><script>window.__pwned=1</script>";'), f.path);
          assert.ok(text.includes('// </script><img src=x onerror="window.__pwned=1"> & "quotes" <!-- comment'));
        }
        if (f.history && f.history.main_author) assert.ok(text.includes(f.history.main_author));
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      }
      if (!bypassCSP) await page.screenshot({ path: path.join(SHOT_DIR, 'xss.png'), fullPage: true });
      const dom = await page.evaluate(() => ({
        pwned: window.__pwned,
        scripts: document.scripts.length,
        injected: document.querySelectorAll('img, iframe, object, embed, script:not(#stepup-data) ~ script').length,
        onAttrs: Array.from(document.querySelectorAll('*')).filter((e) =>
          Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
        svgInHtml: Array.from(document.querySelectorAll('svg')).filter((s) => s.id !== 'treemap' && s.id !== 'scatter').length,
        links: document.querySelectorAll('a, [href]').length,
      }));
      // The fixture's remote is a javascript: URL (run.sh): refused, no link anywhere.
      assert.equal(xss.links, null);
      assert.deepEqual(dom, { pwned: undefined, scripts: 2, injected: 0, onAttrs: 0, svgInHtml: 0, links: 0 });
      assert.deepEqual(attempted, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('--html-source=none: no source text and no links in the file view', async () => {
  const { context, page, attempted, errors } = await open(env('SHOP_NONE_HTML'));
  try {
    const html = fs.readFileSync(env('SHOP_NONE_HTML'), 'utf8');
    const f = shop.files.find((x) => x.functions.length && x.coverage);
    await page.evaluate((p) => { location.hash = '#file=' + encodeURIComponent(p); }, f.path);
    await page.waitForSelector('#file-view.open');
    assert.equal(await page.locator('#source').count(), 0);
    assert.equal(await page.locator('#file-view a').count(), 0);
    assert.ok((await page.textContent('#file-view')).includes('--html-source=none'));
    // No line of any source file is in the page.
    const src = fs.readFileSync(path.join(path.dirname(env('SHOP_JSON')), '..', 'shop', f.path), 'utf8');
    const line = src.split('\n').find((l) => l.trim().length > 24 && !/[<>&\\"]/.test(l));
    assert.ok(line && !html.includes(JSON.stringify(line.trim()).slice(1, -1)), line);
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('fix commits named in why-lines link to their commit', async () => {
  const sha = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d';
  const cands = shop.candidates.map((c, i) => (i === 0 ? { ...c, why: ['fixed in ' + sha.slice(0, 10) + ' and 3a4b5c6d', ...c.why] } : c));
  const file = withData(env('SHOP_HTML'), { ...shop, candidates: cands, html: { sources: {}, omitted: {}, source_mode: 'embed' } }, 'why-sha.html');
  const { context, page, attempted, errors } = await open(file);
  try {
    await page.click(`#cand-table tr[data-id="${cands[0].id}"]`);
    const hrefs = await page.$$eval('#cand-table tr.detail ul.why a.sha', (as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    assert.deepEqual(hrefs, [
      [sha.slice(0, 10), 'https://github.com/acme/shop/commit/' + sha.slice(0, 10), 'noopener noreferrer'],
      ['3a4b5c6d', 'https://github.com/acme/shop/commit/3a4b5c6d', 'noopener noreferrer']]);
    // The line reads as before.
    assert.equal(await page.textContent('#cand-table tr.detail ul.why li'), cands[0].why[0]);
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// 5,000 files and 50,000 functions: the example page's data replaced by a
// synthetic report of that size; no task of its rendering may freeze the
// page for a second.
test('a large report loads without a freeze over a second', async () => {
  const html = fs.readFileSync(env('SHOP_HTML'), 'utf8');
  const files = [], candidates = [], modules = [];
  for (let m = 0; m < 100; m++) {
    modules.push({ name: 'mod' + m, files: 50, code_lines: 0, coverage: null, log_calls: 0, owners: ['@team' + (m % 7)], score: 0 });
  }
  for (let i = 0; i < 5000; i++) {
    const functions = [];
    for (let j = 0; j < 10; j++) {
      functions.push({ name: 'f' + j, qualified_name: 'ns::C' + i + '::f' + j, line: 10 * j + 1, end_line: 10 * j + 9,
        cyclomatic: 1 + (i * j) % 13, cognitive: (i + j) % 29, params: j % 4, max_nesting: j % 5,
        coverage: { lines_total: 8, lines_covered: (i + j) % 9, branches_total: 2, branches_covered: 1, uncovered_lines: [], partial_branch_lines: [] },
        history: { commits: i % 17, fix_commits: i % 5, moved: false }, log_calls: 0, findings: [], profile: null, errors: null, defects: null });
    }
    const p = 'src/mod' + (i % 100) + '/file' + i + '.cpp';
    files.push({ path: p, module: 'mod' + (i % 100), is_test: false, code_lines: 50 + (i * 37) % 900,
      coverage: { lines_total: 80, lines_covered: i % 81, branches_total: 0, branches_covered: 0, functions_total: 10, functions_covered: 5,
        branches_total_with_exceptions: 0, branches_covered_with_exceptions: 0 },
      history: { commits: i % 37, fix_commits: i % 7, authors: 2, lines_added: 10, lines_deleted: 3, last_change: '2026-01-01',
        main_author: 'A', main_author_share: 0.5, fragmentation: 0.5, coupled: [] },
      owners: ['@team' + (i % 7)], log_calls: 0, profile: null, errors: null, defects: null, functions });
    candidates.push({ id: 'c' + i, rank: i + 1, kind: ['refactor', 'add-tests', 'add-instrumentation'][i % 3], rule: 'r',
      score: 100 - Math.floor(i / 50), target: { module: 'mod' + (i % 100), file: p, function: 'ns::C' + i + '::f0', line: 1 },
      title: 'Task ' + i, why: ['because'], first_step: 'step', effort: 'SML'[i % 3], newcomer_friendly: i % 4 === 0 });
  }
  const data = { ...shop, summary: { files: 5000, functions: 50000, code_lines: 2500000, line_coverage: 0.5, candidates: 5000 },
    modules, files, candidates, diagnostics: [], html: { sources: {}, omitted: {}, source_budget: 8 << 20 } };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const start = html.indexOf('id="stepup-data">') + 'id="stepup-data">'.length;
  const end = html.indexOf('</script>', start);
  const big = path.join(SHOT_DIR, 'large.html');
  fs.writeFileSync(big, html.slice(0, start) + json + html.slice(end));
  const { context, page, errors } = await open(big);
  try {
    const ms = await page.evaluate(() => window.__stepupRenderMs);
    const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
    const steps = await page.evaluate(() => window.__stepupSteps);
    console.log(`large report (${(json.length / 1048576).toFixed(1)} MiB of data): rendered in ` +
      `${ms.toFixed(0)} ms (steps: ${steps.join(', ')} ms), longest task ${longest.toFixed(0)} ms`);
    assert.ok(longest < 1000, `a task of ${longest} ms`);
    assert.ok(ms < 5000, `rendering took ${ms} ms`);
    assert.equal((await rowIds(page)).length, 200);
    assert.equal(await page.locator('#treemap rect.tm-file').count(), 5000);
    // Sorting 5,000 rows and showing 200 more, timed inside the page (the
    // handlers run synchronously within click()).
    const sortMs = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector('#cand-table th[data-col="owner"]').click();
      document.getElementById('cand-more').click();
      return performance.now() - t;
    });
    console.log(`sort by owner and show more: ${sortMs.toFixed(0)} ms`);
    assert.ok(sortMs < 1000, `sorting took ${sortMs} ms`);
    assert.equal((await rowIds(page)).length, 400);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
