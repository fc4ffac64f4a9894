  // ---- the file view (a drawer; #file=<path> in the address) ---------------------------
  var scrim = el('div', 'scrim'), drawer = el('aside', 'drawer');
  drawer.id = 'file-view';
  drawer.setAttribute('aria-label', 'file view');
  document.body.appendChild(scrim);
  document.body.appendChild(drawer);
  scrim.addEventListener('click', closeFile);
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') closeFile(); });
  var focusCand = null, focusLine = 0;
  drawer.setAttribute('role', 'dialog');
  drawer.setAttribute('aria-modal', 'true');
  drawer.tabIndex = -1;
  // The address: #file=<path> for the file view; otherwise the table's
  // filters and open task as parameters (#kind=refactor&task=ID, tasks.js).
  var hashBeforeFile = '', focusBeforeFile = null;
  function hashParams() {
    try { return new URLSearchParams(location.hash.slice(1)); } catch (e) { return new URLSearchParams(); }
  }
  // Rewrites the address without a history entry or a hashchange; never
  // while the file view owns it.
  function writeHash(p) {
    if (location.hash.indexOf('#file=') === 0) return;
    var h = p.toString();
    history.replaceState(null, '', location.pathname + location.search + (h ? '#' + h : ''));
  }

  function openFile(path, cand) {
    focusCand = cand || null;
    var h = '#file=' + encodeURIComponent(path);
    if (location.hash.indexOf('#file=') !== 0) {
      hashBeforeFile = location.hash;
      focusBeforeFile = document.activeElement;
    }
    if (location.hash !== h) location.hash = h; else showFile(path);
  }
  function hideDrawer() {
    drawer.classList.remove('open');
    scrim.classList.remove('open');
    clear(drawer);
    if (focusBeforeFile && document.contains(focusBeforeFile)) focusBeforeFile.focus({ preventScroll: true });
    focusBeforeFile = null;
  }
  function closeFile() {
    if (!drawer.classList.contains('open')) return;
    if (location.hash.indexOf('#file=') === 0) history.pushState('', document.title, location.pathname + location.search + hashBeforeFile);
    hideDrawer();
  }
  function route() {
    if (location.hash.indexOf('#file=') === 0) {
      var path;
      try { path = decodeURIComponent(location.hash.slice(6)); } catch (e) { return; }
      if (!fileByPath[path]) return;
      if (!drawer.classList.contains('open') && !focusBeforeFile) focusBeforeFile = document.activeElement;
      showFile(path);
      drawer.focus({ preventScroll: true });  // the dialog itself: a key still held does not press a button in it
      return;
    }
    if (drawer.classList.contains('open')) hideDrawer();
    if (tasksApi) tasksApi.fromParams(hashParams());
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
    // --html-source=none: neither the text nor links in this view.
    var links = V.source_mode !== 'none';
    var metaBox = el('div', 'meta', meta);
    var here = links ? fileHref(f.path, 0) : null;
    if (here) add(metaBox, ' · ', codeLink('view at ' + L.commit.slice(0, 12) + ' on ' + L.host + ' ↗', here, 'file-link'));
    drawer.appendChild(add(el('div', 'drawer-head'), add(el('div'), el('h2', null, f.path), metaBox), close));
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
    // io-in-loop through calls: each hop opens the file holding that call.
    var chains = [];
    f.functions.forEach(function (fn) {
      (fn.findings || []).forEach(function (x) { if (x.chain) chains.push({ fn: fn, x: x }); });
    });
    if (chains.length) {
      body.appendChild(add(el('h3', null, 'I/O through calls, once per element'), el('small', null, String(chains.length))));
      var chl = el('ul', 'why chains');
      chains.forEach(function (c) {
        var li = add(el('li'), el('span', 'muted', c.fn.name + ', line ' + c.x.line + ': '));
        c.x.chain.forEach(function (h, i) {
          if (i) li.appendChild(document.createTextNode(' → '));
          var hop = el('button', 'hop mono', h.function + ' (' + h.file + ':' + h.line + ')');
          hop.type = 'button';
          hop.title = 'the call of ' + h.function + ' at ' + h.file + ':' + h.line;
          if (!fileByPath[h.file]) hop.disabled = true;
          hop.addEventListener('click', function () { openAt(h.file, h.line); });
          li.appendChild(hop);
        });
        chl.appendChild(li);
      });
      body.appendChild(chl);
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
    body.appendChild(functionTable(f, function (fn) { jumpTo(srcBox, fn.line); }, links));
    body.appendChild(el('h3', null, 'Source'));
    var c = focusCand || cands[0];
    focusCand = null;
    renderSource(body, srcBox, f, cands, c);
    drawer.classList.add('open');
    scrim.classList.add('open');
    drawer.scrollTop = 0;
    if (focusLine) jumpTo(srcBox, focusLine);
    else if (c && c.target.line) jumpTo(srcBox, c.target.line);
    focusLine = 0;
  }

  // Opens path's view at line (a chain's hop); in the open file, jumps there.
  function openAt(path, line) {
    var open = drawer.classList.contains('open') && location.hash === '#file=' + encodeURIComponent(path);
    if (open) { jumpTo(document.getElementById('source'), line); return; }
    focusLine = line;
    openFile(path);
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
    if (V.source_mode === 'none') {
      body.appendChild(el('p', 'note', 'Source text and links were left out of this page (--html-source=none).'));
      return;
    }
    if (V.source_mode === 'link') {
      var u = fileHref(f.path, 0);
      body.appendChild(u ? add(el('p', 'note'), 'The source is not in this page: ', codeLink('read ' + f.path + ' at ' + L.commit.slice(0, 12) + ' on ' + L.host + ' ↗', u, 'file-link'))
        : el('p', 'note', 'The source is not in this page (--html-source=link), and no link to it could be made.'));
      return;
    }
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
        el('span', 'k-part', 'branch partly taken'), el('span', 'k-target', 'candidate task lines'), el('span', 'k-focus', 'the task opened'), el('span', null, 'hits at the left'),
        (src.branches || []).length ? el('span', 'k-br', '“N of M taken”: branch outcomes, click for which') : null));
    } else {
      body.appendChild(add(el('div', 'srckey'), el('span', 'k-target', 'candidate task lines'), el('span', null, 'no coverage data for this file')));
    }
    var runs = tokenRuns(src.syntax), branches = {};
    (src.branches || []).forEach(function (b) { branches[b[0]] = b.slice(1); });
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
      add(row, L ? codeLink(String(n), fileHref(f.path, n), 'ln') : el('span', 'ln', n), el('span', 'hits', n in hits ? (hits[n] === 0 ? '0' : fmt(hits[n]) + '×') : ''),
        codeCell(text.replace(/\r$/, ''), runs[n]));
      if (branches[n]) branchMarker(row, branches[n]);
      frag.appendChild(row);
    });
    srcBox.appendChild(frag);
    body.appendChild(srcBox);
  }

  // ---- syntax colours and branch outcomes ------------------------------------------
  // src.syntax: three numbers a token segment, each relative to the one
  // before: [line delta, column delta, length * 4 + class], in the UTF-16
  // units of the text (reports/source_view.h). Returns line -> [[column,
  // length, class]...]; a token over several lines has a segment on each.
  var TK = ['tk-k', 'tk-l', 'tk-c', 'tk-i'];
  function tokenRuns(syntax) {
    var out = {}, line = 0, end = 0;
    syntax = syntax || [];
    for (var i = 0; i + 2 < syntax.length; i += 3) {
      if (syntax[i] > 0) { line += syntax[i]; end = 0; }
      var col = end + syntax[i + 1], len = syntax[i + 2] >> 2;
      (out[line] = out[line] || []).push([col, len, syntax[i + 2] & 3]);
      end = col + len;
    }
    return out;
  }
  // One line's code: its token runs as <span class="tk-*">, the rest as
  // text nodes; runs past the text (a stripped \r) are cut to it.
  function codeCell(text, runs) {
    var code = el('span', 'code');
    if (!text) { code.textContent = ' '; return code; }
    var at = 0;
    (runs || []).forEach(function (r) {
      var s = Math.max(r[0], at), e = Math.min(r[0] + r[1], text.length);
      if (e <= s) return;
      if (s > at) code.appendChild(document.createTextNode(text.slice(at, s)));
      code.appendChild(el('span', TK[r[2]], text.slice(s, e)));
      at = e;
    });
    if (at < text.length) code.appendChild(document.createTextNode(text.slice(at)));
    return code;
  }
  function andList(ns) { return ns.length === 1 ? String(ns[0]) : ns.slice(0, -1).join(', ') + ' and ' + ns[ns.length - 1]; }
  // "2 of 4 taken" after the code; its title and aria-label name the
  // outcomes never taken, and a click shows that beside it.
  function branchMarker(row, counts) {
    var never = [];
    counts.forEach(function (n, i) { if (n === 0) never.push(i + 1); });
    var summary = (counts.length - never.length) + ' of ' + counts.length + ' taken';
    var detail = never.length ? (never.length === 1 ? 'outcome ' : 'outcomes ') + andList(never) + ' never taken' : 'every outcome taken';
    var full = 'branch outcomes: ' + summary + '; ' + detail + ' (counts ' + counts.map(fmt).join(', ') + ')';
    var b = el('button', never.length ? 'br br-part' : 'br', summary);
    b.type = 'button';
    b.title = full;
    b.setAttribute('aria-label', full);
    b.setAttribute('aria-expanded', 'false');
    var more = el('span', 'br-detail', detail);
    more.hidden = true;
    b.addEventListener('click', function () {
      more.hidden = !more.hidden;
      b.setAttribute('aria-expanded', String(!more.hidden));
    });
    add(row, b, more);
  }
