import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** What the bundle is made of: the workflow code and the two libraries it may import. */
const SOURCES = ['workflows', 'libs/domain/src', 'libs/contracts/src'];

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !/spec\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The workflow bundle the build made (`nx build workflows`), which every tier's workers and replays
 * load instead of bundling the code again. A bundle older than the workflow sources would test code
 * that is no longer there, so it is refused, naming the command that makes it anew.
 */
export function builtWorkflowBundle(relative = process.env.TOLLGATE_WORKFLOW_BUNDLE ?? 'dist/workflows/workflow-bundle.js'): { codePath: string } {
  const codePath = path.resolve(ROOT, relative);
  if (!existsSync(codePath)) throw new Error(`workflow bundle missing at ${codePath}: build it first (npx nx build workflows)`);
  const built = statSync(codePath).mtimeMs;
  const changed = Math.max(...SOURCES.map((folder) => newestSource(path.join(ROOT, folder))));
  if (changed > built) throw new Error(`the workflow bundle at ${codePath} is older than the workflow sources: build it again (npx nx build workflows)`);
  return { codePath };
}
