{{/*
Names and labels.
*/}}
{{- define "tollgate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tollgate.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one part's objects: <fullname>-<part>. Argument: (dict "root" $ "part" "plans"). */}}
{{- define "tollgate.partName" -}}
{{- printf "%s-%s" (include "tollgate.fullname" .root | trunc 50 | trimSuffix "-") .part -}}
{{- end -}}

{{- define "tollgate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tollgate.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .part }}
{{- end -}}

{{- define "tollgate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tollgate.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Values.image.tag | default .root.Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/part-of: tollgate
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{- define "tollgate.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{- define "tollgate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "tollgate.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
The long-running parts: the three services (HTTP, /health/live and /health, /metrics) and the workflow
worker (its Prometheus endpoint only). Ports are the contract's.
*/}}
{{- define "tollgate.parts" -}}
plans: { port: 3001, portName: http, service: true, portSetting: TOLLGATE_PLANS_PORT }
initiatives: { port: 3002, portName: http, service: true, portSetting: TOLLGATE_INITIATIVES_PORT }
finance: { port: 3003, portName: http, service: true, portSetting: TOLLGATE_FINANCE_PORT }
worker: { port: 9464, portName: metrics, service: false, portSetting: TOLLGATE_WORKER_METRICS_PORT }
{{- end -}}

{{/* Replicas a part runs at least: the autoscaler's floor when it scales. */}}
{{- define "tollgate.minReplicas" -}}
{{- if .autoscaling.enabled -}}{{ .autoscaling.minReplicas }}{{- else -}}{{ .replicas }}{{- end -}}
{{- end -}}

{{/*
Where the TLS files are mounted: one projected volume a cluster, so that a CA and a client certificate may
come from different Secrets and the file names stay fixed whatever the Secrets' keys are.
*/}}
{{- define "tollgate.tlsDir" -}}/etc/tollgate/tls/{{ . }}{{- end -}}

{{/*
The non-secret settings of a part, as a map of environment variables. The same map feeds the part's
ConfigMap and, inline, the hook Jobs (which run before the release's ConfigMaps exist). Argument:
(dict "root" $ "part" "plans" | "initiatives" | "finance" | "worker" | "topics").
*/}}
{{- define "tollgate.settings" -}}
{{- $v := .root.Values -}}
{{- $part := .part -}}
{{- $service := has $part (list "plans" "initiatives" "finance") -}}
{{- $parts := include "tollgate.parts" .root | fromYaml -}}
{{- if ne $part "worker" }}
NODE_ENV: {{ $v.environment | quote }}
{{- end }}
{{- if $service }}
TOLLGATE_HTTP_HOST: "0.0.0.0"
{{ (index $parts $part).portSetting }}: {{ (index $parts $part).port | quote }}
TOLLGATE_LOG_LEVEL: {{ $v.logLevel | quote }}
{{- $origins := $v.corsOrigins -}}
{{- if and (not $origins) $v.publicUrls.plans -}}
{{- $url := urlParse $v.publicUrls.plans -}}
{{- $origins = list (printf "%s://%s" $url.scheme $url.host) -}}
{{- end }}
{{- if $origins }}
TOLLGATE_CORS_ORIGINS: {{ join "," $origins | quote }}
{{- end }}
{{- end }}
{{- if or $service (eq $part "worker") }}
TOLLGATE_TEMPORAL_ADDRESS: {{ $v.temporal.address | quote }}
TOLLGATE_TEMPORAL_NAMESPACE: {{ $v.temporal.namespace | quote }}
{{- if $v.temporal.tls.enabled }}
TOLLGATE_TEMPORAL_TLS: "true"
{{- end }}
{{- with $v.temporal.tls.serverName }}
TOLLGATE_TEMPORAL_TLS_SERVER_NAME: {{ . | quote }}
{{- end }}
{{- if $v.temporal.tls.ca.existingSecret }}
TOLLGATE_TEMPORAL_TLS_CA_FILE: {{ include "tollgate.tlsDir" "temporal" }}/ca.crt
{{- end }}
{{- if $v.temporal.tls.clientCertificate.existingSecret }}
TOLLGATE_TEMPORAL_TLS_CERT_FILE: {{ include "tollgate.tlsDir" "temporal" }}/tls.crt
TOLLGATE_TEMPORAL_TLS_KEY_FILE: {{ include "tollgate.tlsDir" "temporal" }}/tls.key
{{- end }}
{{- end }}
{{- if ne $part "worker" }}
TOLLGATE_KAFKA_BROKERS: {{ join "," $v.kafka.brokers | quote }}
{{- with $v.kafka.topicPrefix }}
TOLLGATE_KAFKA_TOPIC_PREFIX: {{ . | quote }}
{{- end }}
{{- if $v.kafka.tls.enabled }}
TOLLGATE_KAFKA_TLS: "true"
{{- end }}
{{- if $v.kafka.tls.ca.existingSecret }}
TOLLGATE_KAFKA_TLS_CA_FILE: {{ include "tollgate.tlsDir" "kafka" }}/ca.crt
{{- end }}
{{- if $v.kafka.tls.clientCertificate.existingSecret }}
TOLLGATE_KAFKA_TLS_CERT_FILE: {{ include "tollgate.tlsDir" "kafka" }}/tls.crt
TOLLGATE_KAFKA_TLS_KEY_FILE: {{ include "tollgate.tlsDir" "kafka" }}/tls.key
{{- end }}
{{- with $v.kafka.sasl.mechanism }}
TOLLGATE_KAFKA_SASL_MECHANISM: {{ . | quote }}
{{- end }}
{{- end }}
{{- if $service }}
TOLLGATE_KAFKA_GROUP_PREFIX: {{ $v.kafka.groupPrefix | quote }}
{{- with $v.database.tls.mode }}
TOLLGATE_DATABASE_TLS: {{ . | quote }}
{{- end }}
{{- if $v.database.tls.ca.existingSecret }}
TOLLGATE_DATABASE_TLS_CA_FILE: {{ include "tollgate.tlsDir" "database" }}/ca.crt
{{- end }}
TOLLGATE_DATABASE_POOL_SIZE: {{ $v.database.poolSize | quote }}
TOLLGATE_JWT_ROLES_CLAIM: {{ $v.auth.rolesClaim | quote }}
{{- with $v.auth.jwksUrl }}
TOLLGATE_JWT_JWKS_URL: {{ . | quote }}
{{- end }}
{{- with $v.auth.issuer }}
TOLLGATE_JWT_ISSUER: {{ . | quote }}
{{- end }}
{{- with $v.auth.audience }}
TOLLGATE_JWT_AUDIENCE: {{ . | quote }}
{{- end }}
{{- end }}
{{- if eq $part "plans" }}
{{- with $v.publicUrls.initiatives }}
TOLLGATE_INITIATIVES_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- with $v.publicUrls.finance }}
TOLLGATE_FINANCE_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- with $v.publicUrls.temporalUi }}
TOLLGATE_TEMPORAL_UI_URL: {{ . | quote }}
{{- end }}
{{- if $v.auth.oidc.issuer }}
TOLLGATE_OIDC_ISSUER: {{ $v.auth.oidc.issuer | quote }}
TOLLGATE_OIDC_CLIENT_ID: {{ $v.auth.oidc.clientId | quote }}
TOLLGATE_OIDC_SCOPES: {{ $v.auth.oidc.scopes | quote }}
{{- with $v.auth.oidc.resource }}
TOLLGATE_OIDC_RESOURCE: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $part "worker" }}
TOLLGATE_WORKER_METRICS_HOST: "0.0.0.0"
TOLLGATE_WORKER_METRICS_PORT: {{ (index $parts "worker").port | quote }}
{{- end }}
{{- if eq $part "topics" }}
TOLLGATE_KAFKA_PARTITIONS: {{ $v.topics.partitions | quote }}
{{- end }}
{{- if and $service $v.tracing.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $v.tracing.otlpEndpoint | quote }}
OTEL_SERVICE_NAME: {{ printf "tollgate-%s" $part | quote }}
{{- end }}
{{- with (index $v $part).settings }}
{{- range $name, $value := . }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* One secretKeyRef environment variable. Argument: (list NAME SECRET KEY). */}}
{{- define "tollgate.secretEnv" -}}
- name: {{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ index . 1 | quote }}
      key: {{ index . 2 | quote }}
{{- end -}}

