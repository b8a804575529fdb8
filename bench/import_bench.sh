#!/usr/bin/env bash
# Import of a DHIS2 dataValueSets file (issue 4): solieu's `import` into the embedded store, side
# by side in one run with PostgreSQL 15's COPY and DuckDB (npm @duckdb/node-api) loading the same
# SYNTHETIC rows. Each load runs alone, one after the other, under /usr/bin/time -v.
#
# Usage: bash bench/import_bench.sh [N] [--keep]
#   N       values to generate (default 10000000; at most the 10,210,368 distinct keys the Điện
#           Biên configuration has for 2015-2025, see bench/import/gen_datavalues.py)
#   --keep  keep the generated files, stores and logs in $SOLIEU_IMPORT_BENCH_DIR
# Environment: SOLIEU_IMPORT_BENCH_DIR (default /tmp/solieu-import-bench), SOLIEU_BENCH_BUILD (the
# Release build tree, default build-bench-import), SOLIEU_BENCH_JOBS (compile jobs, default 2),
# SOLIEU_BENCH_PG_PORT (default 54329).
# Installs what it needs (solieu's build packages, postgresql-15, time, npm packages) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

n=10000000
keep=0
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    *[!0-9]* | "") echo "usage: bash bench/import_bench.sh [N] [--keep]" >&2; exit 2 ;;
    *) n=$arg ;;
  esac
done
work=${SOLIEU_IMPORT_BENCH_DIR:-/tmp/solieu-import-bench}
build=${SOLIEU_BENCH_BUILD:-build-bench-import}
jobs=${SOLIEU_BENCH_JOBS:-2}
pg_port=${SOLIEU_BENCH_PG_PORT:-54329}
pg_bin=/usr/lib/postgresql/15/bin

say() { echo "import-bench: $*" >&2; }

# --- what it needs ---------------------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
bash scripts/install-deps.sh
apt_missing=()
[ -x "$pg_bin/initdb" ] || apt_missing+=(postgresql-15)
[ -x /usr/bin/time ] || apt_missing+=(time)
command -v npm >/dev/null || apt_missing+=(nodejs npm)
command -v python3 >/dev/null || apt_missing+=(python3)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
  # Debian's package starts a cluster of its own; this benchmark uses a throwaway one.
  $SUDO pg_ctlcluster 15 main stop 2>/dev/null || true
fi
# npm install, not npm ci: npm 10 writes lock files without the other platforms' optional
# bindings of @duckdb/node-bindings, which npm ci then refuses.
(cd bench/import && npm install --no-audit --no-fund --loglevel=error)

say "building solieu (Release) in $build with -j$jobs"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSOLIEU_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target solieu
solieu="$repo/$build/solieu"

# --- data ------------------------------------------------------------------------------------------
mkdir -p "$work"
chmod 755 "$work"
json="$work/synthetic-datavalues.json"
csv="$work/synthetic-datavalues.csv"
if [ -f "$json" ] && [ -f "$csv" ] && [ "$(cat "$work/generated-n" 2>/dev/null)" = "$n" ]; then
  say "reusing the $n values generated in $work"
else
  rm -f "$work/generated-n"
  python3 bench/import/gen_datavalues.py "$n" "$work" config/dien-bien
  echo "$n" >"$work/generated-n"
fi
chmod 644 "$json" "$csv"

# --- PostgreSQL: a throwaway cluster, run by the postgres user when we are root --------------------
pg_data="$work/pg"
pg_as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  pg_as=(runuser -u postgres --)
fi
pg_stop() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_data" "$work/pgsock"
}
cleanup() {
  pg_stop
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; else say "kept $work"; fi
}
trap cleanup EXIT

# --- measuring ---------------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
# measure NAME TOOL WHAT COMMAND...: runs COMMAND under /usr/bin/time -v; its output in NAME.log.
measure() {
  local name=$1 tool=$2 what=$3
  shift 3
  local load_before load_after
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  say "$tool: $what ..."
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" "$work/$name.time" >&2
    say "$name failed"
    exit 1
  fi
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; printf "%.2f", s }' \
    "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$name.time")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/$name.time")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s→%s\n' "$name" "$tool" "$what" "$wall" "$cpu" "$rss" \
    "$load_before" "$load_after" >>"$results"
  say "$tool: $wall s wall, $cpu s CPU, max RSS $rss MB (load $load_before → $load_after)"
}

# (a) solieu
store="$work/solieu.db"
rm -f "$store" "$store-wal" "$store-shm"
measure solieu_init solieu "init --config config/dien-bien (not a load; for scale)" \
  "$solieu" --store "$store" init --config config/dien-bien
measure solieu solieu "import the JSON: check, resolve codes, one transaction, audit rows" \
  "$solieu" --store "$store" import "$json"
imported=$(grep -o '"imported":[0-9]*' "$work/solieu.log" | head -1 | cut -d: -f2)
if [ "$imported" != "$n" ]; then
  head -c 3000 "$work/solieu.log" >&2
  say "solieu imported '$imported' values, not $n"
  exit 1
fi
store_mb=$(du -cm "$store"* | tail -1 | cut -f1)
say "solieu: store $store_mb MB (with WAL)"

