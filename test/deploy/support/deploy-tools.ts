import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';

/** The repository root, the deployment artifacts and the offline tools that check them. */
export const ROOT = path.resolve(__dirname, '../../..');
export const CHART = path.join(ROOT, 'deploy/helm/tollgate');
export const COMPOSE = path.join(ROOT, 'deploy/compose');
const TOOLS = process.env.TOLLGATE_TOOLS_DIR ?? path.join(ROOT, '.tools');
const SCHEMAS = path.join(TOOLS, 'deploy-schemas');
export const COMPOSE_SPEC = path.join(SCHEMAS, 'compose/compose-spec.json');
const HELM = path.join(TOOLS, 'bin/helm');
const KUBECONFORM = path.join(TOOLS, 'bin/kubeconform');

/** The Kubernetes versions whose schemas deploy-tools.sh unpacks: the chart's oldest (kubeVersion) and the newest. */
export const KUBERNETES_VERSIONS = ['1.29.0', '1.37.0'] as const;

export const INSTALL_HINT = 'run bash deploy/local/deploy-tools.sh install';

/**
 * Fails (never skips) when a tool is missing or at another version than deploy-tools.sh pins, with the
 * command that installs them: a check that cannot run must not pass in silence.
 */
export function requireDeployTools(): void {
  const check = spawnSync('bash', [path.join(ROOT, 'deploy/local/deploy-tools.sh'), 'check'], { encoding: 'utf8' });
  if (check.status !== 0) {
    const problem = check.stderr.trim() || `deploy-tools.sh check exited ${check.status}`;
    throw new Error(problem.includes(INSTALL_HINT) ? problem : `${problem}: ${INSTALL_HINT}`);
  }
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

const execFileAsync = promisify(execFile);

/** Runs a command to its end, whatever its exit status. */
export async function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<Run> {
  const child = execFileAsync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (options.input !== undefined) {
    child.child.stdin!.end(options.input);
  }
  try {
    const { stdout, stderr } = await child;
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The chart's example values files, by name. */
export function exampleValues(): string[] {
  return readdirSync(path.join(CHART, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .sort();
}

/** `--values` arguments for the defaults (no file) or an example. */
export function valuesArgs(example?: string): string[] {
  return example ? ['--values', path.join(CHART, 'examples', example)] : [];
}

export function helm(args: string[]): Promise<Run> {
  return run(HELM, args);
}

/** `helm template` of the chart, failing on a template error. */
export async function render(args: string[] = []): Promise<string> {
  const result = await helm(['template', 'tollgate', CHART, '--namespace', 'tollgate', ...args]);
  if (result.status !== 0) throw new Error(`helm template ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * kubeconform -strict of rendered manifests, offline: Kubernetes schemas and the ServiceMonitor CRD's from
 * .tools. One run for many files, since each run compiles the schemas of every kind it meets anew.
 */
export function kubeconform(files: string[], kubernetesVersion: string): Promise<Run> {
  return run(KUBECONFORM, [
    '-strict',
    '-summary',
    '-output',
    'text',
    '-kubernetes-version',
    kubernetesVersion,
    '-schema-location',
    path.join(SCHEMAS, 'kubernetes/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json'),
    '-schema-location',
    path.join(SCHEMAS, 'crds/{{ .ResourceKind }}{{ .KindSuffix }}.json'),
    ...files,
  ]);
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

export interface Probe {
  httpGet: { path: string; port: string | number };
}

export interface Container {
  name: string;
  image: string;
  args: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef: { name: string } }[];
  ports?: { name: string; containerPort: number }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
}

export interface PodSpec {
  containers: Container[];
  restartPolicy?: string;
  automountServiceAccountToken?: boolean;
  securityContext: { runAsNonRoot?: boolean; runAsUser?: number; fsGroup?: number; seccompProfile?: { type: string } };
  volumes: { name: string; emptyDir?: object; projected?: { sources: { secret: { name: string; items: { key: string; path: string }[] } }[] } }[];
}

/** A Kubernetes object as rendered: what the tests read of it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  spec?: { replicas?: number; template?: { spec: PodSpec }; [field: string]: unknown };
  data?: Record<string, string>;
}

export function parseManifests(text: string): K8sObject[] {
  return YAML.parseAllDocuments(text)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** The pod template of a workload (Deployment or Job). */
export function podSpecOf(object: K8sObject): PodSpec {
  return object.spec!.template!.spec;
}

export function workloads(objects: K8sObject[]): K8sObject[] {
  return objects.filter((object) => object.kind === 'Deployment' || object.kind === 'Job');
}

/** Parses a YAML file of the repository, merge keys (<<) resolved as Compose resolves them. */
export function readYaml(file: string): unknown {
  return YAML.parse(readFileSync(file, 'utf8'), { merge: true });
}

/** The parts a container may run, and what each reads of its environment. */
export type Part = 'plans' | 'initiatives' | 'finance' | 'worker' | 'topics';

const SETTING = /\b(TOLLGATE_[A-Z0-9_]*[A-Z0-9]|OTEL_[A-Z0-9_]*[A-Z0-9]|NODE_ENV)\b/g;

function namesIn(text: string): Set<string> {
  return new Set([...text.matchAll(SETTING)].map((match) => match[1]));
}

function source(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

// One block of cluster settings (temporal, kafka, database) as libs/config declares it.
function clusterBlock(cluster: 'temporal' | 'kafka' | 'database'): Set<string> {
  const match = new RegExp(`export const ${cluster}ClusterEnvironment = \\{([\\s\\S]*?)\\n\\};`).exec(source('libs/config/src/cluster-connections.ts'));
  if (!match) throw new Error(`libs/config/src/cluster-connections.ts no longer declares ${cluster}ClusterEnvironment`);
  return namesIn(match[1]);
}

/**
 * Every environment variable a part reads, from the code that reads it: the validated configuration
 * schemas (libs/config, each service's config/, the worker's and the topic command's). A service's port
 * and signing key settings are named from the service (`TOLLGATE_${SERVICE}_PORT`), so they are added.
 */
export function settingsReadBy(part: Part): Set<string> {
  // The services trace (libs/observability's tracing settings); the worker makes no span of its own.
  const tracing = namesIn(source('libs/observability/src/tracing.ts'));
  if (part === 'worker') return new Set([...namesIn(source('workflows/worker/worker-config.ts')), ...clusterBlock('temporal')]);
  if (part === 'topics') return new Set([...namesIn(source('workflows/operations/create-topics.ts')), ...clusterBlock('kafka')]);
  const configDir = `services/${part}/src/config`;
  const config = readdirSync(path.join(ROOT, configDir))
    .filter((file) => file.endsWith('.ts') && !/\.(spec|[a-z]+-spec)\.ts$/.test(file))
    .map((file) => source(`${configDir}/${file}`))
    .join('\n');
  const names = namesIn([source('libs/config/src/service-config.ts'), source('libs/config/src/cluster-connections.ts'), config].join('\n'));
  if (/feedSettings\(/.test(config)) for (const name of namesIn(source('libs/config/src/feed-sources.ts'))) names.add(name);
  for (const suffix of ['PORT', 'SIGNING_KEY', 'SIGNING_KEY_ID']) names.add(`TOLLGATE_${part.toUpperCase()}_${suffix}`);
  for (const name of tracing) names.add(name);
  return names;
}

/** Names in `names` that `allowed` lacks, sorted, for an assertion that lists them all. */
export function outside(names: Iterable<string>, allowed: Set<string>): string[] {
  return [...new Set(names)].filter((name) => !allowed.has(name)).sort();
}

/** Fails with the build command when dist/ lacks the built entries the image runs. */
export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, 'dist/services/plans/services/plans/src/main.js'))) {
    throw new Error('dist/ has no build: run npx nx run-many -t build');
  }
}
