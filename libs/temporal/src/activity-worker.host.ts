import { Logger } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConnectionOptions, type TemporalSettings } from './temporal-settings';
import { activityTracingInterceptors } from './temporal-tracing';

/** A provider that contributes activities to its service's worker. */
export interface ActivityProvider {
  activities(): object;
}

export interface ActivityWorkerOptions extends TemporalSettings {
  taskQueue: string;
  activities: object;
  maxConcurrentActivityTaskExecutions?: number;
}

/**
 * Runs a Temporal worker for a service's own activities on its own task
 * queue. It keeps trying to connect while Temporal is not reachable, and on
 * shutdown lets running activities finish.
 */
export class ActivityWorkerHost {
  private readonly logger = new Logger('ActivityWorker');
  private worker?: Worker;
  private connection?: NativeConnection;
  private stopped = false;
  private running?: Promise<void>;
  private readyResolve!: () => void;
  /** Resolves once the worker polls its task queue. */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(private readonly options: ActivityWorkerOptions) {}

  start(): void {
    this.running ??= this.runWithRetry();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.worker && this.worker.getState() === 'RUNNING') {
      this.worker.shutdown();
    }
    await this.running;
    await this.connection?.close().catch(() => undefined);
  }

  private async runWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        this.connection ??= await NativeConnection.connect(temporalConnectionOptions(this.options));
        this.worker = await Worker.create({
          connection: this.connection,
          namespace: this.options.namespace,
          taskQueue: this.options.taskQueue,
          activities: this.options.activities,
          interceptors: { activity: activityTracingInterceptors() },
          maxConcurrentActivityTaskExecutions: this.options.maxConcurrentActivityTaskExecutions ?? 50,
        });
        if (this.stopped) return;
        this.logger.log(`polling task queue '${this.options.taskQueue}'`);
        this.readyResolve();
        await this.worker.run();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.logger.warn(`worker for '${this.options.taskQueue}' failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      }
    }
  }
}
