#!/usr/bin/env bash
# The benchmarks (test/bench): install what is missing, start PostgreSQL, Kafka and Temporal of the
# benchmarks' own (other ports than the development stack's and the tests', data under .data-bench/),
# build, then run each benchmark. They print their figures beside the bare engine's and assert nothing
# on time. Pass a file pattern to run one, e.g. `npm run bench -- gate-throughput`; see docs/testing.md.
set -euo pipefail
export TOLLGATE_STACK=bench
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
export TOLLGATE_TEST_DATABASE_URL="postgres://tollgate:tollgate@127.0.0.1:$PG_PORT/tollgate_bench_test"
export TOLLGATE_TEST_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" TOLLGATE_TEST_TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
export TOLLGATE_TEST_TEMPORAL_NAMESPACE=tollgate-bench TOLLGATE_TEST_TOPIC_PREFIX=bench. TOLLGATE_TEST_GROUP_PREFIX=tollgate-bench
bash "$HERE/node-deps.sh"
bash "$HERE/infra.sh" install
bash "$HERE/infra.sh" start
trap '[[ ${TOLLGATE_KEEP_BENCH_STACK:-} == 1 ]] || bash "$HERE/infra.sh" stop' EXIT
# Every process a benchmark starts from the build writes a V8 CPU profile here as it stops: the
# benchmarks print where the time went, and the files stay for Chrome DevTools.
export TOLLGATE_PROFILE_DIR="${TOLLGATE_PROFILE_DIR:-$ROOT/.data-bench/profiles/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$TOLLGATE_PROFILE_DIR"
log "building every project"
npx nx run-many -t build --parallel=2 --output-style=static >/dev/null
npx jest -c test/bench/jest.bench.config.js --runInBand "$@" 2>&1 | grep -v '^npm warn'
