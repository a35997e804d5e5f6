import { issueDevelopmentToken } from '@tollgate/auth';
import { randomUUID } from 'node:crypto';
import { programThroughPlans } from '../../../test/support/org-nodes';
import { apiAs, type HttpAnswer, type Person } from '../../../test/support/http-client';
import { initiativePeople } from '../../../test/support/initiative-walk';
import { RunningService, startService } from '../../../test/support/running-service';
import { TEST_ENVIRONMENT } from '../../../test/support/test-environment';
import { RunningWorkflowWorker, startWorkflowWorker } from '../../../test/support/workflow-worker';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
const controller: Person = { id: `controller-${randomUUID()}`, roles: ['controller'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

const NUL = '\u0000';
const LONE = '\ud800';

// What every service refuses at its edge, whatever the route: text that cannot
// be stored, bodies too large or too deep, numbers a double rounds.
describe('the HTTP edges of the three services', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let finance: RunningService;
  let worker: RunningWorkflowWorker;
  let programId: string;
  let nodeId: string;
  const people = initiativePeople();

  beforeAll(async () => {
    [plans, initiatives, finance] = await Promise.all([startService('plans'), startService('initiatives'), startService('finance')]);
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready(), finance.ready()]);
    ({ organizationId: nodeId, programId } = await programThroughPlans(plans.baseUrl, initiatives.dataSource, admin, 'Edges'));
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close(), finance?.close()]);
  });

  const services = () => ({ plans, initiatives, finance });

  /** A request as a client sends it: the body as raw text, or none at all. */
  async function send(service: RunningService, person: Person, method: string, path: string, body?: string): Promise<HttpAnswer> {
    const token = issueDevelopmentToken({ sub: person.id, roles: person.roles }, TEST_ENVIRONMENT.jwtSecret);
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  function initiativeBody(overrides: Record<string, unknown> = {}) {
    return {
      title: `Edge initiative ${randomUUID().slice(0, 8)}`,
      programId,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      controllerId: people.controller.id,
      category: 'cost',
      measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: 100_000 }] }],
      milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
      ...overrides,
    };
  }

  const confirmation = (overrides: Record<string, unknown>) => ({
    confirmationId: `conf-${randomUUID()}`,
    initiativeId: randomUUID(),
    period: '2027-03',
    amount: 1000,
    currency: 'EUR',
    reference: 'GL 2027-03',
    ...overrides,
  });

  it('answers 400 naming the field for a NUL or a lone surrogate in a body, a path or a query, on every service', async () => {
    const cases: [keyof ReturnType<typeof services>, Person, string, string, unknown, string][] = [
      ['plans', admin, 'POST', '/api/org-nodes', { name: `a${NUL}b`, kind: 'organization' }, 'body.name contains a NUL character'],
      ['plans', admin, 'POST', '/api/org-nodes', { name: `a${LONE}b`, kind: 'organization' }, 'body.name contains a lone UTF-16 surrogate'],
      ['plans', admin, 'PUT', '/api/org-nodes/{node}/plan', { demand: [{ family: `e${NUL}`, period: '2027-03', volume: 1 }] }, 'body.demand.0.family contains a NUL character'],
      ['plans', viewer, 'GET', '/api/sop-cycles/a%00b', undefined, 'path.cycleId contains a NUL character'],
      ['plans', pmo, 'PUT', '/api/initiative-resources/a%00b', { budget: 1, fte: 1 }, 'path.initiativeId contains a NUL character'],
      ['plans', viewer, 'GET', `/api/portfolio/summary?orgNodeId=a%00b`, undefined, 'query.orgNodeId contains a NUL character'],
      ['initiatives', viewer, 'GET', '/api/initiatives?programId=a%00b', undefined, 'query.programId contains a NUL character'],
      ['initiatives', people.owner, 'POST', '/api/initiatives', initiativeBody({ measures: [{ name: `S${NUL}`, category: 'opex', plannedValues: [] }] }), 'body.measures.0.name contains a NUL character'],
      ['initiatives', people.owner, 'POST', '/api/initiatives', { ...initiativeBody(), [`x${NUL}`]: 1 }, 'body has a key that contains a NUL character'],
      ['finance', controller, 'POST', '/api/confirmations', confirmation({ reference: `GL${NUL}` }), 'body.reference contains a NUL character'],
      ['finance', controller, 'POST', '/api/confirmations', confirmation({ reference: `GL${LONE}` }), 'body.reference contains a lone UTF-16 surrogate'],
      ['finance', controller, 'POST', '/api/confirmations', confirmation({ confirmationId: `c${NUL}1` }), 'body.confirmationId contains a NUL character'],
      ['finance', viewer, 'GET', '/api/confirmations/a%00b', undefined, 'path.confirmationId contains a NUL character'],
    ];
    for (const [service, person, method, path, body, named] of cases) {
      const answer = await send(services()[service], person, method, path.replace('{node}', nodeId), body === undefined ? undefined : JSON.stringify(body));
      expect({ service, path, status: answer.status, message: answer.body.message }).toEqual({ service, path, status: 400, message: named });
      expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });

  it("refuses a NUL or a lone surrogate in an initiative's title or a gate's evidence before anything reaches the workflow", async () => {
    const as = apiAs(initiatives.baseUrl, people.owner);
    for (const title of [`Carriers${NUL}`, `Carriers${LONE}`]) {
      expect((await as.post('/api/initiatives', initiativeBody({ title }))).status).toBe(400);
    }
    const listed = await apiAs(initiatives.baseUrl, viewer).get(`/api/initiatives?programId=${programId}`);
    expect(listed.body.items.filter((item: { title: string }) => item.title.startsWith('Carriers'))).toEqual([]);

    const created = await as.post('/api/initiatives', initiativeBody());
    expect(created.status).toBe(201);
    const refused = await as.post(`/api/initiatives/${created.body.id}/gate-requests`, { targetStage: 1, evidence: { text: `done${NUL}`, links: [] } });
    expect(refused).toMatchObject({ status: 400, body: { message: 'body.evidence.text contains a NUL character' } });
    const lone = await as.post(`/api/initiatives/${created.body.id}/gate-requests`, { targetStage: 1, evidence: { text: `done${LONE}` } });
    expect(lone).toMatchObject({ status: 400, body: { message: 'body.evidence.text contains a lone UTF-16 surrogate' } });
    // Nothing was asked of the lifecycle: no gate request, no audit entry beyond the creation.
    const shown = await as.get(`/api/initiatives/${created.body.id}`);
    expect(shown.body.gates).toEqual([]);
    expect((await as.get(`/api/initiatives/${created.body.id}/audit`)).body.map((entry: { action: string }) => entry.action)).toEqual(['created']);
  });

  it('answers 413 for a body over 100 KiB, and 400 for JSON nested deeper than 32 levels or malformed, on every service', async () => {
    const routes: [RunningService, Person, string][] = [
      [plans, admin, '/api/org-nodes'],
      [initiatives, people.owner, '/api/initiatives'],
      [finance, controller, '/api/confirmations'],
    ];
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    for (const [service, person, path] of routes) {
      const large = await send(service, person, 'POST', path, JSON.stringify({ name: 'x'.repeat(101 * 1024), kind: 'organization' }));
      expect({ path, ...large }).toEqual({ path, status: 413, body: { statusCode: 413, error: 'Payload Too Large', message: 'the body is larger than 102400 bytes' } });
      for (const body of [deep(5000), deepObject(5000), deep(33), `{"a":${deep(32)}}`]) {
        const answer = await send(service, person, 'POST', path, body);
        expect({ path, ...answer }).toEqual({
          path,
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: 'the body nests arrays and objects deeper than 32 levels' },
        });
      }
      // 32 levels are taken; this body is refused for its content, not its depth.
      const shallow = await send(service, person, 'POST', path, `{"a":${deep(31)}}`);
      expect(shallow.status).toBe(400);
      expect(shallow.body.message).not.toContain('deeper');
      const malformed = await send(service, person, 'POST', path, '{"name": ');
      expect(malformed).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
      expect(typeof malformed.body.message).toBe('string');
    }
  });

  it('answers 422 for an amount or volume beyond 2^53 − 1 in plans, as initiatives and finance do', async () => {
    const plan = (cells: string) => send(plans, admin, 'PUT', `/api/org-nodes/${nodeId}/plan`, cells);
    const beyond = [
      ['{"targets":[{"period":"2027-03","amount":1e20}]}', 'body.targets.0.amount'],
      ['{"targets":[{"period":"2027-03","amount":9007199254740993}]}', 'body.targets.0.amount'],
      ['{"demand":[{"family":"bikes","period":"2027-03","volume":1e20}]}', 'body.demand.0.volume'],
      ['{"capacity":[{"family":"bikes","period":"2027-03","volume":9007199254740992}]}', 'body.capacity.0.volume'],
    ];
    for (const [cells, field] of beyond) {
      const answer = await plan(cells);
      expect({ cells, status: answer.status, message: answer.body.message }).toEqual({
        cells,
        status: 422,
        message: `${field} is beyond 9007199254740991, the largest number kept exactly`,
      });
    }
    // Nothing was written: the node still has no plan of record.
    expect((await apiAs(plans.baseUrl, viewer).get(`/api/org-nodes/${nodeId}/plan`)).status).toBe(404);
    // The largest exact one is kept as sent.
    const exact = await plan('{"targets":[{"period":"2027-03","amount":9007199254740991}]}');
    expect(exact.status).toBe(201);
    expect(exact.body.targets).toEqual([expect.objectContaining({ period: '2027-03', amount: 9007199254740991 })]);

    expect((await send(plans, pmo, 'PUT', `/api/initiative-resources/${randomUUID()}`, '{"budget":1e20,"fte":1}')).status).toBe(422);
    const policy = '{"valueThreshold":{"absolute":9007199254740993,"percent":0.1},"volumeThreshold":{"absolute":1,"percent":0.1}}';
    expect((await send(plans, admin, 'PUT', `/api/org-nodes/${nodeId}/sop-policy`, policy)).status).toBe(422);
    const measures = '[{"name":"Savings","category":"opex","plannedValues":[{"period":"2027-03","amount":9007199254740993}]}]';
    const initiative = JSON.stringify(initiativeBody({ measures: [] })).replace('"measures":[]', `"measures":${measures}`);
    expect((await send(initiatives, people.owner, 'POST', '/api/initiatives', initiative)).status).toBe(422);
    const confirmed = JSON.stringify(confirmation({ amount: 0 })).replace('"amount":0', '"amount":1e20');
    expect((await send(finance, controller, 'POST', '/api/confirmations', confirmed)).status).toBe(422);
  });

  it('answers 400 for a page of 1e300, and for an S&OP setup without owners or without a body, naming what is missing', async () => {
    const page = await apiAs(initiatives.baseUrl, viewer).get('/api/initiatives?page=1e300');
    expect(page).toMatchObject({ status: 400, body: { message: 'page must not be greater than 1000000' } });
    for (const body of ['{}', undefined]) {
      const setup = await send(plans, admin, 'PUT', `/api/org-nodes/${nodeId}/sop-cycle-setup`, body);
      expect(setup).toMatchObject({ status: 400, body: { message: 'owners is missing: it names the owner of each step' } });
    }
  });

  it("answers 400, not 500, for an FTE in exponent form (class-validator's decimal-places check threw on it)", async () => {
    const policy = { valueThreshold: { absolute: 1, percent: 0.1 }, volumeThreshold: { absolute: 1, percent: 0.1 }, pivotCapacity: { budget: 1, fte: 5e-324 } };
    const answer = await apiAs(plans.baseUrl, admin).put(`/api/org-nodes/${nodeId}/sop-policy`, policy);
    expect(answer).toMatchObject({ status: 400, body: { message: 'pivotCapacity.fte must have at most two decimal places' } });
    expect((await apiAs(plans.baseUrl, pmo).put(`/api/initiative-resources/${randomUUID()}`, { budget: 1, fte: 1.25 })).status).toBe(201);
  });

  it("documents every status the edge answers, and each field's rules, in the three OpenAPI documents", async () => {
    // The documents are asserted path by path; typing all of OpenAPI would add nothing.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const documentOf = async (service: RunningService): Promise<any> => (await fetch(`${service.baseUrl}/api/docs-json`)).json();
    const [plansDocument, initiativesDocument, financeDocument] = await Promise.all([documentOf(plans), documentOf(initiatives), documentOf(finance)]);
    for (const document of [plansDocument, initiativesDocument, financeDocument]) {
      for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] }>>)) {
        if (!route.startsWith('/api/')) continue;
        for (const [method, operation] of Object.entries(operations)) {
          const statuses = Object.keys(operation.responses);
          // A route that says it needs no token (security: []) cannot answer 401 or 403; every other one documents both.
          const open = Array.isArray(operation.security) && operation.security.length === 0;
          expect({ route, method, statuses }).toEqual({ route, method, statuses: expect.arrayContaining(open ? ['503'] : ['401', '403', '503']) });
          if (operation.requestBody) expect({ route, method, statuses }).toEqual({ route, method, statuses: expect.arrayContaining(['400', '413', '422']) });
        }
      }
      expect(document.components.schemas.ErrorAnswerBody.properties).toMatchObject({ message: { type: 'string' }, details: { type: 'array' } });
    }
    // Who passes a route's guard is stated beside it (x-roles), and only where a guard asks for roles.
    expect(plansDocument.paths['/api/sop-cycles'].post['x-roles']).toEqual(['admin', 'pmo']);
    expect(plansDocument.paths['/api/sop-cycles'].get).not.toHaveProperty('x-roles');
    expect(initiativesDocument.paths['/api/initiatives'].post).not.toHaveProperty('x-roles');
    const closure = initiativesDocument.paths['/api/initiatives/{id}/closure'].post.responses;
    expect(Object.keys(closure)).toEqual(expect.arrayContaining(['200', '202']));
    expect(closure).not.toHaveProperty('201');
    expect(Object.keys(plansDocument.paths['/api/org-nodes'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '409', '422']));
    expect(plansDocument.components.schemas.CreateOrgNodeDto).toMatchObject({
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, kind: { enum: ['organization', 'business_unit', 'program'] } },
    });
    expect(plansDocument.components.schemas.TargetCellDto.properties).toMatchObject({
      period: { pattern: '^(\\d{4})-(0[1-9]|1[0-2])$' },
      amount: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    });
    const page = initiativesDocument.paths['/api/initiatives'].get.parameters.find((parameter: { name: string }) => parameter.name === 'page');
    expect(page.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1_000_000 });
    expect(financeDocument.components.schemas.ConfirmationDto.properties.reference).toMatchObject({ type: 'string', maxLength: 500 });
  });

  it('answers a malformed request with one line of message and each problem in details', async () => {
    const answer = await apiAs(plans.baseUrl, admin).post('/api/org-nodes', { name: '', kind: 'galaxy', surprise: true });
    expect(answer.status).toBe(400);
    expect(typeof answer.body.message).toBe('string');
    expect(answer.body.details).toEqual(expect.arrayContaining(['property surprise should not exist', 'name must be longer than or equal to 1 characters']));
    expect(answer.body.message).toBe(answer.body.details.join('; '));
  });
});
