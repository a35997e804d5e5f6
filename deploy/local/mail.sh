#!/usr/bin/env bash
# Mailpit, the development stack's mail catcher: the services send their mail
# to its SMTP port, and its API (/api/v1/messages, /api/v1/search) shows what
# each demo person was sent. Built from the Go module proxy into the tools
# folder. The module does not hold Mailpit's built web page (its releases build
# it with npm, from versions the registry here does not all serve): the page
# answers, blank; the API is complete. The tests start SMTP servers
# of their own; only the development stack runs this one.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"

MAILPIT_VERSION=v1.33.1
BIN="$TOOLS/bin"
source "$HERE/lib/go-tools.sh"
PIDFILE="$RUN/mailpit.pid"
MLOG="$LOGS/mailpit.log"

mailpit_ok() { [[ $(go_binary_version "$BIN/mailpit" github.com/axllent/mailpit) == "$MAILPIT_VERSION" ]]; }

install() {
  mailpit_ok || install_go_binary mailpit github.com/axllent/mailpit "$MAILPIT_VERSION"
}

start() {
  [[ $STACK == dev ]] || return 0
  install
  if ! is_pid_running "$PIDFILE"; then
    port_open 127.0.0.1 "$MAIL_SMTP_PORT" && die "port $MAIL_SMTP_PORT is taken by another program; stop it first"
    mkdir -p "$DATA/mailpit"
    # Kept under the data folder: `npm run stop` keeps the mail, `npm run reset` deletes it with the rest.
    start_background mailpit "$PIDFILE" "$MLOG" "$BIN/mailpit" --smtp "127.0.0.1:$MAIL_SMTP_PORT" --listen "127.0.0.1:$MAIL_UI_PORT" \
      --database "$DATA/mailpit/mailpit.db" --smtp-auth-accept-any --smtp-auth-allow-insecure
    wait_for_port 127.0.0.1 "$MAIL_SMTP_PORT" 30 "Mailpit SMTP" "$MLOG" || { stop_pidfile "$PIDFILE" mailpit; exit 1; }
    wait_for_port 127.0.0.1 "$MAIL_UI_PORT" 30 "Mailpit web page" "$MLOG" || { stop_pidfile "$PIDFILE" mailpit; exit 1; }
  fi
  log "Mailpit up: SMTP 127.0.0.1:$MAIL_SMTP_PORT, mail at http://127.0.0.1:$MAIL_UI_PORT"
}

case "${1:-}" in
  install) [[ $STACK == dev ]] && install || true ;;
  start) start ;;
  stop) stop_pidfile "$PIDFILE" mailpit ;;
  status) is_pid_running "$PIDFILE" ;;
  *) die "usage: mail.sh install|start|stop|status" ;;
esac
