#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback for the tests: initdb + pg_ctl into a temporary
# folder, no fsync (the tests check solieu, not the disk). As root the server runs as the
# `postgres` user (PostgreSQL refuses root).
# Usage: scripts/pg-test-cluster.sh start DIR PORT   (prints the URI to use)
#        scripts/pg-test-cluster.sh stop DIR          (stops it and removes DIR)
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
command="${1:?usage: pg-test-cluster.sh start DIR PORT | stop DIR}"
dir="${2:?folder}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    port="${3:?port}"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U solieu -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
       -c full_page_writes=off -c max_connections=400 -c shared_buffers=256MB" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U solieu solieu_test
    echo "postgresql://solieu@127.0.0.1:$port/solieu_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-cluster.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
