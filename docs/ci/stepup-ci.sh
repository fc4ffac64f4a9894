#!/usr/bin/env bash
# The CI job both examples run, and the GitHub Action's scan step
# (scripts/action/stepup-action.sh) too: a patch-mode scan with a quality
# gate, the reports for the run's summary, code scanning (SARIF) and an
# artifact. tests/e2e/ci_mode_test.cpp and
# tests/scripts/action/stepup_action_test.cpp run it.
#
#   stepup-ci.sh REPO BASE_REV [COVERAGE_BUILD_DIR] [-- STEPUP_ARG...]
#
# BASE_REV: patch mode against it (--diff-base); "" scans without patch
# mode. Arguments after `--` go to stepup as they are (-p, -c, --top...).
#
# Environment:
#   STEPUP            the stepup binary (default: stepup on PATH)
#   STEPUP_OUT        the report folder (default: stepup-report)
#   STEPUP_BASELINE   an earlier report.json: adds statuses and the
#                     new-candidates gate
#   STEPUP_FAIL_ON    the gates, separated by newlines or commas; unset or
#                     empty: patch-coverage<0.8 (with BASE_REV) and
#                     max-score>=90, plus new-candidates>0 with a baseline;
#                     "none": no gate
#   STEPUP_FORMATS    the report formats (default: json,html,sarif,md,csv)
#   STEPUP_FACTS_DIR  a sharded scan's facts, from stepup-shard.sh: merged
#                     instead of parsing; the report is the same bytes
#   GITHUB_STEP_SUMMARY  set by GitHub Actions: summary.md is appended to it
# Exit code: stepup's (0 passed, 1 gate failed, 2 usage, 3 bad input).
set -uo pipefail
usage() {
  echo "usage: stepup-ci.sh REPO BASE_REV [COVERAGE_BUILD_DIR] [-- STEPUP_ARG...]" >&2
  exit 2
}
[ $# -ge 2 ] || usage
repo=$1 base=$2
shift 2
build=
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  build=$1
  shift
fi
if [ $# -gt 0 ]; then
  [ "$1" = "--" ] || usage
  shift
fi
stepup=${STEPUP:-stepup}
out=${STEPUP_OUT:-stepup-report}

# The gates: split on newlines and commas, blanks trimmed; never evaluated.
gates=()
if [ -z "${STEPUP_FAIL_ON:-}" ]; then
  if [ -n "$base" ]; then gates+=("patch-coverage<0.8"); fi
  gates+=("max-score>=90")
  if [ -n "${STEPUP_BASELINE:-}" ]; then gates+=("new-candidates>0"); fi
elif [ "$STEPUP_FAIL_ON" != "none" ]; then
  while IFS= read -r gate; do
    gate=${gate#"${gate%%[![:space:]]*}"}
    gate=${gate%"${gate##*[![:space:]]}"}
    if [ -n "$gate" ]; then gates+=("$gate"); fi
  done < <(printf '%s\n' "$STEPUP_FAIL_ON" | tr ',' '\n')
fi

if [ -n "${STEPUP_FACTS_DIR:-}" ]; then
  args=(merge "$STEPUP_FACTS_DIR"/*.facts "$repo")
else
  args=(scan "$repo")
fi
args+=(-o "$out" --format "${STEPUP_FORMATS:-json,html,sarif,md,csv}")
if [ -n "$base" ]; then args+=(--diff-base "$base"); fi
for gate in ${gates[@]+"${gates[@]}"}; do args+=(--fail-on "$gate"); done
if [ -n "$build" ]; then args+=(--coverage-build "$build"); fi
if [ -n "${STEPUP_BASELINE:-}" ]; then args+=(--baseline "$STEPUP_BASELINE"); fi
args+=("$@")

"$stepup" "${args[@]}"
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/summary.md" ]; then
  cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit $status
