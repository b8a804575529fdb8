#!/usr/bin/env bash
# Installs every Debian 12 package solieu needs to build, test and run. Idempotent: installs only
# what is missing and runs `apt-get update` once, only when something is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache clang-format clang-tidy pkg-config
  # libraries
  libsqlite3-dev libcli11-dev libfmt-dev libicu-dev libboost1.81-dev libboost-json1.81-dev
  libxlsxwriter-dev libminizip-dev
  # the PostgreSQL store: libpq; the server itself for the tests' throwaway cluster
  libpq-dev postgresql-15
  # DHIS2 dataValueSets XML (DXF2), read as a stream
  libexpat1-dev
  # the server: argon2id and tokens (libsodium), gzip (zlib); Boost.Beast/Asio are header-only
  libsodium-dev zlib1g-dev
  # the fuzz targets (scripts/fuzz.sh): clang 14 with libFuzzer and the sanitizer runtimes; unzip
  # takes the entry-sheet seeds apart
  clang libclang-rt-14-dev unzip
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 libpugixml-dev wrk
  # a real reader for the .docx and .xlsx reports in the tests
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2
  # the web app's end-to-end tests drive Debian's Chromium (playwright-core never downloads one)
  chromium
)
# Node.js and npm build the web app (web/); Debian's are enough (Node 18), a newer node is kept.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
