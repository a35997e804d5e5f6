import { createEnvelope, DEAD_LETTER_HEADERS, deadLetterTopic, FINANCE_SIGNATURE_HEADER, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { startInitiativesStack, startTestStack, type InitiativesStack } from '../../../../test/support/test-stack';
import { initiativeAtStage4, initiativePeople, type InitiativePeople } from '../../../../test/support/initiative-walk';
import type { RunningService } from '../../../../test/support/running-service';
import { TEST_ENVIRONMENT, testGroup } from '../../../../test/support/test-environment';
import { findMessage, produceRaw, produceRawTogether } from '../../../../test/support/topic-reader';
import { startWorkflowWorker } from '../../../../test/support/workflow-worker';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../config/finance.config';
import { Confirmation } from './confirmation.entity';
import { signWithHmac } from '@tollgate/messaging';

// Confirmations from people (REST) and from finance systems (signed Kafka
// messages), against the real stack, closing real lifecycle workflows.
describe('finance confirmations', () => {
  let stack: InitiativesStack;
  let finance: RunningService;
  let stopFinance: (() => Promise<void>) | undefined;
  let people: InitiativePeople;

  beforeAll(async () => {
    [stack, { finance, stop: stopFinance }] = await Promise.all([startInitiativesStack(), startTestStack({ services: ['finance'] })]);
    people = initiativePeople();
  });

  afterAll(async () => {
    await stack?.worker.stop();
    await Promise.all([stack?.service.close(), stopFinance?.()]);
  });

  const initiatives = (person: Person) => apiAs(stack.service.baseUrl, person);
  const financeAs = (person: Person | null) => apiAs(finance.baseUrl, person);

  /** An initiative at stage 4 with closure pending, once finance has learned of it. */
  async function pendingInitiative(): Promise<string> {
    const id = await initiativeAtStage4(stack.service.baseUrl, stack.programId, people);
    await eventually(
      () => financeAs(people.controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation',
      // The first time, finance may still be reading the initiatives topic from its beginning.
      { what: 'finance to learn of the pending closure', timeoutMs: 300_000, intervalMs: 250 },
    );
    return id;
  }

  const stageOf = async (id: string) => (await initiatives(people.owner).get(`/api/initiatives/${id}`)).body;
  const closed = (id: string) => eventually(() => stageOf(id), (initiative) => initiative.stage === 5, { what: `initiative ${id} to close` });

  function confirmationBody(initiativeId: string, overrides: Record<string, unknown> = {}) {
    return { confirmationId: `conf-${randomUUID()}`, initiativeId, period: '2027-03', amount: 240_000, currency: 'EUR', reference: 'GL 2027-03', ...overrides };
  }

  function signedEnvelope(data: Record<string, unknown>) {
    const envelope = createEnvelope(
      { type: 'finance.value-confirmed', source: 'erp/sap-fi', subject: String(data.initiativeId), data: data as never },
      randomUUID(),
      new Date(),
    );
    const bytes = JSON.stringify(envelope);
    return { envelope, bytes, signature: signWithHmac(bytes, DEVELOPMENT_FINANCE_HMAC_SECRET) };
  }

  async function deadLetterFor(key: string) {
    const letter = await findMessage(
      deadLetterTopic(TOPICS.financeValueConfirmations),
      (message) => message.key?.toString() === key && message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === testGroup('finance.inbound-confirmations'),
    );
    return letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString();
  }

  it('a controller confirms over REST: the initiative closes, and a replay answers the first result, counted once', async () => {
    const id = await pendingInitiative();
    const body = confirmationBody(id);
    const first = await financeAs(people.controller).post('/api/confirmations', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...body, controllerId: people.controller.id, source: 'api' });
    const again = await financeAs(people.controller).post('/api/confirmations', body);
    expect(again).toEqual({ status: 200, body: first.body });

    expect(await closed(id)).toMatchObject({ status: 'closed', closure: { state: 'closed' }, confirmedValue: 240_000 });
    const ledger = (await financeAs(people.controller).get(`/api/initiatives/${id}/ledger`)).body;
    expect(ledger).toMatchObject({
      initiativeId: id,
      currency: 'EUR',
      periods: [{ period: '2027-03', planned: 250_000, forecast: 250_000, confirmed: 240_000 }],
      totals: { planned: 250_000, forecast: 250_000, confirmed: 240_000 },
    });
    await eventually(
      () => financeAs(people.controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.body.closure.state === 'closed',
      { what: 'finance to learn of the closure' },
    );
    expect((await financeAs(people.controller).get(`/api/initiatives/${id}/ledger`)).body.realization).toEqual({
      baseline: 250_000,
      confirmed: 240_000,
      realizationRate: 0.96,
      leakage: 10_000,
      awaitingConfirmation: false,
    });
    // The confirmed value is made of this confirmation, listed once, delivered to the lifecycle.
    const listed = await eventually(
      () => financeAs({ id: 'viewer', roles: ['viewer'] }).get(`/api/initiatives/${id}/confirmations`),
      (answer) => answer.body.confirmations?.[0]?.delivery?.state === 'delivered',
      { what: 'the confirmation to show as delivered' },
    );
    expect(listed.body.confirmations).toEqual([expect.objectContaining({ ...body, controllerId: people.controller.id, source: 'api', delivery: expect.objectContaining({ state: 'delivered' }) })]);
  });

  it("answers every route's errors: 400, 401, 403, 404, 409, 422", async () => {
    const id = await pendingInitiative();
    expect((await financeAs(null).post('/api/confirmations', confirmationBody(id))).status).toBe(401);
    expect(await financeAs(people.owner).post('/api/confirmations', confirmationBody(id))).toMatchObject({
      status: 403,
      body: { message: "This action requires the role 'controller'" },
    });
    const sponsorAsController = { id: people.sponsor.id, roles: ['controller'] } as Person;
    expect(await financeAs(sponsorAsController).post('/api/confirmations', confirmationBody(id))).toMatchObject({
      status: 403,
      body: { message: 'confirming value requires a controller who neither owns nor sponsors the initiative' },
    });
    expect((await financeAs(people.controller).post('/api/confirmations', confirmationBody(id, { amount: 1.5, period: '2027-3' }))).status).toBe(400);
    expect((await financeAs(people.controller).post('/api/confirmations', confirmationBody(`unknown-${randomUUID()}`))).status).toBe(404);
    expect(await financeAs(people.controller).post('/api/confirmations', confirmationBody(id, { currency: 'USD' }))).toMatchObject({
      status: 422,
      body: { message: "the confirmation is in USD; the initiative's values are in EUR" },
    });
    const body = confirmationBody(id);
    await financeAs(people.controller).post('/api/confirmations', body);
    expect((await financeAs(people.controller).post('/api/confirmations', { ...body, amount: 1 })).status).toBe(409);
    await closed(id);
    await eventually(
      () => financeAs(people.controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.body.closure.state === 'closed',
      { what: 'finance to learn of the closure' },
    );
    expect((await financeAs(people.controller).post('/api/closure-rejections', { rejectionId: randomUUID(), initiativeId: id, reason: 'late' })).status).toBe(409);
    expect((await financeAs(people.controller).get(`/api/initiatives/${randomUUID()}/ledger`)).status).toBe(404);
    expect((await financeAs(people.controller).get('/api/ledger?from=2027-13&to=2027-01')).status).toBe(400);
  });

  it("a controller's rejection ends the pending closure with its reason", async () => {
    const id = await pendingInitiative();
    const rejected = await financeAs(people.controller).post('/api/closure-rejections', {
      rejectionId: `rej-${randomUUID()}`,
      initiativeId: id,
      reason: 'the March ledger shows no freight savings',
    });
    expect(rejected.status).toBe(201);
    const initiative = await eventually(() => stageOf(id), (found) => found.closure.state === 'rejected', { what: 'the closure to be rejected' });
    expect(initiative).toMatchObject({ stage: 4, closure: { state: 'rejected', reason: 'the March ledger shows no freight savings' } });
  });

  it('a signed confirmation on Kafka closes a pending initiative, applied once however often it arrives', async () => {
    const id = await pendingInitiative();
    const data = { ...confirmationBody(id), controllerId: people.controller.id };
    const { bytes, signature } = signedEnvelope(data);
    await produceRaw(TOPICS.financeValueConfirmations, id, bytes, { [FINANCE_SIGNATURE_HEADER]: signature });
    await produceRaw(TOPICS.financeValueConfirmations, id, bytes, { [FINANCE_SIGNATURE_HEADER]: signature });
    expect(await closed(id)).toMatchObject({ confirmedValue: 240_000 });
    // Replayed over REST too: still one confirmation.
    const replay = await financeAs(people.controller).post('/api/confirmations', confirmationBody(id, { confirmationId: data.confirmationId }));
    expect(replay.status).toBe(200);
    expect(replay.body.source).toBe('erp');
    expect(await finance.dataSource.getRepository(Confirmation).countBy({ initiativeId: id })).toBe(1);
  });

  it('a forged, a malformed and an unknown-initiative message go to the dead-letter topic with their reasons and change nothing', async () => {
    const id = await pendingInitiative();
    const forged = signedEnvelope({ ...confirmationBody(id), controllerId: people.controller.id });
    const forgedKey = `forged-${randomUUID()}`;
    await produceRaw(TOPICS.financeValueConfirmations, forgedKey, forged.bytes, {
      [FINANCE_SIGNATURE_HEADER]: signWithHmac(forged.bytes, 'not-the-shared-secret'),
    });
    const malformedKey = `malformed-${randomUUID()}`;
    const malformed = JSON.stringify({ id: randomUUID(), type: 'finance.value-confirmed', data: { initiativeId: id } });
    await produceRaw(TOPICS.financeValueConfirmations, malformedKey, malformed, { [FINANCE_SIGNATURE_HEADER]: signWithHmac(malformed, DEVELOPMENT_FINANCE_HMAC_SECRET) });
    const unknownKey = `unknown-${randomUUID()}`;
    const unknown = signedEnvelope({ ...confirmationBody(unknownKey), controllerId: people.controller.id });
    await produceRaw(TOPICS.financeValueConfirmations, unknownKey, unknown.bytes, { [FINANCE_SIGNATURE_HEADER]: unknown.signature });
    const sodKey = `sod-${randomUUID()}`;
    const sod = signedEnvelope({ ...confirmationBody(id), controllerId: people.owner.id });
    await produceRaw(TOPICS.financeValueConfirmations, sodKey, sod.bytes, { [FINANCE_SIGNATURE_HEADER]: sod.signature });

    expect(await deadLetterFor(forgedKey)).toBe('bad signature: it does not match the message');
    expect(await deadLetterFor(malformedKey)).toMatch(/^invalid envelope: /);
    expect(await deadLetterFor(unknownKey)).toBe(`unknown_initiative: initiative ${unknownKey} is not known to finance`);
    expect(await deadLetterFor(sodKey)).toBe('rule_violated: confirming value requires a controller who neither owns nor sponsors the initiative');
    expect(await finance.dataSource.getRepository(Confirmation).countBy({ initiativeId: id })).toBe(0);
    expect((await stageOf(id)).closure.state).toBe('pending_confirmation');
  });

  describe('a month-end batch from a finance system', () => {
    let ids: string[];
    let batch: { value: string; headers: Record<string, string> }[];
    let unknownInitiative: string;
    const key = `month-end-${randomUUID()}`;
    const ledgerRows = async (initiativeIds: string[]) =>
      (await finance.dataSource.query(
        `SELECT c.initiative_id, count(*)::int AS confirmations, sum(c.amount)::bigint AS amount, count(d.delivered_at)::int AS delivered
           FROM finance.confirmation c LEFT JOIN finance.lifecycle_delivery d ON d.kind = 'value_confirmed' AND d.record_id = c.confirmation_id
          WHERE c.initiative_id = ANY($1) GROUP BY c.initiative_id ORDER BY c.initiative_id`,
        [initiativeIds],
      )) as { initiative_id: string; confirmations: number; amount: string; delivered: number }[];
    const deadLetterWhere = (matches: (value: string) => boolean) =>
      findMessage(
        deadLetterTopic(TOPICS.financeValueConfirmations),
        (message) => message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === testGroup('finance.inbound-confirmations') && matches(message.value?.toString() ?? ''),
      );

    beforeAll(async () => {
      ids = await Promise.all([pendingInitiative(), pendingInitiative(), pendingInitiative()]);
      const good = ids.map((id, index) => signedEnvelope({ ...confirmationBody(id, { amount: 100_000 * (index + 1) }), controllerId: people.controller.id }));
      const forged = signedEnvelope({ ...confirmationBody(ids[0]), controllerId: people.controller.id });
      const malformed = JSON.stringify({ id: randomUUID(), type: 'finance.value-confirmed', data: { initiativeId: ids[1], note: key } });
      // Passes every check before the database, and is refused by the ledger's rules inside the batch's transaction.
      unknownInitiative = `unknown-${randomUUID()}`;
      const unknown = signedEnvelope({ ...confirmationBody(unknownInitiative), controllerId: people.controller.id });
      batch = [
        { value: good[0].bytes, headers: { [FINANCE_SIGNATURE_HEADER]: good[0].signature } },
        { value: forged.bytes, headers: { [FINANCE_SIGNATURE_HEADER]: signWithHmac(forged.bytes, 'not-the-shared-secret') } },
        { value: good[1].bytes, headers: { [FINANCE_SIGNATURE_HEADER]: good[1].signature } },
        { value: malformed, headers: { [FINANCE_SIGNATURE_HEADER]: signWithHmac(malformed, DEVELOPMENT_FINANCE_HMAC_SECRET) } },
        { value: unknown.bytes, headers: { [FINANCE_SIGNATURE_HEADER]: unknown.signature } },
        { value: good[2].bytes, headers: { [FINANCE_SIGNATURE_HEADER]: good[2].signature } },
        // The same message twice in one batch, as a producer's retry sends it: applied once.
        { value: good[2].bytes, headers: { [FINANCE_SIGNATURE_HEADER]: good[2].signature } },
      ];
    });

    it('with a forged, a malformed and a refused message applies the rest once, closing their initiatives, and dead-letters the three with their reasons', async () => {
      await produceRawTogether(TOPICS.financeValueConfirmations, key, batch);
      const initiativesClosed = await Promise.all(ids.map((id) => closed(id)));
      expect(initiativesClosed.map((initiative) => initiative.confirmedValue)).toEqual([100_000, 200_000, 300_000]);
      expect((await deadLetterWhere((value) => value === batch[1].value)).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toBe('bad signature: it does not match the message');
      expect((await deadLetterWhere((value) => value.includes(key))).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toMatch(/^invalid envelope: /);
      expect((await deadLetterWhere((value) => value.includes(unknownInitiative))).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toBe(
        `unknown_initiative: initiative ${unknownInitiative} is not known to finance`,
      );
      const rows = await eventually(() => ledgerRows(ids), (found) => found.length === 3 && found.every((row) => row.delivered === 1), {
        what: 'each confirmation to be delivered to its lifecycle',
      });
      expect(rows.map((row) => [row.confirmations, Number(row.amount)])).toEqual(
        [...ids].sort().map((id) => [1, 100_000 * (ids.indexOf(id) + 1)]),
      );
    });

    it('delivered again changes nothing: no confirmation twice, no second delivery to a lifecycle', async () => {
      const before = await ledgerRows(ids);
      // Behind the copy, one new confirmation on the same partition: once it is in, the copy has been read.
      const marker = signedEnvelope({ ...confirmationBody(ids[0], { amount: 1 }), controllerId: people.controller.id });
      await produceRawTogether(TOPICS.financeValueConfirmations, key, [...batch, { value: marker.bytes, headers: { [FINANCE_SIGNATURE_HEADER]: marker.signature } }]);
      await eventually(() => finance.dataSource.getRepository(Confirmation).countBy({ confirmationId: marker.envelope.data.confirmationId }), (count) => count === 1, {
        what: 'the confirmation behind the copy to be applied',
      });
      const after = await ledgerRows(ids);
      const first = after.find((row) => row.initiative_id === ids[0])!;
      expect([first.confirmations, Number(first.amount)]).toEqual([2, 100_001]);
      expect(after.filter((row) => row.initiative_id !== ids[0])).toEqual(before.filter((row) => row.initiative_id !== ids[0]));
      const deliveries = await finance.dataSource.query(`SELECT count(*)::int AS n FROM finance.lifecycle_delivery WHERE initiative_id = ANY($1)`, [ids]);
      expect(deliveries[0].n).toBe(4);
    });
  });

  it('a confirmation sent while the workflow worker is stopped is applied when it comes back', async () => {
    const id = await pendingInitiative();
    await stack.worker.stop();
    try {
      const { bytes, signature } = signedEnvelope({ ...confirmationBody(id), controllerId: people.controller.id });
      await produceRaw(TOPICS.financeValueConfirmations, id, bytes, { [FINANCE_SIGNATURE_HEADER]: signature });
      await eventually(() => finance.dataSource.getRepository(Confirmation).countBy({ initiativeId: id }), (count) => count === 1, {
        what: 'finance to record the confirmation',
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await stageOf(id)).stage).toBe(4);
    } finally {
      stack.worker = await startWorkflowWorker();
    }
    expect(await closed(id)).toMatchObject({ status: 'closed' });
  });

  it('exports the ledger for a period range as JSON and CSV, and rolls realization up', async () => {
    const json = await financeAs(people.controller).get(`/api/ledger?from=2027-01&to=2027-12&programId=${stack.programId}`);
    expect(json.status).toBe(200);
    expect(json.body.rows.length).toBeGreaterThan(0);
    expect(json.body.rows[0]).toEqual({
      initiativeId: expect.any(String),
      code: expect.stringMatching(/^INI-/),
      programId: stack.programId,
      currency: 'EUR',
      period: '2027-03',
      planned: 250_000,
      forecast: 250_000,
      confirmed: expect.any(Number),
    });
    const csv = await fetch(`${finance.baseUrl}/api/ledger?from=2027-01&to=2027-12&programId=${stack.programId}&format=csv`, {
      headers: { authorization: `Bearer ${(await import('@tollgate/auth')).issueDevelopmentToken({ sub: 'viewer', roles: ['viewer'] }, TEST_ENVIRONMENT.jwtSecret)}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('initiativeId,code,programId,currency,period,planned,forecast,confirmed');
    expect(lines).toHaveLength(json.body.rows.length + 1);

    const realization = (await financeAs(people.controller).get(`/api/realization?programId=${stack.programId}`)).body;
    expect(realization.totals).toEqual([expect.objectContaining({ currency: 'EUR', initiatives: json.body.rows.length })]);
    expect(realization.initiatives.some((item: { awaitingConfirmation: boolean }) => item.awaitingConfirmation)).toBe(true);
  });
});
