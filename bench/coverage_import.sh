#!/usr/bin/env bash
# Coverage-import benchmark: wall time of `stepup coverage FILE` against
# `gcovr --add-tracefile FILE --json-summary` (the reference implementation
# that reads the same gcovr JSON and prints its totals), on one large
# generated gcovr JSON report.
#
# usage: bench/coverage_import.sh [--rounds R] [--mb N] [--stepup PATH]
#                                 [--seed S] [--keep]
#
#   --rounds R     timed rounds (default 5); each round runs A and B back to
#                  back, the order flipping every round
#   --mb N         size of the generated report in MiB (default 60)
#   --stepup PATH  stepup binary (default: build/stepup under the repo root)
#   --seed S       generator seed (default 1)
#   --keep         keep the temporary directory and print its path
#
# Exits 1 if either tool fails or if stepup's line totals differ from gcovr's.
# See bench/README.md for how to read the output.
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)

ROUNDS=5
SIZE_MB=60
SEED=1
STEPUP=""
KEEP=0
TARGET_RATIO=10
GCOVR=${GCOVR:-gcovr}

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

die() { echo "coverage_import: $*" >&2; exit 2; }
need_val() { [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) need_val "$@"; ROUNDS=$2; shift 2 ;;
    --rounds=*) ROUNDS=${1#*=}; shift ;;
    --mb) need_val "$@"; SIZE_MB=$2; shift 2 ;;
    --mb=*) SIZE_MB=${1#*=}; shift ;;
    --seed) need_val "$@"; SEED=$2; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    --stepup) need_val "$@"; STEPUP=$2; shift 2 ;;
    --stepup=*) STEPUP=${1#*=}; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ $SIZE_MB =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v m="$SIZE_MB" 'BEGIN { exit !(m > 0) }' \
  || die "--mb must be a positive number"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"

# --- tools -----------------------------------------------------------------
command -v python3 >/dev/null || die "python3 not found"
command -v "$GCOVR" >/dev/null || die "$GCOVR not found (apt-get install gcovr)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
GCOVR=$(command -v "$GCOVR")

if [[ -z $STEPUP ]]; then
  STEPUP=$REPO_ROOT/build/stepup
elif [[ $STEPUP != /* ]]; then
  if [[ -e $STEPUP ]]; then STEPUP=$PWD/$STEPUP; else STEPUP=$REPO_ROOT/$STEPUP; fi
fi
[[ -x $STEPUP ]] || die "stepup binary not found or not executable: $STEPUP
  (build it: cmake -S $REPO_ROOT -B $REPO_ROOT/build && cmake --build $REPO_ROOT/build -j2)"

# --- scratch space -----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-bench.XXXXXX")
cleanup() {
  cd /
  if [[ $KEEP -eq 1 ]]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# gcovr resolves the report's relative file names against --root, which
# defaults to "." -- so both tools run with the scratch directory as cwd.
cd "$WORK"
COV=$WORK/coverage.json
SUMMARY=$WORK/summary.json
python3 "$BENCH_DIR/make-gcovr-json.py" "$COV" --mb "$SIZE_MB" --seed "$SEED" >"$WORK/gen.out"
BYTES=$(stat -c %s "$COV")
GEN_TOTALS=$(sed -n 's/^totals: //p' "$WORK/gen.out")
[[ -n $GEN_TOTALS ]] || die "generator printed no totals line"

wall_of() { sed -n 's/.*Elapsed (wall clock).*): *//p' "$1"; }
mibps() { awk -v b="$BYTES" -v s="$1" 'BEGIN { printf "%.1f MiB/s", b / 1048576 / s }'; }

# The two commands being compared. Neither prints anything on success except
# stepup's JSON on stdout (sent wherever the caller says).
run_stepup() { "$STEPUP" coverage "$COV"; }
run_gcovr() { "$GCOVR" --add-tracefile "$COV" --json-summary -o "$SUMMARY"; }

failed() {  # $1: tool, $2: exit status, $3: stderr file, $4: where
  echo "$1 FAILED (exit $2) $4; its stderr:" >&2
  if [[ -s $3 ]]; then sed 's/^/  | /' "$3" | head -50 >&2; else echo "  | (empty)" >&2; fi
  exit 1
}

# --- header --------------------------------------------------------------------
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "== stepup coverage vs gcovr --add-tracefile (gcovr JSON import) =="
echo "machine:   nproc=$(nproc)  cpu=${CPU:-unknown}  loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "input:     gcovr JSON 0.3, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MiB), seed $SEED"
echo "           generator totals: $GEN_TOTALS"
echo "stepup:    $STEPUP coverage FILE > /dev/null"
echo "gcovr:     $GCOVR ($("$GCOVR" --version | head -1)) --add-tracefile FILE --json-summary -o SUMMARY.json"
echo "rounds:    $ROUNDS (A=stepup and B=gcovr run back to back in each round, order flipped every round)"
echo

# --- correctness check (untimed; also warms the page cache) ----------------------
rc=0
run_stepup >"$WORK/stepup.out" 2>"$WORK/stepup.err" || rc=$?
[[ $rc -eq 0 ]] || failed "stepup coverage" "$rc" "$WORK/stepup.err" "in the check run"
rc=0
run_gcovr >/dev/null 2>"$WORK/gcovr.err" || rc=$?
[[ $rc -eq 0 ]] || failed gcovr "$rc" "$WORK/gcovr.err" "in the check run"
[[ -s $SUMMARY ]] || { echo "gcovr wrote no summary ($SUMMARY)" >&2; exit 1; }

echo "totals check (untimed run of each):"
rc=0
python3 - "$WORK/stepup.out" "$SUMMARY" "$GEN_TOTALS" <<'PY' || rc=$?
import json, sys
stepup_path, summary_path, gen_line = sys.argv[1:]
gen = {k: int(v) for k, v in (kv.split("=") for kv in gen_line.split())}
try:
    s = json.load(open(stepup_path))
except ValueError as e:
    print("  stepup's stdout is not JSON: %s" % e)
    sys.exit(4)
if isinstance(s, list):
    if len(s) != 1:
        print("  expected one report object from stepup, got %d" % len(s))
        sys.exit(4)
    s = s[0]
g = json.load(open(summary_path))

def sv(key):
    return s.get(key, "absent")

rows = [
    # label, generator, stepup, gcovr, fatal if stepup != gcovr
    ("files", gen["files"], sv("files"), len(g["files"]), False),
    ("lines total", gen["lines"], sv("lines_total"), g["line_total"], True),
    ("lines covered", gen["lines_covered"], sv("lines_covered"), g["line_covered"], True),
    ("functions total", gen["functions"], sv("functions_total"), g["function_total"], False),
    ("functions covered", gen["functions_covered"], sv("functions_covered"), g["function_covered"], False),
    ("branches total, incl. throw", gen["branches"], sv("branches_total_with_exceptions"), g["branch_total"], False),
    ("branches covered, incl. throw", gen["branches_covered"], "-", g["branch_covered"], False),
    ("branches total, excl. throw", gen["branches"] - gen["throw_branches"], sv("branches_total"), "-", False),
    ("branches covered, excl. throw", gen["branches_covered"] - gen["throw_branches_covered"], sv("branches_covered"), "-", False),
]
print("  %-31s %12s %12s %12s" % ("", "generator", "stepup", "gcovr"))
fatal = False
warn = 0
for label, want, got_s, got_g, is_fatal in rows:
    vals = [v for v in (want, got_s, got_g) if v != "-"]
    ok = all(v == vals[0] for v in vals)
    note = "ok" if ok else "MISMATCH"
    if not ok and is_fatal and got_s != got_g:
        note = "MISMATCH stepup != gcovr"
        fatal = True
    elif not ok:
        warn += 1
    print("  %-31s %12s %12s %12s  %s" % (label, want, got_s, got_g, note))
if fatal:
    print("  ERROR: stepup's line totals differ from gcovr's -- a correctness bug in stepup's gcovr JSON import")
    sys.exit(3)
if warn:
    print("  WARNING: %d non-line total(s) disagree (see MISMATCH above); lines agree, continuing" % warn)
PY
if [[ $rc -ne 0 ]]; then
  echo "totals check FAILED (exit $rc); stepup's output was:" >&2
  sed 's/^/  | /' "$WORK/stepup.out" | head -40 >&2
  exit 1
fi
echo

# --- peak RSS + CPU (one extra untimed run each) ----------------------------------
rc=0
/usr/bin/time -v -o "$WORK/stepup.time" "$STEPUP" coverage "$COV" >/dev/null 2>"$WORK/stepup.err" || rc=$?
[[ $rc -eq 0 ]] || failed "stepup coverage" "$rc" "$WORK/stepup.err" "in the /usr/bin/time -v run"
rc=0
/usr/bin/time -v -o "$WORK/gcovr.time" "$GCOVR" --add-tracefile "$COV" --json-summary -o "$SUMMARY" \
  >/dev/null 2>"$WORK/gcovr.err" || rc=$?
[[ $rc -eq 0 ]] || failed gcovr "$rc" "$WORK/gcovr.err" "in the /usr/bin/time -v run"

# --- timed rounds ------------------------------------------------------------------
A_TIMES=()
B_TIMES=()
printf '%-7s %12s %12s %8s\n' round "stepup_s" "gcovr_s" "B/A"
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order="A B"; else order="B A"; fi
  ta="-" tb="-"
  for which in $order; do
    rc=0
    if [[ $which == A ]]; then
      t0=$(now)
      run_stepup >/dev/null 2>"$WORK/stepup.err" || rc=$?
      t1=$(now)
      [[ $rc -eq 0 ]] || failed "stepup coverage" "$rc" "$WORK/stepup.err" "in round $r"
      ta=$(elapsed "$t0" "$t1")
      A_TIMES+=("$ta")
    else
      t0=$(now)
      run_gcovr >/dev/null 2>"$WORK/gcovr.err" || rc=$?
      t1=$(now)
      [[ $rc -eq 0 ]] || failed gcovr "$rc" "$WORK/gcovr.err" "in round $r"
      tb=$(elapsed "$t0" "$t1")
      B_TIMES+=("$tb")
    fi
  done
  ba=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2f", b / a }')
  printf '%-7s %12s %12s %8s\n' "$r" "$ta" "$tb" "$ba"
done
MA=$(median "${A_TIMES[@]}")
MB=$(median "${B_TIMES[@]}")
printf '%-7s %12s %12s\n' median "$MA" "$MB"
echo

ratio=$(awk -v a="$MA" -v b="$MB" 'BEGIN { printf "%.2f", b / a }')
verdict=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t ? "within target" : "BELOW target") }')
echo "ratio gcovr/stepup: $ratio (target >= $TARGET_RATIO) -- $verdict"
echo "throughput (file size / median wall): stepup $(mibps "$MA"), gcovr $(mibps "$MB")"

echo
echo "peak RSS (/usr/bin/time -v, Maximum resident set size; one extra untimed run each):"
SR=$(maxrss_kb "$WORK/stepup.time")
GR=$(maxrss_kb "$WORK/gcovr.time")
echo "  stepup coverage:  $(mib "$SR") ($SR kB; $(awk -v k="$SR" -v b="$BYTES" 'BEGIN { printf "%.1f", k * 1024 / b }') x input size)"
echo "  gcovr:            $(mib "$GR") ($GR kB; $(awk -v k="$GR" -v b="$BYTES" 'BEGIN { printf "%.1f", k * 1024 / b }') x input size)"
echo
echo "CPU time of those runs (user+sys; both tools are single-threaded):"
echo "  stepup coverage:  $(cpu_s "$WORK/stepup.time") s CPU, $(wall_of "$WORK/stepup.time") wall (m:ss)"
echo "  gcovr:            $(cpu_s "$WORK/gcovr.time") s CPU, $(wall_of "$WORK/gcovr.time") wall (m:ss)"
