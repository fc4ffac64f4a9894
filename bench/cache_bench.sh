#!/usr/bin/env bash
# The facts cache and the cores' use (docs/cache.md), on the synthetic repo:
# in one run, round after round, a cold scan (empty cache), a warm re-scan
# (nothing changed), one .cc changed, and one widely included header
# changed; prints each as a ratio of the cold scan's wall time, the TUs
# each parsed, and the cold scan's CPU use: CPU time / (wall x jobs).
#
#   bench/cache_bench.sh [--rounds R] [--tus N] [--jobs J] [--stepup BIN] [--keep]
#
# Targets (issue 15): warm <= 5% of cold, one .cc <= 10%, the header
# proportional to the TUs that include it, CPU use >= 0.85 at -j2.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
rounds=3 tus=72 jobs=2 keep=0
stepup="$here/../build/stepup"
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --tus) tus=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --stepup) stepup=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--rounds R] [--tus N] [--jobs J] [--stepup BIN] [--keep]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work"; fi
repo=$work/repo cache=$work/cache
python3 "$here/make-synthetic-repo.py" "$repo" --tus "$tus" >/dev/null
header=include/common/types.h  # included by a good share of the TUs

# run NAME: one scan under /usr/bin/time; appends wall, cpu, parsed to NAME's lists.
declare -A wall cpu parsed busy
run() {
  local name=$1 t=$work/time.txt err=$work/err.txt
  rm -rf "$work/out"
  /usr/bin/time -f '%e %U %S' -o "$t" "$stepup" scan "$repo" -o "$work/out" --format json \
    -j "$jobs" --cache "$cache" 2>"$err" >/dev/null || { cat "$err" >&2; exit 1; }
  read -r w u s <"$t"
  wall[$name]+="$w " cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  parsed[$name]+="$(sed -n 's/^stepup: \([0-9]*\) TU(s) parsed.*/\1/p' "$err") "
  busy[$name]+="$(sed -n 's/.*workers busy \([0-9]*\)% of the parse.*/\1/p' "$err") "
  cmp -s "$work/out/report.json" "$work/expect-$name.json" 2>/dev/null ||
    { [ -f "$work/expect-$name.json" ] && { echo "report.json changed between rounds ($name)" >&2; exit 1; }; }
  cp "$work/out/report.json" "$work/expect-$name.json"
}

echo "== facts cache: cold, warm, one .cc, one header ($rounds rounds, -j$jobs) =="
echo "machine: nproc=$(nproc) loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "repo:    synthetic, $tus TUs"
for r in $(seq 1 "$rounds"); do
  git -C "$repo" checkout -q -- .
  rm -rf "$cache"
  run cold
  run warm
  cc=src/mod$((r % 8))/unit_0.cpp
  echo "// round $r" >>"$repo/$cc"
  run one_cc
  echo "// round $r" >>"$repo/$header"
  run header
done
git -C "$repo" checkout -q -- .

cold=$(median ${wall[cold]})
printf '%-8s %8s %8s %7s %s\n' case wall_s cpu_s ratio "TUs parsed (each round)"
for name in cold warm one_cc header; do
  w=$(median ${wall[$name]})
  printf '%-8s %8s %8s %7s %s\n' "$name" "$w" "$(median ${cpu[$name]})" "$(ratio "$w" "$cold")" \
    "${parsed[$name]}"
done
use=$(awk -v c="$(median ${cpu[cold]})" -v w="$cold" -v j="$jobs" 'BEGIN { printf "%.2f", c / (w * j) }')
share=$(echo ${parsed[header]} | awk '{ printf "%.2f", $1 / '"$tus"' }')
echo "header:  $header is included by TUs worth $share of the repo (ratio target: about that)"
echo "cpu use: cold scan at -j$jobs: CPU/(wall x jobs) = $use (target >= 0.85; needs a quiet machine)"
echo "workers: busy ${busy[cold]}% of the cold parses' wall x jobs (each round; stepup's own count)"
