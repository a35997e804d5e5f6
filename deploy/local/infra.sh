#!/usr/bin/env bash
# PostgreSQL, Kafka, Temporal and (for the development stack) Mailpit (and the Schemathesis tool and Chromium for the tests): install what is missing, then start (or stop) them.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  install) for part in postgres kafka temporal mail schemathesis browser; do bash "$HERE/$part.sh" install; done ;;
  start) for part in postgres kafka temporal mail; do bash "$HERE/$part.sh" start || { echo "[tollgate] ERROR: $part did not come up" >&2; exit 1; }; done ;;
  stop) for part in mail temporal kafka postgres; do bash "$HERE/$part.sh" stop; done ;;
  status) for part in postgres kafka temporal mail; do bash "$HERE/$part.sh" status && echo "$part: running" || echo "$part: stopped"; done ;;
  *) echo "usage: infra.sh install|start|stop|status" >&2; exit 1 ;;
esac
