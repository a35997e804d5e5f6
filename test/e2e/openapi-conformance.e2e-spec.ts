import { issueDevelopmentToken } from '@tollgate/auth';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inPool } from '../support/initiative-walk';
import { CONFORMANCE_PEOPLE, seedConformancePortfolio, type ConformancePortfolio } from '../support/conformance-portfolio';
import { RunningService, startService } from '../support/running-service';
import { CONFORMANCE_CHECKS, coverageHolders, documentOperations, runSchemathesis, SCHEMATHESIS, type ConformanceOutcome, type ConformanceRun } from '../support/schemathesis';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

type ServiceName = 'plans' | 'initiatives' | 'finance';
type RoleName = keyof typeof CONFORMANCE_PEOPLE;
type OpenApiDocument = { paths: Record<string, Record<string, unknown>> };

const operationIdsOf = (document: OpenApiDocument) => documentOperations(document).map((operation) => operation.operationId);

const RESULTS = TEST_ENVIRONMENT.resultsDir;
// Enough for every operation to meet each generation phase a few times, and the
// whole file to stay within a few minutes on two cores.
const MAX_EXAMPLES = 5;
const RUNS_AT_ONCE = 2;
// A route's guard answers before its body is validated, so the coverage phase's boundary values (most of
// the cases) reach a service's handlers only as a role that may call there; and they are the same whoever
// sends them. Each operation meets them once, as the first of these roles its guard lets through: first the
// role that acts on most of the service's records, so that valid boundary values pass the domain's own
// rights too (the seeded records name these people); where the domain gives the right to someone else
// (below), as that person. Every role meets every operation in the examples and fuzzing phases, which is
// where its 403s are checked against the document.
const COVERAGE_ORDER: Record<ServiceName, readonly RoleName[]> = {
  plans: ['admin', 'pmo', 'owner'],
  initiatives: ['owner', 'sponsor', 'controller', 'pmo', 'admin'],
  finance: ['controller', 'admin'],
};
// Operations every signed-in role passes the guard of, whose rule then names the person (libs/domain:
// side-moves, milestone-rules, decision-rights): the seeded initiative's sponsor decides its gates,
// re-plans, holds, resumes and cancels it; a PMO user rolls it back. The plans service's chair is the
// seeded admin, the first of its order already.
const COVERAGE_BY_RIGHT: Partial<Record<ServiceName, Record<string, RoleName>>> = {
  initiatives: {
    InitiativeController_decide: 'sponsor',
    InitiativeController_replan: 'sponsor',
    InitiativeController_hold: 'sponsor',
    InitiativeController_resume: 'sponsor',
    InitiativeController_cancel: 'sponsor',
    InitiativeController_rollback: 'pmo',
  },
};

/** The real records each service's path and query parameters name. */
function parametersOf(service: ServiceName, seeded: ConformancePortfolio): Pick<ConformanceRun, 'parameters' | 'byPath'> {
  switch (service) {
    case 'plans':
      return {
        parameters: { 'path.id': seeded.programId, 'path.initiativeId': seeded.initiativeIds[0], 'path.cycleId': seeded.cycleId, 'query.orgNodeId': seeded.programId },
        byPath: [{ pathPattern: '^/api/scenarios/', parameters: { 'path.id': seeded.scenarioId } }],
      };
    case 'initiatives':
      return {
        parameters: { 'path.id': seeded.initiativeIds[0], 'path.requestId': seeded.gateRequestId, 'path.milestoneId': seeded.milestoneId, 'query.programId': seeded.programId },
      };
    case 'finance':
      return { parameters: { 'path.id': seeded.initiativeIds[1], 'path.confirmationId': seeded.confirmationId, 'query.programId': seeded.programId } };
  }
}

