import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  WORKFLOW_TYPES,
  type LifecycleChange,
  type LifecycleInput,
} from '@tollgate/contracts';
import { initialLifecycleState, type InitiativeDraft, type LifecycleState, type RuleViolation } from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtWorkflowBundle } from '../../testing/built-workflow-bundle';

const ROOT = path.resolve(__dirname, '../../..');
const DAY_MS = 86_400_000;

export const PEOPLE = {
  owner: { id: 'olivia', roles: ['owner'] },
  sponsor: { id: 'sam', roles: ['sponsor'] },
  controller: { id: 'cleo', roles: ['controller'] },
  pmo: { id: 'pat', roles: ['pmo'] },
  stranger: { id: 'vic', roles: ['viewer'] },
} as const;

export const POLICY = { sponsorGraceMs: 7 * DAY_MS, steeringCommitteeGraceMs: 14 * DAY_MS };

/** A draft whose business case meets the gates to stages 1, 2 and 3; milestones fall due relative to `now`. */
export function draftFixture(now: number, overrides: Partial<InitiativeDraft> = {}): InitiativeDraft {
  const inDays = (days: number) => new Date(now + days * DAY_MS).toISOString().slice(0, 10);
  return {
    title: 'Consolidate freight carriers',
    programId: 'program-logistics',
    ownerId: PEOPLE.owner.id,
    sponsorId: PEOPLE.sponsor.id,
    controllerId: PEOPLE.controller.id,
    category: 'cost',
    currency: 'EUR',
    roughValue: null,
    measures: [{ name: 'Carrier rates', category: 'procurement', plannedValues: [{ period: '2027-03', amount: 250_000 }] }],
    oneTimeCosts: [{ period: '2027-01', amount: 40_000 }],
    milestones: [
      { title: 'Tender sent', dueDate: inDays(10) },
      { title: 'Contracts signed', dueDate: inDays(40) },
    ],
    ...overrides,
  };
}

/**
 * The lifecycle workflow on Temporal's time-skipping test server, built from
 * the current sources, with the projection activity recording what it is sent.
 */
export class LifecycleHarness {
  readonly projections: { state: LifecycleState; changes: LifecycleChange[] }[] = [];
  private running: Promise<unknown>[] = [];
  private held: Promise<void> | null = null;
  private workers: Worker[] = [];

  private constructor(readonly env: TestWorkflowEnvironment) {}

  /**
   * `plansActivities` stand in for the plans service's activities, for workflows that call them;
   * `project` is where each projection goes after it is recorded (a real initiatives service's, for
   * tests that follow the changes on to the audit trail and the events).
   */
  static async start(options: { plansActivities?: object; project?: (input: { state: LifecycleState; changes: LifecycleChange[] }) => Promise<unknown> } = {}): Promise<LifecycleHarness> {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // installed by an earlier suite in this process
    }
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: path.join(ROOT, 'deploy/local/bin/temporal-test-server') } },
    });
    // The test server knows no custom search attributes until told, as a real cluster.
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(
        Object.values(SEARCH_ATTRIBUTES).map((key) => [
          key.name,
          key.type === 'INT' ? temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT : temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
        ]),
      ),
    });
    const harness = new LifecycleHarness(env);
    const workflowBundle = builtWorkflowBundle();
    const workflows = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: TASK_QUEUES.lifecycle,
      workflowBundle,
    });
    const activities = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: TASK_QUEUES.initiatives,
      activities: {
        projectLifecycleChange: async (input: { state: LifecycleState; changes: LifecycleChange[] }) => {
          await harness.held;
          harness.projections.push(input);
          return options.project?.(input);
        },
      },
    });
    harness.workers = [workflows, activities];
    if (options.plansActivities) {
      harness.workers.push(
        await Worker.create({
          connection: env.nativeConnection,
          namespace: env.namespace ?? 'default',
          taskQueue: TASK_QUEUES.plans,
          activities: options.plansActivities,
        }),
      );
    }
    harness.running = harness.workers.map((worker) => worker.run());
    return harness;
  }

  async stop(): Promise<void> {
    for (const worker of this.workers) worker.shutdown();
    await Promise.allSettled(this.running);
    await this.env.teardown();
  }

  /** Starts a lifecycle as the service does: an update-with-start that answers once the initiative is projected. */
  async create(overrides: Partial<InitiativeDraft> = {}, historyLimit?: number): Promise<WorkflowHandle> {
    const initiativeId = randomUUID();
    const now = await this.now();
    const state = initialLifecycleState(
      draftFixture(now, overrides),
      { initiativeId, code: `INI-${initiativeId.slice(0, 4)}`, createdBy: PEOPLE.owner.id, createdAt: new Date(now).toISOString() },
      POLICY,
      randomUUID,
    );
    const input: LifecycleInput = historyLimit ? { state, historyLimit } : { state };
    const handle = await this.env.client.workflow.start(WORKFLOW_TYPES.initiativeLifecycle, {
      taskQueue: TASK_QUEUES.lifecycle,
      workflowId: initiativeWorkflowId(initiativeId),
      args: [input],
    });
    await handle.executeUpdate(LIFECYCLE.created);
    return handle;
  }

  /** Holds every projection until the returned function is called: the initiatives service slow or away. */
  holdProjections(): () => void {
    let release = () => undefined as void;
    this.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.held = null;
      release();
    };
  }

  /** The test server's clock, which time skipping moves. */
  async now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  changesOf(initiativeId: string): LifecycleChange[] {
    return this.projections.filter((projection) => projection.state.initiativeId === initiativeId).flatMap((projection) => projection.changes);
  }

  /** Records a workflow's history for the replay test, when TOLLGATE_RECORD_HISTORIES is set. */
  async keepHistory(handle: WorkflowHandle, name: string, workflow = 'initiative-lifecycle'): Promise<void> {
    if (!process.env.TOLLGATE_RECORD_HISTORIES) return;
    const history = await handle.fetchHistory();
    const directory = path.join(ROOT, 'test/histories');
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, `${workflow}.${name}.json`), historyToJSON(temporal.api.history.v1.History.fromObject(history)) + '\n');
  }
}

/** The rule violation a refused update carries, or a failure when the update was accepted. */
export async function refusal(promise: Promise<unknown>, type: string = LIFECYCLE_REFUSAL): Promise<RuleViolation> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { type?: string; details?: unknown[] } }).cause;
    if (cause?.type === type) return cause.details![0] as RuleViolation;
    throw error;
  }
  throw new Error('the update was accepted; a refusal was expected');
}

/** Polls until `check` holds; for what the workflow does after it has answered (its projection, continuing as new). */
export async function until<T>(probe: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
