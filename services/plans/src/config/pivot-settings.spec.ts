import { ConfigError, loadConfig } from '@tollgate/config';
import { plansConfigSchema } from './plans.config';

describe('the pivot’s DoI weights', () => {
  it('weighs each stage 0 to 5 by the chance its value arrives, by default rising to certainty at closure', () => {
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development' }).pivot.doiWeights).toEqual([0.1, 0.25, 0.5, 0.75, 0.9, 1]);
    expect(loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PIVOT_DOI_WEIGHTS: '0, 0.2, 0.4, 0.6, 0.8, 1' }).pivot.doiWeights).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('names the setting when a weight is missing or out of 0 to 1', () => {
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PIVOT_DOI_WEIGHTS: '0.1,0.2' })).toThrow(ConfigError);
    expect(() => loadConfig(plansConfigSchema, { NODE_ENV: 'development', TOLLGATE_PIVOT_DOI_WEIGHTS: '0.1,0.2,0.3,0.4,0.5,1.5' })).toThrow(/TOLLGATE_PIVOT_DOI_WEIGHTS: expected six/);
  });
});
