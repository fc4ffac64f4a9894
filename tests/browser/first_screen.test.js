// Browser tests of the page's first screen and its state in the address:
// the answer above the fold at 1400×900, the kind pills, deep links, the
// trend from a history store of 3 scans, the CI panels and the keyboard.
// Expected values come from the scans' report.json, never from the page.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { env, SHOT_DIR, shop, open, rowIds, settled } = require('./lib.js');

const ci = JSON.parse(fs.readFileSync(env('CI_JSON'), 'utf8'));
const FOLD = { viewport: { width: 1400, height: 900 } };
const box = (page, sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height }; });
const pct = (r) => (100 * r).toFixed(1) + '%';

test('the first screen at 1400×900: state, top 5 tasks, headline figures with trend, dates', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'), FOLD);
  try {
    // The top five, in rank order, each with title, kind, score and effort.
    const top = await page.$$eval('#top-tasks .top-item', (bs) => bs.map((b) => ({
      id: b.getAttribute('data-id'), title: b.querySelector('.task-title').textContent,
      kind: b.querySelector('.kind').textContent, score: b.querySelector('.score').textContent,
      effort: b.querySelector('.effort').textContent,
    })));
    assert.deepEqual(top, shop.candidates.slice(0, 5).map((c) => ({
      id: c.id, title: c.title, kind: c.kind, score: String(c.score), effort: c.effort,
    })));
    // Everything that answers sits above the fold; the maps come below it.
    for (const sel of ['#state', '#top-tasks', '#summary-coverage', '#summary-tasks', '#summary-max', '#kind-pills']) {
      const b = await box(page, sel);
      assert.ok(b.bottom <= 900 && b.top >= 0 && b.h > 0, `${sel} is above the fold: ${JSON.stringify(b)}`);
    }
    for (const item of await page.$$('#top-tasks .top-item')) {
      const b = await item.boundingBox();
      assert.ok(b.y + b.height <= 900 && b.x + b.width <= 1400, 'a top task is on the first screen');
    }
    const maps = await page.$eval('.maps', (e) => e.getBoundingClientRect().top);
    assert.ok(maps > 900, `the maps start below the fold (${maps})`);
    // Without a gate the state comes from the scores (docs/scoring.md's bands).
    const high = shop.candidates.filter((c) => c.score >= 80).length;
    const verdict = await page.textContent('#overall');
    if (high) assert.match(verdict, new RegExp('^' + high + ' tasks? to pick up first$'));
    const band = (lo, hi) => String(shop.candidates.filter((c) => c.score >= lo && c.score < hi).length);
    assert.deepEqual(await page.$$eval('#score-bands li b', (bs) => bs.map((b) => b.textContent)),
      [band(80, 101), band(60, 80), band(0, 60)]);
    // Dates: the commit's from report.json, and when the scan ran.
    const dates = await page.textContent('#scan-dates');
    assert.ok(shop.repo.commit_date, 'report.json names the commit date');
    assert.ok(dates.includes('commit ' + shop.repo.commit_date.slice(0, 10)), dates);
    assert.match(dates, /scanned \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    // Crossed-out signal chips say what they mean.
    const off = await page.$$eval('.signals .chip.off', (cs) => cs.map((c) => c.title));
    for (const t of off) assert.match(t, /^crossed out: not in this scan/);
    assert.match(await page.textContent('.signals'), /crossed out: a signal this scan did not have/);
    await page.screenshot({ path: path.join(SHOT_DIR, 'first-screen.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the trend from a history store of 3 scans: sparklines, changes, module arrows, task age', async () => {
  const t = shop.trend;
  assert.ok(t, 'the example scan had --history-db');
  assert.equal(t.scans.length, 3);
  assert.equal(t.current, 2);
  const { context, page, errors } = await open(env('SHOP_HTML'), FOLD);
  try {
    // One dot per stored scan that has the figure; the current one marked;
    // a higher value sits higher.
    for (const [sel, key] of [['#summary-tasks', 'candidates'], ['#summary-max', 'max_score'], ['#summary-coverage', 'production_coverage']]) {
      const dots = await page.$$eval(sel + ' svg.spark circle', (cs) => cs.map((c) => ({ i: +c.getAttribute('data-i'), y: +c.getAttribute('cy'), now: c.classList.contains('spark-now') })));
      const want = t.scans.map((s, i) => ({ i, v: s[key] })).filter((x) => x.v !== null);
      assert.deepEqual(dots.map((d) => d.i), want.map((x) => x.i), sel);
      assert.deepEqual(dots.filter((d) => d.now).map((d) => d.i), [2]);
      for (const a of want) for (const b of want) {
        const ya = dots.find((d) => d.i === a.i).y, yb = dots.find((d) => d.i === b.i).y;
        if (a.v > b.v) assert.ok(ya < yb, `${sel}: ${a.v} drawn above ${b.v}`);
      }
    }
    // The change since the previous scan, as report.trend gives it.
    const d = t.scans[2].candidates - t.scans[1].candidates;
    const shown = await page.textContent('#summary-tasks .delta');
    assert.equal(shown, d === 0 ? '=' : (d > 0 ? '▲ +' : '▼ −') + Math.abs(d));
    // Module arrows: score change since the first and the previous scan.
    for (const m of shop.modules) {
      const first = t.module_first[m.name], prev = t.module_previous[m.name];
      const cell = await page.$(`#modules tr[data-module="${m.name}"] .mtrend`);
      assert.ok(cell, m.name);
      const text = await cell.textContent();
      if (!first && !prev) { assert.equal(text, 'new since the first stored scan'); continue; }
      const sign = (x) => (x === 0 ? '=' : x > 0 ? '▲ +' + x : '▼ −' + -x);
      if (prev) assert.ok(text.includes('since previous') && text.endsWith(sign(m.score - prev.score)), `${m.name}: ${text}`);
      if (first) assert.ok(text.includes('since first ') && text.includes(sign(m.score - first.score)), `${m.name}: ${text}`);
    }
    // Tasks new since the previous stored scan: first seen at this one.
    const fresh = shop.candidates.filter((c) => t.first_seen[c.id] === t.scans[2].commit_date).length;
    assert.match(await page.textContent('#new-since'), new RegExp('^' + fresh + ' of the ' + shop.candidates.length + ' tasks appeared'));
    // The backfilled scan before this one had no coverage: the page says the two do not compare.
    const caveat = await page.$('#trend-caveat');
    assert.equal(!!caveat, (t.scans[1].production_coverage === null) !== (t.scans[2].production_coverage === null));
    if (caveat) assert.match(await caveat.textContent(), /do not compare/);
    // How long each task has been open: days from its first stored scan to
    // this scan's commit date.
    const now = Date.parse(t.scans[2].commit_date);
    const ages = await page.$$eval('#cand-table tbody tr.row', (rs) => rs.map((r) => [r.getAttribute('data-id'), r.lastChild.textContent]));
    for (const [id, text] of ages) {
      const days = Math.floor((now - Date.parse(t.first_seen[id])) / 86400000);
      assert.equal(text, days === 0 ? 'new' : days + ' d', id);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('kind pills filter the table; an empty filter says so', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'), FOLD);
  try {
    const kinds = [...new Set(shop.candidates.map((c) => c.kind))].sort();
    assert.deepEqual(await page.$$eval('#kind-pills .pill', (bs) => bs.map((b) => b.getAttribute('data-kind'))), kinds);
    const k = kinds[kinds.length - 1];
    await page.click(`#kind-pills .pill[data-kind="${k}"]`);
    assert.deepEqual(await rowIds(page), shop.candidates.filter((c) => c.kind === k).map((c) => c.id));
    assert.equal(await page.getAttribute(`#kind-pills .pill[data-kind="${k}"]`, 'aria-pressed'), 'true');
    assert.equal(await page.inputValue('#f-kind'), k);
    assert.equal(new URL(page.url()).hash, '#kind=' + encodeURIComponent(k));
    await page.click(`#kind-pills .pill[data-kind="${k}"]`);  // again: every kind
    assert.equal((await rowIds(page)).length, shop.candidates.length);
    assert.equal(await page.getAttribute(`#kind-pills .pill[data-kind="${k}"]`, 'aria-pressed'), 'false');
    // A filter that leaves nothing.
    await page.fill('#f-search', 'no task has this text 7c1e');
    assert.deepEqual(await rowIds(page), []);
    assert.match(await page.textContent('#cand-empty'), /^No task matches these filters\./);
    await page.click('#cand-empty button');
    assert.equal((await rowIds(page)).length, shop.candidates.length);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('deep links: #task=, filters in the address, #file=', async () => {
  const base = pathToFileURL(env('SHOP_HTML')).href;
  const pick = shop.candidates[Math.min(6, shop.candidates.length - 1)];
  const { context, page, errors } = await open(env('SHOP_HTML'), FOLD);
  try {
    // A task: its row open, its detail shown, the row in view.
    await page.goto(base + '#task=' + encodeURIComponent(pick.id));
    await page.waitForSelector('html[data-ready="1"]');
    await page.waitForSelector(`#cand-table tr.row.open[data-id="${pick.id}"]`);
    const detail = await page.$eval(`#cand-table tr.row.open[data-id="${pick.id}"]`, (r) => r.nextSibling.textContent);
    assert.ok(detail.includes(pick.first_step), 'the detail shows the first step');
    await settled(page);
    const r = await box(page, `#cand-table tr.row.open[data-id="${pick.id}"]`);
    assert.ok(r.top >= 0 && r.bottom <= 900, 'the linked task is in view');
    // Filters: the controls follow the address.
    const mod = shop.candidates[0].target.module, kind = shop.candidates[0].kind;
    await page.goto(base + '#kind=' + encodeURIComponent(kind) + '&module=' + encodeURIComponent(mod));
    await page.waitForSelector('html[data-ready="1"]');
    assert.equal(await page.inputValue('#f-kind'), kind);
    assert.equal(await page.inputValue('#f-module'), mod);
    assert.deepEqual(await rowIds(page), shop.candidates.filter((c) => c.kind === kind && c.target.module === mod).map((c) => c.id));
    // Opening a row writes it into the address, beside the filters.
    const first = (await rowIds(page))[0];
    await page.click(`#cand-table tr.row[data-id="${first}"]`);
    const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
    assert.equal(params.get('task'), first);
    assert.equal(params.get('kind'), kind);
    // A file: its view opens; closing it brings the filters back.
    const file = shop.candidates[0].target.file;
    await page.goto(base + '#file=' + encodeURIComponent(file));
    await page.waitForSelector('html[data-ready="1"]');
    await page.waitForSelector('#file-view.open');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#file-view') !== null), true, 'focus moves into the file view');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('CI mode: the gate with each check, patch coverage, new/worsened/resolved that filter', async () => {
  assert.ok(ci.gate && ci.gate.length === 3 && ci.patch, 'the CI scan had a gate, a patch and a baseline');
  const { context, page, errors } = await open(env('CI_HTML'), FOLD);
  try {
    const failed = ci.gate.filter((g) => g.failed).length;
    assert.match(await page.textContent('#gate-verdict'), failed ? /^Gate failed/ : /^Gate passed/);
    const checks = await page.$$eval('#gate-checks li', (ls) => ls.map((l) => ({ text: l.textContent, cls: l.className, m: l.getAttribute('data-measured') })));
    assert.deepEqual(checks.map((c) => c.cls), ci.gate.map((g) => (g.failed ? 'fail' : 'pass')));
    ci.gate.forEach((g, i) => {
      assert.ok(checks[i].text.startsWith((g.failed ? 'FAIL' : 'pass') + ' ' + g.expression + ' ' + g.message), checks[i].text);
      assert.equal(checks[i].m, g.measured === null ? '' : String(g.measured));
    });
    // Patch coverage and the changed files that lack it.
    const patch = await page.textContent('#ci-patch');
    assert.ok(patch.includes('Patch since ' + ci.patch.base));
    assert.ok(patch.includes((ci.patch.line_coverage === null ? 'n/a' : pct(ci.patch.line_coverage)) +
      ' of ' + ci.patch.executable_lines + ' changed executable lines covered'), patch);
    for (const f of ci.patch.files_without_coverage) assert.ok(patch.includes(f + ' no coverage data'), f);
    // New, worsened and resolved, counted from report.json; new filters the table.
    const count = (st) => ci.candidates.filter((c) => c.status === st).length;
    for (const st of ['new', 'worsened']) {
      assert.equal(await page.textContent(`#ci-baseline button[data-status="${st}"] b`), String(count(st)));
    }
    assert.equal(await page.textContent('#ci-baseline .st-resolved b'), String((ci.resolved || []).length));
    await page.click('#ci-baseline button[data-status="new"]');
    assert.deepEqual(await rowIds(page), ci.candidates.filter((c) => c.status === 'new').map((c) => c.id));
    assert.equal(await page.inputValue('#f-status'), 'new');
    // Modules: the whole module's score, never 0 because the patch missed it;
    // greyed outside the patch.
    for (const m of ci.modules) {
      const row = await page.$(`#modules tr[data-module="${m.name}"]`);
      assert.equal(await row.getAttribute('class'), m.in_patch ? null : 'out-of-patch', m.name);
      assert.equal(await row.$eval('.score', (b) => b.textContent), String(m.score));
    }
    const plain = Object.fromEntries(shop.modules.map((m) => [m.name, m.score]));
    for (const m of ci.modules) if (m.in_patch === false) assert.equal(m.score, plain[m.name], `${m.name} keeps its score`);
    await page.screenshot({ path: path.join(SHOT_DIR, 'ci-mode.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: tasks open and close with Enter, the top five are buttons', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'), FOLD);
  try {
    // Tab from the top of the page reaches the top five, then the table.
    let reached = null;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.matches('#cand-table tr.row') ? a.getAttribute('data-id') : null;
      });
    }
    assert.equal(reached, shop.candidates[0].id, 'Tab reaches the first task row');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`#cand-table tr.row[data-id="${reached}"]`, 'aria-expanded'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute(`#cand-table tr.row[data-id="${reached}"]`, 'aria-expanded'), 'false');
    // A top-five button opens its task in the table.
    await page.focus('#top-tasks .top-item');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-id')), shop.candidates[0].id);
    assert.equal(await page.getAttribute(`#cand-table tr.row[data-id="${reached}"]`, 'aria-expanded'), 'true');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
