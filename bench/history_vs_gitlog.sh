#!/usr/bin/env bash
# History benchmark: wall time of `stepup history` against the floor of the
# single `git log` it runs, on a generated repo with a long C++ history.
#
# usage: bench/history_vs_gitlog.sh [--rounds R] [--commits N] [--files F]
#                                   [--stepup PATH] [--seed S] [--keep]
#
#   --rounds R     timed rounds (default 5); each round runs A, B and C back
#                  to back, the order rotating every round
#   --commits N    non-merge commits in the generated repo (default 20000)
#   --files F      C++ files in the generated repo (default 2000)
#   --stepup PATH  stepup binary (default: build/stepup under the repo root)
#   --seed S       generator seed (default 1)
#   --keep         keep the temporary directory and print its path
#
#   A = stepup history REPO --since 365 --no-functions   (per-file history)
#   B = git log ... -z --numstat                          (the floor for A and C)
#   C = stepup history REPO --since 365                   (per-function: patches)
#   D = git log ... -p -U0 --full-index, run once, for information
#
# Exits 1 if any side fails. See bench/README.md for how to read the output.
set -euo pipefail
export LC_ALL=C

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)

ROUNDS=5
COMMITS=20000
FILES=2000
SEED=1
STEPUP=""
KEEP=0
SINCE_DAYS=365
TARGET_FILE=1.3
TARGET_FUNC=3

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

