  // ---- the first screen: the answer --------------------------------------------------
  // At 1400×900 it holds the gate (or the overall state), the CI panels, the
  // top five tasks and the headline figures with their trend; the maps and
  // the full table come below. Every chip and colour says what it means in a
  // tooltip (title) or a legend.
  var T = R.trend && R.trend.current !== null && R.trend.current !== undefined ? R.trend : null;
  var tasksApi = null;  // set by renderCandidates: setFilter(obj), openTask(id)
  var KIND_INFO = {
    'add-tests': 'write tests for code that is risky and under-tested',
    'add-instrumentation': 'log or count errors that vanish without a trace',
    'refactor': 'simplify complex code that changes often',
    'investigate-performance': 'measure and speed up a hot path or a call made per element',
    'pair': 'pair with the main author of code only one person knows'
  };
  var EFFORT_INFO = { S: 'S: small, about a day or less', M: 'M: medium, a few days', L: 'L: large, a week or more' };
  var SIGNAL_INFO = {
    coverage: 'line and branch coverage from gcovr, lcov, Cobertura or llvm-cov',
    history: 'git history: churn, fix commits, authors, change coupling',
    function_history: 'git history per function (git log -L)',
    profile: 'a CPU profile (--profile)',
    errors: 'error counts from production (--errors)',
    findings: 'clang-tidy or cppcheck findings (--findings)'
  };
  var STATUS_INFO = {
    'new': 'not in the baseline report', 'worsened': 'in the baseline, with a higher score now',
    'unchanged': 'in the baseline with about the same score'
  };
  function kindTitle(k) { return k + ': ' + (KIND_INFO[k] || 'a task of this kind'); }
  function scoreTitle(s) {
    return 'score ' + s + ' of 100, comparable across kinds: ' +
      (s >= 80 ? '80+ is the first thing to pick up' : s >= 60 ? '60+ is clearly worth doing' : '30+ is worth a look');
  }
  // "YYYY-MM-DD" of an ISO date, or '' for none.
  function day(iso) { return iso ? String(iso).slice(0, 10) : ''; }
  function daysBetween(from, to) {
    var a = Date.parse(from), b = Date.parse(to);
    return isNaN(a) || isNaN(b) ? null : Math.max(0, Math.floor((b - a) / 86400000));
  }
  // How long a task has been open: from the first stored scan that had it to
  // this scan's commit date (so the figure does not move with the clock).
  function openSince(c) {
    if (!T || !T.first_seen[c.id]) return null;
    var since = T.first_seen[c.id], now = T.scans[T.current].commit_date;
    var d = daysBetween(since, now);
    var scans = 0;
    T.scans.forEach(function (p, i) { if (i <= T.current && p.commit_date >= since) scans++; });
    return { since: since, days: d, text: d === 0 ? 'new' : d + ' d', title: 'open since ' + day(since) + ' (' + scans + ' stored scan' + (scans === 1 ? '' : 's') + ')' };
  }

  // A sparkline of a series (nulls are gaps) with the current scan marked.
  function sparkline(values, label, fmtv) {
    var W = 120, H = 30, P = 3;
    var nums = values.filter(function (v) { return v !== null && v !== undefined; });
    var svg = sv('svg', { 'class': 'spark', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' });
    var min = Math.min.apply(null, nums), max = Math.max.apply(null, nums);
    if (max === min) { max += 1; min -= 1; }
    var n = values.length;
    function X(i) { return n < 2 ? W / 2 : P + (W - 2 * P) * i / (n - 1); }
    function Y(v) { return H - P - (H - 2 * P) * (v - min) / (max - min); }
    var pts = [];
    values.forEach(function (v, i) {
      if (v === null || v === undefined) {
        if (pts.length) svg.appendChild(sv('polyline', { points: pts.join(' '), 'class': 'spark-line' }));
        pts = [];
        return;
      }
      pts.push(X(i).toFixed(1) + ',' + Y(v).toFixed(1));
      svg.appendChild(sv('circle', { cx: X(i).toFixed(1), cy: Y(v).toFixed(1), r: i === T.current ? 3 : 1.6,
        'class': i === T.current ? 'spark-now' : 'spark-dot', 'data-i': i }));
    });
    if (pts.length > 1) svg.insertBefore(sv('polyline', { points: pts.join(' '), 'class': 'spark-line' }), svg.firstChild);
    var first = nums.length ? fmtv(nums[0]) : 'n/a', last = nums.length ? fmtv(nums[nums.length - 1]) : 'n/a';
    svg.setAttribute('aria-label', label + ' over ' + n + ' stored scans: ' + first + ' to ' + last);
    var t = sv('title', {});
    t.textContent = label + ' over the ' + n + ' stored scans (' + day(T.scans[0].commit_date) + ' to ' +
      day(T.scans[n - 1].commit_date) + '): ' + values.map(function (v) { return v === null || v === undefined ? 'n/a' : fmtv(v); }).join(', ');
    svg.appendChild(t);
    return svg;
  }
  // A change since an earlier value: ▲/▼ with the difference; `good` says
  // whether a rise is good (coverage) or bad (scores, tasks).
  function delta(now, then, good, fmtd, since) {
    if (now === null || now === undefined || then === null || then === undefined) return null;
    var d = now - then;
    if (Math.abs(d) < 1e-9) {
      var f = el('span', 'delta flat', '=');
      f.title = 'no change since ' + since;
      return f;
    }
    var better = (d > 0) === good;
    var s = el('span', 'delta ' + (better ? 'better' : 'worse'), (d > 0 ? '▲ +' : '▼ −') + fmtd(Math.abs(d)));
    s.title = (d > 0 ? 'up ' : 'down ') + fmtd(Math.abs(d)) + ' since ' + since + (better ? ' (better)' : ' (worse)');
    return s;
  }
  function pp(x) { return (100 * x).toFixed(1) + ' pp'; }

  // ---- the state: the gate, or what the scan found ------------------------------------
  function statePanel() {
    var p = el('div', 'panel state');
    p.id = 'state';
    var high = R.candidates.filter(function (c) { return c.score >= 80; }).length;
    var clear60 = R.candidates.filter(function (c) { return c.score >= 60; }).length;
    if (R.gate && R.gate.length) {
      var failed = R.gate.filter(function (g) { return g.failed; }).length;
      var head = el('div', 'verdict ' + (failed ? 'fail' : 'pass'), failed ? 'Gate failed' : 'Gate passed');
      head.id = 'gate-verdict';
      p.appendChild(add(head, el('small', null, failed ? ' ' + failed + ' of ' + R.gate.length + ' checks failed' : ' every check passed')));
      var ul = el('ul', 'checks');
      ul.id = 'gate-checks';
      R.gate.forEach(function (g) {
        var li = add(el('li', g.failed ? 'fail' : 'pass'), el('b', null, g.failed ? 'FAIL' : 'pass'), ' ',
          el('code', null, g.expression), ' ', el('span', 'muted', g.message));
        li.setAttribute('data-measured', g.measured === null ? '' : String(g.measured));
        ul.appendChild(li);
      });
      p.appendChild(ul);
    } else {
      var level = high ? 'warn' : clear60 ? 'warn' : 'pass';
      var v = el('div', 'verdict ' + level, high ? high + ' task' + (high === 1 ? '' : 's') + ' to pick up first'
        : clear60 ? clear60 + ' task' + (clear60 === 1 ? '' : 's') + ' clearly worth doing' : 'Nothing urgent');
      v.id = 'overall';
      v.title = 'from the scores: 80+ is the first thing to pick up, 60+ clearly worth doing, 30+ worth a look';
      p.appendChild(v);
      p.appendChild(el('p', 'muted', 'No gate ran (stepup scan --fail-on): the state comes from the scores.'));
    }
    // The tasks by score band (docs/scoring.md), and what is new.
    var bands = [[80, 101, 'the first thing to pick up'], [60, 80, 'clearly worth doing'], [0, 60, 'worth a look']];
    var ul = el('ul', 'bands');
    ul.id = 'score-bands';
    bands.forEach(function (b) {
      var n = R.candidates.filter(function (c) { return c.score >= b[0] && c.score < b[1]; }).length;
      var li = add(el('li'), el('b', null, fmt(n)), ' ' + (b[0] === 80 ? 'scoring 80+' : b[0] === 60 ? 'scoring 60–79' : 'below 60') + ': ' + b[2]);
      li.setAttribute('data-band', b[0]);
      ul.appendChild(li);
    });
    p.appendChild(ul);
    if (T && T.current > 0) {
      var since = T.scans[T.current - 1].commit_date, now = T.scans[T.current].commit_date;
      var fresh = R.candidates.filter(function (c) { return T.first_seen[c.id] === now; }).length;
      var n = el('p', 'muted', fmt(fresh) + ' of the ' + fmt(R.candidates.length) + ' tasks appeared since the previous stored scan (commit of ' + day(since) + ').');
      n.id = 'new-since';
      p.appendChild(n);
      // Scans with and without coverage do not compare: say so, never imply a change.
      var had = T.scans[T.current - 1].production_coverage !== null, has = T.scans[T.current].production_coverage !== null;
      if (had !== has) {
        var w = el('p', 'note', 'The previous stored scan had ' + (had ? 'coverage data and this one has none' : 'no coverage data (a backfilled scan has none)') +
          ': test tasks and coverage do not compare between the two.');
        w.id = 'trend-caveat';
        p.appendChild(w);
      }
    }
    if (R.patch) p.appendChild(patchPanel());
    if (R.candidates.some(function (c) { return c.status; }) || R.resolved) p.appendChild(baselinePanel());
    return p;
  }
  function patchPanel() {
    var P = R.patch, d = el('div', 'ci');
    d.id = 'ci-patch';
    add(d, el('h3', null, 'Patch since ' + P.base),
      add(el('div', 'ci-figs'),
        add(el('span'), el('b', null, pctText(P.line_coverage)), ' of ' + fmt(P.executable_lines) + ' changed executable lines covered'),
        add(el('span'), el('b', null, pctText(P.branch_coverage)), ' of ' + fmt(P.branches_total) + ' branches')));
    var lacking = [];
    P.files_without_coverage.forEach(function (path) { lacking.push({ path: path, text: 'no coverage data' }); });
    ((V.patch_files) || []).forEach(function (f) {
      if (!f.uncovered.length) return;
      lacking.push({ path: f.path, text: (f.stale ? 'stale coverage: ' : '') + f.uncovered.length + ' changed line' +
        (f.uncovered.length === 1 ? '' : 's') + ' not run (' + lineRanges(f.uncovered) + ')' });
    });
    if (!lacking.length) { d.appendChild(el('p', 'muted', 'Every changed executable line ran in a test.')); return d; }
    var ul = el('ul', 'lacking');
    lacking.forEach(function (x) {
      var b = el('button', 'link mono', x.path);
      b.type = 'button';
      b.addEventListener('click', function () { if (fileByPath[x.path]) openFile(x.path); });
      ul.appendChild(add(el('li'), b, ' ', el('span', 'muted', x.text)));
    });
    d.appendChild(ul);
    return d;
  }
  function lineRanges(lines) {
    var out = [], i = 0;
    while (i < lines.length) {
      var j = i;
      while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
      out.push(i === j ? String(lines[i]) : lines[i] + '–' + lines[j]);
      i = j + 1;
    }
    return out.length > 6 ? out.slice(0, 6).join(', ') + ', …' : out.join(', ');
  }
  function baselinePanel() {
    var d = el('div', 'ci'), counts = { 'new': 0, worsened: 0 };
    d.id = 'ci-baseline';
    R.candidates.forEach(function (c) { if (c.status in counts) counts[c.status]++; });
    var row = el('div', 'ci-figs');
    ['new', 'worsened'].forEach(function (st) {
      var b = add(el('button', 'count-pill st-' + st), el('b', null, counts[st]), ' ' + st);
      b.type = 'button';
      b.setAttribute('data-status', st);
      b.title = st + ': ' + STATUS_INFO[st] + '; click to show them in the table';
      b.addEventListener('click', function () { if (tasksApi) tasksApi.setFilter({ status: st }, true); });
      row.appendChild(b);
    });
    var resolved = R.resolved || [];
    var r = add(el('details', 'resolved'), add(el('summary', 'count-pill st-resolved'), el('b', null, resolved.length), ' resolved'));
    r.title = 'in the baseline, gone now';
    var ul = el('ul', 'mono');
    resolved.forEach(function (id) { ul.appendChild(el('li', null, id)); });
    r.appendChild(resolved.length ? ul : el('p', 'muted', 'none'));
    row.appendChild(r);
    add(d, el('h3', null, 'Against the baseline'), row);
    return d;
  }

  // ---- the top five ---------------------------------------------------------------
  function topPanel() {
    var p = el('div', 'panel top');
    p.id = 'top-tasks';
    p.appendChild(add(el('h3', null, 'Pick up next'), el('small', null, 'the top ' + Math.min(5, R.candidates.length) + ' of ' + fmt(R.candidates.length))));
    if (!R.candidates.length) { p.appendChild(el('p', 'muted', 'No candidate tasks.')); return p; }
    var ol = el('ol', 'top5');
    R.candidates.slice(0, 5).forEach(function (c) {
      var b = el('button', 'top-item');
      b.type = 'button';
      b.setAttribute('data-id', c.id);
      var age = openSince(c);
      var eff = el('span', 'effort', c.effort);
      eff.title = EFFORT_INFO[c.effort] || 'effort';
      add(b, badge(c.score), kindChip(c.kind),
        add(el('span', 'top-text'), el('span', 'task-title', c.title),
          el('span', 'task-target', c.target.file ? c.target.file + (c.target.function ? ' · ' + c.target.function : '') : c.target.module)),
        eff);
      if (age) {
        var a = el('span', 'age muted', age.text);
        a.title = age.title;
        b.appendChild(a);
      }
      b.addEventListener('click', function () { if (tasksApi) tasksApi.openTask(c.id, true); });
      ol.appendChild(add(el('li'), b));
    });
    p.appendChild(ol);
    return p;
  }

  // ---- headline figures, with their trend -------------------------------------------
  function renderSummary() {
    var sub = document.querySelector('header .sub');
    if (sub) {
      var dates = el('span', 'dates');
      dates.id = 'scan-dates';
      add(dates, ' · commit ' + (R.repo.commit_date ? day(R.repo.commit_date) : 'date unknown') +
        ' · scanned ' + (V.scanned_at ? V.scanned_at.replace('T', ' ').replace('Z', ' UTC') : 'at an unknown time'));
      sub.appendChild(dates);
    }
    var s = section('Overview', T ? T.scans.length + ' stored scans in the history store' : null);
    s.id = 'summary';
    s.appendChild(add(el('div', 'overview'), statePanel(), topPanel()));
    var cards = el('div', 'cards');
    function card(value, label, cls) {
      var c = add(el('div', 'card' + (cls ? ' ' + cls : '')), el('b', null, value), el('small', null, label));
      cards.appendChild(c);
      return c;
    }
    // A card's trend: the sparkline and the change since the previous scan.
    function trend(c, key, good, fmtv, fmtd) {
      if (!T) return;
      var vals = T.scans.map(function (p) { return p[key]; });
      var now = vals[T.current], prev = T.current > 0 ? vals[T.current - 1] : null;
      add(c, add(el('div', 'trend'), sparkline(vals, c.lastChild.textContent, fmtv),
        delta(now, prev, good, fmtd, 'the previous scan')));
    }
    card(fmt(R.summary.files), 'files');
    card(fmt(R.summary.functions), 'functions');
    card(fmt(R.summary.code_lines), 'code lines');
    var cov = card(R.summary.line_coverage === null ? 'n/a' : pctText(R.summary.line_coverage), 'line coverage');
    cov.id = 'summary-coverage';
    cov.title = 'production code; all code: ' + pctText(R.summary.all_code_line_coverage);
    trend(cov, 'production_coverage', true, pctText, pp);
    var kc = card(fmt(R.summary.candidates), 'candidate tasks');
    kc.id = 'summary-tasks';
    trend(kc, 'candidates', false, fmt, fmt);
    var top = R.candidates.length ? R.candidates[0].score : 0;
    var ms = card(String(top), 'top score');
    ms.id = 'summary-max';
    ms.title = scoreTitle(top);
    trend(ms, 'max_score', false, String, String);
    var worst = null;
    R.modules.forEach(function (m) { if (!worst || m.score > worst.score) worst = m; });
    if (worst && worst.score > 0) {
      var w = card(worst.name, 'worst module, score ' + worst.score, 'wide');
      w.id = 'summary-worst';
      w.firstChild.className = 'mono-value';
    } else {
      card('none', 'worst module (no module scored)');
    }
    s.appendChild(cards);
    // Kind pills: each filters the table to its kind (again: all kinds).
    var kinds = {};
    R.candidates.forEach(function (c) { kinds[c.kind] = (kinds[c.kind] || 0) + 1; });
    var pills = add(el('div', 'chips pills'), el('span', 'muted', 'kinds: '));
    pills.id = 'kind-pills';
    Object.keys(kinds).sort().forEach(function (k) {
      var b = add(el('button', 'chip pill'), kindChip(k), el('b', null, kinds[k]));
      b.type = 'button';
      b.setAttribute('data-kind', k);
      b.setAttribute('aria-pressed', 'false');
      b.title = kindTitle(k) + '. Click to show only these tasks.';
      b.addEventListener('click', function () {
        if (tasksApi) tasksApi.setFilter({ kind: b.getAttribute('aria-pressed') === 'true' ? '' : k }, true);
      });
      pills.appendChild(b);
    });
    s.appendChild(pills);
    var sig = add(el('div', 'chips signals'), el('span', 'muted', 'signals: '));
    ['coverage', 'history', 'function_history', 'profile', 'errors', 'findings'].forEach(function (k) {
      if (!R.signals) return;
      var chip = el('span', 'chip' + (R.signals[k] ? '' : ' off'), k.replace('_', ' '));
      chip.title = (R.signals[k] ? 'used: ' : 'crossed out: not in this scan, so no task weighs it: ') + SIGNAL_INFO[k];
      sig.appendChild(chip);
    });
    sig.appendChild(el('span', 'muted legend-note', 'crossed out: a signal this scan did not have'));
    s.appendChild(sig);
  }
  // Pills show the table's kind filter.
  function syncPills(kind) {
    Array.prototype.forEach.call(document.querySelectorAll('#kind-pills .pill'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-kind') === kind ? 'true' : 'false');
    });
  }
