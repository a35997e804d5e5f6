export interface PollingLoopOptions {
  /** A step that moved this many items moves again at once: more is waiting. */
  batchSize: number;
  pollIntervalMs: number;
  /**
   * How long a nudge waits before it wakes the loop, so that the work of
   * several nudges goes in one step: each step costs its round trips however
   * little it moves. 0 (the default) wakes at once.
   */
  lingerMs?: number;
  /** Called with each failure of a step; the loop waits longer after each, up to 5 s, and goes on. */
  onError?: (error: Error) => void;
}

/**
 * Runs a batch step until stopped: again at once after a full batch, else
 * after the poll interval, longer after failures. A nudge (new work has just
 * committed) wakes it, after the linger if there is one, or spares it the
 * next wait when it comes during a step.
 * The outbox relay and finance's deliveries to the lifecycles both run on it.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private lingering?: ReturnType<typeof setTimeout>;

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
    const lingerMs = this.options.lingerMs ?? 0;
    if (lingerMs === 0) return void this.wake?.();
    this.lingering ??= setTimeout(() => {
      this.lingering = undefined;
      this.wake?.();
    }, lingerMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.lingering);
    this.lingering = undefined;
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
      if (moved < this.options.batchSize && this.running) {
        if (!this.nudged) await this.sleep(failures === 0 ? this.options.pollIntervalMs : Math.min(5000, 250 * 2 ** Math.min(failures, 5)));
        // Nudged during the step: more is waiting, and the linger gathers what follows it into the next step.
        else if (this.options.lingerMs) await this.sleep(this.options.lingerMs);
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
