#!/usr/bin/env bash
# HTTP benchmark of `solieu serve` on loopback with wrk (Debian `wrk`): requests per second and
# p50/p99 latency for a cached analytics query (and the same query uncached), a data-value write
# and a static file. Builds the demo store on first use. The figures go to docs/BENCHMARKS.md.
#
#   bash bench/http_bench.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
#
# wrk and the server share the machine's cores, as they would on the department's 2-core server
# behind nginx; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

build="${1:-build}"
seconds="${2:-10}"
connections="${3:-16}"
solieu="$build/solieu"
work="${SOLIEU_BENCH_DIR:-/tmp/solieu-http-bench}"
store="$work/demo.db"
port="${SOLIEU_BENCH_PORT:-18480}"
base="http://127.0.0.1:$port"

command -v wrk > /dev/null || { echo "http_bench: install wrk (apt-get install wrk)"; exit 1; }
[ -x "$solieu" ] || { echo "http_bench: build solieu first ($solieu)"; exit 1; }
mkdir -p "$work/web"
if [ ! -f "$store" ]; then
  "$solieu" demo --store "$store" --config config/dien-bien --demo demo/dien-bien > /dev/null
fi
# A static file of a typical size for a bundled web app's script (about 40 KB).
head -c 30000 /dev/urandom | base64 > "$work/web/app.js"
echo '<!doctype html><title>solieu</title><script src="app.js"></script>' > "$work/web/index.html"

token="$("$solieu" token create --store "$store" --username thongke --label bench 2> /dev/null)"

"$solieu" serve --store "$store" --listen "127.0.0.1:$port" --web "$work/web" \
  > "$work/serve.out" 2> "$work/access.log" &
server=$!
trap 'kill -INT $server 2> /dev/null; wait $server 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/api/health" > /dev/null 2>&1 && break
  sleep 0.5
done

analytics="/api/analytics?dimension=dx:I_MMR;I_FULL_IMMUNIZATION;LIVE_BIRTHS&dimension=pe:2021;2022;2023;2024;2025&dimension=ou:11;LEVEL-3"
curl -fs -H "Authorization: Bearer $token" "$base$analytics" > /dev/null  # warm the cache

cat > "$work/uncached.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "$analytics&nocache=" .. n .. "-" .. math.random(1e9))
end
LUA
cat > "$work/write.lua" <<LUA
-- PUT one value per request, cycling over 6 months x 5 stations; a fresh value each time, so
-- every request is a real write with its audit row.
local stations = {"TYT03325", "TYT03158", "TYT03127", "TYT03151", "TYT03160"}
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"de":"ARI_TREATED","pe":"2025%02d","ou":"%s","value":"%d"}',
    7 + n % 6, stations[1 + n % 5], math.random(1, 1e9))
  return wrk.format("PUT", "/api/dataValues", headers, body)
end
LUA

run() {  # name, then wrk arguments
  local name="$1"
  shift
  local out
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
  local errors
  errors="$(awk '/Non-2xx/ {print $5}' <<< "$out")"
  printf '| %-40s | %9s | %8s | %8s | %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0} non-2xx"
}

echo "wrk -t2 -c$connections -d${seconds}s on 127.0.0.1, $(nproc) cores, $(date -u +%F)"
echo "| request                                  |     req/s |      p50 |      p99 |"
run "analytics, cached (3 dx x 5 pe x 11 ou)" -H "Authorization: Bearer $token" "$base$analytics"
run "analytics, uncached (same query)" -H "Authorization: Bearer $token" -s "$work/uncached.lua" "$base"
run "data-value write (PUT, audited)" -s "$work/write.lua" "$base"
run "static file (40 KB app.js)" "$base/app.js"
run "static file, gzip" -H "Accept-Encoding: gzip" "$base/app.js"
