#!/usr/bin/env bash
# Builds stepup's image (the Dockerfile) and scans the embedded example with
# it, as CI runs it: as another user than the files' owner, the workspace
# mounted at the same path. CTest's container_image test.
#
#   run.sh SOURCE_DIR
#
# Needs docker or podman with an engine that can start containers, and the
# base images debian:12 and debian:12-slim already present (nothing is
# pulled: CI reaches only Debian's and npm's registries). Exits 77 (CTest:
# skipped) with the reason when one is missing.
set -euo pipefail
src=${1:?usage: run.sh SOURCE_DIR}
skip() { echo "container_image skipped: $*"; exit 77; }

engine=""
for e in docker podman; do
  if command -v "$e" > /dev/null && "$e" info > /dev/null 2>&1; then engine=$e; break; fi
done
[ -n "$engine" ] || skip "no docker or podman with a running engine"
for base in debian:12 debian:12-slim; do
  "$engine" image inspect "$base" > /dev/null 2>&1 || skip "base image $base is not present (nothing is pulled)"
done
# An engine that answers `info` may still be unable to start a container
# (no cgroups or user namespaces in a sandbox): that is the host, not the
# Dockerfile.
if ! err=$("$engine" run --rm debian:12 true 2>&1); then
  skip "$engine cannot start a container here: $(printf '%s\n' "$err" | tail -n 1)"
fi

tag=stepup-test:$$
work=$(mktemp -d)
cleanup() { "$engine" image rm -f "$tag" > /dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# STEPUP_CONTAINER_BUILD_FLAGS: more `build` flags, split on blanks (a CA
# certificate mount behind a TLS-intercepting proxy, --network host...).
read -r -a build_flags <<< "${STEPUP_CONTAINER_BUILD_FLAGS:-}"
"$engine" build --pull=false ${build_flags[@]+"${build_flags[@]}"} -t "$tag" "$src"
version=$("$engine" run --rm "$tag" --version)
echo "$version"
if [ "$("$engine" run --rm --entrypoint id "$tag" -u)" != 1000 ]; then
  echo "FAIL: the image does not run as its unprivileged user by default" >&2
  exit 1
fi

# The example, with a git history, configured on the host (the compile
# database's absolute paths hold inside: same path), owned by a user the
# container does not run as.
repo=$work/shop
cp -r "$src/examples/shop" "$repo"
commit() {  # commit everything, at a fixed date
  git -C "$repo" add -A
  GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 \
    git -C "$repo" -c user.name=t -c user.email=t@example.com commit -qm "$2"
}
git -C "$repo" init -q
commit 2026-01-10T10:00:00Z example
# The first commit adds every file: a mass change, which history leaves out.
echo "// reviewed" >> "$repo/src/net/http.cpp"
commit 2026-01-11T10:00:00Z "http: a note"
cmake -S "$repo" -B "$repo/build" > /dev/null
chmod -R a+rwX "$work"
"$engine" run --rm --user 4321:4321 -v "$work:$work" -w "$repo" "$tag" \
  scan . -p build -o "$work/out" --no-cache --format json,html
python3 - "$work/out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["candidates"], "no candidates"
assert r["history"]["window"]["commits"] == 1, r["history"]["window"]  # the second
assert not any(f["parse_errors"] for f in r["files"]), "parse errors inside the image"
print("container_image: %d candidates, history read" % len(r["candidates"]))
PY
