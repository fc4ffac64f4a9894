// The inline stylesheet and script of index.html. Vanilla JS, no library:
// the page must open from file:// offline and load nothing. Every value from
// the report reaches the DOM through textContent or a property, never
// through innerHTML.
#pragma once

namespace stepup {

inline constexpr const char* kHtmlStyle = R"CSS(
:root{--bg:#f7f7f9;--fg:#1d1d27;--mut:#667;--card:#fff;--line:#e3e3ea;--acc:#3b5bdb}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;background:var(--bg);color:var(--fg)}
header{padding:18px 28px;background:#1d1d27;color:#fff}header h1{margin:0;font-size:22px}
header h1 span{font-weight:400;color:#aab;font-size:15px;margin-left:8px}.sub{margin:4px 0 0;color:#aab;font-family:ui-monospace,monospace;font-size:12px}
main{padding:20px 28px;max-width:1400px}section{margin-bottom:28px}h2{font-size:17px;margin:0 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:150px}
.card b{display:block;font-size:22px}.card small{color:var(--mut)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#eef0f6;position:sticky;top:0}th.sorted-asc::after{content:" \25B2"}th.sorted-desc::after{content:" \25BC"}
tr.row:hover{background:#f1f3fb;cursor:pointer}td.num{text-align:right;font-variant-numeric:tabular-nums}
.score{display:inline-block;min-width:34px;text-align:center;border-radius:10px;padding:1px 6px;color:#fff;font-weight:600}
.kind{font-family:ui-monospace,monospace;font-size:12px}.detail td{background:#fafaff}.detail ul{margin:4px 0 8px 18px;padding:0}
.controls{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px}.controls input,.controls select{padding:5px 8px;border:1px solid var(--line);border-radius:6px}
code,.mono{font-family:ui-monospace,monospace;font-size:12px}.diag-warning{color:#a15c00}.diag-error{color:#b00020}.diag-info{color:var(--mut)}
.more{margin-top:6px}button{padding:4px 10px;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
)CSS";

inline constexpr const char* kHtmlScript = R"JS(
(function () {
  'use strict';
  var R = JSON.parse(document.getElementById('stepup-data').textContent);
  var app = document.getElementById('app');
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'cls') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (k) { if (k) e.appendChild(k); });
    return e;
  }
  function pct(c) { return c && c.lines_total ? (100 * c.lines_covered / c.lines_total).toFixed(1) + '%' : 'n/a'; }
  function scoreBadge(s) {
    var hue = Math.max(0, 120 - s * 1.2);
    var b = el('span', {cls: 'score', text: String(s)}); b.style.background = 'hsl(' + hue + ',65%,42%)'; return b;
  }
  function section(title, kids) { return el('section', null, [el('h2', {text: title})].concat(kids)); }

  // Summary figures.
  var byKind = {};
  R.candidates.forEach(function (c) { byKind[c.kind] = (byKind[c.kind] || 0) + 1; });
  var worst = R.modules.slice().sort(function (a, b) { return b.score - a.score; })[0];
  function card(v, label) { return el('div', {cls: 'card'}, [el('b', {text: String(v)}), el('small', {text: label})]); }
  var cards = [card(R.summary.files, 'files'), card(R.summary.functions, 'functions'),
    card(R.summary.code_lines, 'code lines'),
    card(R.summary.line_coverage == null ? 'n/a' : (100 * R.summary.line_coverage).toFixed(1) + '%', 'line coverage'),
    card(R.summary.candidates, 'candidate tasks')];
  Object.keys(byKind).sort().forEach(function (k) { cards.push(card(byKind[k], k)); });
  if (worst && worst.score > 0) cards.push(card(worst.name, 'worst module (score ' + worst.score + ')'));
  app.appendChild(section('Summary', [el('div', {cls: 'cards'}, cards)]));

  // A sortable table; rows(data) gives cells, detail(item) an optional expansion.
  function table(cols, items, detail, pageSize) {
    var state = {key: null, dir: 1, shown: pageSize || 200};
    var tbody = el('tbody'), thead = el('tr');
    var wrap = el('div');
    cols.forEach(function (c, i) {
      var th = el('th', {text: c.title});
      th.addEventListener('click', function () {
        state.dir = state.key === i ? -state.dir : (c.num ? -1 : 1); state.key = i;
        Array.prototype.forEach.call(thead.children, function (t) { t.className = ''; });
        th.className = state.dir > 0 ? 'sorted-asc' : 'sorted-desc'; render();
      });
      thead.appendChild(th);
    });
    var more = el('button', {cls: 'more', text: 'show more'});
    more.addEventListener('click', function () { state.shown += 500; render(); });
    var current = items;
    function render() {
      var rows = current.slice();
      if (state.key !== null) {
        var c = cols[state.key];
        rows.sort(function (a, b) { var x = c.value(a), y = c.value(b);
          return (x < y ? -1 : x > y ? 1 : 0) * state.dir; });
      }
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      rows.slice(0, state.shown).forEach(function (item) {
        var tr = el('tr', {cls: detail ? 'row' : ''});
        cols.forEach(function (c) {
          var v = c.cell ? c.cell(item) : document.createTextNode(String(c.value(item)));
          tr.appendChild(el('td', {cls: c.num ? 'num' : ''}, [v]));
        });
        tbody.appendChild(tr);
        if (detail) {
          var open = null;
          tr.addEventListener('click', function () {
            if (open) { tbody.removeChild(open); open = null; return; }
            open = el('tr', {cls: 'detail'}, [el('td', {colspan: String(cols.length)}, [detail(item)])]);
            tbody.insertBefore(open, tr.nextSibling);
          });
        }
      });
      more.style.display = rows.length > state.shown ? '' : 'none';
    }
    wrap.appendChild(el('table', null, [el('thead', null, [thead]), tbody]));
    wrap.appendChild(more);
    wrap.update = function (list) { current = list; render(); };
    render();
    return wrap;
  }

  // Candidates, with filters and search.
  var kindSel = el('select', null, [el('option', {value: '', text: 'all kinds'})]);
  Object.keys(byKind).sort().forEach(function (k) { kindSel.appendChild(el('option', {value: k, text: k})); });
  var effortSel = el('select', null, ['', 'S', 'M', 'L'].map(function (e) {
    return el('option', {value: e, text: e ? 'effort ' + e : 'any effort'}); }));
  var newcomer = el('input', {type: 'checkbox', id: 'newcomer'});
  var search = el('input', {type: 'search', placeholder: 'search tasks, files, functions'});
  var candTable = table([
    {title: '#', num: true, value: function (c) { return c.rank; }},
    {title: 'score', num: true, value: function (c) { return c.score; }, cell: function (c) { return scoreBadge(c.score); }},
    {title: 'kind', value: function (c) { return c.kind; }, cell: function (c) { return el('span', {cls: 'kind', text: c.kind}); }},
    {title: 'task', value: function (c) { return c.title; }},
    {title: 'module', value: function (c) { return c.target.module; }},
    {title: 'effort', value: function (c) { return c.effort; }},
    {title: 'newcomer', value: function (c) { return c.newcomer_friendly ? 'yes' : ''; }}
  ], R.candidates, function (c) {
    var ul = el('ul', null, c.why.map(function (w) { return el('li', {text: w}); }));
    return el('div', null, [ul, el('div', null, [el('b', {text: 'First step: '}), document.createTextNode(c.first_step)]),
      el('div', {cls: 'mono', text: 'rule ' + c.rule + ' · id ' + c.id})]);
  });
  function filterCandidates() {
    var q = search.value.toLowerCase();
    candTable.update(R.candidates.filter(function (c) {
      if (kindSel.value && c.kind !== kindSel.value) return false;
      if (effortSel.value && c.effort !== effortSel.value) return false;
      if (newcomer.checked && !c.newcomer_friendly) return false;
      if (!q) return true;
      return [c.title, c.target.module, c.target.file || '', c.target.function || ''].join(' ').toLowerCase().indexOf(q) >= 0;
    }));
  }
  [kindSel, effortSel, newcomer, search].forEach(function (x) { x.addEventListener('input', filterCandidates); });
  app.appendChild(section('Candidate tasks', [el('div', {cls: 'controls'}, [kindSel, effortSel,
    el('label', null, [newcomer, document.createTextNode(' newcomer-friendly')]), search]), candTable]));

  // Modules and files.
  app.appendChild(section('Modules', [table([
    {title: 'module', value: function (m) { return m.name; }},
    {title: 'files', num: true, value: function (m) { return m.files; }},
    {title: 'code lines', num: true, value: function (m) { return m.code_lines; }},
    {title: 'coverage', value: function (m) { return pct(m.coverage); }},
    {title: 'log calls', num: true, value: function (m) { return m.log_calls; }},
    {title: 'owners', value: function (m) { return (m.owners || []).join(' '); }},
    {title: 'score', num: true, value: function (m) { return m.score; }, cell: function (m) { return scoreBadge(m.score); }}
  ], R.modules)]));
  function maxOf(f, key) { return f.functions.reduce(function (m, x) { return Math.max(m, x[key]); }, 0); }
  app.appendChild(section('Files', [table([
    {title: 'path', value: function (f) { return f.path; }, cell: function (f) { return el('span', {cls: 'mono', text: f.path}); }},
    {title: 'module', value: function (f) { return f.module; }},
    {title: 'test', value: function (f) { return f.is_test ? 'test' : ''; }},
    {title: 'code lines', num: true, value: function (f) { return f.code_lines; }},
    {title: 'functions', num: true, value: function (f) { return f.functions.length; }},
    {title: 'max cognitive', num: true, value: function (f) { return maxOf(f, 'cognitive'); }},
    {title: 'coverage', value: function (f) { return pct(f.coverage); }},
    {title: 'commits', num: true, value: function (f) { return f.history ? f.history.commits : 0; }},
    {title: 'fixes', num: true, value: function (f) { return f.history ? f.history.fix_commits : 0; }},
    {title: 'owners', value: function (f) { return (f.owners || []).join(' '); }}
  ], R.files, function (f) {
    return table([
      {title: 'function', value: function (x) { return x.qualified_name; }, cell: function (x) { return el('span', {cls: 'mono', text: x.qualified_name}); }},
      {title: 'lines', num: true, value: function (x) { return x.line; }, cell: function (x) { return document.createTextNode(x.line + '-' + x.end_line); }},
      {title: 'cyclomatic', num: true, value: function (x) { return x.cyclomatic; }},
      {title: 'cognitive', num: true, value: function (x) { return x.cognitive; }},
      {title: 'nesting', num: true, value: function (x) { return x.max_nesting; }},
      {title: 'params', num: true, value: function (x) { return x.params; }},
      {title: 'coverage', value: function (x) { return pct(x.coverage); }},
      {title: 'commits', num: true, value: function (x) { return x.history ? x.history.commits : 0; }},
      {title: 'fixes', num: true, value: function (x) { return x.history ? x.history.fix_commits : 0; }}
    ], f.functions);
  }, 300)]));

  // Diagnostics last: what could not be read, mapped or parsed.
  app.appendChild(section('Diagnostics (' + R.diagnostics.length + ')', [el('ul', null, R.diagnostics.map(function (d) {
    return el('li', {cls: 'diag-' + d.level, text: '[' + d.level + '] ' + d.source + (d.path ? ' · ' + d.path : '') + ': ' + d.message});
  }))]));
})();
)JS";

}  // namespace stepup
