import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_ENVIRONMENT } from '../support/test-environment';

const ROOT = path.resolve(__dirname, '../..');

/** The workflow worker as it runs in production: its own process, from the build. */
export async function spawnWorkflowWorker(): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['-r', './deploy/runtime/lib-paths.js', 'dist/workflows/workflows/worker/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      TOLLGATE_TEMPORAL_NAMESPACE: TEST_ENVIRONMENT.temporalNamespace,
      TOLLGATE_WORKER_METRICS_PORT: '0',
      TOLLGATE_WORKER_LOG_LEVEL: 'WARN',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // It has connected and loaded its bundle well within this.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return worker;
}

export function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((candidate) => candidate.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}
