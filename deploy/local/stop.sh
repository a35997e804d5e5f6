#!/usr/bin/env bash
# Stops the services, the worker and the infrastructure; data is kept.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$HERE/services.sh" stop
bash "$HERE/infra.sh" stop
