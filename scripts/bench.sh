#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them; paste the output into docs/BENCHMARKS.md with the
# machine and the date. Usage: scripts/bench.sh [extra google-benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build-bench -DCMAKE_BUILD_TYPE=Release -DSOLIEU_BUILD_TESTS=OFF -DSOLIEU_BUILD_BENCH=ON
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); date: $(date -u +%F)"
./build-bench/bench/solieu_report_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true "$@"
