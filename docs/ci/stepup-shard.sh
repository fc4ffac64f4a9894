#!/usr/bin/env bash
# One CI job's share of a sharded scan (docs/cache.md): parses the K-th of
# N balanced shares of the TUs and writes their facts for stepup-ci.sh to
# merge. Both sharded examples run it (GitHub's matrix, GitLab's
# parallel: N), and tests/e2e/cache_scan_test.cpp runs it with N = 3.
#
#   stepup-shard.sh REPO K N
#
# Environment: STEPUP (the stepup binary, default: stepup on PATH),
# STEPUP_FACTS_DIR (where the facts go, default: stepup-facts),
# STEPUP_CACHE (a facts cache folder the CI keeps between runs; default:
# stepup's own default).
set -euo pipefail
repo=${1:?usage: stepup-shard.sh REPO K N}
k=${2:?usage: stepup-shard.sh REPO K N}
n=${3:?usage: stepup-shard.sh REPO K N}
stepup=${STEPUP:-stepup}
facts=${STEPUP_FACTS_DIR:-stepup-facts}
mkdir -p "$facts"
args=(scan "$repo" --shard "$k/$n" --facts-out "$facts/shard-$k.facts")
if [ -n "${STEPUP_CACHE:-}" ]; then args+=(--cache "$STEPUP_CACHE"); fi
exec "$stepup" "${args[@]}"
