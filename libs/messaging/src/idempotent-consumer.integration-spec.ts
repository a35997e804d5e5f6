import { createEnvelope, DEAD_LETTER_HEADERS, deadLetterTopic, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../test/support/eventually';
import { RunningService, startService } from '../../../test/support/running-service';
import { testGroup } from '../../../test/support/test-environment';
import { findMessage, produceSigned } from '../../../test/support/topic-reader';
import type { IdempotentEventConsumer } from './idempotent-consumer';
import { EventConsumers } from './messaging.module';

// An event whose data the database refuses for good (here a name too long for
// its column) goes to the dead-letter topic with the reason, and the events
// behind it on the same partition are still applied: one bad event never stalls a subject.
describe('the idempotent consumer and data the database refuses', () => {
  let plans: RunningService;
  let consumer: IdempotentEventConsumer;
  const run = randomUUID().slice(0, 8);
  const groupId = testGroup(`messaging.storage-refusal-${run}`);
  const subject = `probe-${run}`;

  beforeAll(async () => {
    plans = await startService('plans');
    await plans.ready();
    await plans.dataSource.query(`CREATE TABLE plans.storage_refusal_probe_${run} (event_id uuid PRIMARY KEY, name varchar(5) NOT NULL)`);
    consumer = plans.app.get(EventConsumers).create({
      groupId,
      topics: [TOPICS.plansEvents],
      accepts: ['plans.org-node-created'],
      apply: async (event, manager) => {
        // Other suites' nodes pass by on the shared topic: only this suite's subject is stored.
        if (event.subject !== subject || event.type !== 'plans.org-node-created') return;
        await manager.query(`INSERT INTO plans.storage_refusal_probe_${run} (event_id, name) VALUES ($1, $2)`, [event.id, event.data.name]);
      },
    });
    consumer.start();
    await consumer.whenRunning();
  });

  afterAll(async () => {
    await consumer?.stop();
    await plans?.dataSource.query(`DROP TABLE IF EXISTS plans.storage_refusal_probe_${run}`);
    await plans?.close();
  });

  const send = async (name: string) => {
    const envelope = createEnvelope({ type: 'plans.org-node-created', source: 'tollgate/plans', subject, data: { nodeId: subject, name, kind: 'program', parentId: null } }, randomUUID(), new Date());
    await produceSigned('plans', TOPICS.plansEvents, envelope);
    return envelope.id;
  };

  it('dead-letters it with the reason and applies the next event of the same subject', async () => {
    const refused = await send('Logistics excellence');
    const accepted = await send('Ops');
    const rows = await eventually(
      () => plans.dataSource.query(`SELECT event_id, name FROM plans.storage_refusal_probe_${run}`),
      (found: unknown[]) => found.length === 1,
      { what: 'the event behind the refused one to be applied' },
    );
    expect(rows).toEqual([{ event_id: accepted, name: 'Ops' }]);
    const letter = await findMessage(
      deadLetterTopic(TOPICS.plansEvents),
      (message) => message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === groupId && JSON.parse(message.value!.toString()).id === refused,
    );
    expect(letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toMatch(/^the event's data cannot be stored \(SQLSTATE 22001\): value too long/);
  });
});
