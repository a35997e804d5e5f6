import { temporalClusterEnvironment, temporalConnection } from '@tollgate/config';
import { z } from 'zod';

const LOG_LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'] as const;

/** The workflow worker's settings, named as environment variables. */
export const workerConfigSchema = z
  .object({
    TOLLGATE_TEMPORAL_ADDRESS: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'expected host:port')
      .default('127.0.0.1:7233'),
    TOLLGATE_TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
    ...temporalClusterEnvironment,
    TOLLGATE_WORKFLOW_BUNDLE: z.string().trim().min(1).default('dist/workflows/workflow-bundle.js'),
    TOLLGATE_WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    // 0.0.0.0 in a container, so that a probe or Prometheus from outside reaches the metrics.
    TOLLGATE_WORKER_METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
    TOLLGATE_WORKER_LOG_LEVEL: z.enum(LOG_LEVELS).default('INFO'),
    TOLLGATE_WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1000),
  })
  .transform((env, context) => ({
    temporal: temporalConnection(env, (setting, message) => context.issues.push({ code: 'custom', input: env, message, path: [setting] })),
    bundlePath: env.TOLLGATE_WORKFLOW_BUNDLE,
    metricsPort: env.TOLLGATE_WORKER_METRICS_PORT,
    metricsHost: env.TOLLGATE_WORKER_METRICS_HOST,
    logLevel: env.TOLLGATE_WORKER_LOG_LEVEL,
    maxCachedWorkflows: env.TOLLGATE_WORKER_MAX_CACHED_WORKFLOWS,
  }));

export type WorkerConfig = z.infer<typeof workerConfigSchema>;
