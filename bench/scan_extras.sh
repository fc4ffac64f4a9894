#!/usr/bin/env bash
# What the scan's extras cost, measured inside one run on the synthetic repo
# bench/scan_vs_clang.sh uses:
#   A  stepup scan                      (every format, AST risk signals on)
#   B  stepup scan --no-risk-signals    (no log calls, no AST findings)
# rounds alternate A and B. It prints
#   - the extra wall time of the risk signals: (median A - median B) / median B
#     (issue 5's target: under 10%);
#   - report writing (json, html, sarif, md, csv, tickets) as a share of the
#     scan's wall time, from stepup's own "written in" figure (issue 7's
#     target: at most 10%).
#
# usage: bench/scan_extras.sh [--rounds R] [--tus N] [--stepup PATH] [--seed S]
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
ROUNDS=5 TUS=72 SEED=1 STEPUP=$REPO_ROOT/build/stepup JOBS=2
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
die() { echo "scan_extras: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --tus) TUS=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --stepup) STEPUP=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ -x $STEPUP ]] || die "stepup binary not found: $STEPUP (cmake --build build)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-extras.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
DEST=$WORK/repo
python3 "$BENCH_DIR/make-synthetic-repo.py" "$DEST" --tus "$TUS" --seed "$SEED" >/dev/null
CDB=$DEST/compile_commands.json

run() {  # $1: label A|B; prints the wall seconds, records the writing share
  local out=$WORK/out-$1 err=$WORK/err-$1 start end extra=()
  [[ $1 == B ]] && extra=(--no-risk-signals)
  rm -rf "$out"
  start=$(now)
  "$STEPUP" scan "$DEST" -p "$CDB" -o "$out" --format json,html,sarif,md,csv,tickets \
    -j "$JOBS" "${extra[@]}" >/dev/null 2>"$err"
  end=$(now)
  local total written
  total=$(elapsed "$start" "$end")
  written=$(sed -n 's/.*(written in \([0-9.]*\)s).*/\1/p' "$err" | tail -1)
  [[ -n $written ]] || die "no 'written in' figure in stepup's output: $(cat "$err")"
  echo "$total $written"
}

echo "scan_extras: $TUS TUs, $ROUNDS rounds, -j$JOBS, stepup $("$STEPUP" --version)"
run A >/dev/null  # warm-up: page cache, libclang's first load
a_times=() b_times=() shares=()
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order=(A B); else order=(B A); fi
  for who in "${order[@]}"; do
    read -r total written < <(run "$who")
    if [[ $who == A ]]; then
      a_times+=("$total")
      shares+=("$(awk -v w="$written" -v t="$total" 'BEGIN { printf "%.4f", w / t }')")
    else
      b_times+=("$total")
    fi
    printf '  round %d %s: %ss (reports written in %ss)\n' "$r" "$who" "$total" "$written"
  done
done
ma=$(median "${a_times[@]}") mb=$(median "${b_times[@]}") ms=$(median "${shares[@]}")
extra=$(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')
share=$(awk -v s="$ms" 'BEGIN { printf "%.1f", s * 100 }')
echo
echo "A  stepup scan (risk signals on)  median ${ma}s"
echo "B  stepup scan --no-risk-signals  median ${mb}s"
echo "risk signals: extra cost ${extra}% of the scan (ratio A/B $(ratio "$ma" "$mb"); target < 10%)"
echo "report writing: median ${share}% of the scan's wall time (target <= 10%)"
