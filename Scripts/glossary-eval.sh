#!/usr/bin/env bash
# Builds one glossary per dev document (ID.zh/ID.en, --presegmented) and scores it with
# ../shared/tools/score_glossary.py against the partial and the complete gold lists and the showcase.
# Usage: Scripts/glossary-eval.sh [BITEXT] [extra glossary options…]   (BITEXT defaults to the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/bitext}; shift || true
S=../shared/data; T=../shared/tools/score_glossary.py
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for set in nejm-dev mac-dev; do
  mkdir -p "$out/$set"
  for f in $S/align/$set/*.zh; do id=$(basename "$f" .zh)
    [ -f "$S/glossary/$set/$id.tsv" ] || [ -f "$S/glossary-complete/$set/$id.tsv" ] || continue
    "$bin" glossary "$f" "$S/align/$set/$id.en" --presegmented --format tsv -o "$out/$set/$id.tsv" "$@"
  done
  echo "== $set partial";  python3 $T $S/glossary/$set "$out/$set"
  echo "== $set complete"; python3 $T $S/glossary-complete/$set "$out/$set"
done
mkdir -p "$out/gold" "$out/chinamil"; cp $S/glossary/chinamil.tsv "$out/gold/"
"$bin" glossary Samples/chinamil-post-isis-era.bilingual-excerpt.txt --format tsv -o "$out/chinamil/chinamil.tsv" "$@"
echo "== chinamil"; python3 $T "$out/gold" "$out/chinamil"
echo "rank of 伊斯兰国 ↔ Islamic State: $(awk -F'\t' 'NR>1 && $1=="伊斯兰国" && tolower($2)=="islamic state" {print NR-1}' "$out/chinamil/chinamil.tsv")"
