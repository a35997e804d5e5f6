import { announceProgram } from './org-nodes';
import { startService, type RunningService, type ServiceName } from './running-service';
import { startWorkflowWorker, type RunningWorkflowWorker } from './workflow-worker';

export interface TestStackOptions<S extends ServiceName> {
  services: readonly S[];
  /** The workflow worker, for suites whose services start or call workflows. */
  worker?: boolean;
  /** Settings of a service's own, beside the test environment's. */
  env?: Partial<Record<S, Record<string, string>>>;
}

/** The services a suite asked for, each ready (its consumers joined, its activity worker polling), and the worker. */
export type TestStack<S extends ServiceName> = { [K in S]: RunningService } & {
  worker?: RunningWorkflowWorker;
  /** Stops the worker first, then every service; safe after a set-up that failed half-way. */
  stop(): Promise<void>;
};

/**
 * What every integration suite starts: the services it tests, in this
 * process against the real stack, and the workflow worker when it needs one.
 */
export async function startTestStack<S extends ServiceName>(options: TestStackOptions<S>): Promise<TestStack<S>> {
  const started: RunningService[] = [];
  let worker: RunningWorkflowWorker | undefined;
  const stop = async () => {
    await worker?.stop();
    await Promise.all(started.map((service) => service.close()));
  };
  try {
    const services = await Promise.all(
      options.services.map(async (name) => {
        const service = await startService(name, options.env?.[name] ?? {});
        started.push(service);
        return service;
      }),
    );
    if (options.worker) worker = await startWorkflowWorker();
    await Promise.all(services.map((service) => service.ready()));
    return Object.assign(Object.fromEntries(services.map((service) => [service.name, service])), { worker, stop }) as TestStack<S>;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The initiatives service and the workflow worker, ready, with one program announced to them. */
export interface InitiativesStack {
  service: RunningService;
  worker: RunningWorkflowWorker;
  programId: string;
  stop(): Promise<void>;
}

export async function startInitiativesStack(): Promise<InitiativesStack> {
  const stack = await startTestStack({ services: ['initiatives'], worker: true });
  return { service: stack.initiatives, worker: stack.worker!, programId: await announceProgram(stack.initiatives.dataSource), stop: stack.stop };
}
