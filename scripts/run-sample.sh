#!/usr/bin/env bash
# The main job on the sample corpus: build, index corpora/, then search it.
# The index goes to $NEWSARC_DB if set, else build/sample-index.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
export NEWSARC_DB=${NEWSARC_DB:-$PWD/build/sample-index}
build/indexer/newsarc-index corpora
build/searcher/newsarc-search 'Rudd WhatsApp encryption'
