#!/usr/bin/env bash
# Seed corpora for the fuzz targets, written under OUT_DIR/<target>/ (never into the repository).
#
# Usage: fuzz/make_corpus.sh OUT_DIR [SHARED_DIR]
#   SHARED_DIR defaults to ../shared next to the source tree; data found there (CoNLL dev, Wikinews)
#   adds seeds, and its absence only makes the corpora smaller.
# Sources: seeds/*.txt (whole and by paragraph), the hostile-input rows below, the regression
# fixtures in tests/fixtures/fuzz/, small model containers (checksums via gzip's CRC-32 trailer).
# fuzz_model_section writes its own seeds from the committed model (see fuzz_model_section.cc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: make_corpus.sh OUT_DIR [SHARED_DIR]}
shared=${2:-$root/../shared}
mkdir -p "$out"/{fuzz_analyze,fuzz_model,fuzz_model_section,fuzz_jsonl,fuzz_conll}

# ---- fuzz_analyze: text ------------------------------------------------------------------------
a=$out/fuzz_analyze
n=0
for f in "$root"/seeds/*.txt; do
  cp "$f" "$a/seed-$(basename "$f")"
  # one file per paragraph
  awk -v dir="$a" -v base="$(basename "$f" .txt)" 'BEGIN{RS=""} {print > (dir "/" base "-para-" NR); close(dir "/" base "-para-" NR)}' "$f"
done
hostile=(
  '' ' ' 'X\xff Jens Stoltenberg said.' '\xc0\xaf\xed\xa0\x80\xe2\x80 \x80\xbf' 'a\x00b "c\x00"'
  '"""""""""""' '\xe2\x80\x9c\xe2\x80\x9cnested \xe2\x80\x98deep\xe2\x80\x99\xe2\x80\x9d'
  '((((((((((x))))))))))' '\xc2\xabYes,\xc2\xbb he said. \xe3\x80\x8cNo\xe3\x80\x8d she said.'
  'Caf\x65\xcc\x81 \xd9\x82\xd8\xa7\xd9\x84 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d'
  'U.S. Mr. Dr. St. Louis, Mo., 3.5% $1.2bn on Jan. 5, 2023 at 10:30 a.m.'
  '"We will win," said NATO chief Jens Stoltenberg. He added: "Never."'
  'https://example.com/a?b=c someone@example.com #tag @user \xf0\x9f\x98\x80\xe2\x80\x8d\xf0\x9f\x98\x80'
  'Title\r\n\r\nFirst line.\r\nSecond line.'
)
for h in "${hostile[@]}"; do
  n=$((n + 1))
  printf %b "$h" > "$a/hostile-$n"
done
cp "$root"/tests/fixtures/fuzz/analyze/* "$a/" 2>/dev/null || true
wiki=$shared/data/unlabeled/wikinews/docs.jsonl
if [[ -f $wiki ]] && command -v jq >/dev/null; then
  head -n 40 "$wiki" | jq -r '.text' | awk -v dir="$a" 'BEGIN{RS=""} NR<=200 {print > (dir "/wikinews-para-" NR); close(dir "/wikinews-para-" NR)}'
fi

# ---- fuzz_jsonl: JSON lines --------------------------------------------------------------------
j=$out/fuzz_jsonl
for f in "$root"/seeds/*.txt; do
  awk 'BEGIN{RS=""} {gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); gsub(/\n/, "\\n");
       printf "{\"id\": %d, \"text\": \"%s\"}\n", NR, $0}' "$f" > "$j/seed-$(basename "$f" .txt).jsonl"
done
printf '{"id":"a","text":""}\n\n{"text":"x\\u00e9\\ud83d\\ude00 \\"q\\""}\n{"id":[1,{"k":null}],"text":"He said \\"yes.\\""}\n' > "$j/shapes.jsonl"
printf 'not json\n{"text": 5}\n[]\n{"id": 1}\n{"text":"ok"}\r\n   \n{"text":"a\\u0000b"}\n' > "$j/bad-lines.jsonl"
cp "$root"/tests/fixtures/fuzz/jsonl/* "$j/" 2>/dev/null || true
if [[ -f $wiki ]]; then
  for k in 1 2 3 4 5 6 7 8; do sed -n "${k}p" "$wiki" | head -c 60000 > "$j/wikinews-$k.jsonl"; done
fi

# ---- fuzz_conll: CoNLL files -------------------------------------------------------------------
c=$out/fuzz_conll
printf -- '-DOCSTART-\tO\n\nEU\tB-ORG\nrejects\tO\nGerman\tB-MISC\ncall\tO\n.\tO\n\nPeter\tB-PER\nBlackburn\tI-PER\n\n' > "$c/small.conll"
printf -- '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\nJapan NNP B-NP I-LOC\n' > "$c/four-columns-iob1.conll"
printf 'word\nonly\n\n\n\nB-PER\tB-PER\nx\tI-XYZ\ny\tbogus\n' > "$c/odd.conll"
cp "$root"/tests/fixtures/fuzz/conll/* "$c/" 2>/dev/null || true
dev=$shared/data/ner/conll2003/dev.conll
if [[ -f $dev ]]; then
  for k in 0 1 2 3 4 5; do sed -n "$((k * 400 + 1)),$((k * 400 + 300))p" "$dev" > "$c/dev-$k.conll"; done
fi

# ---- fuzz_model: model containers --------------------------------------------------------------
m=$out/fuzz_model
u32() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $((($1 >> 8) & 255)))\\x$(printf %02x $((($1 >> 16) & 255)))\\x$(printf %02x $((($1 >> 24) & 255)))"; }
section() { u32 ${#1}; printf '%s' "$1"; u32 ${#2}; printf '%s' "$2"; }
container() {  # container FILE BODY_FILE: magic, version 1, CRC-32 of the body, body
  { printf 'BYLINEMD'; u32 1; gzip -c < "$2" | tail -c 8 | head -c 4; cat "$2"; } > "$1"
}
tmp=$(mktemp)
{ u32 0; } > "$tmp"; container "$m/no-sections" "$tmp"
{ u32 1; section ner.meta 'v1 tags=9'; } > "$tmp"; container "$m/meta-only" "$tmp"
{ u32 3; section ner.meta 'v1 tags=9'; section ner.weights1 'abcdefgh12345678'; section ner.weights2 "$(printf 'w%.0s' {1..64})"; } > "$tmp"
container "$m/three-sections" "$tmp"
{ u32 2; section unknown.section 'ignored'; section '' ''; } > "$tmp"; container "$m/unknown-and-empty" "$tmp"
rm -f "$tmp"
printf 'BYLINEMD\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' > "$m/future-version"
printf 'BYLINEMD' > "$m/magic-only"
cp "$root"/tests/fixtures/fuzz/model/* "$m/" 2>/dev/null || true
if [[ -f $root/models/byline-ner.bin ]]; then head -c 4096 "$root/models/byline-ner.bin" > "$m/committed-model-head"; fi

for t in "$out"/*/; do echo "corpus $(basename "$t"): $(ls "$t" | wc -l) files"; done
