import { announceProgram } from './org-nodes';
import { RunningService, startService } from './running-service';
import { RunningWorkflowWorker, startWorkflowWorker } from './workflow-worker';

/** The initiatives service and the workflow worker, ready, with one program announced to them. */
export interface InitiativesStack {
  service: RunningService;
  worker: RunningWorkflowWorker;
  programId: string;
}

export async function startInitiativesStack(): Promise<InitiativesStack> {
  const service = await startService('initiatives');
  const worker = await startWorkflowWorker();
  await service.ready();
  return { service, worker, programId: await announceProgram(service.dataSource) };
}
