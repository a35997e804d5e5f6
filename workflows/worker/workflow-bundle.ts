import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import path from 'node:path';

/** The libraries workflow code may import; the bundler does not read tsconfig paths by itself. */
const WORKFLOW_LIBRARIES = ['contracts', 'domain'] as const;

/**
 * Bundles the workflow code from its TypeScript sources. `root` is the
 * repository root; the aliases point the allowed libraries at their sources.
 */
export function bundleWorkflows(root: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.join(root, 'workflows/index.ts'),
    webpackConfigHook: (config) => {
      const alias = Object.fromEntries(
        WORKFLOW_LIBRARIES.map((name) => [`@tollgate/${name}`, path.join(root, `libs/${name}/src/index.ts`)]),
      );
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
      return config;
    },
  });
}
