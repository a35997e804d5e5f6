import { FEED_TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { feedDeadLetterReason, feedEnvelope, feedHeaders, sendFeed, type FeedKey } from '../../../../test/support/feed-sender';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { defineInitiative, initiativePeople } from '../../../../test/support/initiative-walk';
import { announceOrgNode, announceProgram } from '../../../../test/support/org-nodes';
import type { RunningService } from '../../../../test/support/running-service';
import { testGroup } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { consumedPast } from '../../../../test/support/topic-reader';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const topic = FEED_TOPICS['initiative.measure-forecast'].topic;
const group = testGroup(`initiatives.feed.${topic}`);

// A planning system's measure forecasts: taken only for initiatives of the programs its source is registered for.
describe('the measure-forecast feed', () => {
  let stack: TestStack<'initiatives'>;
  let initiatives: RunningService;
  let program: string;
  let otherProgram: string;
  let planner: FeedKey;
  const people = initiativePeople();

  beforeAll(async () => {
    ({ initiatives } = stack = await startTestStack({ services: ['initiatives'], worker: true }));
    const unit = await announceOrgNode(initiatives.dataSource, { name: 'Operations', kind: 'business_unit', parentId: null });
    program = await announceProgram(initiatives.dataSource, 'Freight', unit);
    otherProgram = await announceProgram(initiatives.dataSource, 'Elsewhere');
    // Registered for the business unit: it speaks for the programs under it.
    const registered = await apiAs(initiatives.baseUrl, admin).post('/api/feed-sources', { name: `anaplan-${randomUUID().slice(0, 8)}`, eventTypes: ['initiative.measure-forecast'], orgNodeIds: [unit] });
    expect(registered.status).toBe(201);
    planner = { source: registered.body.name, keyId: registered.body.key.keyId, secret: registered.body.key.secret };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const show = async (id: string) => (await apiAs(initiatives.baseUrl, people.owner).get(`/api/initiatives/${id}`)).body;
  const forecastOf = (measureId: string, amount: number) => ({ measureId, forecastValues: [{ period: '2027-03', amount }] });

  async function send(envelope: { subject: string }, messageKey = envelope.subject) {
    const value = JSON.stringify(envelope);
    return { at: await sendFeed('initiative.measure-forecast', messageKey, value, feedHeaders(planner, value)), messageKey };
  }

  it("updates a measure's forecast once, and the audit trail names the source", async () => {
    const id = await defineInitiative(initiatives.baseUrl, program, people);
    const measureId = (await show(id)).measures[0].id;
    const envelope = feedEnvelope(planner.source, 'initiative.measure-forecast', id, { initiativeId: id, forecasts: [forecastOf(measureId, 180_000)] });
    const first = await send(envelope);
    await consumedPast(group, topic, first.at);
    // The same event again, with other figures: nothing changes.
    const again = await send({ ...envelope, data: { initiativeId: id, forecasts: [forecastOf(measureId, 1)] } } as typeof envelope);
    await consumedPast(group, topic, again.at);

    const shown = await show(id);
    expect(shown.measures[0].forecastValues).toEqual([{ period: '2027-03', amount: 180_000 }]);
    const trail = (await apiAs(initiatives.baseUrl, people.owner).get(`/api/initiatives/${id}/audit`)).body;
    const entries = (Array.isArray(trail) ? trail : trail.entries) as { action: string; actorId: string }[];
    expect(entries.filter((entry) => entry.action === 'forecast_updated')).toEqual([expect.objectContaining({ actorId: `feed:${planner.source}` })]);
  });

  it('dead-letters a forecast for a program outside its scope, an unknown initiative and a measure the initiative lacks, and goes on', async () => {
    const elsewhere = await defineInitiative(initiatives.baseUrl, otherProgram, people);
    const elsewhereMeasure = (await show(elsewhere)).measures[0].id;
    const unknown = randomUUID();
    const own = await defineInitiative(initiatives.baseUrl, program, people);
    const ownMeasure = (await show(own)).measures[0].id;

    const outside = await send(feedEnvelope(planner.source, 'initiative.measure-forecast', elsewhere, { initiativeId: elsewhere, forecasts: [forecastOf(elsewhereMeasure, 5)] }), `outside-${randomUUID()}`);
    const nobody = await send(feedEnvelope(planner.source, 'initiative.measure-forecast', unknown, { initiativeId: unknown, forecasts: [forecastOf('m', 5)] }), `unknown-${randomUUID()}`);
    const wrongMeasure = await send(feedEnvelope(planner.source, 'initiative.measure-forecast', own, { initiativeId: own, forecasts: [forecastOf('not-a-measure', 5)] }), `measure-${randomUUID()}`);
    const good = await send(feedEnvelope(planner.source, 'initiative.measure-forecast', own, { initiativeId: own, forecasts: [forecastOf(ownMeasure, 90_000)] }));
    await consumedPast(group, topic, good.at);

    expect(await feedDeadLetterReason('initiative.measure-forecast', group, outside.messageKey)).toBe(
      `out of scope: source '${planner.source}' is not registered for node ${otherProgram} (the program of initiative ${elsewhere})`,
    );
    expect(await feedDeadLetterReason('initiative.measure-forecast', group, nobody.messageKey)).toBe(`unknown initiative: ${unknown} does not exist`);
    expect(await feedDeadLetterReason('initiative.measure-forecast', group, wrongMeasure.messageKey)).toMatch(/^refused: .*measure not-a-measure is not a measure of this initiative/);
    expect((await show(elsewhere)).measures[0].forecastValues).toEqual([]);
    expect((await show(own)).measures[0].forecastValues).toEqual([{ period: '2027-03', amount: 90_000 }]);
  });
});
