import { ConfigError } from './config-error';
import { loadConfig, loadConfigOrExit } from './load-config';
import { generateKeyPairSync } from 'node:crypto';
import { DEVELOPMENT_JWT_SECRET, serviceConfigSchema } from './service-config';
import { trustedKeyEntry } from './signing-keys';

const schema = serviceConfigSchema('finance', 3003);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(schema, { NODE_ENV: 'development', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('service configuration', () => {
  it('runs as production when NODE_ENV is not set: the development secret and defaults are refused until asked for by name', () => {
    expect(() => loadConfig(schema, {})).toThrow(/TOLLGATE_JWT_SECRET: the development secret is refused in production/);
  });

  it('runs on the local stack with no settings but NODE_ENV=development', () => {
    const config = loadConfig(schema, { NODE_ENV: 'development' });
    expect(config).toEqual({
      service: 'finance',
      environment: 'development',
      http: { host: '127.0.0.1', port: 3003, corsOrigins: ['http://127.0.0.1:3001', 'http://localhost:3001'] },
      logLevel: 'info',
      database: { url: 'postgres://tollgate:tollgate@127.0.0.1:5432/tollgate', schema: 'finance', poolSize: 10 },
      kafka: {
        brokers: ['127.0.0.1:9092'],
        clientId: 'tollgate-finance',
        groupPrefix: 'tollgate',
        topicPrefix: '',
        outboxPollMs: 200,
        outboxLingerMs: 25,
        signing: expect.objectContaining({ keyId: 'dev-1', usesDevelopmentKeys: true }),
      },
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'finance' },
      auth: { jwtSecret: DEVELOPMENT_JWT_SECRET, rolesClaim: 'roles' },
      rateLimits: { signIn: 20, upload: 30, heavyRead: 120 },
    });
  });

  it('reads its own port setting and a list of brokers', () => {
    const config = loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_FINANCE_PORT: '4003', TOLLGATE_KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(config.http.port).toBe(4003);
    expect(config.kafka.brokers).toEqual(['a:9092', 'b:9093']);
  });

  it('names a malformed port and shows its value', () => {
    const problems = problemsOf({ TOLLGATE_FINANCE_PORT: 'eighty' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TOLLGATE_FINANCE_PORT: .*\(TOLLGATE_FINANCE_PORT is 'eighty'\)$/);
  });

  it('names every bad setting at once', () => {
    const problems = problemsOf({
      TOLLGATE_DATABASE_URL: 'mysql://db/tollgate',
      TOLLGATE_KAFKA_BROKERS: 'no-port-here',
      TOLLGATE_TEMPORAL_ADDRESS: 'localhost',
      NODE_ENV: 'staging',
    });
    const named = problems.map((problem) => problem.split(':')[0]).sort();
    expect(named).toEqual(['NODE_ENV', 'TOLLGATE_DATABASE_URL', 'TOLLGATE_KAFKA_BROKERS.0', 'TOLLGATE_TEMPORAL_ADDRESS']);
  });

  const keys = {
    plans: generateKeyPairSync('ed25519'),
    initiatives: generateKeyPairSync('ed25519'),
    finance: generateKeyPairSync('ed25519'),
    financeNext: generateKeyPairSync('ed25519'),
  };
  const keyring = [
    trustedKeyEntry('plans', 'k1', keys.plans.publicKey),
    trustedKeyEntry('initiatives', 'k1', keys.initiatives.publicKey),
    trustedKeyEntry('finance', 'k1', keys.finance.publicKey),
  ].join(',');
  const pem = (key: typeof keys.finance) => key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const productionEnv = {
    NODE_ENV: 'production',
    TOLLGATE_DATABASE_URL: 'postgres://app@db.internal:5432/tollgate',
    TOLLGATE_KAFKA_BROKERS: 'kafka-1.internal:9092',
    TOLLGATE_TEMPORAL_ADDRESS: 'temporal.internal:7233',
    TOLLGATE_FINANCE_SIGNING_KEY: pem(keys.finance).replace(/\n/g, '\\n'),
    TOLLGATE_FINANCE_SIGNING_KEY_ID: 'k1',
    TOLLGATE_TRUSTED_SIGNING_KEYS: keyring,
  };

  it('refuses the development signing keys in production', () => {
    const { TOLLGATE_FINANCE_SIGNING_KEY: _key, TOLLGATE_FINANCE_SIGNING_KEY_ID: _id, TOLLGATE_TRUSTED_SIGNING_KEYS: _ring, ...withoutKeys } = productionEnv;
    const problems = problemsOf({ ...withoutKeys, TOLLGATE_JWT_SECRET: 'a-long-production-secret' });
    expect(problems).toEqual([expect.stringMatching(/^TOLLGATE_FINANCE_SIGNING_KEY: development signing keys are refused in production/)]);
  });

  it('names the key id whose key is not in the keyring', () => {
    const problems = problemsOf({ ...productionEnv, TOLLGATE_JWT_SECRET: 'a-long-production-secret', TOLLGATE_FINANCE_SIGNING_KEY_ID: 'k2' });
    expect(problems).toEqual([expect.stringMatching(/^TOLLGATE_FINANCE_SIGNING_KEY_ID: the keyring has no finance\/k2 matching/)]);
  });

  it('signs with a rotated key while the keyring still trusts the old one', () => {
    const config = loadConfig(schema, {
      ...productionEnv,
      TOLLGATE_JWT_SECRET: 'a-long-production-secret',
      TOLLGATE_FINANCE_SIGNING_KEY: pem(keys.financeNext),
      TOLLGATE_FINANCE_SIGNING_KEY_ID: 'k2',
      TOLLGATE_TRUSTED_SIGNING_KEYS: `${keyring} ${trustedKeyEntry('finance', 'k2', keys.financeNext.publicKey)}`,
    });
    expect(config.kafka.signing.keyId).toBe('k2');
    expect(Object.keys(config.kafka.signing.trusted.finance).sort()).toEqual(['k1', 'k2']);
    expect(config.kafka.signing.usesDevelopmentKeys).toBe(false);
  });

  it('names each connection setting that production leaves out', () => {
    const problems = problemsOf({ NODE_ENV: 'production', TOLLGATE_JWT_SECRET: 'a-long-production-secret' });
    expect(problems).toEqual([
      "TOLLGATE_DATABASE_URL: is required in production (TOLLGATE_DATABASE_URL is not set)",
      "TOLLGATE_KAFKA_BROKERS: is required in production (TOLLGATE_KAFKA_BROKERS is not set)",
      "TOLLGATE_TEMPORAL_ADDRESS: is required in production (TOLLGATE_TEMPORAL_ADDRESS is not set)",
    ]);
  });

  it('refuses the development JWT secret in production', () => {
    const problems = problemsOf(productionEnv);
    expect(problems).toEqual([expect.stringMatching(/^TOLLGATE_JWT_SECRET: the development secret is refused in production/)]);
  });

  it('accepts production with its own secret, or with a JWKS URL and the issuer and audience its tokens must name', () => {
    expect(loadConfig(schema, { ...productionEnv, TOLLGATE_JWT_SECRET: 'a-long-production-secret' }).auth).toEqual({
      jwtSecret: 'a-long-production-secret',
      rolesClaim: 'roles',
    });
    const provider = { TOLLGATE_JWT_JWKS_URL: 'https://idp.example/jwks.json', TOLLGATE_JWT_ISSUER: 'https://idp.example', TOLLGATE_JWT_AUDIENCE: 'urn:tollgate' };
    expect(loadConfig(schema, { ...productionEnv, ...provider }).auth).toEqual({
      jwksUrl: 'https://idp.example/jwks.json',
      issuer: 'https://idp.example',
      audience: 'urn:tollgate',
      rolesClaim: 'roles',
    });
  });

  it("refuses a JWKS URL in production without the issuer and audience, so that another application's tokens are not taken", () => {
    expect(problemsOf({ ...productionEnv, TOLLGATE_JWT_JWKS_URL: 'https://idp.example/jwks.json' })).toEqual([
      'TOLLGATE_JWT_ISSUER: is required in production with TOLLGATE_JWT_JWKS_URL (TOLLGATE_JWT_ISSUER is not set)',
      'TOLLGATE_JWT_AUDIENCE: is required in production with TOLLGATE_JWT_JWKS_URL (TOLLGATE_JWT_AUDIENCE is not set)',
    ]);
  });

  it("takes an OpenID provider's issuer, audience and roles claim, and refuses a roles claim that is no path", () => {
    const env = { ...productionEnv, TOLLGATE_JWT_JWKS_URL: 'https://idp.example/jwks.json', TOLLGATE_JWT_ISSUER: 'https://idp.example', TOLLGATE_JWT_AUDIENCE: 'urn:tollgate', TOLLGATE_JWT_ROLES_CLAIM: 'realm_access.roles' };
    expect(loadConfig(schema, env).auth).toEqual({ jwksUrl: 'https://idp.example/jwks.json', issuer: 'https://idp.example', audience: 'urn:tollgate', rolesClaim: 'realm_access.roles' });
    expect(() => loadConfig(schema, { ...env, TOLLGATE_JWT_ROLES_CLAIM: 'realm access..roles' })).toThrow(/TOLLGATE_JWT_ROLES_CLAIM: a claim name, or a dotted path to one/);
  });

  it('stops the process with a message naming the setting', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exited');
    }) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => loadConfigOrExit(schema, { TOLLGATE_OUTBOX_POLL_MS: '-5' })).toThrow('exited');
      expect(exit).toHaveBeenCalledWith(1);
      expect(String(stderr.mock.calls[0][0])).toMatch(/Invalid configuration:\n {2}- TOLLGATE_OUTBOX_POLL_MS: /);
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
