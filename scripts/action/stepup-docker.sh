#!/usr/bin/env bash
# stepup in the container the repository's Dockerfile builds, for the GitHub
# Action when no stepup is on PATH (scripts/action/stepup-action.sh points
# STEPUP here). Takes stepup's arguments.
#
#   STEPUP_IMAGE   the image (built by stepup-action.sh, or the action's
#                  `image` input)
#   STEPUP_MOUNTS  folders to mount, one a line: each at the SAME path in
#                  the container, so compile_commands.json's absolute paths,
#                  the coverage data's and the report folder still hold
#
# The container runs as the calling user (--user), so the reports it writes
# are the caller's and git's ownership check sees the workspace's owner; the
# image's entry point trusts the working folder and $GITHUB_WORKSPACE
# (safe.directory), and the GIT_CONFIG_* entries set here are passed on too.
set -euo pipefail
: "${STEPUP_IMAGE:?STEPUP_IMAGE names the stepup image}"
args=(run --rm --user "$(id -u):$(id -g)" --workdir "$PWD"
      --env XDG_CACHE_HOME=/tmp/stepup-cache)
while IFS= read -r dir; do
  if [ -n "$dir" ]; then args+=(--volume "$dir:$dir"); fi
done <<< "${STEPUP_MOUNTS:-$PWD}"
for var in GITHUB_WORKSPACE GIT_CONFIG_COUNT; do
  if [ -n "${!var:-}" ]; then args+=(--env "$var"); fi
done
for ((i = 0; i < ${GIT_CONFIG_COUNT:-0}; i++)); do
  args+=(--env "GIT_CONFIG_KEY_$i" --env "GIT_CONFIG_VALUE_$i")
done
exec docker "${args[@]}" "$STEPUP_IMAGE" "$@"
