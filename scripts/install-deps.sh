#!/usr/bin/env bash
# Installs every Debian 12 package stepup needs to build, test and run.
# Idempotent: packages already present are skipped, and apt is only asked
# when something is missing.
set -euo pipefail

packages=(
  build-essential cmake git
  clang libclang-dev llvm          # libclang C API, clang -fsyntax-only (bench), llvm-cov
  libclang-rt-14-dev               # ASan/UBSan/libFuzzer runtimes, profile runtime
  nlohmann-json3-dev               # JSON
  libsimdjson-dev                  # fast reading of large gcovr JSON reports
  libboost-program-options-dev     # CLI
  catch2                           # unit tests (v2)
  libgtest-dev libgmock-dev        # googletest: the fixture whose test skeletons tests/e2e compiles
  libpugixml-dev                   # Cobertura / XML importers
  libsqlite3-dev                   # the facts cache's index: safe for scans sharing one cache folder
  gcovr lcov                       # coverage tools (run by stepup and by tests)
  time                             # /usr/bin/time -v for benchmark peak memory
  chromium nodejs                  # browser test of index.html (tests/browser)
  cppcheck clang-tidy              # static-analysis findings the tests produce (--findings)
  valgrind linux-perf              # real profiles the tests produce (--profile)
  python3-jsonschema               # checks report.sarif and the Code Quality report against their schemas
  libtree-sitter-dev               # the quick mode's parser runtime (0.20.7, grammar ABI 13-14)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Debian's npm, unless a nodejs that bundles its own npm is installed.
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# playwright-core (drives /usr/bin/chromium; it downloads no browser) at the
# version package-lock.json pins; skipped when that version is already there.
browser="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
lock="$browser/package-lock.json" mod="$browser/node_modules/playwright-core/package.json"
want=$(node -p "require(process.argv[1]).packages['node_modules/playwright-core'].version" "$lock")
have=$(node -p "try { require(process.argv[1]).version } catch (e) { '' }" "$mod")
if [ -n "$want" ] && [ "$want" = "$have" ]; then
  echo "install-deps: playwright-core $have present"
else
  echo "install-deps: npm ci in tests/browser (playwright-core $want)"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

# tree-sitter-cpp, the quick mode's C++ grammar (Debian packages none), at the
# version scanner/quick/grammar/package-lock.json pins; CMake compiles its
# generated src/parser.c and src/scanner.c. --ignore-scripts: its native Node
# binding is not wanted, and nothing is built or downloaded beyond the tarballs.
grammar="$(cd "$(dirname "$0")/.." && pwd)/scanner/quick/grammar"
lock="$grammar/package-lock.json" mod="$grammar/node_modules/tree-sitter-cpp/package.json"
want=$(node -p "require(process.argv[1]).packages['node_modules/tree-sitter-cpp'].version" "$lock")
have=$(node -p "try { require(process.argv[1]).version } catch (e) { '' }" "$mod")
if [ -n "$want" ] && [ "$want" = "$have" ] && [ -f "$grammar/node_modules/tree-sitter-cpp/src/parser.c" ]; then
  echo "install-deps: tree-sitter-cpp $have present"
else
  echo "install-deps: npm ci in scanner/quick/grammar (tree-sitter-cpp $want)"
  (cd "$grammar" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
