import { ConfigError, loadConfig } from '@tollgate/config';
import { initiativesConfigSchema } from './initiatives.config';

const DAY = 86_400_000;

describe('initiatives settings', () => {
  it('defaults the escalation grace periods to P7D and P14D', () => {
    const config = loadConfig(initiativesConfigSchema, { NODE_ENV: 'development' });
    expect(config.lifecycle.escalation).toEqual({ sponsorGraceMs: 7 * DAY, steeringCommitteeGraceMs: 14 * DAY });
    expect(config.http.port).toBe(3002);
  });

  it('reads ISO-8601 grace periods', () => {
    const config = loadConfig(initiativesConfigSchema, { NODE_ENV: 'development', TOLLGATE_ESCALATION_SPONSOR_GRACE: 'P2W', TOLLGATE_ESCALATION_STEERING_GRACE: 'PT36H' });
    expect(config.lifecycle.escalation).toEqual({ sponsorGraceMs: 14 * DAY, steeringCommitteeGraceMs: 1.5 * DAY });
  });

  it('names a grace period that is not an exact duration', () => {
    expect(() => loadConfig(initiativesConfigSchema, { NODE_ENV: 'development', TOLLGATE_ESCALATION_STEERING_GRACE: 'two weeks' })).toThrow(ConfigError);
    expect(() => loadConfig(initiativesConfigSchema, { NODE_ENV: 'development', TOLLGATE_ESCALATION_STEERING_GRACE: 'P1M' })).toThrow(
      /TOLLGATE_ESCALATION_STEERING_GRACE: expected an ISO-8601 duration .* \(TOLLGATE_ESCALATION_STEERING_GRACE is 'P1M'\)/,
    );
  });
});
