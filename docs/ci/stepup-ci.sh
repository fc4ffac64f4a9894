#!/usr/bin/env bash
# The CI job both examples run (and tests/e2e/ci_mode_test.cpp runs too):
# a patch-mode scan with a quality gate, the reports for the run's summary,
# code scanning (SARIF) and an artifact.
#
#   stepup-ci.sh REPO BASE_REV [COVERAGE_BUILD_DIR]
#
# Environment: STEPUP (the stepup binary, default: stepup on PATH),
# STEPUP_OUT (report folder, default: stepup-report), STEPUP_BASELINE (an
# earlier report.json; adds statuses and the new-candidates gate),
# GITHUB_STEP_SUMMARY (set by GitHub Actions: summary.md is appended to it),
# STEPUP_FACTS_DIR (a sharded scan's facts, from stepup-shard.sh: merged
# instead of parsing; the report is the same bytes).
# Exit code: stepup's (0 passed, 1 gate failed, 2 usage, 3 bad input).
set -uo pipefail
repo=${1:?usage: stepup-ci.sh REPO BASE_REV [COVERAGE_BUILD_DIR]}
base=${2:?usage: stepup-ci.sh REPO BASE_REV [COVERAGE_BUILD_DIR]}
build=${3:-}
stepup=${STEPUP:-stepup}
out=${STEPUP_OUT:-stepup-report}

if [ -n "${STEPUP_FACTS_DIR:-}" ]; then
  args=(merge "$STEPUP_FACTS_DIR"/*.facts "$repo")
else
  args=(scan "$repo")
fi
args+=(-o "$out" --format json,html,sarif,md,csv
      --diff-base "$base"
      --fail-on "patch-coverage<0.8"
      --fail-on "max-score>=90")
if [ -n "$build" ]; then args+=(--coverage-build "$build"); fi
if [ -n "${STEPUP_BASELINE:-}" ]; then
  args+=(--baseline "$STEPUP_BASELINE" --fail-on "new-candidates>0")
fi

"$stepup" "${args[@]}"
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$out/summary.md" ]; then
  cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi
exit $status
