#!/usr/bin/env bash
# The three services and the workflow worker, from the build in dist/, in the background.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"

declare -A PORTS=([plans]=3001 [initiatives]=3002 [finance]=3003)
# The development stack's mail goes to its Mailpit, unless a mail server is set.
export TOLLGATE_SMTP_URL="${TOLLGATE_SMTP_URL:-smtp://127.0.0.1:$MAIL_SMTP_PORT}"

start() {
  for service in plans initiatives finance; do
    local pidfile="$RUN/$service.pid"
    is_pid_running "$pidfile" && continue
    port_open 127.0.0.1 "${PORTS[$service]}" && die "port ${PORTS[$service]} for $service is taken by another program"
    # Under a supervisor: a service that dies is started again, and its log says so.
    start_background "$service" "$pidfile" "$LOGS/$service.log" bash "$HERE/supervise.sh" "$service" \
      node -r ./deploy/runtime/lib-paths.js "dist/services/$service/services/$service/src/main.js"
  done
  is_pid_running "$RUN/worker.pid" ||
    start_background "workflow worker" "$RUN/worker.pid" "$LOGS/worker.log" bash "$HERE/supervise.sh" "workflow worker" \
      node -r ./deploy/runtime/lib-paths.js dist/workflows/workflows/worker/main.js
  wait_ready
}

# Ready means each service answers /health with every dependency up, and the worker runs.
wait_ready() {
  local failed=()
  for service in plans initiatives finance; do
    local deadline=$((SECONDS + 90)) url="http://127.0.0.1:${PORTS[$service]}/health"
    until curl -fsS "$url" >/dev/null 2>&1; do
      if ! is_pid_running "$RUN/$service.pid" || ((SECONDS >= deadline)); then
        failed+=("$service"); log "$service is not ready at $url; last lines of $LOGS/$service.log:"
        tail -n 20 "$LOGS/$service.log" >&2; curl -sS "$url" >&2 2>/dev/null || true; break
      fi
      sleep 0.5
    done
  done
  sleep 1
  if ! is_pid_running "$RUN/worker.pid"; then
    failed+=("workflow worker"); log "the workflow worker exited; last lines of $LOGS/worker.log:"; tail -n 20 "$LOGS/worker.log" >&2
  fi
  ((${#failed[@]} == 0)) || die "did not come up: ${failed[*]}"
}

stop() {
  stop_pidfile "$RUN/worker.pid" "workflow worker"
  for service in finance initiatives plans; do stop_pidfile "$RUN/$service.pid" "$service"; done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: services.sh start|stop" ;;
esac
