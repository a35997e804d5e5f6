# Shared by the local-stack scripts: where things live, logging, waiting.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
TOOLS="${TOLLGATE_TOOLS_DIR:-$ROOT/.tools}"

# Which stack a script acts on. `dev` is the one `npm run up` serves; `test` and `bench` are the
# infrastructure of `npm test` and `npm run bench`: their own PostgreSQL, Kafka and Temporal on other
# ports, with data under a folder of their own, so that a test run never touches the stack a person is
# using. `fault` is the fault tier's own, which its tests stop and kill while the other tiers run on `test`.
STACK="${TOLLGATE_STACK:-dev}"
case $STACK in
  dev) stack_data="$ROOT/.data" port_base=0 ;;
  test) stack_data="$ROOT/.data-test" port_base=10000 ;;
  bench) stack_data="$ROOT/.data-bench" port_base=20000 ;;
  # Every port below 32768, where Linux hands out no port of its own to a connection or a bind to port 0.
  fault) stack_data="$ROOT/.data-fault" port_base=5000 ;;
  *) printf '[tollgate] ERROR: TOLLGATE_STACK must be dev, test, fault or bench, not %s\n' "$STACK" >&2; exit 1 ;;
esac
DATA="${TOLLGATE_DATA_DIR:-$stack_data}"
PG_PORT="${TOLLGATE_PG_PORT:-$((5432 + port_base))}"
KAFKA_PORT="${TOLLGATE_KAFKA_PORT:-$((9092 + port_base))}"
KAFKA_CONTROLLER_PORT="${TOLLGATE_KAFKA_CONTROLLER_PORT:-$((9093 + port_base))}"
TEMPORAL_PORT="${TOLLGATE_TEMPORAL_PORT:-$((7233 + port_base))}"
TEMPORAL_UI_PORT="${TOLLGATE_TEMPORAL_UI_PORT:-$((8233 + port_base))}"
# The development stack's mail catcher (Mailpit): its SMTP port and its web page.
MAIL_SMTP_PORT="${TOLLGATE_MAIL_SMTP_PORT:-$((1025 + port_base))}"
MAIL_UI_PORT="${TOLLGATE_MAIL_UI_PORT:-$((8025 + port_base))}"
unset stack_data port_base
# The local development stack asks for development explicitly (its secret, its token route); a process
# started any other way without NODE_ENV runs as production.
if [ "$STACK" = dev ]; then export NODE_ENV="${NODE_ENV:-development}"; fi
LOGS="$DATA/logs"
RUN="$DATA/run"
mkdir -p "$LOGS" "$RUN"

log() { printf '[tollgate] %s\n' "$*" >&2; }
die() { printf '[tollgate] ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for_port HOST PORT SECONDS NAME LOGFILE: fails loudly, naming what did not come up.
wait_for_port() {
  local host=$1 port=$2 timeout=$3 name=$4 logfile=${5:-}
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    if ((SECONDS >= deadline)); then
      log "$name did not come up on $host:$port within ${timeout}s"
      [[ -n $logfile && -f $logfile ]] && { log "last lines of $logfile:"; tail -n 30 "$logfile" >&2; }
      return 1
    fi
    sleep 0.5
  done
}

is_pid_running() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pidfile PIDFILE NAME: TERM, wait for a graceful exit, then KILL.
stop_pidfile() {
  local pidfile=$1 name=$2 pid
  if ! is_pid_running "$pidfile"; then rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  # Started by start_background in a session of its own: the whole group goes, a supervised child too.
  if kill -0 "$pid" 2>/dev/null; then log "$name did not stop in time; killing it"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

# start_background NAME PIDFILE LOGFILE COMMAND...: detached, surviving this script.
start_background() {
  local name=$1 pidfile=$2 logfile=$3; shift 3
  setsid nohup "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  log "started $name (pid $!, log $logfile)"
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get install -y -q "$@" >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "$@" >/dev/null; }
}
