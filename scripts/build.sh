#!/usr/bin/env bash
# Installs what is missing, configures and builds newsarc in build/ (or $BUILD_DIR):
# every target, or only $BUILD_TARGETS (space-separated). Arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
read -ra targets <<< "${BUILD_TARGETS:-all}"
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${targets[@]}"
