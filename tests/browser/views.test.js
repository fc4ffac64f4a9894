// Browser tests of the charts and the page's looks: scatter labels that
// never overlap, treemap labels that fit and can be read, dark mode, print,
// and the charts reached by keyboard. Same browser and pages as
// report.test.js (lib.js).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { env, SHOT_DIR, shop, open, withData, settled } = require('./lib.js');

const basename = (p) => p.slice(p.lastIndexOf('/') + 1);
const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a, b, tol = 0.5) => a.left >= b.left - tol && a.right <= b.right + tol && a.top >= b.top - tol && a.bottom <= b.bottom + tol;

// 30 files with near-identical churn and complexity and long names: their
// dots sit in a heap, so their labels would pile up; one tiny file beside
// big ones gets a treemap cell too small for a label.
function crowded() {
  const tpl = shop.files.find((f) => !f.is_test && f.functions.length && f.history);
  const files = [];
  for (let i = 0; i < 30; i++) {
    const p = `src/storage_engine/versioned_${['table', 'compaction', 'manifest'][i % 3]}_implementation_${i}.cc`;
    const functions = tpl.functions.slice(0, 1).map((fn, j) => ({ ...fn, qualified_name: `ns::f${i}_${j}`, cognitive: 40 + (i % 4) }));
    files.push({ ...tpl, path: p, module: 'src/storage_engine', code_lines: 200 + 10 * (i % 5), functions,
      history: { ...tpl.history, commits: 20 + (i % 3), coupled: [] } });
  }
  files.push({ ...files[0], path: 'src/tiny/a_helper_with_a_name_far_too_long_for_its_cell.cc', module: 'src/tiny', code_lines: 1,
    functions: files[0].functions.map((fn) => ({ ...fn, qualified_name: 'ns::tiny' })) });
  const tplCand = shop.candidates[0];
  const candidates = files.slice(0, 20).map((f, i) => ({ ...tplCand, id: 'v' + i, rank: i + 1, score: 90 - 3 * i,
    target: { ...tplCand.target, module: f.module, file: f.path, function: f.functions[0].qualified_name, line: 1 } }));
  const modules = ['src/storage_engine', 'src/tiny'].map((name) => ({ ...shop.modules[0], name }));
  return { ...shop, files, candidates, modules, html: { sources: {}, omitted: {}, source_mode: 'embed' } };
}

// Every visible scatter label, pairwise: no two boxes meet, and each lies
// in the chart.
async function scatterLabels(page) {
  return page.$$eval('#scatter text.sc-label', (ts) => ts.map((t) => {
    const r = t.getBoundingClientRect();
    return { name: t.textContent, path: t.getAttribute('data-for'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }));
}
function assertApart(labels) {
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      assert.ok(!meet(labels[i], labels[j]), `${labels[i].name} overlaps ${labels[j].name}`);
    }
  }
}

