#!/usr/bin/env bash
# PostgreSQL from Debian's packages, as a cluster of our own under the stack's data folder, on its port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# The stack's databases: a test database's name ends in _test, as the tests' set-up demands; the tests'
# stack has one for each of the three lanes its tiers run in at most (test/support/test-environment.ts).
case $STACK in
  dev) DATABASES=(tollgate) ;;
  test) DATABASES=(tollgate_test tollgate_2_test tollgate_3_test) ;;
  fault) DATABASES=(tollgate_test) ;;
  bench) DATABASES=(tollgate_bench_test) ;;
esac
PGDATA="$DATA/postgres"
SOCKETS="$RUN/pg"
PGLOG="$LOGS/postgres.log"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

install() {
  if [[ -z $(pg_bin) || ! -x "$(pg_bin)/initdb" ]]; then
    log "installing PostgreSQL from Debian's packages"
    apt_install postgresql
  fi
}

init_cluster() {
  [[ -f $PGDATA/PG_VERSION ]] && return 0
  log "creating the PostgreSQL cluster in $PGDATA"
  mkdir -p "$PGDATA" "$SOCKETS"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PGDATA" "$SOCKETS"; chmod o+x "$DATA" "$RUN"; fi
  as_owner "$(pg_bin)/initdb" -D "$PGDATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
}

running() { as_owner "$(pg_bin)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

psql_admin() { PGOPTIONS="-c client_min_messages=warning" "$(pg_bin)/psql" -h "$SOCKETS" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

provision() {
  psql_admin -d postgres -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tollgate') THEN
      CREATE ROLE tollgate LOGIN CREATEDB PASSWORD 'tollgate';
    END IF; END \$\$;"
  for db in "${DATABASES[@]}"; do
    [[ $(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]] ||
      psql_admin -d postgres -c "CREATE DATABASE $db OWNER tollgate"
    for schema in plans initiatives finance; do
      psql_admin -d "$db" -c "CREATE SCHEMA IF NOT EXISTS $schema AUTHORIZATION tollgate"
    done
  done
}

start() {
  install
  init_cluster
  mkdir -p "$SOCKETS"; [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$SOCKETS"
  if ! running; then
    if port_open 127.0.0.1 "$PG_PORT"; then
      die "port $PG_PORT is taken by another PostgreSQL or program; stop it or set TOLLGATE_PG_PORT"
    fi
    touch "$PGLOG"; [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$PGLOG"
    as_owner "$(pg_bin)/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 \
      -o "-p $PG_PORT -k $SOCKETS -c listen_addresses=127.0.0.1" start >/dev/null ||
      { tail -n 30 "$PGLOG" >&2; die "PostgreSQL did not start"; }
    log "PostgreSQL up on 127.0.0.1:$PG_PORT"
  fi
  provision
}

stop() {
  if [[ -f $PGDATA/PG_VERSION ]] && running; then
    as_owner "$(pg_bin)/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    log "PostgreSQL stopped"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) [[ -f $PGDATA/PG_VERSION ]] && running ;;
  *) die "usage: postgres.sh install|start|stop|status" ;;
esac
