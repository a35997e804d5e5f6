#!/usr/bin/env bash
# Stops everything and deletes the data folder (installed tools are kept).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"
bash "$HERE/stop.sh"
for pidfile in "$RUN"/*.pid; do [[ -e $pidfile ]] && stop_pidfile "$pidfile" "$(basename "$pidfile" .pid)"; done
rm -rf "$DATA"
log "removed $DATA"
