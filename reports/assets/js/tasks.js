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

  // links: false in a file view the page keeps links out of (--html-source=none).
  function functionTable(f, onPick, links) {
    if (links === undefined) links = true;
    var candLines = {};
    (fileCands[f.path] || []).forEach(function (c) { if (c.target.function) candLines[c.target.function] = Math.max(candLines[c.target.function] || 0, c.score); });
    return sortableTable([
      { title: 'function', key: function (x) { return x.qualified_name; },
        cell: function (x) {
          var s = codeLink(x.qualified_name, links ? fileHref(f.path, x.line) : null, 'mono fn-link');
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
    var statusSel = options('any status', hasStatus ? ['new', 'worsened', 'unchanged'] : []);
    statusSel.id = 'f-status';
    if (!hasStatus) statusSel.style.display = 'none';
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
    [kindSel, moduleSel, ownerSel, effortSel, statusSel].forEach(function (x) { x.setAttribute('aria-label', x.firstChild.textContent); });
    search.setAttribute('aria-label', 'search the tasks');
    s.appendChild(add(el('div', 'controls'), kindSel, moduleSel, ownerSel, effortSel, statusSel,
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
    if (T) cols.push({ id: 'age', title: 'open', num: true, key: function (c) { var a = openSince(c); return a ? a.days : -1; } });
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
      c.why.forEach(function (w) { ul.appendChild(whyLine(w)); });
      d.appendChild(add(el('div', 'first'), el('b', null, 'First step: '), c.first_step));
      var meta = add(el('div', 'meta'), 'rule ', el('code', null, c.rule), ' · id ', el('code', null, c.id));
      if (c.target.file) add(meta, ' · ', codeLink(c.target.file + (c.target.line ? ':' + c.target.line : ''), fileHref(c.target.file, c.target.line), 'target-link'));
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
        tr.tabIndex = 0;
        tr.setAttribute('aria-expanded', 'false');
        var task = add(el('td'), el('span', 'task-title', c.title));
        if (hasStatus && c.status) task.appendChild(el('span', 'status', c.status)).title = c.status + ': ' + (STATUS_INFO[c.status] || '');
        var where = c.target.file ? c.target.file + (c.target.function ? ' · ' + c.target.function : '') : c.target.module;
        task.appendChild(el('span', 'task-target', where));
        var b = badge(c.score), k = kindChip(c.kind), eff = el('td', null, c.effort);
        b.title = scoreTitle(c.score);
        k.title = kindTitle(c.kind);
        eff.title = EFFORT_INFO[c.effort] || '';
        add(tr, el('td', 'num', c.rank), add(el('td', 'num'), b), add(el('td'), k), task,
          el('td', 'mono', c.target.module), eff,
          c.newcomer_friendly ? el('td', 'yes', 'yes') : el('td', 'muted', ''),
          el('td', 'mono', candOwners(c).join(' ')));
        if (T) {
          var age = openSince(c), td = el('td', 'num muted', age ? age.text : '–');
          if (age) td.title = age.title;
          tr.appendChild(td);
        }
        tr.addEventListener('click', function () { toggle(tr, c); });
        tr.addEventListener('keydown', function (ev) {
          if (ev.target !== tr || (ev.key !== 'Enter' && ev.key !== ' ')) return;
          ev.preventDefault();
          toggle(tr, c);
        });
        frag.appendChild(tr);
      });
      if (!rows.length && R.candidates.length) {
        var none = el('tr', 'empty'), td0 = el('td');
        td0.colSpan = cols.length;
        var again = el('button', 'link', 'reset the filters');
        again.type = 'button';
        again.addEventListener('click', function () { reset.click(); });
        none.id = 'cand-empty';
        frag.appendChild(add(none, add(td0, 'No task matches these filters. ', again)));
      }
      tbody.appendChild(frag);
      var hidden = rows.length - Math.min(rows.length, state.shown);
      moreBar.style.display = hidden > 0 ? '' : 'none';
      more.textContent = 'show ' + Math.min(PAGE, hidden) + ' more (' + fmt(hidden) + ' hidden)';
      count.textContent = (state.filtered ? fmt(state.list.length) + ' of ' : '') + fmt(R.candidates.length) + ' tasks';
    }
    // A row's detail opens under it; the address names the open task.
    function toggle(tr, c) {
      var next = tr.nextSibling;
      if (next && next.className === 'detail') {
        tbody.removeChild(next);
        tr.className = 'row';
        tr.setAttribute('aria-expanded', 'false');
        if (hashParams().get('task') === c.id) writeHash(filterParams());
        return;
      }
      var open = el('tr', 'detail'), td = el('td');
      td.colSpan = cols.length;
      open.appendChild(td).appendChild(detail(c));
      tbody.insertBefore(open, tr.nextSibling);
      tr.className = 'row open';
      tr.setAttribute('aria-expanded', 'true');
      var p = filterParams();
      p.set('task', c.id);
      writeHash(p);
    }
    var controls = { kind: kindSel, module: moduleSel, owner: ownerSel, effort: effortSel, status: statusSel };
    function filterParams() {
      var p = new URLSearchParams();
      Object.keys(controls).forEach(function (k) { if (controls[k].value) p.set(k, controls[k].value); });
      if (newcomer.checked) p.set('newcomer', '1');
      if (search.value.trim()) p.set('q', search.value.trim());
      return p;
    }
    function filter() {
      applyFilter();
      var p = filterParams(), t = hashParams().get('task');
      if (t && state.list.some(function (c) { return c.id === t; })) p.set('task', t);
      writeHash(p);
    }
    function applyFilter() {
      syncPills(kindSel.value);
      var q = search.value.trim().toLowerCase();
      state.list = R.candidates.filter(function (c) {
        if (kindSel.value && c.kind !== kindSel.value) return false;
        if (statusSel.value && c.status !== statusSel.value) return false;
        if (moduleSel.value && c.target.module !== moduleSel.value) return false;
        if (effortSel.value && c.effort !== effortSel.value) return false;
        if (ownerSel.value && candOwners(c).indexOf(ownerSel.value) < 0) return false;
        if (newcomer.checked && !c.newcomer_friendly) return false;
        if (!q) return true;
        return [c.title, c.kind, c.rule, c.target.module, c.target.file || '', c.target.function || '', c.first_step]
          .concat(c.why).join('\n').toLowerCase().indexOf(q) >= 0;
      });
      state.filtered = !!(q || kindSel.value || moduleSel.value || effortSel.value || ownerSel.value || statusSel.value || newcomer.checked);
      state.shown = PAGE;
      render();
    }
    [kindSel, moduleSel, ownerSel, effortSel, statusSel, newcomer].forEach(function (x) { x.addEventListener('change', filter); });
    search.addEventListener('input', filter);
    function clearControls() {
      Object.keys(controls).forEach(function (k) { controls[k].value = ''; });
      newcomer.checked = false;
      search.value = '';
    }
    reset.addEventListener('click', function () { clearControls(); filter(); });
    // The page's address holds the filters and the open task (#kind=refactor&task=ID):
    // a link to it opens the same view. Unknown values are ignored.
    function fromParams(p) {
      clearControls();
      Object.keys(controls).forEach(function (k) {
        var v = p.get(k), sel = controls[k];
        if (v && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) sel.value = v;
      });
      newcomer.checked = p.get('newcomer') === '1';
      search.value = p.get('q') || '';
      applyFilter();
      var id = p.get('task');
      if (id) showTask(id, true);
    }
    // Opens a task's detail, showing its row first (filters that hide it are
    // cleared; rows beyond the page are rendered).
    function showTask(id, scroll) {
      var c = null;
      R.candidates.forEach(function (x) { if (x.id === id) c = x; });
      if (!c) return;
      if (state.list.indexOf(c) < 0) { clearControls(); applyFilter(); }
      var tr = tbody.querySelector('tr.row[data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]');
      if (!tr) { state.col = 0; state.dir = 1; state.shown = Math.max(state.shown, c.rank); render(); tr = tbody.querySelector('tr.row[data-id="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]'); }
      if (!tr) return;
      if (tr.className !== 'row open') toggle(tr, c);
      if (scroll) tr.scrollIntoView({ block: 'center', behavior: 'instant' });  // a jump, whatever scroll-behavior says
      tr.focus({ preventScroll: !scroll });
    }
    tasksApi = {
      setFilter: function (obj, scroll) {
        Object.keys(obj).forEach(function (k) { if (controls[k]) controls[k].value = obj[k]; });
        filter();
        if (scroll) s.scrollIntoView({ block: 'start' });
      },
      openTask: function (id, scroll) { showTask(id, scroll); },
      fromParams: fromParams
    };
    thead.appendChild(hr);
    add(table, thead, tbody);
    add(wrap, table, moreBar);
    s.appendChild(wrap);
    if (!R.candidates.length) s.appendChild(el('p', 'muted', 'No candidate tasks: no rule found anything worth a task.'));
    render();
  }

  // ---- modules --------------------------------------------------------------------
  // With a history store: each module's change since the first stored scan
  // and since the previous one. In patch mode a module outside the patch
  // keeps its whole score, greyed.
  function renderModules() {
    var s = section('Modules', R.patch ? 'greyed: no changed file in it; its score is the whole module\'s' : null);
    s.id = 'modules';
    function moduleTrend(m) {
      var first = T.module_first[m.name], prev = T.module_previous[m.name];
      var r = ratio(m.coverage), d = el('span', 'mtrend');
      if (!first && !prev) return add(d, el('span', 'muted', 'new since the first stored scan'));
      [[first, 'the first stored scan', 'first'], [prev, 'the previous scan', 'prev']].forEach(function (x) {
        if (!x[0]) return;
        var g = add(el('span', 'mtrend-' + x[2]), el('small', 'muted', x[2] === 'first' ? 'since first ' : 'since previous '));
        add(g, delta(r, x[0].coverage, true, pp, x[1]) || el('span', 'muted', 'cov n/a'), ' ',
          delta(m.score, x[0].score, false, String, x[1]));
        d.appendChild(g);
      });
      return d;
    }
    var cols = [
      { title: 'module', key: function (m) { return m.name; }, cell: function (m) { return el('span', 'mono', m.name || '(root)'); } },
      { title: 'score', num: true, key: function (m) { return m.score; }, cell: function (m) { var b = badge(m.score); b.title = scoreTitle(m.score); return b; } },
      { title: 'files', num: true, key: function (m) { return m.files; } },
      { title: 'code lines', num: true, key: function (m) { return m.code_lines; }, cell: function (m) { return fmt(m.code_lines); } },
      { title: 'coverage', num: true, key: function (m) { var r = ratio(m.coverage); return r === null ? -1 : r; }, cell: function (m) { return coverageCell(m.coverage); } },
      { title: 'log calls', num: true, key: function (m) { return m.log_calls; } },
      { title: 'owners', key: function (m) { return (m.owners || []).join(' '); }, cell: function (m) { return el('span', 'mono', (m.owners || []).join(' ')); } }
    ];
    if (T) cols.splice(5, 0, { title: 'trend', key: function (m) { var p = T.module_previous[m.name]; return p ? m.score - p.score : 0; }, cell: moduleTrend });
    s.appendChild(sortableTable(cols, R.modules, { sortCol: 1, sortDir: -1, onRow: function (tr, m) {
      tr.setAttribute('data-module', m.name);
      if (m.in_patch === false) {
        tr.className = 'out-of-patch';
        tr.title = 'outside the patch: no changed file in this module; the score is the whole module\'s';
      }
    } }));
  }
