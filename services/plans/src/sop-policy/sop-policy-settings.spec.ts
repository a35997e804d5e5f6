import { ConfigError, loadConfig } from '@tollgate/config';
import { plansConfigSchema } from '../config/plans.config';

describe('S&OP policy settings', () => {
  it('default a node without a policy up its hierarchy to 1,000,000 and 100 at 5 %', () => {
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development' }).sop.defaultPolicy).toEqual({
      ownerId: null,
      valueThreshold: { absolute: 1_000_000, percent: 0.05 },
      volumeThreshold: { absolute: 100, percent: 0.05 },
      pivotCapacity: null,
    });
  });

  it('read each threshold from its setting', () => {
    const config = loadConfig(plansConfigSchema, {
      NODE_ENV: 'development',
      TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE: '250000',
      TOLLGATE_SOP_VALUE_THRESHOLD_PERCENT: '0.1',
      TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE: '40',
      TOLLGATE_SOP_VOLUME_THRESHOLD_PERCENT: '0.02',
    });
    expect(config.sop.defaultPolicy.valueThreshold).toEqual({ absolute: 250_000, percent: 0.1 });
    expect(config.sop.defaultPolicy.volumeThreshold).toEqual({ absolute: 40, percent: 0.02 });
  });

  it('name a threshold that is not a number, or negative, or a fraction of a unit', () => {
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_SOP_VALUE_THRESHOLD_PERCENT: 'five' })).toThrow(ConfigError);
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE: '-1' })).toThrow(
      /TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE: .*\(TOLLGATE_SOP_VOLUME_THRESHOLD_ABSOLUTE is '-1'\)/,
    );
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE: '10.5' })).toThrow(/TOLLGATE_SOP_VALUE_THRESHOLD_ABSOLUTE/);
  });
});
