import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtWorkflowBundle } from '../testing/built-workflow-bundle';

const ROOT = path.resolve(__dirname, '../..');
const HISTORIES = path.join(ROOT, 'test/histories');

// Histories recorded from the lifecycle and S&OP cycle tests (TOLLGATE_RECORD_HISTORIES=1)
// replay against the current workflow code: a change that would break a
// running initiative fails here, and must go through patched().
describe('recorded workflow histories replay against the current code', () => {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('has recorded histories of each long-lived workflow to replay', () => {
    expect(files.filter((file) => file.startsWith('initiative-lifecycle.')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((file) => file.startsWith('sop-cycle.')).length).toBeGreaterThanOrEqual(1);
    expect(files.filter((file) => file.startsWith('sop-action.')).length).toBeGreaterThanOrEqual(1);
  });

  it('replays every one without nondeterminism', async () => {
    const workflowBundle = builtWorkflowBundle();
    const histories = files.map((file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8'))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
