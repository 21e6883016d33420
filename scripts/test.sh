#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs every test.
# NEWSARC_SANITIZE=1 builds in build-asan/ with ASan and UBSan instead.
# Debug information is line tables only (NEWSARC_LINE_TABLES): backtraces and
# sanitizer reports keep their files and lines, the build takes less time.
# The sanitizer build compiles each file on its own (NEWSARC_UNITY_BUILD=OFF,
# unless set), the plain one a batch at a time: CI builds and tests both ways,
# so that neither hides what the other would break (a file that compiles only
# after a header another file of its batch includes; a call that an overload
# in another file of the batch captures).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${NEWSARC_SANITIZE:-0}" = 1 ]; then
  export BUILD_DIR=${BUILD_DIR:-build-asan}
  export NEWSARC_UNITY_BUILD=${NEWSARC_UNITY_BUILD:-OFF}
  scripts/build.sh -DNEWSARC_WERROR=ON -DNEWSARC_LINE_TABLES=ON -DNEWSARC_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=Debug
else
  export BUILD_DIR=${BUILD_DIR:-build}
  scripts/build.sh -DNEWSARC_WERROR=ON -DNEWSARC_LINE_TABLES=ON
fi
# Every public header must compile on its own.
cmake --build "$BUILD_DIR" --target all_verify_interface_header_sets
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