die() { echo "history_vs_gitlog: $*" >&2; exit 2; }
need_val() { [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) need_val "$@"; ROUNDS=$2; shift 2 ;;
    --rounds=*) ROUNDS=${1#*=}; shift ;;
    --commits) need_val "$@"; COMMITS=$2; shift 2 ;;
    --commits=*) COMMITS=${1#*=}; shift ;;
    --files) need_val "$@"; FILES=$2; shift 2 ;;
    --files=*) FILES=${1#*=}; shift ;;
    --seed) need_val "$@"; SEED=$2; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    --stepup) need_val "$@"; STEPUP=$2; shift 2 ;;
    --stepup=*) STEPUP=${1#*=}; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (try --help)" ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ $COMMITS =~ ^[1-9][0-9]*$ ]] || die "--commits must be a positive integer"
[[ $FILES =~ ^[1-9][0-9]*$ ]] || die "--files must be a positive integer"
[[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"

# --- tools -----------------------------------------------------------------
command -v python3 >/dev/null || die "python3 not found"
command -v git >/dev/null || die "git not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install time)"
GIT=$(command -v git)

if [[ -z $STEPUP ]]; then
  STEPUP=$REPO_ROOT/build/stepup
elif [[ $STEPUP != /* ]]; then
  if [[ -e $STEPUP ]]; then STEPUP=$PWD/$STEPUP; else STEPUP=$REPO_ROOT/$STEPUP; fi
fi
[[ -x $STEPUP ]] || die "stepup binary not found or not executable: $STEPUP
  (build it: cmake -S $REPO_ROOT -B $REPO_ROOT/build && cmake --build $REPO_ROOT/build -j2)"
"$STEPUP" history --help >/dev/null 2>&1 || die "$STEPUP has no working 'history' subcommand"

# --- scratch space -----------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/stepup-bench.XXXXXX")
cleanup() {
  cd /
  if [[ $KEEP -eq 1 ]]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

REPO=$WORK/repo
python3 "$BENCH_DIR/make-history-repo.py" "$REPO" --commits "$COMMITS" --files "$FILES" \
  --seed "$SEED" >"$WORK/gen.out"
GEN_LINE=$(cat "$WORK/gen.out")

# Neither the user's nor the system's git configuration may change what git
# does for either side (stepup runs git as a child and inherits this).
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null


# The window: stepup counts --since DAYS back from HEAD's committer time.
HEAD_TIME=$("$GIT" -C "$REPO" log -1 --format=%ct)
SINCE=$((HEAD_TIME - SINCE_DAYS * 86400))
WINDOW_COMMITS=$("$GIT" -C "$REPO" rev-list --count --no-merges --since="@$SINCE" HEAD)
PACK_KB=$(du -sk "$REPO/.git" | cut -f1)
CXX_FILES=$("$GIT" -C "$REPO" ls-files '*.cpp' | wc -l)
CXX_LINES=$("$GIT" -C "$REPO" ls-files -z '*.cpp' | (cd "$REPO" && xargs -0 cat) | wc -l)

# The git log stepup runs (scanner/history/file_history.cpp: read_history), verbatim.
FORMAT='--format=%x00%x00%H%x00%aN%x00%aE%x00%ct%x00%B%x00'
GITLOG=("$GIT" -C "$REPO" -c core.quotePath=true log --no-merges -M -w --no-color --no-ext-diff
        "--since=@$SINCE" "$FORMAT")
run_a() { "$STEPUP" history "$REPO" --since "$SINCE_DAYS" --no-functions; }
run_b() { "${GITLOG[@]}" -z --numstat; }
run_c() { "$STEPUP" history "$REPO" --since "$SINCE_DAYS"; }
run_d() { "${GITLOG[@]}" -p -U0 --full-index --src-prefix=a/ --dst-prefix=b/; }
NAME_A="stepup history --no-functions"
NAME_B="git log -z --numstat"
NAME_C="stepup history (functions)"
NAME_D="git log -p -U0"

failed() {  # $1: name, $2: exit status, $3: stderr file, $4: where
  echo "$1 FAILED (exit $2) $4; its stderr:" >&2
  if [[ -s $3 ]]; then sed 's/^/  | /' "$3" | head -50 >&2; else echo "  | (empty)" >&2; fi
  exit 1
}
# run_side X OUT: runs side X once, stdout to OUT, stderr to $WORK/X.err; exits 1 on failure.
run_side() {
  local rc=0 name_var=NAME_$1
  "run_${1,,}" >"$2" 2>"$WORK/$1.err" || rc=$?
  [[ $rc -eq 0 ]] || failed "${!name_var}" "$rc" "$WORK/$1.err" "${3:-}"
}

# --- header --------------------------------------------------------------------
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "== stepup history vs git log (one log over the window) =="
echo "machine:   nproc=$(nproc)  cpu=${CPU:-unknown}  loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "repo:      make-history-repo.py, generated ${GEN_LINE#"generated $REPO "}"
echo "           $WINDOW_COMMITS commits in the --since $SINCE_DAYS window (since @$SINCE), $CXX_FILES .cpp files, $CXX_LINES lines at HEAD, .git $(mib "$PACK_KB")"
echo "git:       $GIT ($("$GIT" --version))"
echo "A:         $STEPUP history REPO --since $SINCE_DAYS --no-functions > /dev/null"
echo "B:         git -C REPO -c core.quotePath=true log --no-merges -M -w --no-color --no-ext-diff --since=@$SINCE '$FORMAT' -z --numstat > /dev/null"
echo "C:         $STEPUP history REPO --since $SINCE_DAYS > /dev/null"
echo "D (once):  the same git log as B with -p -U0 --full-index --src-prefix=a/ --dst-prefix=b/ instead of -z --numstat"
echo "rounds:    $ROUNDS (A, B, C back to back in each round, order rotated every round)"
echo

# --- check + warm-up (untimed) --------------------------------------------------
# Both stepup runs must exit 0 and print a summary that saw every commit.
run_side A "$WORK/A.out" "in the check run"
run_side B /dev/null "in the check run"
run_side C "$WORK/C.out" "in the check run"
rc=0
python3 - "$WORK/A.out" "$WORK/C.out" "$WINDOW_COMMITS" <<'PY' || rc=$?
import json, sys
want = int(sys.argv[3])
for label, path in (("A", sys.argv[1]), ("C", sys.argv[2])):
    try:
        d = json.load(open(path))
    except ValueError as e:
        print("  %s: stdout is not JSON: %s" % (label, e))
        sys.exit(3)
    if d.get("available") is not True:
        print("  %s: \"available\" is %s, expected true" % (label, d.get("available")))
        sys.exit(3)
    # commits_read: every non-merge commit of the window, mass changes too.
    if d.get("commits_read") != want:
        print("  WARNING: %s reports commits_read=%s; git rev-list counts %d in the window"
              % (label, d.get("commits_read"), want))
PY
if [[ $rc -ne 0 ]]; then
  echo "check FAILED: stepup's history summary does not match the repo (see above)" >&2
  exit 1
fi

# --- peak RSS + CPU (one extra untimed run each) -----------------------------------
# The commands themselves run under /usr/bin/time (no shell in between).
rss_run() {  # $1: side, $2: stdout file, rest: command
  local X=$1 out=$2 rc=0 name_var=NAME_$1
  shift 2
  /usr/bin/time -v -o "$WORK/$X.time" "$@" >"$out" 2>"$WORK/$X.err" || rc=$?
  [[ $rc -eq 0 ]] || failed "${!name_var}" "$rc" "$WORK/$X.err" "in the /usr/bin/time -v run"
}
rss_run A /dev/null "$STEPUP" history "$REPO" --since "$SINCE_DAYS" --no-functions
rss_run B /dev/null "${GITLOG[@]}" -z --numstat
rss_run C /dev/null "$STEPUP" history "$REPO" --since "$SINCE_DAYS"

# --- D once, for information ---------------------------------------------------------
rss_run D "$WORK/D.out" "${GITLOG[@]}" -p -U0 --full-index --src-prefix=a/ --dst-prefix=b/
D_BYTES=$(stat -c %s "$WORK/D.out")
rm -f "$WORK/D.out"
t0=$(now)
run_side D /dev/null "in its timed run"
t1=$(now)
TD=$(elapsed "$t0" "$t1")
B_BYTES=$(run_b | wc -c)

# --- timed rounds ------------------------------------------------------------------
A_TIMES=()
B_TIMES=()
C_TIMES=()
ORDERS=("A B C" "B C A" "C A B")
printf '%-7s %10s %10s %10s %8s %8s  %s\n' round "A_s" "B_s" "C_s" "A/B" "C/B" order
for ((r = 1; r <= ROUNDS; r++)); do
  order=${ORDERS[$(((r - 1) % 3))]}
  declare -A T=()
  for X in $order; do
    t0=$(now)
    run_side "$X" /dev/null "in round $r"
    t1=$(now)
    T[$X]=$(elapsed "$t0" "$t1")
  done
  A_TIMES+=("${T[A]}")
  B_TIMES+=("${T[B]}")
  C_TIMES+=("${T[C]}")
  printf '%-7s %10s %10s %10s %8s %8s  %s\n' "$r" "${T[A]}" "${T[B]}" "${T[C]}" \
    "$(ratio "${T[A]}" "${T[B]}")" "$(ratio "${T[C]}" "${T[B]}")" "$order"
  unset T
done
MA=$(median "${A_TIMES[@]}")
MB=$(median "${B_TIMES[@]}")
MC=$(median "${C_TIMES[@]}")
printf '%-7s %10s %10s %10s\n' median "$MA" "$MB" "$MC"
echo

RA=$(ratio "$MA" "$MB")
RC=$(ratio "$MC" "$MB")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "within target" : "OVER target") }'; }
echo "ratio per-file stepup/git-log: $RA (target <= $TARGET_FILE) -- $(verdict "$RA" "$TARGET_FILE")"
echo "ratio per-function stepup/git-log: $RC (aim <= $TARGET_FUNC) -- $(verdict "$RC" "$TARGET_FUNC")"
echo
echo "for information: D = bare git log -p -U0 (one run): $TD s, $(ratio "$TD" "$MB") x median(B);"
echo "  C spends about $(awk -v c="$MC" -v d="$TD" 'BEGIN { printf "%.3f", c - d }') s beyond git producing the patches"
echo "  log output: B $B_BYTES bytes, D $D_BYTES bytes"

echo
echo "peak RSS (/usr/bin/time -v, Maximum resident set size; one extra untimed run each):"
for X in A B C D; do
  name_var=NAME_$X
  kb=$(maxrss_kb "$WORK/$X.time")
  printf '  %s %-31s %10s (%s kB)\n' "$X" "${!name_var}:" "$(mib "$kb")" "$kb"
done
echo "  (stepup's figure is its own process or its git child, whichever is larger:"
echo "   /usr/bin/time reports the largest of the process tree)"
echo
echo "CPU time of those runs (user+sys, including children):"
for X in A B C D; do
  name_var=NAME_$X
  printf '  %s %-31s %6s s CPU\n' "$X" "${!name_var}:" "$(cpu_s "$WORK/$X.time")"
done
