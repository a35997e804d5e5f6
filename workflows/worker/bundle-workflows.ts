import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflows } from './workflow-bundle';

// Build step: writes the prebuilt workflow bundle that the worker loads.
async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? 'dist/workflows/workflow-bundle.js');
  const bundle = await bundleWorkflows(process.cwd());
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bundle.code);
  process.stdout.write(`workflow bundle written to ${target} (${Math.round(bundle.code.length / 1024)} KiB)\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`bundling workflows failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
