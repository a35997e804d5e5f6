import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * How a process reaches the Temporal, Kafka and PostgreSQL clusters an
 * organization already runs: TLS, mutual TLS, SASL, an API key. Every file
 * named here is read and parsed at start, so a wrong path or a key that is
 * not a key stops the process with the setting's name instead of failing
 * the first connection minutes later.
 */

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value))
  .optional();

function pemFile(kind: 'certificate' | 'private key') {
  return z
    .string()
    .trim()
    .min(1)
    .transform((path, context) => {
      let content: Buffer;
      try {
        content = readFileSync(path);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        return z.NEVER;
      }
      try {
        if (kind === 'certificate') new X509Certificate(content);
        else createPrivateKey(content);
      } catch {
        context.addIssue({ code: 'custom', message: `${path} holds no PEM ${kind}` });
        return z.NEVER;
      }
      return content;
    })
    .optional();
}

const secretText = z.string().trim().min(1).optional();

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export const DATABASE_TLS_MODES = ['disable', 'require', 'verify-full'] as const;

/** The cluster settings, named as environment variables. */
export const temporalClusterEnvironment = {
  TOLLGATE_TEMPORAL_TLS: flag,
  TOLLGATE_TEMPORAL_TLS_CA_FILE: pemFile('certificate'),
  TOLLGATE_TEMPORAL_TLS_CERT_FILE: pemFile('certificate'),
  TOLLGATE_TEMPORAL_TLS_KEY_FILE: pemFile('private key'),
  TOLLGATE_TEMPORAL_TLS_SERVER_NAME: z.string().trim().regex(/^[A-Za-z0-9.-]+$/, 'a host name').optional(),
  TOLLGATE_TEMPORAL_API_KEY: secretText,
};

export const kafkaClusterEnvironment = {
  TOLLGATE_KAFKA_TLS: flag,
  TOLLGATE_KAFKA_TLS_CA_FILE: pemFile('certificate'),
  TOLLGATE_KAFKA_TLS_CERT_FILE: pemFile('certificate'),
  TOLLGATE_KAFKA_TLS_KEY_FILE: pemFile('private key'),
  TOLLGATE_KAFKA_SASL_MECHANISM: z.enum(SASL_MECHANISMS).optional(),
  TOLLGATE_KAFKA_SASL_USERNAME: secretText,
  TOLLGATE_KAFKA_SASL_PASSWORD: secretText,
};

export const databaseClusterEnvironment = {
  TOLLGATE_DATABASE_TLS: z.enum(DATABASE_TLS_MODES).optional(),
  TOLLGATE_DATABASE_TLS_CA_FILE: pemFile('certificate'),
  TOLLGATE_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
};

/** TLS to the Temporal frontend, in the shape the Temporal SDK takes. */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

export interface TemporalConnectionSettings {
  address: string;
  namespace: string;
  /** Undefined for a plain connection (the local dev server). */
  tls?: TemporalTls;
  /** Temporal Cloud's API key, sent as a bearer token. */
  apiKey?: string;
}

/** TLS and SASL to the brokers, in the shape kafkajs takes. */
export interface KafkaClusterSettings {
  ssl?: { ca?: string[]; cert?: string; key?: string };
  sasl?: { mechanism: (typeof SASL_MECHANISMS)[number]; username: string; password: string };
}

export interface DatabaseClusterSettings {
  /** Undefined: as the URL says (plain unless it names an sslmode). */
  tls?: { rejectUnauthorized: boolean; ca?: string };
  poolSize: number;
}

type Problem = (setting: string, message: string) => void;
type Env<T extends Record<string, z.ZodType>> = z.output<z.ZodObject<T>>;

function bothOrNeither(cert: unknown, key: unknown, certSetting: string, keySetting: string, problem: Problem): void {
  if (Boolean(cert) !== Boolean(key)) {
    problem(cert ? keySetting : certSetting, `a client certificate needs its key: set both ${certSetting} and ${keySetting}, or neither`);
  }
}

export function temporalConnection(
  env: Env<typeof temporalClusterEnvironment> & { TOLLGATE_TEMPORAL_ADDRESS: string; TOLLGATE_TEMPORAL_NAMESPACE: string },
  problem: Problem,
): TemporalConnectionSettings {
  const wantsTls =
    env.TOLLGATE_TEMPORAL_API_KEY !== undefined ||
    [env.TOLLGATE_TEMPORAL_TLS_CA_FILE, env.TOLLGATE_TEMPORAL_TLS_CERT_FILE, env.TOLLGATE_TEMPORAL_TLS_SERVER_NAME].some(Boolean);
  if (env.TOLLGATE_TEMPORAL_TLS === false && wantsTls) {
    // An API key or a certificate sent over a plain connection is a secret handed to the network.
    problem('TOLLGATE_TEMPORAL_TLS', 'is false while TLS files, a server name or an API key are set; those need TLS');
  }
  bothOrNeither(env.TOLLGATE_TEMPORAL_TLS_CERT_FILE, env.TOLLGATE_TEMPORAL_TLS_KEY_FILE, 'TOLLGATE_TEMPORAL_TLS_CERT_FILE', 'TOLLGATE_TEMPORAL_TLS_KEY_FILE', problem);
  const settings: TemporalConnectionSettings = { address: env.TOLLGATE_TEMPORAL_ADDRESS, namespace: env.TOLLGATE_TEMPORAL_NAMESPACE };
  if (env.TOLLGATE_TEMPORAL_TLS || wantsTls) {
    settings.tls = {
      ...(env.TOLLGATE_TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TOLLGATE_TEMPORAL_TLS_SERVER_NAME } : {}),
      ...(env.TOLLGATE_TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: env.TOLLGATE_TEMPORAL_TLS_CA_FILE } : {}),
      ...(env.TOLLGATE_TEMPORAL_TLS_CERT_FILE && env.TOLLGATE_TEMPORAL_TLS_KEY_FILE
        ? { clientCertPair: { crt: env.TOLLGATE_TEMPORAL_TLS_CERT_FILE, key: env.TOLLGATE_TEMPORAL_TLS_KEY_FILE } }
        : {}),
    };
  }
  if (env.TOLLGATE_TEMPORAL_API_KEY) settings.apiKey = env.TOLLGATE_TEMPORAL_API_KEY;
  return settings;
}

