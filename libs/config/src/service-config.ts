import { z } from 'zod';

/** The development secret that production refuses. */
export const DEVELOPMENT_JWT_SECRET = 'tollgate-dev-secret';

export type ServiceName = 'plans' | 'initiatives' | 'finance';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const hostPort = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'expected host:port');

const brokerList = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.split(',').map((broker) => broker.trim()))
  .pipe(z.array(hostPort).min(1));

const postgresUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'expected a postgres:// URL');

const duration = z.coerce.number().int().min(1);

/** Settings every service shares, named as environment variables. */
export const commonEnvironment = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  TOLLGATE_HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  TOLLGATE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TOLLGATE_DATABASE_URL: postgresUrl.default('postgres://tollgate:tollgate@127.0.0.1:5432/tollgate'),
  TOLLGATE_KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
  TOLLGATE_KAFKA_CLIENT_ID: z.string().trim().min(1).optional(),
  TOLLGATE_KAFKA_GROUP_PREFIX: z.string().trim().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore').default('tollgate'),
  TOLLGATE_OUTBOX_POLL_MS: duration.default(200),
  TOLLGATE_TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TOLLGATE_TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TOLLGATE_JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_JWT_SECRET),
  TOLLGATE_JWT_JWKS_URL: z.string().trim().url().optional(),
};

/** The validated configuration of one service, in the shape the code uses. */
export interface ServiceConfig {
  service: ServiceName;
  environment: 'development' | 'test' | 'production';
  http: { host: string; port: number };
  logLevel: (typeof LOG_LEVELS)[number];
  database: { url: string; schema: ServiceName };
  /** Consumer groups are `<groupPrefix>-<service>.<purpose>`: a second stack on the same brokers uses another prefix. */
  kafka: { brokers: string[]; clientId: string; groupPrefix: string; outboxPollMs: number };
  temporal: { address: string; namespace: string; taskQueue: ServiceName };
  auth: { jwtSecret?: string; jwksUrl?: string };
}

/** Settings with a local default that a production process must set explicitly. */
export const REQUIRED_IN_PRODUCTION = ['TOLLGATE_DATABASE_URL', 'TOLLGATE_KAFKA_BROKERS', 'TOLLGATE_TEMPORAL_ADDRESS'] as const;

// The local defaults point at 127.0.0.1; a production process that silently
// used them would look healthy while talking to nothing.
const productionSettingsPresent = z.any().superRefine((env: Record<string, string | undefined>, context) => {
  if (env.NODE_ENV !== 'production') return;
  for (const setting of REQUIRED_IN_PRODUCTION) {
    if (!env[setting]) {
      context.addIssue({ code: 'custom', path: [setting], message: 'is required in production' });
    }
  }
});

/**
 * The configuration schema of a service: the common settings plus its port
 * (`TOLLGATE_<SERVICE>_PORT`). Production must name its
 * database, brokers and Temporal, and refuses the development JWT secret.
 */
export function serviceConfigSchema(service: ServiceName, defaultPort: number) {
  const portSetting = `TOLLGATE_${service.toUpperCase()}_PORT`;
  return productionSettingsPresent.pipe(
    z
    .object({ ...commonEnvironment, [portSetting]: port(defaultPort) })
    .superRefine((env, context) => {
      if (env.NODE_ENV === 'production' && !env.TOLLGATE_JWT_JWKS_URL && env.TOLLGATE_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
        context.addIssue({
          code: 'custom',
          path: ['TOLLGATE_JWT_SECRET'],
          message: 'the development secret is refused in production; set a secret or TOLLGATE_JWT_JWKS_URL',
        });
      }
    })
    .transform(
      (env): ServiceConfig => ({
        service,
        environment: env.NODE_ENV,
        http: { host: env.TOLLGATE_HTTP_HOST, port: (env as Record<string, unknown>)[portSetting] as number },
        logLevel: env.TOLLGATE_LOG_LEVEL,
        database: { url: env.TOLLGATE_DATABASE_URL, schema: service },
        kafka: {
          brokers: env.TOLLGATE_KAFKA_BROKERS,
          clientId: env.TOLLGATE_KAFKA_CLIENT_ID ?? `tollgate-${service}`,
          groupPrefix: env.TOLLGATE_KAFKA_GROUP_PREFIX,
          outboxPollMs: env.TOLLGATE_OUTBOX_POLL_MS,
        },
        temporal: { address: env.TOLLGATE_TEMPORAL_ADDRESS, namespace: env.TOLLGATE_TEMPORAL_NAMESPACE, taskQueue: service },
        auth: env.TOLLGATE_JWT_JWKS_URL ? { jwksUrl: env.TOLLGATE_JWT_JWKS_URL } : { jwtSecret: env.TOLLGATE_JWT_SECRET },
      }),
    ),
  );
}
