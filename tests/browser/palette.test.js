// The page's colour ramps, checked without a browser: core.js's own colour
// functions (its "colours" part, evaluated alone, not a copy) are sampled
// at the legend's steps, run through a simulation of deuteranopia, and must
// stay apart step by step and keep their lightness order.
//
// Deuteranopia: Machado, Oliveira and Fernandes (2009), "A Physiologically-
// based Model for Simulation of Color Vision Deficiency", severity 1.0,
// applied to linear sRGB. Colour difference: CIEDE2000 (Sharma, Wu and
// Dalal 2005), in CIELAB with the D65 white.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// core.js from "// ---- colours" to "// ---- end of colours", run in a
// sandbox: the function declarations become the sandbox's globals.
function loadColours() {
  const src = fs.readFileSync(path.join(__dirname, '../../reports/assets/js/core.js'), 'utf8');
  const start = src.indexOf('// ---- colours');
  const end = src.indexOf('// ---- end of colours');
  assert.ok(start >= 0 && end > start, 'core.js marks its colours part');
  const sandbox = {};
  vm.runInNewContext(src.slice(start, end), sandbox);
  return sandbox;
}
const C = loadColours();

const hexRgb = (hex) => {
  assert.match(hex, /^#[0-9a-f]{6}$/i);
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => c / 255);
};
const toLinear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const MACHADO_DEUTAN_1 = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.011820, 0.042940, 0.968881],
];
const mul = (m, v) => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
const clamp01 = (x) => Math.min(1, Math.max(0, x));
// Linear sRGB -> CIELAB (D65).
function lab(lin) {
  const [X, Y, Z] = mul([
    [0.4124564, 0.3575761, 0.1804375],
    [0.2126729, 0.7151522, 0.0721750],
    [0.0193339, 0.1191920, 0.9503041],
  ], lin);
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const fx = f(X / 0.95047), fy = f(Y / 1.0), fz = f(Z / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const normal = (hex) => lab(hexRgb(hex).map(toLinear));
const deutan = (hex) => lab(mul(MACHADO_DEUTAN_1, hexRgb(hex).map(toLinear)).map(clamp01));

function ciede2000([L1, a1, b1], [L2, a2, b2]) {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1), C2 = Math.hypot(a2, b2), Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const ap1 = (1 + G) * a1, ap2 = (1 + G) * a2;
  const Cp1 = Math.hypot(ap1, b1), Cp2 = Math.hypot(ap2, b2);
  const hue = (b, a) => { if (a === 0 && b === 0) return 0; const h = Math.atan2(b, a) / rad; return h < 0 ? h + 360 : h; };
  const hp1 = hue(b1, ap1), hp2 = hue(b2, ap2);
  const dL = L2 - L1, dC = Cp2 - Cp1;
  let dh = 0;
  if (Cp1 * Cp2 !== 0) { dh = hp2 - hp1; if (dh > 180) dh -= 360; else if (dh < -180) dh += 360; }
  const dH = 2 * Math.sqrt(Cp1 * Cp2) * Math.sin(dh / 2 * rad);
  const Lm = (L1 + L2) / 2, Cpm = (Cp1 + Cp2) / 2;
  let hm = hp1 + hp2;
  if (Cp1 * Cp2 !== 0) {
    if (Math.abs(hp1 - hp2) <= 180) hm /= 2;
    else hm = hp1 + hp2 < 360 ? (hm + 360) / 2 : (hm - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hm - 30) * rad) + 0.24 * Math.cos(2 * hm * rad) +
    0.32 * Math.cos((3 * hm + 6) * rad) - 0.20 * Math.cos((4 * hm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
  const SL = 1 + 0.015 * (Lm - 50) ** 2 / Math.sqrt(20 + (Lm - 50) ** 2);
  const SC = 1 + 0.045 * Cpm, SH = 1 + 0.015 * Cpm * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}

// Neighbouring steps of the legend (0%, 10%, ... 100%; the treemap's legend
// draws these eleven stops) must differ by a CIEDE2000 of 5 or more as a
// deuteranope sees them. 1 is about one just-noticeable difference for two
// large patches side by side, 2.3 the figure usually quoted for it; the
// treemap's cells are small and sit apart, split by borders, so a reader
// must tell them apart by memory against the legend, which takes clearly
// more than a threshold difference: 5, a little over twice the usual JND.
const MIN_STEP_DE = 5;
const steps = (fn) => Array.from({ length: 11 }, (_, i) => fn(i));
const css = fs.readFileSync(path.join(__dirname, '../../reports/assets/report.css'), 'utf8');
const greys = [C.NODATA, ...Array.from(css.matchAll(/--nodata: (#[0-9a-f]{6});/gi), (m) => m[1])];
test('report.css gives "no data" a grey in light and in dark mode', () => assert.equal(greys.length, 3));
const ramps = {
  score: { stops: steps((i) => C.scoreColor(i * 10 || 1)), darker: true },   // score 1..100: darker is worse
  coverage: { stops: steps((i) => C.coverageColor(i / 10)), darker: false },  // 0..100%: lighter is better
};

test('CIEDE2000 agrees with Sharma et al.\'s published pairs', () => {
  assert.equal(ciede2000([50, 2.6772, -79.7751], [50, 0, -82.7485]).toFixed(4), '2.0425');
  assert.equal(ciede2000([50, 2.5, 0], [73, 25, -18]).toFixed(4), '27.1492');
  assert.equal(ciede2000([50, 2.49, -0.001], [50, -2.49, 0.0009]).toFixed(4), '7.1792');
});

test('the deuteranopia simulation loses red against green and keeps greys', () => {
  // A red and a green a normal eye tells apart at once fall close together.
  assert.ok(ciede2000(normal('#d9534f'), normal('#5cb85c')) > 40);
  assert.ok(ciede2000(deutan('#d9534f'), deutan('#5cb85c')) < 15);
  // Greys have no hue to lose.
  for (const g of ['#000000', '#777777', '#ffffff']) assert.ok(ciede2000(normal(g), deutan(g)) < 0.5, g);
});

for (const [name, ramp] of Object.entries(ramps)) {
  test(`the ${name} ramp: neighbouring legend steps stay apart under deuteranopia`, () => {
    const seen = ramp.stops.map(deutan);
    const des = seen.slice(1).map((c, i) => ciede2000(seen[i], c));
    const worst = Math.min(...des);
    assert.ok(worst >= MIN_STEP_DE, `${name}: steps ${ramp.stops.join(' ')} differ by ${des.map((d) => d.toFixed(1)).join(' ')}`);
    // Grey (no data) is not mistaken for any step: core.js's and the
    // stylesheet's, light and dark (report.css themes the charts' grey).
    for (const g of greys) {
      for (const c of ramp.stops) assert.ok(ciede2000(deutan(g), deutan(c)) >= MIN_STEP_DE, `${name}: ${c} against grey ${g}`);
    }
  });

  test(`the ${name} ramp: lightness is monotonic, for normal vision and under deuteranopia`, () => {
    const fine = name === 'score' ? Array.from({ length: 100 }, (_, i) => C.scoreColor(i + 1))
      : Array.from({ length: 101 }, (_, i) => C.coverageColor(i / 100));
    for (const sim of [normal, deutan]) {
      const L = fine.map((c) => sim(c)[0]);
      for (let i = 1; i < L.length; i++) {
        if (ramp.darker) assert.ok(L[i] < L[i - 1], `${name} step ${i}: L* ${L[i - 1].toFixed(2)} -> ${L[i].toFixed(2)}`);
        else assert.ok(L[i] > L[i - 1], `${name} step ${i}: L* ${L[i - 1].toFixed(2)} -> ${L[i].toFixed(2)}`);
      }
    }
  });
}

test('text on a score badge contrasts 4.5:1 or more at every score', () => {
  const contrast = (a, b) => { const [hi, lo] = [a, b].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  for (let s = 1; s <= 100; s++) {
    const bg = C.scoreColor(s);
    const ink = C.inkOn(bg) === '#000' ? 0 : 1;
    assert.ok(contrast(C.luminance(bg), ink) >= 4.5, `score ${s} on ${bg}`);
  }
});
