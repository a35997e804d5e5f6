import { isSecretSetting } from '@tollgate/config';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import {
  CHART,
  type Container,
  exampleValues,
  helm,
  type K8sObject,
  KUBERNETES_VERSIONS,
  kubeconform,
  outside,
  parseManifests,
  type Part,
  podSpecOf,
  render,
  requireDeployTools,
  settingsReadBy,
  valuesArgs,
  workloads,
} from './support/deploy-tools';

// Every feature of the chart switched on at once, beyond what the examples show, so that each setting the
// chart can pass is rendered (and validated) at least once.
const EVERYTHING = {
  temporal: { tls: { enabled: true, serverName: 'temporal.example.internal', ca: { existingSecret: 'temporal-ca', key: 'ca.crt' }, clientCertificate: { existingSecret: 'temporal-client' } } },
  kafka: {
    topicPrefix: 'acme.',
    tls: { enabled: true, ca: { existingSecret: 'kafka-ca', key: 'ca.crt' }, clientCertificate: { existingSecret: 'kafka-client' } },
    sasl: { mechanism: 'scram-sha-256', existingSecret: 'kafka-user' },
  },
  database: { tls: { mode: 'verify-full', ca: { existingSecret: 'postgres-ca', key: 'ca.crt' } } },
  auth: { issuer: 'https://sso.example.com/', audience: 'tollgate', oidc: { issuer: 'https://sso.example.com/', clientId: 'cockpit', resource: 'https://tollgate.example.com/api' } },
  publicUrls: { plans: 'https://tollgate.example.com', initiatives: 'https://i.tollgate.example.com', finance: 'https://f.tollgate.example.com', temporalUi: 'https://temporal.example.com' },
  plans: { feedSources: { existingSecret: 'feeds', key: 'plans' }, autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 4, targetCPUUtilizationPercentage: 70 }, ingress: { enabled: true, hosts: [{ host: 'tollgate.example.com' }] } },
  initiatives: { feedSources: { existingSecret: 'feeds', key: 'initiatives' } },
  worker: { settings: { TOLLGATE_WORKER_MAX_CACHED_WORKFLOWS: 500 } },
  topics: { create: true },
  tracing: { otlpEndpoint: 'https://otel-collector.example.internal:4318', headers: { existingSecret: 'otlp' } },
};

// Paths inside the image, which the chart leaves at their defaults on purpose.
const IMAGE_PATHS = new Set(['TOLLGATE_COCKPIT_DIR', 'TOLLGATE_WORKFLOW_BUNDLE']);
const PARTS: Part[] = ['plans', 'initiatives', 'finance', 'worker', 'topics'];

const scratch = mkdtempSync(path.join(tmpdir(), 'tollgate-chart-'));
const everythingFile = path.join(scratch, 'everything.yaml');
writeFileSync(everythingFile, YAML.stringify(EVERYTHING));

/** The values the chart is checked with: its defaults, each example, and everything at once. */
const VALUE_SETS: { name: string; args: string[] }[] = [
  { name: 'the default values', args: [] },
  ...exampleValues().map((example) => ({ name: `examples/${example}`, args: valuesArgs(example) })),
  { name: 'every feature on', args: ['--values', everythingFile] },
];

const PROMETHEUS = ['--api-versions', 'monitoring.coreos.com/v1'];
const rendered = new Map<string, K8sObject[]>();
const renderedText = new Map<string, string>();

function objectsOf(name: string): K8sObject[] {
  return rendered.get(name)!;
}

function write(name: string, values: unknown): string {
  const file = path.join(scratch, name);
  writeFileSync(file, YAML.stringify(values));
  return file;
}

/** The part a container runs: its component, or what its arguments name (a migration, the topics). */
function partOf(object: K8sObject, container: Container): Part {
  if (container.args[0] === 'migrate') return container.args[1] as Part;
  if (container.args[0] === 'create-topics') return 'topics';
  return object.metadata.labels!['app.kubernetes.io/component'] as Part;
}

/** The environment a container gets: its own variables and the ConfigMaps it loads. */
function environmentOf(container: Container, objects: K8sObject[]): Map<string, { value?: string; fromSecret: boolean }> {
  const environment = new Map<string, { value?: string; fromSecret: boolean }>();
  for (const source of container.envFrom ?? []) {
    const configMap = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name === source.configMapRef.name);
    expect(configMap).toBeDefined();
    for (const [name, value] of Object.entries(configMap!.data ?? {})) environment.set(name, { value, fromSecret: false });
  }
  for (const variable of container.env ?? []) environment.set(variable.name, { value: variable.value, fromSecret: Boolean(variable.valueFrom?.secretKeyRef) });
  return environment;
}

