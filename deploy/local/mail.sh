#!/usr/bin/env bash
# Mailpit, the development stack's mail catcher: the services send their mail
# to its SMTP port, and its web page shows what each demo person was sent. Built
# into the tools folder from the Go module proxy; its web page is not in the
# module (Mailpit's releases build it with npm), so it is built here from the
# module's sources with packages from the npm registry, then embedded. Mailpit's
# own API reference page is left out (its rapidoc ^12 is not served); the API
# (/api/v1/messages, /api/v1/search) is whole. Should the page not build, Mailpit
# is built without it and says so. The tests start SMTP servers of their own;
# only the development stack runs this one.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"

MAILPIT_VERSION=v1.33.1
BIN="$TOOLS/bin"
source "$HERE/lib/go-tools.sh"
PIDFILE="$RUN/mailpit.pid"
MLOG="$LOGS/mailpit.log"

# What the binary in the tools folder was built as: the version, and whether its web page is in it.
BUILT="$BIN/mailpit.built"

mailpit_ok() { [[ -x $BIN/mailpit && -f $BUILT && $(cut -d' ' -f1 "$BUILT") == "$MAILPIT_VERSION" ]]; }

# The module's sources, its web page built with esbuild (only what the page needs: not its linters,
# browsers or API reference), then Mailpit built with the page embedded.
build_with_page() {
  local source="$TOOLS/mailpit-src"
  rm -rf "$source"
  cp -r "$(go_module_dir github.com/axllent/mailpit "$MAILPIT_VERSION")" "$source"
  chmod -R u+w "$source"
  (
    cd "$source"
    node -e '
      const fs = require("fs");
      const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
      delete pkg.dependencies.rapidoc;
      const building = ["@vue/compiler-sfc", "esbuild", "esbuild-plugin-vue-next", "esbuild-sass-plugin"];
      pkg.devDependencies = Object.fromEntries(Object.entries(pkg.devDependencies).filter(([name]) => building.includes(name)));
      fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
      const config = fs.readFileSync("esbuild.config.mjs", "utf8").replace(/,\s*"server\/ui-src\/docs\.js"/, "");
      fs.writeFileSync("esbuild.config.mjs", config);
    '
    rm -f package-lock.json
    npm install --no-audit --no-fund --loglevel=error
    MINIFY=true node esbuild.config.mjs
    [[ -f server/ui/dist/app.js ]]
    CGO_ENABLED=0 GOFLAGS="-buildvcs=false -mod=mod" "$GO" build -ldflags "-X github.com/axllent/mailpit/config.Version=$MAILPIT_VERSION" -o "$BIN/mailpit" .
  )
}

install() {
  mailpit_ok && return 0
  find_go
  mkdir -p "$BIN" "$LOGS"
  log "building Mailpit $MAILPIT_VERSION and its web page from the Go module proxy and the npm registry into $BIN"
  if build_with_page >"$LOGS/mailpit-build.log" 2>&1; then
    echo "$MAILPIT_VERSION with-page" >"$BUILT"
  else
    log "Mailpit's web page did not build (log: $LOGS/mailpit-build.log): Mailpit without it, its API only"
    install_go_binary mailpit github.com/axllent/mailpit "$MAILPIT_VERSION"
    echo "$MAILPIT_VERSION api-only" >"$BUILT"
  fi
  rm -rf "$TOOLS/mailpit-src"
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