export function kafkaCluster(env: Env<typeof kafkaClusterEnvironment>, production: boolean, problem: Problem): KafkaClusterSettings {
  const files = [env.TOLLGATE_KAFKA_TLS_CA_FILE, env.TOLLGATE_KAFKA_TLS_CERT_FILE, env.TOLLGATE_KAFKA_TLS_KEY_FILE];
  if (env.TOLLGATE_KAFKA_TLS === false && files.some(Boolean)) problem('TOLLGATE_KAFKA_TLS', 'is false while TLS files are set');
  bothOrNeither(env.TOLLGATE_KAFKA_TLS_CERT_FILE, env.TOLLGATE_KAFKA_TLS_KEY_FILE, 'TOLLGATE_KAFKA_TLS_CERT_FILE', 'TOLLGATE_KAFKA_TLS_KEY_FILE', problem);
  const settings: KafkaClusterSettings = {};
  const tls = env.TOLLGATE_KAFKA_TLS ?? files.some(Boolean);
  if (tls) {
    settings.ssl = {
      ...(env.TOLLGATE_KAFKA_TLS_CA_FILE ? { ca: [env.TOLLGATE_KAFKA_TLS_CA_FILE.toString('utf8')] } : {}),
      ...(env.TOLLGATE_KAFKA_TLS_CERT_FILE ? { cert: env.TOLLGATE_KAFKA_TLS_CERT_FILE.toString('utf8') } : {}),
      ...(env.TOLLGATE_KAFKA_TLS_KEY_FILE ? { key: env.TOLLGATE_KAFKA_TLS_KEY_FILE.toString('utf8') } : {}),
    };
  }
  const { TOLLGATE_KAFKA_SASL_MECHANISM: mechanism, TOLLGATE_KAFKA_SASL_USERNAME: username, TOLLGATE_KAFKA_SASL_PASSWORD: password } = env;
  if (mechanism) {
    if (!username) problem('TOLLGATE_KAFKA_SASL_USERNAME', `is required with SASL ${mechanism}`);
    if (!password) problem('TOLLGATE_KAFKA_SASL_PASSWORD', `is required with SASL ${mechanism}`);
    // PLAIN sends the password as it is: only over TLS in production.
    if (mechanism === 'plain' && !tls && production) problem('TOLLGATE_KAFKA_SASL_MECHANISM', 'plain sends the password in clear: set TOLLGATE_KAFKA_TLS=true in production');
    if (username && password) settings.sasl = { mechanism, username, password };
  } else if (username || password) {
    problem('TOLLGATE_KAFKA_SASL_MECHANISM', 'is required when a SASL username or password is set (plain, scram-sha-256 or scram-sha-512)');
  }
  return settings;
}

export function databaseCluster(env: Env<typeof databaseClusterEnvironment> & { TOLLGATE_DATABASE_URL: string }, problem: Problem): DatabaseClusterSettings {
  const mode = env.TOLLGATE_DATABASE_TLS;
  // The URL's own sslmode and this setting would each decide; two answers to one question is a mistake waiting to happen.
  if (mode && /[?&]ssl(mode)?=/.test(env.TOLLGATE_DATABASE_URL)) {
    problem('TOLLGATE_DATABASE_TLS', 'is set while TOLLGATE_DATABASE_URL names an sslmode too: keep one of them');
  }
  if (env.TOLLGATE_DATABASE_TLS_CA_FILE && mode !== 'verify-full') {
    problem('TOLLGATE_DATABASE_TLS_CA_FILE', 'is only read with TOLLGATE_DATABASE_TLS=verify-full');
  }
  const settings: DatabaseClusterSettings = { poolSize: env.TOLLGATE_DATABASE_POOL_SIZE };
  if (mode === 'require') settings.tls = { rejectUnauthorized: false };
  if (mode === 'verify-full') {
    settings.tls = { rejectUnauthorized: true, ...(env.TOLLGATE_DATABASE_TLS_CA_FILE ? { ca: env.TOLLGATE_DATABASE_TLS_CA_FILE.toString('utf8') } : {}) };
  }
  return settings;
}

/** Settings whose value must never be printed, even when it is refused. */
export function isSecretSetting(name: string): boolean {
  return /(PASSWORD|API_KEY|SECRET|SIGNING_KEY|TRUSTED_SIGNING_KEYS|DATABASE_URL|FEED_SOURCES)$/.test(name);
}
