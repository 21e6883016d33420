#!/bin/sh
# run.sh BUILD_DIR EXAMPLE_DIR CMAKE CXX [SANITIZE_FLAGS]
# Installs the newsarc build in BUILD_DIR to a temporary prefix, copies the
# example project out of the source tree, builds it against the installed
# package and runs it:
#   - example (C++): find_package(newsarc), indexes an article with
#     IndexWriter, searches it with Searcher;
#   - example_c (C): the C API, compiled with `pkg-config newsarc`,
#     searches the index the C++ example wrote.
set -eu
build_dir=$1
example_dir=$2
cmake=${3:-cmake}
cxx=${4:-c++}
sanitize=${5:-}  # e.g. -fsanitize=address,undefined when the build is sanitized

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=$tmp/prefix

"$cmake" --install "$build_dir" --prefix "$prefix" >"$tmp/install.log"
cp -r "$example_dir" "$tmp/example"

# C++ through find_package.
"$cmake" -S "$tmp/example" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="$sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" >"$tmp/configure.log" ||
  { cat "$tmp/configure.log"; exit 1; }
"$cmake" --build "$tmp/build" >"$tmp/build.log" || { cat "$tmp/build.log"; exit 1; }
"$tmp/build/example" "$tmp/index"

# C through pkg-config (the library is static by default: --static).
libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n 1)
export PKG_CONFIG_PATH="$libdir${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
cc=${CC:-cc}
# shellcheck disable=SC2046
# shellcheck disable=SC2086
$cc -std=c99 -Wall -Wextra -Werror $sanitize -o "$tmp/example_c" "$tmp/example/example_c.c" \
  $(pkg-config --cflags newsarc) $(pkg-config --static --libs newsarc)
"$tmp/example_c" "$tmp/index" "Rud WhatsApp"
echo "install test: ok"
