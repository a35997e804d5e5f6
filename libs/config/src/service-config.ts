import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import {
  DEVELOPMENT_KEY_ID,
  developmentSigningKey,
  developmentTrustedKeys,
  isDevelopmentKey,
  parsePrivateKey,
  parseTrustedKeys,
  type SigningSettings,
} from './signing-keys';
import {
  databaseCluster,
  databaseClusterEnvironment,
  kafkaCluster,
  kafkaClusterEnvironment,
  temporalConnection,
  temporalClusterEnvironment,
  type DatabaseClusterSettings,
  type KafkaClusterSettings,
  type TemporalConnectionSettings,
} from './cluster-connections';

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

/**
 * `NODE_ENV`, for every schema that refuses development secrets in production: unset means production,
 * so development secrets and the token route are there only when asked for by name.
 */
export const nodeEnvironment = z.enum(['development', 'test', 'production']).default('production');

/** Settings every service shares, named as environment variables. */
export const commonEnvironment = {
  NODE_ENV: nodeEnvironment,
  TOLLGATE_HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  // The cockpit page is served by the plans service and calls the other two from its origin.
  TOLLGATE_CORS_ORIGINS: z
    .string()
    .trim()
    .default('http://127.0.0.1:3001,http://localhost:3001')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'expected an origin such as https://cockpit.example.com'))),
  TOLLGATE_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TOLLGATE_DATABASE_URL: postgresUrl.default('postgres://tollgate:tollgate@127.0.0.1:5432/tollgate'),
  TOLLGATE_KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
  TOLLGATE_KAFKA_CLIENT_ID: z.string().trim().min(1).optional(),
  TOLLGATE_KAFKA_GROUP_PREFIX: z.string().trim().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore').default('tollgate'),
  TOLLGATE_KAFKA_TOPIC_PREFIX: z.string().trim().max(100).regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore').default(''),
  TOLLGATE_TRUSTED_SIGNING_KEYS: z.string().trim().min(1).optional(),
  TOLLGATE_OUTBOX_POLL_MS: duration.default(200),
  TOLLGATE_OUTBOX_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(25),
  TOLLGATE_TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
  TOLLGATE_TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TOLLGATE_JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_JWT_SECRET),
  TOLLGATE_JWT_JWKS_URL: z.string().trim().url().optional(),
  // With an OpenID provider: the issuer and audience a token must name, and where its roles are (a dotted path such as realm_access.roles).
  TOLLGATE_JWT_ISSUER: z.string().trim().url().optional(),
  TOLLGATE_JWT_AUDIENCE: z.string().trim().min(1).optional(),
  ...temporalClusterEnvironment,
  ...kafkaClusterEnvironment,
  ...databaseClusterEnvironment,
  TOLLGATE_JWT_ROLES_CLAIM: z.string().trim().regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, 'a claim name, or a dotted path to one').default('roles'),
  // Requests a minute: development sign-ins per client address, uploads and heavy reads (exports, audit verification) per person.
  TOLLGATE_RATE_LIMIT_SIGN_IN: duration.default(20),
  TOLLGATE_RATE_LIMIT_UPLOADS: duration.default(30),
  TOLLGATE_RATE_LIMIT_HEAVY_READS: duration.default(120),
};

/** The validated configuration of one service, in the shape the code uses. */
export interface ServiceConfig {
  service: ServiceName;
  environment: 'development' | 'test' | 'production';
  /** `corsOrigins`: the origins whose pages may call this service from a browser (the cockpit's). */
  http: { host: string; port: number; corsOrigins: string[] };
  logLevel: (typeof LOG_LEVELS)[number];
  database: { url: string; schema: ServiceName } & DatabaseClusterSettings;
  /** Consumer groups are `<groupPrefix>-<service>.<purpose>`: a second stack on the same brokers uses another prefix. */
  /** Topics are `<topicPrefix><contract name>`: empty for the contract's own names. */
  kafka: { brokers: string[]; clientId: string; groupPrefix: string; topicPrefix: string; outboxPollMs: number; outboxLingerMs: number; signing: SigningSettings } & KafkaClusterSettings;
  temporal: TemporalConnectionSettings & { taskQueue: ServiceName };
  auth: { jwtSecret?: string; jwksUrl?: string; issuer?: string; audience?: string; rolesClaim: string };
  /** Requests a minute each kind of costly route takes from one person (or, signed out, one address). */
  rateLimits: RateLimitSettings;
}