{{/*
The secret settings of a part, each read from the existing Secret named in the values; a setting whose
Secret is not named is not passed (the process then applies its own rule: a development default outside
production, a refusal naming the setting in production). Argument: (dict "root" $ "part" ...).
*/}}
{{- define "tollgate.secretSettings" -}}
{{- $v := .root.Values -}}
{{- $part := .part -}}
{{- $service := has $part (list "plans" "initiatives" "finance") -}}
{{- if $service }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_DATABASE_URL" $v.database.url.existingSecret $v.database.url.key) }}
{{- with $v.signing.existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_TRUSTED_SIGNING_KEYS" . $v.signing.trustedKeysKey) }}
{{ include "tollgate.secretEnv" (list (printf "TOLLGATE_%s_SIGNING_KEY" (upper $part)) . (printf "%s-signing-key" $part)) }}
{{ include "tollgate.secretEnv" (list (printf "TOLLGATE_%s_SIGNING_KEY_ID" (upper $part)) . (printf "%s-signing-key-id" $part)) }}
{{- end }}
{{- if and (not $v.auth.jwksUrl) $v.auth.jwtSecret.existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_JWT_SECRET" $v.auth.jwtSecret.existingSecret $v.auth.jwtSecret.key) }}
{{- end }}
{{- with (index $v $part).feedSources }}
{{- if .existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_FEED_SOURCES" .existingSecret .key) }}
{{- end }}
{{- end }}
{{- with (index $v $part).feedSecretKeys }}
{{- if .existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_FEED_SECRET_KEYS" .existingSecret .key) }}
{{- end }}
{{- end }}
{{- if eq $part "finance" }}
{{- with $v.finance.hmacSecret.existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_FINANCE_HMAC_SECRET" . $v.finance.hmacSecret.key) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and (ne $part "worker") $v.kafka.sasl.mechanism }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_KAFKA_SASL_USERNAME" $v.kafka.sasl.existingSecret $v.kafka.sasl.usernameKey) }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_KAFKA_SASL_PASSWORD" $v.kafka.sasl.existingSecret $v.kafka.sasl.passwordKey) }}
{{- end }}
{{- if and (ne $part "topics") $v.temporal.apiKey.existingSecret }}
{{ include "tollgate.secretEnv" (list "TOLLGATE_TEMPORAL_API_KEY" $v.temporal.apiKey.existingSecret $v.temporal.apiKey.key) }}
{{- end }}
{{- if and (has $part (list "plans" "initiatives" "finance")) $v.tracing.headers.existingSecret }}
{{ include "tollgate.secretEnv" (list "OTEL_EXPORTER_OTLP_HEADERS" $v.tracing.headers.existingSecret $v.tracing.headers.key) }}
{{- end }}
{{- end -}}

{{/* The clusters a part reaches: what decides its TLS volumes. */}}
{{- define "tollgate.clusters" -}}
{{- if has .part (list "plans" "initiatives" "finance") -}}temporal kafka database
{{- else if eq .part "worker" -}}temporal
{{- else -}}kafka
{{- end -}}
{{- end -}}

{{/*
The TLS files of one cluster as the sources of a projected volume. Argument: the cluster's values
(temporal.tls, kafka.tls or database.tls).
*/}}
{{- define "tollgate.tlsSources" -}}
{{- if .ca.existingSecret }}
- secret:
    name: {{ .ca.existingSecret | quote }}
    items:
      - { key: {{ .ca.key | quote }}, path: ca.crt }
{{- end }}
{{- with .clientCertificate }}
{{- if .existingSecret }}
- secret:
    name: {{ .existingSecret | quote }}
    items:
      - { key: {{ .certKey | quote }}, path: tls.crt }
      - { key: {{ .keyKey | quote }}, path: tls.key }
{{- end }}
{{- end }}
{{- end -}}

{{/* The volumes of a part's pod: /tmp and the TLS files of the clusters it reaches. */}}
{{- define "tollgate.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- $v := .root.Values }}
{{- range $cluster := splitList " " (include "tollgate.clusters" .) }}
{{- $sources := include "tollgate.tlsSources" (index $v $cluster).tls | trim }}
{{- if $sources }}
- name: tls-{{ $cluster }}
  projected:
    # Readable by the pod's group (podSecurityContext.fsGroup, the process's group) and nobody else.
    defaultMode: 0440
    sources:
      {{- $sources | nindent 6 }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "tollgate.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- $v := .root.Values }}
{{- range $cluster := splitList " " (include "tollgate.clusters" .) }}
{{- if include "tollgate.tlsSources" (index $v $cluster).tls }}
- name: tls-{{ $cluster }}
  mountPath: {{ include "tollgate.tlsDir" $cluster }}
  readOnly: true
{{- end }}
{{- end }}
{{- end -}}

{{/*
One container of a part. Argument: (dict "root" $ "part" ... "name" NAME "args" LIST "inline" BOOL
"resources" MAP); inline puts the settings in the container (hook Jobs) instead of the part's ConfigMap.
*/}}
{{- define "tollgate.container" -}}
- name: {{ .name }}
  image: {{ include "tollgate.image" .root | quote }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  args: {{ toJson .args }}
  {{- if .inline }}
  env:
    {{- range $name, $value := include "tollgate.settings" . | fromYaml }}
    - name: {{ $name }}
      value: {{ $value | toString | quote }}
    {{- end }}
    {{- include "tollgate.secretSettings" . | trim | nindent 4 }}
  {{- else }}
  envFrom:
    - configMapRef:
        name: {{ include "tollgate.partName" . }}
  {{- with include "tollgate.secretSettings" . | trim }}
  env:
    {{- . | nindent 4 }}
  {{- end }}
  {{- end }}
  resources:
    {{- toYaml .resources | nindent 4 }}
  securityContext:
    {{- toYaml .root.Values.securityContext | nindent 4 }}
  volumeMounts:
    {{- include "tollgate.volumeMounts" . | nindent 4 }}
{{- end -}}

{{/* What every pod of the release shares. Argument: the root context. */}}
{{- define "tollgate.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
