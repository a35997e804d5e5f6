# Building tools from the Go module proxy, for the deploy tools and the local mail catcher. Sourced after
# common.sh, which sets $TOOLS.

# The Go that builds the tools: Helm 4 needs a current one. A machine's own Go from 1.21 on fetches a
# newer toolchain by itself when a module asks for it (GOTOOLCHAIN=auto, from the Go module proxy); an
# older one (Debian's golang-go is 1.19) or none gets Go $GO_TOOLCHAIN, which the Go module proxy serves
# as the module golang.org/toolchain, kept under the tools folder.
GO_TOOLCHAIN=1.26.8
GO=""

need() { command -v "$1" >/dev/null || die "$1 is needed $2"; }

go_minor() { "$1" env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p'; }

find_go() {
  [[ -n $GO ]] && return 0
  local own minor
  own=$(command -v go || true)
  minor=$([[ -n $own ]] && go_minor "$own")
  if [[ -n $minor ]] && ((minor >= 21)); then GO=$own; return 0; fi
  if [[ -x $TOOLS/go/bin/go ]]; then GO=$TOOLS/go/bin/go; return 0; fi
  [[ ${CHECK_ONLY:-} == 1 ]] && return 1
  [[ -n $own ]] || { log "installing Debian's Go, only to fetch a current Go toolchain"; apt_install golang-go; own=$(command -v go) || die "no Go after installing golang-go"; }
  log "fetching Go $GO_TOOLCHAIN from the Go module proxy into $TOOLS/go (the machine's Go is too old for Helm 4)"
  local module="golang.org/toolchain@v0.0.1-go$GO_TOOLCHAIN.linux-$(dpkg --print-architecture 2>/dev/null || echo amd64)" answer dir
  answer=$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod GOTOOLCHAIN=local "$own" mod download -json "$module") || die "go mod download $module failed: $answer"
  dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$answer")
  [[ -x $dir/bin/go ]] || die "the module $module has no bin/go"
  rm -rf "$TOOLS/go"; cp -r "$dir" "$TOOLS/go"; chmod -R u+w "$TOOLS/go"
  GO=$TOOLS/go/bin/go
}

# The module version a Go binary was built from, read from its build information.
go_binary_version() { [[ -x $1 ]] && find_go && "$GO" version -m "$1" 2>/dev/null | awk -v module="$2" '$1 == "mod" && $2 == module { print $3 }'; }

# A module's directory in the Go module cache, downloaded from the Go module proxy when missing. Run
# where no go.mod is, so that no project's module settings apply.
go_module_dir() {
  local answer
  find_go
  answer=$(cd "$TOOLS" && "$GO" mod download -json "$1@$2") || die "go mod download $1@$2 failed: $answer"
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$answer"
}


# Builds a Go program at a version into $BIN (the tools' bin folder).
install_go_binary() {
  local name=$1 package=$2 version=$3
  find_go
  log "building $name $version from the Go module proxy into $BIN"
  mkdir -p "$BIN"
  GOBIN="$BIN" CGO_ENABLED=0 GOFLAGS=-buildvcs=false "$GO" install "$package@$version"
}
