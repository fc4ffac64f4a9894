#!/usr/bin/env bash
# The HTML report on a large repository: how big index.html is and how long
# Chromium takes to render it, with the source text embedded (the default,
# --html-source=embed) against without it (--html-source=none, the floor).
#
#   1. make-synthetic-repo.py writes a repository of N translation units
#      (--tus, default 3330: with a header per pair of them, about 5,000 files);
#   2. a gcovr JSON file (gcovr 0.3 format) covering every code line of
#      every file is written beside it, so each file has coverage and the
#      page wants every file's text, up to its 8 MiB source budget;
#   3. stepup scans it twice, in the quick mode (no libclang: the page is
#      what is measured): -o embed, and -o none --html-source=none;
#   4. headless Chromium (Debian's, driven by playwright-core from
#      tests/browser/node_modules) opens both pages alternately, R rounds,
#      network off, and records the page's own render time
#      (window.__stepupRenderMs: from the script's start to the last render
#      step) and the time from navigation to the page being ready.
#
# It prints each round, the sizes, the medians and the ratios embed/none.
#
# usage: bench/html_page.sh [--rounds R] [--tus N] [--stepup PATH] [--seed S]
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
ROUNDS=7 TUS=3330 SEED=1 STEPUP=$REPO_ROOT/build/stepup
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
die() { echo "html_page: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --tus) TUS=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --stepup) STEPUP=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ -x $STEPUP ]] || die "stepup binary not found: $STEPUP (cmake --build build)"
[[ -x /usr/bin/chromium && -d $REPO_ROOT/tests/browser/node_modules/playwright-core ]] ||
  die "needs /usr/bin/chromium and tests/browser/node_modules (scripts/install-deps.sh)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-html.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
DEST=$WORK/repo
python3 "$BENCH_DIR/make-synthetic-repo.py" "$DEST" --tus "$TUS" --seed "$SEED" >/dev/null
# Coverage of every line holding code: hits from a fixed pseudo-random
# sequence, a third of the lines never run.
python3 - "$DEST" "$WORK/coverage.json" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
files, n = [], 0
for d, _, names in os.walk(root):
    if "/.git" in d:
        continue
    for name in sorted(names):
        if not name.endswith((".cpp", ".h")):
            continue
        path = os.path.join(d, name)
        lines = []
        with open(path, encoding="utf-8") as f:
            for i, text in enumerate(f, 1):
                t = text.strip()
                if not t or t.startswith("//") or t in ("{", "}", "};"):
                    continue
                n = (n * 1103515245 + 12345) % 2147483648
                lines.append({"branches": [], "count": 0 if n % 3 == 0 else n % 50,
                              "gcovr/excluded": False, "gcovr/noncode": False, "line_number": i})
        files.append({"file": os.path.relpath(path, root), "functions": [], "lines": lines})
files.sort(key=lambda f: f["file"])
with open(out, "w") as f:
    json.dump({"files": files, "gcovr/format_version": "0.3"}, f, sort_keys=True)
PY
"$STEPUP" scan "$DEST" --quick -c "$WORK/coverage.json" -o "$WORK/embed" --format json,html \
  -j 2 >/dev/null 2>"$WORK/embed.err" || die "scan failed: $(tail -3 "$WORK/embed.err")"
"$STEPUP" scan "$DEST" --quick -c "$WORK/coverage.json" -o "$WORK/none" --format html \
  --html-source=none -j 2 >/dev/null 2>"$WORK/none.err" || die "scan failed: $(tail -3 "$WORK/none.err")"
files=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["all_code_files"])' \
  "$WORK/embed/report.json")

echo "html_page: $files files ($TUS TUs), $ROUNDS rounds, $("$STEPUP" --version | head -1)"
NODE_PATH=$REPO_ROOT/tests/browser/node_modules \
  node "$BENCH_DIR/html_render.js" "$ROUNDS" "$WORK/embed/index.html" "$WORK/none/index.html"