# (b) PostgreSQL 15 COPY
pg_stop
mkdir -p "$pg_data" "$work/pgsock"
if [ ${#pg_as[@]} -gt 0 ]; then chown postgres "$pg_data" "$work/pgsock"; fi
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_data" -U bench -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log"
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pgsock" start >/dev/null
pg_version=$("${pg_as[@]}" "$pg_bin/postgres" --version)
pg_sql="$work/copy.sql"
cat >"$pg_sql" <<SQL
CREATE TABLE datavalue (
  dataelement text NOT NULL, period text NOT NULL, orgunit text NOT NULL,
  categoryoptioncombo text NOT NULL, attributeoptioncombo text NOT NULL, value text NOT NULL,
  PRIMARY KEY (dataelement, period, orgunit, categoryoptioncombo, attributeoptioncombo));
\\o $work/pgsock/backend.pid
SELECT pg_backend_pid();
\\o
COPY datavalue FROM '$csv' WITH (FORMAT csv, HEADER true);
\\! p=\$(cat $work/pgsock/backend.pid); grep VmHWM /proc/\$p/status > $work/pgsock/backend.hwm; cat /proc/\$p/stat > $work/pgsock/backend.stat
SELECT count(*) FROM datavalue;
SQL
chmod 644 "$pg_sql"
measure postgres "PostgreSQL COPY" "COPY the CSV into a table with the same key (psql over TCP)" \
  "${pg_as[@]}" "$pg_bin/psql" -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U bench \
  -d postgres -f "$pg_sql"
pg_backend_mb=$(awk '{ printf "%.0f", $2 / 1024 }' "$work/pgsock/backend.hwm")
# utime and stime (fields 14 and 15; the command name in field 2 has no space: "(postgres)")
pg_backend_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' \
  "$work/pgsock/backend.stat")
pg_count=$(tail -1 "$work/postgres.log")
[ "$pg_count" = "$n" ] || { cat "$work/postgres.log" >&2; say "PostgreSQL has $pg_count rows"; exit 1; }
pg_db_mb=$(du -sm "$pg_data/base" | cut -f1)
say "PostgreSQL: backend peak RSS $pg_backend_mb MB, CPU $pg_backend_cpu s, base/ $pg_db_mb MB"
pg_stop

# (c) DuckDB
duck_version=$(cd bench/import && node -e "import('@duckdb/node-api').then(m => console.log(m.version()))")
for format in json csv; do
  rm -f "$work/duck-$format.duckdb" "$work/duck-$format.duckdb.wal"
  measure "duckdb_$format" "DuckDB read_$format" \
    "read_$format, INSERT into a table with the same key, CHECKPOINT (node)" \
    node bench/import/duckdb_import.mjs "$format" "$work/synthetic-datavalues.$format" \
    "$work/duck-$format.duckdb"
  grep -q ": $n rows" "$work/duckdb_$format.log" ||
    { cat "$work/duckdb_$format.log" >&2; say "DuckDB $format did not load $n rows"; exit 1; }
done
duck_db_mb=$(du -cm "$work"/duck-csv.duckdb* | tail -1 | cut -f1)

# --- the table -------------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), \
$(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"); date: $(date -u +%F)"
echo "Data: $n SYNTHETIC values ($(du -m "$json" | cut -f1) MB JSON, $(du -m "$csv" | cut -f1) MB CSV)"
echo "Versions: solieu $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted src'),\
 $(gcc -dumpfullversion) -O3; $pg_version; DuckDB $duck_version (node $(node --version))"
echo "On disk after the load: solieu store $store_mb MB; PostgreSQL base/ $pg_db_mb MB; DuckDB (csv) $duck_db_mb MB"
echo "PostgreSQL's peak RSS below is its backend's (VmHWM, counts the shared buffers it touched);"
echo "psql's own wall time is the row's wall time; its RSS (~10 MB) is in postgres.time (--keep)"
echo
echo "| tool | what it does | wall (s) | CPU (s) | values/s (wall) | peak RSS (MB) | vs solieu (wall; CPU) | load (1 min) |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
solieu_wall=$(awk -F'\t' '$1 == "solieu" {print $4}' "$results")
solieu_cpu=$(awk -F'\t' '$1 == "solieu" {print $5}' "$results")
while IFS=$'\t' read -r name tool what wall cpu rss load; do
  if [ "$name" = "postgres" ]; then
    rss="$pg_backend_mb (server backend)"
    cpu=$pg_backend_cpu
  fi
  if [ "$name" = "solieu_init" ]; then
    printf '| %s | %s | %.1f | %.1f | | %s | | %s |\n' "$tool" "$what" "$wall" "$cpu" "$rss" "$load"
    continue
  fi
  awk -v tool="$tool" -v what="$what" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v load="$load" \
    -v n="$n" -v base="$solieu_wall" -v base_cpu="$solieu_cpu" 'BEGIN {
      s = sprintf("%.0f", n / wall); o = ""
      while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
      printf "| %s | %s | %.1f | %.1f | %s | %s | %.2f×; %.2f× | %s |\n", tool, what, wall, cpu, s o,
        rss, base / wall, base_cpu / cpu, load }'
done <"$results"
echo
echo "vs solieu: solieu's time divided by the tool's (above 1: the tool is faster). CPU: user + system"
echo "seconds of the measured process; PostgreSQL: of the server backend that ran the COPY (from"
echo "/proc/PID/stat; the WAL writer and checkpointer are not in it), its wall time is psql's."
