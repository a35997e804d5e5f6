#!/usr/bin/env bash
# Schemathesis (PyPI), for the OpenAPI conformance test, in the tools venv the
# Temporal CLI lives in. Installing again skips a venv that has this version.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

VENV="$TOOLS/venv"
VERSION=4.32.5

install() {
  [[ -x $VENV/bin/st ]] && "$VENV/bin/st" --version 2>/dev/null | grep -qw "$VERSION" && return 0
  log "installing Schemathesis $VERSION from PyPI into $VENV"
  [[ -x $VENV/bin/pip ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$VERSION"
}

case "${1:-}" in
  install) install ;;
  *) die "usage: schemathesis.sh install" ;;
esac
