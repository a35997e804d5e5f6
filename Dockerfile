# syntax=docker/dockerfile:1
# One image for every part of Tollgate: the three services, the workflow worker, the schema migrations and
# the topic creation, chosen by the container's arguments (deploy/image/entrypoint.sh):
#   docker build -t tollgate:0.1.0 .
#   docker run --rm tollgate:0.1.0 plans | initiatives | finance | worker | migrate <service|all> | create-topics
# The build context is the repository root; .dockerignore keeps it to the sources and the lock file.

# The Node.js line the project runs on (engines >= 20.19), on Debian bookworm as the local stack.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Every dependency, development ones included: the build needs TypeScript, Nx and Vite.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --loglevel=error

# The build of every project: dist/services/<service>, dist/services/cockpit, dist/workflows with its bundle.
FROM deps AS build
COPY tsconfig.base.json nx.json jest.preset.js ./
COPY deploy/runtime deploy/runtime
COPY libs libs
COPY services services
COPY workflows workflows
# Two cores is what CI machines have; one task at a time keeps TypeScript and the bundler within memory.
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build --parallel=1 --output-style=static

# Production dependencies only, resolved from the same lock file.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --loglevel=error

FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="tollgate" \
      org.opencontainers.image.description="Tollgate: S&OP and improvement programs as a governance engine (services, workflow worker, migrations)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
# A numeric user that owns nothing in the image: the code and dependencies stay read-only to the process,
# and Kubernetes can check runAsNonRoot against the number.
RUN groupadd --system --gid 10001 tollgate \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin tollgate
WORKDIR /app
# Production refuses the development secrets and requires the cluster settings; in a container the
# services and the worker's metrics listen on every interface so probes and Prometheus reach them.
ENV NODE_ENV=production \
    TOLLGATE_HTTP_HOST=0.0.0.0 \
    TOLLGATE_WORKER_METRICS_HOST=0.0.0.0
COPY package.json package-lock.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /src/dist dist
COPY deploy/runtime deploy/runtime
COPY deploy/image deploy/image
USER 10001:10001
EXPOSE 3001 3002 3003 9464
# Liveness of the part this container runs (the worker: its metrics endpoint), with Node: no curl here.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "/app/deploy/image/healthcheck.js"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/deploy/image/entrypoint.sh"]
