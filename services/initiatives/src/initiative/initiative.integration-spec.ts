import { OutboxMessage } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { announceProgram } from '../../../../test/support/org-nodes';
import { startInitiativesStack } from '../../../../test/support/test-stack';
import type { RunningService } from '../../../../test/support/running-service';
import type { RunningWorkflowWorker } from '../../../../test/support/workflow-worker';

const owner: Person = { id: `owner-${randomUUID()}`, roles: ['owner'] };
const sponsor: Person = { id: `sponsor-${randomUUID()}`, roles: ['sponsor'] };
const controller: Person = { id: `controller-${randomUUID()}`, roles: ['controller'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// The initiatives API against the real stack: PostgreSQL, Kafka, Temporal,
// and the workflow worker from the built bundle. Every route, and its errors.
describe('initiatives API', () => {
  let service: RunningService;
  let worker: RunningWorkflowWorker;
  let programId: string;

  beforeAll(async () => {
    ({ service, worker, programId } = await startInitiativesStack());
  });

  afterAll(async () => {
    await worker?.stop();
    await service?.close();
  });

  const as = (person: Person | null) => apiAs(service.baseUrl, person);
  const dueIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  function body(overrides: Record<string, unknown> = {}) {
    return {
      title: `Consolidate freight carriers ${randomUUID().slice(0, 8)}`,
      programId,
      ownerId: owner.id,
      sponsorId: sponsor.id,
      controllerId: controller.id,
      category: 'cost',
      measures: [{ name: 'Carrier rates', category: 'procurement', plannedValues: [{ period: '2027-03', amount: 250_000 }] }],
      oneTimeCosts: [{ period: '2027-01', amount: 40_000 }],
      milestones: [{ title: 'Tender sent', dueDate: dueIn(30) }],
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown> = {}): Promise<string> {
    const answer = await as(owner).post('/api/initiatives', body(overrides));
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  /** The value of a Prometheus sample whose labels include `labels`, 0 when there is none. */
  function sampleOf(metrics: string, name: string, labels: Record<string, string>): number {
    const line = metrics
      .split('\n')
      .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
    return line ? Number(line.split(' ').at(-1)) : 0;
  }

  const evidence = { text: 'business case reviewed with finance', links: ['https://wiki.example/case'] };

  async function passGate(id: string, targetStage: number, ...deciders: Person[]): Promise<void> {
    const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage, evidence });
    expect(request.status).toBe(201);
    for (const decider of deciders) {
      const decision = await as(decider).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true, comment: 'ok' });
      expect(decision.status).toBe(200);
    }
  }

  describe('POST /api/initiatives', () => {
    it('defines an initiative at stage 0, starts its lifecycle, and announces it', async () => {
      const answer = await as(owner).post('/api/initiatives', body());
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: expect.stringMatching(/^INI-\d{5}$/),
        stage: 0,
        status: 'on_track',
        workflowId: `initiative-${answer.body.id}`,
      });
      const event = await service.dataSource.getRepository(OutboxMessage).findOneByOrFail({ messageKey: answer.body.id, type: 'initiative.created' });
      expect(event.envelope).toMatchObject({ subject: answer.body.id, source: 'tollgate/initiatives', data: { programId, plannedValue: 250_000 } });
    });

    it('lets a PMO user define one for someone else, but not an owner', async () => {
      expect((await as(pmo).post('/api/initiatives', body())).status).toBe(201);
      const other = await as({ id: `owner-${randomUUID()}`, roles: ['owner'] }).post('/api/initiatives', body());
      expect(other).toEqual({
        status: 403,
        body: expect.objectContaining({ statusCode: 403, error: 'Forbidden', message: "creating an initiative for someone else requires the role 'pmo'" }),
      });
      expect((await as(viewer).post('/api/initiatives', body({ ownerId: viewer.id }))).status).toBe(403);
    });

    it('answers 401 without a valid token', async () => {
      expect((await as(null).post('/api/initiatives', body())).status).toBe(401);
      const forged = await fetch(`${service.baseUrl}/api/initiatives`, { headers: { authorization: 'Bearer not.a.token' } });
      expect(forged.status).toBe(401);
    });

    it('answers 400 for a malformed body, naming the fields', async () => {
      const answer = await as(owner).post('/api/initiatives', { ...body(), title: '', measures: 'none', surprise: true });
      expect(answer.status).toBe(400);
      const named = ['title must be longer than or equal to 1 characters', 'measures must be an array', 'property surprise should not exist'];
      // One line to read, and each problem on its own in `details`.
      expect(answer.body.details).toEqual(expect.arrayContaining(named));
      for (const problem of named) expect(answer.body.message).toContain(problem);
      const broken = await as(owner).post('/api/initiatives', '{"title": ');
      expect(broken.status).toBe(400);
    });

    it('answers 422 under an unknown program, and for broken separation of duties', async () => {
      const unknown = await as(owner).post('/api/initiatives', body({ programId: 'program-nobody-created' }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toContain('program program-nobody-created is not known');
      const sameParty = await as(owner).post('/api/initiatives', body({ sponsorId: owner.id, controllerId: sponsor.id }));
      expect(sameParty.status).toBe(422);
      expect(sameParty.body.unmet).toEqual(['the sponsor must not be the owner']);
    });

    it('applies a retried create with the same Idempotency-Key once', async () => {
      const key = randomUUID();
      const first = await as(owner).post('/api/initiatives', body(), { 'idempotency-key': key });
      const again = await as(owner).post('/api/initiatives', body(), { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await service.dataSource.getRepository(OutboxMessage).countBy({ messageKey: first.body.id, type: 'initiative.created' })).toBe(1);

      // Even once the lifecycle has ended, the key names that initiative and starts no second one.
      expect((await as(sponsor).post(`/api/initiatives/${first.body.id}/cancel`, { reason: 'duplicate effort' })).status).toBe(200);
      const late = await as(owner).post('/api/initiatives', body(), { 'idempotency-key': key });
      expect(late).toEqual({ status: 200, body: { ...first.body, status: 'cancelled' } });
    });
  });

  describe('GET /api/initiatives/:id and the page of initiatives', () => {
    it('answers 409 for a revision beyond the initiative\'s, never an older revision as if it were the one asked for', async () => {
      const id = await create();
      const head = (await as(viewer).get(`/api/initiatives/${id}`)).body.revision;
      expect((await as(viewer).get(`/api/initiatives/${id}?minRevision=${head}`)).body.revision).toBe(head);
      for (const route of [`/api/initiatives/${id}`, `/api/initiatives/${id}/audit`]) {
        expect(await as(viewer).get(`${route}?minRevision=${head + 5}`)).toMatchObject({
          status: 409,
          body: { code: 'revision_not_reached', message: `initiative ${id} is at revision ${head}: revision ${head + 5} was not reached within the read's wait; ask again, or without minRevision` },
        });
      }
    });

    it('shows the initiative with measures, milestones, gates, closure and values apart', async () => {
      const id = await create();
      const answer = await as(viewer).get(`/api/initiatives/${id}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id,
        stage: 0,
        status: 'on_track',
        ownerId: owner.id,
        sponsorId: sponsor.id,
        controllerId: controller.id,
        measures: [{ id: expect.any(String), name: 'Carrier rates', plannedValues: [{ period: '2027-03', amount: 250_000 }] }],
        milestones: [{ id: expect.any(String), title: 'Tender sent', completedAt: null }],
        gates: [],
        closure: { state: 'none' },
        plannedValue: 250_000,
        confirmedValue: 0,
        escalation: null,
      });
    });

    it('answers 404 for an unknown id, whatever its shape', async () => {
      expect((await as(viewer).get(`/api/initiatives/${randomUUID()}`)).status).toBe(404);
      expect((await as(viewer).get('/api/initiatives/not-a-uuid')).body).toMatchObject({ statusCode: 404, message: 'initiative not-a-uuid not found' });
    });

    it('filters by program, stage and status, a page at a time', async () => {
      const otherProgram = await announceProgram(service.dataSource, 'Procurement');
      const first = await create({ programId: otherProgram });
      const second = await create({ programId: otherProgram });
      await passGate(second, 1, sponsor);

      const all = await as(viewer).get(`/api/initiatives?programId=${otherProgram}`);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      const atOne = await as(viewer).get(`/api/initiatives?programId=${otherProgram}&stage=1&status=on_track`);
      expect(atOne.body.items.map((item: { id: string }) => item.id)).toEqual([second]);
      const paged = await as(viewer).get(`/api/initiatives?programId=${otherProgram}&pageSize=1&page=2`);
      expect(paged.body.items.map((item: { id: string }) => item.id)).toEqual([first]);
      expect((await as(viewer).get('/api/initiatives?stage=9')).status).toBe(400);
      expect((await as(viewer).get('/api/initiatives?status=sleeping')).status).toBe(400);
    });
  });

  describe('gates', () => {
    it('opens stage 1 on the sponsor decision, and refuses the wrong people and orders', async () => {
      const id = await create();
      expect((await as(sponsor).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence })).status).toBe(403);
      expect((await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 2, evidence })).status).toBe(409);
      expect((await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 'one', evidence })).status).toBe(400);
      expect((await as(owner).post(`/api/initiatives/${randomUUID()}/gate-requests`, { targetStage: 1, evidence })).status).toBe(404);

      const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence });
      expect(request.status).toBe(201);
      expect(request.body).toMatchObject({ id: expect.any(String), state: 'pending', targetStage: 1, stage: 0, missingKeys: ["the initiative's sponsor"] });
      const decisionPath = `/api/initiatives/${id}/gate-requests/${request.body.id}/decision`;

      expect(await as(pmo).post(decisionPath, { approve: true })).toMatchObject({
        status: 403,
        body: { message: "deciding the gate to stage 1 (Identified) requires the initiative's sponsor" },
      });
      expect(await as(sponsor).post(decisionPath, { approve: false })).toMatchObject({
        status: 422,
        body: { message: 'rejecting a gate request needs a reason in comment' },
      });
      expect((await as(sponsor).post(decisionPath, { approve: 'yes' })).status).toBe(400);
      expect((await as(sponsor).post(`/api/initiatives/${id}/gate-requests/${randomUUID()}/decision`, { approve: true })).status).toBe(404);

      const decided = await as(sponsor).post(decisionPath, { approve: true, comment: 'good case' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ state: 'approved', stage: 1 });
      expect((await as(sponsor).post(decisionPath, { approve: true })).status).toBe(409);
      expect((await as(viewer).get(`/api/initiatives/${id}`)).body).toMatchObject({ stage: 1, gates: [{ id: request.body.id, state: 'approved' }] });
    });

    it('answers 422 naming every unmet criterion, including a duplicate title in the program', async () => {
      const title = `Duplicate ${randomUUID().slice(0, 8)}`;
      await create({ title });
      const id = await create({ title: ` ${title.toUpperCase()} `, controllerId: null, measures: [], roughValue: 100_000 });
      const answer = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence: { text: '' } });
      expect(answer.status).toBe(422);
      expect(answer.body.unmet).toEqual([
        'a controller must be named',
        'at least one measure is needed',
        expect.stringMatching(/^another open initiative in the program has the title .* \(INI-\d{5}\)$/),
        'the request needs evidence: a statement of what was done',
      ]);
    });

    it('records a rejection with its reason and keeps the stage', async () => {
      const id = await create();
      const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence });
      const rejected = await as(sponsor).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, {
        approve: false,
        comment: 'the volumes are from 2024',
      });
      expect(rejected.body).toMatchObject({ state: 'rejected', stage: 0, rejection: { by: sponsor.id, reason: 'the volumes are from 2024' } });
    });
  });

  describe('milestones, plan, forecast and side moves', () => {
    it('completes a milestone with evidence, once, by the owner', async () => {
      const id = await create();
      const [milestone] = (await as(viewer).get(`/api/initiatives/${id}`)).body.milestones;
      const path = `/api/initiatives/${id}/milestones/${milestone.id}/complete`;
      expect((await as(sponsor).post(path, { evidence })).status).toBe(403);
      expect((await as(owner).post(path, {})).status).toBe(400);
      expect((await as(owner).post(`/api/initiatives/${id}/milestones/nope/complete`, { evidence })).status).toBe(404);
      const done = await as(owner).post(path, { evidence });
      expect(done.status).toBe(200);
      expect(done.body.milestone).toMatchObject({ completedBy: owner.id, evidence: { text: evidence.text } });
      expect((await as(owner).post(path, { evidence })).status).toBe(409);
    });

    it('lets the sponsor re-plan a milestone with a reason', async () => {
      const id = await create();
      const [milestone] = (await as(viewer).get(`/api/initiatives/${id}`)).body.milestones;
      const path = `/api/initiatives/${id}/milestones/${milestone.id}/replan`;
      expect((await as(owner).post(path, { dueDate: dueIn(60), reason: 'later' })).status).toBe(403);
      expect((await as(sponsor).post(path, { dueDate: '2020-01-01', reason: 'x' })).status).toBe(422);
      const moved = await as(sponsor).post(path, { dueDate: dueIn(60), reason: 'carriers asked for time' });
      expect(moved.status).toBe(200);
      expect(moved.body.milestone.dueDate).toBe(dueIn(60));
    });

    it('revises the plan before stage 3 and freezes it from then on; the forecast moves beside it', async () => {
      const id = await create();
      const revised = await as(owner).patch(`/api/initiatives/${id}`, {
        measures: [{ name: 'Carrier rates', category: 'procurement', plannedValues: [{ period: '2027-03', amount: 300_000 }] }],
      });
      expect(revised.status).toBe(200);
      expect(revised.body.plannedValue).toBe(300_000);
      await passGate(id, 1, sponsor);
      await passGate(id, 2, pmo);
      await passGate(id, 3, sponsor, controller);
      const frozen = await as(owner).patch(`/api/initiatives/${id}`, { oneTimeCosts: [] });
      expect(frozen.status).toBe(409);
      expect(frozen.body.message).toContain('frozen from stage 3');

      const measureId = revised.body.measures[0].id;
      const forecast = await as(owner).put(`/api/initiatives/${id}/forecast`, {
        measures: [{ measureId, forecastValues: [{ period: '2027-03', amount: 270_000 }] }],
      });
      expect(forecast.status).toBe(200);
      expect(forecast.body).toMatchObject({ stage: 3, plannedValue: 300_000, forecastValue: 270_000 });
      expect((await as(owner).put(`/api/initiatives/${id}/forecast`, { measures: [{ measureId: 'nope', forecastValues: [] }] })).status).toBe(422);
    });

    it('holds, resumes, rolls back and cancels, each with a reason and by the right person', async () => {
      const id = await create();
      await passGate(id, 1, sponsor);
      expect((await as(owner).post(`/api/initiatives/${id}/hold`, { reason: 'x' })).status).toBe(403);
      expect((await as(sponsor).post(`/api/initiatives/${id}/hold`, { reason: '' })).status).toBe(422);
      expect((await as(sponsor).post(`/api/initiatives/${id}/hold`, {})).status).toBe(400);
      expect((await as(sponsor).post(`/api/initiatives/${id}/hold`, { reason: 'budget freeze' })).body).toMatchObject({ status: 'on_hold' });
      expect((await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 2, evidence })).status).toBe(409);
      expect((await as(sponsor).post(`/api/initiatives/${id}/resume`, { reason: 'released' })).body).toMatchObject({ status: 'on_track' });
      expect((await as(sponsor).post(`/api/initiatives/${id}/rollback`, { reason: 'x' })).status).toBe(403);
      expect((await as(pmo).post(`/api/initiatives/${id}/rollback`, { reason: 'case was thin' })).body).toMatchObject({ stage: 0 });
      expect((await as(sponsor).post(`/api/initiatives/${id}/cancel`, { reason: 'market changed' })).body).toMatchObject({ status: 'cancelled' });
      expect((await as(sponsor).post(`/api/initiatives/${id}/hold`, { reason: 'again' })).status).toBe(409);
      expect((await as(owner).post(`/api/initiatives/${id}/closure`)).status).toBe(409);

      const trail = await as(viewer).get(`/api/initiatives/${id}/audit`);
      expect(trail.body.map((entry: { action: string }) => entry.action)).toEqual([
        'created',
        'gate_requested',
        'gate_approved',
        'stage_changed',
        'held',
        'resumed',
        'rolled_back',
        'cancelled',
      ]);
      expect(trail.body[4]).toMatchObject({ actorId: sponsor.id, reason: 'budget freeze' });
    });

    it('counts projected changes and refused commands in /metrics, and refusals by what they answered', async () => {
      // Counted from a reading taken just before: earlier tests raised these counters too.
      const samples = async () => {
        const metrics = await (await fetch(`${service.baseUrl}/metrics`)).text();
        return {
          created: sampleOf(metrics, 'tollgate_initiative_changes_total', { action: 'created' }),
          refused: sampleOf(metrics, 'tollgate_initiative_refusals_total', { kind: 'unprocessable' }),
          holds422: sampleOf(metrics, 'tollgate_http_request_duration_seconds_count', { route: '/api/initiatives/:id/hold', status: '422' }),
          holds500: sampleOf(metrics, 'tollgate_http_request_duration_seconds_count', { route: '/api/initiatives/:id/hold', status: '500' }),
        };
      };
      const before = await samples();
      const id = await create();
      expect((await as(sponsor).post(`/api/initiatives/${id}/hold`, { reason: '' })).status).toBe(422);
      expect(await samples()).toEqual({ created: before.created + 1, refused: before.refused + 1, holds422: before.holds422 + 1, holds500: 0 });
    });

    it('documents every route and its error answers in the OpenAPI document', async () => {
      const document = (await as(viewer).get('/api/docs-json')).body;
      const gateRequests = document.paths['/api/initiatives/{id}/gate-requests'].post;
      expect(Object.keys(gateRequests.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422', '503']));
      expect(document.components.schemas.ErrorAnswerBody.properties).toHaveProperty('unmet');
      expect(document.components.schemas.GateRequestDto.required).toEqual(['targetStage', 'evidence']);
    });

    it('refuses closure before stage 4', async () => {
      const id = await create();
      const answer = await as(owner).post(`/api/initiatives/${id}/closure`);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain('closure can be requested from stage 4');
    });
  });
});
