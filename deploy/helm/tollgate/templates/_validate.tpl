{{/*
Rules between values that a schema states badly: each refusal names the value to set, at `helm install`
time rather than as a pod that will not start. They mirror what the processes refuse at start.
*/}}
{{- define "tollgate.validate" -}}
{{- $v := .Values -}}
{{- if eq $v.environment "production" -}}
{{- if not $v.signing.existingSecret -}}
{{- fail "signing.existingSecret: production refuses the development signing keys; name the Secret with each service's signing key, its key id and the keyring (values.yaml, signing)" -}}
{{- end -}}
{{- if not $v.finance.hmacSecret.existingSecret -}}
{{- fail "finance.hmacSecret.existingSecret: production refuses the development HMAC key of inbound confirmations; name the Secret that holds the finance systems' key" -}}
{{- end -}}
{{- if and (not $v.auth.jwksUrl) (not $v.auth.jwtSecret.existingSecret) -}}
{{- fail "auth: production refuses the development JWT secret; set auth.jwksUrl (the OpenID provider's JWKS) or auth.jwtSecret.existingSecret" -}}
{{- end -}}
{{- if and (eq $v.kafka.sasl.mechanism "plain") (not $v.kafka.tls.enabled) -}}
{{- fail "kafka.sasl.mechanism: plain sends the password in clear; set kafka.tls.enabled=true in production" -}}
{{- end -}}
{{- end -}}
{{- if and $v.kafka.sasl.mechanism (not $v.kafka.sasl.existingSecret) -}}
{{- fail (printf "kafka.sasl.existingSecret: SASL %s needs the Secret with the username and password" $v.kafka.sasl.mechanism) -}}
{{- end -}}
{{- if and $v.database.tls.ca.existingSecret (ne $v.database.tls.mode "verify-full") -}}
{{- fail "database.tls.ca: a CA is only read with database.tls.mode=verify-full" -}}
{{- end -}}
{{- if and $v.auth.oidc.issuer (not $v.auth.oidc.clientId) -}}
{{- fail "auth.oidc.clientId: OpenID sign-in needs both the issuer and the cockpit's client id" -}}
{{- end -}}
{{- end -}}
