#!/usr/bin/env bash
# Debian's Chromium, which the cockpit's browser tests drive through
# Playwright's executablePath: nothing downloads a browser build of its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

install() {
  [[ -x /usr/bin/chromium ]] && return 0
  log "installing chromium from Debian's packages"
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
}

case "${1:-}" in
  install) install ;;
  *) die "usage: browser.sh install" ;;
esac
