import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The Schemathesis CLI the local stack installs (deploy/local/schemathesis.sh). */
export const SCHEMATHESIS = path.join(process.env.TOLLGATE_TOOLS_DIR ?? path.join(ROOT, '.tools'), 'venv/bin/st');

// The checks that say whether a service keeps its document's word: no 5xx, only
// documented statuses, bodies and content types as documented.
export const CONFORMANCE_CHECKS = ['not_a_server_error', 'status_code_conformance', 'response_schema_conformance', 'content_type_conformance'];

export interface ConformanceRun {
  /** Where the OpenAPI document is served. */
  documentUrl: string;
  token: string;
  /** Values for parameters by location and name (`path.id`), so that tests reach real records. */
  parameters: Record<string, string>;
  /** The same, for the operations whose path matches a pattern. */
  byPath?: { pathPattern: string; parameters: Record<string, string> }[];
  maxExamples: number;
  /**
   * The operations (by operationId) whose coverage phase this run holds; the examples and fuzzing
   * phases meet every operation. The coverage phase's boundary values are the same whoever sends
   * them and reach a handler only past its guard, so each operation needs them once, from a role
   * the guard lets through.
   */
  coverageOf: readonly string[];
}

export interface ConformanceOutcome {
  exitCode: number;
  /** What Schemathesis printed: its failures, warnings and summary. */
  output: string;
  operationsTested: number;
  testCases: number;
  testCasesFailed: number;
  uniqueFailures: number;
  errors: number;
}

const toml = (value: string) => JSON.stringify(value);
const table = (parameters: Record<string, string>) => `{ ${Object.entries(parameters).map(([key, value]) => `${toml(key)} = ${toml(value)}`).join(', ')} }`;

/** Runs `st run` against one document with one token, bounded by examples; resolves with its counts. */
export async function runSchemathesis(run: ConformanceRun): Promise<ConformanceOutcome> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'tollgate-schemathesis-'));
  const config = [
    `parameters = ${table(run.parameters)}`,
    ...(run.byPath ?? []).flatMap(({ pathPattern, parameters }) => ['', '[[operations]]', `include-path-regex = ${toml(pathPattern)}`, `parameters = ${table(parameters)}`]),
    // Every operation but those this run holds: no coverage phase (an operation's setting outranks --phases).
    ...(run.coverageOf.length ? ['', '[[operations]]', `exclude-operation-id = [${run.coverageOf.map(toml).join(', ')}]`, 'phases.coverage.enabled = false'] : []),
  ].join('\n');
  writeFileSync(path.join(workspace, 'schemathesis.toml'), `${config}\n`);
  const report = path.join(workspace, 'report.json');
  const args = [
    '--config-file', path.join(workspace, 'schemathesis.toml'),
    'run', run.documentUrl,
    '--header', `Authorization: Bearer ${run.token}`,
    '--checks', CONFORMANCE_CHECKS.join(','),
    '--phases', run.coverageOf.length ? 'examples,coverage,fuzzing' : 'examples,fuzzing',
    '--max-examples', String(run.maxExamples),
    // One worker: with two, Schemathesis 4.32's coverage phase now and then fails inside its own cache (a KeyError), a flake of the tool, not of ours.
    '--workers', '1',
    '--seed', '1',
    '--generation-database', 'none',
    '--request-timeout', '15',
    '--report', 'json', '--report-json-path', report,
    '--no-color',
  ];
  // Asynchronous on purpose: the services answer from this very process.
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
    const child = spawn(SCHEMATHESIS, args, { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: text }));
  });
  if (!existsSync(report)) return { exitCode: exitCode || 1, output, operationsTested: 0, testCases: 0, testCasesFailed: 0, uniqueFailures: 0, errors: 1 };
  const counts = JSON.parse(readFileSync(report, 'utf8')) as {
    operations: { tested: number; errored: number };
    test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
    errors: unknown[];
  };
  return {
    exitCode,
    output,
    operationsTested: counts.operations.tested,
    testCases: counts.test_cases.generated,
    testCasesFailed: counts.test_cases.with_failures,
    uniqueFailures: counts.test_cases.unique_failures,
    errors: counts.errors.length + counts.operations.errored,
  };
}

interface DocumentOperation {
  operationId?: string;
  'x-roles'?: string[];
}

type OpenApiPaths = { paths: Record<string, Record<string, unknown>> };

/** The operations of an OpenAPI document that have an operationId, path by path. */
export function documentOperations(document: OpenApiPaths): (DocumentOperation & { operationId: string })[] {
  return Object.values(document.paths).flatMap((path) =>
    (Object.values(path) as DocumentOperation[]).filter((operation): operation is DocumentOperation & { operationId: string } => typeof operation === 'object' && Boolean(operation?.operationId)),
  );
}

/**
 * Which role holds each operation's coverage phase: the one `byRight` names for it (where the domain,
 * not the guard, decides who may act), else the first of `order` that the operation's guard lets
 * through (the roles its `x-roles` names; every role where it names none). Operations no role of
 * `order` may call are left out, for the caller to see.
 */
export function coverageHolders<Role extends string>(
  document: OpenApiPaths,
  order: readonly Role[],
  byRight: Readonly<Record<string, Role>> = {},
): Map<string, Role> {
  const holders = new Map<string, Role>();
  for (const operation of documentOperations(document)) {
    const allowed = operation['x-roles'];
    const holder = byRight[operation.operationId] ?? order.find((role) => !allowed || allowed.includes(role));
    if (holder) holders.set(operation.operationId, holder);
  }
  return holders;
}
