#!/usr/bin/env bash
# The GitHub Action's scan step (action.yml; docs/ci/github.md). Maps the
# INPUT_* variables action.yml sets to docs/ci/stepup-ci.sh, runs it, and
# writes the step's outputs ($GITHUB_OUTPUT) and the PR comment's body
# (comment.md in the report folder). stepup-ci.sh appends summary.md to
# $GITHUB_STEP_SUMMARY.
#
# It exits 0 whatever the gate says: the action's last step exits with the
# gate's code (output exit-code), after the SARIF, the artifact and the
# comment are uploaded. It exits non-zero only when it could not run.
#
# Inputs are data, never code: nothing is eval'd; `args` is split on blanks
# only (no quotes, globs or expansions; a quote is refused); `fail-on` is
# split on newlines and commas; paths are taken whole.
#
# Environment besides INPUT_*: STEPUP (a stepup binary; else stepup on
# PATH; else the image of the repository's Dockerfile, or INPUT_IMAGE, run
# by stepup-docker.sh), GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
# GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID (the comment's link).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

fail() {
  echo "::error title=stepup::$*"
  exit 3
}

# A step output, in the multi-line form with a random delimiter: no value
# (a path with a newline) can add an output of its own.
output() {
  [ -n "${GITHUB_OUTPUT:-}" ] || return 0
  local delim
  delim="EOF_$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s<<%s\n%s\n%s\n' "$1" "$delim" "$2" "$delim" >> "$GITHUB_OUTPUT"
}

# git reads safe.directory from the command scope, which these variables
# are: the workspace is trusted for every git stepup runs, whoever owns it
# (a job container running as root), and no config file is written.
trust() {
  local n=${GIT_CONFIG_COUNT:-0}
  export "GIT_CONFIG_KEY_$n=safe.directory" "GIT_CONFIG_VALUE_$n=$1"
  export GIT_CONFIG_COUNT=$((n + 1))
}

workspace=${GITHUB_WORKSPACE:-$PWD}
repo=${INPUT_PATH:-.}
[ -d "$repo" ] || fail "path: $repo is not a folder"
repo_abs=$(cd "$repo" && pwd -P)
trust "$workspace"
if [ "$repo_abs" != "$workspace" ]; then trust "$repo_abs"; fi

out=${INPUT_OUTPUT:-stepup-report}
case $out in /*) ;; *) out="$PWD/$out" ;; esac

# diff-base: "" or git's all-zero id (a push that created its branch) means
# no patch mode; a base the clone lacks (a shallow checkout) is fetched.
base=${INPUT_DIFF_BASE:-}
if [[ $base =~ ^0+$ ]]; then base=; fi
if [ -z "$base" ]; then
  echo "::notice title=stepup::no diff-base (not a pull request): scanning without patch mode"
elif ! git -C "$repo" rev-parse -q --verify "$base^{commit}" > /dev/null; then
  echo "::warning title=stepup::diff-base $base is not in the clone; fetching it (use actions/checkout with fetch-depth: 0 for the history signals too)"
  git -C "$repo" fetch -q --no-tags --depth=1 origin "$base" || true
fi

# stepup's own arguments: paths whole, `args` split on blanks.
extra=()
if [ -n "${INPUT_COMPILE_COMMANDS:-}" ]; then extra+=(-p "$INPUT_COMPILE_COMMANDS"); fi
while IFS= read -r cov; do
  if [ -n "$cov" ]; then extra+=(-c "$cov"); fi
done <<< "${INPUT_COVERAGE:-}"
if [[ ${INPUT_ARGS:-} == *[\"\']* ]]; then
  fail "args: quotes are not interpreted; give one stepup argument per blank-separated word (paths with blanks have their own inputs)"
fi
read -r -d '' -a words <<< "${INPUT_ARGS:-}"  # split on blanks, nothing expanded
extra+=(${words[@]+"${words[@]}"})

# The binary: STEPUP, else stepup on PATH, else the container.
if [ -z "${STEPUP:-}" ]; then
  if command -v stepup > /dev/null; then
    STEPUP=$(command -v stepup)
  else
    command -v docker > /dev/null || fail "no stepup on PATH and no docker to build it: install the .deb first (docs/ci/github.md)"
    image=${INPUT_IMAGE:-}
    if [ -z "$image" ]; then
      image=stepup-action:local
      echo "::group::Building stepup's image from $root/Dockerfile"
      docker build -t "$image" "$root" || fail "docker build of $root/Dockerfile failed"
      echo "::endgroup::"
    fi
    export STEPUP_IMAGE=$image
    mounts=$workspace
    if [ -n "${RUNNER_TEMP:-}" ]; then mounts+=$'\n'$RUNNER_TEMP; fi
    export STEPUP_MOUNTS=$mounts
    STEPUP=$here/stepup-docker.sh
  fi
fi
export STEPUP STEPUP_OUT="$out" STEPUP_FAIL_ON="${INPUT_FAIL_ON:-}"
export STEPUP_BASELINE="${INPUT_BASELINE:-}" STEPUP_FORMATS=json,html,sarif,md,csv,comment
# A sharded scan's facts (docs/ci/github-actions-sharded.yml): merged, not parsed.
if [ -n "${INPUT_FACTS:-}" ]; then export STEPUP_FACTS_DIR=$INPUT_FACTS; fi

# The scan's console can quote the repository's names: GitHub reads no
# workflow command in it.
stop=
if [ "${GITHUB_ACTIONS:-}" = true ]; then
  stop=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  echo "::stop-commands::$stop"
fi
bash "$root/docs/ci/stepup-ci.sh" "$repo" "$base" "${INPUT_COVERAGE_BUILD:-}" -- \
  ${extra[@]+"${extra[@]}"}
status=$?
if [ -n "$stop" ]; then echo "::$stop::"; fi

case $status in
  0) if [ "${INPUT_FAIL_ON:-}" = none ]; then gate=none; else gate=passed; fi ;;
  1) gate=failed ;;
  *) gate=error ;;
esac
echo "stepup exited $status (gate: $gate)"
output exit-code "$status"
output gate "$gate"
if [ -f "$out/report.json" ]; then output report-dir "$out"; fi
if [ -f "$out/report.sarif" ]; then output sarif "$out/report.sarif"; fi
if [ -f "$out/index.html" ]; then output html "$out/index.html"; fi
if [ -f "$out/comment.md" ]; then
  # The comment links the run, whose artifact holds the full report.
  if [ -n "${GITHUB_RUN_ID:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
    url="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"
    printf '<sub>The full report (index.html, report.sarif, report.json) is in the artifacts of [this run](%s).</sub>\n' \
      "$url" >> "$out/comment.md"
  fi
  output comment "$out/comment.md"
fi
exit 0
