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
  libpugixml-dev                   # Cobertura / XML importers
  gcovr lcov                       # coverage tools (run by stepup and by tests)
  time                             # /usr/bin/time -v for benchmark peak memory
  cppcheck clang-tidy              # static-analysis findings the tests produce (--findings)
  valgrind linux-perf              # real profiles the tests produce (--profile)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
