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

  // ---- labels that never overlap -------------------------------------------------
  // Boxes are {x0, y0, x1, y1} in viewBox units, which are CSS pixels.
  function boxesMeet(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
  function boxInside(a, b) { return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1; }
  function boxMeetsDot(b, d) {
    var dx = d.x - Math.max(b.x0, Math.min(d.x, b.x1)), dy = d.y - Math.max(b.y0, Math.min(d.y, b.y1));
    return dx * dx + dy * dy < (d.r + 1) * (d.r + 1);
  }
  // Where a w x h label may sit, gap away from dot d: right, left, above,
  // below, then the four corners.
  function labelSpots(d, w, h, gap) {
    var r = d.r + gap, c = d.r * 0.71 + gap;
    return [[d.x + r, d.y - h / 2], [d.x - r - w, d.y - h / 2], [d.x - w / 2, d.y - r - h], [d.x - w / 2, d.y + r],
      [d.x + c, d.y - c - h], [d.x - c - w, d.y - c - h], [d.x + c, d.y + c], [d.x - c - w, d.y + c]]
      .map(function (p) { return { x0: p[0], y0: p[1], x1: p[0] + w, y1: p[1] + h }; });
  }
  // The leader from dot d's edge to the nearest point of box b.
  function leaderTo(d, b) {
    var nx = Math.max(b.x0, Math.min(d.x, b.x1)), ny = Math.max(b.y0, Math.min(d.y, b.y1));
    var len = Math.hypot(nx - d.x, ny - d.y) || 1;
    return { x1: d.x + (nx - d.x) * (d.r + 1) / len, y1: d.y + (ny - d.y) * (d.r + 1) / len, x2: nx, y2: ny };
  }
  // Whether segment s passes through box b (sampled every 2 px) or within
  // dot o's radius.
  function segMeetsBox(s, b) {
    var n = Math.ceil(Math.hypot(s.x2 - s.x1, s.y2 - s.y1) / 2);
    for (var i = 0; i <= n; i++) {
      var x = s.x1 + (s.x2 - s.x1) * i / (n || 1), y = s.y1 + (s.y2 - s.y1) * i / (n || 1);
      if (x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1) return true;
    }
    return false;
  }
  function segMeetsDot(s, o) {
    var dx = s.x2 - s.x1, dy = s.y2 - s.y1, l2 = dx * dx + dy * dy || 1;
    var t = Math.max(0, Math.min(1, ((o.x - s.x1) * dx + (o.y - s.y1) * dy) / l2));
    return Math.hypot(s.x1 + t * dx - o.x, s.y1 + t * dy - o.y) < o.r;
  }
  // Dots by the 24 px squares they touch, so a box meets only its
  // neighbours' dots (5,000 dots, 40 labels, dozens of spots each).
  function dotGrid(dots) {
    var cells = {}, S = 24;
    function keys(x0, y0, x1, y1, fn) {
      for (var i = Math.floor(x0 / S); i <= Math.floor(x1 / S); i++) {
        for (var j = Math.floor(y0 / S); j <= Math.floor(y1 / S); j++) fn(i + ',' + j);
      }
    }
    dots.forEach(function (d) { keys(d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r, function (k) { (cells[k] = cells[k] || []).push(d); }); });
    // Whether test(dot) holds for a dot near the box.
    return function near(b, test) {
      var hit = false;
      keys(b.x0, b.y0, b.x1, b.y1, function (k) { if (!hit && cells[k]) hit = cells[k].some(test); });
      return hit;
    };
  }
  // Spots further out for a label with a leader line: twelve directions,
  // the box on the far side of the point gap away from the dot's edge.
  function farSpots(d, w, h, gap) {
    var out = [];
    for (var k = 0; k < 12; k++) {
      var a = -Math.PI / 2 + k * Math.PI / 6, c = Math.cos(a), s = Math.sin(a);
      var px = d.x + (d.r + gap) * c, py = d.y + (d.r + gap) * s;
      var x0 = c > 0.3 ? px : c < -0.3 ? px - w : px - w / 2, y0 = s > 0.3 ? py : s < -0.3 ? py - h : py - h / 2;
      out.push({ x0: x0, y0: y0, x1: x0 + w, y1: y0 + h });
    }
    return out;
  }
  var MAX_SCATTER_LABELS = 40;  // tried, highest score first; a plot holds no more
  // Greedy placement, highest score first. First pass: each dot takes the
  // first spot right beside it that stays in the plot and meets no placed
  // label, leader line or dot. Second pass, for the dots still bare: spots
  // further out, joined to the dot by a leader line that crosses no label
  // and no other dot. A dot with no such spot stays unlabelled (its name
  // shows on hover or focus). Widths are the texts' own, measured all at
  // once (in a measurer, as the treemap's) before any is moved.
  function placeLabels(svg, dots, plot, scratch) {
    var order = dots.slice().sort(function (a, b) { return b.score - a.score || b.hot - a.hot || cmp(a.f.path, b.f.path); })
      .slice(0, MAX_SCATTER_LABELS);
    var g = sv('g', { 'aria-hidden': 'true' });
    svg.appendChild(g);
    var texts = order.map(function (d) {
      var t = sv('text', { x: 0, y: 0, class: 'sc-label' });
      t.textContent = basename(d.f.path);
      return scratch.appendChild(t);
    });
    var out = { placed: [], leaders: [], labelled: {}, ascent: 11, height: 15 };
    if (!texts.length) return out;
    var bb = texts[0].getBBox();  // at y=0: bb.y is minus the ascent
    out.ascent = -bb.y;
    out.height = bb.height + 2;   // a pixel of halo above and below
    var widths = texts.map(function (t) { return t.getComputedTextLength() + 2; });
    var near = dotGrid(dots);
    function free(b) {
      return boxInside(b, plot) && !out.placed.some(function (q) { return boxesMeet(b, q); }) &&
        !out.leaders.some(function (s) { return segMeetsBox(s, b); }) && !near(b, function (o) { return boxMeetsDot(b, o); });
    }
    function clearPath(s, d) {
      var b = { x0: Math.min(s.x1, s.x2), y0: Math.min(s.y1, s.y2), x1: Math.max(s.x1, s.x2), y1: Math.max(s.y1, s.y2) };
      return !out.placed.some(function (q) { return segMeetsBox(s, q); }) &&
        !near(b, function (o) { return o !== d && segMeetsDot(s, o); });
    }
    function place(i, b, leader) {
      var d = order[i];
      out.placed.push(b);
      out.labelled[d.f.path] = true;
      if (leader) {
        out.leaders.push(leader);
        g.appendChild(sv('line', { x1: leader.x1, y1: leader.y1, x2: leader.x2, y2: leader.y2, class: 'sc-leader', 'data-for': d.f.path }));
      }
      texts[i].setAttribute('x', b.x0 + 1);
      texts[i].setAttribute('y', b.y0 + 1 + out.ascent);
      texts[i].setAttribute('data-for', d.f.path);
      g.appendChild(texts[i]);
    }
    order.forEach(function (d, i) {
      labelSpots(d, widths[i], out.height, 3).some(function (b) { if (!free(b)) return false; place(i, b, null); return true; });
    });
    order.forEach(function (d, i) {
      if (out.labelled[d.f.path]) return;
      [12, 24, 40, 60].some(function (gap) {
        return farSpots(d, widths[i], out.height, gap).some(function (b) {
          if (!free(b)) return false;
          var s = leaderTo(d, b);
          if (!clearPath(s, d)) return false;
          place(i, b, s);
          return true;
        });
      });
    });
    return out;
  }
  // The name of an unlabelled dot, on hover or focus: one text and a leader
  // line, placed further out, off the placed labels where it can be.
  function hoverName(svg, dots, plot, labels) {
    var byPath = {};
    dots.forEach(function (d) { byPath[d.f.path] = d; });
    var g = sv('g', { class: 'sc-hover', 'aria-hidden': 'true' }), line = sv('line', { class: 'sc-leader' });
    var text = sv('text', { class: 'sc-hoverlabel' });
    add(g, line, text);
    g.style.display = 'none';
    svg.appendChild(g);
    return function (path) {
      var d = path === null ? null : byPath[path];
      if (!d || labels.labelled[path]) { g.style.display = 'none'; return; }
      text.textContent = basename(path);
      g.style.display = '';
      var w = text.getComputedTextLength() + 2, h = labels.height;
      var spots = labelSpots(d, w, h, 16).concat(labelSpots(d, w, h, 32)).filter(function (b) { return boxInside(b, plot); });
      var b = spots.filter(function (s) { return !labels.placed.some(function (q) { return boxesMeet(s, q); }); })[0] || spots[0];
      if (!b) {  // wider than the room beside the dot: keep it in the plot, above
        var x0 = Math.max(plot.x0, Math.min(d.x - w / 2, plot.x1 - w)), y0 = Math.max(plot.y0, d.y - d.r - 20 - h);
        b = { x0: x0, y0: y0, x1: x0 + w, y1: y0 + h };
      }
      text.setAttribute('x', b.x0 + 1);
      text.setAttribute('y', b.y0 + 1 + labels.ascent);
      var s = leaderTo(d, b);
      ['x1', 'y1', 'x2', 'y2'].forEach(function (k) { line.setAttribute(k, s[k]); });
    };
  }

  function renderScatter(box, mode) {
    clear(box);
    // As the treemap: viewBox units are CSS pixels at the panel's width.
    var W = Math.round(box.clientWidth) || 600, H = Math.round(Math.max(360, Math.min(600, W * 0.87)));
    var L = 52, T = 28, Rm = 18, B = 42;
    box.setAttribute('data-width', W);
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
    var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'group',
      'aria-label': 'churn versus complexity, one button per file; Enter opens a file' });
    svg.id = 'scatter';
    var scratch = measurer(box);
    var axes = sv('g', { 'aria-hidden': 'true' });
    svg.appendChild(axes);
    // The upper-right quadrant: changed often and hard to change.
    axes.appendChild(sv('rect', { x: X(xmax / 2), y: T, width: pw / 2, height: ph / 2, class: 'sc-hot' }));
    var hl = sv('text', { x: L + pw, y: T - 10, 'text-anchor': 'end', class: 'sc-hotlabel' });
    hl.textContent = 'shaded: hotspots, high churn and high complexity';
    axes.appendChild(hl);
    xt.forEach(function (v) {
      axes.appendChild(sv('line', { x1: X(v), x2: X(v), y1: T, y2: T + ph, class: 'sc-grid' }));
      var t = sv('text', { x: X(v), y: T + ph + 14, 'text-anchor': 'middle', class: 'sc-tick' });
      t.textContent = fmt(v);
      axes.appendChild(t);
    });
    yt.forEach(function (v) {
      axes.appendChild(sv('line', { x1: L, x2: L + pw, y1: Y(v), y2: Y(v), class: 'sc-grid' }));
      var t = sv('text', { x: L - 6, y: Y(v) + 3, 'text-anchor': 'end', class: 'sc-tick' });
      t.textContent = fmt(v);
      axes.appendChild(t);
    });
    axes.appendChild(sv('line', { x1: X(xmax / 2), x2: X(xmax / 2), y1: T, y2: T + ph, class: 'sc-quad' }));
    axes.appendChild(sv('line', { x1: L, x2: L + pw, y1: Y(ymax / 2), y2: Y(ymax / 2), class: 'sc-quad' }));
    axes.appendChild(sv('line', { x1: L, x2: L + pw, y1: T + ph, y2: T + ph, class: 'sc-axis' }));
    axes.appendChild(sv('line', { x1: L, x2: L, y1: T, y2: T + ph, class: 'sc-axis' }));
    var xl = sv('text', { x: L + pw / 2, y: H - 6, 'text-anchor': 'middle', class: 'sc-title' });
    xl.textContent = R.signals && !R.signals.history ? 'commits (no git history in this scan)' : 'commits to the file (churn)';
    axes.appendChild(xl);
    var yl = sv('text', { x: 12, y: T + ph / 2, 'text-anchor': 'middle', class: 'sc-title', transform: 'rotate(-90 12 ' + (T + ph / 2) + ')' });
    yl.textContent = (mode === 'max' ? 'max' : 'sum of') + ' cognitive complexity';
    axes.appendChild(yl);
    var maxLines = 1;
    pts.forEach(function (p) { maxLines = Math.max(maxLines, p.f.code_lines); });
    pts.sort(function (a, b) { return b.f.code_lines - a.f.code_lines; });  // small dots on top
    var dots = pts.map(function (p) {
      var score = fileScore[p.f.path] || 0, r = 3 + 9 * Math.sqrt(p.f.code_lines / maxLines);
      var c = sv('circle', { cx: X(p.x), cy: Y(p.y), r: r.toFixed(1), fill: scoreColor(score),
        class: score ? 'sc-dot' : 'sc-dot nodata', tabindex: '0', role: 'button' });
      c.setAttribute('data-path', p.f.path);
      c.setAttribute('aria-label', p.f.path + ', ' + p.x + ' commits, cognitive complexity ' + (mode === 'max' ? 'max ' : 'sum ') +
        p.y + ', score ' + score);
      svg.appendChild(c);
      return { f: p.f, x: X(p.x), y: Y(p.y), r: r, score: score, hot: (p.x / xmax) * (p.y / ymax) };
    });
    var plot = { x0: L, y0: T, x1: L + pw, y1: T + ph };
    var labels = placeLabels(svg, dots, plot, scratch);
    box.removeChild(scratch);
    box.appendChild(svg);
    delegate(svg, function (f) {
      return f.path + '\n' + (f.history ? f.history.commits : 0) + ' commits · cognitive ' +
        (mode === 'max' ? 'max ' + maxOf(f, 'cognitive') : 'sum ' + sumOf(f, 'cognitive'));
    }, hoverName(svg, dots, plot, labels));
    box.appendChild(el('div', 'legend', 'dot size = code lines · colour = file score (grey: no task) · upper right = changed often and hard to change · ' +
      'unlabelled dots name their file on hover or focus'));
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
    var tmMode = 'score', scMode = 'sum';
    var tmSeg = segmented([['score', 'colour: score'], ['coverage', 'colour: coverage']], 'score',
      function (m) { tmMode = m; renderTreemap(tmBox, m); });
    tmSeg.id = 'treemap-mode';
    add(tmPanel, add(el('div', 'maphead'), el('h3', null, 'Modules → files'), tmSeg), tmBox);
    var scPanel = el('div', 'panel'), scBox = el('div');
    var scSeg = segmented([['sum', 'sum'], ['max', 'max']], 'sum', function (m) { scMode = m; renderScatter(scBox, m); });
    add(scPanel, add(el('div', 'maphead'), el('h3', null, 'Churn × complexity'), scSeg), scBox);
    add(grid, tmPanel, scPanel);
    s.appendChild(grid);
    renderTreemap(tmBox, 'score');
    drawScatter = function () { renderScatter(scBox, 'sum'); };
    // The charts are drawn at the panels' width (labels at their real size):
    // a new width redraws them, once the window has stopped resizing.
    var timer = null;
    window.addEventListener('resize', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        [[tmBox, renderTreemap, tmMode], [scBox, renderScatter, scMode]].forEach(function (c) {
          var was = Number(c[0].getAttribute('data-width'));
          if (was && Math.abs(c[0].clientWidth - was) > 1) c[1](c[0], c[2]);
        });
      }, 200);
    });
  }
  var drawScatter = null;
