#!/usr/bin/env bash
# Installs what is missing, builds stepup with warnings as errors, and runs
# every test: the RelWithDebInfo build's Catch2 suite through CTest, the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer, then each fuzzer
# (STEPUP_FUZZ_SECONDS each, 10 by default: the seed corpus as a regression
# run, then a short search; run longer by hand after changing a parser).
# The sanitizer suite and the fuzzers share one clang build (build-asan/):
# clang compiles this code about twice as fast as g++, and the fuzz targets
# link against the same instrumented library. CI runs this as .ci/run, and
# the README's second command is this script.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (RelWithDebInfo, -Wall -Wextra -Werror)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEPUP_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"

echo "== tests"
(cd build && ctest --output-on-failure -j"$jobs")

sanitize=1 fuzz=1
[ "${STEPUP_SKIP_SANITIZERS:-0}" = 1 ] && sanitize=0
[ "${STEPUP_SKIP_FUZZ:-0}" = 1 ] && fuzz=0
fuzzers="compile_db config source_text gcovr lcov cobertura llvm_cov codeowners profile errors findings report git_diff git_log ignore_revs includes roles gcovr_log skeleton quick facts ctest remote_url head_comment"
if [ $sanitize = 1 ] || [ $fuzz = 1 ]; then
  echo "== build (clang, ASan + UBSan, libFuzzer targets)"
  tests=OFF
  [ $sanitize = 1 ] && tests=ON
  CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DSTEPUP_SANITIZE=ON -DSTEPUP_FUZZ=ON \
    -DSTEPUP_BUILD_TESTS=$tests >/dev/null
  cmake --build build-asan -j"$jobs"
fi
if [ $sanitize = 1 ]; then
  echo "== tests under ASan + UBSan"
  # libclang is not built with ASan; its own allocations are not ours to audit.
  # Left out: the browser test (the page's JavaScript in Chromium; its C++
  # side, the HTML writer, runs here in the other tests), the skeleton
  # compiles (g++ compiling generated tests; the skeletons' C++ is unit
  # tested here) and the install tests (packaging). The fixture repositories
  # the first run built are shared, read-only.
  (cd build-asan && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     STEPUP_FIXTURE_CACHE="$PWD/../build/tests/fixture-cache" \
     ctest --output-on-failure -j"$jobs" \
       -E '^(browser_html_report|skeleton compile: .*|cmake --install puts .*|the \.deb depends .*)$')
fi
if [ $fuzz = 1 ]; then
  echo "== fuzz: each parser of outside input for ${STEPUP_FUZZ_SECONDS:-10}s (clang, libFuzzer, ASan+UBSan)"
  for f in $fuzzers; do
    corpus=$(mktemp -d)
    cp tests/fuzz/corpus/$f/* "$corpus"/
    log="$corpus.log"
    if ! (cd build-asan && ASAN_OPTIONS=detect_leaks=0 ./${f}_fuzzer "$corpus" \
          -max_total_time="${STEPUP_FUZZ_SECONDS:-10}" -rss_limit_mb=2048 \
          -print_final_stats=1 >"$log" 2>&1); then
      tail -40 "$log"
      echo "fuzz: ${f}_fuzzer failed; the failing input is in build-asan/"
      exit 1
    fi
    grep -E '^(Done|stat::number_of_executed_units)' "$log" | sed "s/^/  $f: /"
    rm -f "$log"
    rm -rf "$corpus"
  done
fi
echo "== all tests passed"
