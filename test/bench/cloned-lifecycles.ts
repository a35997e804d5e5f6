import type { Client } from '@temporalio/client';
import {
  createEnvelope,
  initiativeWorkflowId,
  LIFECYCLE,
  lifecycleSearchAttributes,
  TASK_QUEUES,
  TOPICS,
  WORKFLOW_TYPES,
  type LifecycleInput,
} from '@tollgate/contracts';
import type { LifecycleState } from '@tollgate/domain';
import { createKafka } from '@tollgate/messaging';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { TEST_ENVIRONMENT, testTopic } from '../support/test-environment';
import { signedBy } from '../support/topic-reader';
import { inParallel } from './bench-report';

// The ids an initiative owns (its own, its measures', milestones' and gates'); a
// person's or a program's id carries a prefix ("owner-…") and is kept.
const OWN_ID = /(?<![-\w])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![-\w])/g;

/** The template's lifecycle state with fresh ids of its own, a code and a title of its own. */
export function cloneState(template: LifecycleState, code: string): LifecycleState {
  const renamed = new Map<string, string>();
  const text = JSON.stringify(template).replace(OWN_ID, (id) => {
    if (!renamed.has(id)) renamed.set(id, randomUUID());
    return renamed.get(id)!;
  });
  return { ...(JSON.parse(text) as LifecycleState), code, title: `${template.title} ${code}` };
}

/**
 * Untimed set-up at the engine's speed: `count` lifecycles in the state a
 * walked initiative has reached, started in Temporal directly (walking each
 * through the API would take longer than what is measured), and announced to
 * finance as the initiatives service would announce them: created at the
 * template's stage, and its closure request if it has one.
 */
export async function cloneLifecycles(
  client: Client,
  finance: DataSource,
  template: LifecycleState,
  count: number,
): Promise<LifecycleState[]> {
  const run = randomUUID().slice(0, 6).toUpperCase();
  const states = Array.from({ length: count }, (_, index) => cloneState(template, `B${run}${index}`));
  await inParallel(states, 32, async (state) => {
    const input: LifecycleInput = { state };
    await client.workflow.start(WORKFLOW_TYPES.initiativeLifecycle, {
      workflowId: initiativeWorkflowId(state.initiativeId),
      taskQueue: TASK_QUEUES.lifecycle,
      args: [input],
      staticSummary: `${state.code} · ${state.title}`,
      typedSearchAttributes: lifecycleSearchAttributes(state),
    });
  });
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-bench' });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const announcements = states.flatMap((state) => {
      const subject = { initiativeId: state.initiativeId, programId: state.programId };
      const created = createEnvelope(
        {
          type: 'initiative.created',
          source: 'tollgate/initiatives',
          subject: state.initiativeId,
          data: {
            ...subject,
            code: state.code,
            title: state.title,
            ownerId: state.ownerId,
            sponsorId: state.sponsorId,
            controllerId: state.controllerId,
            category: state.category,
            currency: state.currency,
            stage: state.stage,
            status: state.status,
            plannedValue: 0,
            measures: [],
          },
        },
        randomUUID(),
        new Date(),
      );
      const closure =
        state.closure.state === 'pending_confirmation'
          ? [
              createEnvelope(
                {
                  type: 'initiative.closure-requested',
                  source: 'tollgate/initiatives',
                  subject: state.initiativeId,
                  data: { ...subject, requestedBy: state.ownerId, closure: 'pending_confirmation' },
                },
                randomUUID(),
                new Date(),
              ),
            ]
          : [];
      return [created, ...closure].map((event) => {
        const value = JSON.stringify(event);
        return { key: state.initiativeId, value, headers: signedBy('initiatives', value) };
      });
    });
    for (let offset = 0; offset < announcements.length; offset += 1000) {
      await producer.send({ topic: testTopic(TOPICS.initiativesEvents), messages: announcements.slice(offset, offset + 1000) });
    }
  } finally {
    await producer.disconnect();
  }
  const ids = states.map((state) => state.initiativeId);
  await eventually(
    async () =>
      Number(
        (await finance.query(`SELECT count(*) AS n FROM finance.ledger_initiative WHERE initiative_id = ANY($1) AND closure_state = $2`, [ids, template.closure.state]))[0].n,
      ),
    (known) => known === count,
    { what: 'finance to learn of the cloned initiatives', timeoutMs: 1_800_000, intervalMs: 500 },
  );
  return states;
}

/** The lifecycle state of a walked initiative, as its workflow holds it. */
export async function lifecycleStateOf(client: Client, initiativeId: string): Promise<LifecycleState> {
  return client.workflow.getHandle(initiativeWorkflowId(initiativeId)).query(LIFECYCLE.state);
}
