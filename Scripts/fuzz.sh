#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer (address sanitizer and leak detection on): builds Fuzz/ with
# sanitizers, then runs each target for SECONDS (default 30) from its seeds in Fuzz/Seeds/TARGET.
# Fails on the first crash, leak or sanitizer report; prints the executions per target.
# Usage: Scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${1:-30}; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tmx tbx omegat csv tsv-glossary tsv-alignment jsonl-glossary jsonl-alignment cedict text html)
swift build -c release --sanitize=fuzzer --sanitize=address 2>&1 | tail -1
bin=$(swift build -c release --sanitize=fuzzer --sanitize=address --show-bin-path)/BitextFuzz
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t"
  # Inputs up to 64 KB, each run bounded in time; crashes are written to $work for the message.
  if ! BITEXT_FUZZ_TARGET=$t "$bin" "$work/$t" "Seeds/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix="$work/$t-" -print_final_stats=1 > "$work/$t.log" 2>&1; then
    echo "fuzz $t: FAILED"; tail -40 "$work/$t.log"
    for a in "$work/$t"-*; do [ -f "$a" ] && { echo "input ($a):"; head -c 400 "$a" | od -c | head -20; }; done
    exit 1
  fi
  echo "fuzz $t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$') executions in ${seconds} s, no crash or leak"
done
