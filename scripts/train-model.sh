#!/usr/bin/env bash
# Reproduces the entity model (models/byline-ner.bin) from scratch: installs the pinned gazetteer
# packages, builds the CLI, induces word clusters from unlabeled news, compiles the gazetteers and
# trains. Deterministic: the same inputs give the same bytes. See models/MODEL.md.
#
# Usage: scripts/train-model.sh [DATA_DIR] [OUT]
#   DATA_DIR  the shared data folder (default ../shared/data): ner/conll2003/{train,dev}.conll and
#             unlabeled/{reuters21578,bbc,wikinews,slate}/docs.jsonl
#   OUT       the model file to write (default models/byline-ner.bin)
# Environment: BUILD_DIR (default build-model), WORK_DIR (default $BUILD_DIR/ner-work),
#   SKIP_NPM_CI=1 to use the node_modules already installed (npm ci first deletes node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${1:-../shared/data}
OUT=${2:-models/byline-ner.bin}
BUILD=${BUILD_DIR:-build-model}
WORK=${WORK_DIR:-$BUILD/ner-work}
VERSION="byline-ner 1.2 (2026-11-28)"

TRAIN="$DATA/ner/conll2003/train.conll"
DEV="$DATA/ner/conll2003/dev.conll"
UNLABELED=()
for corpus in reuters21578 bbc wikinews slate; do UNLABELED+=("$DATA/unlabeled/$corpus/docs.jsonl"); done
for f in "$TRAIN" "$DEV" "${UNLABELED[@]}"; do
  [[ -f "$f" ]] || { echo "train-model.sh: missing $f" >&2; exit 1; }
done

if [[ "${SKIP_NPM_CI:-0}" != 1 ]]; then npm ci --no-audit --no-fund; fi
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD" -j2 --target byline
mkdir -p "$WORK"

echo "== word clusters" >&2
"$BUILD/byline" clusters --out "$WORK/clusters.txt" --min-count 3 --max-words 60000 \
  --contexts 2000 --depth 16 --seed 1 "${UNLABELED[@]}"

echo "== gazetteers" >&2
rm -rf "$WORK/gazetteers"
node scripts/build-gazetteers.mjs "$WORK/gazetteers" "$WORK/clusters.txt"

echo "== training" >&2
"$BUILD/byline" train --train "$TRAIN" --dev "$DEV" --clusters "$WORK/clusters.txt" \
  --gazetteers "$WORK/gazetteers" --out "$OUT" --epochs 15 --seed 1 --min-count 2 --folds 5 --mix 5 \
  --version "$VERSION"

echo "== inputs" >&2
sha256sum "$TRAIN" "$DEV" "${UNLABELED[@]}" "$WORK/clusters.txt" "$WORK"/gazetteers/*.txt >&2
echo "== $OUT: $(wc -c < "$OUT") bytes, $(gzip -9 -c "$OUT" | wc -c) gzipped" >&2
sha256sum "$OUT" >&2
