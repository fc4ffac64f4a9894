// stepup's index.html: renders the report embedded as JSON in #stepup-data.
// Vanilla JS, no library, nothing loaded. Every string from the report (paths,
// names, authors, messages) reaches the DOM as text: textContent,
// createTextNode or setAttribute on a fixed attribute name; nothing is ever
// parsed as markup.
(function () {
  'use strict';
  var t0 = performance.now();
  var R = JSON.parse(document.getElementById('stepup-data').textContent);
  var V = R.html || { sources: {}, omitted: {} };
  var app = document.getElementById('app');
  var SVGNS = 'http://www.w3.org/2000/svg';
  var PAGE = 200;  // rows rendered at first and per "show more"

  // ---- DOM helpers ---------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var k = arguments[i];
      if (k === null || k === undefined) continue;
      parent.appendChild(typeof k === 'string' ? document.createTextNode(k) : k);
    }
    return parent;
  }
  function sv(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function fmt(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'); }
  function ratio(c) { return c && c.lines_total ? c.lines_covered / c.lines_total : null; }
  function pctText(r) { return r === null || r === undefined ? 'n/a' : (100 * r).toFixed(1) + '%'; }
  function basename(p) { var i = p.lastIndexOf('/'); return i < 0 ? p : p.slice(i + 1); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Score 0..100: pale yellow to deep red. Coverage 0..1: red to green.
  function scoreColor(s) {
    if (!s) return '#dfe3ea';
    var x = Math.min(1, s / 100);
    return 'hsl(' + (48 - 48 * x).toFixed(0) + ',' + (80 + 5 * x).toFixed(0) + '%,' + (70 - 26 * x).toFixed(0) + '%)';
  }
  function coverageColor(r) {
    if (r === null || r === undefined) return '#dfe3ea';
    return 'hsl(' + (4 + 128 * r).toFixed(0) + ',58%,' + (58 - 8 * r).toFixed(0) + '%)';
  }
  function badge(s) { var b = el('span', 'score', s); b.style.background = scoreColor(s); if (s < 45) b.style.color = '#3d2a00'; return b; }
  var kindHue = {};
  function kindChip(kind) {
    // Any kind string renders; its colour is derived from its text.
    if (!(kind in kindHue)) {
      var h = 0;
      for (var i = 0; i < kind.length; i++) h = (h * 31 + kind.charCodeAt(i)) % 360;
      kindHue[kind] = h;
    }
    var k = el('span', 'kind', kind);
    k.style.background = 'hsl(' + kindHue[kind] + ',70%,93%)';
    k.style.color = 'hsl(' + kindHue[kind] + ',55%,28%)';
    return k;
  }
  function coverageCell(c) {
    var r = ratio(c);
    if (r === null) return el('span', 'muted', 'n/a');
    var bar = el('span', 'bar'), fill = el('i');
    fill.style.width = (100 * r).toFixed(0) + '%';
    bar.appendChild(fill);
    return add(el('span'), bar, pctText(r));
  }

  // A floating tooltip shared by the charts (text only).
  var tip = el('div', 'tip');
  document.body.appendChild(tip);
  function showTip(ev, text) {
    tip.textContent = text;
    tip.style.display = 'block';
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = x + 'px';
    tip.style.top = (ev.clientY + 14) + 'px';
  }
  function hideTip() { tip.style.display = 'none'; }
  // One listener per chart, not per shape: 5,000 files stay cheap. Shapes
  // name their file in data-path; clicking one opens its file view.
  function delegate(svg, textFn) {
    function fileOf(ev) {
      var p = ev.target.getAttribute && ev.target.getAttribute('data-path');
      return p === null || p === undefined ? null : fileByPath[p];
    }
    svg.addEventListener('mousemove', function (ev) { var f = fileOf(ev); if (f) showTip(ev, textFn(f)); else hideTip(); });
    svg.addEventListener('mouseleave', hideTip);
    svg.addEventListener('click', function (ev) { var f = fileOf(ev); if (f) openFile(f.path); });
  }

  // ---- indexes ---------------------------------------------------------------
  var fileByPath = {};
  R.files.forEach(function (f) { fileByPath[f.path] = f; });
  var moduleByName = {};
  R.modules.forEach(function (m) { moduleByName[m.name] = m; });
  var fileScore = {};      // path -> highest candidate score on it
  var fileCands = {};      // path -> candidates on it
  R.candidates.forEach(function (c) {
    var p = c.target.file;
    if (!p) return;
    fileScore[p] = Math.max(fileScore[p] || 0, c.score);
    (fileCands[p] = fileCands[p] || []).push(c);
  });
  function candOwners(c) {
    var f = c.target.file && fileByPath[c.target.file];
    if (f) return f.owners || [];
    var m = moduleByName[c.target.module];
    return m ? m.owners || [] : [];
  }
  function sumOf(f, key) { var s = 0; for (var i = 0; i < f.functions.length; i++) s += f.functions[i][key]; return s; }
  function maxOf(f, key) { var s = 0; for (var i = 0; i < f.functions.length; i++) s = Math.max(s, f.functions[i][key]); return s; }
  function section(title, note) {
    var s = el('section'), h = el('h2', null, title);
    if (note) h.appendChild(el('small', null, note));
    s.appendChild(h);
    app.appendChild(s);
    return s;
  }

  // ---- summary ---------------------------------------------------------------
  function renderSummary() {
    var s = section('Summary');
    s.id = 'summary';
    var cards = el('div', 'cards');
    function card(value, label, cls) {
      var c = add(el('div', 'card' + (cls ? ' ' + cls : '')), el('b', null, value), el('small', null, label));
      cards.appendChild(c);
      return c;
    }
    card(fmt(R.summary.files), 'files');
    card(fmt(R.summary.functions), 'functions');
    card(fmt(R.summary.code_lines), 'code lines');
    var cov = card(R.summary.line_coverage === null ? 'n/a' : pctText(R.summary.line_coverage), 'line coverage');
    cov.id = 'summary-coverage';
    var kinds = {};
    R.candidates.forEach(function (c) { kinds[c.kind] = (kinds[c.kind] || 0) + 1; });
    var kc = card(fmt(R.summary.candidates), 'candidate tasks', 'wide');
    var chips = el('div', 'chips');
    Object.keys(kinds).sort().forEach(function (k) {
      chips.appendChild(add(el('span', 'chip'), kindChip(k), el('b', null, kinds[k])));
    });
    kc.appendChild(chips);
    var worst = null;
    R.modules.forEach(function (m) { if (!worst || m.score > worst.score) worst = m; });
    if (worst && worst.score > 0) {
      var w = card(worst.name, 'worst module, score ' + worst.score, 'wide');
      w.id = 'summary-worst';
      w.firstChild.style.fontFamily = 'var(--mono)';
      w.firstChild.style.fontSize = '18px';
    } else {
      card('none', 'worst module (no module scored)');
    }
    s.appendChild(cards);
    var sig = add(el('div', 'chips signals'), el('span', 'muted', 'signals: '));
    ['coverage', 'history', 'function_history', 'profile', 'errors', 'findings'].forEach(function (k) {
      if (!R.signals) return;
      sig.appendChild(el('span', 'chip' + (R.signals[k] ? '' : ' off'), k.replace('_', ' ')));
    });
    s.appendChild(sig);
  }

  // ---- treemap (squarified, Bruls et al.) --------------------------------------
  function squarify(items, x, y, w, h) {
    // items: [{value}], sorted descending; returns [{item, x, y, w, h}].
    var out = [], rest = items.slice(), total = 0;
    rest.forEach(function (it) { total += it.value; });
    if (total <= 0) return out;
    var scale = (w * h) / total;
    function worst(row, side) {
      var s = 0, mx = 0, mn = Infinity;
      row.forEach(function (it) { var a = it.value * scale; s += a; mx = Math.max(mx, a); mn = Math.min(mn, a); });
      return Math.max(side * side * mx / (s * s), (s * s) / (side * side * mn));
    }
    while (rest.length) {
      var side = Math.min(w, h), row = [rest.shift()];
      while (rest.length && worst(row.concat([rest[0]]), side) <= worst(row, side)) row.push(rest.shift());
      var area = 0;
      row.forEach(function (it) { area += it.value * scale; });
      var thick = area / side, off = 0;
      row.forEach(function (it) {
        var len = it.value * scale / thick;
        if (w >= h) out.push({ item: it, x: x, y: y + off, w: thick, h: len });
        else out.push({ item: it, x: x + off, y: y, w: len, h: thick });
        off += len;
      });
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    }
    return out;
  }

  function renderTreemap(box, mode) {
    clear(box);
    var W = 900, H = 520;
    var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': 'treemap of modules and files' });
    svg.id = 'treemap';
    var groups = {};
    R.files.forEach(function (f) {
      if (f.code_lines <= 0) return;
      (groups[f.module] = groups[f.module] || []).push(f);
    });
    var mods = Object.keys(groups).map(function (name) {
      var v = 0;
      groups[name].forEach(function (f) { v += f.code_lines; });
      return { name: name, value: v, files: groups[name] };
    }).sort(function (a, b) { return b.value - a.value || cmp(a.name, b.name); });
    squarify(mods, 0, 0, W, H).forEach(function (m) {
      var g = sv('g', {});
      g.appendChild(sv('rect', { x: m.x + 1, y: m.y + 1, width: Math.max(0, m.w - 2), height: Math.max(0, m.h - 2), class: 'tm-module' }));
      var head = m.w > 60 && m.h > 40 ? 16 : 0;
      var files = m.item.files.map(function (f) { return { value: f.code_lines, file: f }; })
        .sort(function (a, b) { return b.value - a.value || cmp(a.file.path, b.file.path); });
      squarify(files, m.x + 2, m.y + 2 + head, Math.max(0, m.w - 4), Math.max(0, m.h - 4 - head)).forEach(function (r) {
        var f = r.item.file;
        var value = mode === 'coverage' ? coverageColor(ratio(f.coverage)) : scoreColor(fileScore[f.path] || 0);
        var rect = sv('rect', { x: r.x, y: r.y, width: Math.max(0, r.w), height: Math.max(0, r.h), fill: value, class: 'tm-file' });
        rect.setAttribute('data-path', f.path);
        g.appendChild(rect);
        if (r.w > 70 && r.h > 16) {
          var name = basename(f.path), maxChars = Math.floor((r.w - 8) / 5.6);
          if (name.length > maxChars) name = name.slice(0, Math.max(1, maxChars - 1)) + '…';
          var lt = sv('text', { x: r.x + 4, y: r.y + 12, class: 'tm-flabel' });
          lt.textContent = name;
          g.appendChild(lt);
        }
      });
      if (head) {
        var label = m.item.name || '(root)', mc = Math.floor((m.w - 8) / 6.2);
        if (label.length > mc) label = label.slice(0, Math.max(1, mc - 1)) + '…';
        var t = sv('text', { x: m.x + 5, y: m.y + 13, class: 'tm-label' });
        t.textContent = label;
        g.appendChild(t);
      }
      svg.appendChild(g);
    });
    delegate(svg, function (f) {
      return f.path + '\n' + fmt(f.code_lines) + ' code lines · score ' + (fileScore[f.path] || 0) +
        ' · coverage ' + pctText(ratio(f.coverage)) + (f.history ? ' · ' + f.history.commits + ' commits' : '');
    });
    box.appendChild(svg);
    var legend = el('div', 'legend'), ramp = el('span', 'ramp');
    var stops = [];
    for (var i = 0; i <= 10; i++) stops.push(mode === 'coverage' ? coverageColor(i / 10) : scoreColor(i * 10 || 1));
    ramp.style.background = 'linear-gradient(90deg,' + stops.join(',') + ')';
    add(legend, mode === 'coverage' ? 'coverage 0%' : 'score 0', ramp, mode === 'coverage' ? '100%' : '100',
      el('span', 'muted', ' · area = code lines · grey = ' + (mode === 'coverage' ? 'no coverage data' : 'no candidate') + ' · click a file to open it'));
    box.appendChild(legend);
  }

  // ---- churn x complexity scatter (Feathers' quadrant) ------------------------------
  function niceTicks(max, n) {
    if (max <= 0) return [0];
    // Counts (commits, complexity) are whole numbers: steps of 1 at least.
    var step = Math.max(1, Math.pow(10, Math.floor(Math.log10(max / n))));
    [1, 2, 5, 10].some(function (m) { if (max / (step * m) <= n) { step *= m; return true; } return false; });
    var out = [], top = Math.ceil(max / step - 1e-9) * step;
    for (var i = 0; i * step <= top + 1e-9; i++) out.push(i * step);
    return out;
  }

  function renderScatter(box, mode) {
    clear(box);
    var W = 600, H = 520, L = 52, T = 28, Rm = 18, B = 42;
    var pts = R.files.filter(function (f) { return !f.is_test && f.functions.length; }).map(function (f) {
      return { f: f, x: f.history ? f.history.commits : 0, y: mode === 'max' ? maxOf(f, 'cognitive') : sumOf(f, 'cognitive') };
    });
    var xmax = 1, ymax = 1;
    pts.forEach(function (p) { xmax = Math.max(xmax, p.x); ymax = Math.max(ymax, p.y); });
    var xt = niceTicks(xmax, 6), yt = niceTicks(ymax, 6);
    xmax = xt[xt.length - 1] || 1; ymax = yt[yt.length - 1] || 1;
    var pw = W - L - Rm, ph = H - T - B;
    function X(v) { return L + pw * v / xmax; }
    function Y(v) { return T + ph - ph * v / ymax; }
    var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': 'churn versus complexity' });
    svg.id = 'scatter';
    // The upper-right quadrant: changed often and hard to change.
    svg.appendChild(sv('rect', { x: X(xmax / 2), y: T, width: pw / 2, height: ph / 2, class: 'sc-hot' }));
    var hl = sv('text', { x: L + pw, y: T - 10, 'text-anchor': 'end', class: 'sc-hotlabel' });
    hl.textContent = 'shaded: hotspots, high churn and high complexity';
    svg.appendChild(hl);
    xt.forEach(function (v) {
      svg.appendChild(sv('line', { x1: X(v), x2: X(v), y1: T, y2: T + ph, class: 'sc-grid' }));
      var t = sv('text', { x: X(v), y: T + ph + 14, 'text-anchor': 'middle', class: 'sc-tick' });
      t.textContent = fmt(v);
      svg.appendChild(t);
    });
    yt.forEach(function (v) {
      svg.appendChild(sv('line', { x1: L, x2: L + pw, y1: Y(v), y2: Y(v), class: 'sc-grid' }));
      var t = sv('text', { x: L - 6, y: Y(v) + 3, 'text-anchor': 'end', class: 'sc-tick' });
      t.textContent = fmt(v);
      svg.appendChild(t);
    });
    svg.appendChild(sv('line', { x1: X(xmax / 2), x2: X(xmax / 2), y1: T, y2: T + ph, class: 'sc-quad' }));
    svg.appendChild(sv('line', { x1: L, x2: L + pw, y1: Y(ymax / 2), y2: Y(ymax / 2), class: 'sc-quad' }));
    svg.appendChild(sv('line', { x1: L, x2: L + pw, y1: T + ph, y2: T + ph, class: 'sc-axis' }));
    svg.appendChild(sv('line', { x1: L, x2: L, y1: T, y2: T + ph, class: 'sc-axis' }));
    var xl = sv('text', { x: L + pw / 2, y: H - 6, 'text-anchor': 'middle', class: 'sc-title' });
    xl.textContent = R.signals && !R.signals.history ? 'commits (no git history in this scan)' : 'commits to the file (churn)';
    svg.appendChild(xl);
    var yl = sv('text', { x: 12, y: T + ph / 2, 'text-anchor': 'middle', class: 'sc-title', transform: 'rotate(-90 12 ' + (T + ph / 2) + ')' });
    yl.textContent = (mode === 'max' ? 'max' : 'sum of') + ' cognitive complexity';
    svg.appendChild(yl);
    var maxLines = 1;
    pts.forEach(function (p) { maxLines = Math.max(maxLines, p.f.code_lines); });
    pts.sort(function (a, b) { return b.f.code_lines - a.f.code_lines; });  // small dots on top
    pts.forEach(function (p) {
      var c = sv('circle', { cx: X(p.x), cy: Y(p.y), r: (3 + 9 * Math.sqrt(p.f.code_lines / maxLines)).toFixed(1),
        fill: scoreColor(fileScore[p.f.path] || 0), class: 'sc-dot' });
      c.setAttribute('data-path', p.f.path);
      svg.appendChild(c);
    });
    // Label the hotspots: the files furthest into the upper right.
    var hot = pts.filter(function (p) { return p.x > 0 && p.y > 0; })
      .map(function (p) { return { p: p, v: (p.x / xmax) * (p.y / ymax) }; })
      .sort(function (a, b) { return b.v - a.v; }).slice(0, 6);
    var placed = [];
    hot.forEach(function (h) {
      var x = X(h.p.x), y = Y(h.p.y) - 10, name = basename(h.p.f.path);
      while (placed.some(function (q) { return Math.abs(q.y - y) < 12 && Math.abs(q.x - x) < 90; })) y += 13;
      placed.push({ x: x, y: y });
      var right = x > W - 140;
      var t = sv('text', { x: right ? x - 8 : x + 8, y: y, 'text-anchor': right ? 'end' : 'start', class: 'sc-label' });
      t.textContent = name;
      svg.appendChild(t);
    });
    delegate(svg, function (f) {
      return f.path + '\n' + (f.history ? f.history.commits : 0) + ' commits · cognitive ' +
        (mode === 'max' ? 'max ' + maxOf(f, 'cognitive') : 'sum ' + sumOf(f, 'cognitive'));
    });
    box.appendChild(svg);
    box.appendChild(el('div', 'legend', 'dot size = code lines · colour = file score · upper right = changed often and hard to change'));
  }

  function segmented(options, initial, onChange) {
    var seg = el('div', 'seg');
    options.forEach(function (o) {
      var b = el('button', o[0] === initial ? 'on' : '', o[1]);
      b.type = 'button';
      b.setAttribute('data-mode', o[0]);
      b.addEventListener('click', function () {
        Array.prototype.forEach.call(seg.children, function (x) { x.className = ''; });
        b.className = 'on';
        onChange(o[0]);
      });
      seg.appendChild(b);
    });
    return seg;
  }

  function renderMaps() {
    var s = section('Hotspot map', 'where the code is big, risky, changed often and hard to change');
    var grid = el('div', 'maps');
    var tmPanel = el('div', 'panel'), tmBox = el('div');
    var tmSeg = segmented([['score', 'colour: score'], ['coverage', 'colour: coverage']], 'score',
      function (m) { renderTreemap(tmBox, m); });
    tmSeg.id = 'treemap-mode';
    add(tmPanel, add(el('div', 'maphead'), el('h3', null, 'Modules → files'), tmSeg), tmBox);
    var scPanel = el('div', 'panel'), scBox = el('div');
    var scSeg = segmented([['sum', 'sum'], ['max', 'max']], 'sum', function (m) { renderScatter(scBox, m); });
    add(scPanel, add(el('div', 'maphead'), el('h3', null, 'Churn × complexity'), scSeg), scBox);
    add(grid, tmPanel, scPanel);
    s.appendChild(grid);
    renderTreemap(tmBox, 'score');
    drawScatter = function () { renderScatter(scBox, 'sum'); };
  }
  var drawScatter = null;

  // ---- a generic sortable table (functions, modules, diagnostics) ---------------------
  // cols: [{title, key: item -> sortable value, cell?: item -> node|string, num?}]
  function sortableTable(cols, items, opts) {
    opts = opts || {};
    var wrap = el('div', opts.inner ? '' : 'tablewrap');
    var table = el('table', opts.inner ? 'inner' : ''), thead = el('thead'), hr = el('tr'), tbody = el('tbody');
    var state = { col: opts.sortCol === undefined ? null : opts.sortCol, dir: opts.sortDir || 1, shown: PAGE };
    var ths = cols.map(function (c, i) {
      var th = el('th', 'sortable' + (c.num ? ' num' : ''), c.title);
      th.addEventListener('click', function () {
        state.dir = state.col === i ? -state.dir : (c.num ? -1 : 1);
        state.col = i;
        render();
      });
      hr.appendChild(th);
      return th;
    });
    var more = el('button', 'more', 'show more');
    more.type = 'button';
    more.addEventListener('click', function () { state.shown += PAGE * 5; render(); });
    function render() {
      ths.forEach(function (th, i) {
        if (i === state.col) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      });
      var rows = items.slice();
      if (state.col !== null) {
        var key = cols[state.col].key;
        rows.sort(function (a, b) { return cmp(key(a), key(b)) * state.dir; });
      }
      clear(tbody);
      var frag = document.createDocumentFragment();
      rows.slice(0, state.shown).forEach(function (it) {
        var tr = el('tr');
        cols.forEach(function (c) {
          var v = c.cell ? c.cell(it) : c.key(it);
          tr.appendChild(add(el('td', c.num ? 'num' : ''), typeof v === 'object' && v !== null ? v : String(v)));
        });
        if (opts.onRow) opts.onRow(tr, it);
        frag.appendChild(tr);
      });
      tbody.appendChild(frag);
      more.style.display = rows.length > state.shown ? '' : 'none';
      more.textContent = 'show more (' + fmt(rows.length - state.shown) + ' hidden)';
    }
    thead.appendChild(hr);
    add(table, thead, tbody);
    add(wrap, table, more);
    render();
    return wrap;
  }

  function functionTable(f, onPick) {
    var candLines = {};
    (fileCands[f.path] || []).forEach(function (c) { if (c.target.function) candLines[c.target.function] = Math.max(candLines[c.target.function] || 0, c.score); });
    return sortableTable([
      { title: 'function', key: function (x) { return x.qualified_name; },
        cell: function (x) {
          var s = el('span', 'mono', x.qualified_name);
          if (candLines[x.qualified_name]) return add(el('span'), s, ' ', badge(candLines[x.qualified_name]));
          return s;
        } },
      { title: 'lines', num: true, key: function (x) { return x.line; }, cell: function (x) { return x.line + '–' + x.end_line; } },
      { title: 'cyclomatic', num: true, key: function (x) { return x.cyclomatic; } },
      { title: 'cognitive', num: true, key: function (x) { return x.cognitive; } },
      { title: 'nesting', num: true, key: function (x) { return x.max_nesting; } },
      { title: 'params', num: true, key: function (x) { return x.params; } },
      { title: 'coverage', num: true, key: function (x) { var r = ratio(x.coverage); return r === null ? -1 : r; }, cell: function (x) { return coverageCell(x.coverage); } },
      { title: 'commits', num: true, key: function (x) { return x.history ? x.history.commits : -1; }, cell: function (x) { return x.history ? String(x.history.commits) : '–'; } },
      { title: 'fixes', num: true, key: function (x) { return x.history ? x.history.fix_commits : -1; }, cell: function (x) { return x.history ? String(x.history.fix_commits) : '–'; } },
      { title: 'log calls', num: true, key: function (x) { return x.log_calls; } },
      { title: 'findings', key: function (x) { return x.findings.length; },
        cell: function (x) {
          if (!x.findings.length) return el('span', 'muted', '–');
          var d = el('span');
          x.findings.forEach(function (k, i) {
            if (i) d.appendChild(document.createTextNode(', '));
            var s = el('span', 'mono', k.kind + ' @' + k.line);
            s.title = k.detail;
            d.appendChild(s);
          });
          return d;
        } }
    ], f.functions, { inner: true, onRow: onPick ? function (tr, x) { tr.className = 'row'; tr.addEventListener('click', function () { onPick(x); }); } : null });
  }

  // ---- the ranked candidate table -----------------------------------------------
  function renderCandidates() {
    var s = section('Candidate tasks', 'ranked; click a row for why, the first step and the functions');
    s.id = 'candidates';
    var hasStatus = R.candidates.some(function (c) { return c.status; });
    function options(label, values) {
      var sel = el('select');
      sel.appendChild(el('option', null, label)).value = '';
      values.forEach(function (v) { var o = el('option', null, v); o.value = v; sel.appendChild(o); });
      return sel;
    }
    function uniq(f) {
      var seen = {};
      R.candidates.forEach(function (c) { [].concat(f(c)).forEach(function (v) { if (v !== null && v !== undefined && v !== '') seen[v] = 1; }); });
      return Object.keys(seen).sort();
    }
    var kindSel = options('all kinds', uniq(function (c) { return c.kind; }));
    kindSel.id = 'f-kind';
    var moduleSel = options('all modules', uniq(function (c) { return c.target.module; }));
    moduleSel.id = 'f-module';
    var ownerSel = options('all owners', uniq(candOwners));
    ownerSel.id = 'f-owner';
    var effortSel = options('any effort', uniq(function (c) { return c.effort; }));
    effortSel.id = 'f-effort';
    var newcomer = el('input');
    newcomer.type = 'checkbox';
    newcomer.id = 'f-newcomer';
    var search = el('input');
    search.type = 'search';
    search.id = 'f-search';
    search.placeholder = 'search title, file, function, why…';
    var count = el('span', 'count');
    count.id = 'cand-count';
    var reset = el('button', null, 'reset');
    reset.type = 'button';
    s.appendChild(add(el('div', 'controls'), kindSel, moduleSel, ownerSel, effortSel,
      add(el('label'), newcomer, 'newcomer-friendly'), search, reset, count));

    var cols = [
      { id: 'rank', title: '#', num: true, key: function (c) { return c.rank; } },
      { id: 'score', title: 'score', num: true, key: function (c) { return c.score; } },
      { id: 'kind', title: 'kind', key: function (c) { return c.kind; } },
      { id: 'title', title: 'task', key: function (c) { return c.title.toLowerCase(); } },
      { id: 'module', title: 'module', key: function (c) { return c.target.module; } },
      { id: 'effort', title: 'effort', key: function (c) { return { S: 1, M: 2, L: 3 }[c.effort] || 9; } },
      { id: 'newcomer', title: 'newcomer', key: function (c) { return c.newcomer_friendly ? 0 : 1; } },
      { id: 'owner', title: 'owner', key: function (c) { return candOwners(c).join(' ') || '~'; } }
    ];
    var state = { col: 0, dir: 1, shown: PAGE, list: R.candidates };
    var wrap = el('div', 'tablewrap'), table = el('table'), thead = el('thead'), hr = el('tr'), tbody = el('tbody');
    table.id = 'cand-table';
    var ths = cols.map(function (c, i) {
      var th = el('th', 'sortable' + (c.num ? ' num' : ''), c.title);
      th.setAttribute('data-col', c.id);
      th.addEventListener('click', function () {
        state.dir = state.col === i ? -state.dir : (c.num && c.id !== 'rank' ? -1 : 1);
        state.col = i;
        state.shown = PAGE;
        render();
      });
      hr.appendChild(th);
      return th;
    });
    var moreBar = el('div'), more = el('button', 'more'), all = el('button', 'more', 'show all');
    more.type = all.type = 'button';
    more.id = 'cand-more';
    more.addEventListener('click', function () { state.shown += PAGE; render(); });
    all.addEventListener('click', function () { state.shown = Infinity; render(); });
    add(moreBar, more, all);

    function detail(c) {
      var d = el('div');
      var ul = d.appendChild(el('ul', 'why'));
      c.why.forEach(function (w) { ul.appendChild(el('li', null, w)); });
      d.appendChild(add(el('div', 'first'), el('b', null, 'First step: '), c.first_step));
      var meta = add(el('div', 'meta'), 'rule ', el('code', null, c.rule), ' · id ', el('code', null, c.id));
      if (c.target.file) meta.appendChild(document.createTextNode(' · ' + c.target.file + (c.target.line ? ':' + c.target.line : '')));
      d.appendChild(meta);
      var f = c.target.file && fileByPath[c.target.file];
      if (f) {
        var open = el('button', 'link', 'open the file view →');
        open.type = 'button';
        open.addEventListener('click', function (ev) { ev.stopPropagation(); openFile(f.path, c); });
        d.appendChild(add(el('h3', null, 'Functions in ' + basename(f.path)), el('small', null, f.functions.length + ' · '), open));
        d.appendChild(functionTable(f));
      }
      return d;
    }

    function render() {
      ths.forEach(function (th, i) {
        if (i === state.col) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
      });
      var key = cols[state.col].key, dir = state.dir;
      var rows = state.list.slice().sort(function (a, b) { return cmp(key(a), key(b)) * dir || a.rank - b.rank; });
      clear(tbody);
      var frag = document.createDocumentFragment();
      rows.slice(0, state.shown).forEach(function (c) {
        var tr = el('tr', 'row');
        tr.setAttribute('data-id', c.id);
        var task = add(el('td'), el('span', 'task-title', c.title));
        if (hasStatus && c.status) task.appendChild(el('span', 'status', c.status));
        var where = c.target.file ? c.target.file + (c.target.function ? ' · ' + c.target.function : '') : c.target.module;
        task.appendChild(el('span', 'task-target', where));
        add(tr, el('td', 'num', c.rank), add(el('td', 'num'), badge(c.score)), add(el('td'), kindChip(c.kind)), task,
          el('td', 'mono', c.target.module), el('td', null, c.effort),
          c.newcomer_friendly ? el('td', 'yes', 'yes') : el('td', 'muted', ''),
          el('td', 'mono', candOwners(c).join(' ')));
        var open = null;
        tr.addEventListener('click', function () {
          if (open) { tbody.removeChild(open); open = null; tr.className = 'row'; return; }
          open = el('tr', 'detail');
          var td = el('td');
          td.colSpan = cols.length;
          open.appendChild(td).appendChild(detail(c));
          tbody.insertBefore(open, tr.nextSibling);
          tr.className = 'row open';
        });
        frag.appendChild(tr);
      });
      tbody.appendChild(frag);
      var hidden = rows.length - Math.min(rows.length, state.shown);
      moreBar.style.display = hidden > 0 ? '' : 'none';
      more.textContent = 'show ' + Math.min(PAGE, hidden) + ' more (' + fmt(hidden) + ' hidden)';
      count.textContent = (state.filtered ? fmt(state.list.length) + ' of ' : '') + fmt(R.candidates.length) + ' tasks';
    }
    function filter() {
      var q = search.value.trim().toLowerCase();
      state.list = R.candidates.filter(function (c) {
        if (kindSel.value && c.kind !== kindSel.value) return false;
        if (moduleSel.value && c.target.module !== moduleSel.value) return false;
        if (effortSel.value && c.effort !== effortSel.value) return false;
        if (ownerSel.value && candOwners(c).indexOf(ownerSel.value) < 0) return false;
        if (newcomer.checked && !c.newcomer_friendly) return false;
        if (!q) return true;
        return [c.title, c.kind, c.rule, c.target.module, c.target.file || '', c.target.function || '', c.first_step]
          .concat(c.why).join('\n').toLowerCase().indexOf(q) >= 0;
      });
      state.filtered = !!(q || kindSel.value || moduleSel.value || effortSel.value || ownerSel.value || newcomer.checked);
      state.shown = PAGE;
      render();
    }
    [kindSel, moduleSel, ownerSel, effortSel, newcomer].forEach(function (x) { x.addEventListener('change', filter); });
    search.addEventListener('input', filter);
    reset.addEventListener('click', function () {
      [kindSel, moduleSel, ownerSel, effortSel].forEach(function (x) { x.value = ''; });
      newcomer.checked = false;
      search.value = '';
      filter();
    });
    thead.appendChild(hr);
    add(table, thead, tbody);
    add(wrap, table, moreBar);
    s.appendChild(wrap);
    if (!R.candidates.length) s.appendChild(el('p', 'muted', 'No candidate tasks: no rule found anything worth a task.'));
    render();
  }

  // ---- modules --------------------------------------------------------------------
  function renderModules() {
    var s = section('Modules');
    s.appendChild(sortableTable([
      { title: 'module', key: function (m) { return m.name; }, cell: function (m) { return el('span', 'mono', m.name || '(root)'); } },
      { title: 'score', num: true, key: function (m) { return m.score; }, cell: function (m) { return badge(m.score); } },
      { title: 'files', num: true, key: function (m) { return m.files; } },
      { title: 'code lines', num: true, key: function (m) { return m.code_lines; }, cell: function (m) { return fmt(m.code_lines); } },
      { title: 'coverage', num: true, key: function (m) { var r = ratio(m.coverage); return r === null ? -1 : r; }, cell: function (m) { return coverageCell(m.coverage); } },
      { title: 'log calls', num: true, key: function (m) { return m.log_calls; } },
      { title: 'owners', key: function (m) { return (m.owners || []).join(' '); }, cell: function (m) { return el('span', 'mono', (m.owners || []).join(' ')); } }
    ], R.modules, { sortCol: 1, sortDir: -1 }));
  }

  // ---- the file view (a drawer; #file=<path> in the address) ---------------------------
  var scrim = el('div', 'scrim'), drawer = el('aside', 'drawer');
  drawer.id = 'file-view';
  drawer.setAttribute('aria-label', 'file view');
  document.body.appendChild(scrim);
  document.body.appendChild(drawer);
  scrim.addEventListener('click', closeFile);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') closeFile(); });
  var focusCand = null;

  function openFile(path, cand) {
    focusCand = cand || null;
    var h = '#file=' + encodeURIComponent(path);
    if (location.hash !== h) location.hash = h; else showFile(path);
  }
  function closeFile() {
    if (!drawer.classList.contains('open')) return;
    if (location.hash.indexOf('#file=') === 0) history.pushState('', document.title, location.pathname + location.search);
    drawer.classList.remove('open');
    scrim.classList.remove('open');
    clear(drawer);
  }
  function route() {
    if (location.hash.indexOf('#file=') === 0) {
      var path;
      try { path = decodeURIComponent(location.hash.slice(6)); } catch (e) { return; }
      if (fileByPath[path]) showFile(path);
    } else if (drawer.classList.contains('open')) {
      drawer.classList.remove('open');
      scrim.classList.remove('open');
      clear(drawer);
    }
  }
  window.addEventListener('hashchange', route);

  function fact(label, value) { return add(el('div'), el('b', null, value), el('small', null, label)); }

  function showFile(path) {
    var f = fileByPath[path];
    clear(drawer);
    hideTip();
    var close = el('button', null, 'close ✕');
    close.type = 'button';
    close.addEventListener('click', closeFile);
    var meta = f.module + (f.is_test ? ' · test file' : '') + ((f.owners || []).length ? ' · owners ' + f.owners.join(' ') : '');
    drawer.appendChild(add(el('div', 'drawer-head'), add(el('div'), el('h2', null, f.path), el('div', 'meta', meta)), close));
    var body = el('div', 'drawer-body');
    drawer.appendChild(body);
    var facts = add(el('div', 'facts'), fact('code lines', fmt(f.code_lines)), fact('functions', fmt(f.functions.length)),
      fact('line coverage', pctText(ratio(f.coverage))),
      fact('branch coverage', f.coverage && f.coverage.branches_total ? pctText(f.coverage.branches_covered / f.coverage.branches_total) : 'n/a'),
      fact('max cognitive', maxOf(f, 'cognitive')), fact('log calls', f.log_calls));
    if (f.history) {
      add(facts, fact('commits', f.history.commits), fact('fix commits', f.history.fix_commits), fact('authors', f.history.authors),
        fact('last change', f.history.last_change || '–'),
        fact('main author, ' + Math.round(100 * f.history.main_author_share) + '% of its commits', f.history.main_author || '–'));
      facts.lastChild.className = 'wide';
    }
    body.appendChild(facts);

    var cands = fileCands[f.path] || [];
    if (cands.length) {
      body.appendChild(add(el('h3', null, 'Tasks in this file'), el('small', null, String(cands.length))));
      var ul = el('ul', 'why');
      cands.forEach(function (c) {
        ul.appendChild(add(el('li'), badge(c.score), ' ', kindChip(c.kind), ' ', c.title,
          c.target.line ? el('span', 'muted', ' · line ' + c.target.line) : null));
      });
      body.appendChild(ul);
    }
    if (f.history && f.history.coupled && f.history.coupled.length) {
      body.appendChild(el('h3', null, 'Changes together with'));
      var cu = el('ul', 'why');
      f.history.coupled.slice(0, 8).forEach(function (c) {
        cu.appendChild(add(el('li'), el('span', 'mono', c.path), el('span', 'muted', ' · ' + c.shared + ' shared commits, ' + Math.round(100 * c.degree) + '%')));
      });
      body.appendChild(cu);
    }
    var srcBox = el('div', 'src');
    srcBox.id = 'source';
    body.appendChild(add(el('h3', null, 'Functions'), el('small', null, 'click one to jump to its source')));
    body.appendChild(functionTable(f, function (fn) { jumpTo(srcBox, fn.line); }));
    body.appendChild(el('h3', null, 'Source'));
    var c = focusCand || cands[0];
    focusCand = null;
    renderSource(body, srcBox, f, cands, c);
    drawer.classList.add('open');
    scrim.classList.add('open');
    drawer.scrollTop = 0;
    if (c && c.target.line) jumpTo(srcBox, c.target.line);
  }

  function jumpTo(srcBox, line) {
    var row = srcBox.children[line - 1];
    if (!row) return;
    Array.prototype.forEach.call(srcBox.querySelectorAll('.flash'), function (x) { x.classList.remove('flash'); });
    row.classList.add('flash');
    drawer.scrollTop += row.getBoundingClientRect().top - drawer.getBoundingClientRect().top - 160;
  }

  function renderSource(body, srcBox, f, cands, focus) {
    var src = V.sources[f.path];
    if (!src) {
      var why = V.omitted[f.path] ||
        'only files with a candidate task or coverage data are embedded, to keep the page small';
      body.appendChild(el('p', 'note', 'The source of this file is not embedded in this page: ' + why + '.'));
      return;
    }
    var hits = {};
    src.hits.forEach(function (h) { hits[h[0]] = h[1]; });
    var partial = {}, target = {}, targetStart = {}, focused = {};
    f.functions.forEach(function (fn) {
      if (fn.coverage && fn.coverage.partial_branch_lines) fn.coverage.partial_branch_lines.forEach(function (l) { partial[l] = 1; });
    });
    // Candidates' lines: each one's function extent, else the lines its
    // evidence names (file-level tasks), else its one line; the
    // candidate the view was opened for is 'focus'.
    cands.forEach(function (c) {
      var fn = null;
      f.functions.forEach(function (x) { if (x.qualified_name === c.target.function && (!c.target.line || (x.line <= c.target.line && c.target.line <= x.end_line))) fn = fn || x; });
      var marked = [];
      if (fn) {
        for (var l = fn.line; l <= fn.end_line; l++) marked.push(l);
      } else if (c.lines && c.lines.length) {
        marked = c.lines;  // a file-level task: the lines its evidence names
      } else if (c.target.line) {
        marked = [c.target.line];
      }
      if (!marked.length) return;
      targetStart[marked[0]] = 1;
      marked.forEach(function (n) {
        target[n] = 1;
        if (c === focus) focused[n] = 1;
      });
    });
    var hasHits = src.hits.length > 0;
    if (hasHits) {
      body.appendChild(add(el('div', 'srckey'), el('span', 'k-cov', 'covered'), el('span', 'k-unc', 'not covered'),
        el('span', 'k-part', 'branch partly taken'), el('span', 'k-target', 'candidate task lines'), el('span', 'k-focus', 'the task opened'), el('span', null, 'hits at the left')));
    } else {
      body.appendChild(add(el('div', 'srckey'), el('span', 'k-target', 'candidate task lines'), el('span', null, 'no coverage data for this file')));
    }
    var lines = src.text.split('\n');
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    var frag = document.createDocumentFragment();
    lines.forEach(function (text, i) {
      var n = i + 1, cls = 'line';
      if (n in hits) cls += hits[n] === 0 ? ' uncovered' : partial[n] ? ' partial' : ' covered';
      if (target[n]) cls += ' target';
      if (targetStart[n]) cls += ' target-start';
      if (focused[n]) cls += ' focus';
      var row = el('div', cls);
      row.setAttribute('data-line', n);
      add(row, el('span', 'ln', n), el('span', 'hits', n in hits ? (hits[n] === 0 ? '0' : fmt(hits[n]) + '×') : ''),
        el('span', 'code', text.replace(/\r$/, '') || ' '));
      frag.appendChild(row);
    });
    srcBox.appendChild(frag);
    body.appendChild(srcBox);
  }

  // ---- diagnostics -------------------------------------------------------------------
  function renderDiagnostics() {
    var s = section('Diagnostics', R.diagnostics.length ? R.diagnostics.length + ': what could not be read, mapped or parsed' : 'none');
    s.id = 'diagnostics';
    if (!R.diagnostics.length) { s.appendChild(el('p', 'muted', 'Every input was read and mapped.')); return; }
    var order = { error: 0, warning: 1, info: 2 };
    s.appendChild(sortableTable([
      { title: 'level', key: function (d) { return order[d.level]; }, cell: function (d) { return el('span', 'lvl lvl-' + d.level, d.level); } },
      { title: 'source', key: function (d) { return d.source; }, cell: function (d) { return el('span', 'mono', d.source); } },
      { title: 'path', key: function (d) { return d.path || ''; }, cell: function (d) { return el('span', 'mono', d.path || '–'); } },
      { title: 'message', key: function (d) { return d.message; } }
    ], R.diagnostics, { sortCol: 0, sortDir: 1 }));
  }

  // Rendered in steps, each its own task, so the browser paints between
  // them and no single task freezes the page on a large report.
  var steps = [renderSummary, renderMaps, function () { drawScatter(); }, renderCandidates, renderModules, renderDiagnostics, function () {
    document.body.appendChild(el('footer', null, 'stepup ' + R.tool.version + ' · schema ' + R.schema +
      ' · the same data is in report.json'));
    route();
    window.__stepupRenderMs = performance.now() - t0;
    document.documentElement.setAttribute('data-ready', '1');
  }];
  // Sections keep their order whatever step runs: each appends to app.
  window.__stepupSteps = [Math.round(performance.now() - t0)];  // ms per step, for the tests' log
  (function next() {
    var t = performance.now();
    steps.shift()();
    window.__stepupSteps.push(Math.round(performance.now() - t));
    if (steps.length) setTimeout(next, 0);
  })();
})();
