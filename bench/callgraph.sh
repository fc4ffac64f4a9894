#!/usr/bin/env bash
# What the call graph costs (docs/callgraph.md), inside one run on the
# synthetic repo bench/scan_vs_clang.sh uses:
#   A  stepup scan                                  (call graph on: the default)
#   B  stepup scan with signals.call_graph = false  (no loop lines, I/O calls,
#                                                    graph, chains or hot callers)
# Both parse every TU (--no-cache); rounds alternate A and B. It prints the
# median wall time of each, the extra time of A as a share of B (issue 18's
# budget: at most 5%), and the median peak resident memory of each.
#
# usage: bench/callgraph.sh [--rounds R] [--tus N] [--stepup PATH] [--seed S]
#   --tus 600 checks memory on a 600-TU repository (a few minutes a round).
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
ROUNDS=5 TUS=72 SEED=1 STEPUP=$REPO_ROOT/build/stepup JOBS=2
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
die() { echo "callgraph: $*" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --tus) TUS=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --stepup) STEPUP=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ -x $STEPUP ]] || die "stepup binary not found: $STEPUP (cmake --build build)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (Debian package time)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-callgraph.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
DEST=$WORK/repo
python3 "$BENCH_DIR/make-synthetic-repo.py" "$DEST" --tus "$TUS" --seed "$SEED" >/dev/null
CDB=$DEST/compile_commands.json
echo '{"signals": {"call_graph": true}}' > "$WORK/on.json"
echo '{"signals": {"call_graph": false}}' > "$WORK/off.json"

run() {  # $1: A|B; prints "wall_seconds maxrss_kb"
  local out=$WORK/out-$1 err=$WORK/err-$1 tv=$WORK/time-$1 conf=$WORK/on.json start end
  [[ $1 == B ]] && conf=$WORK/off.json
  rm -rf "$out"
  start=$(now)
  if ! /usr/bin/time -v -o "$tv" "$STEPUP" scan "$DEST" -p "$CDB" -o "$out" --format json \
      --config "$conf" --no-cache -j "$JOBS" >/dev/null 2>"$err"; then
    cat "$err" >&2
    die "stepup failed ($1)"
  fi
  end=$(now)
  echo "$(elapsed "$start" "$end") $(maxrss_kb "$tv")"
}

echo "callgraph: $TUS TUs, $ROUNDS rounds, -j$JOBS, stepup $("$STEPUP" --version)"
echo "machine:   nproc=$(nproc)  loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
run A >/dev/null  # warm-up: page cache, libclang's first load
graph=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next((x["message"] for x in d["diagnostics"] if x["source"]=="callgraph"), "no call graph"))' "$WORK/out-A/report.json")
echo "graph:     $graph"
a_t=() b_t=() a_m=() b_m=()
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order=(A B); else order=(B A); fi
  for who in "${order[@]}"; do
    read -r t m < <(run "$who")
    if [[ $who == A ]]; then a_t+=("$t"); a_m+=("$m"); else b_t+=("$t"); b_m+=("$m"); fi
    printf '  round %d %s: %ss, peak %s\n' "$r" "$who" "$t" "$(mib "$m")"
  done
done
ta=$(median "${a_t[@]}") tb=$(median "${b_t[@]}") ma=$(median "${a_m[@]}") mb=$(median "${b_m[@]}")
echo
echo "A  call graph on   median ${ta}s, peak $(mib "$ma")"
echo "B  call graph off  median ${tb}s, peak $(mib "$mb")"
echo "time:   ratio A/B $(ratio "$ta" "$tb"), extra $(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')% (budget: at most 5%)"
echo "memory: ratio A/B $(ratio "$ma" "$mb"), extra $(awk -v a="$ma" -v b="$mb" 'BEGIN { printf "%.1f", (a - b) / b * 100 }')%"
