import { FeedSourceRegistry } from '@tollgate/feeds';
import { FEED_SIGNATURE_HEADERS, FEED_TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { feedDeadLetterReason, feedEnvelope, feedHeaders, sendFeed, type FeedKey } from '../../../../test/support/feed-sender';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { testGroup } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { consumedPast } from '../../../../test/support/topic-reader';
import { eventually } from '../../../../test/support/eventually';
import { PlanActual } from './plan-actual.entity';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
const group = (type: keyof typeof FEED_TOPICS) => testGroup(`plans.feed.${FEED_TOPICS[type].topic}`);

// The sales and operations feeds: registered sources, signed messages, applied once, the bad dead-lettered with their reasons.
describe('sales and operations feeds', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  let organization: string;
  let unit: string;
  let otherOrganization: string;
  let crm: FeedKey;
  const settingsSource = `erp-${randomUUID().slice(0, 8)}`;
  const settingsKey: FeedKey = { source: settingsSource, keyId: 'ops-2027', secret: 'operations-planning-shared-secret-0001' };

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);
  const node = async (name: string, kind: string, parentId?: string) => (await as(admin).post('/api/org-nodes', { name: `${name} ${randomUUID().slice(0, 8)}`, kind, parentId })).body.id as string;

  beforeAll(async () => {
    // The organization must exist before the settings name it: the service starts once, with a fresh organization id made up front.
    organization = randomUUID();
    ({ plans } = stack = await startTestStack({
      services: ['plans'],
      env: { plans: { TOLLGATE_FEED_SOURCES: JSON.stringify([{ name: settingsSource, eventTypes: ['operations.capacity-plan'], orgNodeIds: [organization], keys: [{ keyId: settingsKey.keyId, secret: settingsKey.secret }] }]) } },
    }));
    await plans.dataSource.query(
      `INSERT INTO plans.org_node (id, name, name_key, kind, parent_id, parent_key, created_by, created_at) VALUES ($1, $2, $3, 'organization', NULL, '-', 'test', now())`,
      [organization, `Acme ${organization.slice(0, 8)}`, `acme ${organization.slice(0, 8)}`],
    );
    unit = await node('Operations', 'business_unit', organization);
    otherOrganization = await node('Other', 'organization');
    const registered = await as(admin).post('/api/feed-sources', { name: `crm-${randomUUID().slice(0, 8)}`, eventTypes: ['sales.demand-actuals', 'sales.demand-forecast'], orgNodeIds: [organization] });
    expect(registered.status).toBe(201);
    crm = { source: registered.body.name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Sends a signed message and waits until the feed's consumer has handled it. */
  async function deliver(type: keyof typeof FEED_TOPICS, envelope: object, key: FeedKey, messageKey = (envelope as { subject: string }).subject) {
    const value = JSON.stringify(envelope);
    const at = await sendFeed(type, messageKey, value, feedHeaders(key, value));
    await consumedPast(group(type), FEED_TOPICS[type].topic, at);
  }

  describe('the registry', () => {
    it('registers a source with a key shown once, lists it without secrets, and refuses what this service does not apply', async () => {
      expect(crm.secret.length).toBeGreaterThanOrEqual(32);
      const listed = await as(admin).get('/api/feed-sources');
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: crm.source, origin: 'registered', eventTypes: ['sales.demand-actuals', 'sales.demand-forecast'], keys: [expect.objectContaining({ keyId: crm.keyId, retiresAt: null })] }),
          expect.objectContaining({ name: settingsSource, origin: 'settings', keys: [expect.objectContaining({ keyId: 'ops-2027' })] }),
        ]),
      );
      expect(JSON.stringify(listed.body)).not.toContain(crm.secret);
      expect(JSON.stringify(listed.body)).not.toContain(settingsKey.secret);

      const planning = await as(admin).post('/api/feed-sources', { name: `planner-${randomUUID().slice(0, 8)}`, eventTypes: ['initiative.measure-forecast'], orgNodeIds: [organization] });
      expect(planning).toMatchObject({ status: 422, body: { code: 'feed_type_not_applied' } });
      expect((await as(admin).post('/api/feed-sources', { name: crm.source, eventTypes: ['sales.demand-actuals'], orgNodeIds: [organization] })).status).toBe(409);
      expect((await as(admin).post(`/api/feed-sources/${settingsSource}/keys`, {})).body).toMatchObject({ code: 'feed_source_in_settings' });
      expect((await as(admin).post('/api/feed-sources', { name: 'Not A Name', eventTypes: ['sales.demand-actuals'], orgNodeIds: [organization] })).status).toBe(400);
      expect((await as(pmo).get('/api/feed-sources')).status).toBe(403);
      expect((await as(null).get('/api/feed-sources')).status).toBe(401);
    });
  });

  it('applies actual demand once, under the source, however often the message comes', async () => {
    const envelope = feedEnvelope(crm.source, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family: 'e-bikes', period: '2027-01', volume: 120 }] });
    await deliver('sales.demand-actuals', envelope, crm);
    // The same event id again, even with other figures, changes nothing.
    await deliver('sales.demand-actuals', { ...envelope, data: { orgNodeId: unit, demand: [{ family: 'e-bikes', period: '2027-01', volume: 999 }] } }, crm);
    const rows = await plans.dataSource.getRepository(PlanActual).findBy({ orgNodeId: unit });
    expect(rows).toEqual([expect.objectContaining({ family: 'e-bikes', period: '2027-01', volume: 120, postedBy: `feed:${crm.source}` })]);
  });

  it('applies a second source\'s message that reuses an event id another source used: ids are each source\'s own', async () => {
    const registered = await as(admin).post('/api/feed-sources', { name: `pos-${randomUUID().slice(0, 8)}`, eventTypes: ['sales.demand-actuals'], orgNodeIds: [organization] });
    expect(registered.status).toBe(201);
    const pos: FeedKey = { source: registered.body.name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
    const id = `msg-${randomUUID()}`;
    const family = `shared-id ${randomUUID().slice(0, 6)}`;
    await deliver('sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family, period: '2027-05', volume: 11 }] }, { id }), crm);
    await deliver('sales.demand-actuals', feedEnvelope(pos.source, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family, period: '2027-06', volume: 22 }] }, { id }), pos);
    const rows = await plans.dataSource.getRepository(PlanActual).find({ where: { orgNodeId: unit, family }, order: { period: 'ASC' } });
    expect(rows.map(({ period, volume, postedBy }) => ({ period, volume, postedBy }))).toEqual([
      { period: '2027-05', volume: 11, postedBy: `feed:${crm.source}` },
      { period: '2027-06', volume: 22, postedBy: `feed:${pos.source}` },
    ]);
  });

  it("writes forecast demand into the node's plan of record and capacity into a named scenario, as an edit over the API would", async () => {
    const program = await node('E-bikes', 'program', unit);
    await deliver('sales.demand-forecast', feedEnvelope(crm.source, 'sales.demand-forecast', program, { orgNodeId: program, demand: [{ family: 'e-bikes', period: '2027-03', volume: 300 }] }), crm);
    const record = await as(admin).get(`/api/org-nodes/${program}/plan`);
    expect(record).toMatchObject({ status: 200, body: { kind: 'record', createdBy: `feed:${crm.source}`, demand: [{ family: 'e-bikes', period: '2027-03', volume: 300 }] } });

    const scenario = await as(admin).post(`/api/org-nodes/${program}/scenarios`, { name: 'Second shift' });
    expect(scenario.status).toBe(201);
    await deliver('operations.capacity-plan', feedEnvelope(settingsSource, 'operations.capacity-plan', program, { orgNodeId: program, scenarioId: scenario.body.id, capacity: [{ family: 'e-bikes', period: '2027-03', volume: 280 }] }), settingsKey);
    expect((await as(admin).get(`/api/scenarios/${scenario.body.id}`)).body.capacity).toEqual([{ family: 'e-bikes', period: '2027-03', volume: 280 }]);
    expect((await as(admin).get(`/api/org-nodes/${program}/plan`)).body.capacity).toEqual([]);
  });

  it('dead-letters every bad message with its reason, applies none of them, and goes on applying the good', async () => {
    const actuals = { orgNodeId: unit, demand: [{ family: 'cargo bikes', period: '2027-02', volume: 7 }] };
    const cases: { name: string; type: keyof typeof FEED_TOPICS; value: string; headers: Record<string, string>; reason: RegExp | string }[] = [];
    const add = (name: string, type: keyof typeof FEED_TOPICS, envelope: unknown, headers: (value: string) => Record<string, string>, reason: RegExp | string) => {
      const value = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
      cases.push({ name, type, value, headers: headers(value), reason });
    };
    const signed = (key: FeedKey) => (value: string) => feedHeaders(key, value);
    add('bad signature', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, actuals), signed({ ...crm, secret: 'someone-elses-secret-of-32-characters!' }), 'bad signature: it does not match the message');
    add('unregistered source', 'sales.demand-actuals', feedEnvelope('nobody', 'sales.demand-actuals', unit, actuals), signed({ source: 'nobody', keyId: 'k', secret: 'x'.repeat(40) }), "unregistered source: 'nobody' is not registered for this service's feeds");
    add('no source header', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, actuals), (value) => {
      const { [FEED_SIGNATURE_HEADERS.source]: _omitted, ...rest } = feedHeaders(crm, value);
      return rest;
    }, /^unregistered source: the x-tollgate-source header is missing/);
    add('unknown key', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, actuals), signed({ ...crm, keyId: 'k-unknown' }), `bad signature: unknown key: source '${crm.source}' has no key 'k-unknown'`);
    add('type outside the scope', 'operations.capacity-plan', feedEnvelope(crm.source, 'operations.capacity-plan', unit, { orgNodeId: unit, capacity: [{ family: 'e-bikes', period: '2027-02', volume: 1 }] }), signed(crm), new RegExp(`^out of scope: source '${crm.source}' may not send 'operations.capacity-plan'`));
    add('another feed on this topic', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-forecast', unit, actuals), signed(crm), "wrong topic: 'sales.demand-forecast' does not travel on sales.demand-actuals");
    add('another source in the envelope', 'sales.demand-actuals', feedEnvelope(settingsSource, 'sales.demand-actuals', unit, actuals), signed(crm), new RegExp(`^wrong source: the message is signed by '${crm.source}'`));
    add('a bad envelope', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, actuals, { id: undefined, time: 'yesterday' }), signed(crm), /^invalid envelope: /);
    add('bad data', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family: 'e-bikes', period: '2027-13', volume: -1 }] }), signed(crm), /^invalid data for 'sales.demand-actuals': .*period.*volume/);
    add('not JSON', 'sales.demand-actuals', '{"id": "oops"', signed(crm), /^value is not JSON/);
    // A closed schema: a property it does not name (here a large one) is refused, not carried into the plan.
    add('an unknown property', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', unit, { ...actuals, notes: 'x'.repeat(200_000) }), signed(crm), /^invalid data for 'sales.demand-actuals': .*notes/);
    const nowhere = randomUUID();
    add('an unknown node', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', nowhere, { orgNodeId: nowhere, demand: actuals.demand }), signed(crm), `unknown node: org node ${nowhere} does not exist`);
    add('a node outside the scope', 'sales.demand-actuals', feedEnvelope(crm.source, 'sales.demand-actuals', otherOrganization, { orgNodeId: otherOrganization, demand: actuals.demand }), signed(crm), `out of scope: source '${crm.source}' is not registered for node ${otherOrganization}`);
    const noScenario = randomUUID();
    add('an unknown scenario', 'sales.demand-forecast', feedEnvelope(crm.source, 'sales.demand-forecast', unit, { orgNodeId: unit, scenarioId: noScenario, demand: actuals.demand }), signed(crm), `unknown scenario: ${noScenario} is not a plan of node ${unit}`);

    const keys = cases.map(() => `bad-${randomUUID()}`);
    for (const [index, bad] of cases.entries()) await sendFeed(bad.type, keys[index], bad.value, bad.headers);
    // After them all, a good message on the same topic: the consumer has moved on.
    const good = feedEnvelope(crm.source, 'sales.demand-actuals', unit, actuals);
    await deliver('sales.demand-actuals', good, crm);

    for (const [index, bad] of cases.entries()) {
      const reason = await feedDeadLetterReason(bad.type, group(bad.type), keys[index]);
      if (typeof bad.reason === 'string') expect({ case: bad.name, reason }).toEqual({ case: bad.name, reason: bad.reason });
      else expect({ case: bad.name, reason }).toEqual({ case: bad.name, reason: expect.stringMatching(bad.reason) });
    }
    expect(await plans.dataSource.getRepository(PlanActual).findBy({ orgNodeId: unit, family: 'cargo bikes' })).toEqual([expect.objectContaining({ volume: 7, period: '2027-02' })]);
    expect(await plans.dataSource.getRepository(PlanActual).countBy({ orgNodeId: otherOrganization })).toBe(0);

    const metrics = await (await fetch(`${plans.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/tollgate_feed_dead_letters_total\{feed="sales.demand-actuals",reason="bad_signature"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/tollgate_feed_dead_letters_total\{feed="sales.demand-actuals",reason="unknown_node"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/tollgate_feed_messages_total\{feed="sales.demand-actuals",outcome="applied"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/tollgate_feed_lag_messages\{feed="sales.demand-actuals"[^}]*\} 0/);
  });

  it('rotates a key: the old one keeps working for the overlap, then is refused; the new one works', async () => {
    const name = `crm-rotating-${randomUUID().slice(0, 8)}`;
    const registered = await as(admin).post('/api/feed-sources', { name, eventTypes: ['sales.demand-actuals'], orgNodeIds: [unit] });
    const old: FeedKey = { source: name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
    const rotated = await as(admin).post(`/api/feed-sources/${name}/keys`, { overlap: 'PT2S' });
    expect(rotated.status).toBe(201);
    const fresh: FeedKey = { source: name, keyId: rotated.body.key.keyId, secret: rotated.body.key.secret };
    expect(rotated.body.keys).toEqual([expect.objectContaining({ keyId: old.keyId, retiresAt: expect.any(String) }), expect.objectContaining({ keyId: fresh.keyId, retiresAt: null })]);

    const data = (volume: number) => ({ orgNodeId: unit, demand: [{ family: 'rotation', period: '2027-04', volume }] });
    await deliver('sales.demand-actuals', feedEnvelope(name, 'sales.demand-actuals', unit, data(1)), old);
    await deliver('sales.demand-actuals', feedEnvelope(name, 'sales.demand-actuals', unit, data(2)), fresh);
    const volume = async () => (await plans.dataSource.getRepository(PlanActual).findOneBy({ orgNodeId: unit, family: 'rotation' }))?.volume;
    expect(await volume()).toBe(2);

    // The overlap is two seconds: wait it out.
    await eventually(async () => Date.now(), (now) => now > Date.parse(rotated.body.keys[0].retiresAt), { what: 'the old key to retire' });
    const lateKey = `late-${randomUUID()}`;
    const late = JSON.stringify(feedEnvelope(name, 'sales.demand-actuals', unit, data(3)));
    await sendFeed('sales.demand-actuals', lateKey, late, feedHeaders(old, late));
    expect(await feedDeadLetterReason('sales.demand-actuals', group('sales.demand-actuals'), lateKey)).toMatch(new RegExp(`^bad signature: retired key: key '${old.keyId}' of source '${name}'`));
    expect(await volume()).toBe(2);

    expect((await as(admin).delete(`/api/feed-sources/${name}`)).status).toBe(204);
    const goneKey = `gone-${randomUUID()}`;
    const gone = JSON.stringify(feedEnvelope(name, 'sales.demand-actuals', unit, data(4)));
    await sendFeed('sales.demand-actuals', goneKey, gone, feedHeaders(fresh, gone));
    expect(await feedDeadLetterReason('sales.demand-actuals', group('sales.demand-actuals'), goneKey)).toBe(`unregistered source: '${name}' is not registered for this service's feeds`);
  });

  it('retires a leaked key at once: a rotation with no overlap cuts short a key that was retiring slowly', async () => {
    const name = `crm-leaked-${randomUUID().slice(0, 8)}`;
    const registered = await as(admin).post('/api/feed-sources', { name, eventTypes: ['sales.demand-actuals'], orgNodeIds: [unit] });
    const leaked: FeedKey = { source: name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
    expect((await as(admin).post(`/api/feed-sources/${name}/keys`, { overlap: 'P90D' })).status).toBe(201);
    const cut = await as(admin).post(`/api/feed-sources/${name}/keys`, { overlap: 'P0D' });
    expect(cut.status).toBe(201);
    expect(cut.body.keys.map((key: { keyId: string }) => key.keyId)).toEqual([cut.body.key.keyId]);
    const key = `leaked-${randomUUID()}`;
    const message = JSON.stringify(feedEnvelope(name, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family: 'leaked', period: '2027-04', volume: 9 }] }));
    await sendFeed('sales.demand-actuals', key, message, feedHeaders(leaked, message));
    expect(await feedDeadLetterReason('sales.demand-actuals', group('sales.demand-actuals'), key)).toBe(`bad signature: unknown key: source '${name}' has no key '${leaked.keyId}'`);
    expect(await plans.dataSource.getRepository(PlanActual).findOneBy({ orgNodeId: unit, family: 'leaked' })).toBeNull();
  });

  it('keeps a registered source\'s secret sealed at rest, and seals one stored in plain text when it starts', async () => {
    const name = `erp-sealed-${randomUUID().slice(0, 8)}`;
    const registered = await as(admin).post('/api/feed-sources', { name, eventTypes: ['sales.demand-actuals'], orgNodeIds: [unit] });
    const erp: FeedKey = { source: name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
    const storedSecret = async () => ((await plans.dataSource.query(`SELECT secret FROM plans.feed_source_key WHERE source_name = $1`, [name])) as { secret: string }[])[0].secret;
    const sealed = await storedSecret();
    expect(sealed).toMatch(/^sealed:v1:dev-1:/);
    expect(sealed).not.toContain(erp.secret);

    // A row from before secrets were sealed: sealed when the service starts, and the key still signs.
    await plans.dataSource.query(`UPDATE plans.feed_source_key SET secret = $2 WHERE source_name = $1`, [name, erp.secret]);
    await plans.app.get(FeedSourceRegistry).onApplicationBootstrap();
    expect(await storedSecret()).toMatch(/^sealed:v1:dev-1:/);
    await deliver('sales.demand-actuals', feedEnvelope(name, 'sales.demand-actuals', unit, { orgNodeId: unit, demand: [{ family: 'sealed', period: '2027-04', volume: 5 }] }), erp);
    expect(await plans.dataSource.getRepository(PlanActual).findOneBy({ orgNodeId: unit, family: 'sealed' })).toMatchObject({ volume: 5 });
  });
});
