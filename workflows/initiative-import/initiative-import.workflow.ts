import { ActivityFailure, CancellationScope, proxyActivities, setHandler } from '@temporalio/workflow';
import { INITIATIVE_IMPORT, TASK_QUEUES, type ImportProgress, type ImportStepResult, type InitiativeImportActivities, type InitiativeImportInput } from '@tollgate/contracts';

// Each step is small enough to finish well within its timeout, and large enough to keep the history short.
const CHECK_STEP = 1000;
const APPLY_STEP = 100;
const READ_ATTEMPTS = 3;
const STEP_ATTEMPTS = 12;

const { readImport } = proxyActivities<InitiativeImportActivities>({
  taskQueue: TASK_QUEUES.initiatives,
  startToCloseTimeout: '5 minutes',
  // Reading a large workbook is one long parse between heartbeats.
  heartbeatTimeout: '2 minutes',
  // A file the service cannot read three times over (each time its process died, say) will not be read
  // on the fourth: the import fails, and a cancellation is not held behind it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: READ_ATTEMPTS },
});

// The import's end is recorded whatever it takes: an import left 'applying' in its table could be neither
// cancelled nor uploaded again.
const { finishImport } = proxyActivities<InitiativeImportActivities>({
  taskQueue: TASK_QUEUES.initiatives,
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { checkImportRows, applyImportRows } = proxyActivities<InitiativeImportActivities>({
  taskQueue: TASK_QUEUES.initiatives,
  startToCloseTimeout: '5 minutes',
  // A step whose worker died is tried again within seconds, not after the whole timeout.
  heartbeatTimeout: '20 seconds',
  // The initiatives service may be restarting: the import waits for it (some four minutes), and every step is
  // safe to repeat; a step that fails past that fails the import, which the same upload starts again.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: STEP_ATTEMPTS },
});

/**
 * An import of initiatives from a spreadsheet: the file is read into one row
 * per initiative, every row is checked, and then, unless the import takes
 * good files only and this one has a bad cell, the good initiatives are
 * created. Its progress only grows, and its query shows it. A cancellation
 * stops it after the step under way; what was created stays. A step that
 * fails past its attempts ends it as failed, with the reason.
 */
export async function initiativeImport(input: InitiativeImportInput): Promise<ImportProgress> {
  const progress: ImportProgress = { importId: input.importId, state: 'reading', total: 0, checked: 0, applied: 0, unchanged: 0, refused: 0, problems: 0 };
  setHandler(INITIATIVE_IMPORT.progress, () => progress);
  const add = (step: ImportStepResult) => {
    progress.checked += step.checked ?? 0;
    progress.applied += step.applied ?? 0;
    progress.unchanged += step.unchanged ?? 0;
    progress.refused += step.refused ?? 0;
    progress.problems += step.problems ?? 0;
  };
  // A step once begun runs to its end; a cancellation is seen between steps.
  const step = <T>(run: () => Promise<T>) => CancellationScope.nonCancellable(run);
  const cancelled = () => CancellationScope.current().consideredCancelled;

  async function run(): Promise<void> {
    const read = await step(() => readImport({ importId: input.importId }));
    progress.total = read.total;
    progress.refused += read.orphans;
    progress.problems += read.problems;
    progress.state = 'checking';
    for (let from = 0; from < read.total && !cancelled(); from += CHECK_STEP) {
      add(await step(() => checkImportRows({ importId: input.importId, from, to: Math.min(read.total, from + CHECK_STEP) })));
    }
    if (!cancelled()) {
      if (input.mode === 'all' && progress.problems > 0) {
        // A good file only: nothing of this one is applied, and every initiative counts as refused.
        progress.state = 'refused';
        progress.refused = progress.total + read.orphans;
      } else {
        progress.state = 'applying';
        for (let from = 0; from < read.total && !cancelled(); from += APPLY_STEP) {
          add(await step(() => applyImportRows({ importId: input.importId, from, to: Math.min(read.total, from + APPLY_STEP) })));
        }
        if (!cancelled()) progress.state = 'completed';
      }
    }
  }

  try {
    await run();
  } catch (error) {
    // Only a step's failure past its attempts ends the import here; anything else is a bug to surface.
    if (!(error instanceof ActivityFailure)) throw error;
    progress.state = 'failed';
    progress.failure = `${error.activityType ?? 'a step'} failed after its attempts: ${String(error.cause?.message ?? error.message).slice(0, 500)}`;
  }
  if (cancelled() && progress.state !== 'failed') progress.state = 'cancelled';
  await step(() => finishImport({ progress: { ...progress } }));
  return progress;
}
