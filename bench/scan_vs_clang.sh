#!/usr/bin/env bash
# Scan benchmark: wall time of `stepup scan` against the floor of running
# `clang++ -fsyntax-only` over the same translation units with the same flags,
# both at 2-way parallelism, on a generated synthetic C++17 repo.
#
# usage: bench/scan_vs_clang.sh [--rounds R] [--tus N] [--stepup PATH]
#                               [--seed S] [--clang-only] [--keep]
#
#   --rounds R     timed rounds (default 5); each round runs A and B back to
#                  back, the order flipping every round
#   --tus N        translation units in the synthetic repo (default 72)
#   --stepup PATH  stepup binary (default: build/stepup under the repo root)
#   --seed S       generator seed (default 1)
#   --clang-only   time only the clang half (no stepup needed; no ratio)
#   --keep         keep the temporary directory and print its path
#
# See bench/README.md for how to read the output.
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)

ROUNDS=5
TUS=72
SEED=1
STEPUP=""
CLANG_ONLY=0
KEEP=0
JOBS=2
TARGET_RATIO=1.3
CLANGXX=${CLANGXX:-clang++}

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

die() { echo "scan_vs_clang: $*" >&2; exit 2; }
need_val() { [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) need_val "$@"; ROUNDS=$2; shift 2 ;;
    --rounds=*) ROUNDS=${1#*=}; shift ;;
    --tus) need_val "$@"; TUS=$2; shift 2 ;;
    --tus=*) TUS=${1#*=}; shift ;;
    --seed) need_val "$@"; SEED=$2; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    --stepup) need_val "$@"; STEPUP=$2; shift 2 ;;
    --stepup=*) STEPUP=${1#*=}; shift ;;
    --clang-only) CLANG_ONLY=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ $TUS =~ ^[1-9][0-9]*$ ]] || die "--tus must be a positive integer"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"

# --- tools -----------------------------------------------------------------
command -v python3 >/dev/null || die "python3 not found"
command -v "$CLANGXX" >/dev/null || die "$CLANGXX not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
CLANGXX=$(command -v "$CLANGXX")