function containersOf(objects: K8sObject[]): { object: K8sObject; container: Container }[] {
  return workloads(objects).flatMap((object) => podSpecOf(object).containers.map((container) => ({ object, container })));
}

beforeAll(async () => {
  requireDeployTools();
  await Promise.all(
    VALUE_SETS.map(async ({ name, args }) => {
      const text = await render([...args, ...PROMETHEUS]);
      renderedText.set(name, text);
      rendered.set(name, parseManifests(text));
    }),
  );
});

describe('the Helm chart', () => {
  it.each(VALUE_SETS.map((set) => [set.name, set.args] as const))('passes helm lint --strict with %s', async (_name, args) => {
    const result = await helm(['lint', '--strict', CHART, ...args]);
    expect(`${result.stdout}${result.stderr}`).toContain('0 chart(s) failed');
    expect(result.status).toBe(0);
  });

  it.each(KUBERNETES_VERSIONS)('renders only resources valid against the Kubernetes %s schemas and the ServiceMonitor CRD (kubeconform -strict, offline)', async (version) => {
    const files = VALUE_SETS.map(({ name }, index) => {
      const file = path.join(scratch, `rendered-${index}.yaml`);
      writeFileSync(file, renderedText.get(name)!);
      return file;
    });
    const result = await kubeconform(files, version);
    const resources = VALUE_SETS.reduce((count, { name }) => count + objectsOf(name).length, 0);
    // Every kind is known: a resource without a schema is an error, not a skip. Problems are listed by file.
    expect(result.stdout.trim()).toBe(`Summary: ${resources} resources found in ${files.length} files - Valid: ${resources}, Invalid: 0, Errors: 0, Skipped: 0`);
    expect(result.status).toBe(0);
  });

  it('fails kubeconform on a field the API server would refuse, so the validation above is live', async () => {
    const file = path.join(scratch, 'misspelt.yaml');
    writeFileSync(file, renderedText.get('the default values')!.replace('readOnlyRootFilesystem: true', 'readOnlyRootFileSystem: true'));
    const result = await kubeconform([file], KUBERNETES_VERSIONS[1]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("additional properties 'readOnlyRootFileSystem' not allowed");
  });

  it('renders a ServiceMonitor per part only where the cluster serves monitoring.coreos.com/v1', async () => {
    const withOperator = objectsOf('the default values').filter((object) => object.kind === 'ServiceMonitor');
    expect(withOperator.map((monitor) => monitor.metadata.labels!['app.kubernetes.io/component']).sort()).toEqual(['finance', 'initiatives', 'plans', 'worker']);
    for (const monitor of withOperator) {
      const endpoints = monitor.spec!.endpoints as { port: string; path: string }[];
      expect(endpoints).toEqual([expect.objectContaining({ port: monitor.metadata.labels!['app.kubernetes.io/component'] === 'worker' ? 'metrics' : 'http', path: '/metrics' })]);
    }
    const without = parseManifests(await render());
    expect(without.filter((object) => object.kind === 'ServiceMonitor')).toEqual([]);
  });

  it.each(VALUE_SETS.map((set) => set.name))('renders no Secret and no secret value with %s: every secret setting is a secretKeyRef', (name) => {
    const objects = objectsOf(name);
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
    for (const configMap of objects.filter((object) => object.kind === 'ConfigMap')) {
      expect(Object.keys(configMap.data ?? {}).filter(isSecretSetting)).toEqual([]);
    }
    for (const { object, container } of containersOf(objects)) {
      for (const [setting, { value, fromSecret }] of environmentOf(container, objects)) {
        if (isSecretSetting(setting)) expect({ container: `${object.metadata.name}/${container.name}`, setting, value, fromSecret }).toEqual({ container: `${object.metadata.name}/${container.name}`, setting, value: undefined, fromSecret: true });
      }
    }
  });

  it('runs every container as a non-root user on a read-only root filesystem, without capabilities, under RuntimeDefault seccomp', () => {
    for (const { name } of VALUE_SETS) {
      for (const object of workloads(objectsOf(name))) {
        const pod = podSpecOf(object);
        expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } });
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.volumes).toContainEqual(expect.objectContaining({ name: 'tmp', emptyDir: expect.anything() }));
        for (const container of pod.containers) {
          expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
          expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
          // Requests for the scheduler and a memory limit; the image is the chart's version, never a moving tag.
          expect(container.resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { memory: expect.any(String) } });
          expect(container.image).toMatch(/:0\.1\.0$/);
        }
      }
    }
  });

  it('probes each service on /health/live (startup, liveness) and /health (readiness) of its port, and the worker on its metrics endpoint', () => {
    const ports: Record<string, [string, number]> = { plans: ['http', 3001], initiatives: ['http', 3002], finance: ['http', 3003], worker: ['metrics', 9464] };
    const objects = objectsOf('the default values');
    const deployments = objects.filter((object) => object.kind === 'Deployment');
    expect(deployments.map((deployment) => deployment.metadata.labels!['app.kubernetes.io/component']).sort()).toEqual(['finance', 'initiatives', 'plans', 'worker']);
    for (const deployment of deployments) {
      const part = deployment.metadata.labels!['app.kubernetes.io/component'];
      const [portName, port] = ports[part];
      const [container] = podSpecOf(deployment).containers;
      expect(container.args).toEqual([part]);
      expect(container.ports).toEqual([expect.objectContaining({ name: portName, containerPort: port })]);
      const [live, ready] = part === 'worker' ? ['/metrics', '/metrics'] : ['/health/live', '/health'];
      expect(container.startupProbe!.httpGet).toEqual({ path: live, port: portName });
      expect(container.livenessProbe!.httpGet).toEqual({ path: live, port: portName });
      expect(container.readinessProbe!.httpGet).toEqual({ path: ready, port: portName });
      // The port the probes ask is the one the process listens on, on every interface.
      const environment = environmentOf(container, objects);
      const portSetting = part === 'worker' ? 'TOLLGATE_WORKER_METRICS_PORT' : `TOLLGATE_${part.toUpperCase()}_PORT`;
      expect(environment.get(portSetting)?.value).toBe(String(port));
      expect(environment.get(part === 'worker' ? 'TOLLGATE_WORKER_METRICS_HOST' : 'TOLLGATE_HTTP_HOST')?.value).toBe('0.0.0.0');
      const service = objects.find((object) => object.kind === 'Service' && object.metadata.name === deployment.metadata.name);
      expect(service!.spec).toMatchObject({ type: 'ClusterIP', ports: [expect.objectContaining({ name: portName, port, targetPort: portName })] });
    }
  });

  it('migrates the three schemas in a pre-install, pre-upgrade hook Job, each with its service settings inline and its secrets', () => {
    const objects = objectsOf('examples/self-hosted.yaml');
    const [job] = objects.filter((object) => object.kind === 'Job');
    expect(job.metadata.annotations).toMatchObject({
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': expect.stringMatching(/^-?\d+$/),
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    const pod = podSpecOf(job);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers.map((container) => container.args)).toEqual([
      ['migrate', 'plans'],
      ['migrate', 'initiatives'],
      ['migrate', 'finance'],
    ]);
    const deployments = objects.filter((object) => object.kind === 'Deployment');
    for (const container of pod.containers) {
      const service = container.args[1];
      // The hook runs before the release's ConfigMaps exist: nothing may come from one.
      expect(container.envFrom).toBeUndefined();
      // The same settings as the service's own pods, so the migration loads the same configuration.
      const deployment = deployments.find((object) => object.metadata.labels!['app.kubernetes.io/component'] === service)!;
      expect(new Map([...environmentOf(container, objects)].sort())).toEqual(new Map([...environmentOf(podSpecOf(deployment).containers[0], objects)].sort()));
      expect(container.volumeMounts).toEqual(podSpecOf(deployment).containers[0].volumeMounts);
    }
  });

  it('mounts each TLS file a setting names from the Secret the values name', () => {
    const objects = objectsOf('every feature on');
    for (const { object, container } of containersOf(objects)) {
      const pod = podSpecOf(object);
      const files = [...environmentOf(container, objects)].filter(([setting]) => setting.endsWith('_FILE'));
      expect(files.length).toBeGreaterThan(0);
      for (const [setting, { value }] of files) {
        const mount = container.volumeMounts.find((candidate) => value!.startsWith(`${candidate.mountPath}/`));
        expect({ setting, mount }).toEqual({ setting, mount: expect.objectContaining({ readOnly: true }) });
        const volume = pod.volumes.find((candidate) => candidate.name === mount!.name)!;
        const file = path.basename(value!);
        expect({ setting, fromSecret: volume.projected!.sources.some((item) => item.secret.items.some((entry) => entry.path === file)) }).toEqual({ setting, fromSecret: true });
      }
    }
  });

  it('protects each part that runs more than one pod with a PodDisruptionBudget, and lets an autoscaler own the replicas', () => {
    const objects = objectsOf('every feature on');
    const budgets = objects.filter((object) => object.kind === 'PodDisruptionBudget').map((budget) => budget.metadata.labels!['app.kubernetes.io/component']);
    expect(budgets.sort()).toEqual(['finance', 'initiatives', 'plans', 'worker']);
    const [autoscaler] = objects.filter((object) => object.kind === 'HorizontalPodAutoscaler');
    expect(autoscaler).toMatchObject({ apiVersion: 'autoscaling/v2', spec: { scaleTargetRef: { kind: 'Deployment', name: 'tollgate-plans' }, minReplicas: 2, maxReplicas: 4 } });
    const plans = objects.find((object) => object.kind === 'Deployment' && object.metadata.name === 'tollgate-plans')!;
    expect(plans.spec!.replicas).toBeUndefined();
    const development = objectsOf('examples/development.yaml');
    expect(development.filter((object) => object.kind === 'PodDisruptionBudget')).toEqual([]);
  });

  it('passes each part only settings its code reads, and lets an operator set every setting the code reads', () => {
    const passed = new Map<Part, Set<string>>(PARTS.map((part) => [part, new Set()]));
    for (const { name } of VALUE_SETS) {
      const objects = objectsOf(name);
      for (const { object, container } of containersOf(objects)) {
        const part = partOf(object, container);
        const names = [...environmentOf(container, objects).keys()];
        expect({ values: name, part, notRead: outside(names, settingsReadBy(part)) }).toEqual({ values: name, part, notRead: [] });
        for (const setting of names) passed.get(part)!.add(setting);
      }
    }
    const schema = JSON.parse(readFileSync(path.join(CHART, 'values.schema.json'), 'utf8'));
    for (const part of PARTS) {
      const settable = new Set<string>(schema.properties[part]?.properties?.settings?.propertyNames?.enum ?? []);
      // The free-form settings of a part are plain ConfigMap entries: never a secret.
      expect({ part, secrets: [...settable].filter(isSecretSetting) }).toEqual({ part, secrets: [] });
      expect({ part, notRead: outside(settable, settingsReadBy(part)) }).toEqual({ part, notRead: [] });
      const reachable = new Set([...passed.get(part)!, ...settable, ...IMAGE_PATHS]);
      expect({ part, unreachable: outside(settingsReadBy(part), reachable) }).toEqual({ part, unreachable: [] });
    }
  });

  it.each([
    ['replicas "two"', { plans: { replicas: 'two' } }, "at '/plans/replicas'"],
    ['an unknown Kafka SASL mechanism', { kafka: { sasl: { mechanism: 'gssapi', existingSecret: 'kafka-user' } } }, "'plain', 'scram-sha-256', 'scram-sha-512'"],
    ['a setting the part does not read', { worker: { settings: { TOLLGATE_JWT_ROLES_CLAIM: 'roles' } } }, 'TOLLGATE_WORKER_LOG_LEVEL'],
    ['a secret given as a plain setting', { finance: { settings: { TOLLGATE_FINANCE_HMAC_SECRET: 'not-here-please' } } }, 'invalid propertyName'],
    ['a misspelt value', { kafka: { broker: ['kafka:9092'] } }, "additional properties 'broker' not allowed"],
    ['the latest tag', { image: { tag: 'latest' } }, "at '/image/tag'"],
  ])('refuses %s (helm lint fails on values.schema.json)', async (_what, values, message) => {
    const result = await helm(['lint', '--strict', CHART, '--values', write(`bad-${_what.replace(/\W+/g, '-')}.yaml`, values)]);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(message);
  });

  it.each([
    ['without signing keys', { signing: { existingSecret: '' } }, 'signing.existingSecret: production refuses the development signing keys'],
    ['without the finance HMAC key', { finance: { hmacSecret: { existingSecret: '' } } }, 'finance.hmacSecret.existingSecret'],
    ['without a JWKS or a JWT secret', { auth: { jwtSecret: { existingSecret: '' } } }, 'set auth.jwksUrl'],
    ['with SASL PLAIN in clear', { kafka: { sasl: { mechanism: 'plain', existingSecret: 'kafka-user' } } }, 'plain sends the password in clear'],
  ])('refuses a production release %s, naming the value to set', async (_what, values, message) => {
    const result = await helm(['template', 'tollgate', CHART, '--values', write(`production-${_what.replace(/\W+/g, '-')}.yaml`, values)]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
