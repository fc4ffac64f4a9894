#!/usr/bin/env bash
# Quick mode benchmark, both ratios in one run, on a real checkout:
#   speed:     wall time of lizard over the repository's C/C++ files divided by
#              that of `stepup scan --quick` over the same files (target >= 10);
#   agreement: the share of functions with the same cyclomatic complexity in
#              the quick scan and the semantic scan over the compile database,
#              in files both parse cleanly (target >= 0.97).
# Both tools run single-threaded on a copy of the same files with no git
# history (stepup -j1, lizard's default one thread), so each does discovery,
# parsing and metrics and nothing else of note. Never run in CI; downloads
# nothing: lizard is a checkout you give.
#
# usage: bench/quick_vs_lizard.sh REPO BUILD_DIR [--lizard DIR] [--stepup PATH]
#                                 [--rounds R] [--show N]
#
#   REPO          the repository (read-only: it is copied, never written)
#   BUILD_DIR     the folder holding its compile_commands.json
#   --lizard DIR  a lizard checkout holding lizard.py (default: $LIZARD_DIR)
#   --stepup PATH stepup binary (default: build/stepup under this repo)
#   --rounds R    timed rounds of each tool (default 3; medians are printed)
#   --show N      print the first N disagreements (default 0)
#
# See bench/README.md for the figures.
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

die() { echo "quick_vs_lizard: $*" >&2; exit 2; }
[[ $# -ge 2 ]] || die "usage: quick_vs_lizard.sh REPO BUILD_DIR [--lizard DIR] [--stepup PATH] [--rounds R] [--show N]"
REPO=$(cd "$1" && pwd)
BUILD=$(cd "$2" && pwd)
shift 2
LIZARD=${LIZARD_DIR:-}
STEPUP="$REPO_ROOT/build/stepup"
ROUNDS=3
SHOW=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --lizard) LIZARD=$2; shift 2 ;;
    --stepup) STEPUP=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --show) SHOW=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ -n $LIZARD && -f $LIZARD/lizard.py ]] || die "give a lizard checkout with --lizard DIR or LIZARD_DIR"
[[ -x $STEPUP ]] || die "no stepup binary at $STEPUP"
[[ -f $BUILD/compile_commands.json ]] || die "no compile_commands.json in $BUILD"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
[[ -n ${KEEP_TMP:-} ]] && trap 'echo "kept $TMP"' EXIT

# The semantic scan first: its report names the files stepup scans (after
# its excludes), which both tools then read from one plain copy.
"$STEPUP" scan "$REPO" -p "$BUILD" -o "$TMP/semantic" --format json -j2 -q >/dev/null 2>&1
python3 - "$TMP/semantic/report.json" >"$TMP/files.txt" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    print(f["path"])
PY
mkdir -p "$TMP/copy"
(cd "$REPO" && tr '\n' '\0' <"$TMP/files.txt" | xargs -0 cp --parents -t "$TMP/copy")
files=$(wc -l <"$TMP/files.txt")
bytes=$(cd "$TMP/copy" && find . -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

# One timed run: "wall cpu" seconds (/usr/bin/time's elapsed, user + sys).
timed() {
  /usr/bin/time -f '%e %U %S' -o "$TMP/time" "$@" >/dev/null 2>&1 || true
  awk 'END { printf "%.3f %.3f\n", $1, $2 + $3 }' "$TMP/time"  # after any "exited with" line
}
q1_wall=() q1_cpu=() q2_wall=() l_wall=() l_cpu=()
for ((r = 1; r <= ROUNDS; r++)); do
  read -r w c < <(timed "$STEPUP" scan "$TMP/copy" --quick -o "$TMP/quick" --format json -j1)
  q1_wall+=("$w") q1_cpu+=("$c")
  read -r w c < <(timed "$STEPUP" scan "$TMP/copy" --quick -o "$TMP/quick2" --format json -j2)
  q2_wall+=("$w")
  # lizard's exit status is its count of warnings: not a failure.
  read -r w c < <(cd "$TMP/copy" && timed python3 "$LIZARD/lizard.py" .)
  l_wall+=("$w") l_cpu+=("$c")
done
[[ -f $TMP/quick/report.json ]] || die "stepup scan --quick failed"
echo "repo:      $REPO ($files files, $bytes bytes)"
echo "machine:   nproc=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "quick -j1: $(median "${q1_wall[@]}")s wall, $(median "${q1_cpu[@]}")s cpu (median of $ROUNDS)"
echo "quick -j2: $(median "${q2_wall[@]}")s wall"
echo "lizard:    $(median "${l_wall[@]}")s wall, $(median "${l_cpu[@]}")s cpu (python3 lizard.py, one thread)"
echo "speed:     cpu $(ratio "$(median "${l_cpu[@]}")" "$(median "${q1_cpu[@]}")")x, wall -j1 $(ratio "$(median "${l_wall[@]}")" "$(median "${q1_wall[@]}")")x, wall -j2 $(ratio "$(median "${l_wall[@]}")" "$(median "${q2_wall[@]}")")x faster than lizard (target >= 10)"
# The agreement: the quick report's paths are those of the copy, the same
# repo-relative ones.
python3 "$BENCH_DIR/quick_agreement.py" "$TMP/quick/report.json" "$TMP/semantic/report.json" \
  --show "$SHOW"
