#!/usr/bin/env bash
# Installs what is missing, configures and builds newsarc in build/ (or $BUILD_DIR):
# every target, or only $BUILD_TARGETS (space-separated). Arguments go to cmake.
# Sources are compiled a batch at a time (CMake's unity build: each header is
# read once per batch), which takes a clean build about a quarter less time;
# NEWSARC_UNITY_BUILD=OFF compiles each file on its own (quicker rebuilds
# after editing one file).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} \
  -DCMAKE_UNITY_BUILD="${NEWSARC_UNITY_BUILD:-ON}" "$@" >/dev/null
read -ra targets <<< "${BUILD_TARGETS:-all}"
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${targets[@]}"
