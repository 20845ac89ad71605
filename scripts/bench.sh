#!/usr/bin/env bash
# Benchmarks Byline against compromise and wink-nlp in one run and writes BENCHMARKS.md.
#
# Usage: bash scripts/bench.sh            the full benchmark (a few minutes on 2 cores)
#        bash scripts/bench.sh --smoke    the harness's own tests (node --test bench/), then 3 documents,
#                                         1 pass each: seconds; for CI (timings never fail it); writes
#                                         bench/out/BENCHMARKS.smoke.md, never BENCHMARKS.md
#
# Builds what it needs incrementally: the native CLI in $BYLINE_BENCH_BUILD_DIR (default build-bench/),
# the WebAssembly core in $BYLINE_WASM_BUILD_DIR (default build-bench-wasm/; it writes
# web/byline-core.{js,wasm} and web/models/) when emcmake and the WebAssembly re2 are there, and
# bench/'s own pinned npm packages (bench/package-lock.json), then runs bench/bench.mjs.
# Shared data comes from ../shared (BYLINE_SHARED_DIR overrides). Chromium: /usr/bin/chromium
# (BYLINE_CHROMIUM overrides); no browser is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BYLINE_BENCH_BUILD_DIR:-build-bench}"
WASM_BUILD="${BYLINE_WASM_BUILD_DIR:-build-bench-wasm}"
export NODE_PATH=/usr/share/nodejs  # emcc's optimizer runs on Debian's node modules

echo "bench: native build ($BUILD/)" >&2
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j2 --target byline >/dev/null

if command -v emcmake >/dev/null 2>&1 && [ -f third_party/re2-wasm/install/lib/libre2.a ]; then
  echo "bench: WebAssembly build ($WASM_BUILD/)" >&2
  [ -f "$WASM_BUILD/CMakeCache.txt" ] || emcmake cmake -S . -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$WASM_BUILD" -j2 >/dev/null
else
  echo "bench: no emcmake or no WebAssembly re2 (scripts/setup.sh builds it): using web/ as it is" >&2
fi

if ! (cd bench && npm ls --depth=0 >/dev/null 2>&1); then
  echo "bench: installing bench/'s npm packages (npm ci)" >&2
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${1:-}" = "--smoke" ]; then
  echo "bench: the scorers' and adapters' tests (node --test bench/)" >&2
  BYLINE_CLI="$PWD/$BUILD/byline" node --test bench/
fi
exec node bench/bench.mjs --byline "$BUILD/byline" "$@"
