#!/usr/bin/env bash
# One command passes every test: installs what is missing, starts PostgreSQL,
# Kafka and Temporal, builds, lints, runs the unit tier and then the
# integration, workflow, end-to-end and fault tiers against the real stack.
# Ends with the line `N passed, N failed`.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
RESULTS="$DATA/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
started=$SECONDS

step() { log "$1"; }
fail_setup() { log "$1"; echo "0 passed, 1 failed"; exit 1; }

step "installing what is missing"
bash "$HERE/node-deps.sh" || fail_setup "npm install failed"
bash "$HERE/infra.sh" install || fail_setup "installing the infrastructure failed"
bash "$HERE/deploy-tools.sh" install || fail_setup "installing the deploy tools (Helm, kubeconform, schemas, docker-compose) failed"
step "starting PostgreSQL, Kafka and Temporal"
bash "$HERE/infra.sh" start || fail_setup "the infrastructure did not come up"
step "building every project"
npx nx run-many -t build --parallel=2 --output-style=static >"$RESULTS/build.log" 2>&1 ||
  { tail -n 60 "$RESULTS/build.log" >&2; fail_setup "the build failed (log: $RESULTS/build.log)"; }
step "linting every project"
lint_status=0
npx nx run-many -t lint --parallel=2 --output-style=static >"$RESULTS/lint.log" 2>&1 ||
  { lint_status=1; tail -n 60 "$RESULTS/lint.log" >&2; log "lint failed (log: $RESULTS/lint.log)"; }

step "unit tests"
npx jest -c jest.config.js --ci --json --outputFile="$RESULTS/unit.json" 2>&1 | grep -v '^npm warn'
step "integration, workflow, end-to-end and fault tests against the real stack"
npx jest -c jest.integration.config.js --ci --runInBand --json --outputFile="$RESULTS/integration.json" 2>&1 | grep -v '^npm warn'

log "all tiers ran in $((SECONDS - started)) s"
node "$HERE/test-summary.js" "$lint_status" "$RESULTS/unit.json" "$RESULTS/integration.json"
