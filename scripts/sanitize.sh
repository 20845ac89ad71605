#!/usr/bin/env bash
# The whole native build (library, CLI, every doctest test) with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-asan/, then ctest. Fails on any test failure or sanitizer
# report (out-of-bounds access, use after free, leak, signed overflow, misaligned load, ...).
#
# Usage: scripts/sanitize.sh [CTEST_ARGS...]     e.g. scripts/sanitize.sh -R model_file
# Environment: BYLINE_ASAN_BUILD_DIR (default build-asan), CXX_SANITIZE (default clang++, else g++).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BYLINE_ASAN_BUILD_DIR:-$root/build-asan}
cxx=${CXX_SANITIZE:-$(command -v clang++ || command -v g++)}

cmake -S "$root" -B "$build" -DBYLINE_SANITIZE=ON -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
ctest --output-on-failure -j2 "$@"
echo "sanitize.sh: all native tests pass under ASan+UBSan"
