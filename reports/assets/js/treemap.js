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
