import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { initiativeImportWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type ImportProgress, type InitiativeImportActivities } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { builtWorkflowBundle } from '../testing/built-workflow-bundle';

const ROOT = path.resolve(__dirname, '../..');

// The import's steps as the initiatives service's activities, each able to fail as a dying process would:
// how often each was tried, and what the import recorded when it ended.
function importSteps(fail: { read?: boolean; apply?: boolean }) {
  const attempts = { read: 0, check: 0, apply: 0 };
  const finished: ImportProgress[] = [];
  const activities: InitiativeImportActivities = {
    readImport: async () => {
      attempts.read += 1;
      if (fail.read) throw ApplicationFailure.retryable('the worker died while reading the file', 'WorkerDied');
      return { total: 150, orphans: 0, problems: 0 };
    },
    checkImportRows: async ({ from, to }) => {
      attempts.check += 1;
      return { checked: to - from };
    },
    applyImportRows: async ({ from, to }) => {
      attempts.apply += 1;
      if (fail.apply) throw ApplicationFailure.retryable('the database is away', 'Unavailable');
      return { applied: to - from };
    },
    finishImport: async ({ progress }) => void finished.push(progress),
  };
  return { attempts, finished, activities };
}

describe('an import of initiatives on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // installed by an earlier suite in this process
    }
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: path.join(ROOT, 'deploy/local/bin/temporal-test-server') } } });
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function runImport(steps: ReturnType<typeof importSteps>, whileRunning?: (importId: string) => Promise<void>): Promise<ImportProgress> {
    const workers = await Promise.all([
      Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.lifecycle, workflowBundle: builtWorkflowBundle() }),
      Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.initiatives, activities: steps.activities }),
    ]);
    const importId = randomUUID();
    const work = async () => {
      const handle = await env.client.workflow.start(WORKFLOW_TYPES.initiativeImport, { workflowId: initiativeImportWorkflowId(importId), taskQueue: TASK_QUEUES.lifecycle, args: [{ importId, mode: 'valid' }] });
      await whileRunning?.(importId);
      return (await handle.result()) as ImportProgress;
    };
    const [workflows, activities] = workers;
    return workflows.runUntil(activities.runUntil(work));
  }

  it('ends as failed, with the reason, when the file cannot be read three times over, instead of reading it for ever', async () => {
    const steps = importSteps({ read: true });
    const progress = await runImport(steps);
    expect(steps.attempts.read).toBe(3);
    expect(progress).toMatchObject({ state: 'failed', failure: 'readImport failed after its attempts: the worker died while reading the file' });
    expect(steps.finished).toEqual([expect.objectContaining({ state: 'failed', failure: progress.failure })]);
  });

  it('ends a cancelled import whose step keeps failing once the step has used its attempts, keeping what was done', async () => {
    const steps = importSteps({ apply: true });
    const progress = await runImport(steps, async (importId) => {
      // Cancelled once the first apply step has begun failing: the step under way is not cut short.
      while (steps.attempts.apply === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await env.client.workflow.getHandle(initiativeImportWorkflowId(importId)).cancel();
    });
    expect(steps.attempts.apply).toBe(12);
    expect(progress).toMatchObject({ state: 'failed', total: 150, checked: 150, applied: 0, failure: 'applyImportRows failed after its attempts: the database is away' });
    expect(steps.finished).toHaveLength(1);
  });
});
