  // ---- summary ---------------------------------------------------------------
  function renderSummary() {
    var s = section('Summary');
    s.id = 'summary';
    var cards = el('div', 'cards');
    function card(value, label, cls) {
      var c = add(el('div', 'card' + (cls ? ' ' + cls : '')), el('b', null, value), el('small', null, label));
      cards.appendChild(c);
      return c;
    }
    card(fmt(R.summary.files), 'files');
    card(fmt(R.summary.functions), 'functions');
    card(fmt(R.summary.code_lines), 'code lines');
    var cov = card(R.summary.line_coverage === null ? 'n/a' : pctText(R.summary.line_coverage), 'line coverage');
    cov.id = 'summary-coverage';
    var kinds = {};
    R.candidates.forEach(function (c) { kinds[c.kind] = (kinds[c.kind] || 0) + 1; });
    var kc = card(fmt(R.summary.candidates), 'candidate tasks', 'wide');
    var chips = el('div', 'chips');
    Object.keys(kinds).sort().forEach(function (k) {
      chips.appendChild(add(el('span', 'chip'), kindChip(k), el('b', null, kinds[k])));
    });
    kc.appendChild(chips);
    var worst = null;
    R.modules.forEach(function (m) { if (!worst || m.score > worst.score) worst = m; });
    if (worst && worst.score > 0) {
      var w = card(worst.name, 'worst module, score ' + worst.score, 'wide');
      w.id = 'summary-worst';
      w.firstChild.style.fontFamily = 'var(--mono)';
      w.firstChild.style.fontSize = '18px';
    } else {
      card('none', 'worst module (no module scored)');
    }
    s.appendChild(cards);
    var sig = add(el('div', 'chips signals'), el('span', 'muted', 'signals: '));
    ['coverage', 'history', 'function_history', 'profile', 'errors', 'findings'].forEach(function (k) {
      if (!R.signals) return;
      sig.appendChild(el('span', 'chip' + (R.signals[k] ? '' : ' off'), k.replace('_', ' ')));
    });
    s.appendChild(sig);
  }
