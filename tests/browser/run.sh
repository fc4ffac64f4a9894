#!/usr/bin/env bash
# run.sh STEPUP WORKDIR
#
# The browser test, as CTest runs it: gives the example its history, builds
# and tests it with coverage, scans it with STEPUP into WORKDIR/shop-report,
# scans the hostile-names fixture (tests/fixtures/xss) into
# WORKDIR/xss-report and the call graph fixture (tests/fixtures/callgraph)
# into WORKDIR/cg-report, then drives Debian's headless Chromium over the
# index.html files (every *.test.js; lib.js holds what they share). Screenshots land in WORKDIR; its
# readme.png is the picture docs/img/report.png copies.
# Exit 77 (CTest: skipped) only when node or chromium is absent;
# scripts/install-deps.sh installs both, so CI always runs it.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 STEPUP WORKDIR" >&2; exit 2; }
stepup=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if ! command -v node >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
  echo "SKIP: the browser test needs node and /usr/bin/chromium (scripts/install-deps.sh installs them)"
  exit 77
fi
if [[ ! -d $here/node_modules/playwright-core ]]; then
  echo "browser test: tests/browser/node_modules/playwright-core is missing; run scripts/install-deps.sh" >&2
  exit 1
fi

rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)  # git -C below resolves paths from the repository
bash "$root/examples/make-history.sh" "$work/shop" >/dev/null
# A remote with a token in it: the page links to GitHub at the scanned
# commit, and the token appears nowhere.
git -C "$work/shop" remote add origin "https://ci:tok3n-SECRET@github.com/acme/shop.git"
cmake -S "$work/shop" -B "$work/shop/build" -DSHOP_COVERAGE=ON >/dev/null
cmake --build "$work/shop/build" -j2 >/dev/null
(cd "$work/shop/build" && ctest >/dev/null)
# With a history store of 3 scans (HEAD and, backfilled, the 2 commits
# before it): the page draws the trend.
"$stepup" scan "$work/shop" --coverage-build "$work/shop/build" -o "$work/shop-report" -j 2 \
  --history-db "$work/history.sqlite" --backfill 3 >/dev/null 2>&1
# CI mode: a baseline from an older commit, a patch since HEAD~3 and a gate
# (exit 1 when a check fails).
git -C "$work/shop" worktree add -q --detach "$work/shop-old" HEAD~6
"$stepup" scan "$work/shop-old" -o "$work/shop-base" --format json -j 2 >/dev/null 2>&1
git -C "$work/shop" worktree remove --force "$work/shop-old"
rc=0
"$stepup" scan "$work/shop" --coverage-build "$work/shop/build" -o "$work/shop-ci" -j 2 \
  --baseline "$work/shop-base/report.json" --diff-base HEAD~3 \
  --fail-on 'max-score>=95' --fail-on 'patch-coverage<0.8' --fail-on 'new-candidates>0' --format json,html >/dev/null 2>&1 || rc=$?
[[ $rc -le 1 ]] || { echo "browser test: the CI-mode scan failed with exit $rc" >&2; exit 1; }
"$stepup" scan "$work/shop" --coverage-build "$work/shop/build" -o "$work/shop-none" -j 2 \
  --html-source=none --format json,html >/dev/null 2>&1

# The call graph fixture: an N+1 three calls down, whose chain the file
# view shows hop by hop.
cp -r "$root/tests/fixtures/callgraph" "$work/cg"
cg=$work/cg
printf '[%s]\n' "$(for s in src/store/store.cpp src/ledger/ledger.cpp src/report/report.cpp; do
  printf '{"directory": "%s", "file": "%s/%s", "arguments": ["c++", "-std=c++17", "-I%s/include", "-I%s/src", "-c", "%s/%s"]},' \
    "$cg" "$cg" "$s" "$cg" "$cg" "$cg" "$s"; done | sed 's/,$//')" > "$cg/compile_commands.json"
# Its own repository: WORKDIR may lie inside another checkout (CTest's does).
git -C "$cg" init -q -b main
git -C "$cg" add -A
GIT_AUTHOR_DATE=2026-01-15T10:00:00Z GIT_COMMITTER_DATE=2026-01-15T10:00:00Z \
  git -C "$cg" -c user.name=Fixture -c user.email=fixture@example.com -c commit.gpgsign=false \
  commit -q -m "the call graph fixture"
"$stepup" scan "$cg" -o "$work/cg-report" -j 2 --format json,html >/dev/null 2>&1

bash "$root/tests/fixtures/xss/make-repo.sh" "$work/xss"
# A hostile remote: refused, so the page has no link at all.
git -C "$work/xss" remote add origin 'javascript:alert(1)//"><script>window.__pwned=1</script>/x'
"$stepup" scan "$work/xss" -o "$work/xss-report" -j 2 >/dev/null 2>&1

SHOP_HTML="$work/shop-report/index.html" SHOP_JSON="$work/shop-report/report.json" \
SHOP_NONE_HTML="$work/shop-none/index.html" \
CI_HTML="$work/shop-ci/index.html" CI_JSON="$work/shop-ci/report.json" \
XSS_HTML="$work/xss-report/index.html" XSS_JSON="$work/xss-report/report.json" \
CG_HTML="$work/cg-report/index.html" \
SHOT_DIR="$work" \
  node --test --test-reporter=spec "$here"/*.test.js
