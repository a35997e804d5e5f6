import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './service-config';

// A throwaway self-signed certificate and its key, only ever parsed here.
const CERT = path.join(__dirname, 'testing/client-cert.pem');
const KEY = path.join(__dirname, 'testing/client-key.pem');
const schema = serviceConfigSchema('initiatives', 3002);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(schema, { NODE_ENV: 'development', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('settings for existing clusters', () => {
  it('connects in plain text to the local stack when nothing is set', () => {
    const config = loadConfig(schema, { NODE_ENV: 'development' });
    expect(config.temporal.tls).toBeUndefined();
    expect(config.temporal.apiKey).toBeUndefined();
    expect(config.kafka.ssl).toBeUndefined();
    expect(config.kafka.sasl).toBeUndefined();
    expect(config.database.tls).toBeUndefined();
    expect(config.database.poolSize).toBe(10);
  });

  it('reads a Temporal client certificate and key for mutual TLS', () => {
    const config = loadConfig(schema, {
      NODE_ENV: 'development',
      TOLLGATE_TEMPORAL_ADDRESS: 'temporal.example.com:7233',
      TOLLGATE_TEMPORAL_NAMESPACE: 'tollgate',
      TOLLGATE_TEMPORAL_TLS_CERT_FILE: CERT,
      TOLLGATE_TEMPORAL_TLS_KEY_FILE: KEY,
      TOLLGATE_TEMPORAL_TLS_CA_FILE: CERT,
      TOLLGATE_TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.example.com',
    });
    expect(config.temporal).toEqual({
      address: 'temporal.example.com:7233',
      namespace: 'tollgate',
      taskQueue: 'initiatives',
      tls: {
        serverNameOverride: 'frontend.temporal.example.com',
        serverRootCACertificate: readFileSync(CERT),
        clientCertPair: { crt: readFileSync(CERT), key: readFileSync(KEY) },
      },
    });
  });

  it('turns TLS on for a Temporal Cloud API key, and refuses the key over a plain connection', () => {
    const config = loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233', TOLLGATE_TEMPORAL_API_KEY: 'cloud-key' });
    expect(config.temporal.tls).toEqual({});
    expect(config.temporal.apiKey).toBe('cloud-key');
    const problems = problemsOf({ TOLLGATE_TEMPORAL_API_KEY: 'cloud-key', TOLLGATE_TEMPORAL_TLS: 'false' });
    expect(problems).toEqual([expect.stringMatching(/^TOLLGATE_TEMPORAL_TLS: is false while .* an API key are set/)]);
  });

  it('names a certificate file that is missing, or that holds no certificate, and a certificate without its key', () => {
    expect(problemsOf({ TOLLGATE_TEMPORAL_TLS_CERT_FILE: '/nowhere/cert.pem', TOLLGATE_TEMPORAL_TLS_KEY_FILE: KEY })).toEqual([
      expect.stringMatching(/^TOLLGATE_TEMPORAL_TLS_CERT_FILE: cannot read \/nowhere\/cert\.pem: ENOENT/),
    ]);
    expect(problemsOf({ TOLLGATE_KAFKA_TLS_CA_FILE: KEY })).toEqual([expect.stringMatching(/^TOLLGATE_KAFKA_TLS_CA_FILE: .* holds no PEM certificate/)]);
    expect(problemsOf({ TOLLGATE_KAFKA_TLS_CERT_FILE: CERT })).toEqual([
      expect.stringMatching(/^TOLLGATE_KAFKA_TLS_KEY_FILE: a client certificate needs its key/),
    ]);
  });

  it('takes SASL SCRAM over TLS for the brokers (Amazon MSK)', () => {
    const config = loadConfig(schema, {
      NODE_ENV: 'development',
      TOLLGATE_KAFKA_BROKERS: 'b-1.msk.example.com:9096,b-2.msk.example.com:9096',
      TOLLGATE_KAFKA_TLS: 'true',
      TOLLGATE_KAFKA_SASL_MECHANISM: 'scram-sha-512',
      TOLLGATE_KAFKA_SASL_USERNAME: 'tollgate',
      TOLLGATE_KAFKA_SASL_PASSWORD: 's3cret',
      TOLLGATE_KAFKA_CLIENT_ID: 'tollgate-initiatives-eu',
    });
    expect(config.kafka).toMatchObject({
      clientId: 'tollgate-initiatives-eu',
      ssl: {},
      sasl: { mechanism: 'scram-sha-512', username: 'tollgate', password: 's3cret' },
    });
  });

  it('asks for what SASL lacks, and refuses PLAIN in clear in production', () => {
    expect(problemsOf({ TOLLGATE_KAFKA_SASL_MECHANISM: 'plain', TOLLGATE_KAFKA_SASL_USERNAME: 'tollgate' })).toEqual([
      expect.stringMatching(/^TOLLGATE_KAFKA_SASL_PASSWORD: is required with SASL plain/),
    ]);
    expect(problemsOf({ TOLLGATE_KAFKA_SASL_PASSWORD: 'x' })).toEqual([expect.stringMatching(/^TOLLGATE_KAFKA_SASL_MECHANISM: is required when/)]);
    const production = problemsOf({
      NODE_ENV: 'production',
      TOLLGATE_DATABASE_URL: 'postgres://u:p@db/x',
      TOLLGATE_KAFKA_BROKERS: 'kafka:9092',
      TOLLGATE_TEMPORAL_ADDRESS: 'temporal:7233',
      TOLLGATE_JWT_SECRET: 'a-production-secret-of-length',
      TOLLGATE_KAFKA_SASL_MECHANISM: 'plain',
      TOLLGATE_KAFKA_SASL_USERNAME: 'u',
      TOLLGATE_KAFKA_SASL_PASSWORD: 'p',
    });
    expect(production).toContainEqual(expect.stringMatching(/^TOLLGATE_KAFKA_SASL_MECHANISM: plain sends the password in clear/));
  });

  it('never prints a refused password, API key or database URL', () => {
    const problems = problemsOf({ TOLLGATE_KAFKA_SASL_PASSWORD: 'hunter2-hunter2', TOLLGATE_DATABASE_URL: 'mysql://root:topsecret@db/x' });
    expect(problems.join('\n')).not.toMatch(/hunter2|topsecret/);
    expect(problems).toContainEqual(expect.stringMatching(/\(TOLLGATE_DATABASE_URL is set; its value is not shown\)$/));
  });

  it('verifies the database server against a CA, sizes the pool, and refuses two answers on TLS', () => {
    const config = loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_DATABASE_TLS: 'verify-full', TOLLGATE_DATABASE_TLS_CA_FILE: CERT, TOLLGATE_DATABASE_POOL_SIZE: '25' });
    expect(config.database.tls).toEqual({ rejectUnauthorized: true, ca: readFileSync(CERT, 'utf8') });
    expect(config.database.poolSize).toBe(25);
    expect(loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_DATABASE_TLS: 'require' }).database.tls).toEqual({ rejectUnauthorized: false });
    expect(problemsOf({ TOLLGATE_DATABASE_TLS: 'require', TOLLGATE_DATABASE_URL: 'postgres://u:p@db/x?sslmode=verify-full' })).toEqual([
      expect.stringMatching(/^TOLLGATE_DATABASE_TLS: is set while TOLLGATE_DATABASE_URL names an sslmode too/),
    ]);
    expect(problemsOf({ TOLLGATE_DATABASE_POOL_SIZE: '0' })).toEqual([expect.stringMatching(/^TOLLGATE_DATABASE_POOL_SIZE: /)]);
  });
});
