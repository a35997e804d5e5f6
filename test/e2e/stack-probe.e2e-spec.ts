import { DEAD_LETTER_HEADERS, deadLetterTopic, ProbeReceipt, TASK_QUEUES, TOPICS, WORKFLOW_TYPES } from '@tollgate/contracts';
import { AppliedEvent, OutboxMessage } from '@tollgate/messaging';
import { StackProbe, StackProbeReceipt } from '@tollgate/platform';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT, testGroup, testTopic } from '../support/test-environment';
import { consumedPast, findMessage, produceRaw, produceSigned, rawTopicHolds, signedBy } from '../support/topic-reader';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

// The smoke test of the foundation: it crosses every real part. A workflow on
// the Temporal dev server calls an activity on the plans service's task queue;
// the activity writes a row and an outbox event in one transaction; the relay
// publishes it to Kafka; the initiatives service applies it exactly once.
describe('stack probe across Temporal, PostgreSQL and Kafka', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let worker: RunningWorkflowWorker;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    [plans, initiatives] = await Promise.all([startService('plans'), startService('initiatives')]);
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready()]);
    connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    client = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
  });

  afterAll(async () => {
    await connection?.close();
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close()]);
  });

  const receiptsOf = (probeId: string) =>
    initiatives.dataSource.getRepository(StackProbeReceipt).find({ where: { probeId } });

  async function runProbe(probeId: string): Promise<ProbeReceipt> {
    return client.workflow.execute(WORKFLOW_TYPES.stackProbe, {
      taskQueue: TASK_QUEUES.lifecycle,
      workflowId: `stack-probe-${probeId}`,
      args: [{ probeId, taskQueue: TASK_QUEUES.plans }],
      workflowExecutionTimeout: '1 minute',
    });
  }

  it('records the probe and its event in the plans schema, publishes it, and the initiatives service applies it once', async () => {
    const probeId = `probe-${randomUUID()}`;
    const receipt = await runProbe(probeId);

    expect(receipt).toEqual({ probeId, service: 'plans', eventId: expect.any(String), recordedAt: expect.any(String) });
    const probe = await plans.dataSource.getRepository(StackProbe).findOneByOrFail({ probeId });
    expect(probe.eventId).toBe(receipt.eventId);

    const outbox = await eventually(
      () => plans.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: receipt.eventId }),
      (row) => row.publishedAt !== null,
      { what: 'the relay to publish the outbox row' },
    );
    expect(outbox).toMatchObject({ topic: TOPICS.plansEvents, messageKey: probeId, type: 'stack.probe-recorded' });

    const received = await eventually(() => receiptsOf(probeId), (rows) => rows.length > 0, {
      what: 'the initiatives service to apply the probe event',
    });
    expect(received).toEqual([expect.objectContaining({ probeId, eventId: receipt.eventId, sourceService: 'plans' })]);
    const inbox = await initiatives.dataSource
      .getRepository(AppliedEvent)
      .findBy({ eventId: receipt.eventId, consumerGroup: testGroup('initiatives.stack-probe') });
    expect(inbox).toHaveLength(1);
    // Published under the test run's prefix only: a development stack on the same brokers reads the contract's topic and never sees it.
    expect(await rawTopicHolds(testTopic(TOPICS.plansEvents), (message) => message.key?.toString() === probeId)).toBe(true);
    expect(await rawTopicHolds(TOPICS.plansEvents, (message) => message.key?.toString() === probeId)).toBe(false);
  });

  it('answers the same receipt when the probe is recorded again (a retried activity)', async () => {
    const probeId = `probe-${randomUUID()}`;
    const first = await runProbe(probeId);
    const again = await client.workflow.execute(WORKFLOW_TYPES.stackProbe, {
      taskQueue: TASK_QUEUES.lifecycle,
      workflowId: `stack-probe-${probeId}-again`,
      args: [{ probeId, taskQueue: TASK_QUEUES.plans }],
    });
    expect(again).toEqual(first);
    expect(await plans.dataSource.getRepository(OutboxMessage).countBy({ messageKey: probeId })).toBe(1);
  });

  it('changes nothing when the same event is delivered again', async () => {
    const probeId = `probe-${randomUUID()}`;
    const receipt = await runProbe(probeId);
    await eventually(() => receiptsOf(probeId), (rows) => rows.length === 1, { what: 'the first delivery' });

    const original = await plans.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: receipt.eventId });
    const redelivered = await produceSigned('plans', TOPICS.plansEvents, original.envelope);
    await consumedPast(testGroup('initiatives.stack-probe'), TOPICS.plansEvents, redelivered);

    expect(await receiptsOf(probeId)).toHaveLength(1);
  });

  it('puts a malformed message on the dead-letter topic with its reason, and moves on', async () => {
    const key = `malformed-${randomUUID()}`;
    const bytes = JSON.stringify({ id: key, type: 'stack.probe-recorded', data: { probeId: key } });
    await produceRaw(TOPICS.plansEvents, key, bytes, { 'x-origin': 'smoke-test', ...signedBy('plans', bytes) });

    // Other stacks' consumers on the same brokers may dead-letter it too: find ours.
    const group = testGroup('initiatives.stack-probe');
    const letter = await findMessage(
      deadLetterTopic(TOPICS.plansEvents),
      (message) => message.key?.toString() === key && message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === group,
    );
    expect(letter.value?.toString()).toBe(bytes);
    expect(letter.headers?.['x-origin']?.toString()).toBe('smoke-test');
    expect(letter.headers?.[DEAD_LETTER_HEADERS.sourceTopic]?.toString()).toBe(testTopic(TOPICS.plansEvents));
    const reason = letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString();
    expect(reason).toMatch(/^invalid envelope: /);
    expect(reason).toContain('source:');
    expect(reason).toContain('time:');

    // The consumer moved on: a probe after the bad message is still applied.
    const probeId = `probe-${randomUUID()}`;
    await runProbe(probeId);
    await eventually(() => receiptsOf(probeId), (rows) => rows.length === 1, { what: 'a probe after the malformed message' });
  });
});
