#!/usr/bin/env bash
# Installs what is missing, builds stepup, gives the embedded example its git
# history, builds it with coverage (exporting compile_commands.json), runs
# its tests, scans it with the coverage gcovr reads, prints the
# top candidates and leaves the reports in ./stepup-report/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# The runtime and build sets only: no test tools (chromium, node, valgrind, perf).
bash scripts/install-deps.sh runtime build
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTEPUP_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$jobs" --target stepup

demo="$root/build/demo"
rm -rf "$demo"
mkdir -p "$demo"
bash examples/make-history.sh "$demo/shop" >/dev/null
# A coverage build: the tests' .gcda files are what --coverage-build reads.
cmake -S "$demo/shop" -B "$demo/shop/build" -DSHOP_COVERAGE=ON >/dev/null
cmake --build "$demo/shop/build" -j"$jobs" >/dev/null
(cd "$demo/shop/build" && ctest --output-on-failure >/dev/null)

./build/stepup scan "$demo/shop" --coverage-build "$demo/shop/build" \
  -o "$root/stepup-report" --top 10
echo
echo "Reports: $root/stepup-report/index.html and $root/stepup-report/report.json"
