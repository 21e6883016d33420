#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs every test.
# NEWSARC_SANITIZE=1 builds in build-asan/ with ASan and UBSan instead.
# Debug information is line tables only (NEWSARC_LINE_TABLES): backtraces and
# sanitizer reports keep their files and lines, the build takes less time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NEWSARC_SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=${BUILD_DIR:-build-asan}
  scripts/build.sh -DNEWSARC_WERROR=ON -DNEWSARC_LINE_TABLES=ON -DNEWSARC_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=Debug
else
  export BUILD_DIR=${BUILD_DIR:-build}
  scripts/build.sh -DNEWSARC_WERROR=ON -DNEWSARC_LINE_TABLES=ON
fi
# Every public header must compile on its own.
cmake --build "$BUILD_DIR" --target all_verify_interface_header_sets
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
