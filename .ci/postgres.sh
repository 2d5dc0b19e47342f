#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (Debian's postgresql package):
#   start: initdb into a temporary folder, listen on 127.0.0.1 only (a free port), password
#          authentication for TCP, create the database "trainer"; print the administrator's DSN
#   stop:  stop the cluster and delete its folder
#   halt, resume: stop the server and start it again on the same data (see below)
# PostgreSQL refuses to run as root, so as root the cluster is made and run as the postgres user.
set -euo pipefail
STATE="${TMPDIR:-/tmp}/trainer-test-postgres.state"

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "postgres: initdb not found (install the postgresql package)" >&2; exit 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  [ -f "$STATE" ] && stop >/dev/null 2>&1 || true
  local bin dir port password
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/trainer-pg.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" > "$dir/.pw"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/.pw"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/.pw" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/.pw"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qc "CREATE DATABASE trainer" >/dev/null
  echo "$bin $dir $port" > "$STATE"
  echo "postgresql://postgres:$password@127.0.0.1:$port/trainer"
}

stop() {
  [ -f "$STATE" ] || return 0
  local bin dir port
  read -r bin dir port < "$STATE"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$STATE"
}

# halt / resume: stop the server and start it again on the same data and port (the tests' "server
# went down mid-sync"); the cluster stays until stop.
halt() {
  local bin dir port
  read -r bin dir port < "$STATE"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
}

resume() {
  local bin dir port
  read -r bin dir port < "$STATE"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  halt) halt ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|halt|resume" >&2; exit 2 ;;
esac
