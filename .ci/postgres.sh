#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (job repository on PostgreSQL, docs/spec.md §7).
#
#   source .ci/postgres.sh   # from .ci/run: installs Debian's postgresql if missing, starts a
#                            # cluster on 127.0.0.1:$PLI_TEST_POSTGRES_PORT and exports
#                            # PLI_TEST_POSTGRES_URL / _USER / _PASSWORD; stopped on shell exit
#   bash .ci/postgres.sh start|stop|env   # by hand, for local test runs
#
# Runs the server as the unprivileged user 'postgres' (initdb refuses root). Fails (non-zero)
# when the server cannot start: CI must not silently skip the PostgreSQL tests.

PLI_PG_PORT="${PLI_TEST_POSTGRES_PORT:-55432}"
PLI_PG_DIR="${PLI_TEST_POSTGRES_DIR:-/tmp/pl-impact-pg-$PLI_PG_PORT}"
PLI_PG_DB=pli_test
PLI_PG_USER=pli
PLI_PG_PASSWORD=pli-test-password

pli_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

pli_pg_install() {
  if [ -z "$(pli_pg_bin)" ]; then
    echo "installing: postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  fi
  [ -n "$(pli_pg_bin)" ] || { echo "postgresql: no initdb under /usr/lib/postgresql/*/bin" >&2; return 1; }
}

# as_pg CMD...: run as the unprivileged owner of the cluster (or as ourselves when not root)
pli_pg_as() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pli_pg_start() {
  pli_pg_install || return 1
  local bin; bin=$(pli_pg_bin)
  if pli_pg_as "$bin/pg_ctl" -D "$PLI_PG_DIR/data" status >/dev/null 2>&1; then
    echo "postgresql: already running on 127.0.0.1:$PLI_PG_PORT ($PLI_PG_DIR)"
  else
    rm -rf "$PLI_PG_DIR"
    mkdir -p "$PLI_PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$PLI_PG_DIR"
    local pwfile="$PLI_PG_DIR/pw"
    pli_pg_as bash -c "umask 077; echo '$PLI_PG_PASSWORD' > '$pwfile'"
    pli_pg_as "$bin/initdb" -D "$PLI_PG_DIR/data" -U "$PLI_PG_USER" --pwfile="$pwfile" -A scram-sha-256 \
      -E UTF8 --no-locale >"$PLI_PG_DIR/initdb.log" 2>&1 \
      || { echo "postgresql: initdb failed:" >&2; cat "$PLI_PG_DIR/initdb.log" >&2; return 1; }
    # loopback only, socket in our own directory, fsync off: a test cluster, thrown away afterwards
    pli_pg_as "$bin/pg_ctl" -D "$PLI_PG_DIR/data" -l "$PLI_PG_DIR/server.log" -w -t 60 \
      -o "-p $PLI_PG_PORT -c listen_addresses=127.0.0.1 -k $PLI_PG_DIR -c fsync=off -c max_connections=200" start \
      >/dev/null || { echo "postgresql: server did not start:" >&2; cat "$PLI_PG_DIR/server.log" >&2; return 1; }
    PGPASSWORD="$PLI_PG_PASSWORD" "$bin/createdb" -h 127.0.0.1 -p "$PLI_PG_PORT" -U "$PLI_PG_USER" "$PLI_PG_DB" \
      || { echo "postgresql: createdb failed" >&2; return 1; }
    echo "postgresql: started on 127.0.0.1:$PLI_PG_PORT ($PLI_PG_DIR)"
  fi
  pli_pg_env
}

pli_pg_env() {
  export PLI_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PLI_PG_PORT/$PLI_PG_DB"
  export PLI_TEST_POSTGRES_USER="$PLI_PG_USER"
  export PLI_TEST_POSTGRES_PASSWORD="$PLI_PG_PASSWORD"
}

pli_pg_stop() {
  local bin; bin=$(pli_pg_bin) || return 0
  [ -d "$PLI_PG_DIR/data" ] && pli_pg_as "$bin/pg_ctl" -D "$PLI_PG_DIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$PLI_PG_DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start) pli_pg_start; echo "export PLI_TEST_POSTGRES_URL=$PLI_TEST_POSTGRES_URL PLI_TEST_POSTGRES_USER=$PLI_TEST_POSTGRES_USER PLI_TEST_POSTGRES_PASSWORD=$PLI_TEST_POSTGRES_PASSWORD" ;;
    stop) pli_pg_stop ;;
    env) pli_pg_env; echo "export PLI_TEST_POSTGRES_URL=$PLI_TEST_POSTGRES_URL PLI_TEST_POSTGRES_USER=$PLI_TEST_POSTGRES_USER PLI_TEST_POSTGRES_PASSWORD=$PLI_TEST_POSTGRES_PASSWORD" ;;
    *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
  esac
fi
