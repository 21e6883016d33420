#!/usr/bin/env bash
# Kept for old habits: runs the reader fuzz targets through scripts/fuzz.
# Usage: scripts/fuzz-readers.sh [SECONDS] [TARGET...]
set -euo pipefail
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_text_reader fuzz_json_reader fuzz_jsonl_reader fuzz_csv_reader fuzz_html_reader
           fuzz_feed_reader fuzz_warc_reader fuzz_decode)
fi
exec "$(dirname "$0")/fuzz" "$seconds" "${targets[@]}"
