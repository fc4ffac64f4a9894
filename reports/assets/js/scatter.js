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
