#!/usr/bin/env bash
# Starts a throwaway Postgres cluster for the register's tests and prints the line to export its URL:
#   eval "$(scripts/pg-test-server.sh start)"   # sets DATABASE_URL
#   scripts/pg-test-server.sh stop
# The cluster lives in a temporary folder owned by the `postgres` user, listens on 127.0.0.1 only (PORT, default
# 54329), trusts local connections (it holds test data only) and is removed by `stop`.
set -euo pipefail
PORT="${PGTEST_PORT:-54329}"
STATE="/tmp/dossier-pgtest-$PORT"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$BIN" ] || { echo "pg-test-server: no Postgres found (apt-get install -y postgresql)" >&2; exit 1; }
# From /tmp: the postgres user may not be allowed into the folder this runs from (a clone under /root).
as_pg() { if [ "$(id -un)" = postgres ]; then (cd /tmp && "$@"); else (cd /tmp && runuser -u postgres -- "$@"); fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$STATE/PG_VERSION" ]; then
      mkdir -p "$STATE" && chown postgres "$STATE"
      as_pg "$BIN/initdb" -D "$STATE" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$STATE" status >/dev/null 2>&1; then
      # A server killed with its machine leaves its lock file behind.
      rm -f "$STATE/postmaster.pid"
      as_pg "$BIN/pg_ctl" -D "$STATE" -l "$STATE/server.log" -w -o "-k /tmp -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    fi
    as_pg "$BIN/psql" -h /tmp -p "$PORT" -U postgres -qAtc "select 1 from pg_database where datname = 'dossier'" | grep -q 1 ||
      as_pg "$BIN/createdb" -h /tmp -p "$PORT" -U postgres dossier
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/dossier"
    ;;
  stop)
    if [ -f "$STATE/PG_VERSION" ]; then
      as_pg "$BIN/pg_ctl" -D "$STATE" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$STATE"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
