import { ConfigError, generateSigningKey, loadConfig } from '@tollgate/config';
import { DEVELOPMENT_FINANCE_HMAC_SECRET, financeConfigSchema } from './finance.config';

const keys = (['plans', 'initiatives', 'finance'] as const).map((service) => generateSigningKey(service, 'k1'));
const production = {
  TOLLGATE_FINANCE_SIGNING_KEY: keys[2].privateKeyPem,
  TOLLGATE_FINANCE_SIGNING_KEY_ID: 'k1',
  TOLLGATE_TRUSTED_SIGNING_KEYS: keys.map((key) => key.keyringEntry).join(','),
  NODE_ENV: 'production',
  TOLLGATE_DATABASE_URL: 'postgres://u:p@db:5432/tollgate',
  TOLLGATE_KAFKA_BROKERS: 'kafka:9092',
  TOLLGATE_TEMPORAL_ADDRESS: 'temporal:7233',
  TOLLGATE_JWT_JWKS_URL: 'https://id.example/.well-known/jwks.json',
  TOLLGATE_JWT_ISSUER: 'https://id.example',
  TOLLGATE_JWT_AUDIENCE: 'urn:tollgate',
};

describe('finance settings', () => {
  it('defaults the inbound signature key for development', () => {
    expect(loadConfig(financeConfigSchema, { NODE_ENV: 'development' }).inbound.hmacSecret).toBe(DEVELOPMENT_FINANCE_HMAC_SECRET);
    expect(loadConfig(financeConfigSchema, { NODE_ENV: 'development' }).http.port).toBe(3003);
  });

  it('refuses the development key in production, naming the setting', () => {
    expect(() => loadConfig(financeConfigSchema, production)).toThrow(ConfigError);
    expect(() => loadConfig(financeConfigSchema, production)).toThrow(/TOLLGATE_FINANCE_HMAC_SECRET: the development key is refused in production/);
    // No NODE_ENV is production here too, as in the settings every service shares.
    const { NODE_ENV: _unset, ...unset } = production;
    expect(() => loadConfig(financeConfigSchema, unset)).toThrow(/TOLLGATE_FINANCE_HMAC_SECRET: the development key is refused in production/);
    expect(loadConfig(financeConfigSchema, { ...production, TOLLGATE_FINANCE_HMAC_SECRET: 'a-real-shared-secret-0123' }).inbound.hmacSecret).toBe(
      'a-real-shared-secret-0123',
    );
  });

  it("reads the process's own environment, as a started service does, and names what production lacks", () => {
    // process.env is no plain object: read as it is, the settings' parts could not be put together.
    const saved = { ...process.env };
    try {
      for (const name of Object.keys(process.env)) if (name.startsWith('TOLLGATE_')) delete process.env[name];
      process.env.NODE_ENV = 'production';
      expect(() => loadConfig(financeConfigSchema, process.env)).toThrow(/TOLLGATE_DATABASE_URL: is required in production[\s\S]*TOLLGATE_TEMPORAL_ADDRESS: is required in production/);
    } finally {
      process.env = saved;
    }
  });

  it('refuses a short key', () => {
    expect(() => loadConfig(financeConfigSchema, { NODE_ENV: 'development', TOLLGATE_FINANCE_HMAC_SECRET: 'short' })).toThrow(/at least 16 characters/);
  });
});