// Schemathesis reads each service's OpenAPI document and sends what it
// describes, and much that it does not, as every role: no answer may be a 5xx,
// and every answer must be one the document states, in its schema and content type.
describe('the OpenAPI documents tell the truth', () => {
  const services = {} as Record<ServiceName, RunningService>;
  let worker: RunningWorkflowWorker;
  let seeded: ConformancePortfolio;
  const documents = {} as Record<ServiceName, OpenApiDocument>;

  beforeAll(async () => {
    if (!existsSync(SCHEMATHESIS)) throw new Error(`Schemathesis is not installed at ${SCHEMATHESIS}: run deploy/local/schemathesis.sh install`);
    [services.plans, services.initiatives, services.finance] = await Promise.all([startService('plans'), startService('initiatives'), startService('finance')]);
    worker = await startWorkflowWorker();
    await Promise.all(Object.values(services).map((service) => service.ready()));
    seeded = await seedConformancePortfolio(services.plans, services.initiatives, services.finance);
    for (const service of ['plans', 'initiatives', 'finance'] as const) {
      documents[service] = (await (await fetch(`${services[service].baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
    }
  }, 300_000);

  afterAll(async () => {
    await worker?.stop();
    await Promise.all(Object.values(services).map((service) => service?.close()));
  });

  it('answers every operation of the three services as documented, for every role, with no server error', async () => {
    const holders = Object.fromEntries((['plans', 'initiatives', 'finance'] as const).map((service) => [service, coverageHolders(documents[service], COVERAGE_ORDER[service], COVERAGE_BY_RIGHT[service])])) as Record<
      ServiceName,
      Map<string, RoleName>
    >;
    // Every operation meets the coverage phase: one no role of the order may call would go without it.
    const unheld = (['plans', 'initiatives', 'finance'] as const).flatMap((service) => operationIdsOf(documents[service]).filter((id) => !holders[service].has(id)).map((id) => `${service} ${id}`));
    expect(unheld).toEqual([]);
    // A right named for an operation the document no longer has would hold nothing.
    const stale = (['plans', 'initiatives', 'finance'] as const).flatMap((service) => Object.keys(COVERAGE_BY_RIGHT[service] ?? {}).filter((id) => !operationIdsOf(documents[service]).includes(id)).map((id) => `${service} ${id}`));
    expect(stale).toEqual([]);
    const planned = (['plans', 'initiatives', 'finance'] as const).flatMap((service) => (Object.keys(CONFORMANCE_PEOPLE) as RoleName[]).map((role) => ({ service, role })));
    // Two runs at a time, as two clients would call: each Schemathesis process spends most of its time
    // generating cases in Python, so the pair keeps both cores busy; results are kept in planned order.
    const runs = await inPool(RUNS_AT_ONCE, planned.length, async (index) => {
      const { service, role } = planned[index];
      const person = CONFORMANCE_PEOPLE[role];
      const started = Date.now();
      const outcome = await runSchemathesis({
        documentUrl: `${services[service].baseUrl}/api/docs-json`,
        token: issueDevelopmentToken({ sub: person.id, roles: [...person.roles] }, TEST_ENVIRONMENT.jwtSecret),
        maxExamples: MAX_EXAMPLES,
        coverageOf: [...holders[service]].filter(([, holder]) => holder === role).map(([operationId]) => operationId),
        ...parametersOf(service, seeded),
      });
      if (outcome.exitCode !== 0) process.stdout.write(`Schemathesis on ${service} as ${role}:\n${outcome.output}\n`);
      return { service, role, seconds: Math.round((Date.now() - started) / 1000), ...outcome };
    });

    const total = (count: keyof ConformanceOutcome) => runs.reduce((sum, run) => sum + Number(run[count]), 0);
    const summary = {
      checks: CONFORMANCE_CHECKS,
      runs: runs.length,
      operationsTested: Object.fromEntries((['plans', 'initiatives', 'finance'] as const).map((service) => [service, runs.find((run) => run.service === service)?.operationsTested ?? 0])),
      testCases: total('testCases'),
      testCasesPassed: total('testCases') - total('testCasesFailed'),
      testCasesFailed: total('testCasesFailed'),
      uniqueFailures: total('uniqueFailures'),
      errors: total('errors'),
      byRun: runs.map(({ service, role, seconds, exitCode, operationsTested, testCases, testCasesFailed, uniqueFailures, errors }) => ({
        service,
        role,
        seconds,
        coverageOf: [...holders[service].values()].filter((holder) => holder === role).length,
        exitCode,
        operationsTested,
        testCases,
        testCasesFailed,
        uniqueFailures,
        errors,
      })),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'schemathesis.json'), `${JSON.stringify(summary, null, 2)}\n`);
    process.stdout.write(
      `Schemathesis: ${summary.runs} runs, operations tested ${JSON.stringify(summary.operationsTested)}, ` +
        `${summary.testCasesPassed} test cases passed, ${summary.testCasesFailed} failed, ${summary.errors} errors\n`,
    );

    expect(runs.filter((run) => run.exitCode !== 0 || run.testCasesFailed > 0 || run.errors > 0).map(({ service, role }) => `${service} as ${role}`)).toEqual([]);
    expect(summary.operationsTested).toEqual({ plans: expect.any(Number), initiatives: expect.any(Number), finance: expect.any(Number) });
    for (const tested of Object.values(summary.operationsTested)) expect(tested).toBeGreaterThan(0);
  }, 900_000);
});