test('scatter: labels never overlap; an unlabelled dot names its file on hover, with a leader line', async () => {
  const data = crowded();
  const { context, page, errors } = await open(withData(env('SHOP_HTML'), data, 'crowded.html'), { viewport: { width: 1400, height: 900 } });
  try {
    const labels = await scatterLabels(page);
    assert.ok(labels.length >= 1, 'some dot is labelled');
    assertApart(labels);
    const svgBox = await page.$eval('#scatter', (s) => s.getBoundingClientRect().toJSON());
    for (const l of labels) {
      assert.ok(inside(l, svgBox), l.name);
      assert.equal(l.name, basename(l.path));
    }
    // The dots themselves are not covered by a label.
    const dots = await page.$$eval('#scatter circle.sc-dot', (cs) => cs.map((c) => ({ path: c.getAttribute('data-path'),
      cx: c.getBoundingClientRect().left + c.getBoundingClientRect().width / 2, cy: c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2 })));
    assert.equal(dots.length, 31);
    for (const l of labels) for (const d of dots) {
      assert.ok(!(d.cx > l.left && d.cx < l.right && d.cy > l.top && d.cy < l.bottom), `${l.name} covers the centre of ${d.path}`);
    }
    const labelled = new Set(labels.map((l) => l.path));
    const unlabelled = dots.filter((d) => !labelled.has(d.path));
    assert.ok(unlabelled.length > 0, 'the heap leaves some dot unlabelled');
    for (const d of unlabelled) {
      const dot = page.locator(`#scatter circle.sc-dot[data-path="${d.path}"]`);
      await dot.dispatchEvent('mouseover');
      await dot.dispatchEvent('mousemove', { clientX: Math.round(d.cx), clientY: Math.round(d.cy) });
      const hover = await page.$eval('#scatter .sc-hover', (g) => {
        const line = g.querySelector('line'), t = g.querySelector('text');
        const len = Math.hypot(line.x2.baseVal.value - line.x1.baseVal.value, line.y2.baseVal.value - line.y1.baseVal.value);
        return { shown: getComputedStyle(g).display !== 'none', text: t.textContent, len };
      });
      assert.deepEqual([hover.shown, hover.text], [true, basename(d.path)], d.path);
      assert.ok(hover.len > 4, `a leader line for ${d.path}`);
      assert.ok((await page.textContent('.tip')).startsWith(d.path), 'the tooltip names the whole path');
    }
    await page.locator('#scatter').dispatchEvent('mouseleave');
    assert.equal(await page.$eval('#scatter .sc-hover', (g) => getComputedStyle(g).display), 'none');
    await page.locator('#scatter').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOT_DIR, 'scatter-crowded.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('scatter of the example: labels apart, more dots labelled', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'), { viewport: { width: 1400, height: 900 } });
  try {
    for (const mode of ['sum', 'max']) {
      await page.click(`.maphead button[data-mode="${mode}"]`);
      const labels = await scatterLabels(page);
      const dots = await page.locator('#scatter circle.sc-dot').count();
      console.log(`scatter (${mode}): ${labels.length} of ${dots} dots labelled`);
      // The old page labelled six dots, overlapping or not; now more, apart.
      assert.ok(labels.length >= Math.min(dots, 7), `${labels.length} of ${dots} labelled`);
      assertApart(labels);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('treemap: labels at 11 px or more, inside their cells; a small cell names its file on hover', async () => {
  for (const [file, viewport] of [[env('SHOP_HTML'), { width: 1400, height: 900 }],
    [withData(env('SHOP_HTML'), crowded(), 'crowded-tm.html'), { width: 1000, height: 800 }]]) {
    const { context, page, errors } = await open(file, { viewport });
    try {
      const labels = await page.$$eval('#treemap text', (ts) => ts.map((t) => {
        const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const cell = t.classList.contains('tm-flabel') ? t.previousElementSibling : t.parentNode.querySelector('rect.tm-module');
        return { text: t.textContent, cls: t.getAttribute('class'), px: parseFloat(getComputedStyle(t).fontSize) * scale,
          box: t.getBoundingClientRect().toJSON(), cell: cell.getBoundingClientRect().toJSON(), cellCls: cell.getAttribute('class') };
      }));
      assert.ok(labels.some((l) => l.cls.startsWith('tm-flabel')), 'some file is labelled');
      for (const l of labels) {
        assert.ok(l.px >= 11 - 1e-6, `${l.text}: ${l.px.toFixed(2)} px`);
        assert.match(l.cellCls, /^tm-(file|module)/);
        assert.ok(inside(l.box, l.cell), `${l.text} leaves its cell`);
      }
      // Cells without a label still name their file: in the accessible name
      // and in the tooltip on hover.
      const bare = await page.$$eval('#treemap rect.tm-file', (rs) => rs
        .filter((r) => !(r.nextElementSibling && r.nextElementSibling.tagName === 'text'))
        .map((r) => ({ path: r.getAttribute('data-path'), label: r.getAttribute('aria-label') })));
      if (file.endsWith('crowded-tm.html')) assert.ok(bare.some((b) => b.path.startsWith('src/tiny/')), 'the tiny file has no label');
      for (const b of bare.slice(0, 10)) {
        assert.ok(b.label.startsWith(b.path + ', coverage '), b.label);
        const cell = page.locator(`#treemap rect.tm-file[data-path="${b.path}"]`);
        await cell.dispatchEvent('mousemove', { clientX: 10, clientY: 10 });
        assert.ok((await page.textContent('.tip')).startsWith(b.path + '\n'), b.path);
      }
      // A new width redraws the charts at that width: labels stay 11 px.
      const before = await page.$eval('#treemap', (s) => s.viewBox.baseVal.width);
      await page.setViewportSize({ width: viewport.width - 200, height: viewport.height });
      await page.waitForFunction((w) => document.querySelector('#treemap').viewBox.baseVal.width !== w, before);
      const px = await page.$$eval('#treemap text, #scatter text.sc-label', (ts) => ts.map((t) => {
        const svg = t.ownerSVGElement;
        return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      }));
      assert.ok(px.length > 0 && px.every((x) => x >= 11 - 1e-6), px.join(' '));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

// Colours from getComputedStyle ('rgb(...)' or 'rgba(...)') to WCAG terms.
const LUM = `(function () {
  function rgb(s) { var m = s.match(/[\\d.]+/g).map(Number); return m.length > 3 && m[3] === 0 ? null : m.slice(0, 3); }
  function lum(c) { return c.map(function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
  function bgOf(e) { for (; e; e = e.parentElement) { var c = rgb(getComputedStyle(e).backgroundColor); if (c) return c; } return [255, 255, 255]; }
  function contrast(e) { var a = lum(rgb(getComputedStyle(e).color)), b = lum(bgOf(e)); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }
  return { bg: lum(bgOf(document.body)), body: contrast(document.querySelector('main h2')),
    legend: contrast(document.querySelector('.legend')),
    badges: Array.from(document.querySelectorAll('.score')).map(function (e) { return [e.textContent, contrast(e)]; }),
    chips: Array.from(document.querySelectorAll('.kind')).map(function (e) { return [e.textContent, contrast(e)]; }),
    cells: Array.from(document.querySelectorAll('#treemap text.tm-flabel')).map(function (t) {
      var a = lum(rgb(getComputedStyle(t).fill)), b = lum(rgb(getComputedStyle(t.previousElementSibling).fill));
      return [t.textContent, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
    }) };
})()`;

test('dark and light mode follow the system; text, badges and kind chips contrast 4.5:1 or more', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, errors } = await open(env('SHOP_HTML'), { colorScheme, viewport: { width: 1400, height: 900 } });
    try {
      // The modules table's badges include score 0 (grey) ones.
      const m = await page.evaluate(LUM);
      if (colorScheme === 'dark') assert.ok(m.bg < 0.2, `dark background, luminance ${m.bg}`);
      else assert.ok(m.bg > 0.8, `light background, luminance ${m.bg}`);
      assert.ok(m.body >= 4.5, `body text ${m.body}`);
      assert.ok(m.legend >= 4.5, `muted text ${m.legend}`);
      assert.ok(m.badges.length >= shop.candidates.length && m.chips.length >= 2);
      for (const [t, c] of m.badges) assert.ok(c >= 4.5, `${colorScheme}: badge ${t}: ${c.toFixed(2)}`);
      for (const [t, c] of m.chips) assert.ok(c >= 4.5, `${colorScheme}: chip ${t}: ${c.toFixed(2)}`);
      // Treemap labels on their cells' colours.
      assert.ok(m.cells.length > 0);
      for (const [t, c] of m.cells) assert.ok(c >= 4.5, `${colorScheme}: treemap label ${t}: ${c.toFixed(2)}`);
      await page.screenshot({ path: path.join(SHOT_DIR, colorScheme + '.png') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('print: no controls, white paper, tables whole', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'), { colorScheme: 'dark' });
  try {
    await page.emulateMedia({ media: 'print' });
    const p = await page.evaluate(() => {
      const shown = (sel) => Array.from(document.querySelectorAll(sel)).filter((e) => getComputedStyle(e).display !== 'none').length;
      const wrap = document.querySelector('.tablewrap');
      return { controls: shown('.controls'), buttons: shown('button'), inputs: shown('input, select'), tips: shown('.tip'),
        bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color,
        overflow: getComputedStyle(wrap).overflow, wrapFull: wrap.scrollHeight <= wrap.clientHeight + 1,
        th: getComputedStyle(document.querySelector('th')).position,
        row: getComputedStyle(document.querySelector('tr.row')).breakInside,
        link: document.querySelector('a') ? getComputedStyle(document.querySelector('a')).textDecorationLine : 'none' };
    });
    assert.deepEqual(p, { controls: 0, buttons: 0, inputs: 0, tips: 0, bg: 'rgb(255, 255, 255)', fg: 'rgb(31, 35, 48)',
      overflow: 'visible', wrapFull: true, th: 'static', row: 'avoid', link: 'none' });
    await page.pdf({ path: path.join(SHOT_DIR, 'print.pdf') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: Tab reaches a treemap cell, Enter opens its file; a scatter dot opens with Space', async () => {
  const { context, page, errors } = await open(env('SHOP_HTML'));
  try {
    let focused = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.tagName === 'rect' && a.closest('#treemap') ? { role: a.getAttribute('role'), path: a.getAttribute('data-path'),
          label: a.getAttribute('aria-label'), outline: getComputedStyle(a).outlineStyle, tip: document.querySelector('.tip').textContent } : null;
      });
    }
    assert.ok(focused, 'Tab reaches the treemap');
    assert.equal(focused.role, 'button');
    assert.match(focused.label, /, coverage (n\/a|[\d.]+%), score \d+$/);
    assert.ok(focused.label.startsWith(focused.path));
    assert.notEqual(focused.outline, 'none', 'a visible focus ring');
    assert.ok(focused.tip.startsWith(focused.path), 'focus shows the tooltip');
    assert.deepEqual(await page.$eval('#treemap', (s) => [s.getAttribute('role'), !!s.getAttribute('aria-label')]), ['group', true]);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#file-view.open');
    assert.equal(await page.evaluate(() => location.hash), '#file=' + encodeURIComponent(focused.path));
    assert.equal(await page.textContent('#file-view h2'), focused.path);
    await page.keyboard.press('Escape');

    const dot = page.locator('#scatter circle.sc-dot').first();
    const dotPath = await dot.getAttribute('data-path');
    assert.equal(await dot.getAttribute('role'), 'button');
    assert.equal(await dot.getAttribute('tabindex'), '0');
    await dot.focus();
    // The page scrolls smoothly (scroll-behavior): wait for focus() to settle.
    const y = await settled(page);
    await page.keyboard.press(' ');
    await page.waitForSelector('#file-view.open');
    assert.equal(await page.evaluate(() => location.hash), '#file=' + encodeURIComponent(dotPath));
    assert.equal(await settled(page), y, 'Space did not scroll the page');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