export interface RateLimitSettings {
  signIn: number;
  upload: number;
  heavyRead: number;
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
  const keySetting = `TOLLGATE_${service.toUpperCase()}_SIGNING_KEY`;
  const keyIdSetting = `TOLLGATE_${service.toUpperCase()}_SIGNING_KEY_ID`;
  return productionSettingsPresent.pipe(
    z
    .object({
      ...commonEnvironment,
      [portSetting]: port(defaultPort),
      [keySetting]: z.string().trim().min(1).optional(),
      [keyIdSetting]: z.string().trim().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore; at most 64').default(DEVELOPMENT_KEY_ID),
    })
    .superRefine((env, context) => {
      if (env.NODE_ENV === 'production' && !env.TOLLGATE_JWT_JWKS_URL && env.TOLLGATE_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
        context.addIssue({
          code: 'custom',
          path: ['TOLLGATE_JWT_SECRET'],
          message: 'the development secret is refused in production; set a secret or TOLLGATE_JWT_JWKS_URL',
        });
      }
      // An identity provider signs tokens for every application it serves: in production, only those it
      // issued for this one are taken.
      if (env.NODE_ENV === 'production' && env.TOLLGATE_JWT_JWKS_URL) {
        for (const setting of ['TOLLGATE_JWT_ISSUER', 'TOLLGATE_JWT_AUDIENCE'] as const) {
          if (!env[setting]) context.addIssue({ code: 'custom', path: [setting], message: 'is required in production with TOLLGATE_JWT_JWKS_URL' });
        }
      }
    })
    .transform((env, context): ServiceConfig => {
      const values = env as unknown as Record<string, string | undefined>;
      const signing = signingSettings(service, values[keySetting], values[keyIdSetting]!, values.TOLLGATE_TRUSTED_SIGNING_KEYS, (setting, message) =>
        context.issues.push({ code: 'custom', input: env, message, path: [setting === 'key' ? keySetting : setting === 'keyId' ? keyIdSetting : 'TOLLGATE_TRUSTED_SIGNING_KEYS'] }),
      );
      if (signing && env.NODE_ENV === 'production' && signing.usesDevelopmentKeys) {
        context.issues.push({
          code: 'custom',
          input: env,
          path: [values[keySetting] ? 'TOLLGATE_TRUSTED_SIGNING_KEYS' : keySetting],
          message: "development signing keys are refused in production; set this service's key and the trusted keyring",
        });
      }
      const clusterProblem = (setting: string, message: string) => context.issues.push({ code: 'custom', input: env, message, path: [setting] });
      const production = env.NODE_ENV === 'production';
      return {
        service,
        environment: env.NODE_ENV,
        http: { host: env.TOLLGATE_HTTP_HOST, port: (env as Record<string, unknown>)[portSetting] as number, corsOrigins: env.TOLLGATE_CORS_ORIGINS },
        logLevel: env.TOLLGATE_LOG_LEVEL,
        database: { url: env.TOLLGATE_DATABASE_URL, schema: service, ...databaseCluster(env, clusterProblem) },
        kafka: {
          brokers: env.TOLLGATE_KAFKA_BROKERS,
          clientId: env.TOLLGATE_KAFKA_CLIENT_ID ?? `tollgate-${service}`,
          groupPrefix: env.TOLLGATE_KAFKA_GROUP_PREFIX,
          topicPrefix: env.TOLLGATE_KAFKA_TOPIC_PREFIX,
          outboxPollMs: env.TOLLGATE_OUTBOX_POLL_MS,
          outboxLingerMs: env.TOLLGATE_OUTBOX_LINGER_MS,
          signing: signing!,
          ...kafkaCluster(env, production, clusterProblem),
        },
        temporal: { ...temporalConnection(env, clusterProblem), taskQueue: service },
        auth: {
          ...(env.TOLLGATE_JWT_JWKS_URL ? { jwksUrl: env.TOLLGATE_JWT_JWKS_URL } : { jwtSecret: env.TOLLGATE_JWT_SECRET }),
          ...(env.TOLLGATE_JWT_ISSUER ? { issuer: env.TOLLGATE_JWT_ISSUER } : {}),
          ...(env.TOLLGATE_JWT_AUDIENCE ? { audience: env.TOLLGATE_JWT_AUDIENCE } : {}),
          rolesClaim: env.TOLLGATE_JWT_ROLES_CLAIM,
        },
        rateLimits: { signIn: env.TOLLGATE_RATE_LIMIT_SIGN_IN, upload: env.TOLLGATE_RATE_LIMIT_UPLOADS, heavyRead: env.TOLLGATE_RATE_LIMIT_HEAVY_READS },
      };
    }),
  );
}

type SigningProblem = (setting: 'key' | 'keyId' | 'trusted', message: string) => void;

// The service's own key must be in the keyring under its key id: a typo
// would otherwise make every consumer dead-letter what this service writes.
function signingSettings(
  service: ServiceName,
  keyText: string | undefined,
  keyId: string,
  trustedText: string | undefined,
  problem: SigningProblem,
): SigningSettings | undefined {
  let privateKey;
  try {
    privateKey = keyText ? parsePrivateKey(keyText) : developmentSigningKey(service);
  } catch (error) {
    problem('key', `not an Ed25519 private key (PEM or base64 PKCS#8): ${(error as Error).message}`);
    return undefined;
  }
  let trusted;
  try {
    trusted = trustedText ? parseTrustedKeys(trustedText) : developmentTrustedKeys();
  } catch (error) {
    problem('trusted', (error as Error).message);
    return undefined;
  }
  const own = trusted[service][keyId];
  if (!own || !own.equals(createPublicKey(privateKey))) {
    problem('keyId', `the keyring has no ${service}/${keyId} matching this service's signing key`);
    return undefined;
  }
  const usesDevelopmentKeys = Object.entries(trusted).some(([owner, keys]) =>
    Object.values(keys).some((key) => isDevelopmentKey(owner as ServiceName, key)),
  );
  return { keyId, privateKey, trusted, usesDevelopmentKeys };
}
