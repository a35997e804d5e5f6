#!/usr/bin/env bash
# One command brings the whole stack up: installs what is missing, starts
# PostgreSQL, Kafka and Temporal, builds, migrates, creates the topics, then
# starts the three services and the workflow worker and runs the stack probe.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"
started=$SECONDS

bash "$HERE/node-deps.sh"
# The infrastructure comes up while the services are built.
( bash "$HERE/infra.sh" install && bash "$HERE/infra.sh" start ) & infra=$!
log "building"
# The build is the same whatever the processes run as: NODE_ENV=development would give the cockpit a
# development bundle, and Nx's cache would hand it to the tests' build.
env -u NODE_ENV NX_DAEMON=false npx nx run-many -t build --parallel=2 --output-style=static >"$LOGS/build.log" 2>&1 ||
  { tail -n 40 "$LOGS/build.log" >&2; wait "$infra"; die "the build failed (full log: $LOGS/build.log)"; }
wait "$infra" || die "the infrastructure did not come up"
for service in plans initiatives finance; do
  node -r ./deploy/runtime/lib-paths.js "dist/services/$service/services/$service/src/migrate.js"
done
node -r ./deploy/runtime/lib-paths.js dist/workflows/workflows/operations/create-topics.js
bash "$HERE/services.sh" start
node -r ./deploy/runtime/lib-paths.js dist/workflows/workflows/operations/stack-probe.js
# A demo organization through the public APIs (TOLLGATE_SEED_DEMO=false leaves it out); a second run changes nothing.
node -r ./deploy/runtime/lib-paths.js dist/workflows/workflows/operations/seed-demo.js

mail="http://127.0.0.1:8025/   what each demo person was sent (Mailpit; search to:sam@acme.example)"
# Mailpit built without its web page (deploy/local/mail.sh says why in its log): its API shows the same.
grep -q api-only "$TOOLS/bin/mailpit.built" 2>/dev/null && mail="http://127.0.0.1:8025/api/v1/messages   what each demo person was sent (Mailpit's API: /api/v1/search?query=to:sam@acme.example)"

cat <<INFO

Tollgate is up ($((SECONDS - started)) s).
  Cockpit      http://127.0.0.1:3001/   sign in as olivia (owner), sam (sponsor), cleo (controller), pat (PMO), lena (S&OP chair), ada (admin), vic (viewer)
  plans        API http://127.0.0.1:3001/api   OpenAPI http://127.0.0.1:3001/api/docs
  initiatives  API http://127.0.0.1:3002/api   OpenAPI http://127.0.0.1:3002/api/docs
  finance      API http://127.0.0.1:3003/api   OpenAPI http://127.0.0.1:3003/api/docs
  Temporal UI  http://127.0.0.1:8233
  Mail         $mail
  Health       http://127.0.0.1:300{1,2,3}/health   Metrics /metrics   Worker metrics http://127.0.0.1:9464/metrics
  A token:     npm run token -- --sub alice --roles owner
  Logs:        $LOGS
  Stop:        npm run stop      Reset (delete all data): npm run reset
INFO
