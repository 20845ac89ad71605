#!/usr/bin/env bash
# The test command: installs what is missing, builds natively and for WebAssembly, and runs every
# test. Exits non-zero when anything fails. Incremental: a second run rebuilds only what changed.
#
# Usage: bash scripts/test.sh      (.ci/run runs exactly this; as root or via sudo)
#
#   1. scripts/setup.sh                      Debian packages, npm packages, re2 for WebAssembly
#   2. cmake build/ + ctest                  the C++ core, the CLI and their doctest tests
#   3. emcmake cmake build-wasm/             web/byline-core.{js,wasm}, web/models/
#   4. node --test tests/wasm/               the JavaScript API on the wasm core, vs. the native CLI
#   5. node --test tests/browser/            the page in headless Chromium (when there are tests)
#   6. scripts/sanitize.sh                   the native tests again under ASan+UBSan (build-asan/)
#   7. scripts/fuzz.sh --seconds 20          each libFuzzer target 20 s (build-fuzz/)
#   (between 5 and 6: scripts/bench.sh --smoke, the benchmark on tiny inputs; timings not gated)
#
# BYLINE_BUILD_DIR and BYLINE_WASM_BUILD_DIR choose other build folders (default build, build-wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUILD="${BYLINE_BUILD_DIR:-build}"
WASM_BUILD="${BYLINE_WASM_BUILD_DIR:-build-wasm}"
export NODE_PATH=/usr/share/nodejs  # emcc's optimizer runs on Debian's node modules
export CTEST_OUTPUT_ON_FAILURE=1

step() { printf '\n==== %s\n' "$*"; }
failed=()

step "setup"
bash scripts/setup.sh

step "native build ($BUILD/)"
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD" -j2

step "native tests (ctest)"
(cd "$BUILD" && ctest --output-on-failure -j2) || failed+=("ctest")

step "WebAssembly build ($WASM_BUILD/)"
[ -f "$WASM_BUILD/CMakeCache.txt" ] || emcmake cmake -S . -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$WASM_BUILD" -j2

# node's test runner, bounded: --test-force-exit ends a file whose tests are done even if
# something left the event loop alive, and timeout ends a run that hangs outright.
FORCE_EXIT=()
node --test-force-exit -e 0 >/dev/null 2>&1 && FORCE_EXIT=(--test-force-exit)  # node >= 20.14
node_tests() {  # node_tests MINUTES DIR
  BYLINE_CLI="$ROOT/$BUILD/byline" timeout --kill-after=30 "$(($1 * 60))" \
    node --test "${FORCE_EXIT[@]}" "$2"
}

step "WebAssembly tests (node --test tests/wasm/)"
node_tests 15 tests/wasm/ || failed+=("tests/wasm")

if compgen -G "tests/browser/*.test.mjs" >/dev/null || compgen -G "tests/browser/*.test.js" >/dev/null; then
  step "browser tests (node --test tests/browser/)"
  node_tests 30 tests/browser/ || failed+=("tests/browser")
fi

step "benchmark smoke run (scripts/bench.sh --smoke: builds and runs it; timings not gated)"
BYLINE_BENCH_BUILD_DIR="$BUILD" BYLINE_WASM_BUILD_DIR="$WASM_BUILD" bash scripts/bench.sh --smoke \
  || failed+=("bench --smoke")

step "sanitizers: ASan+UBSan build of the native tests (scripts/sanitize.sh, build-asan/)"
bash scripts/sanitize.sh || failed+=("sanitize")

step "fuzzing: each libFuzzer target for 20 s (scripts/fuzz.sh, build-fuzz/)"
bash scripts/fuzz.sh --seconds 20 || failed+=("fuzz")

if [ "${#failed[@]}" -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed[*]}"
  exit 1
fi
printf '\nAll tests passed (native, WebAssembly%s).\n' \
  "$(compgen -G 'tests/browser/*.test.*js' >/dev/null && echo ', browser')"
