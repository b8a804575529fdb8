#!/usr/bin/env bash
# The whole test suite from a clean checkout: installs what is missing, builds, runs every test
# on the SQLite store and again on PostgreSQL (every store the tests open then lives in a schema of
# a throwaway cluster: SOLIEU_TEST_POSTGRES), runs the web app's end-to-end tests, then builds and
# runs the tests again under AddressSanitizer + UndefinedBehaviorSanitizer, then runs every fuzz
# target for 30 s (scripts/fuzz.sh; clang, libFuzzer).
# Usage: scripts/test.sh [--no-sanitizers] [--no-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizers=1
fuzz=1
for arg in "$@"; do
  case "$arg" in
    --no-sanitizers) sanitizers=0 ;;
    --no-fuzz) fuzz=0 ;;
    *) echo "usage: scripts/test.sh [--no-sanitizers] [--no-fuzz]" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh

echo "== build (RelWithDebInfo)"
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== tests"
ctest --test-dir build --output-on-failure -j "$(nproc)"

echo "== tests again on PostgreSQL 15 (a throwaway cluster on loopback)"
pg_dir="$(mktemp -d /tmp/solieu-pg.XXXXXX)"
trap 'bash scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
pg_url="$(bash scripts/pg-test-cluster.sh start "$pg_dir" 55432)"
# Two tests read the SQLite file itself (its migration table, an old schema): SQLite only.
SOLIEU_TEST_POSTGRES="$pg_url" ctest --test-dir build --output-on-failure -j "$(nproc)" \
  -E '^SqliteStoreTest\.(MigratesAnEmptyFileToTheLatestSchemaOnce|MigrationEightKeepsOldAuditRowsWithoutAClientAddress)$'
bash scripts/pg-test-cluster.sh stop "$pg_dir"
trap - EXIT

echo "== web app (npm ci, vite build, e2e in Chromium)"
(cd web && npm ci --no-audit --no-fund && npm run build && SOLIEU_BIN=build/solieu npm run e2e)

if [ "$sanitizers" -eq 1 ]; then
  echo "== build (ASan + UBSan)"
  bash scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DSOLIEU_SANITIZE=ON
  echo "== tests under ASan + UBSan"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
fi

if [ "$fuzz" -eq 1 ]; then
  echo "== fuzz targets (libFuzzer + ASan + UBSan), 30 s each"
  bash scripts/fuzz.sh 30
fi
