#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan+UBSan) in build-fuzz/ and runs each for a bounded
# time. Fails if any target crashes, leaks, times out or breaks a span invariant; the input that
# did it is saved under build-fuzz/artifacts/<target>/ (make it a fixture in tests/fixtures/fuzz/).
#
# Usage: scripts/fuzz.sh [--seconds N] [TARGET...]
#   --seconds N   run each target for N seconds (default 600)
#   TARGET        fuzz_analyze fuzz_model fuzz_model_section fuzz_jsonl fuzz_conll (default: all)
# Environment: BYLINE_BUILD_DIR (default build-fuzz), BYLINE_SHARED_DIR (seed data, optional),
#   BYLINE_FUZZ_MODEL (model file; default models/byline-ner.bin). fuzz_model_section damages a
#   6 KB model of the same format trained here from fuzz/tiny-model/ (see its README): with the
#   committed 1.8 MB model it manages about 10 inputs a second.
# The corpus a run grows is kept in build-fuzz/corpus-work/ and reused by the next run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=600
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=(fuzz_analyze fuzz_model fuzz_model_section fuzz_jsonl fuzz_conll)
build=${BYLINE_BUILD_DIR:-$root/build-fuzz}
cxx=${CXX_FUZZ:-$(command -v clang++ || command -v clang++-14)}

cmake -S "$root" -B "$build" -DBYLINE_FUZZ=ON -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}"
tiny=$build/tiny-model.bin
if [[ " ${targets[*]} " == *" fuzz_model_section "* ]]; then
  cmake --build "$build" -j2 --target byline
  ASAN_OPTIONS=detect_leaks=0 "$build/byline" train --train "$root/fuzz/tiny-model/train.conll" \
    --clusters "$root/fuzz/tiny-model/clusters.txt" --gazetteers "$root/fuzz/tiny-model/gazetteers" \
    --out "$tiny" --epochs 3 --mix 1 --folds 0 --min-count 1 >/dev/null 2>"$build/tiny-model.log" ||
    { cat "$build/tiny-model.log" >&2; exit 1; }
fi

rm -rf "$build/corpus-seed"
bash "$root/fuzz/make_corpus.sh" "$build/corpus-seed" "${BYLINE_SHARED_DIR:-$root/../shared}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  work=$build/corpus-work/$t seed=$build/corpus-seed/$t art=$build/artifacts/$t log=$build/logs/$t.log
  mkdir -p "$work" "$seed" "$art" "$(dirname "$log")"
  dict=()
  [[ -f $root/fuzz/$t.dict ]] && dict=(-dict="$root/fuzz/$t.dict")
  echo "== $t: ${seconds}s"
  status=0
  model=${BYLINE_FUZZ_MODEL:-}
  [[ $t == fuzz_model_section ]] && model=$tiny
  BYLINE_FUZZ_MODEL=$model BYLINE_FUZZ_SEED_DIR=$seed "$build/fuzz/$t" "$work" "$seed" "${dict[@]}" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$art/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ *DONE' "$log" | sed 's/^/   /' || true
  if ((status != 0)); then
    failed+=("$t")
    echo "!! $t FAILED (exit $status); log: $log" >&2
    grep -E 'ERROR|SUMMARY|span invariant|fuzz check|Test unit written' "$log" | head -20 >&2 || true
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets, ${seconds}s each, no crash"