if [[ $CLANG_ONLY -eq 0 ]]; then
  if [[ -z $STEPUP ]]; then
    STEPUP=$REPO_ROOT/build/stepup
  elif [[ $STEPUP != /* ]]; then
    if [[ -e $STEPUP ]]; then STEPUP=$PWD/$STEPUP; else STEPUP=$REPO_ROOT/$STEPUP; fi
  fi
  [[ -x $STEPUP ]] || die "stepup binary not found or not executable: $STEPUP
  (build it: cmake -S $REPO_ROOT -B $REPO_ROOT/build && cmake --build $REPO_ROOT/build -j2)"
fi

# --- scratch space -----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-bench.XXXXXX")
cleanup() {
  if [[ $KEEP -eq 1 ]]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DEST=$WORK/repo
OUT=$WORK/out
python3 "$BENCH_DIR/make-synthetic-repo.py" "$DEST" --tus "$TUS" --seed "$SEED"
CDB=$DEST/compile_commands.json

# --- clang argv files ----------------------------------------------------------
# One NUL-separated file per TU: the working directory, then the argv.
# Flags come from compile_commands.json; -c and -o <obj> are dropped,
# -fsyntax-only is added and argv[0] becomes clang++. No shell quoting involved.
ARGV_DIR=$WORK/argv
LIST=$WORK/argv.list
python3 - "$CDB" "$CLANGXX" "$ARGV_DIR" "$LIST" <<'PY'
import json, os, shlex, sys
cdb, clang, argv_dir, list_path = sys.argv[1:]
os.makedirs(argv_dir)
entries = json.load(open(cdb))
paths = []
for i, e in enumerate(entries):
    args = e["arguments"] if "arguments" in e else shlex.split(e["command"])
    out = [clang]
    rest = args[1:]
    j = 0
    while j < len(rest):
        a = rest[j]
        if a == "-c":
            j += 1
            continue
        if a == "-o":
            j += 2
            continue
        if a.startswith("-o") and len(a) > 2:
            j += 1
            continue
        out.append(a)
        j += 1
    out.append("-fsyntax-only")
    p = os.path.join(argv_dir, "%05d.argv" % i)
    with open(p, "wb") as f:
        f.write(b"\0".join(s.encode() for s in [e["directory"]] + out) + b"\0")
    with open(p[:-len(".argv")] + ".file", "w") as f:
        f.write(e["file"])
    paths.append(p)
with open(list_path, "wb") as f:
    f.write(b"".join(p.encode() + b"\0" for p in paths))
PY

# Runner for one TU: read its argv file, cd, exec (so timing/RSS see clang itself).
# shellcheck disable=SC2016
RUN_ONE='mapfile -d "" -t a < "$1" && cd "${a[0]}" && exec "${a[@]:1}"'
# Same, under /usr/bin/time -v writing to <argvfile>.time
# shellcheck disable=SC2016
RUN_ONE_TIMED='mapfile -d "" -t a < "$1" && cd "${a[0]}" && exec /usr/bin/time -v -o "$1.time" "${a[@]:1}"'


run_stepup() {  # $1: stdout file, $2: stderr file
  rm -rf "$OUT"
  "$STEPUP" scan "$DEST" -p "$CDB" -o "$OUT" --format json -j "$JOBS" >"$1" 2>"$2"
}
run_clang() {  # stderr to $1
  xargs -0 -P"$JOBS" -n1 bash -c "$RUN_ONE" clang-one <"$LIST" >/dev/null 2>"$1"
}

stepup_failed() {  # $1: exit status, $2: stderr file, $3: where
  echo "stepup scan FAILED (exit $1) $3; its stderr:" >&2
  if [[ -s $2 ]]; then sed 's/^/  | /' "$2" >&2; else echo "  | (empty)" >&2; fi
  exit 1
}
clang_failed() {
  echo "clang++ -fsyntax-only FAILED $2; stderr:" >&2
  sed 's/^/  | /' "$1" | head -50 >&2
  exit 1
}

# --- header --------------------------------------------------------------------
LINES=$(find "$DEST/src" -name '*.cpp' -print0 | xargs -0 cat | wc -l)
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "== stepup scan vs clang++ -fsyntax-only =="
echo "machine:   nproc=$(nproc)  cpu=${CPU:-unknown}  loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "repo:      synthetic, $TUS TUs, $LINES lines of .cpp (seed $SEED)"
echo "clang:     $CLANGXX ($("$CLANGXX" --version | head -1)), -P$JOBS"
if [[ $CLANG_ONLY -eq 0 ]]; then
  echo "stepup:    $STEPUP scan -j $JOBS --format json"
else
  echo "stepup:    (skipped: --clang-only)"
fi
echo "rounds:    $ROUNDS (A=stepup and B=clang run back to back in each round, order flipped every round)"
echo

# --- warm-up + peak RSS (untimed) -----------------------------------------------
# Doubles as the correctness check and warms the page cache for both sides.
STEPUP_RSS=""
if [[ $CLANG_ONLY -eq 0 ]]; then
  rm -rf "$OUT"
  rc=0
  t0=$(now)
  /usr/bin/time -v -o "$WORK/stepup.time" \
    "$STEPUP" scan "$DEST" -p "$CDB" -o "$OUT" --format json -j "$JOBS" \
    >"$WORK/stepup.out" 2>"$WORK/stepup.err" || rc=$?
  t1=$(now)
  STEPUP_WARM_WALL=$(elapsed "$t0" "$t1")
  [[ $rc -eq 0 ]] || stepup_failed "$rc" "$WORK/stepup.err" "in the warm-up run"
  STEPUP_RSS=$(maxrss_kb "$WORK/stepup.time")
fi
rc=0
t0=$(now)
xargs -0 -P"$JOBS" -n1 bash -c "$RUN_ONE_TIMED" clang-one <"$LIST" >/dev/null 2>"$WORK/clang.err" || rc=$?
t1=$(now)
CLANG_WARM_WALL=$(elapsed "$t0" "$t1")
[[ $rc -eq 0 ]] || clang_failed "$WORK/clang.err" "in the warm-up run (xargs exit $rc)"
CLANG_RSS=0
CLANG_RSS_TU=""
for t in "$ARGV_DIR"/*.argv.time; do
  kb=$(maxrss_kb "$t")
  if [[ $kb -gt $CLANG_RSS ]]; then
    CLANG_RSS=$kb
    CLANG_RSS_TU=$(cat "${t%.argv.time}.file")
  fi
done
CLANG_RSS_TU=${CLANG_RSS_TU#"$DEST"/}

# --- timed rounds ------------------------------------------------------------------
A_TIMES=()
B_TIMES=()
printf '%-7s %12s %12s %8s\n' round "stepup_s" "clang_s" "A/B"
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order="A B"; else order="B A"; fi
  ta="-" tb="-"
  for which in $order; do
    if [[ $which == A ]]; then
      [[ $CLANG_ONLY -eq 0 ]] || continue
      rm -rf "$OUT"
      rc=0
      t0=$(now)
      "$STEPUP" scan "$DEST" -p "$CDB" -o "$OUT" --format json -j "$JOBS" >/dev/null 2>&1 || rc=$?
      t1=$(now)
      if [[ $rc -ne 0 ]]; then
        # rerun to capture what it said
        rc2=0
        run_stepup "$WORK/stepup.out" "$WORK/stepup.err" || rc2=$?
        stepup_failed "$rc" "$WORK/stepup.err" "in round $r (rerun exit $rc2)"
      fi
      ta=$(elapsed "$t0" "$t1")
      A_TIMES+=("$ta")
    else
      rc=0
      t0=$(now)
      xargs -0 -P"$JOBS" -n1 bash -c "$RUN_ONE" clang-one <"$LIST" >/dev/null 2>/dev/null || rc=$?
      t1=$(now)
      if [[ $rc -ne 0 ]]; then
        run_clang "$WORK/clang.err" || true
        clang_failed "$WORK/clang.err" "in round $r (xargs exit $rc)"
      fi
      tb=$(elapsed "$t0" "$t1")
      B_TIMES+=("$tb")
    fi
  done
  if [[ $ta != - ]]; then
    ab=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2f", a / b }')
  else
    ab="-"
  fi
  printf '%-7s %12s %12s %8s\n' "$r" "$ta" "$tb" "$ab"
done

MB=$(median "${B_TIMES[@]}")
if [[ $CLANG_ONLY -eq 0 ]]; then
  MA=$(median "${A_TIMES[@]}")
  printf '%-7s %12s %12s\n' median "$MA" "$MB"
  echo
  ratio=$(awk -v a="$MA" -v b="$MB" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r <= t ? "within target" : "OVER target") }')
  echo "ratio stepup/clang-fsyntax-only: $ratio (target <= $TARGET_RATIO) -- $verdict"
else
  printf '%-7s %12s %12s\n' median "-" "$MB"
  echo
  echo "ratio stepup/clang-fsyntax-only: n/a (--clang-only)"
fi

echo
echo "peak RSS (/usr/bin/time -v, Maximum resident set size):"
if [[ -n $STEPUP_RSS ]]; then
  echo "  stepup scan -j $JOBS (whole process):   $(mib "$STEPUP_RSS") ($STEPUP_RSS kB)"
fi
echo "  largest single clang++ -fsyntax-only: $(mib "$CLANG_RSS") ($CLANG_RSS kB, $CLANG_RSS_TU)"

echo
echo "CPU time of the untimed warm-up runs (user+sys; at most wall x $JOBS with -j $JOBS):"
if [[ -n $STEPUP_RSS ]]; then
  echo "  stepup scan:            $(cpu_s "$WORK/stepup.time") s CPU in $STEPUP_WARM_WALL s wall"
fi
echo "  clang++, all TUs:       $(cpu_s "$ARGV_DIR"/*.argv.time) s CPU in $CLANG_WARM_WALL s wall"
