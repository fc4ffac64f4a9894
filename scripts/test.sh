#!/usr/bin/env bash
# Installs what is missing, builds stepup with warnings as errors, and runs
# every test: the Release build's Catch2 suite through CTest, then the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (RelWithDebInfo, -Wall -Wextra -Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEPUP_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"

echo "== tests"
(cd build && ctest --output-on-failure -j"$jobs")

if [ "${STEPUP_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== tests under ASan + UBSan"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSTEPUP_SANITIZE=ON -DSTEPUP_BUILD_TESTS=ON >/dev/null
  cmake --build build-asan -j"$jobs"
  # libclang is not built with ASan; its own allocations are not ours to audit.
  (cd build-asan && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     ctest --output-on-failure -j"$jobs")
fi
echo "== all tests passed"
