// stepup's index.html: renders the report embedded as JSON in #stepup-data.
// Vanilla JS, no library, nothing loaded. Every string from the report (paths,
// names, authors, messages) reaches the DOM as text: textContent,
// createTextNode or setAttribute on a fixed attribute name; nothing is ever
// parsed as markup.
//
// This file and the others in reports/assets/js/ are one script: embed.cmake
// joins them, in the order it lists, inside one function scope.
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

  // ---- colours ---------------------------------------------------------------
  // Darker is worse in both maps. Score 1..100: inferno (the matplotlib map
  // by Smith and van der Walt) from pale yellow through orange and red to
  // violet, without its near-black end; coverage 0..1: viridis, dark violet
  // through teal to yellow. Both change lightness steadily, so they read
  // without telling red from green (tests/browser/palette.test.js simulates
  // deuteranopia on these very functions) and in grey on paper. ColorBrewer's
  // YlOrRd, tried first, failed that test: its yellows and oranges merge.
  // NODATA (no candidate, no coverage data) is grey; the charts give such
  // shapes the class "nodata" so the stylesheet themes it.
  var SCORE_RAMP = ['#fcffa4', '#f7d13d', '#fb9b06', '#ed6925', '#cf4446', '#a52c60', '#781c6d', '#4a0c6b'];
  var COVERAGE_RAMP = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
  var NODATA = '#d0d5dd';
  // The colour at t (0..1) along stops, mixed in sRGB between neighbours.
  function rampAt(stops, t) {
    t = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    var i = Math.min(stops.length - 2, Math.floor(t)), f = t - i, out = '#';
    var a = parseInt(stops[i].slice(1), 16), b = parseInt(stops[i + 1].slice(1), 16);
    for (var sh = 16; sh >= 0; sh -= 8) {
      var c = Math.round(((a >> sh) & 255) * (1 - f) + ((b >> sh) & 255) * f);
      out += (c < 16 ? '0' : '') + c.toString(16);
    }
    return out;
  }
  function scoreColor(s) { return s ? rampAt(SCORE_RAMP, Math.min(100, s) / 100) : NODATA; }
  function coverageColor(r) { return r === null || r === undefined ? NODATA : rampAt(COVERAGE_RAMP, r); }
  // WCAG relative luminance of '#rrggbb'.
  function luminance(hex) {
    var n = parseInt(hex.slice(1), 16), L = 0;
    [[16, 0.2126], [8, 0.7152], [0, 0.0722]].forEach(function (w) {
      var c = ((n >> w[0]) & 255) / 255;
      L += w[1] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    });
    return L;
  }
  // Black or white text, whichever contrasts more: at least 4.58:1 on any colour.
  function inkOn(hex) { var L = luminance(hex); return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000' : '#fff'; }
  function badge(s) {
    var b = el('span', s ? 'score' : 'score nodata', s);
    if (s) { var c = scoreColor(s); b.style.background = c; b.style.color = inkOn(c); }
    return b;
  }
  var kindHue = {};
  // Any kind string renders; its hue is derived from its text, and the
  // stylesheet sets lightness for light and dark mode (.kind, --kind-bg/-fg).
  function kindChip(kind) {
    if (!(kind in kindHue)) {
      var h = 0;
      for (var i = 0; i < kind.length; i++) h = (h * 31 + kind.charCodeAt(i)) % 360;
      kindHue[kind] = h;
    }
    var k = el('span', 'kind', kind);
    k.style.setProperty('--hue', String(kindHue[kind]));
    return k;
  }
  // ---- end of colours ---------------------------------------------------------
  function coverageCell(c) {
    var r = ratio(c);
    if (r === null) return el('span', 'muted', 'n/a');
    var bar = el('span', 'bar'), fill = el('i');
    fill.style.width = (100 * r).toFixed(0) + '%';
    bar.appendChild(fill);
    return add(el('span'), bar, pctText(r));
  }

  // ---- links to the code (report.links) -------------------------------------
  // Addresses come from report.json's templates; each is checked again here
  // (web addresses only, nothing that could leave an attribute) and set with
  // setAttribute on a fixed name. Placeholders are filled with split/join,
  // never String.replace, whose '$' patterns a path could spell.
  var L = R.links || null;
  function safeHref(u) { return /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?([\/?#][^\s"'<>\\`\x00-\x1f\x7f-\uffff]*)?$/.test(u) ? u : null; }
  function fill(t, key, v) { return t.split(key).join(v); }
  function encPath(p) {
    return p.split('/').map(function (s) {
      return encodeURIComponent(s).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
    }).join('/');
  }
  function fileHref(path, line) {
    if (!L || !L.file_url) return null;
    var t = L.file_url;
    if (!line) {
      var h = t.indexOf('#');
      if (h >= 0 && t.indexOf('{line}', h) >= 0) t = t.slice(0, h);
      line = 1;
    }
    return safeHref(fill(fill(t, '{path}', encPath(path)), '{line}', String(line)));
  }
  function commitHref(sha) { return L && L.commit_url ? safeHref(fill(L.commit_url, '{sha}', sha)) : null; }
  // An <a> opening the host in a new tab, or plain text without an address.
  function codeLink(text, href, cls) {
    if (!href) return el('span', cls, text);
    var a = el('a', cls ? cls + ' code-link' : 'code-link', text);
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    a.addEventListener('click', function (ev) { ev.stopPropagation(); });
    return a;
  }
  // A why-line with the commits it names linked: hex words of 7 to 40
  // characters holding a digit and a letter (a count or a word never does).
  function whyLine(text) {
    var li = el('li');
    if (!commitHref('0000000')) { li.textContent = text; return li; }
    var re = /\b[0-9a-f]{7,40}\b/g, last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (!/[0-9]/.test(m[0]) || !/[a-f]/.test(m[0])) continue;
      add(li, text.slice(last, m.index), codeLink(m[0], commitHref(m[0]), 'mono sha'));
      last = m.index + m[0].length;
    }
    add(li, text.slice(last));
    return li;
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
  // name their file in data-path; clicking one opens its file view. They are
  // buttons for the keyboard too (tabindex=0, role=button): focus shows the
  // same tip, at the shape, and Enter or Space opens the file. onHover, if
  // given, hears the path pointed at or focused (null when none).
  function delegate(svg, textFn, onHover) {
    var current = null;
    function pathOf(ev) {
      var p = ev.target.getAttribute && ev.target.getAttribute('data-path');
      return p === null || p === undefined || !fileByPath[p] ? null : p;
    }
    function hover(p) { if (p !== current) { current = p; if (onHover) onHover(p); } }
    function point(ev) {
      var p = pathOf(ev);
      if (p) showTip(ev, textFn(fileByPath[p])); else hideTip();
      hover(p);
    }
    svg.addEventListener('mouseover', point);
    svg.addEventListener('mousemove', point);
    svg.addEventListener('mouseleave', function () { hideTip(); hover(null); });
    svg.addEventListener('click', function (ev) { var p = pathOf(ev); if (p) openFile(p); });
    svg.addEventListener('focusin', function (ev) {
      var p = pathOf(ev);
      if (!p) return;
      var b = ev.target.getBoundingClientRect();
      showTip({ clientX: b.left + Math.min(b.width, 24), clientY: b.top + Math.min(b.height, 24) }, textFn(fileByPath[p]));
      hover(p);
    });
    svg.addEventListener('focusout', function () { hideTip(); hover(null); });
    svg.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      var p = pathOf(ev);
      if (!p) return;
      ev.preventDefault();  // Space would scroll the page
      openFile(p);
    });
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
