export interface PollingLoopOptions {
  /** A step that moved this many items moves again at once: more is waiting. */
  batchSize: number;
  pollIntervalMs: number;
  /** Called with each failure of a step; the loop waits longer after each, up to 5 s, and goes on. */
  onError?: (error: Error) => void;
}

/**
 * Runs a batch step until stopped: again at once after a full batch, else
 * after the poll interval, longer after failures. A nudge (new work has just
 * committed) wakes it, or spares it the next wait when it comes during a step.
 * The outbox relay and finance's deliveries to the lifecycles both run on it.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;

  constructor(
    private readonly step: () => Promise<number>,
    private readonly options: PollingLoopOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let moved = 0;
      this.nudged = false;
      try {
        moved = await this.step();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.onError?.(error as Error);
      }
      if (moved < this.options.batchSize && !this.nudged && this.running) {
        await this.sleep(failures === 0 ? this.options.pollIntervalMs : Math.min(5000, 250 * 2 ** Math.min(failures, 5)));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
