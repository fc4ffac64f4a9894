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
  var steps = [renderSummary, renderCandidates, renderMaps, function () { drawScatter(); }, renderModules, renderDiagnostics, function () {
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
