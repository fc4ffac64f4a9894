  // ---- treemap (squarified, Bruls et al.) --------------------------------------
  function squarify(items, x, y, w, h) {
    // items: [{value}], sorted descending; returns [{item, x, y, w, h}].
    var out = [], rest = items.slice(), total = 0;
    rest.forEach(function (it) { total += it.value; });
    if (total <= 0) return out;
    // No room (a module too small for its border): every item still gets
    // its (empty) cell, so each file keeps its shape, name and tab stop.
    if (w <= 0 || h <= 0) return items.map(function (it) { return { item: it, x: x, y: y, w: 0, h: 0 }; });
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

  // An invisible SVG in box to measure text in: labels are measured there
  // before the chart joins the document, so measuring lays out a few texts,
  // not a chart of 5,000 shapes (the chart's layout comes once, after the
  // render step, as it would anyway).
  function measurer(box) {
    var m = sv('svg', { class: 'chart measure', 'aria-hidden': 'true' });
    box.appendChild(m);
    return m;
  }
  // Fits text labels into their boxes by their real widths. labels:
  // [{t: <text> in a measurer, avail: width in px}]. Reads every width
  // first, then writes, so the browser lays out once; a label cut to fit
  // ends in '…', one that cannot keep three characters is dropped (t: null).
  function fitLabels(labels, scratch) {
    if (!labels.length) return;
    var probe = scratch.appendChild(labels[0].t.cloneNode(false));
    probe.textContent = '…';
    var ell = probe.getComputedTextLength();
    scratch.removeChild(probe);
    var cuts = labels.map(function (l) {
      var text = l.t.textContent;
      if (l.t.getComputedTextLength() <= l.avail) return -1;
      var lo = 0, hi = text.length;  // longest prefix that fits with the ellipsis
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (l.t.getSubStringLength(0, mid) + ell + 1 <= l.avail) lo = mid; else hi = mid - 1;
      }
      return lo;
    });
    labels.forEach(function (l, i) {
      if (cuts[i] < 0) return;
      if (cuts[i] < 3) { l.t.parentNode.removeChild(l.t); l.t = null; }
      else l.t.textContent = l.t.textContent.slice(0, cuts[i]) + '…';
    });
  }
  var FILE_LABEL_PX = 11;  // .tm-flabel's font-size; the viewBox is in CSS pixels

  function renderTreemap(box, mode) {
    clear(box);
    // One unit of the viewBox is one CSS pixel at the width the panel has
    // now, so label sizes are real sizes (re-drawn when the window resizes).
    var W = Math.round(box.clientWidth) || 900, H = Math.round(Math.max(320, Math.min(620, W * 0.58)));
    box.setAttribute('data-width', W);
    var svg = sv('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'group',
      'aria-label': 'treemap of modules and files: area is code lines, colour is ' +
        (mode === 'coverage' ? 'line coverage' : 'the file\'s highest task score') + '; Enter opens a file' });
    svg.id = 'treemap';
    var scratch = measurer(box);
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
    // A label needs its line (ascent plus descent, about 1.3 em) and some
    // room: smaller cells get none, and only these few are measured.
    var labels = [], lineH = Math.ceil(FILE_LABEL_PX * 1.3), minW = 3 * FILE_LABEL_PX;
    squarify(mods, 0, 0, W, H).forEach(function (m) {
      var g = sv('g', {});
      g.appendChild(sv('rect', { x: m.x + 1, y: m.y + 1, width: Math.max(0, m.w - 2), height: Math.max(0, m.h - 2), class: 'tm-module' }));
      var head = m.w > 60 && m.h > 40 ? lineH + 4 : 0;
      var files = m.item.files.map(function (f) { return { value: f.code_lines, file: f }; })
        .sort(function (a, b) { return b.value - a.value || cmp(a.file.path, b.file.path); });
      squarify(files, m.x + 2, m.y + 2 + head, Math.max(0, m.w - 4), Math.max(0, m.h - 4 - head)).forEach(function (r) {
        var f = r.item.file, cov = ratio(f.coverage), score = fileScore[f.path] || 0;
        var value = mode === 'coverage' ? coverageColor(cov) : scoreColor(score);
        var none = value === NODATA;
        var rect = sv('rect', { x: r.x, y: r.y, width: Math.max(0, r.w), height: Math.max(0, r.h), fill: value,
          class: none ? 'tm-file nodata' : 'tm-file', tabindex: '0', role: 'button' });
        rect.setAttribute('data-path', f.path);
        rect.setAttribute('aria-label', f.path + ', coverage ' + pctText(cov) + ', score ' + score);
        g.appendChild(rect);
        if (r.w >= minW + 8 && r.h >= lineH + 4) {
          var lt = sv('text', { x: r.x + 4, y: r.y + 2 + FILE_LABEL_PX, class: none ? 'tm-flabel nodata' : 'tm-flabel', 'aria-hidden': 'true' });
          if (!none) lt.setAttribute('fill', inkOn(value));
          lt.textContent = basename(f.path);
          labels.push({ t: scratch.appendChild(lt), avail: r.w - 8, g: g, after: rect });
        }
      });
      if (head) {
        var t = sv('text', { x: m.x + 5, y: m.y + 3 + FILE_LABEL_PX, class: 'tm-label', 'aria-hidden': 'true' });
        t.textContent = m.item.name || '(root)';
        labels.push({ t: scratch.appendChild(t), avail: m.w - 10, g: g, after: null });
      }
      svg.appendChild(g);
    });
    fitLabels(labels, scratch);
    // Each label goes right after its cell (a module's name on top of all).
    labels.forEach(function (l) { if (l.t) l.g.insertBefore(l.t, l.after ? l.after.nextSibling : null); });
    box.removeChild(scratch);
    box.appendChild(svg);
    delegate(svg, function (f) {
      return f.path + '\n' + fmt(f.code_lines) + ' code lines · score ' + (fileScore[f.path] || 0) +
        ' · coverage ' + pctText(ratio(f.coverage)) + (f.history ? ' · ' + f.history.commits + ' commits' : '');
    });
    var legend = el('div', 'legend'), ramp = el('span', 'ramp');
    var stops = [];
    for (var i = 0; i <= 10; i++) stops.push(mode === 'coverage' ? coverageColor(i / 10) : scoreColor(i * 10 || 1));
    ramp.style.background = 'linear-gradient(90deg,' + stops.join(',') + ')';
    add(legend, mode === 'coverage' ? 'coverage 0%' : 'score 1', ramp, mode === 'coverage' ? '100%' : '100',
      el('span', 'swatch nodata'), mode === 'coverage' ? 'no coverage data' : 'no task',
      el('span', 'muted', ' · area = code lines · click a file, or Tab to it and press Enter, to open it'));
    box.appendChild(legend);
  }
