import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/** Temporal's runtime logs warnings and errors only in tests; it can be installed once per process. */
export function quietTemporalRuntime(): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Another suite in this process installed it already.
  }
}
