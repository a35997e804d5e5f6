import { createEnvelope, TOPICS, type EventData, type EventType } from '@tollgate/contracts';
import { createKafka, EventConsumers } from '@tollgate/messaging';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { TEST_ENVIRONMENT, testGroup, testTopic } from '../../../../test/support/test-environment';
import { consumedPast, produceSigned } from '../../../../test/support/topic-reader';
import { PortfolioProjection } from './portfolio-projection.service';
import { PortfolioService } from './portfolio.service';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };
const controller: Person = { id: `controller-${randomUUID()}`, roles: ['controller'] };

const DAY = 86_400_000;
const TOPICS_READ = [TOPICS.initiativesEvents, TOPICS.financeEvents];
type Offsets = Record<string, { partition: number; offset: string }[]>;

type Values = { period: string; amount: number }[];
const measure = (measureId: string, plannedValues: Values, forecastValues: Values = []) => ({ measureId, name: measureId, category: 'cost', plannedValues, forecastValues });
const total = (values: Values) => values.reduce((sum, value) => sum + value.amount, 0);

/**
 * The reports of the portfolio read model, fed with hand-made initiative and
 * finance events (as the other services would send them) under a hierarchy of
 * its own; then the same events replayed into a cleared model by a fresh
 * consumer group, which must rebuild the same rows.
 */
