#!/bin/sh
# What one Tollgate container runs, chosen by its first argument; every part is the build's entry point
# started as the local stack starts it, so the image and `npm run up` run the same code the same way.
set -eu
# The repository root (/app in the image): the built entries and the working directory the settings'
# relative defaults (the cockpit's files, the workflow bundle) are read from.
cd "$(dirname "$0")/../.."

usage() {
  cat >&2 <<'USAGE'
usage: <image> plans | initiatives | finance   one service (HTTP on 3001, 3002, 3003)
       <image> worker                          the workflow worker (metrics on 9464)
       <image> migrate plans|initiatives|finance|all
                                               apply a service's schema migrations (all: the three in turn) and exit
       <image> create-topics                   create the contract's Kafka topics where missing and exit
USAGE
  exit 64
}

# exec: node becomes the container's main process and receives its SIGTERM, so a service drains and the
# worker finishes its workflow tasks instead of being killed when the grace period ends.
run() { exec node -r ./deploy/runtime/lib-paths.js "$@"; }
migration() { echo "dist/services/$1/services/$1/src/migrate.js"; }

case "${1:-}" in
  plans | initiatives | finance) run "dist/services/$1/services/$1/src/main.js" ;;
  worker) run dist/workflows/workflows/worker/main.js ;;
  create-topics) run dist/workflows/workflows/operations/create-topics.js ;;
  migrate)
    case "${2:-}" in
      plans | initiatives | finance) run "$(migration "$2")" ;;
      # One schema after the other, stopping at the first that fails: each service owns its schema, so
      # the order does not matter, only that none is left behind unnoticed.
      all)
        for service in plans initiatives finance; do
          node -r ./deploy/runtime/lib-paths.js "$(migration "$service")"
          echo "migrated the $service schema"
        done
        ;;
      *) usage ;;
    esac
    ;;
  *) usage ;;
esac
