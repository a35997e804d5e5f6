import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import path from 'node:path';

/**
 * The libraries workflow code may import, and the entry each resolves to in
 * the bundle: the bundler does not read tsconfig paths by itself. Contracts
 * resolve to their schema-free part (see libs/contracts/src/workflow.ts).
 */
const WORKFLOW_LIBRARIES = {
  '@tollgate/contracts$': 'libs/contracts/src/workflow.ts',
  '@tollgate/domain$': 'libs/domain/src/index.ts',
} as const;

/**
 * Bundles the workflow code from its TypeScript sources. `root` is the
 * repository root; the aliases point the allowed libraries at their sources.
 */
export function bundleWorkflows(root: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.join(root, 'workflows/index.ts'),
    // The trace context of each client call handed on to the activities it causes.
    workflowInterceptorModules: [path.join(root, 'workflows/tracing/tracing-interceptors.ts')],
    webpackConfigHook: (config) => {
      const alias = Object.fromEntries(Object.entries(WORKFLOW_LIBRARIES).map(([name, entry]) => [name, path.join(root, entry)]));
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } };
      // A workflow importing what the schema-free entry lacks must fail the build, not run with undefined.
      config.module = {
        ...config.module,
        parser: { ...config.module?.parser, javascript: { ...config.module?.parser?.javascript, exportsPresence: 'error' } },
      };
      return config;
    },
  });
}
