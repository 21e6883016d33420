#!/usr/bin/env bash
# Builds the reader fuzz targets with clang (libFuzzer + ASan + UBSan) and
# runs each for SECONDS seconds (default 60), seeded from tests/testdata/readers.
# Usage: scripts/fuzz-readers.sh [SECONDS] [TARGET...]
# Findings (crash-*, timeout-*) land in $BUILD/fuzz-artifacts/<target>/.
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_text_reader fuzz_json_reader fuzz_jsonl_reader fuzz_csv_reader fuzz_decode)
fi

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSARC_FUZZ=ON -DNEWSARC_BUILD_TESTS=ON >/dev/null
ninja -C "$build" "${targets[@]}"

seeds="$root/tests/testdata/readers"
status=0
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  artifacts="$build/fuzz-artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  echo "== $target: ${seconds}s"
  if ! "$build/tests/fuzz/$target" "$corpus" "$seeds" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 2>"$artifacts/log.txt"; then
    echo "!! $target found a problem; see $artifacts/" >&2
    tail -30 "$artifacts/log.txt" >&2
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' "$artifacts/log.txt" || true
  fi
done
exit "$status"
