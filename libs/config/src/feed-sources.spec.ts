import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error';
import { DEVELOPMENT_FEED_SECRET_KEY, feedSettings } from './feed-sources';
import { loadConfig } from './load-config';

const schema = feedSettings(['sales.demand-actuals']);

describe('the keys feed secrets are sealed with', () => {
  it('takes keyId=base64 entries, the first sealing, and a development key outside production', () => {
    const [first, second] = [randomBytes(32), randomBytes(32)];
    const { feeds } = loadConfig(schema, { NODE_ENV: 'production', TOLLGATE_FEED_SECRET_KEYS: `k2=${first.toString('base64')}, k1=${second.toString('base64')}` });
    expect(feeds.secretKeys).toEqual([
      { keyId: 'k2', key: first },
      { keyId: 'k1', key: second },
    ]);
    expect(loadConfig(schema, { NODE_ENV: 'development' }).feeds.secretKeys).toEqual([DEVELOPMENT_FEED_SECRET_KEY]);
  });

  it('refuses the development key in production, when NODE_ENV is unset too, and a malformed or repeated key', () => {
    expect(() => loadConfig(schema, { NODE_ENV: 'production' })).toThrow(/TOLLGATE_FEED_SECRET_KEYS: the development key is refused in production/);
    expect(() => loadConfig(schema, {})).toThrow(ConfigError);
    expect(() => loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_FEED_SECRET_KEYS: 'k1=c2hvcnQ=' })).toThrow(/TOLLGATE_FEED_SECRET_KEYS: expected keyId=<32 bytes in base64> entries/);
    const key = randomBytes(32).toString('base64');
    expect(() => loadConfig(schema, { NODE_ENV: 'development', TOLLGATE_FEED_SECRET_KEYS: `k1=${key},k1=${key}` })).toThrow(/key 'k1' is listed twice/);
  });
});
