#!/usr/bin/env bash
# Installs the Debian 12 packages stepup needs, in three sets:
#
#   scripts/install-deps.sh [runtime] [build] [test]    (no argument: all three)
#
#   runtime  what a scan runs: git (history), gcovr (--coverage-build).
#            The .deb's Depends are the libraries, found by dpkg-shlibdeps.
#   build    what compiling stepup needs, and the tree-sitter C++ grammar,
#            fetched from the npm registry with curl (no node) and checked
#            against the sha512 that scanner/quick/grammar/package-lock.json pins.
#   test     what only the tests use: Catch2, googletest, clang (fuzzers),
#            llvm-cov, lcov, chromium and node (the browser test), valgrind
#            and perf (real profiles), cppcheck and clang-tidy (real findings).
#
# scripts/demo.sh installs runtime and build; scripts/test.sh installs all.
# Idempotent: packages already present are skipped, and apt is only asked
# when something is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

runtime=(
  git                              # history, patch mode, the repository root
  gcovr                            # --coverage-build runs it
)
build=(
  build-essential cmake
  libclang-dev                     # libclang's C API; pulls the clang resource headers it needs at run time
  nlohmann-json3-dev               # JSON
  libsimdjson-dev                  # fast reading of large gcovr JSON reports
  libboost-program-options-dev     # CLI
  libpugixml-dev                   # Cobertura / XML importers
  libsqlite3-dev                   # the facts cache's index: safe for scans sharing one cache folder
  libtree-sitter-dev               # the quick mode's parser runtime (0.20.7, grammar ABI 13-14)
  curl ca-certificates             # fetches the tree-sitter-cpp grammar from the npm registry
  file                             # CPack's DEB generator runs it before dpkg-shlibdeps (--target package)
)
test=(
  catch2                           # unit tests (v2)
  libgtest-dev libgmock-dev        # googletest: the fixture whose test skeletons tests/e2e compiles
  clang llvm                       # libFuzzer targets, clang -fsyntax-only (bench), llvm-cov
  libclang-rt-14-dev               # ASan/UBSan/libFuzzer runtimes, profile runtime
  lcov                             # lcov tracefiles the importer tests read
  time                             # /usr/bin/time -v for benchmark peak memory
  chromium nodejs                  # browser test of index.html (tests/browser)
  cppcheck clang-tidy              # static-analysis findings the tests produce (--findings)
  valgrind linux-perf              # real profiles the tests produce (--profile)
  python3-jsonschema python3-yaml  # report.sarif, the Code Quality report and action.yml against their schemas
)

want_runtime=0 want_build=0 want_test=0
if [ $# -eq 0 ]; then set -- runtime build test; fi
for set_name in "$@"; do
  case "$set_name" in
    runtime) want_runtime=1 ;;
    build) want_build=1 ;;
    test) want_test=1 ;;
    *) echo "install-deps: unknown set '$set_name' (runtime, build, test)" >&2; exit 2 ;;
  esac
done

packages=()
[ $want_runtime = 1 ] && packages+=("${runtime[@]}")
[ $want_build = 1 ] && packages+=("${build[@]}")
[ $want_test = 1 ] && packages+=("${test[@]}")

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
# Debian's npm, unless a nodejs that bundles its own npm is installed.
if [ $want_test = 1 ] && ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present ($*)"
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The version and sha512 package-lock.json pins for node_modules/$1, as
# "VERSION INTEGRITY" (read with awk: the build set has no node).
lock_entry() {
  awk -v key="\"node_modules/$1\": {" '
    index($0, key) { inside = 1; next }
    inside && /"version":/ { gsub(/[",]/, "", $2); version = $2 }
    inside && /"integrity":/ { gsub(/[",]/, "", $2); integrity = $2 }
    inside && /^    }/ { print version, integrity; exit }' "$2"
}

# tree-sitter-cpp, the quick mode's C++ grammar (Debian packages none); CMake
# compiles its generated src/parser.c and src/scanner.c. Only the tarball is
# fetched: its native Node binding is not wanted, and nothing is built.
if [ $want_build = 1 ]; then
  grammar="$root/scanner/quick/grammar"
  read -r want integrity < <(lock_entry tree-sitter-cpp "$grammar/package-lock.json")
  dest="$grammar/node_modules/tree-sitter-cpp"
  have=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$dest/package.json" 2>/dev/null || true)
  if [ "$want" = "$have" ] && [ -f "$dest/src/parser.c" ]; then
    echo "install-deps: tree-sitter-cpp $have present"
  else
    echo "install-deps: fetching tree-sitter-cpp $want from the npm registry"
    registry=${npm_config_registry:-https://registry.npmjs.org/}
    tarball=$(mktemp)
    trap 'rm -f "$tarball"' EXIT
    curl -fsSL --retry 3 -o "$tarball" "${registry%/}/tree-sitter-cpp/-/tree-sitter-cpp-$want.tgz"
    expected=$(printf '%s' "${integrity#sha512-}" | base64 -d | od -An -tx1 -v | tr -d ' \n')
    actual=$(sha512sum "$tarball" | cut -d' ' -f1)
    if [ "$expected" != "$actual" ]; then
      echo "install-deps: tree-sitter-cpp $want does not match package-lock.json's sha512" >&2
      exit 1
    fi
    rm -rf "$dest" && mkdir -p "$dest"
    tar -xzf "$tarball" -C "$dest" --strip-components=1 --no-same-owner
  fi
fi

# playwright-core (drives /usr/bin/chromium; it downloads no browser) at the
# version package-lock.json pins; skipped when that version is already there.
if [ $want_test = 1 ]; then
  browser="$root/tests/browser"
  read -r want _ < <(lock_entry playwright-core "$browser/package-lock.json")
  have=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' \
    "$browser/node_modules/playwright-core/package.json" 2>/dev/null || true)
  if [ -n "$want" ] && [ "$want" = "$have" ]; then
    echo "install-deps: playwright-core $have present"
  else
    echo "install-deps: npm ci in tests/browser (playwright-core $want)"
    (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
