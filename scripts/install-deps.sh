#!/usr/bin/env bash
# Installs the Debian 12 packages newsarc needs, when they are missing.
# Safe to run again: it only calls apt-get for what is not installed.
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config     # build
  libxapian-dev xapian-tools           # the search engine; xapian-compact, xapian-tcpsrv
  libicu-dev                           # normalisation, charset detection and conversion
  rapidjson-dev                        # JSON input and --json output
  libfmt-dev                           # formatting
  libcli11-dev                         # command-line flags
  zlib1g-dev                           # .gz input
  libgumbo-dev                         # .html input
  libexpat1-dev                        # .rss, .atom and .xml feeds
  libbrotli-dev libzstd-dev            # pages compressed with br or zstd in web archives
  libjemalloc-dev                      # newsarc-index's allocator
  libgtest-dev libgmock-dev googletest # tests
  python3                              # scripts and end-to-end test drivers
)
if [ "${NEWSARC_FUZZ:-0}" = 1 ]; then packages+=(clang); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