describe('portfolio reports', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  const run = randomUUID().slice(0, 8);
  const ids = { closed: `closed-${run}`, waiting: `waiting-${run}`, rolledBack: `rolled-back-${run}`, cancelled: `cancelled-${run}`, dollars: `dollars-${run}` };
  const nodes = { organization: '', unit: '', program: '', otherUnit: '', otherProgram: '', elsewhere: '' };
  // Where each topic stood before this suite's events: the replay starts there.
  let startOffsets: Offsets;
  const lastOffsets: Offsets = {};
  let codes = 0;

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  async function node(name: string, kind: string, parentId?: string): Promise<string> {
    const answer = await as(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  async function send<T extends EventType>(type: T, subject: string, data: EventData<T>, time = new Date(), id = randomUUID()): Promise<void> {
    const owner = type.startsWith('finance.') ? 'finance' : 'initiatives';
    const topic = owner === 'finance' ? TOPICS.financeEvents : TOPICS.initiativesEvents;
    const envelope = createEnvelope({ type, source: `tollgate/${owner}`, subject, data }, id, time);
    const sent = await produceSigned(owner, topic, envelope);
    const last = (lastOffsets[topic] ??= []);
    const index = last.findIndex((position) => position.partition === sent.partition);
    if (index >= 0) last[index] = sent;
    else last.push(sent);
  }

  async function topicOffsets(): Promise<Offsets> {
    const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-admin' });
    const kafkaAdmin = kafka.admin();
    await kafkaAdmin.connect();
    try {
      const offsets: Offsets = {};
      for (const topic of TOPICS_READ) {
        offsets[topic] = (await kafkaAdmin.fetchTopicOffsets(testTopic(topic))).map(({ partition, offset }) => ({ partition, offset }));
      }
      return offsets;
    } finally {
      await kafkaAdmin.disconnect();
    }
  }

  async function consumedAll(groupId: string): Promise<void> {
    for (const [topic, positions] of Object.entries(lastOffsets)) {
      for (const position of positions) await consumedPast(groupId, topic, position);
    }
  }

  /** An initiative walked from creation to `toStage`, one gate at a time, the last step at `at`. */
  async function walk(initiativeId: string, programId: string, toStage: number, measures: ReturnType<typeof measure>[], at = new Date(), currency = 'EUR') {
    const plannedValue = measures.reduce((sum, one) => sum + total(one.plannedValues), 0);
    const forecastValue = measures.reduce((sum, one) => sum + total(one.forecastValues), 0);
    const subject = { initiativeId, programId };
    await send('initiative.created', initiativeId, {
      ...subject,
      // Short, as the initiatives service makes them: finance keeps at most 20 characters.
      code: `T${run}${(codes += 1)}`,
      title: `Initiative ${initiativeId}`,
      ownerId: `owner-${run}`,
      sponsorId: `sponsor-${run}`,
      controllerId: controller.id,
      category: 'cost',
      currency,
      stage: 0,
      status: 'on_track',
      plannedValue,
      measures,
    });
    for (let stage = 1; stage <= toStage; stage += 1) {
      await send(
        'initiative.stage-changed',
        initiativeId,
        {
          ...subject,
          fromStage: stage - 1,
          toStage: stage,
          cause: 'gate',
          gateRequestId: randomUUID(),
          decidedBy: [`sponsor-${run}`],
          comment: null,
          status: 'on_track',
          currency,
          plannedValue,
          forecastValue,
          baselineFrozen: stage >= 3,
          measures,
        },
        stage === toStage ? at : new Date(at.getTime() - DAY),
      );
    }
  }

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'] }));
    nodes.organization = await node(`Acme ${run}`, 'organization');
    nodes.unit = await node('Operations', 'business_unit', nodes.organization);
    nodes.program = await node('Logistics excellence', 'program', nodes.unit);
    nodes.otherUnit = await node('Sales', 'business_unit', nodes.organization);
    nodes.otherProgram = await node('Pricing', 'program', nodes.otherUnit);
    const sibling = await node(`Globex ${run}`, 'organization');
    nodes.elsewhere = await node('Logistics excellence', 'program', await node('Operations', 'business_unit', sibling));
    startOffsets = await topicOffsets();

    const longAgo = new Date(Date.now() - 90 * DAY);
    // Closed on confirmed value, short of its baseline.
    const carriers = measure('carriers', [{ period: '2027-01', amount: 100_000 }, { period: '2027-02', amount: 200_000 }]);
    await walk(ids.closed, nodes.program, 4, [carriers], longAgo);
    await send('initiative.forecast-updated', ids.closed, {
      initiativeId: ids.closed,
      programId: nodes.program,
      currency: 'EUR',
      forecastValue: 250_000,
      measures: [{ measureId: 'carriers', forecastValues: [{ period: '2027-01', amount: 100_000 }, { period: '2027-02', amount: 150_000 }] }],
    });
    const confirmation = (confirmationId: string, period: string, amount: number) =>
      ({ confirmationId, initiativeId: ids.closed, period, amount, currency: 'EUR', reference: `GL ${period}`, controllerId: controller.id }) as const;
    const januaryId = randomUUID();
    await send('finance.value-confirmed', ids.closed, confirmation(`GL-${run}-1`, '2027-01', 90_000), new Date(), januaryId);
    // Redelivered: the same event id again is applied once.
    await send('finance.value-confirmed', ids.closed, confirmation(`GL-${run}-1`, '2027-01', 90_000), new Date(), januaryId);
    await send('finance.value-confirmed', ids.closed, confirmation(`GL-${run}-2`, '2027-02', 150_000));
    await send('initiative.stage-changed', ids.closed, {
      initiativeId: ids.closed,
      programId: nodes.program,
      fromStage: 4,
      toStage: 5,
      cause: 'closure',
      gateRequestId: null,
      decidedBy: [],
      comment: null,
      status: 'closed',
      currency: 'EUR',
      plannedValue: 300_000,
      forecastValue: 250_000,
      baselineFrozen: true,
      measures: [{ ...carriers, forecastValues: [{ period: '2027-01', amount: 100_000 }, { period: '2027-02', amount: 150_000 }] }],
    });
    await send('initiative.closed', ids.closed, {
      initiativeId: ids.closed,
      programId: nodes.program,
      currency: 'EUR',
      plannedValue: 300_000,
      confirmedValue: 240_000,
      closedAt: '2027-03-05T09:00:00.000Z',
    });

    // Implemented 90 days ago, nothing confirmed, and on track while its forecast fell under plan.
    await walk(ids.waiting, nodes.program, 4, [measure('warehouse', [{ period: '2027-02', amount: 200_000 }], [{ period: '2027-02', amount: 150_000 }])], longAgo);

    // Revised before the baseline, implemented just now, then rolled back to stage 3.
    await walk(ids.rolledBack, nodes.otherProgram, 1, [measure('discounts', [{ period: '2027-03', amount: 100_000 }])]);
    const revised = [measure('discounts', [{ period: '2027-03', amount: 60_000 }, { period: '2027-04', amount: 60_000 }], [{ period: '2027-03', amount: 60_000 }, { period: '2027-04', amount: 60_000 }])];
    await send('initiative.plan-revised', ids.rolledBack, { initiativeId: ids.rolledBack, programId: nodes.otherProgram, controllerId: controller.id, currency: 'EUR', plannedValue: 120_000, measures: revised });
    for (const [fromStage, toStage] of [[1, 2], [2, 3], [3, 4], [4, 3]]) {
      await send('initiative.stage-changed', ids.rolledBack, {
        initiativeId: ids.rolledBack,
        programId: nodes.otherProgram,
        fromStage,
        toStage,
        cause: toStage < fromStage ? 'rollback' : 'gate',
        gateRequestId: null,
        decidedBy: ['pmo'],
        comment: null,
        status: 'on_track',
        currency: 'EUR',
        plannedValue: 120_000,
        forecastValue: 120_000,
        baselineFrozen: toStage >= 3,
        measures: revised,
      });
    }

    // Cancelled after its decision: it promises nothing any more.
    await walk(ids.cancelled, nodes.program, 4, [measure('fleet', [{ period: '2027-01', amount: 500_000 }])], longAgo);
    await send('initiative.status-changed', ids.cancelled, { initiativeId: ids.cancelled, programId: nodes.program, fromStatus: 'on_track', status: 'cancelled', reason: 'no longer needed' });

    // Another currency, and another organization: neither is in the EUR reports of Acme.
    await walk(ids.dollars, nodes.program, 4, [measure('imports', [{ period: '2027-01', amount: 70_000 }], [{ period: '2027-01', amount: 70_000 }])], longAgo, 'USD');
    await walk(`elsewhere-${run}`, nodes.elsewhere, 4, [measure('elsewhere', [{ period: '2027-01', amount: 1_000 }])], longAgo);

    await consumedAll(testGroup("plans.portfolio"));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reports benefit realization: baseline from stage 3, confirmed, the rate, and leakage of the closed ones', async () => {
    const answer = await as(viewer).get(`/api/portfolio/realization?orgNodeId=${nodes.organization}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      orgNodeId: nodes.organization,
      currency: 'EUR',
      initiatives: 3,
      baseline: 620_000,
      confirmed: 240_000,
      benefitRealizationRate: 0.3871,
      leakage: 60_000,
      closedTotal: 1,
      closed: [
        {
          initiativeId: ids.closed,
          programId: nodes.program,
          title: `Initiative ${ids.closed}`,
          ownerId: `owner-${run}`,
          sponsorId: `sponsor-${run}`,
          closedAt: '2027-03-05T09:00:00.000Z',
          baseline: 300_000,
          confirmed: 240_000,
          benefitRealizationRate: 0.8,
          leakage: 60_000,
        },
      ],
    });
    expect((await as(controller).get(`/api/portfolio/realization?orgNodeId=${nodes.otherUnit}`)).body).toMatchObject({
      initiatives: 1,
      baseline: 120_000,
      confirmed: 0,
      benefitRealizationRate: 0,
      leakage: null,
      closed: [],
    });
    expect((await as(viewer).get(`/api/portfolio/realization?orgNodeId=${nodes.program}&currency=USD`)).body).toMatchObject({ baseline: 70_000, benefitRealizationRate: 0 });
  });

  it("lists the initiatives a node's figures are made of, of one stage or all, the largest planned first", async () => {
    const all = await as(viewer).get(`/api/portfolio/initiatives?orgNodeId=${nodes.organization}`);
    expect(all.status).toBe(200);
    // Cancelled and other-currency initiatives are in no EUR figure, so they are not listed under one.
    expect(all.body.initiatives.map((row: { initiativeId: string }) => row.initiativeId)).not.toContain(ids.cancelled);
    expect(all.body.initiatives.map((row: { initiativeId: string }) => row.initiativeId)).not.toContain(ids.dollars);
    expect(all.body.total).toBe(all.body.initiatives.length);
    const planned = all.body.initiatives.map((row: { planned: number }) => row.planned);
    expect(planned).toEqual([...planned].sort((a, b) => b - a));
    const implemented = await as(viewer).get(`/api/portfolio/initiatives?orgNodeId=${nodes.organization}&stage=4`);
    expect(implemented.body).toMatchObject({ stage: 4, total: 1, initiatives: [expect.objectContaining({ initiativeId: ids.waiting, planned: 200_000, confirmed: 0 })] });
    expect((await as(viewer).get(`/api/portfolio/initiatives?orgNodeId=${nodes.organization}&stage=6`)).status).toBe(400);
  });

  it('flags phantom progress with its reasons', async () => {
    const answer = await as(viewer).get(`/api/portfolio/phantom-progress?orgNodeId=${nodes.organization}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ orgNodeId: nodes.organization, currency: 'EUR', unconfirmedAfter: 'P60D', total: 1 });
    // A page asks for the widest gaps only; the total still counts them all, and a limit must be a sensible number.
    expect((await as(viewer).get(`/api/portfolio/phantom-progress?orgNodeId=${nodes.organization}&limit=1`)).body).toMatchObject({ total: 1, initiatives: [expect.objectContaining({ initiativeId: ids.waiting })] });
    for (const limit of ['0', '1001', 'many']) {
      expect((await as(viewer).get(`/api/portfolio/phantom-progress?orgNodeId=${nodes.organization}&limit=${limit}`)).status).toBe(400);
    }
    expect(answer.body.initiatives).toEqual([
      expect.objectContaining({
        initiativeId: ids.waiting,
        stage: 4,
        status: 'on_track',
        planned: 200_000,
        forecast: 150_000,
        confirmed: 0,
        ownerId: `owner-${run}`,
        reasons: ['implemented_unconfirmed', 'on_track_forecast_under_plan'],
      }),
    ]);
    // In USD, implemented 90 days ago and unconfirmed too.
    const dollars = await as(viewer).get(`/api/portfolio/phantom-progress?orgNodeId=${nodes.unit}&currency=USD`);
    expect(dollars.body.initiatives.map((row: { initiativeId: string; reasons: string[] }) => [row.initiativeId, row.reasons])).toEqual([[ids.dollars, ['implemented_unconfirmed']]]);
  });

  it('sums planned, forecast and confirmed value per period over the subtree, every period of the range listed', async () => {
    const answer = await as(viewer).get(`/api/portfolio/values?orgNodeId=${nodes.organization}&from=2026-12&to=2027-04`);
    expect(answer).toEqual({
      status: 200,
      body: {
        orgNodeId: nodes.organization,
        currency: 'EUR',
        from: '2026-12',
        to: '2027-04',
        periods: [
          { period: '2026-12', planned: 0, forecast: 0, confirmed: 0 },
          { period: '2027-01', planned: 100_000, forecast: 100_000, confirmed: 90_000 },
          { period: '2027-02', planned: 400_000, forecast: 300_000, confirmed: 150_000 },
          { period: '2027-03', planned: 60_000, forecast: 60_000, confirmed: 0 },
          { period: '2027-04', planned: 60_000, forecast: 60_000, confirmed: 0 },
        ],
      },
    });
    const service = plans.app.get(PortfolioService);
    expect(await service.valuesByPeriod(nodes.otherUnit, 'EUR', '2027-03', '2027-03')).toEqual([{ period: '2027-03', planned: 60_000, forecast: 60_000, confirmed: 0 }]);
    // Split by stage for a stacked chart: each period's stages add up to its totals, and a period without value has none.
    const split = await as(viewer).get(`/api/portfolio/values?orgNodeId=${nodes.organization}&from=2026-12&to=2027-04&by=stage`);
    expect(split.status).toBe(200);
    for (const [index, period] of split.body.periods.entries()) {
      const sum = (key: 'planned' | 'forecast' | 'confirmed') => period.byStage.reduce((total: number, stage: Record<string, number>) => total + stage[key], 0);
      expect({ period: period.period, planned: sum('planned'), forecast: sum('forecast'), confirmed: sum('confirmed') }).toEqual(answer.body.periods[index]);
    }
    expect(split.body.periods[0].byStage).toEqual([]);
    expect(split.body.periods[1].byStage.length).toBeGreaterThan(0);
    expect((await as(viewer).get(`/api/portfolio/values?orgNodeId=${nodes.organization}&from=2026-12&to=2027-04&by=program`)).status).toBe(400);
  });

  it("walks from the node's target through the value at each DoI stage to the gap", async () => {
    const plan = await as(admin).put(`/api/org-nodes/${nodes.organization}/plan`, {
      currency: 'EUR',
      targets: [
        { period: '2027-01', amount: 400_000 },
        { period: '2027-02', amount: 300_000 },
        { period: '2027-03', amount: 200_000 },
        { period: '2027-04', amount: 100_000 },
        { period: '2027-05', amount: 999_000 },
      ],
    });
    expect(plan.status).toBe(201);
    const answer = await as(viewer).get(`/api/portfolio/waterfall?orgNodeId=${nodes.organization}&from=2027-01&to=2027-04`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ orgNodeId: nodes.organization, currency: 'EUR', from: '2027-01', to: '2027-04', targetPlanId: plan.body.id });
    // Closed counts at confirmed value (240k of its 300k), implemented and decided at plan; the cancelled and the dollars stay out.
    expect(answer.body.steps).toEqual([
      { label: 'target', amount: 1_000_000, cumulative: 1_000_000 },
      { label: 'stage 5', amount: 240_000, cumulative: 240_000 },
      { label: 'stage 4', amount: 200_000, cumulative: 440_000 },
      { label: 'stage 3', amount: 120_000, cumulative: 560_000 },
      { label: 'stage 2', amount: 0, cumulative: 560_000 },
      { label: 'stage 1', amount: 0, cumulative: 560_000 },
      { label: 'stage 0', amount: 0, cumulative: 560_000 },
      { label: 'gap', amount: 440_000, cumulative: 1_000_000 },
    ]);
    // A unit without a plan of record has no target: the gap is what it covers, negative.
    const unit = await as(viewer).get(`/api/portfolio/waterfall?orgNodeId=${nodes.otherUnit}&from=2027-01&to=2027-12`);
    expect(unit.body).toMatchObject({ targetPlanId: null, steps: expect.arrayContaining([{ label: 'gap', amount: -120_000, cumulative: 0 }]) });
    expect((await as(viewer).get(`/api/portfolio/waterfall?orgNodeId=${nodes.organization}&from=2027-01`)).status).toBe(400);
    expect((await as(viewer).get(`/api/portfolio/waterfall?orgNodeId=${randomUUID()}&from=2027-01&to=2027-02`)).status).toBe(404);
    expect((await as(null).get(`/api/portfolio/waterfall?orgNodeId=${nodes.organization}&from=2027-01&to=2027-02`)).status).toBe(401);
  });

  it('lists the initiatives under a node for other parts of the service, any currency and status', async () => {
    const rows = await plans.app.get(PortfolioService).initiativesUnder(nodes.unit);
    expect(rows.map((row) => row.initiativeId).sort()).toEqual([ids.cancelled, ids.closed, ids.dollars, ids.waiting].sort());
    expect(rows.find((row) => row.initiativeId === ids.closed)).toEqual({
      initiativeId: ids.closed,
      programId: nodes.program,
      title: `Initiative ${ids.closed}`,
      stage: 5,
      status: 'closed',
      ownerId: `owner-${run}`,
      sponsorId: `sponsor-${run}`,
      currency: 'EUR',
      planned: 300_000,
      forecast: 250_000,
      confirmed: 240_000,
      implementedAt: expect.any(String),
      closedAt: '2027-03-05T09:00:00.000Z',
      escalation: null,
      waitingGate: null,
    });
    expect(rows.find((row) => row.initiativeId === ids.cancelled)?.status).toBe('cancelled');

    // An escalation brings its late milestone and rung into the portfolio (what is off plan shows them), until the initiative is back on track.
    const dollarsRow = () => plans.app.get(PortfolioService).initiativesUnder(nodes.unit).then((listed) => listed.find((row) => row.initiativeId === ids.dollars)!);
    const late = { milestoneId: `m-${run}`, title: 'Customs broker signed', dueDate: '2027-01-15', level: 2 };
    await send('initiative.escalated', ids.dollars, { initiativeId: ids.dollars, programId: nodes.program, ...late, audience: 'sponsor', notify: `sponsor-${run}`, status: 'escalated' });
    expect(await eventually(dollarsRow, (row) => row.escalation !== null, { what: 'the escalation to reach the portfolio' })).toMatchObject({ status: 'escalated', escalation: late });
    await send('initiative.status-changed', ids.dollars, { initiativeId: ids.dollars, programId: nodes.program, fromStatus: 'escalated', status: 'on_track', reason: null });
    expect(await eventually(dollarsRow, (row) => row.status === 'on_track', { what: 'the initiative to be back on track' })).toMatchObject({ escalation: null });
    const [rolledBack] = await plans.app.get(PortfolioService).initiativesUnder(nodes.otherProgram);
    expect(rolledBack).toMatchObject({ initiativeId: ids.rolledBack, stage: 3, implementedAt: null, planned: 120_000 });

    // A gate request waiting for its keys longer than the policy (ten days) is off plan, owed by the sponsor, until a decision ends the wait.
    const gate = { gateRequestId: `gate-${run}`, targetStage: 4, keys: [['sponsor' as const, 'pmo' as const]] };
    const submittedAt = new Date(Date.now() - 15 * 86_400_000).toISOString();
    await send('initiative.gate-requested', ids.rolledBack, {
      initiativeId: ids.rolledBack,
      programId: nodes.otherProgram,
      ...gate,
      submittedBy: `owner-${run}`,
      submittedAt,
      sponsorId: `sponsor-${run}`,
      controllerId: null,
    });
    const waitingGates = async () =>
      ((await as(viewer).get(`/api/org-nodes/${nodes.otherProgram}/off-plan?period=2027-03`)).body.exceptions as { kind: string }[]).filter((exception) => exception.kind === 'gate_request_waiting');
    expect(await eventually(waitingGates, (listed) => listed.length > 0, { what: 'the waiting gate request to be off plan' })).toEqual([
      expect.objectContaining({
        subject: ids.rolledBack,
        ownerId: `sponsor-${run}`,
        valueAtRisk: 120_000,
        figures: { gateRequest: { ...gate, submittedAt, daysWaiting: 15 } },
      }),
    ]);
    await send('initiative.gate-rejected', ids.rolledBack, { initiativeId: ids.rolledBack, programId: nodes.otherProgram, gateRequestId: gate.gateRequestId, targetStage: 4, rejectedBy: `sponsor-${run}`, reason: 'not yet' });
    expect(await eventually(waitingGates, (listed) => listed.length === 0, { what: 'the rejected gate request to leave what is off plan' })).toEqual([]);
    // A gate that takes two keys: once the sponsor gave theirs, it waits for the controller's, and the controller owes it.
    const twoKeys = { gateRequestId: `gate-two-${run}`, targetStage: 3, keys: [['sponsor' as const], ['controller' as const]] };
    await send('initiative.gate-requested', ids.rolledBack, { initiativeId: ids.rolledBack, programId: nodes.otherProgram, ...twoKeys, submittedBy: `owner-${run}`, submittedAt, sponsorId: `sponsor-${run}`, controllerId: controller.id });
    await send('initiative.gate-key-given', ids.rolledBack, { initiativeId: ids.rolledBack, programId: nodes.otherProgram, gateRequestId: twoKeys.gateRequestId, targetStage: 3, key: 'sponsor', givenBy: `sponsor-${run}`, keysLeft: [['controller']] });
    expect(await eventually(waitingGates, (listed) => listed.length > 0 && (listed[0] as { ownerId?: string }).ownerId === controller.id, { what: 'the gate owed by the controller' })).toEqual([
      expect.objectContaining({ subject: ids.rolledBack, ownerId: controller.id, figures: { gateRequest: { gateRequestId: twoKeys.gateRequestId, targetStage: 3, keys: [['controller']], submittedAt, daysWaiting: 15 } } }),
    ]);
    await send('initiative.gate-rejected', ids.rolledBack, { initiativeId: ids.rolledBack, programId: nodes.otherProgram, gateRequestId: twoKeys.gateRequestId, targetStage: 3, rejectedBy: controller.id, reason: 'not yet' });
    expect(await eventually(waitingGates, (listed) => listed.length === 0, { what: 'the second gate request to leave what is off plan' })).toEqual([]);
    // The summary keeps its shape and its figures.
    expect((await as(viewer).get(`/api/portfolio/summary?orgNodeId=${nodes.organization}`)).body.total).toEqual({
      count: 3,
      planned: 620_000,
      forecast: 520_000,
      confirmed: 240_000,
    });
  });

  it("answers the report routes' errors: 400, 401, 404", async () => {
    const routes = ['realization', 'phantom-progress', 'values'];
    const range = '&from=2027-01&to=2027-12';
    for (const route of routes) {
      const extra = route === 'values' ? range : '';
      expect((await as(null).get(`/api/portfolio/${route}?orgNodeId=${nodes.organization}${extra}`)).status).toBe(401);
      expect((await as(viewer).get(`/api/portfolio/${route}?${extra.slice(1)}`)).status).toBe(400);
      expect((await as(viewer).get(`/api/portfolio/${route}?orgNodeId=${nodes.organization}&currency=euro${extra}`)).status).toBe(400);
      expect((await as(viewer).get(`/api/portfolio/${route}?orgNodeId=${randomUUID()}${extra}`)).status).toBe(404);
      expect((await as(viewer).get(`/api/portfolio/${route}?orgNodeId=not-a-node${extra}`)).status).toBe(404);
    }
    const values = (query: string) => as(viewer).get(`/api/portfolio/values?orgNodeId=${nodes.organization}${query}`);
    expect((await values('&from=2027-01')).status).toBe(400);
    expect((await values('&from=2027-13&to=2027-12')).status).toBe(400);
    expect(await values('&from=2027-12&to=2027-01')).toMatchObject({ status: 400, body: { message: 'the period range is malformed: from must not come after to' } });
    expect((await values('&from=2000-01&to=2027-01')).status).toBe(400);
    expect((await values('&from=2027-01&to=2027-01&from=2027-02')).status).toBe(400);
  });

  it('documents the report routes in OpenAPI', async () => {
    const document = (await fetch(`${plans.baseUrl}/api/docs-json`).then((response) => response.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/portfolio/summary', '/api/portfolio/realization', '/api/portfolio/phantom-progress', '/api/portfolio/values']),
    );
  });

  it('rebuilds the same rows when the same events are replayed into a cleared model', async () => {
    const mine = Object.values(ids).concat(`elsewhere-${run}`);
    const suitePrograms = (await plans.dataSource.query(`SELECT DISTINCT program_id FROM plans.portfolio_initiative WHERE initiative_id = ANY($1)`, [mine])).map((row: { program_id: string }) => row.program_id);
    const snapshot = async () => ({
      initiatives: await plans.dataSource.query(`SELECT * FROM plans.portfolio_initiative WHERE initiative_id = ANY($1) ORDER BY initiative_id`, [mine]),
      periods: await plans.dataSource.query(`SELECT * FROM plans.portfolio_period_value WHERE initiative_id = ANY($1) ORDER BY initiative_id, period`, [mine]),
      confirmations: await plans.dataSource.query(`SELECT * FROM plans.portfolio_confirmation WHERE initiative_id = ANY($1) ORDER BY confirmation_id`, [mine]),
      measures: await plans.dataSource.query(`SELECT * FROM plans.portfolio_measure WHERE initiative_id = ANY($1) ORDER BY initiative_id, measure_id`, [mine]),
      totals: await plans.dataSource.query(`SELECT * FROM plans.portfolio_value_total WHERE program_id = ANY($1) AND (planned <> 0 OR forecast <> 0 OR confirmed <> 0) ORDER BY program_id, currency, stage, period`, [suitePrograms]),
    });
    const live = await snapshot();
    expect(live.initiatives).toHaveLength(6);
    expect(live.periods.length).toBeGreaterThan(0);
    expect(live.confirmations).toHaveLength(2);
    // Each measure by name with its latest forecast: the forecast update named the measure, not its name, and moved February.
    expect(live.measures.filter((row: { initiative_id: string }) => row.initiative_id === ids.closed)).toEqual([
      {
        initiative_id: ids.closed,
        measure_id: 'carriers',
        name: 'carriers',
        forecast_values: [
          { period: '2027-01', amount: 100_000 },
          { period: '2027-02', amount: 150_000 },
        ],
      },
    ]);
    // The per-program totals sum exactly the rows they stand for.
    const summed = await plans.dataSource.query(
      `SELECT initiative.program_id, initiative.currency, initiative.stage, value.period, SUM(value.planned)::bigint AS planned
         FROM plans.portfolio_period_value value JOIN plans.portfolio_initiative initiative USING (initiative_id)
        WHERE initiative.program_id = ANY($1) AND initiative.status <> 'cancelled' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [suitePrograms],
    );
    expect(live.totals.filter((row: { planned: string }) => Number(row.planned) !== 0).map((row: Record<string, unknown>) => [row.program_id, row.currency, row.stage, row.period, String(row.planned)])).toEqual(
      summed.map((row: Record<string, unknown>) => [row.program_id, row.currency, row.stage, row.period, String(row.planned)]),
    );

    // Cleared: this suite's rows only, so that other suites on the same database keep theirs.
    for (const table of ['portfolio_initiative', 'portfolio_period_value', 'portfolio_confirmation', 'portfolio_measure']) {
      await plans.dataSource.query(`DELETE FROM plans.${table} WHERE initiative_id = ANY($1)`, [mine]);
    }
    await plans.dataSource.query(`DELETE FROM plans.portfolio_value_total WHERE program_id = ANY($1)`, [suitePrograms]);
    // A fresh group, set to where this suite's events begin, applies them again through the projection's own consumer.
    const groupId = testGroup(`plans.portfolio-replay-${run}`);
    const kafkaAdmin = plans.app.get(Kafka).admin();
    await kafkaAdmin.connect();
    const replay = plans.app.get(EventConsumers).create(plans.app.get(PortfolioProjection).consumerOptions(groupId));
    try {
      for (const topic of TOPICS_READ) await kafkaAdmin.setOffsets({ groupId, topic: testTopic(topic), partitions: startOffsets[topic] });
      replay.start();
      await replay.whenRunning();
      await consumedAll(groupId);
      expect(await snapshot()).toEqual(live);
    } finally {
      await replay.stop();
      await kafkaAdmin.deleteGroups([groupId]).catch(() => undefined);
      await kafkaAdmin.disconnect();
      await plans.dataSource.query(`DELETE FROM plans.applied_event WHERE consumer_group = $1`, [groupId]);
    }
  });
});
