#!/usr/bin/env bash
# The benchmarks (test/bench): install what is missing, start PostgreSQL,
# Kafka and Temporal, build, then run each benchmark against the real stack.
# They print their figures and assert nothing on time. Pass a file pattern to
# run one, e.g. `npm run bench -- gate-throughput`; see README for settings.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
# A database, namespace, topics and consumer groups of their own: a benchmark
# neither feeds a development stack nor leaves a backlog for the next test run.
export TOLLGATE_TEST_DATABASE_URL=${TOLLGATE_BENCH_DATABASE_URL:-postgres://tollgate:tollgate@127.0.0.1:5432/tollgate_bench_test}
export TOLLGATE_TEST_TEMPORAL_NAMESPACE=tollgate-bench TOLLGATE_TEST_TOPIC_PREFIX=bench. TOLLGATE_TEST_GROUP_PREFIX=tollgate-bench
bash "$HERE/node-deps.sh"
bash "$HERE/infra.sh" install
bash "$HERE/infra.sh" start
log "building every project"
npx nx run-many -t build --parallel=2 --output-style=static >/dev/null
npx jest -c test/bench/jest.bench.config.js --runInBand "$@" 2>&1 | grep -v '^npm warn'
