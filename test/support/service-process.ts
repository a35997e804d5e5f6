import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { serviceTestEnv, TEST_ENVIRONMENT } from './test-environment';

const ROOT = path.resolve(__dirname, '../..');
const LOGS = TEST_ENVIRONMENT.resultsDir;

export type StackProcessName = 'plans' | 'initiatives' | 'finance' | 'worker';

/** A free TCP port on the loopback, kept for a process's restarts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A service or the workflow worker as it runs in production, a process of
 * its own started from the build, so that a fault test can kill it with
 * SIGKILL at any moment and start it again on the same port.
 */
export class StackProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  private constructor(
    readonly name: StackProcessName,
    readonly port: number,
    readonly replica: string,
    private readonly settings: Record<string, string>,
  ) {}

  /**
   * Starts a process on a free port of its own. A second `replica` of the same
   * name shares everything else (database, consumer groups, task queues) as
   * another instance of a real deployment would; only its log is apart.
   * `env` adds to or overrides the test settings.
   */
  static async start(name: StackProcessName, { replica = '', env = {} }: { replica?: string; env?: Record<string, string> } = {}): Promise<StackProcess> {
    const process = new StackProcess(name, await freePort(), replica, env);
    await process.launch();
    return process;
  }

  /** The process id, to read its memory; undefined while it is not running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it is ready, failing when that takes longer than `readyWithinMs`. */
  async launch(readyWithinMs = 90_000): Promise<number> {
    mkdirSync(LOGS, { recursive: true });
    const entry = this.name === 'worker' ? 'dist/workflows/workflows/worker/main.js' : `dist/services/${this.name}/services/${this.name}/src/main.js`;
    const env = {
      ...process.env,
      ...serviceTestEnv(this.settings),
      TOLLGATE_LOG_LEVEL: 'warn',
      TOLLGATE_WORKER_LOG_LEVEL: 'WARN',
      TOLLGATE_WORKFLOW_BUNDLE: TEST_ENVIRONMENT.workflowBundle,
      [this.name === 'worker' ? 'TOLLGATE_WORKER_METRICS_PORT' : `TOLLGATE_${this.name.toUpperCase()}_PORT`]: String(this.port),
    };
    const log = createWriteStream(path.join(LOGS, `fault-${this.name}${this.replica ? `-${this.replica}` : ''}.log`), { flags: 'a' });
    // TOLLGATE_PROFILE_DIR: each process writes a V8 CPU profile there when it stops, to see where a benchmark's time goes.
    // A sample every 10 ms rather than V8's every 1 ms: at 1 ms the profiler took a quarter of the figures it explains.
    const profile = process.env.TOLLGATE_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.TOLLGATE_PROFILE_DIR}`, `--cpu-prof-interval=${process.env.TOLLGATE_PROFILE_INTERVAL_US ?? 10_000}`]
      : [];
    const child = spawn(process.execPath, [...profile, '-r', './deploy/runtime/lib-paths.js', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    return this.ready(readyWithinMs);
  }

  /** Waits until the process answers as ready: a service's /health 200, the worker's metrics endpoint. */
  async ready(timeoutMs: number): Promise<number> {
    const started = Date.now();
    const url = this.name === 'worker' ? `${this.baseUrl}/metrics` : `${this.baseUrl}/health`;
    for (;;) {
      try {
        const answer = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (answer.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`${this.name} on port ${this.port} was not ready within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill9(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}
