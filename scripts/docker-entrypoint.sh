#!/bin/sh
# The entry point of stepup's image (Dockerfile): runs stepup with its
# arguments, after telling git to trust the mounted workspace.
#
# git refuses to read a repository whose folder another user owns ("detected
# dubious ownership", git 2.35.2 and later). In a container that is the
# normal case: the workspace is mounted from the host or a CI runner, owned
# by a uid the container's user is not. stepup would then lose the history
# (churn, fixes, authors) and patch mode would exit 3. The trust is given
# through git's GIT_CONFIG_COUNT/KEY/VALUE variables (git 2.31 and later), so
# no config file is written: the container may run as any uid (--user), with
# no writable home. Entries already set by the caller are kept.
#
# Trusted: the working folder and each parent that holds .git (the
# repository's top level when stepup runs from a subfolder),
# $GITHUB_WORKSPACE and $CI_PROJECT_DIR when set, and the folders in
# $STEPUP_SAFE_DIRECTORIES (colon-separated) for a repository elsewhere.
#
# tests/e2e/container_test.cpp runs this script on a repository another user
# owns, and the image when a container engine is there.
set -eu

count=${GIT_CONFIG_COUNT:-0}
trust() {
  [ -n "$1" ] || return 0
  export "GIT_CONFIG_KEY_$count=safe.directory" "GIT_CONFIG_VALUE_$count=$1"
  count=$((count + 1))
}

dir=$(pwd -P)
while :; do
  if [ "$dir" = "$(pwd -P)" ] || [ -e "$dir/.git" ]; then trust "$dir"; fi
  [ "$dir" != / ] || break
  dir=$(dirname "$dir")
done
trust "${GITHUB_WORKSPACE:-}"
trust "${CI_PROJECT_DIR:-}"
set -f  # the list is split on colons, never globbed
old_ifs=$IFS
IFS=:
for extra in ${STEPUP_SAFE_DIRECTORIES:-}; do trust "$extra"; done
IFS=$old_ifs
export GIT_CONFIG_COUNT=$count

exec "${STEPUP:-stepup}" "$@"
